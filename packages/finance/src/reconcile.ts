import { addFen, type Fen, HouqinError, type IsoDate, sumFen } from "@houqin/core";

/** The pass that made a match, in the order they run. */
export type MatchPass = "reference" | "amount-date" | "window" | "split";

/**
 * Why a line is outstanding (未达账项), in the words of the 银行存款余额调节表:
 * - `bank-received-not-booked` 银行已收、企业未收: a statement receipt with no journal line;
 * - `bank-paid-not-booked` 银行已付、企业未付: a statement payment with no journal line;
 * - `booked-receipt-not-in-bank` 企业已收、银行未收: a journal receipt the bank has not shown;
 * - `booked-payment-not-in-bank` 企业已付、银行未付: a journal payment the bank has not shown.
 */
export type OutstandingClass =
  | "bank-received-not-booked"
  | "bank-paid-not-booked"
  | "booked-receipt-not-in-bank"
  | "booked-payment-not-in-bank";

/** What identifies a line: a row number, "sheet!row", anything unique on its side. */
export type BankLineId = string | number;

/** One line of the bank journal or of the bank statement, from the school's side. */
export interface BankLine<Id extends BankLineId = BankLineId> {
  /** Unique on its side; it also breaks ties, so the result does not depend on the input's order. */
  id: Id;
  date: IsoDate;
  /** Signed fen: positive for money in (a receipt), negative for money out (a payment). */
  amount: Fen;
  /** 结算号, 票据号, 流水号: compared exactly; blank means none. */
  reference?: string | undefined;
}

/** Options of {@link reconcileBank}. */
export interface ReconcileOptions {
  /** Calendar days either side within which the same amount still matches (and split parts lie). Default 5. */
  windowDays?: number;
  /**
   * Steps the split search may take (one step: one candidate amount tried); when it needs more, it stops
   * with status "capped" and what it has not matched is outstanding. Default 10,000,000.
   */
  iterationCap?: number;
  /** The most lines one line may be split into (at least 2). Default 3. */
  maxParts?: number;
}

/** Lines of both sides that account for each other. */
export interface BankMatch<Id extends BankLineId = BankLineId> {
  pass: MatchPass;
  /** Journal ids, by date then id. */
  journal: Id[];
  /** Statement ids, by date then id. */
  statement: Id[];
}

/** A line no match accounts for (未达账项). */
export interface OutstandingLine<Id extends BankLineId = BankLineId> {
  side: "journal" | "statement";
  id: Id;
  class: OutstandingClass;
  date: IsoDate;
  /** Signed fen, as given. */
  amount: Fen;
}

/** The result of {@link reconcileBank}: every line is in exactly one match or exactly one outstanding line. */
export interface BankReconciliation<Id extends BankLineId = BankLineId> {
  /** Reference matches, then amount-and-date, window and split matches; each pass by journal date then id. */
  matches: BankMatch<Id>[];
  /** Journal lines, then statement lines, each by date then id. */
  outstanding: OutstandingLine<Id>[];
  /** "capped" when the split search hit the iteration cap: some splits may have been missed. */
  status: "complete" | "capped";
  /** Steps the split search took (at most the cap). */
  iterations: number;
}

const DEFAULT_WINDOW_DAYS = 5;
const DEFAULT_ITERATION_CAP = 10_000_000;
const DEFAULT_MAX_PARTS = 3;

/** One side, held in flat arrays: the i-th line is ids[i], day[i], amount[i], ref[i]. */
interface Side<Id extends BankLineId> {
  ids: Id[];
  day: Int32Array;
  amount: Float64Array;
  ref: (string | undefined)[];
  /** Indices by (day, id): the canonical order every pass walks. */
  order: Int32Array;
  /** Position of each line in `order`. */
  rank: Int32Array;
  used: Uint8Array;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days since 1970-01-01 of an ISO date (Howard Hinnant's days_from_civil), or NaN when the text is not
 * a real "YYYY-MM-DD" date. Read by char codes: it runs for every line.
 */
function dayNumber(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Number.NaN;
  const y1 = iso.charCodeAt(0) - 48;
  const y2 = iso.charCodeAt(1) - 48;
  const y3 = iso.charCodeAt(2) - 48;
  const y4 = iso.charCodeAt(3) - 48;
  const m1 = iso.charCodeAt(5) - 48;
  const m2 = iso.charCodeAt(6) - 48;
  const d1 = iso.charCodeAt(8) - 48;
  const d2 = iso.charCodeAt(9) - 48;
  // Any code outside 0–9 sets a bit above 9 (or the sign) in the OR.
  if (
    (y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2) & ~15 ||
    y1 > 9 ||
    y2 > 9 ||
    y3 > 9 ||
    y4 > 9 ||
    m2 > 9 ||
    d2 > 9
  )
    return Number.NaN;
  let y = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] as number)))
    return Number.NaN;
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function compareIds(a: BankLineId, b: BankLineId): number {
  if (a === b) return 0;
  if (typeof a === typeof b) return a < b ? -1 : 1;
  return typeof a === "number" ? -1 : 1;
}

