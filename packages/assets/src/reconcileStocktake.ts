import { type Fen, multiplyFen, sumFen } from "@houqin/core";
import { keyHash, keyText, sameKey, stocktakeKey } from "./stocktakeKey.js";
import { shareOf } from "./stocktakeShare.js";

/** A line of the books for {@link reconcileStocktake}. */
export interface LedgerLine {
  assetNo?: string;
  name: string;
  /** Where the books say it is; a line without a room is matched by number only. */
  room?: string;
  quantity: number;
  /** The unit price in fen, if known: values are quantity × unit price. */
  unitPrice?: Fen;
}

/** A line of the count for {@link reconcileStocktake}. */
export interface CountedLine {
  assetNo?: string;
  name?: string;
  /** Where it was counted. */
  room: string;
  quantity: number;
  /** The unit price in fen, if the count gives one (a 盘盈 item is valued at it). */
  unitPrice?: Fen;
}

/**
 * What became of a group of lines:
 * - `matched`: found where the books say, in the same quantity;
 * - `quantity`: found, in another quantity;
 * - `misplaced`: matched by asset number but counted in another room than the books say;
 * - `surplus` (盘盈): counted, not on the books;
 * - `shortage` (盘亏): on the books in a counted room, not found (or counted as 0);
 * - `uncounted`: on the books in a room the count did not cover (with `scope: "counted-rooms"`).
 */
export type StocktakeStatus = "matched" | "quantity" | "misplaced" | "surplus" | "shortage" | "uncounted";

/** One outcome of a reconciliation: a group of ledger lines and the counted lines they were matched with. */
export interface StocktakeResult {
  status: StocktakeStatus;
  /** How the lines were matched; absent for lines matched with nothing. */
  matchedBy?: "number" | "name-room";
  /** Indexes into the ledger lines, ascending. */
  ledger: readonly number[];
  /** Indexes into the counted lines, ascending. */
  counted: readonly number[];
  assetNo?: string;
  name: string;
  /** The room it belongs to: the books' room, or where it was counted when the books have none. */
  room: string;
  /** For `misplaced`: the rooms it was counted in, "、"-separated. */
  countedRoom?: string;
  bookQuantity: number;
  countedQuantity: number;
  /** countedQuantity − bookQuantity. */
  difference: number;
  /** The unit price the values are worked at; absent when unknown. */
  unitPrice?: Fen;
  /** The books' value of the group (0 for a surplus); absent when the price is unknown. */
  bookValue?: Fen;
  /** The value found beyond the books; 0 when none, absent when the price is unknown. */
  surplusValue?: Fen;
  /** The value missing from the books; 0 when none, absent when the price is unknown. */
  shortageValue?: Fen;
}

/** Options of {@link reconcileStocktake}. */
export interface ReconcileStocktakeOptions {
  /**
   * "all": every ledger line not found is 盘亏 (a full stocktake). "counted-rooms" (the default): only
   * lines in rooms the count covers are 盘亏; lines in other rooms are `uncounted`.
   */
  scope?: "all" | "counted-rooms";
}

/** Quantities as decimals: sums of 0.1 and 0.2 are 0.3 (a sum rounded to millionths). */
function roundQuantity(sum: number): number {
  return Math.round(sum * 1e6) / 1e6;
}

/** What one call works with: the lines, and each line's keys worked out once. */
interface Lines {
  ledger: readonly LedgerLine[];
  counted: readonly CountedLine[];
  scope: "all" | "counted-rooms";
  ledgerRoomKeys: readonly string[];
  countedRoomKeys: readonly string[];
  /** The keys of the counted rooms, made when first needed. */
  countedRooms: Set<string> | undefined;
}

/**
 * Reconciles the books with a count (账物核对, 三(二)2): lines are matched by asset number first, then
 * by name and room; what is left is 盘盈 (counted, not on the books) or 盘亏 (on the books, not found).
 * Every ledger line and every counted line is in exactly one result.
 *
 * - Lines with the same asset number form one group, whatever their rooms; counted in a room other
 *   than the books' it is `misplaced`.
 * - The rest are grouped by name and room (several ledger lines of 课桌椅 in one room against one
 *   count): the totals are compared.
 * - Values are quantity × unit price (`multiplyFen`); a group whose lines differ in price is valued
 *   at its average, split exactly.
 *
 * Pure and deterministic: results follow the ledger's order, then the surpluses in the count's order.
 *
 * @param ledger - the lines of the books
 * @param counted - the lines of the count
 * @param options - which rooms a line not found counts as 盘亏 in
 * @returns one result per group
 * @example
 * reconcileStocktake(
 *   [{ assetNo: "A1", name: "投影仪", room: "301", quantity: 1, unitPrice: 450000 }],
 *   [{ assetNo: "A1", name: "投影仪", room: "302", quantity: 1 }],
 * )[0]?.status // "misplaced"
 */
