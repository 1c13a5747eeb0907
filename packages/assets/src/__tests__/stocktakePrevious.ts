import { allocateFen, type Fen, multiplyFen, normalizeText, sumFen } from "@houqin/core";
import type {
  CountedLine,
  LedgerLine,
  ReconcileStocktakeOptions,
  StocktakeResult,
  StocktakeStatus,
} from "../reconcileStocktake.js";

// reconcileStocktake as it was before the number index and the one-line results (with stocktakeKey and
// shareOf of that time), a test-only copy: the oracle the faster version is held to, result for result.

/**
 * The key that compares text as people type it (half-width, no white space, lower case), for
 * `reconcileStocktake`; internal to the package.
 *
 * Equal, for every text, to `normalizeText(text).replace(/\s+/g, "").toLowerCase()` ("" for
 * `undefined`), but faster on the texts a stocktake is made of: one made only of printable ASCII other
 * than the space, CJK ideographs (U+4E00–U+9FFF) and CJK punctuation (U+3001–U+3011) — none of
 * which normalizeText changes, none white space, none with a case but A–Z — is only lower-cased; any
 * other text is keyed the long way once and kept in `remembered`.
 *
 * @param text - a number, name or room as typed
 * @param remembered - the keys worked out the long way so far (one map per reconciliation)
 * @returns the key ("" for no text)
 * @example
 * stocktakeKey("ＺＣ－００１ ", new Map()) // "zc-001"
 */
function stocktakeKey(text: string | undefined, remembered: Map<string, string>): string {
  if (text === undefined) return "";
  const plain = plainKey(text);
  if (plain !== undefined) return plain;
  let k = remembered.get(text);
  if (k === undefined) {
    k = normalizeText(text).replace(/\s+/g, "").toLowerCase();
    remembered.set(text, k);
  }
  return k;
}

/** The key of a text that needs no normalising, or undefined when it might. */
function plainKey(text: string): string | undefined {
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x21 && c <= 0x7e) {
      if (c >= 0x41 && c <= 0x5a) upper = true;
    } else if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3001 && c <= 0x3011))) return undefined;
  }
  return upper ? text.toLowerCase() : text;
}

/**
 * `part` of `whole` units of a value, exact to the fen (the value's own split when part ≤ whole), for
 * `reconcileStocktake`; internal to the package. Quantities count to the millionth.
 *
 * Equal to `allocateFen(value, [p, w − p])[0]` for part ≤ whole (p and w the quantities in
 * millionths), worked out directly for the usual case, both safe integers: of two shares, the fen
 * the rounding down leaves (none or one) goes to the first share unless its remainder is the smaller.
 *
 * @param value - the value of `whole` units, in fen
 * @param part - how many units (> 0)
 * @param whole - how many units `value` is the value of
 * @returns the value of `part` units, in fen
 * @example
 * shareOf(465000, 1, 45) // 10333
 */
function shareOf(value: Fen, part: number, whole: number): Fen {
  const p = Math.round(part * 1e6);
  const w = Math.round(whole * 1e6);
  if (p === 0) return 0;
  if (p <= w) {
    if (!(Number.isSafeInteger(value) && Number.isSafeInteger(p) && p > 0 && Number.isSafeInteger(w)))
      return allocateFen(value, [p, w - p])[0] ?? 0;
    const amount = BigInt(Math.abs(value));
    const first = amount * BigInt(p);
    const second = amount * BigInt(w - p);
    const whole = BigInt(w);
    let share = first / whole;
    const left = amount - share - second / whole;
    if (left > 0n && first % whole >= second % whole) share += 1n;
    return Number(value < 0 ? -share : share);
  }
  // More than the whole: the value times part/whole, rounded half up.
  const num = 2n * BigInt(value) * BigInt(p) + BigInt(w);
  return Number(num / (2n * BigInt(w)));
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
export function reconcileStocktakePrevious(
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
  // a number are a list (its first line in the map, the next of each in `nextByNumber`), ascending.
  // Going backwards, one `set` a line leaves each number's first line in the map; the numbers seen
  // twice (the map did not grow) are linked in a second pass, over those numbers only.
  const countedByNumber = new Map<string, number>();
  const nextByNumber = new Int32Array(counted.length).fill(-1);
  const numberKeys = new Array<string>(counted.length);
  let repeated: Set<string> | undefined;
  for (let c = counted.length - 1; c >= 0; c--) {
    const line = counted[c] as CountedLine;
    countedRoomKeys[c] = stocktakeKey(line.room, remembered);
    const k = stocktakeKey(line.assetNo, remembered);
    numberKeys[c] = k;
    if (k === "") continue;
    const size = countedByNumber.size;
    countedByNumber.set(k, c);
    if (countedByNumber.size === size) {
      repeated ??= new Set();
      repeated.add(k);
    }
  }
  if (repeated !== undefined) linkRepeated(numberKeys, repeated, nextByNumber);
  for (let i = 0; i < ledger.length; i++) {
    const line = ledger[i] as LedgerLine;
    ledgerRoomKeys[i] = stocktakeKey(line.room, remembered);
    const k = stocktakeKey(line.assetNo, remembered);
    const head = k === "" ? undefined : countedByNumber.get(k);
    if (head !== undefined) group(groups, i, head, nextByNumber, "number");
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

/** Links the counted lines of each repeated number, in ascending order, through `next`. */
function linkRepeated(numberKeys: readonly string[], repeated: ReadonlySet<string>, next: Int32Array): void {
  const last = new Map<string, number>();
  for (let c = 0; c < numberKeys.length; c++) {
    const k = numberKeys[c] as string;
    if (!repeated.has(k)) continue;
    const previous = last.get(k);
    if (previous !== undefined) next[previous] = c;
    last.set(k, c);
  }
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