/**
 * Line indices by day, then by id: a counting sort on the day (the days of a ledger span a few years at
 * most), then the lines of each day by id, which a ledger's row numbers usually already are.
 */
function canonicalOrder<Id extends BankLineId>(ids: readonly Id[], day: Int32Array): Int32Array {
  const n = day.length;
  const order = new Int32Array(n);
  if (n === 0) return order;
  let min = day[0] as number;
  let max = min;
  for (let i = 1; i < n; i++) {
    const d = day[i] as number;
    if (d < min) min = d;
    else if (d > max) max = d;
  }
  const byIdThenDay = (a: number, b: number) =>
    (day[a] as number) - (day[b] as number) || compareIds(ids[a] as Id, ids[b] as Id);
  if (max - min > 4 * n + 1024) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort(byIdThenDay);
  }
  const starts = new Int32Array(max - min + 2);
  for (let i = 0; i < n; i++) (starts[(day[i] as number) - min + 1] as number)++;
  for (let d = 1; d < starts.length; d++) starts[d] = (starts[d] as number) + (starts[d - 1] as number);
  const next = starts.slice();
  for (let i = 0; i < n; i++) order[(next[(day[i] as number) - min] as number)++] = i;
  for (let d = 0; d + 1 < starts.length; d++) {
    const from = starts[d] as number;
    const to = starts[d + 1] as number;
    let sorted = true;
    for (let r = from + 1; r < to && sorted; r++)
      sorted = compareIds(ids[order[r - 1] as number] as Id, ids[order[r] as number] as Id) < 0;
    if (!sorted) order.subarray(from, to).sort(byIdThenDay);
  }
  return order;
}

/** An id that occurs twice, if any: with a bitmap for row numbers, else with a set. */
function firstDuplicate(ids: readonly BankLineId[]): BankLineId | undefined {
  let max = -1;
  for (const id of ids) {
    if (typeof id !== "number" || !Number.isInteger(id) || id < 0) {
      max = Number.POSITIVE_INFINITY;
      break;
    }
    if (id > max) max = id;
  }
  if (max <= 8 * ids.length + 1024) {
    const seen = new Uint8Array(max + 1);
    for (const id of ids as readonly number[]) {
      if (seen[id]) return id;
      seen[id] = 1;
    }
    return undefined;
  }
  const seen = new Set<BankLineId>();
  for (const id of ids) {
    if (seen.size === seen.add(id).size) return id;
  }
  return undefined;
}

function sideOf<Id extends BankLineId>(lines: readonly BankLine<Id>[], name: string): Side<Id> {
  const n = lines.length;
  const ids = new Array<Id>(n);
  const day = new Int32Array(n);
  const amount = new Float64Array(n);
  const ref = new Array<string | undefined>(n);
  // A ledger is kept in date order: most lines share the date of the line before.
  let lastDate = "";
  let lastDay = Number.NaN;
  for (let i = 0; i < n; i++) {
    const line = lines[i] as BankLine<Id>;
    if (line.date !== lastDate) {
      lastDate = line.date;
      lastDay = typeof lastDate === "string" ? dayNumber(lastDate) : Number.NaN;
    }
    const d = lastDay;
    if (Number.isNaN(d))
      throw new HouqinError("INVALID_DATE", `${name} line ${String(line.id)}: not an ISO date: ${line.date}`);
    if (!Number.isSafeInteger(line.amount))
      throw new HouqinError(
        "INVALID_ARGUMENT",
        `${name} line ${String(line.id)}: the amount must be whole fen: ${line.amount}`,
      );
    ids[i] = line.id;
    day[i] = d;
    amount[i] = line.amount;
    ref[i] = line.reference === undefined || line.reference === "" ? undefined : line.reference;
  }
  const duplicate = firstDuplicate(ids);
  if (duplicate !== undefined)
    throw new HouqinError("INVALID_ARGUMENT", `${name} line id ${String(duplicate)} is not unique`);
  const order = canonicalOrder(ids, day);
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[order[r] as number] = r;
  return { ids, day, amount, ref, order, rank, used: new Uint8Array(n) };
}

