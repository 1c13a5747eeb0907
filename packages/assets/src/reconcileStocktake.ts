import { type Fen, multiplyFen, sumFen } from "@houqin/core";
import { keyHash, NOT_PLAIN, plainHash, sameKey, stocktakeKey } from "./stocktakeKey.js";
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
  /** Each ledger line's room, as an id of its key (0 for the key "", no room). */
  ledgerRoom: Int32Array;
  /** Each counted line's room, as an id of its key (0 for the key ""). */
  countedRoom: Int32Array;
  /** Which room ids the count covers (1 for a room with a counted line), made when first needed. */
  countedRooms: Uint8Array | undefined;
  /** How many room ids there are. */
  roomCount: number;
}

/** Ids of keys: the id of each text seen (as typed) and of each key, 0 kept for the key "". */
interface Ids {
  ofText: Map<string, number>;
  ofKey: Map<string, number>;
  /** Each id's key. */
  keys: string[];
  /** The next id to give. */
  next: number;
  /**
   * Whether a key holds U+0000 or is not text: two such could stand for one name and room as the
   * joined text `${name}\u0000${room}` they were once matched by, so that way is kept for them.
   */
  odd: boolean;
}

/** The id of the key of `text` (0 for the key ""), given one when new. */
function idOf(text: string | undefined, ids: Ids, remembered: Map<string, string>): number {
  if (text === undefined) return 0;
  let id = ids.ofText.get(text);
  if (id !== undefined) return id;
  const key = stocktakeKey(text, remembered);
  if (key === "") id = 0;
  else {
    id = ids.ofKey.get(key);
    if (id === undefined) {
      id = ids.next++;
      ids.ofKey.set(key, id);
      ids.keys.push(key);
      if (typeof key !== "string" || key.includes("\u0000")) ids.odd = true;
    }
  }
  ids.ofText.set(text, id);
  return id;
}

