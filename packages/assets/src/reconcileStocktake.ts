import { allocateFen, type Fen, multiplyFen, normalizeText, sumFen } from "@houqin/core";

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

/** A key that compares text as people type it: half-width, no spaces, lower case. */
function key(text: string | undefined): string {
  return text === undefined ? "" : normalizeText(text).replace(/\s+/g, "").toLowerCase();
}

/** Quantities as decimals: sums of 0.1 and 0.2 are 0.3. */
function sumQuantity(values: readonly number[]): number {
  return Math.round(values.reduce((s, v) => s + v, 0) * 1e6) / 1e6;
}

/** `part` of `whole` units of a value, exact to the fen (the value's own split when part ≤ whole). */
function shareOf(value: Fen, part: number, whole: number): Fen {
  const p = Math.round(part * 1e6);
  const w = Math.round(whole * 1e6);
  if (p === 0) return 0;
  if (p <= w) return allocateFen(value, [p, w - p])[0] ?? 0;
  // More than the whole: the value times part/whole, rounded half up.
  const num = 2n * BigInt(value) * BigInt(p) + BigInt(w);
  return Number(num / (2n * BigInt(w)));
}

interface Group {
  ledger: number[];
  counted: number[];
  matchedBy?: "number" | "name-room";
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
  const scope = options.scope ?? "counted-rooms";
  const ledgerDone = new Array<boolean>(ledger.length).fill(false);
  const countedDone = new Array<boolean>(counted.length).fill(false);
  const groups: Group[] = [];

  // 1. By asset number: every line of one number, on either side, in one group.
  const countedByNumber = new Map<string, number[]>();
  counted.forEach((line, i) => {
    const k = key(line.assetNo);
    if (k === "") return;
    const list = countedByNumber.get(k) ?? [];
    list.push(i);
    countedByNumber.set(k, list);
  });
  const numberGroups = new Map<string, Group>();
  ledger.forEach((line, i) => {
    const k = key(line.assetNo);
    const found = k === "" ? undefined : countedByNumber.get(k);
    if (!found) return;
    let group = numberGroups.get(k);
    if (!group) {
      group = { ledger: [], counted: found, matchedBy: "number" };
      numberGroups.set(k, group);
      groups.push(group);
      for (const c of found) countedDone[c] = true;
    }
    group.ledger.push(i);
    ledgerDone[i] = true;
  });

  // 2. By name and room, what the numbers left.
  const byNameRoom = new Map<string, Group>();
  const nameRoomKey = (name: string | undefined, room: string | undefined) =>
    `${key(name)}\u0000${key(room)}`;
  counted.forEach((line, i) => {
    if (countedDone[i] || key(line.name) === "") return;
    const k = nameRoomKey(line.name, line.room);
    const group = byNameRoom.get(k) ?? { ledger: [], counted: [], matchedBy: "name-room" };
    group.counted.push(i);
    byNameRoom.set(k, group);
  });
  ledger.forEach((line, i) => {
    if (ledgerDone[i] || key(line.room) === "") return;
    const group = byNameRoom.get(nameRoomKey(line.name, line.room));
    if (!group) return;
    if (group.ledger.length === 0) groups.push(group);
    group.ledger.push(i);
    ledgerDone[i] = true;
    for (const c of group.counted) countedDone[c] = true;
  });

  // 3. What is left: each line on its own.
  ledger.forEach((_, i) => {
    if (!ledgerDone[i]) groups.push({ ledger: [i], counted: [] });
  });
  groups.sort((a, b) => (a.ledger[0] ?? 0) - (b.ledger[0] ?? 0));
  counted.forEach((_, i) => {
    if (!countedDone[i]) groups.push({ ledger: [], counted: [i] });
  });

  const countedRooms = new Set(counted.map((line) => key(line.room)));
  return groups.map((group) => resultOf(group, ledger, counted, scope, countedRooms));
}

function resultOf(
  group: Group,
  ledger: readonly LedgerLine[],
  counted: readonly CountedLine[],
  scope: "all" | "counted-rooms",
  countedRooms: ReadonlySet<string>,
): StocktakeResult {
  const books = group.ledger.map((i) => ledger[i] as LedgerLine);
  const found = group.counted.map((i) => counted[i] as CountedLine);
  const first = books[0];
  const bookQuantity = sumQuantity(books.map((l) => l.quantity));
  const countedQuantity = sumQuantity(found.map((l) => l.quantity));
  const difference = sumQuantity([countedQuantity, -bookQuantity]);
  const bookRoom = first?.room;
  const room = bookRoom !== undefined && key(bookRoom) !== "" ? bookRoom : (found[0]?.room ?? "");

  let status: StocktakeStatus;
  let countedRoom: string | undefined;
  if (!first) status = "surplus";
  else if (found.length === 0)
    // In a count of some rooms, an item of another room, or of no room (a building, land), was not
    // looked for: it is not counted, not short.
    status = scope === "counted-rooms" && !countedRooms.has(key(bookRoom)) ? "uncounted" : "shortage";
  else if (countedQuantity === 0 && bookQuantity > 0) status = "shortage";
  else {
    const elsewhere = found.filter((l) => key(bookRoom) !== "" && key(l.room) !== key(bookRoom));
    if (group.matchedBy === "number" && elsewhere.length > 0) {
      status = "misplaced";
      countedRoom = [...new Set(elsewhere.map((l) => l.room))].join("、");
    } else status = difference === 0 ? "matched" : "quantity";
  }

  // Values: quantity × unit price; a group of several prices at its average, split exactly.
  const prices = new Set(books.map((l) => l.unitPrice));
  const priced = books.length > 0 && !prices.has(undefined);
  let unitPrice: Fen | undefined;
  let bookValue: Fen | undefined;
  let surplusValue: Fen | undefined;
  let shortageValue: Fen | undefined;
  if (priced) {
    bookValue = sumFen(books.map((l) => multiplyFen(l.unitPrice as Fen, l.quantity)));
    if (prices.size === 1) unitPrice = first?.unitPrice;
    const worth = (units: number): Fen =>
      unitPrice !== undefined
        ? multiplyFen(unitPrice, units)
        : shareOf(bookValue as Fen, units, bookQuantity);
    surplusValue = difference > 0 ? worth(difference) : 0;
    shortageValue = difference < 0 ? worth(-difference) : 0;
  } else if (books.length === 0) {
    const price = found.length === 1 ? found[0]?.unitPrice : undefined;
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

  const assetNo = first?.assetNo ?? found.find((l) => l.assetNo !== undefined)?.assetNo;
  const name = first?.name ?? found.find((l) => l.name !== undefined)?.name ?? "";
  return {
    status,
    ...(group.matchedBy === undefined ? {} : { matchedBy: group.matchedBy }),
    ledger: [...group.ledger].sort((a, b) => a - b),
    counted: [...group.counted].sort((a, b) => a - b),
    ...(assetNo === undefined ? {} : { assetNo }),
    name,
    room,
    ...(countedRoom === undefined ? {} : { countedRoom }),
    bookQuantity,
    countedQuantity,
    difference,
    ...(unitPrice === undefined ? {} : { unitPrice }),
    ...(bookValue === undefined ? {} : { bookValue }),
    ...(surplusValue === undefined ? {} : { surplusValue }),
    ...(shortageValue === undefined ? {} : { shortageValue }),
  };
}