/** A queue of line indices with a moving head. */
interface Queue {
  items: number[];
  head: number;
}

/**
 * Reconciles the bank journal (银行存款日记账) with the bank statement (银行对账单) in passes, each on
 * the lines the earlier ones left:
 * 1. `reference`: the same reference and amount, first on the same day, then whatever the dates;
 * 2. `amount-date`: the same amount on the same day;
 * 3. `window`: the same amount within `windowDays` days (each line takes the earliest one still open);
 * 4. `split`: one line against 2…`maxParts` lines of the other side, of the same sign, dated within
 *    `windowDays` of it, that add up to it exactly (one-to-many and many-to-one), fewer parts first.
 *    The search counts its steps and stops at `iterationCap`, with status "capped".
 * What is left is outstanding, in one of the four classes of the 余额调节表. The passes index lines by
 * amount and by day, so they take about n log n time. Ties are broken by date and then by id, so the
 * same lines in any order give the same result.
 *
 * @param journal - the journal lines (+ receipts 借方, − payments 贷方)
 * @param statement - the statement lines (+ receipts 贷方/收入, − payments 借方/支出)
 * @param options - window, iteration cap and the most parts of a split
 * @returns the matches, the outstanding lines, the status and the steps of the split search
 * @throws HouqinError `INVALID_DATE` or `INVALID_ARGUMENT` for a line that is not a valid date, whole
 *   fen and unique id (the caller parses cells first), or for bad options
 * @example
 * const { matches, outstanding } = reconcileBank(
 *   [{ id: 5, date: "2023-09-01", amount: 150000, reference: "ZP1001" }],
 *   [{ id: 8, date: "2023-09-04", amount: 150000, reference: "ZP1001" }],
 * );
 * // matches: [{ pass: "reference", journal: [5], statement: [8] }], outstanding: []
 */
export function reconcileBank<Id extends BankLineId>(
  journal: readonly BankLine<Id>[],
  statement: readonly BankLine<Id>[],
  options: ReconcileOptions = {},
): BankReconciliation<Id> {
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  const cap = options.iterationCap ?? DEFAULT_ITERATION_CAP;
  const maxParts = options.maxParts ?? DEFAULT_MAX_PARTS;
  if (!Number.isInteger(windowDays) || windowDays < 0)
    throw new HouqinError("INVALID_ARGUMENT", `windowDays must be a whole number of days ≥ 0: ${windowDays}`);
  if (!(cap >= 0)) throw new HouqinError("INVALID_ARGUMENT", `iterationCap must be ≥ 0: ${cap}`);
  if (!Number.isInteger(maxParts) || maxParts < 2)
    throw new HouqinError("INVALID_ARGUMENT", `maxParts must be a whole number ≥ 2: ${maxParts}`);

  const J = sideOf(journal, "journal");
  const S = sideOf(statement, "statement");
  const matches: BankMatch<Id>[] = [];
  const pair = (pass: MatchPass, j: number, s: number) => {
    J.used[j] = 1;
    S.used[s] = 1;
    matches.push({ pass, journal: [J.ids[j] as Id], statement: [S.ids[s] as Id] });
  };

  matchByReference(J, S, pair);
  matchByDay(J, S, pair);
  matchInWindow(J, S, windowDays, pair);
  const search = new SplitSearch(cap);
  const openJ = openLines(J);
  const openS = openLines(S);
  for (let k = 2; k <= maxParts && !search.capped; k++) {
    for (const [one, ones, parts, partLines, oneIsJournal] of [
      [J, openJ, S, openS, true],
      [S, openS, J, openJ, false],
    ] as const) {
      if (search.capped) break;
      search.sweep(one, ones, parts, partLines, k, windowDays, (o, chosen) => {
        // A few parts: insertion sort by date then id.
        for (let i = 1; i < chosen.length; i++)
          for (
            let at = i;
            at > 0 &&
            (parts.rank[chosen[at - 1] as number] as number) > (parts.rank[chosen[at] as number] as number);
            at--
          )
            [chosen[at - 1], chosen[at]] = [chosen[at] as number, chosen[at - 1] as number];
        const partIds = chosen.map((p) => parts.ids[p] as Id);
        matches.push({
          pass: "split",
          journal: oneIsJournal ? [one.ids[o] as Id] : partIds,
          statement: oneIsJournal ? partIds : [one.ids[o] as Id],
        });
      });
    }
  }

  const outstanding: OutstandingLine<Id>[] = [];
  for (const [side, name] of [
    [J, "journal"],
    [S, "statement"],
  ] as const) {
    for (const i of side.order) {
      if (side.used[i]) continue;
      const receipt = (side.amount[i] as number) >= 0;
      const cls: OutstandingClass =
        name === "journal"
          ? receipt
            ? "booked-receipt-not-in-bank"
            : "booked-payment-not-in-bank"
          : receipt
            ? "bank-received-not-booked"
            : "bank-paid-not-booked";
      const line = (name === "journal" ? journal : statement)[i] as BankLine<Id>;
      outstanding.push({ side: name, id: line.id, class: cls, date: line.date, amount: line.amount });
    }
  }
  return {
    matches,
    outstanding,
    status: search.capped ? "capped" : "complete",
    iterations: search.iterations,
  };
}

