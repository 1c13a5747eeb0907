import {
  addDaysIso,
  addFen,
  type Bilingual,
  type Fen,
  type Finding,
  formatMoney,
  type IsoDate,
  type Lang,
  localize,
  monthLabel,
  normalizeText,
} from "@houqin/core";
import {
  type Check,
  type CheckContext,
  cellOf,
  cells,
  judgedPeriod,
  type ParsedTable,
  type RecognizedTable,
  type Report,
  windowText,
} from "@houqin/workbook";
import { cashCount, cashJournal } from "./cashKinds.js";

const CLAUSE = "三(四)3";

/** The default cash limit in days of ordinary spending (《现金管理暂行条例》: 3 to 5 days). */
const DEFAULT_LIMIT_DAYS = 3;

const MSG = {
  mismatch: {
    "zh-CN":
      "余额 {written} 与计算结果不符：{anchorText} {anchor} + 收入 {receipts} − 支出 {payments} = {expected}，相差 {difference}",
    en: "The balance {written} does not follow: {anchorText} ({anchor}) + receipts {receipts} − payments {payments} = {expected}, a difference of {difference}",
  },
  carryMismatch: {
    "zh-CN": "“{summary}”的余额 {written} 与{anchorText} {expected} 不符，相差 {difference}",
    en: "The balance {written} of “{summary}” differs from {anchorText}, {expected}, by {difference}",
  },
  anchorRow: { "zh-CN": "第 {row} 行余额", en: "the balance on row {row}" },
  anchorSheetRow: { "zh-CN": "“{sheet}”第 {row} 行余额", en: "the balance on row {row} of “{sheet}”" },
  anchorSetting: { "zh-CN": "设置中的现金期初余额", en: "the opening balance in the settings" },
  notClosed: {
    "zh-CN": "{date} 有现金收付，但当天最后一笔（第 {row} 行）没有结出余额，未做到日清",
    en: "Cash moved on {date} but the day's last entry (row {row}) shows no balance: the day was not closed (日清)",
  },
  noBalanceColumn: {
    "zh-CN": "现金日记账没有“余额”栏，无法核对逐笔余额和每日结余（日清）",
    en: "The cash journal has no balance column, so running balances and the daily close (日清) cannot be checked",
  },
  noDateColumn: {
    "zh-CN": "现金日记账没有“日期”栏，无法按日核对日清、盘点、限额、送存和坐支",
    en: "The cash journal has no date column, so nothing can be checked day by day (close, counts, limit, deposits, 坐支)",
  },
  countMismatch: {
    "zh-CN": "{date} 现金盘点实存 {counted}，账面余额 {book}，{kind} {difference}，请查明原因",
    en: "The cash count of {date} found {counted} against a book balance of {book}: {kind} of {difference}; please find out why",
  },
  over: { "zh-CN": "长款", en: "an overage" },
  short: { "zh-CN": "短款", en: "a shortage" },
  countMissing: {
    "zh-CN": "{date} 有现金收付，但没有当天的现金盘点记录（日清要求每天盘点库存现金，做到账实相符）",
    en: "Cash moved on {date} but there is no cash count for that day (日清: cash on hand is counted every day against the book)",
  },
  noCountTable: {
    "zh-CN": "工作簿中没有现金盘点表，无法核对每日库存现金盘点（日清）",
    en: "The workbook has no cash count table, so the daily counts of cash on hand (日清) cannot be checked",
  },
  voucherDuplicate: {
    "zh-CN": "{month}凭证号“{voucher}”重复，第 {first} 行已用过此号",
    en: "Voucher number “{voucher}” is used twice in {month}: also on row {first}",
  },
  voucherGap: {
    "zh-CN": "{month}凭证号从“{before}”跳到“{after}”，中间缺 {missing}",
    en: "In {month} the voucher numbers jump from “{before}” to “{after}”; missing: {missing}",
  },
  missingRange: {
    "zh-CN": "“{first}”至“{last}”共 {count} 个号",
    en: "“{first}” to “{last}” ({count} numbers)",
  },
  overLimit: {
    "zh-CN":
      "{window} 库存现金日终余额超过限额 {limit}，最高为 {max}（{maxDate}）。限额{basis}。超过限额的现金应当天送存银行",
    en: "Cash on hand at the end of the day was above the limit of {limit} ({window}), at most {max} ({maxDate}). The limit {basis}. Cash above the limit is to be deposited the same day",
  },
  limitSet: { "zh-CN": "取自设置“库存现金限额”", en: "is the “库存现金限额” setting" },
  limitEstimated: {
    "zh-CN":
      "按 {days} 天日常零星开支估算：{from} 至 {to} 日常支出共 {spent}，{workdays} 个工作日，日均 {daily}，× {days} 天 = {limit}（可在设置表填写开户银行核定的“库存现金限额”）",
    en: "is estimated as {days} days of ordinary spending: {spent} spent from {from} to {to} over {workdays} workdays is {daily} a day, × {days} days = {limit} (enter the bank's approved limit as the “库存现金限额” setting)",
  },
  sitting: {
    "zh-CN":
      "{date}“{summary}”支出 {payment}，此时当天收到的现金 {pending} 尚未送存银行，而当天原有库存现金（含从银行提取的）只够支付 {own}，其中 {sitting} 直接用现金收入支付，属于坐支。现金收入应当天送存银行，支出从库存现金或银行提取",
    en: "On {date}, {payment} was paid for “{summary}” while {pending} of cash received that day was not yet deposited, and the cash on hand before those receipts (with withdrawals) covered only {own}: {sitting} was paid straight out of receipts (坐支). Receipts are to be deposited the same day; payments come from cash on hand or bank withdrawals",
  },
  notDeposited: {
    "zh-CN":
      "{date} 收到现金 {received}，{deadline}送存银行 {deposited}，有 {pending} 未按时送存（现金收入应当日送存开户银行）",
    en: "{received} of cash was received on {date} and {deposited} was deposited {deadline}; {pending} was not deposited in time (cash receipts are to be deposited the same day)",
  },
  notDepositedAtAll: {
    "zh-CN": "{date} 收到现金 {received}，{deadline}未送存银行（现金收入应当日送存开户银行）",
    en: "{received} of cash was received on {date} and none of it was deposited {deadline} (cash receipts are to be deposited the same day)",
  },
  sameDay: { "zh-CN": "当天", en: "the same day" },
  withinDays: { "zh-CN": "{days} 天内", en: "within {days} days" },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** Rows that only carry a balance: page and period carry-overs (承前页, 过次页, 上年结转, 期初余额…). */
const CARRY_RE =
  /承前页|承上页|接上页|过次页|转次页|转下页|上年结转|上月结转|上期结转|结转下年|结转下月|结转下期|年初余额|月初余额|期初余额|期末余额|月末余额|年末余额|上年余额|上月余额|期初结存|上年结余|上月结余/;
/** Totals that reach the check as rows (本日合计, 本月合计, 本年累计, 日计…): their amounts are sums. */
const TOTAL_RE = /^.{0,6}(合计|小计|累计|日计|月计|总计|发生额)$/;
/** Payments that put cash into the bank (or the fiscal account): deposits, not spending. */
const DEPOSIT_RE = /送存|存入|缴存|交存|解缴|解款|缴入|存现|现金存款|上缴|存银行|缴银行|交银行/;
/**
 * Receipts that are the school's own cash, not income: withdrawals from the bank (提现) and returned
 * advances or 备用金. Spending them is not 坐支 and they need not be deposited.
 */
const OWN_CASH_RE =
  /提现|取现|提款|提取|支取|(?<!收)取款|现金支票|现支|(?:银行|基本户|基本账户|零余额账户|专户)(?:中|里)?(?:提|取)|从基本户|备用金|借款|暂借|退回|交回|归还|退还|还款/;

/** One row of a cash journal as the check reads it. */
interface Item {
  table: RecognizedTable;
  row: number;
  /** A carry or totals row: its amounts are not movements. */
  carry: boolean;
  /** The row's date, or the date above it. */
  date?: IsoDate;
  summary: string;
  /** The summary as rules match it: half-width, no spaces ({@link plain}). */
  plainSummary: string;
  voucher?: string;
  receipt: Fen;
  payment: Fen;
  balance?: Fen;
  /** The receipt or payment cell could not be read (already reported). */
  amountsUnknown: boolean;
  balanceUnreadable: boolean;
  /** A totals or subtotal row (skipped by the reader) comes right after it. */
  closedAfter: boolean;
  /** The running balance after the row, when known. */
  after?: Fen;
}

/** One journal, or several in a row (a sheet a month), holding one cash account. */
interface Book {
  items: Item[];
  first?: IsoDate;
  last?: IsoDate;
}

/** The entries of one day of a book, consecutive in the journal. */
interface Run {
  date: IsoDate;
  entries: Item[];
  opening?: Fen;
  closing?: Fen;
  closed: boolean;
  /** An amount of the day could not be read, or is negative (a reversal): the day is not judged for 坐支. */
  uncertain: boolean;
}

interface BookDays {
  runs: Run[];
  /** Per date: the opening of its first run and the closing of its last. */
  byDate: Map<IsoDate, { opening?: Fen; closing?: Fen; receipts: Fen; payments: Fen; last: Item }>;
  dates: IsoDate[];
}

type Where = Pick<Finding, "sheet" | "cell" | "row">;

const at = (item: Pick<Item, "table" | "row">, field: string): Where => ({
  sheet: item.table.sheet,
  cell: cellOf(item.table, item.row, field),
  row: item.row,
});

/** Fen minus fen, exactly (throws MONEY_OVERFLOW out of range). */
const minus = (a: Fen, b: Fen): Fen => addFen(a, -b);
const money = (fen: Fen): string => formatMoney(fen);

/** The text a summary is matched in: half-width, no spaces. */
const plain = (text: string): string => normalizeText(text).replace(/\s+/g, "");

/** Whether a summary, made {@link plain}, is a carry or a totals row's. */
function isCarry(s: string): boolean {
  return (s.length <= 16 && CARRY_RE.test(s)) || TOTAL_RE.test(s);
}

/** A voucher number read as its series (prefix) and number: 现收1, 记-015, 记字第15号, 15. */
interface Voucher {
  key: string;
  /** The prefix as written, to show the missing numbers: "记-". */
  shown: string;
  number: number;
  width: number;
}

function readVoucher(text: string): Voucher | undefined {
  const s = normalizeText(text)
    .replace(/\s+/g, "")
    .replace(/[字第号#№]/g, "")
    .replace(/^no\.?/i, "");
  const m = /^(\D*?)(\d{1,7})$/.exec(s);
  if (!m) return undefined;
  const shown = m[1] ?? "";
  const digits = m[2] ?? "";
  return {
    key: shown.replace(/[-—_.:：]+$/, "").toLowerCase(),
    shown,
    number: Number(digits),
    width: digits.startsWith("0") ? digits.length : 0,
  };
}

const voucherText = (v: Voucher, n: number): string => `${v.shown}${String(n).padStart(v.width, "0")}`;

/** Whether a voucher series is a cash series (现收, 现付, 现金收款…): only those run without gaps in a cash journal. */
const isCashSeries = (key: string): boolean => key.includes("现");

function itemsOf(parsed: ParsedTable<typeof cashJournal.fields>): Item[] {
  const { table, rows } = parsed;
  // Rows skipped as subtotals and the totals row, in order: a row is closed when one of them comes
  // before the next data row. Rows come in order too, so one pass over both finds them.
  const closers = [...table.skippedRows, ...(table.totalsRow === undefined ? [] : [table.totalsRow])].sort(
    (a, b) => a - b,
  );
  let closer = 0;
  let date: IsoDate | undefined;
  return rows.map((r, i) => {
    const v = r.values;
    const unreadable = r.unreadable;
    if (v.date !== undefined) date = v.date;
    const next = rows[i + 1]?.row ?? Number.POSITIVE_INFINITY;
    while (closer < closers.length && (closers[closer] as number) <= r.row) closer++;
    const plainSummary = plain(v.summary);
    const item: Item = {
      table: table as RecognizedTable,
      row: r.row,
      carry: isCarry(plainSummary),
      summary: v.summary,
      plainSummary,
      receipt: v.receipt ?? 0,
      payment: v.payment ?? 0,
      amountsUnknown:
        unreadable !== undefined && (unreadable.includes("receipt") || unreadable.includes("payment")),
      balanceUnreadable: unreadable?.includes("balance") === true,
      closedAfter: closer < closers.length && (closers[closer] as number) < next,
    };
    if (date !== undefined) item.date = date;
    if (v.voucher !== undefined) item.voucher = v.voucher;
    if (v.balance !== undefined) item.balance = v.balance;
    return item;
  });
}

/**
 * The cash books of the workbook: journals whose dates follow on from each other (one sheet a month)
 * are one book, carried from one to the next; journals whose dates overlap are separate accounts.
 */
function booksOf(journals: readonly ParsedTable<typeof cashJournal.fields>[]): Book[] {
  const parts = journals.map((parsed) => {
    const items = itemsOf(parsed);
    const dates = items.flatMap((it) => (it.date === undefined ? [] : [it.date])).sort();
    return { items, first: dates[0], last: dates[dates.length - 1] };
  });
  const order = parts
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      if (a.p.first === b.p.first) return a.i - b.i;
      if (a.p.first === undefined) return 1;
      if (b.p.first === undefined) return -1;
      return a.p.first < b.p.first ? -1 : 1;
    });
  const books: Book[] = [];
  for (const { p } of order) {
    const first = p.first;
    const book =
      first === undefined
        ? undefined
        : chainTo(
            books.filter((b) => b.last !== undefined && b.last <= first),
            p.items,
          );
    if (book) {
      book.items.push(...p.items);
      if (p.last !== undefined) book.last = p.last;
    } else
      books.push({
        items: [...p.items],
        ...(p.first === undefined ? {} : { first: p.first }),
        ...(p.last === undefined ? {} : { last: p.last }),
      });
  }
  return books;
}

/** A sheet's name without its month and date words (9月, 2023年, 十月份, 2023.10…): the account it is for. */
function accountName(sheet: string): string {
  return plain(sheet)
    .replace(/(?:\d{2,4}|[〇零一二三四五六七八九十]{2,4})\s*年(?:度)?/g, "")
    .replace(/(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:月份?|日|号)/g, "")
    .replace(/[上下]半年|第?[一二三四1-4]季度?/g, "")
    .replace(/\d+/g, "")
    .replace(/[\s._\-—/（）()【】[\]]+/g, "");
}

/** How alike two names are: the Dice coefficient of their character pairs (single characters when short). */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const grams = (s: string): string[] =>
    s.length < 2 ? [...s] : Array.from({ length: s.length - 1 }, (_, i) => s.slice(i, i + 2));
  const x = grams(a);
  const y = grams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = [...y];
  let shared = 0;
  for (const g of x) {
    const at = pool.indexOf(g);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** The balance a book closes with, as written: its last balance plus the movements after it; undefined when unknown. */
function closingOf(book: Book): Fen | undefined {
  let closing: Fen | undefined;
  let movement = 0;
  for (const item of book.items) {
    if (item.balance !== undefined) {
      closing = item.balance;
      movement = 0;
    } else if (!item.carry) {
      if (item.amountsUnknown) return undefined;
      movement += item.receipt - item.payment;
    }
  }
  return closing === undefined ? undefined : ((closing + movement) as Fen);
}

/**
 * The earlier book a journal goes on from, of the books that end before it starts: the one whose
 * closing balance its opening carry row (上月结转…) repeats; else, of those (or of all when none fits
 * or there is no carry row), the one whose sheet name is most like its own once month and date words
 * are removed (学校现金9月 → 学校现金10月), provided the names are alike at all. Undefined when none is
 * or it is still ambiguous: the journal then starts a book of its own.
 */
function chainTo(candidates: Book[], items: readonly Item[]): Book | undefined {
  if (candidates.length === 0) return undefined;
  const lead = items.find((it) => !it.carry || it.balance !== undefined);
  const opening = lead?.carry ? lead.balance : undefined;
  const fitting = opening === undefined ? [] : candidates.filter((b) => closingOf(b) === opening);
  if (fitting.length === 1) return fitting[0];
  const pool = fitting.length > 1 ? fitting : candidates;
  const name = accountName(items[0]?.table.sheet ?? "");
  const scored = pool
    .map((b) => {
      const other = accountName(b.items[b.items.length - 1]?.table.sheet ?? "");
      // A name that is all month words says nothing about the account: neutral.
      return { b, score: name === "" || other === "" ? (name === other ? 1 : 0.5) : similarity(name, other) };
    })
    .filter((s) => s.score >= 0.5);
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  return top.length === 1 ? top[0]?.b : undefined;
}

/** numerator / denominator rounded half away from zero, for non-negative big integers. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator;
  return 2n * (numerator % denominator) >= denominator ? q + 1n : q;
}

/**
 * Checks the cash journal and the daily cash counts for 日清月结 (三(四)3) and the 《现金管理暂行条例》
 * rules on cash on hand. Findings, each at its cell:
 *
 * - `finance/cash-balance-mismatch` (error): a row's balance is not the previous balance + receipt −
 *   payment (rows without a balance in between are added in). The first balance comes from a carry row
 *   (承前页, 上年结转, 期初余额…), else the 现金期初余额 setting for the first journal, else the first
 *   balance written, which is not judged. A carry row (承前页, 过次页…) must repeat the balance it
 *   carries. After a mismatch the check goes on from the written balance, so one error is one finding.
 * - `finance/cash-day-not-closed` (warning): a day with entries whose last entry has no balance and is
 *   not followed by a 本日合计/小计 row or a carry row with one. Days from "today" on are still open.
 *   Once (info) when the journal has no balance column or no date column.
 * - `finance/cash-count-mismatch` (error): a cash count that differs from the book balance at the end
 *   of its day (长款 above, 短款 below). The book is the journals' balance; for a date the journals do
 *   not cover, the count's own 账面余额 column. Of several counts on one day, one that agrees is enough.
 * - `finance/cash-count-missing` (warning): a day with cash entries and no count, before "today"; when
 *   the workbook has no cash-count table, once (info).
 * - `finance/voucher-duplicate` (warning): a voucher number used again in the same series and month
 *   (several consecutive lines of one voucher on one day are one use), at the later row.
 * - `finance/voucher-gap` (warning): numbers missing between the lowest and highest of a series in a
 *   month, once per gap at the row after it. Series are told by their prefix (现收, 现付, 记, none);
 *   only cash series (with 现 in the prefix) are checked for gaps, since a cash journal holds just
 *   some of the general (记) or bank (银付) vouchers — unless the setting 检查所有凭证断号 is 是.
 * - `finance/cash-over-limit` (warning): the cash on hand at the end of a day above the limit, once per
 *   run of consecutive days over it, at the first day's balance. The limit is the setting 库存现金限额,
 *   else 现金限额天数 (default 3) × the average ordinary spending per workday over the period the
 *   journal covers (deposits excluded); with no spending it is not judged.
 * - `finance/cash-sitting-payment` (warning, 坐支): a payment other than a deposit that, at its place
 *   in the day, could not be covered by the day's opening cash plus the day's withdrawals and returned
 *   advances, less what was already paid or deposited out of them, while receipts of the day not yet
 *   deposited were in hand: the part paid out of those receipts. Conservative on purpose: every
 *   withdrawal of the day counts whenever it was booked, receipts count only from their row on,
 *   deposits go first against receipts, and days whose opening balance is unknown or that hold an
 *   unreadable or negative amount are not judged.
 * - `finance/receipts-not-deposited` (warning): cash receipts (other than withdrawals and returned
 *   advances) not covered by deposits by the end of the day they came in, or 现金送存期限 days later;
 *   deposits cover the oldest receipts first. A day with a 坐支 finding is not reported again here.
 *   Judged once the deadline is before "today".
 * - `finance/amount-out-of-range` (error): amounts too large to add up exactly; nothing else is judged.
 *
 * Settings: 现金期初余额 (money; none), 库存现金限额 (money; none), 现金限额天数 (3), 现金送存期限 (days
 * after the day of receipt, 0 = same day), 检查所有凭证断号 (否).
 *
 * Report: "现金日记账日结表" (`finance.cash-daily`): per day with entries or a count, the opening
 * balance, receipts, payments, closing balance, amount counted and the difference (counted − book),
 * in fen, of all cash books together.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkCash(ctx); // [{ rule: "finance/cash-balance-mismatch", cell: "G12", … }]
 */
export function checkCash(ctx: CheckContext): Finding[] {
  // A sum out of range (MONEY_OVERFLOW) is turned into a finding by runChecks.
  return judgeCash(ctx);
}

function judgeCash(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const findings: Finding[] = [];
  const journals = ctx.tablesOf(cashJournal);
  const countTables = ctx.tablesOf(cashCount);

  const openingSetting = ctx.setting<Fen | null>(
    ["现金期初余额", "库存现金期初余额", "现金日记账期初余额", "cash opening balance"],
    cells.money(),
    null,
  );
  const limitSetting = ctx.setting<Fen | null>(
    ["库存现金限额", "现金限额", "库存现金核定限额", "cash limit", "cash on hand limit"],
    cells.nonNegativeMoney(),
    null,
  );
  const limitDays = Math.max(
    1,
    ctx.setting(["现金限额天数", "库存现金限额天数", "cash limit days"], cells.integer(), DEFAULT_LIMIT_DAYS),
  );
  const deadline = Math.max(
    0,
    ctx.setting(["现金送存期限", "现金送存天数", "cash deposit days"], cells.integer(), 0),
  );
  const allGaps = ctx.setting(
    ["检查所有凭证断号", "所有凭证检查断号", "check all voucher gaps"],
    cells.boolean(),
    false,
  );

  // Once per journal: columns without which some rules cannot be judged.
  for (const { table } of journals) {
    const columns = table.columns as Record<string, number | undefined>;
    const info = (rule: string, text: Bilingual) =>
      findings.push({
        rule,
        severity: "info",
        message: t(text),
        clause: CLAUSE,
        sheet: table.sheet,
        cell: cellOf(table, table.headerRow, "summary"),
        row: table.headerRow,
      });
    if (columns.balance === undefined) info("finance/cash-day-not-closed", MSG.noBalanceColumn);
    if (columns.date === undefined) info("finance/cash-day-not-closed", MSG.noDateColumn);
  }

  const books = booksOf(journals);
  const days = books.map((book, i) =>
    walkBook(book, i === 0 ? openingSetting : null, findings, t, (date) => date < ctx.asOf),
  );

  vouchers(books, allGaps, ctx.lang, findings, t);

  // The days of all books, and the balance of all of them at the start and end of a day.
  const entryDays = [...new Set(days.flatMap((d) => d.dates))].sort();
  const endOf = (date: IsoDate): Fen | undefined => {
    let total: Fen = 0;
    let started = false;
    for (const d of days) {
      let last: IsoDate | undefined;
      for (const day of d.dates) if (day <= date) last = day;
      if (last === undefined) continue;
      const closing = d.byDate.get(last)?.closing;
      if (closing === undefined) return undefined;
      total = addFen(total, closing);
      started = true;
    }
    return started ? total : undefined;
  };
  const startOf = (date: IsoDate): Fen | undefined => {
    let total: Fen = 0;
    let started = false;
    for (const d of days) {
      const today = d.byDate.get(date);
      let value: Fen | undefined;
      if (today) value = today.opening;
      else {
        let last: IsoDate | undefined;
        for (const day of d.dates) if (day < date) last = day;
        if (last === undefined) continue;
        value = d.byDate.get(last)?.closing;
      }
      if (value === undefined) return undefined;
      total = addFen(total, value);
      started = true;
    }
    return started ? total : undefined;
  };
  const lastEntryOf = (date: IsoDate): Item | undefined => {
    for (const d of days) {
      const day = d.byDate.get(date);
      if (day) return day.last;
    }
    return undefined;
  };

  // Counts: compared with the book at the end of their day.
  const firstDay = entryDays[0];
  const lastDay = entryDays[entryDays.length - 1];
  const countsByDate = new Map<IsoDate, { item: Pick<Item, "table" | "row">; counted: Fen; book?: Fen }[]>();
  for (const { table, rows } of countTables)
    for (const { row, values } of rows) {
      const list = countsByDate.get(values.date) ?? [];
      list.push({
        item: { table: table as RecognizedTable, row },
        counted: values.counted,
        ...(values.book === undefined ? {} : { book: values.book }),
      });
      countsByDate.set(values.date, list);
    }
  for (const [date, counts] of countsByDate) {
    const covered = firstDay !== undefined && lastDay !== undefined && date >= firstDay && date <= lastDay;
    const journalBook = covered ? endOf(date) : undefined;
    const judged = counts.map((c) => ({ ...c, against: journalBook ?? c.book }));
    if (judged.some((c) => c.against !== undefined && c.against === c.counted)) continue;
    const last = [...judged].reverse().find((c) => c.against !== undefined);
    if (!last || last.against === undefined) continue;
    const difference = minus(last.counted, last.against);
    findings.push({
      rule: "finance/cash-count-mismatch",
      severity: "error",
      message: t(MSG.countMismatch, {
        date,
        counted: money(last.counted),
        book: money(last.against),
        kind: t(difference > 0 ? MSG.over : MSG.short),
        difference: money(Math.abs(difference)),
      }),
      clause: CLAUSE,
      ...at(last.item, "counted"),
      data: {
        date,
        counted: last.counted,
        book: last.against,
        difference,
        kind: difference > 0 ? "overage" : "shortage",
      },
    });
  }

  // Days with entries and no count.
  if (entryDays.length > 0) {
    if (countTables.length === 0)
      findings.push({
        rule: "finance/cash-count-missing",
        severity: "info",
        message: t(MSG.noCountTable),
        clause: CLAUSE,
      });
    else
      for (const date of entryDays) {
        if (date >= ctx.asOf || countsByDate.has(date)) continue;
        const last = lastEntryOf(date);
        if (!last) continue;
        findings.push({
          rule: "finance/cash-count-missing",
          severity: "warning",
          message: t(MSG.countMissing, { date }),
          clause: CLAUSE,
          ...at(last, "date"),
          data: { date },
        });
      }
  }

  overLimit(ctx, days, entryDays, endOf, limitSetting, limitDays, findings, t);

  // 坐支 and deposits, book by book.
  for (const d of days) deposits(d.runs, deadline, ctx.asOf, findings, t);

  // The daily close report.
  const reportDays = [...new Set([...entryDays, ...countsByDate.keys()])].sort();
  const rows = reportDays.flatMap((date) => {
    let receipts: Fen = 0;
    let payments: Fen = 0;
    for (const d of days) {
      const day = d.byDate.get(date);
      if (!day) continue;
      receipts = addFen(receipts, day.receipts);
      payments = addFen(payments, day.payments);
    }
    const closing = endOf(date) ?? null;
    const count = countsByDate.get(date);
    const counted = count?.[count.length - 1]?.counted ?? null;
    if (closing === null && counted === null) return [];
    return [
      {
        date,
        opening: startOf(date) ?? null,
        receipts,
        payments,
        closing,
        counted,
        difference: counted !== null && closing !== null ? minus(counted, closing) : null,
      },
    ];
  });
  if (rows.length > 0) ctx.report(dailyReport(rows));
  return findings;
}

type Translate = (text: Bilingual, params?: Record<string, unknown>) => string;

/**
 * Follows a book's running balance row by row (reporting mismatches) and cuts it into days
 * (reporting days not closed before "today").
 */
function walkBook(
  book: Book,
  opening: Fen | null,
  findings: Finding[],
  t: Translate,
  judgedDay: (date: IsoDate) => boolean,
): BookDays {
  type Anchor = { balance: Fen; item?: Item };
  let running: Fen | undefined = opening ?? undefined;
  let anchor: Anchor | undefined = opening === null ? undefined : { balance: opening };
  let receipts: Fen = 0;
  let payments: Fen = 0;

  const anchorText = (item: Item) => {
    const a = anchor?.item;
    if (!a) return t(MSG.anchorSetting);
    if (a.table === item.table) return t(MSG.anchorRow, { row: a.row });
    return t(MSG.anchorSheetRow, { row: a.row, sheet: a.table.sheet });
  };
  const mismatch = (item: Item, written: Fen, expected: Fen) => {
    const difference = minus(written, expected);
    const base = anchor?.balance ?? expected;
    const carried = receipts === 0 && payments === 0;
    const text = item.carry || carried ? MSG.carryMismatch : MSG.mismatch;
    findings.push({
      rule: "finance/cash-balance-mismatch",
      severity: "error",
      message: t(text, {
        written: money(written),
        summary: item.summary,
        anchorText: anchorText(item),
        anchor: money(base),
        receipts: money(receipts),
        payments: money(payments),
        expected: money(expected),
        difference: money(Math.abs(difference)),
      }),
      clause: CLAUSE,
      ...at(item, "balance"),
      data: {
        ...(item.date === undefined ? {} : { date: item.date }),
        previous: base,
        ...(anchor?.item ? { previousRow: anchor.item.row, previousSheet: anchor.item.table.sheet } : {}),
        receipts,
        payments,
        expected,
        written,
        difference,
      },
    });
  };
  const setAnchor = (balance: Fen, item: Item) => {
    running = balance;
    anchor = { balance, item };
    receipts = 0;
    payments = 0;
  };

  for (const item of book.items) {
    if (item.carry) {
      if (item.balance !== undefined) {
        if (running !== undefined && item.balance !== running) mismatch(item, item.balance, running);
        setAnchor(item.balance, item);
      }
      if (running !== undefined) item.after = running;
      continue;
    }
    if (item.amountsUnknown) {
      // An unreadable amount (already reported): start again from the next balance written.
      if (item.balance !== undefined) setAnchor(item.balance, item);
      else {
        running = undefined;
        anchor = undefined;
      }
      if (running !== undefined) item.after = running;
      continue;
    }
    receipts = addFen(receipts, item.receipt);
    payments = addFen(payments, item.payment);
    const expected = running === undefined ? undefined : minus(addFen(running, item.receipt), item.payment);
    if (item.balance !== undefined) {
      if (expected !== undefined && item.balance !== expected) mismatch(item, item.balance, expected);
      setAnchor(item.balance, item);
    } else running = expected;
    if (running !== undefined) item.after = running;
  }

  // Days: runs of consecutive entries with one date; carry rows of the same sheet after a day's last
  // entry still belong to it (a 过次页 row may close it).
  const runs: Run[] = [];
  let run: Run | undefined;
  let before: Fen | undefined = opening ?? undefined;
  for (const item of book.items) {
    if (item.carry) {
      const last = run?.entries[run.entries.length - 1];
      if (run && last && last.table === item.table && (item.date === undefined || item.date === run.date)) {
        if (item.after !== undefined) run.closing = item.after;
        if (item.balance !== undefined || item.balanceUnreadable || item.closedAfter) run.closed = true;
      }
      before = item.after;
      continue;
    }
    if (item.date === undefined) {
      run = undefined;
      before = item.after;
      continue;
    }
    if (!run || run.date !== item.date) {
      run = {
        date: item.date,
        entries: [],
        ...(before === undefined ? {} : { opening: before }),
        closed: false,
        uncertain: false,
      };
      runs.push(run);
    }
    run.entries.push(item);
    if (item.after === undefined) delete run.closing;
    else run.closing = item.after;
    run.closed = item.balance !== undefined || item.balanceUnreadable || item.closedAfter;
    if (item.amountsUnknown || item.receipt < 0 || item.payment < 0) run.uncertain = true;
    before = item.after;
  }

  for (const r of runs) {
    const last = r.entries[r.entries.length - 1];
    if (!last || r.closed || !judgedDay(r.date)) continue;
    if ((last.table.columns as Record<string, number | undefined>).balance === undefined) continue;
    findings.push({
      rule: "finance/cash-day-not-closed",
      severity: "warning",
      message: t(MSG.notClosed, { date: r.date, row: last.row }),
      clause: CLAUSE,
      ...at(last, "balance"),
      data: { date: r.date },
    });
  }

  const byDate: BookDays["byDate"] = new Map();
  for (const r of runs) {
    const last = r.entries[r.entries.length - 1] as Item;
    let receipts: Fen = 0;
    let payments: Fen = 0;
    for (const e of r.entries) {
      receipts = addFen(receipts, e.receipt);
      payments = addFen(payments, e.payment);
    }
    const day = byDate.get(r.date);
    if (!day) {
      byDate.set(r.date, {
        ...(r.opening === undefined ? {} : { opening: r.opening }),
        ...(r.closing === undefined ? {} : { closing: r.closing }),
        receipts,
        payments,
        last,
      });
      continue;
    }
    day.receipts = addFen(day.receipts, receipts);
    day.payments = addFen(day.payments, payments);
    day.last = last;
    if (r.closing === undefined) delete day.closing;
    else day.closing = r.closing;
  }
  return { runs, byDate, dates: [...byDate.keys()].sort() };
}

/** Duplicate and missing voucher numbers, per book, series and month. */
function vouchers(
  books: readonly Book[],
  allGaps: boolean,
  lang: Lang,
  findings: Finding[],
  t: Translate,
): void {
  type Group = { month: string; uses: { item: Item; v: Voucher; index: number }[] };
  for (const book of books) {
    // By series, then month; the groups in the order they were first seen.
    const bySeries = new Map<string, Map<string, Group>>();
    const groups: Group[] = [];
    book.items.forEach((item, index) => {
      if (item.carry || item.voucher === undefined || item.date === undefined) return;
      const v = readVoucher(item.voucher);
      if (!v) return;
      const month = item.date.slice(0, 7);
      let byMonth = bySeries.get(v.key);
      if (!byMonth) {
        byMonth = new Map();
        bySeries.set(v.key, byMonth);
      }
      let group = byMonth.get(month);
      if (!group) {
        group = { month, uses: [] };
        byMonth.set(month, group);
        groups.push(group);
      }
      group.uses.push({ item, v, index });
    });
    for (const { month, uses } of groups) {
      const monthText = monthLabel(month, lang);
      // Duplicates: a number used again, other than on the next line of the same day.
      const lastUse = new Map<number, { item: Item; index: number; first: Item }>();
      for (const use of uses) {
        const prev = lastUse.get(use.v.number);
        if (prev && !(prev.index === use.index - 1 && prev.item.date === use.item.date)) {
          findings.push({
            rule: "finance/voucher-duplicate",
            severity: "warning",
            message: t(MSG.voucherDuplicate, {
              month: monthText,
              voucher: use.item.voucher,
              first: prev.first.row,
            }),
            clause: CLAUSE,
            ...at(use.item, "voucher"),
            data: { month, voucher: use.item.voucher, number: use.v.number, firstRow: prev.first.row },
          });
        }
        lastUse.set(use.v.number, { item: use.item, index: use.index, first: prev?.first ?? use.item });
      }
      // Gaps: numbers missing between two used ones, reported at the first use of the one after.
      if (!allGaps && !isCashSeries(uses[0]?.v.key ?? "")) continue;
      const firstUse = new Map<number, { item: Item; v: Voucher }>();
      for (const use of uses) if (!firstUse.has(use.v.number)) firstUse.set(use.v.number, use);
      const numbers = [...firstUse.keys()].sort((a, b) => a - b);
      for (let i = 1; i < numbers.length; i++) {
        const lo = numbers[i - 1] as number;
        const hi = numbers[i] as number;
        if (hi - lo < 2) continue;
        const after = firstUse.get(hi) as { item: Item; v: Voucher };
        const before = firstUse.get(lo) as { item: Item; v: Voucher };
        const count = hi - lo - 1;
        const missing =
          count <= 3
            ? Array.from({ length: count }, (_, k) => `“${voucherText(after.v, lo + 1 + k)}”`).join("、")
            : t(MSG.missingRange, {
                first: voucherText(after.v, lo + 1),
                last: voucherText(after.v, hi - 1),
                count,
              });
        findings.push({
          rule: "finance/voucher-gap",
          severity: "warning",
          message: t(MSG.voucherGap, {
            month: monthText,
            before: before.item.voucher,
            after: after.item.voucher,
            missing,
          }),
          clause: CLAUSE,
          ...at(after.item, "voucher"),
          data: {
            month,
            series: after.v.key,
            from: lo,
            to: hi,
            missing: Array.from({ length: Math.min(count, 1000) }, (_, k) => lo + 1 + k),
          },
        });
      }
    }
  }
}

const isDeposit = (item: Item): boolean => item.payment > 0 && DEPOSIT_RE.test(item.plainSummary);
const isOwnCash = (item: Item): boolean =>
  OWN_CASH_RE.test(item.plainSummary) ||
  (item.voucher !== undefined && /^银付|^银行付/.test(plain(item.voucher)));

/** Cash on hand above the limit at the end of a day, once per run of such days. */
function overLimit(
  ctx: CheckContext,
  days: readonly BookDays[],
  entryDays: readonly IsoDate[],
  endOf: (date: IsoDate) => Fen | undefined,
  limitSetting: Fen | null,
  limitDays: number,
  findings: Finding[],
  t: Translate,
): void {
  const period = judgedPeriod(ctx, entryDays);
  const first = entryDays[0];
  const last = entryDays[entryDays.length - 1];
  if (!period || first === undefined || last === undefined) return;
  const from = period.from > first ? period.from : first;
  const to = period.to < last ? period.to : last;
  if (from > to) return;

  let limit: Fen;
  let basis: string;
  let data: Record<string, unknown>;
  if (limitSetting !== null) {
    limit = limitSetting;
    basis = t(MSG.limitSet);
    data = { limit, basis: "setting" };
  } else {
    let spent: Fen = 0;
    for (const d of days)
      for (const r of d.runs) {
        if (r.date < from || r.date > to) continue;
        for (const e of r.entries)
          if (!e.amountsUnknown && e.payment > 0 && !isDeposit(e)) spent = addFen(spent, e.payment);
      }
    if (spent <= 0) return;
    let workdays = 0;
    for (let d = from; d <= to; d = addDaysIso(d, 1)) if (ctx.calendar.isWorkday(d)) workdays++;
    workdays = Math.max(1, workdays);
    const daily = Number(divideRounded(BigInt(spent), BigInt(workdays)));
    limit = Number(divideRounded(BigInt(spent) * BigInt(limitDays), BigInt(workdays)));
    const params = {
      days: limitDays,
      from,
      to,
      spent: money(spent),
      workdays,
      daily: money(daily),
      limit: money(limit),
    };
    basis = t(MSG.limitEstimated, params);
    data = {
      limit,
      basis: "days",
      days: limitDays,
      spent,
      workdays,
      daily,
      spendingFrom: from,
      spendingTo: to,
    };
  }

  // The location of a day's closing: the last entry of the book holding the most cash that day.
  const whereOf = (date: IsoDate): Item | undefined => {
    let best: { item: Item; closing: Fen } | undefined;
    for (const d of days) {
      const day = d.byDate.get(date);
      if (!day) continue;
      const closing = day.closing ?? 0;
      if (!best || closing > best.closing) best = { item: day.last, closing };
    }
    return best?.item;
  };
  const judged = entryDays.filter((d) => d >= from && d <= to && d < ctx.asOf);
  let runStart: { date: IsoDate; item: Item } | undefined;
  let runEnd: IsoDate | undefined;
  let max: { date: IsoDate; balance: Fen } | undefined;
  const flush = () => {
    if (!runStart || runEnd === undefined || !max) return;
    findings.push({
      rule: "finance/cash-over-limit",
      severity: "warning",
      message: t(MSG.overLimit, {
        window: windowText(runStart.date, runEnd, ctx.lang),
        limit: money(limit),
        max: money(max.balance),
        maxDate: max.date,
        basis,
      }),
      clause: CLAUSE,
      ...at(runStart.item, "balance"),
      data: {
        ...data,
        from: runStart.date,
        to: runEnd,
        max: max.balance,
        maxDate: max.date,
      },
    });
    runStart = undefined;
    runEnd = undefined;
    max = undefined;
  };
  for (const date of judged) {
    const balance = endOf(date);
    const item = whereOf(date);
    if (balance === undefined || balance <= limit || !item) {
      flush();
      continue;
    }
    if (!runStart) runStart = { date, item };
    runEnd = date;
    if (!max || balance > max.balance) max = { date, balance };
  }
  flush();
}

/** A day's undeposited receipts, waiting for deposits until the deadline. */
interface Lot {
  date: IsoDate;
  item: Item;
  received: Fen;
  deposited: Fen;
  pending: Fen;
}

/** 坐支 and receipts not deposited in time, over the days of one book in order. */
function deposits(
  runs: readonly Run[],
  deadline: number,
  asOf: IsoDate,
  findings: Finding[],
  t: Translate,
): void {
  const lots: Lot[] = [];
  const late = (lot: Lot) => {
    if (lot.pending <= 0 || addDaysIso(lot.date, deadline) >= asOf) return;
    findings.push({
      rule: "finance/receipts-not-deposited",
      severity: "warning",
      message: t(lot.deposited === 0 ? MSG.notDepositedAtAll : MSG.notDeposited, {
        date: lot.date,
        received: money(lot.received),
        deposited: money(lot.deposited),
        pending: money(lot.pending),
        deadline: t(deadline === 0 ? MSG.sameDay : MSG.withinDays, { days: deadline }),
      }),
      clause: CLAUSE,
      ...at(lot.item, "receipt"),
      data: {
        date: lot.date,
        received: lot.received,
        deposited: lot.deposited,
        pending: lot.pending,
        deadlineDays: deadline,
      },
    });
  };
  const flushBefore = (date: IsoDate | undefined) => {
    for (let i = 0; i < lots.length; ) {
      const lot = lots[i] as Lot;
      if (date === undefined || addDaysIso(lot.date, deadline) < date) {
        late(lot);
        lots.splice(i, 1);
      } else i++;
    }
  };

  for (const run of runs) {
    flushBefore(run.date);
    // Cash of the school's own for the day: the opening and every withdrawal or returned advance.
    let own: Fen | undefined = run.opening;
    for (const e of run.entries)
      if (own !== undefined && e.receipt > 0 && isOwnCash(e)) own = addFen(own, e.receipt);
    let pending: Fen = 0;
    let sat = false;
    let first: Item | undefined;
    let received: Fen = 0;
    let depositedToday: Fen = 0;
    for (const e of run.entries) {
      if (e.receipt > 0 && !isOwnCash(e)) {
        pending = addFen(pending, e.receipt);
        received = addFen(received, e.receipt);
        first ??= e;
      }
      if (e.payment <= 0) continue;
      if (isDeposit(e)) {
        // A deposit pays in the oldest receipts first, then the day's, then the school's own cash.
        let left = e.payment;
        for (const lot of lots) {
          const x = Math.min(left, lot.pending);
          lot.pending = minus(lot.pending, x);
          lot.deposited = addFen(lot.deposited, x);
          left = minus(left, x);
          if (own !== undefined) own = Math.max(0, minus(own, x));
        }
        const x = Math.min(left, pending);
        pending = minus(pending, x);
        depositedToday = addFen(depositedToday, x);
        left = minus(left, x);
        if (own !== undefined) own = Math.max(0, minus(own, left));
        continue;
      }
      if (own === undefined || run.uncertain) continue;
      if (e.payment <= own) {
        own = minus(own, e.payment);
        continue;
      }
      const sitting = Math.min(minus(e.payment, own), pending);
      if (sitting > 0) {
        findings.push({
          rule: "finance/cash-sitting-payment",
          severity: "warning",
          message: t(MSG.sitting, {
            date: run.date,
            summary: e.summary,
            payment: money(e.payment),
            pending: money(pending),
            own: money(own),
            sitting: money(sitting),
          }),
          clause: CLAUSE,
          ...at(e, "payment"),
          data: { date: run.date, payment: e.payment, undeposited: pending, ownCash: own, sitting },
        });
        pending = minus(pending, sitting);
        sat = true;
      }
      own = 0;
    }
    // A day with 坐支 is told once, there; a day whose amounts are uncertain is not judged.
    if (!sat && !run.uncertain && first && pending > 0)
      lots.push({ date: run.date, item: first, received, deposited: depositedToday, pending });
  }
  flushBefore(undefined);
}

type DailyRow = {
  date: IsoDate;
  opening: Fen | null;
  receipts: Fen;
  payments: Fen;
  closing: Fen | null;
  counted: Fen | null;
  difference: Fen | null;
};

/** The daily close sheet: one row per day, money in fen. */
function dailyReport(rows: readonly DailyRow[]): Report {
  return {
    id: "finance.cash-daily",
    title: tr("现金日记账日结表", "Cash journal daily close"),
    sheetName: tr("现金日结表", "Cash daily close"),
    columns: [
      { key: "date", title: tr("日期", "Date"), width: 12 },
      { key: "opening", title: tr("日初余额", "Opening"), width: 14, format: "money" },
      { key: "receipts", title: tr("本日收入", "Receipts"), width: 14, format: "money" },
      { key: "payments", title: tr("本日支出", "Payments"), width: 14, format: "money" },
      { key: "closing", title: tr("日终余额", "Closing"), width: 14, format: "money" },
      { key: "counted", title: tr("盘点实存", "Counted"), width: 14, format: "money" },
      { key: "difference", title: tr("长(+)短(−)款", "Over (+) / short (−)"), width: 14, format: "money" },
    ],
    rows,
  };
}

/** The cash day-close check as the apps run it (三(四)3 日清月结; 《现金管理暂行条例》). */
export const cashCheck: Check = {
  id: "finance/cash",
  title: tr("现金日清月结", "Cash journal and daily close"),
  kinds: [cashJournal, cashCount],
  run: checkCash,
};