export function reconcileStocktake(
  ledger: readonly LedgerLine[],
  counted: readonly CountedLine[],
  options: ReconcileStocktakeOptions = {},
): StocktakeResult[] {
  // Every line's keys once, in as few passes over the lines as may be; the helpers are functions of
  // the module, not closures made per call, so that the optimised code of one call serves the next.
  const remembered = new Map<string, string>();
  const ledgerRoomKeys = new Array<string>(ledger.length);
  const countedRoomKeys = new Array<string>(counted.length);
  const groups: Groups = {
    ledger: [],
    counted: [],
    matchedBy: [],
    ledgerGroup: new Int32Array(ledger.length).fill(-1),
    countedGroup: new Int32Array(counted.length).fill(-1),
  };

  // 1. By asset number: every line of one number, on either side, in one group. The counted lines of
  // a number are a list (its first line in the index, the next of each in `nextByNumber`), ascending,
  // made going backwards. The index is a hash table of our own (open addressing in typed arrays, keyed
  // by `keyText`), not a Map of keys: it takes no lower-cased copy of each number and no Map entry, the
  // largest cost of a reconciliation of numbered assets when it was a Map.
  const numberTexts = new Array<string>(counted.length);
  let capacity = 16;
  while (capacity < counted.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const slotLine = new Int32Array(capacity).fill(-1); // the first counted line of a number, −1 for none
  const slotHash = new Int32Array(capacity);
  const nextByNumber = new Int32Array(counted.length).fill(-1);
  for (let c = counted.length - 1; c >= 0; c--) {
    const line = counted[c] as CountedLine;
    countedRoomKeys[c] = stocktakeKey(line.room, remembered);
    const t = keyText(line.assetNo, remembered);
    numberTexts[c] = t;
    if (t === "") continue;
    const h = keyHash(t);
    let slot = h & mask;
    for (;;) {
      const head = slotLine[slot] as number;
      if (head === -1) break;
      if (slotHash[slot] === h && sameKey(numberTexts[head] as string, t)) {
        nextByNumber[c] = head;
        break;
      }
      slot = (slot + 1) & mask;
    }
    slotLine[slot] = c;
    slotHash[slot] = h;
  }
  for (let i = 0; i < ledger.length; i++) {
    const line = ledger[i] as LedgerLine;
    ledgerRoomKeys[i] = stocktakeKey(line.room, remembered);
    const t = keyText(line.assetNo, remembered);
    if (t === "") continue;
    const h = keyHash(t);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const head = slotLine[slot] as number;
      if (head === -1) break;
      if (slotHash[slot] === h && sameKey(numberTexts[head] as string, t)) {
        group(groups, i, head, nextByNumber, "number");
        break;
      }
    }
  }

  // 2. By name and room, what the numbers left.
  const countedByNameRoom = new Map<string, number>();
  const nextByNameRoom = new Int32Array(counted.length);
  for (let c = counted.length - 1; c >= 0; c--) {
    if (groups.countedGroup[c] !== -1) continue;
    const name = stocktakeKey((counted[c] as CountedLine).name, remembered);
    if (name === "") continue;
    const k = `${name}\u0000${countedRoomKeys[c]}`;
    nextByNameRoom[c] = countedByNameRoom.get(k) ?? -1;
    countedByNameRoom.set(k, c);
  }
  for (let i = 0; i < ledger.length; i++) {
    const room = ledgerRoomKeys[i] as string;
    if (groups.ledgerGroup[i] !== -1 || room === "") continue;
    const name = stocktakeKey((ledger[i] as LedgerLine).name, remembered);
    const head = countedByNameRoom.get(`${name}\u0000${room}`);
    if (head !== undefined) group(groups, i, head, nextByNameRoom, "name-room");
  }

  // 3. The results in the ledger's order (a group at its first line, a line left alone on its own),
  // then what is left of the count, each line on its own.
  const lines: Lines = {
    ledger,
    counted,
    scope: options.scope ?? "counted-rooms",
    ledgerRoomKeys,
    countedRoomKeys,
    countedRooms: undefined,
  };
  const results: StocktakeResult[] = [];
  for (let i = 0; i < ledger.length; i++) {
    const g = groups.ledgerGroup[i] ?? -1;
    if (g === -1) results.push(resultOf([i], [], undefined, lines));
    else {
      const books = groups.ledger[g] as number[];
      if (books[0] === i)
        results.push(resultOf(books, groups.counted[g] as number[], groups.matchedBy[g], lines));
    }
  }
  for (let c = 0; c < counted.length; c++) {
    if (groups.countedGroup[c] === -1) results.push(resultOf([], [c], undefined, lines));
  }
  return results;
}