type Pair = (pass: MatchPass, j: number, s: number) => void;

/** The 银行存款余额调节表 in numbers: each side's balance, what the outstanding lines add and take away. */
export interface AdjustedBalances {
  book: {
    /** 银行存款日记账余额. */
    balance: Fen;
    /** 加：银行已收、企业未收. */
    add: Fen;
    /** 减：银行已付、企业未付 (a positive sum). */
    subtract: Fen;
    /** 调节后余额. */
    adjusted: Fen;
  };
  bank: {
    /** 银行对账单余额. */
    balance: Fen;
    /** 加：企业已收、银行未收. */
    add: Fen;
    /** 减：企业已付、银行未付 (a positive sum). */
    subtract: Fen;
    adjusted: Fen;
  };
  /** Adjusted book minus adjusted bank: 0 when the two agree. */
  difference: Fen;
}

/**
 * Adjusts both balances by the outstanding lines: adjusted book balance = book + received by the bank
 * not yet booked − paid by the bank not yet booked; adjusted bank balance = statement + booked receipts
 * not yet in the bank − booked payments not yet in the bank. The two agree when the books and the
 * statement started the period in agreement and every line is booked correctly.
 *
 * @param bookBalance - the journal's closing balance (银行存款日记账余额)
 * @param statementBalance - the statement's closing balance (银行对账单余额)
 * @param outstanding - the outstanding lines of {@link reconcileBank}
 * @returns both sides of the 余额调节表 and their difference
 * @throws HouqinError `MONEY_OVERFLOW` when a sum leaves the safe integers
 * @example
 * adjustBalances(100000, 150000, [{ side: "statement", id: 1, class: "bank-received-not-booked", date: "2023-09-30", amount: 50000 }])
 * // book: 100000 + 50000 - 0 = 150000; bank: 150000 + 0 - 0 = 150000; difference 0
 */
export function adjustBalances(
  bookBalance: Fen,
  statementBalance: Fen,
  outstanding: readonly OutstandingLine[],
): AdjustedBalances {
  const sums: Record<OutstandingClass, Fen[]> = {
    "bank-received-not-booked": [],
    "bank-paid-not-booked": [],
    "booked-receipt-not-in-bank": [],
    "booked-payment-not-in-bank": [],
  };
  for (const line of outstanding) sums[line.class].push(line.amount);
  const bookAdd = sumFen(sums["bank-received-not-booked"]);
  const bookSubtract = 0 - sumFen(sums["bank-paid-not-booked"]);
  const bankAdd = sumFen(sums["booked-receipt-not-in-bank"]);
  const bankSubtract = 0 - sumFen(sums["booked-payment-not-in-bank"]);
  const book = addFen(addFen(bookBalance, bookAdd), -bookSubtract);
  const bank = addFen(addFen(statementBalance, bankAdd), -bankSubtract);
  return {
    book: { balance: bookBalance, add: bookAdd, subtract: bookSubtract, adjusted: book },
    bank: { balance: statementBalance, add: bankAdd, subtract: bankSubtract, adjusted: bank },
    difference: addFen(book, -bank),
  };
}

/** The lines of a side no match has taken, in the canonical order. */
function openLines<Id extends BankLineId>(side: Side<Id>): number[] {
  const open: number[] = [];
  for (const i of side.order) if (!side.used[i]) open.push(i);
  return open;
}

/** FNV-1a of a string's UTF-16 code units. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Beyond this many statement lines with one reference, pass 1 indexes them by amount. */
const LONG_CHAIN = 16;