/** The id of the key of `text` if it has one already, else −1 (0 for the key ""). */
function knownIdOf(text: string | undefined, ids: Ids, remembered: Map<string, string>): number {
  if (text === undefined) return 0;
  const id = ids.ofText.get(text);
  if (id !== undefined) return id;
  const key = stocktakeKey(text, remembered);
  // A key that is not text (a name typed as a number) was matched as its text.
  return key === "" ? 0 : (ids.ofKey.get(typeof key === "string" ? key : `${key}`) ?? -1);
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
  // Rooms and names by small integer ids of their keys: one Map lookup of the text as typed per line.
  const rooms: Ids = { ofText: new Map(), ofKey: new Map(), keys: [""], next: 1, odd: false };
  const ledgerRoom = new Int32Array(ledger.length);
  const countedRoom = new Int32Array(counted.length);
  // Each group takes a ledger line and a counted line of its own: no more groups than the fewer lines.
  const most = Math.min(ledger.length, counted.length);
  const groups: Groups = {
    count: 0,
    head: new Int32Array(most),
    byName: new Uint8Array(most),
    lastLedger: new Int32Array(most),
    nextLedger: new Int32Array(ledger.length).fill(-1),
    ledgerGroup: new Int32Array(ledger.length).fill(-1),
    countedGroup: new Int32Array(counted.length).fill(-1),
    nextByNumber: new Int32Array(counted.length).fill(-1),
    nextByNameRoom: new Int32Array(counted.length),
  };

  // 1. By asset number: every line of one number, on either side, in one group. The counted lines of
  // a number are a list (its first line in the index, the next of each in `nextByNumber`), ascending,
  // made going backwards. The index is a hash table of our own ({@link NumberIndex}, searched by
  // {@link findSlot} for both sides), not a Map of keys: it takes no lower-cased copy of each number
  // and no Map entry, the largest cost of a reconciliation of numbered assets when it was a Map.
  let capacity = 16;
  while (capacity < counted.length * 2) capacity *= 2;
  const numbers: NumberIndex = {
    mask: capacity - 1,
    slotLine: new Int32Array(capacity).fill(-1),
    slotHash: new Int32Array(capacity),
    texts: new Array<string>(counted.length),
    remembered,
    text: "",
    hash: 0,
  };
  const { slotLine, slotHash, texts: numberTexts } = numbers;
  const nextByNumber = groups.nextByNumber;
  for (let c = counted.length - 1; c >= 0; c--) {
    const line = counted[c] as CountedLine;
    countedRoom[c] = idOf(line.room, rooms, remembered);
    const slot = findSlot(numbers, line.assetNo);
    numberTexts[c] = numbers.text;
    if (slot === -1) continue;
    nextByNumber[c] = slotLine[slot] as number; // −1 when the number is new
    slotLine[slot] = c;
    slotHash[slot] = numbers.hash;
  }
  for (let i = 0; i < ledger.length; i++) {
    const line = ledger[i] as LedgerLine;
    ledgerRoom[i] = idOf(line.room, rooms, remembered);
    const slot = findSlot(numbers, line.assetNo);
    if (slot === -1) continue;
    const head = slotLine[slot] as number;
    if (head !== -1) group(groups, i, head, 0);
  }

  // 2. By name and room, what the numbers left.
  // A name and a room are keyed by one number, name id × room count + room id.
  const roomCount = rooms.next;
  const names: Ids = { ofText: new Map(), ofKey: new Map(), keys: [""], next: 1, odd: false };
  const countedByNameRoom = new Map<number, number>();
  const nextByNameRoom = groups.nextByNameRoom;
  for (let c = counted.length - 1; c >= 0; c--) {
    if (groups.countedGroup[c] !== -1) continue;
    const name = idOf((counted[c] as CountedLine).name, names, remembered);
    if (name === 0) continue;
    const k = name * roomCount + (countedRoom[c] as number);
    nextByNameRoom[c] = countedByNameRoom.get(k) ?? -1;
    countedByNameRoom.set(k, c);
  }
  if (rooms.odd || names.odd)
    matchByJoinedKeys(ledger, counted, groups, ledgerRoom, countedRoom, rooms.keys, remembered);
  else {
    for (let i = 0; i < ledger.length; i++) {
      const room = ledgerRoom[i] as number;
      if (groups.ledgerGroup[i] !== -1 || room === 0) continue;
      const name = knownIdOf((ledger[i] as LedgerLine).name, names, remembered);
      if (name <= 0) continue;
      const head = countedByNameRoom.get(name * roomCount + room);
      if (head !== undefined) group(groups, i, head, 1);
    }
  }

  // 3. The results in the ledger's order (a group at its first line, a line left alone on its own),
  // then what is left of the count, each line on its own.
  const lines: Lines = {
    ledger,
    counted,
    scope: options.scope ?? "counted-rooms",
    ledgerRoom,
    countedRoom,
    countedRooms: undefined,
    roomCount,
  };
  const results: StocktakeResult[] = [];
  for (let i = 0; i < ledger.length; i++) {
    const g = groups.ledgerGroup[i] as number;
    if (g === -1) results.push(resultOf([i], [], undefined, lines));
    else if ((groups.head[g] as number) !== -1) {
      // The group at its first ledger line: its lines as lists made now, and the group marked done.
      const head = groups.head[g] as number;
      groups.head[g] = -1;
      const byName = groups.byName[g] === 1;
      const next = byName ? groups.nextByNameRoom : groups.nextByNumber;
      const matchedBy = byName ? "name-room" : "number";
      const nextLine = groups.nextLedger[i] as number;
      const nextFound = next[head] as number;
      if (nextLine === -1 && nextFound === -1) results.push(pairResultOf([i], [head], matchedBy, lines));
      else {
        const books = [i];
        for (let j = nextLine; j !== -1; j = groups.nextLedger[j] as number) books.push(j);
        const found = [head];
        for (let c = nextFound; c !== -1; c = next[c] as number) found.push(c);
        results.push(resultOf(books, found, matchedBy, lines));
      }
    }
  }
  for (let c = 0; c < counted.length; c++) {
    if (groups.countedGroup[c] === -1) results.push(resultOf([], [c], undefined, lines));
  }
  return results;
}

/**
 * The counted lines by asset number: a hash table of open addressing, keyed by key text (a number
 * itself when it needs no normalising, else its key), each slot holding the first counted line of a
 * number (−1 for none) and the hash of its key.
 */
interface NumberIndex {
  mask: number;
  slotLine: Int32Array;
  slotHash: Int32Array;
  /** Each counted line's key text, "" for no number (filled in as the lines are indexed). */
  texts: string[];
  remembered: Map<string, string>;
  /** The key text of the number {@link findSlot} was last given ("" for none). */
  text: string;
  /** Its hash. */
  hash: number;
}

/**
 * The slot of the table for asset number `no`: the one holding its number, else the empty one it
 * would go in; −1 for no number (the key ""). Its key text and hash are left in `numbers.text` and
 * `numbers.hash`, worked out in one pass over a number that needs no normalising.
 */