/** The groups made so far, as parallel lists, and each line's group (−1 for none). */
interface Groups {
  /** Each group's ledger indexes, ascending. */
  ledger: number[][];
  /** Each group's counted indexes, ascending. */
  counted: number[][];
  matchedBy: ("number" | "name-room")[];
  ledgerGroup: Int32Array;
  countedGroup: Int32Array;
}

/**
 * Puts ledger line `i` in the group of the counted lines listed from `head` on through `next`: the
 * group those lines are in already, or a new one.
 */
function group(
  groups: Groups,
  i: number,
  head: number,
  next: Int32Array,
  matchedBy: "number" | "name-room",
): void {
  let g = groups.countedGroup[head] ?? -1;
  if (g !== -1) (groups.ledger[g] as number[]).push(i);
  else {
    g = groups.ledger.length;
    const list = [head]; // most groups have one counted line: an array of exactly one
    groups.countedGroup[head] = g;
    for (let c = next[head] ?? -1; c !== -1; c = next[c] ?? -1) {
      list.push(c);
      groups.countedGroup[c] = g;
    }
    groups.ledger.push([i]);
    groups.counted.push(list);
    groups.matchedBy.push(matchedBy);
  }
  groups.ledgerGroup[i] = g;
}

/**
 * The result of a group: ledger lines `books` and counted lines `found` (indexes, ascending, handed
 * over to the result). Loops over the indexes, no copies of the lines.
 */