/**
 * Statement lines by reference: an open-addressing table (a reference usually names one line) whose
 * slots hold the first line with a reference, the lines that share it chained in the order inserted.
 * A long chain is indexed by amount when a journal line first asks for it. Reused between fills.
 */
class ReferenceIndex<Id extends BankLineId> {
  private slots = new Int32Array(0);
  private mask = 0;
  private readonly filled: number[] = [];
  private readonly next: Int32Array;
  private readonly tail: Int32Array;
  private readonly length: Int32Array;
  private readonly byAmount = new Map<number, Map<number, Queue>>();

  constructor(private readonly S: Side<Id>) {
    this.next = new Int32Array(S.ids.length);
    this.tail = new Int32Array(S.ids.length);
    this.length = new Int32Array(S.ids.length);
  }

  /** Empties the index and makes room for `count` lines. */
  reset(count: number): void {
    let size = 64;
    while (size < count * 2) size *= 2;
    if (size > this.slots.length) this.slots = new Int32Array(size);
    else for (const h of this.filled) this.slots[h] = 0;
    this.mask = this.slots.length - 1;
    this.filled.length = 0;
    this.byAmount.clear();
  }

  private find(ref: string): number {
    const { slots, mask, S } = this;
    for (let h = hashText(ref) & mask; ; h = (h + 1) & mask) {
      const head = (slots[h] as number) - 1;
      if (head < 0 || S.ref[head] === ref) return h;
    }
  }

  add(s: number, ref: string): void {
    const h = this.find(ref);
    const head = (this.slots[h] as number) - 1;
    this.next[s] = -1;
    if (head < 0) {
      this.slots[h] = s + 1;
      this.filled.push(h);
      this.tail[s] = s;
      this.length[s] = 1;
    } else {
      this.next[this.tail[head] as number] = s;
      this.tail[head] = s;
      (this.length[head] as number)++;
    }
  }

  /** The first open statement line with this reference and amount, taken; or -1. */
  take(ref: string, amount: number): number {
    const { S, next } = this;
    const head = (this.slots[this.find(ref)] as number) - 1;
    if (head < 0) return -1;
    if ((this.length[head] as number) <= LONG_CHAIN) {
      for (let s = head; s >= 0; s = next[s] as number) if (S.amount[s] === amount && !S.used[s]) return s;
      return -1;
    }
    let queues = this.byAmount.get(head);
    if (!queues) {
      queues = new Map();
      for (let s = head; s >= 0; s = next[s] as number) {
        if (S.used[s]) continue;
        const queue = queues.get(S.amount[s] as number);
        if (queue) queue.items.push(s);
        else queues.set(S.amount[s] as number, { items: [s], head: 0 });
      }
      this.byAmount.set(head, queues);
    }
    const queue = queues.get(amount);
    return queue && queue.head < queue.items.length ? (queue.items[queue.head++] as number) : -1;
  }
}

/**
 * Pass 1: the same reference and amount, first on the same day, then at any date; several such lines
 * pair off in date order. Going day by day first keeps each day's index small.
 */
function matchByReference<Id extends BankLineId>(J: Side<Id>, S: Side<Id>, pair: Pair): void {
  const index = new ReferenceIndex(S);
  const nJ = J.order.length;
  const nS = S.order.length;
  let ji = 0;
  let si = 0;
  while (ji < nJ && si < nS) {
    const dj = J.day[J.order[ji] as number] as number;
    const ds = S.day[S.order[si] as number] as number;
    if (ds !== dj) {
      if (ds < dj) while (si < nS && (S.day[S.order[si] as number] as number) < dj) si++;
      else while (ji < nJ && (J.day[J.order[ji] as number] as number) < ds) ji++;
      continue;
    }
    const sFrom = si;
    while (si < nS && S.day[S.order[si] as number] === dj) si++;
    index.reset(si - sFrom);
    for (let r = sFrom; r < si; r++) {
      const s = S.order[r] as number;
      const ref = S.ref[s];
      if (ref !== undefined) index.add(s, ref);
    }
    for (; ji < nJ && J.day[J.order[ji] as number] === dj; ji++) {
      const j = J.order[ji] as number;
      const ref = J.ref[j];
      if (ref === undefined) continue;
      const s = index.take(ref, J.amount[j] as number);
      if (s >= 0) pair("reference", j, s);
    }
  }
  // Then across days, on what is left.
  const journal: number[] = [];
  for (const j of J.order) if (!J.used[j] && J.ref[j] !== undefined) journal.push(j);
  if (journal.length === 0) return;
  const statement: number[] = [];
  for (const s of S.order) if (!S.used[s] && S.ref[s] !== undefined) statement.push(s);
  if (statement.length === 0) return;
  index.reset(statement.length);
  for (const s of statement) index.add(s, S.ref[s] as string);
  for (const j of journal) {
    const s = index.take(J.ref[j] as string, J.amount[j] as number);
    if (s >= 0) pair("reference", j, s);
  }
}