function findSlot(numbers: NumberIndex, no: string | undefined): number {
  let t = "";
  let h = 0;
  if (no !== undefined) {
    h = plainHash(no);
    if (h !== NOT_PLAIN) t = no;
    else {
      t = stocktakeKey(no, numbers.remembered);
      h = keyHash(t);
    }
  }
  numbers.text = t;
  numbers.hash = h;
  if (t === "") return -1;
  const { mask, slotLine, slotHash, texts } = numbers;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const head = slotLine[slot] as number;
    if (head === -1 || (slotHash[slot] === h && sameKey(texts[head] as string, t))) return slot;
  }
}

/**
 * The groups made so far, in typed arrays (no list per group until its result is made): each group's
 * counted lines are the list from its `head` on through the `next` of how it was matched, and its
 * ledger lines a list through `nextLedger`, both ascending.
 */
interface Groups {
  count: number;
  /** Each group's first counted line (−1 once its result is made). */
  head: Int32Array;
  /** 1 for a group matched by name and room, 0 by number. */
  byName: Uint8Array;
  /** Each group's last ledger line so far. */
  lastLedger: Int32Array;
  /** The next ledger line of the same group, −1 for none. */
  nextLedger: Int32Array;
  ledgerGroup: Int32Array;
  countedGroup: Int32Array;
  /** The next counted line of the same asset number, −1 for none. */
  nextByNumber: Int32Array;
  /** The next counted line of the same name and room, −1 for none. */
  nextByNameRoom: Int32Array;
}

/**
 * Puts ledger line `i` in the group of the counted lines listed from `head` on (by number, `byName` 0,
 * or by name and room, 1): the group those lines are in already, or a new one.
 */