function resultOf(
  books: number[],
  found: number[],
  matchedBy: "number" | "name-room" | undefined,
  lines: Lines,
): StocktakeResult {
  const { ledger, counted } = lines;
  const first = books.length > 0 ? (ledger[books[0] as number] as LedgerLine) : undefined;
  const firstFound = found.length > 0 ? (counted[found[0] as number] as CountedLine) : undefined;
  let bookSum = 0;
  for (const i of books) bookSum += (ledger[i] as LedgerLine).quantity;
  let countedSum = 0;
  for (const c of found) countedSum += (counted[c] as CountedLine).quantity;
  const bookQuantity = roundQuantity(bookSum);
  const countedQuantity = roundQuantity(countedSum);
  const difference = roundQuantity(0 + countedQuantity + -bookQuantity);
  const bookRoom = first?.room;
  const bookRoomKey = first === undefined ? "" : (lines.ledgerRoomKeys[books[0] as number] as string);
  const room = bookRoom !== undefined && bookRoomKey !== "" ? bookRoom : (firstFound?.room ?? "");

  let status: StocktakeStatus;
  let countedRoom: string | undefined;
  if (!first) status = "surplus";
  else if (found.length === 0) {
    // In a count of some rooms, an item of another room, or of no room (a building, land), was not
    // looked for: it is not counted, not short.
    lines.countedRooms ??= new Set(lines.countedRoomKeys);
    status =
      lines.scope === "counted-rooms" && !lines.countedRooms.has(bookRoomKey) ? "uncounted" : "shortage";
  } else if (countedQuantity === 0 && bookQuantity > 0) status = "shortage";
  else {
    if (matchedBy === "number" && bookRoomKey !== "") {
      // The rooms it was counted in other than the books' one, each once, in the count's order.
      let elsewhere: string[] | undefined;
      for (const c of found) {
        if (lines.countedRoomKeys[c] === bookRoomKey) continue;
        const countedIn = (counted[c] as CountedLine).room;
        if (elsewhere === undefined) elsewhere = [countedIn];
        else if (!elsewhere.includes(countedIn)) elsewhere.push(countedIn);
      }
      if (elsewhere !== undefined) countedRoom = elsewhere.join("、");
    }
    status = countedRoom !== undefined ? "misplaced" : difference === 0 ? "matched" : "quantity";
  }

  // Values: quantity × unit price; a group of several prices at its average, split exactly.
  let priced = first !== undefined;
  let onePrice = true;
  const firstPrice = first?.unitPrice;
  for (const i of books) {
    const price = (ledger[i] as LedgerLine).unitPrice;
    if (price === undefined) {
      priced = false;
      break;
    }
    // As a Set would tell prices apart (SameValueZero).
    if (price !== firstPrice && !(Number.isNaN(price) && Number.isNaN(firstPrice))) onePrice = false;
  }
  let unitPrice: Fen | undefined;
  let bookValue: Fen | undefined;
  let surplusValue: Fen | undefined;
  let shortageValue: Fen | undefined;
  if (priced) {
    if (books.length === 1) {
      const line = first as LedgerLine;
      bookValue = multiplyFen(line.unitPrice as Fen, line.quantity);
    } else {
      const values: Fen[] = [];
      for (const i of books) {
        const line = ledger[i] as LedgerLine;
        values.push(multiplyFen(line.unitPrice as Fen, line.quantity));
      }
      bookValue = sumFen(values);
    }
    if (onePrice) unitPrice = firstPrice;
    // Several prices and no units on the books: what a unit is worth is unknown.
    const worth = (units: number): Fen | undefined =>
      unitPrice !== undefined
        ? multiplyFen(unitPrice, units)
        : bookQuantity > 0
          ? shareOf(bookValue as Fen, units, bookQuantity)
          : undefined;
    surplusValue = difference > 0 ? worth(difference) : 0;
    shortageValue = difference < 0 ? worth(-difference) : 0;
  } else if (books.length === 0) {
    const price = found.length === 1 ? firstFound?.unitPrice : undefined;
    bookValue = 0;
    shortageValue = 0;
    if (price !== undefined) {
      unitPrice = price;
      surplusValue = multiplyFen(price, countedQuantity);
    }
  }
  if (status === "uncounted") {
    surplusValue = priced ? 0 : undefined;
    shortageValue = priced ? 0 : undefined;
  }

  let assetNo = first?.assetNo;
  if (assetNo === undefined) {
    for (const c of found) {
      assetNo = (counted[c] as CountedLine).assetNo;
      if (assetNo !== undefined) break;
    }
  }
  let name = first?.name;
  if (name === undefined) {
    for (const c of found) {
      name = (counted[c] as CountedLine).name;
      if (name !== undefined) break;
    }
  }

  const nameOrEmpty = name ?? "";
  // One object, its properties in the order they have always had (optional ones only when known). The
  // usual shapes are written out whole, as literals: an object grown one property at a time
  // reallocates its property store as it grows, and a reconciliation makes one per line.
  if (
    unitPrice !== undefined &&
    bookValue !== undefined &&
    surplusValue !== undefined &&
    shortageValue !== undefined
  ) {
    if (matchedBy !== undefined && assetNo !== undefined) {
      if (countedRoom === undefined)
        return {
          status,
          matchedBy,
          ledger: books,
          counted: found,
          assetNo,
          name: nameOrEmpty,
          room,
          bookQuantity,
          countedQuantity,
          difference,
          unitPrice,
          bookValue,
          surplusValue,
          shortageValue,
        };
      return {
        status,
        matchedBy,
        ledger: books,
        counted: found,
        assetNo,
        name: nameOrEmpty,
        room,
        countedRoom,
        bookQuantity,
        countedQuantity,
        difference,
        unitPrice,
        bookValue,
        surplusValue,
        shortageValue,
      };
    }
    if (countedRoom === undefined) {
      if (matchedBy !== undefined)
        return {
          status,
          matchedBy,
          ledger: books,
          counted: found,
          name: nameOrEmpty,
          room,
          bookQuantity,
          countedQuantity,
          difference,
          unitPrice,
          bookValue,
          surplusValue,
          shortageValue,
        };
      if (assetNo !== undefined)
        return {
          status,
          ledger: books,
          counted: found,
          assetNo,
          name: nameOrEmpty,
          room,
          bookQuantity,
          countedQuantity,
          difference,
          unitPrice,
          bookValue,
          surplusValue,
          shortageValue,
        };
      return {
        status,
        ledger: books,
        counted: found,
        name: nameOrEmpty,
        room,
        bookQuantity,
        countedQuantity,
        difference,
        unitPrice,
        bookValue,
        surplusValue,
        shortageValue,
      };
    }
  }
  const result = { status } as StocktakeResult;
  if (matchedBy !== undefined) result.matchedBy = matchedBy;
  result.ledger = books;
  result.counted = found;
  if (assetNo !== undefined) result.assetNo = assetNo;
  result.name = nameOrEmpty;
  result.room = room;
  if (countedRoom !== undefined) result.countedRoom = countedRoom;
  result.bookQuantity = bookQuantity;
  result.countedQuantity = countedQuantity;
  result.difference = difference;
  if (unitPrice !== undefined) result.unitPrice = unitPrice;
  if (bookValue !== undefined) result.bookValue = bookValue;
  if (surplusValue !== undefined) result.surplusValue = surplusValue;
  if (shortageValue !== undefined) result.shortageValue = shortageValue;
  return result;
}