/** Pass 2: the same amount on the same day, day by day. */
function matchByDay<Id extends BankLineId>(J: Side<Id>, S: Side<Id>, pair: Pair): void {
  const byAmount = new Map<number, Queue>();
  let si = 0;
  let ji = 0;
  const nS = S.order.length;
  const nJ = J.order.length;
  while (ji < nJ && si < nS) {
    const dj = J.day[J.order[ji] as number] as number;
    const ds = S.day[S.order[si] as number] as number;
    if (ds < dj) {
      while (si < nS && (S.day[S.order[si] as number] as number) < dj) si++;
      continue;
    }
    if (dj < ds) {
      while (ji < nJ && (J.day[J.order[ji] as number] as number) < ds) ji++;
      continue;
    }
    byAmount.clear();
    for (; si < nS && S.day[S.order[si] as number] === dj; si++) {
      const s = S.order[si] as number;
      if (S.used[s]) continue;
      const queue = byAmount.get(S.amount[s] as number);
      if (queue) queue.items.push(s);
      else byAmount.set(S.amount[s] as number, { items: [s], head: 0 });
    }
    for (; ji < nJ && J.day[J.order[ji] as number] === dj; ji++) {
      const j = J.order[ji] as number;
      if (J.used[j]) continue;
      const queue = byAmount.get(J.amount[j] as number);
      if (!queue || queue.head >= queue.items.length) continue;
      pair("amount-date", j, queue.items[queue.head++] as number);
    }
  }
}

/**
 * Pass 3: the same amount within the window. Lines are taken in date order; each takes the earliest
 * open line of the other side with its amount still in the window, or waits. Taking the line that
 * leaves the window first matches as many lines as any choice could.
 */
function matchInWindow<Id extends BankLineId>(
  J: Side<Id>,
  S: Side<Id>,
  windowDays: number,
  pair: Pair,
): void {
  const openJ = openLines(J);
  const openS = openLines(S);
  if (openJ.length === 0 || openS.length === 0) return;
  // Per amount, a queue of the open lines of one side (at most one side has any at a time), by date,
  // linked through `next` of its side.
  const entryOf = new Map<number, number>();
  const entries = openJ.length + openS.length;
  const isJournal = new Uint8Array(entries);
  const head = new Int32Array(entries);
  const tail = new Int32Array(entries);
  const nextJ = new Int32Array(J.ids.length);
  const nextS = new Int32Array(S.ids.length);
  let ji = 0;
  let si = 0;
  while (ji < openJ.length || si < openS.length) {
    const j = openJ[ji];
    const s = openS[si];
    // The earlier line next; on the same day the journal's.
    const fromJournal = s === undefined || (j !== undefined && (J.day[j] as number) <= (S.day[s] as number));
    const line = (fromJournal ? j : s) as number;
    if (fromJournal) ji++;
    else si++;
    const side = fromJournal ? J : S;
    const next = fromJournal ? nextJ : nextS;
    const amount = side.amount[line] as number;
    let e = entryOf.get(amount);
    if (e === undefined) {
      e = entryOf.size;
      entryOf.set(amount, e);
    } else if ((isJournal[e] === 1) !== fromJournal) {
      const other = fromJournal ? S : J;
      const otherNext = fromJournal ? nextS : nextJ;
      const since = (side.day[line] as number) - windowDays;
      let h = head[e] as number;
      while (h >= 0 && (other.day[h] as number) < since) h = otherNext[h] as number;
      if (h >= 0) {
        head[e] = otherNext[h] as number;
        if (fromJournal) pair("window", line, h);
        else pair("window", h, line);
        continue;
      }
      // Everything open on the other side has left the window: this side opens.
    } else if ((head[e] as number) >= 0) {
      next[tail[e] as number] = line;
      next[line] = -1;
      tail[e] = line;
      continue;
    }
    isJournal[e] = fromJournal ? 1 : 0;
    head[e] = line;
    tail[e] = line;
    next[line] = -1;
  }
}