function group(groups: Groups, i: number, head: number, byName: 0 | 1): void {
  let g = groups.countedGroup[head] as number;
  if (g !== -1) groups.nextLedger[groups.lastLedger[g] as number] = i;
  else {
    g = groups.count++;
    groups.head[g] = head;
    groups.byName[g] = byName;
    const next = byName === 1 ? groups.nextByNameRoom : groups.nextByNumber;
    for (let c = head; c !== -1; c = next[c] as number) groups.countedGroup[c] = g;
  }
  groups.lastLedger[g] = i;
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
  const bookRoomId = first === undefined ? 0 : (lines.ledgerRoom[books[0] as number] as number);
  const room = bookRoom !== undefined && bookRoomId !== 0 ? bookRoom : (firstFound?.room ?? "");

  let status: StocktakeStatus;
  let countedRoom: string | undefined;
  if (!first) status = "surplus";
  else if (found.length === 0) {
    // In a count of some rooms, an item of another room, or of no room (a building, land), was not
    // looked for: it is not counted, not short.
    lines.countedRooms ??= countedRoomsOf(lines);
    const countedRooms = lines.countedRooms;
    status = lines.scope === "counted-rooms" && countedRooms[bookRoomId] !== 1 ? "uncounted" : "shortage";
  } else if (countedQuantity === 0 && bookQuantity > 0) status = "shortage";
  else {
    if (matchedBy === "number" && bookRoomId !== 0) {
      // The rooms it was counted in other than the books' one, each once, in the count's order.
      let elsewhere: string[] | undefined;
      for (const c of found) {
        if (lines.countedRoom[c] === bookRoomId) continue;
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
  // usual shapes are written out whole, as literals (those with a number and a match by pricedResult):
  // an object grown one property at a time reallocates its property store as it grows, and a
  // reconciliation makes one per line.
  if (
    unitPrice !== undefined &&
    bookValue !== undefined &&
    surplusValue !== undefined &&
    shortageValue !== undefined
  ) {
    if (matchedBy !== undefined && assetNo !== undefined)
      return pricedResult(
        status,
        matchedBy,
        books,
        found,
        assetNo,
        nameOrEmpty,
        room,
        countedRoom,
        bookQuantity,
        countedQuantity,
        difference,
        unitPrice,
        bookValue,
        surplusValue,
        shortageValue,
      );
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

/** Which room ids the count covers: 1 for a room with a counted line. */
function countedRoomsOf(lines: Lines): Uint8Array {
  const covered = new Uint8Array(lines.roomCount);
  const { countedRoom } = lines;
  for (let c = 0; c < countedRoom.length; c++) covered[countedRoom[c] as number] = 1;
  return covered;
}

/**
 * The result of a group of one ledger line and one counted line, the usual case: as {@link resultOf}
 * makes it, the same properties in the same order, without its loops over the lines. A line of no
 * price or no asset number is left to `resultOf`.
 */
function pairResultOf(
  books: number[],
  found: number[],
  matchedBy: "number" | "name-room",
  lines: Lines,
): StocktakeResult {
  const i = books[0] as number;
  const c = found[0] as number;
  const line = lines.ledger[i] as LedgerLine;
  const countedLine = lines.counted[c] as CountedLine;
  const unitPrice = line.unitPrice;
  const assetNo = line.assetNo === undefined ? countedLine.assetNo : line.assetNo;
  if (unitPrice === undefined || assetNo === undefined) return resultOf(books, found, matchedBy, lines);
  const bookQuantity = roundQuantity(0 + line.quantity);
  const countedQuantity = roundQuantity(0 + countedLine.quantity);
  const difference = roundQuantity(0 + countedQuantity + -bookQuantity);
  const bookRoomId = lines.ledgerRoom[i] as number;
  const bookRoom = line.room;
  const room = bookRoom !== undefined && bookRoomId !== 0 ? bookRoom : (countedLine.room ?? "");
  const name = (line.name === undefined ? countedLine.name : line.name) ?? "";
  const bookValue = multiplyFen(unitPrice, line.quantity);
  const surplusValue = difference > 0 ? multiplyFen(unitPrice, difference) : 0;
  const shortageValue = difference < 0 ? multiplyFen(unitPrice, -difference) : 0;
  let status: StocktakeStatus = difference === 0 ? "matched" : "quantity";
  let countedRoom: string | undefined;
  if (countedQuantity === 0 && bookQuantity > 0) status = "shortage";
  else if (matchedBy === "number" && bookRoomId !== 0 && lines.countedRoom[c] !== bookRoomId) {
    status = "misplaced";
    // As `[room].join("、")` has always made it: "" for a room left out (undefined or null).
    const countedIn = countedLine.room;
    countedRoom = countedIn === undefined || countedIn === null ? "" : `${countedIn}`;
  }
  return pricedResult(
    status,
    matchedBy,
    books,
    found,
    assetNo,
    name,
    room,
    countedRoom,
    bookQuantity,
    countedQuantity,
    difference,
    unitPrice,
    bookValue,
    surplusValue,
    shortageValue,
  );
}

/**
 * A result with every property known but `countedRoom` (there only when given), written out whole as
 * one of two object literals in the order results have always had: an object grown a property at a
 * time reallocates its property store as it grows (and a spread was slower still), and a
 * reconciliation makes one per group.
 */
function pricedResult(
  status: StocktakeStatus,
  matchedBy: "number" | "name-room",
  books: number[],
  found: number[],
  assetNo: string,
  name: string,
  room: string,
  countedRoom: string | undefined,
  bookQuantity: number,
  countedQuantity: number,
  difference: number,
  unitPrice: Fen,
  bookValue: Fen,
  surplusValue: Fen,
  shortageValue: Fen,
): StocktakeResult {
  if (countedRoom === undefined)
    return {
      status,
      matchedBy,
      ledger: books,
      counted: found,
      assetNo,
      name,
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
    name,
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

/**
 * Matches by name and room as `${name}\u0000${room}` of their keys, for the rare keys that hold U+0000
 * or are not text, where two pairs can join to one text (as they always have been matched).
 */
function matchByJoinedKeys(
  ledger: readonly LedgerLine[],
  counted: readonly CountedLine[],
  groups: Groups,
  ledgerRoom: Int32Array,
  countedRoom: Int32Array,
  roomKeys: readonly string[],
  remembered: Map<string, string>,
): void {
  const countedByNameRoom = new Map<string, number>();
  const nextByNameRoom = groups.nextByNameRoom;
  for (let c = counted.length - 1; c >= 0; c--) {
    if (groups.countedGroup[c] !== -1) continue;
    const name = stocktakeKey((counted[c] as CountedLine).name, remembered);
    if (name === "") continue;
    const k = `${name}\u0000${roomKeys[countedRoom[c] as number]}`;
    nextByNameRoom[c] = countedByNameRoom.get(k) ?? -1;
    countedByNameRoom.set(k, c);
  }
  for (let i = 0; i < ledger.length; i++) {
    const room = ledgerRoom[i] as number;
    if (groups.ledgerGroup[i] !== -1 || room === 0) continue;
    const name = stocktakeKey((ledger[i] as LedgerLine).name, remembered);
    const head = countedByNameRoom.get(`${name}\u0000${roomKeys[room]}`);
    if (head !== undefined) group(groups, i, head, 1);
  }
}