/** The lines of the part side inside the window, of one sign, by absolute amount. */
class PartWindow {
  /** The distinct absolute amounts, ascending, in `amounts[0…size)`. */
  amounts = new Float64Array(256);
  size = 0;
  /** Absolute amount -> its lines, by date then id. */
  readonly byAmount = new Map<number, number[]>();
  /**
   * How many amounts of the window fall in each of 4096 buckets: a look-up whose bucket is empty needs
   * no map (most of the search's look-ups miss).
   */
  readonly buckets = new Int32Array(4096);

  add(abs: number, line: number): void {
    const list = this.byAmount.get(abs);
    if (list) {
      list.push(line);
      return;
    }
    this.byAmount.set(abs, [line]);
    (this.buckets[bucketOf(abs)] as number)++;
    if (this.size === this.amounts.length) {
      const grown = new Float64Array(this.size * 2);
      grown.set(this.amounts);
      this.amounts = grown;
    }
    const at = upperBound(this.amounts, this.size, abs);
    this.amounts.copyWithin(at + 1, at, this.size);
    this.amounts[at] = abs;
    this.size++;
  }

  remove(abs: number, line: number): void {
    const list = this.byAmount.get(abs);
    if (!list) return;
    const at = list.indexOf(line);
    if (at < 0) return;
    if (list.length > 1) {
      list.splice(at, 1);
      return;
    }
    this.byAmount.delete(abs);
    (this.buckets[bucketOf(abs)] as number)--;
    const index = upperBound(this.amounts, this.size, abs) - 1;
    this.amounts.copyWithin(index, index + 1, this.size);
    this.size--;
  }

  clear(): void {
    this.byAmount.clear();
    this.buckets.fill(0);
    this.size = 0;
  }
}

/** A 12-bit hash of an amount (fen are safe integers; `| 0` keeps their low 32 bits). */
function bucketOf(abs: number): number {
  return Math.imul(abs | 0, 0x9e3779b1) >>> 20;
}

/** The first index below `size` whose value is greater than x, in an ascending array. */
function upperBound(sorted: Float64Array, size: number, x: number): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Pass 4: one line against several of the other side that add up to it, within the window. */
class SplitSearch {
  iterations = 0;
  capped = false;
  private readonly chosen: number[] = [];
  private window: PartWindow;
  private readonly positive = new PartWindow();
  private readonly negative = new PartWindow();

  constructor(private readonly cap: number) {
    this.window = this.positive;
  }

  /**
   * Walks the open lines of `one` (by date) and, keeping the open lines of `parts` within the window of
   * each, looks for `k` of them that add up to it.
   */
  sweep<Id extends BankLineId>(
    one: Side<Id>,
    ones: readonly number[],
    parts: Side<Id>,
    partLines: readonly number[],
    k: number,
    windowDays: number,
    found: (line: number, chosen: number[]) => void,
  ): void {
    this.positive.clear();
    this.negative.clear();
    const open: number[] = [];
    for (const p of partLines) if (!parts.used[p] && parts.amount[p] !== 0) open.push(p);
    if (open.length < k) return;
    const inWindow = new Uint8Array(parts.used.length);
    let lo = 0;
    let hi = 0;
    for (const o of ones) {
      if (one.used[o]) continue;
      const total = one.amount[o] as number;
      if (total === 0) continue;
      const day = one.day[o] as number;
      for (; hi < open.length && (parts.day[open[hi] as number] as number) <= day + windowDays; hi++) {
        const p = open[hi] as number;
        if (parts.used[p]) continue;
        const a = parts.amount[p] as number;
        (a > 0 ? this.positive : this.negative).add(Math.abs(a), p);
        inWindow[p] = 1;
      }
      for (; lo < hi && (parts.day[open[lo] as number] as number) < day - windowDays; lo++) {
        const p = open[lo] as number;
        if (!inWindow[p]) continue;
        const a = parts.amount[p] as number;
        (a > 0 ? this.positive : this.negative).remove(Math.abs(a), p);
        inWindow[p] = 0;
      }
      this.window = total > 0 ? this.positive : this.negative;
      if (this.window.size === 0) continue;
      if (this.chosen.length > 0) this.chosen.length = 0;
      const target = Math.abs(total);
      const hit =
        k === 2
          ? this.searchTwo(target)
          : k === 3
            ? this.searchThree(target)
            : this.search(k, target, target);
      if (hit) {
        one.used[o] = 1;
        const chosen = [...this.chosen];
        for (const p of chosen) {
          parts.used[p] = 1;
          inWindow[p] = 0;
          this.window.remove(Math.abs(parts.amount[p] as number), p);
        }
        found(o, chosen);
      }
      if (this.capped) return;
    }
  }

  /** Two parts b ≥ c with b + c = target: b from the top, c looked up. */
  private searchTwo(target: number): boolean {
    const { amounts, size, byAmount, buckets } = this.window;
    const least = Math.ceil(target / 2);
    let iterations = this.iterations;
    try {
      for (let i = upperBound(amounts, size, target - (amounts[0] as number)) - 1; i >= 0; i--) {
        const b = amounts[i] as number;
        if (b < least) break;
        if (iterations >= this.cap) {
          this.capped = true;
          return false;
        }
        iterations++;
        const c = target - b;
        if (buckets[bucketOf(c)] === 0) continue;
        const listC = byAmount.get(c);
        if (!listC) continue;
        const listB = byAmount.get(b) as number[];
        if (c === b) {
          if (listB.length < 2) continue;
          this.chosen.push(listB[0] as number, listB[1] as number);
        } else this.chosen.push(listB[0] as number, listC[0] as number);
        return true;
      }
      return false;
    } finally {
      this.iterations = iterations;
    }
  }

  /**
   * Three parts a ≥ b ≥ c with a + b + c = target: a from the top, b below it, c looked up. The top of
   * b's range only rises as a falls, so a pointer tracks it instead of a search per a.
   */
  private searchThree(target: number): boolean {
    const { amounts, size, byAmount, buckets } = this.window;
    const smallest = amounts[0] as number;
    const leastA = Math.ceil(target / 3);
    let iterations = this.iterations;
    let top = -1; // the last index with amounts[top] <= target - a - smallest
    try {
      for (let i = upperBound(amounts, size, target - 2 * smallest) - 1; i >= 0; i--) {
        const a = amounts[i] as number;
        if (a < leastA) break;
        if (iterations >= this.cap) {
          this.capped = true;
          return false;
        }
        iterations++;
        const rest = target - a;
        if (top < 0) top = upperBound(amounts, size, rest - smallest) - 1;
        else while (top + 1 < size && (amounts[top + 1] as number) <= rest - smallest) top++;
        const leastB = Math.ceil(rest / 2);
        for (let j = Math.min(i, top); j >= 0; j--) {
          const b = amounts[j] as number;
          if (b < leastB) break;
          if (iterations >= this.cap) {
            this.capped = true;
            return false;
          }
          iterations++;
          const c = rest - b;
          if (buckets[bucketOf(c)] === 0) continue;
          const listC = byAmount.get(c);
          if (!listC) continue;
          const listA = byAmount.get(a) as number[];
          const listB = byAmount.get(b) as number[];
          // c ≤ b ≤ a: equal amounts must come from different lines of the same list.
          if (a === c) {
            if (listA.length < 3) continue;
            this.chosen.push(listA[0] as number, listA[1] as number, listA[2] as number);
          } else if (a === b) {
            if (listA.length < 2) continue;
            this.chosen.push(listA[0] as number, listA[1] as number, listC[0] as number);
          } else if (b === c) {
            if (listB.length < 2) continue;
            this.chosen.push(listA[0] as number, listB[0] as number, listB[1] as number);
          } else this.chosen.push(listA[0] as number, listB[0] as number, listC[0] as number);
          return true;
        }
      }
      return false;
    } finally {
      this.iterations = iterations;
    }
  }

  /** Finds k open lines, each at most `max`, adding up to `target`; largest part first. */
  private search(k: number, target: number, max: number): boolean {
    const { amounts, size, byAmount } = this.window;
    const chosen = this.chosen;
    if (k === 1) {
      if (target > max) return false;
      const list = byAmount.get(target);
      if (!list) return false;
      for (const p of list)
        if (!chosen.includes(p)) {
          chosen.push(p);
          return true;
        }
      return false;
    }
    // The largest of k parts is at least target / k, and leaves at least the smallest amount for each
    // other part.
    const least = Math.ceil(target / k);
    const most = Math.min(max, target - (k - 1) * (amounts[0] as number));
    for (let i = upperBound(amounts, size, most) - 1; i >= 0; i--) {
      const a = amounts[i] as number;
      if (a < least) break;
      if (this.iterations >= this.cap) {
        this.capped = true;
        return false;
      }
      this.iterations++;
      let free = -1;
      for (const p of byAmount.get(a) as number[])
        if (!chosen.includes(p)) {
          free = p;
          break;
        }
      if (free < 0) continue;
      chosen.push(free);
      if (this.search(k - 1, target - a, a)) return true;
      chosen.pop();
      if (this.capped) return false;
    }
    return false;
  }
}
