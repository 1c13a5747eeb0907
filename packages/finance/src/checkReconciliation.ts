import {
  type Bilingual,
  type Fen,
  type Finding,
  formatMoney,
  type IsoDate,
  localize,
  normalizeText,
} from "@houqin/core";
import {
  type Check,
  type CheckContext,
  cellOf,
  cells,
  normalizeHeader,
  type ParsedTable,
  type RecognizedTable,
  type Report,
} from "@houqin/workbook";
import { bankJournal, bankStatement } from "./bankKinds.js";
import {
  type AdjustedBalances,
  adjustBalances,
  type BankLine,
  type BankMatch,
  type MatchPass,
  type OutstandingClass,
  reconcileBank,
} from "./reconcile.js";

const CLAUSE = "三(四)3";

const MSG = {
  outstandingJournal: {
    "zh-CN":
      "{date} 银行存款日记账{voucher}{summary}{direction} {amount}，银行对账单上没有对应的记录，属于未达账项“{class}”{age}",
    en: "{date}: the bank journal's {direction} of {amount}{voucher}{summary} is not on the bank statement: an outstanding item ({class}){age}",
  },
  outstandingStatement: {
    "zh-CN":
      "{date} 银行对账单{reference}{summary}{direction} {amount}，银行存款日记账中没有对应的记录，属于未达账项“{class}”{age}",
    en: "{date}: the bank statement's {direction} of {amount}{reference}{summary} is not in the bank journal: an outstanding item ({class}){age}",
  },
  voucher: { "zh-CN": "（凭证 {voucher}）", en: " (voucher {voucher})" },
  reference: { "zh-CN": "（流水号 {reference}）", en: " (reference {reference})" },
  summary: { "zh-CN": "“{summary}”", en: " for “{summary}”" },
  receipt: { "zh-CN": "收入", en: "receipt" },
  payment: { "zh-CN": "支出", en: "payment" },
  overdue: {
    "zh-CN": "，至 {asOf} 已挂账 {days} 天，超过 {limit} 天，请查明原因并及时处理",
    en: "; it has been outstanding for {days} days on {asOf}, more than {limit}: find out why and clear it",
  },
  unbalanced: {
    "zh-CN":
      "银行存款余额调节表不平：日记账调节后余额 {book}，对账单调节后余额 {bank}，相差 {difference}。请核对两边余额与未达账项{note}",
    en: "The bank reconciliation does not balance: the adjusted book balance is {book} and the adjusted statement balance {bank}, {difference} apart. Check both balances and the outstanding items{note}",
  },
  unreadableNote: {
    "zh-CN": "（另有 {count} 行的金额或日期无法读取或缺失，未参与对账）",
    en: " ({count} rows whose amount or date is unreadable or missing were left out)",
  },
  capped: {
    "zh-CN":
      "拆分匹配尝试了 {iterations} 次，达到“对账迭代上限”，一笔对多笔的匹配没有做完，剩下的行暂按未达账项列出；可在设置表中调高“对账迭代上限”",
    en: "The split search took {iterations} steps and reached the iteration cap (对账迭代上限), so one-to-many matching is incomplete and the lines left are listed as outstanding; raise 对账迭代上限 in the settings to finish it",
  },
  noStatement: {
    "zh-CN": "工作簿中有银行存款日记账，但没有银行对账单，无法编制银行存款余额调节表",
    en: "The workbook has a bank journal but no bank statement, so the bank reconciliation cannot be made",
  },
  noJournal: {
    "zh-CN": "工作簿中有银行对账单，但没有银行存款日记账，无法编制银行存款余额调节表",
    en: "The workbook has a bank statement but no bank journal, so the bank reconciliation cannot be made",
  },
  noJournalAmounts: {
    "zh-CN": "银行存款日记账没有“借方”“贷方”（收入、支出）栏，无法与对账单核对",
    en: "The bank journal has no debit or credit (收入, 支出) column, so it cannot be reconciled",
  },
  noStatementAmounts: {
    "zh-CN": "银行对账单没有“收入”“支出”栏，也没有“交易金额”栏，无法与日记账核对",
    en: "The bank statement has no money-in, money-out or amount column, so it cannot be reconciled",
  },
  undated: {
    "zh-CN": "这一笔{direction} {amount} 没有日期，上面也没有可沿用的日期，未参与对账",
    en: "This {direction} of {amount} has no date and no date above it, so it was not reconciled",
  },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

const CLASS_TEXT: Record<OutstandingClass, Bilingual> = {
  "bank-received-not-booked": tr("银行已收、企业未收", "received by the bank, not yet booked"),
  "bank-paid-not-booked": tr("银行已付、企业未付", "paid by the bank, not yet booked"),
  "booked-receipt-not-in-bank": tr("企业已收、银行未收", "booked as received, not yet in the bank"),
  "booked-payment-not-in-bank": tr("企业已付、银行未付", "booked as paid, not yet through the bank"),
};

const PASS_TEXT: Record<MatchPass, Bilingual> = {
  reference: tr("结算号相同", "Same reference"),
  "amount-date": tr("金额、日期相同", "Same amount and date"),
  window: tr("金额相同，日期相近", "Same amount, near date"),
  split: tr("一笔对多笔", "Split"),
};

/** Rows that only carry a balance: page and period carry-overs (承前页, 过次页, 上年结转, 期初余额…). */
const CARRY_RE =
  /承前页|承上页|接上页|过次页|转次页|转下页|上年结转|上月结转|上期结转|结转下年|结转下月|结转下期|年初余额|月初余额|期初余额|期末余额|月末余额|年末余额|上日余额|上年余额|上月余额|期初结存|上年结余|上月结余/;
/**
 * Totals that reach the check as rows (本日合计, 本月合计, 本年累计, 9月合计…): their amounts are sums, not
 * lines. The whole summary must be a totals label: "发放9月工资合计" is a line.
 */
const TOTAL_RE =
  /^(本|当|全)?([日周月季年期页]|月份|季度|年度)?((\d{2,4}|[一二三四五六七八九十〇零]+)年)?((\d{1,2}|[一二三四五六七八九十]+)(月份?|日|季度?))?(合计|小计|累计|日计|月计|总计|共计)(数|金额|发生额)?$/;
/** A reference cell that says there is none. */
const NO_REFERENCE_RE = /^(无|-+|—+|\/|n\/?a|none)$/i;

const plain = (text: string | undefined): string => normalizeText(text ?? "").replace(/\s+/g, "");

/** One line of either side as the check read it: where it is and what it says. */
interface SourceLine {
  table: RecognizedTable;
  row: number;
  /** The field whose cell holds the amount (where findings about the line go). */
  field: string;
  date: IsoDate;
  amount: Fen;
  summary?: string;
  voucher?: string;
  reference?: string;
}

/** One side read: its lines, its closing balance and where that balance was written. */
interface SideRead {
  lines: SourceLine[];
  /** The closing balance: the 余额 of the latest day plus any movements after it, else the opening plus all. */
  balance: Fen;
  /** The cell of the closing balance. */
  balanceAt?: { sheet: string; cell: string; row: number };
  /** Rows whose amount or date could not be read (already reported) or that have no date. */
  skipped: number;
  lastDate?: IsoDate;
}

/** Days from a to b (ISO dates). */
function daysBetween(a: IsoDate, b: IsoDate): number {
  const utc = (iso: IsoDate) =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

function referenceOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const ref = plain(text).toUpperCase();
  return ref === "" || NO_REFERENCE_RE.test(ref) ? undefined : ref;
}

type At = { sheet: string; cell: string; row: number };

/** One row's part in its side's balance: the 余额 it writes, or the movement it makes, on its date. */
interface BalanceRow {
  /** The row's date, or the date above it (the table's first date for rows before any date). */
  date?: IsoDate;
  balance?: Fen;
  movement: Fen;
  at: At;
}

/**
 * The balances of one side, read in date order: tables by their first date, rows by date and, within a
 * date, in sheet order. A statement listed newest first, or the October journal before September's,
 * still closes on the latest day.
 */
class BalanceTracker {
  private readonly tables: { first?: IsoDate; rows: BalanceRow[] }[] = [];
  private current: BalanceRow[] = [];
  private dateAbove: IsoDate | undefined;

  /** Starts the rows of the next table. */
  table(): void {
    this.current = [];
    this.dateAbove = undefined;
    this.tables.push({ rows: this.current });
  }

  /** Folds one row's balance or movement in; a row without a date is on the date above it. */
  track(date: IsoDate | undefined, balance: Fen | undefined, movement: Fen, at: At): void {
    if (date !== undefined) this.dateAbove = date;
    const entry = this.tables[this.tables.length - 1];
    if (entry && entry.first === undefined && this.dateAbove !== undefined) {
      entry.first = this.dateAbove;
      for (const row of this.current) row.date = this.dateAbove;
    }
    this.current.push({
      ...(this.dateAbove !== undefined ? { date: this.dateAbove } : {}),
      ...(balance !== undefined ? { balance } : {}),
      movement,
      at,
    });
  }

  /** The closing balance: the last 余额 in date order plus the movements after it, else opening plus all. */
  close(side: SideRead): void {
    const key = (date: IsoDate | undefined) => date ?? "";
    const tables = [...this.tables].sort((a, b) => compare(key(a.first), key(b.first)));
    const rows = tables.flatMap((t) => t.rows);
    const ordered = rows
      .map((row, i) => ({ row, i }))
      .sort((a, b) => compare(key(a.row.date), key(b.row.date)) || a.i - b.i);
    for (const { row } of ordered) {
      if (row.balance !== undefined) {
        side.balance = row.balance;
        side.balanceAt = row.at;
      } else if (row.movement !== 0) {
        const next = side.balance + row.movement;
        if (Number.isSafeInteger(next)) side.balance = next;
      }
    }
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Reconciles the bank journal (银行存款日记账) with the bank statement (银行对账单) and publishes the
 * 银行存款余额调节表 (三(四)3 日清月结, every account kept in order). Lines are matched by
 * {@link reconcileBank}: the same reference, then the same amount and date, then the same amount within
 * 对账日期窗口 days, then one line against two or more of the other side within the window. Findings:
 * - `finance/outstanding-item` (info; warning when older than 未达账项超期天数 on the reconciliation
 *   date, the later of the two sides' last dates but never after "today" (ctx.asOf)): a line no
 *   match accounts for, at its amount cell, naming its class (银行已收企业未收, 银行已付企业未付,
 *   企业已收银行未收, 企业已付银行未付);
 * - `finance/reconciliation-unbalanced` (error): the adjusted balances differ, at the journal's last
 *   balance cell (or the setting that gave it);
 * - `finance/reconciliation-capped` (warning): the split search hit 对账迭代上限;
 * - `finance/reconciliation-incomplete` (info): a journal without a statement, or the reverse, or a
 *   table without amount columns;
 * - `finance/bank-line-undated` (warning): a journal line with amounts and no date, none above it.
 *
 * Balances: 银行存款日记账余额 and 银行对账单余额 in the settings win; else the 余额 of each side's
 * latest day (rows in date order, tables by their first date; with any movements after it), else 银行存款日记账期初余额 / 银行对账单期初余额 (default 0) plus the
 * movements. Rows such as 承前页, 过次页 and 期初余额 carry a balance, not a movement. A journal row
 * without a date is on the date above it.
 *
 * Settings: 对账日期窗口 (days either side, default 5), 对账迭代上限 (default 10,000,000), 对账拆分笔数上限
 * (the most lines one line may be split into, default 3), 未达账项超期天数 (default 90), and the four
 * balances above.
 *
 * Reports: "银行存款余额调节表" (the two-sided standard layout: 项目, 金额, 项目, 金额) and "对账匹配明细"
 * (each match: how, the journal and statement rows, the amount).
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkReconciliation(ctx); // and ctx.report({ id: "finance.bank-reconciliation", … })
 */
export function checkReconciliation(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const journals = ctx.tablesOf(bankJournal);
  const statements = ctx.tablesOf(bankStatement);
  if (journals.length === 0 && statements.length === 0) return [];
  const findings: Finding[] = [];
  const headerAt = (table: RecognizedTable, field: string) => ({
    sheet: table.sheet,
    cell: cellOf(table, table.headerRow, field),
    row: table.headerRow,
  });
  const incomplete = (table: RecognizedTable, field: string, text: Bilingual) =>
    findings.push({
      rule: "finance/reconciliation-incomplete",
      severity: "info",
      message: t(text),
      clause: CLAUSE,
      ...headerAt(table, field),
    });

  const windowDays = Math.max(
    0,
    ctx.setting(
      ["对账日期窗口", "对账日期窗口(天)", "对账窗口", "reconciliation window"],
      cells.integer(),
      5,
    ),
  );
  const iterationCap = Math.max(
    0,
    ctx.setting(
      ["对账迭代上限", "对账迭代次数上限", "reconciliation iteration cap"],
      cells.integer(),
      10_000_000,
    ),
  );
  const maxParts = Math.max(
    2,
    ctx.setting(["对账拆分笔数上限", "拆分笔数上限", "reconciliation max parts"], cells.integer(), 3),
  );
  const ageLimit = ctx.setting(
    ["未达账项超期天数", "未达账项期限", "outstanding item age limit"],
    cells.integer(),
    90,
  );
  const money = (names: string[]) => {
    const value = ctx.setting<Fen | undefined>(names, cells.money(), undefined);
    if (value === undefined) return undefined;
    for (const name of names) {
      const entry = ctx.settings.entries.get(normalizeHeader(name))?.[0];
      if (entry && ctx.settings.sheet !== undefined) {
        const row = Number(/\d+$/.exec(entry.address)?.[0]);
        return { value, at: { sheet: ctx.settings.sheet, cell: entry.address, row } };
      }
    }
    return { value };
  };

  const book = readJournal(
    journals,
    ctx.setting(
      ["银行存款日记账期初余额", "日记账期初余额", "bank journal opening balance"],
      cells.money(),
      0,
    ),
    findings,
    t,
  );
  const bank = readStatement(
    statements,
    ctx.setting(["银行对账单期初余额", "对账单期初余额", "bank statement opening balance"], cells.money(), 0),
    incomplete,
  );

  const firstJournal = journals[0]?.table;
  const firstStatement = statements[0]?.table;
  if (!firstJournal || !firstStatement) {
    if (firstJournal) incomplete(firstJournal, "summary", MSG.noStatement);
    if (firstStatement) incomplete(firstStatement, "date", MSG.noJournal);
    return findings;
  }

  const toBankLines = (lines: readonly SourceLine[]): BankLine<number>[] =>
    lines.map((l, id) => ({ id, date: l.date, amount: l.amount, reference: l.reference }));
  const result = reconcileBank(toBankLines(book.lines), toBankLines(bank.lines), {
    windowDays,
    iterationCap,
    maxParts,
  });

  if (result.status === "capped")
    findings.push({
      rule: "finance/reconciliation-capped",
      severity: "warning",
      message: t(MSG.capped, { iterations: result.iterations.toLocaleString("en-US") }),
      clause: CLAUSE,
      ...headerAt(firstJournal, "summary"),
      data: { iterations: result.iterations, iterationCap },
    });

  // Items age to the reconciliation date (the later side's last day, never after "today"), so an
  // archived workbook is judged as of its own month end.
  const lastDate = [book.lastDate, bank.lastDate].reduce<IsoDate | undefined>(
    (latest, d) => (d !== undefined && (latest === undefined || d > latest) ? d : latest),
    undefined,
  );
  const reconciledOn = lastDate !== undefined && lastDate < ctx.asOf ? lastDate : ctx.asOf;
  for (const o of result.outstanding) {
    const journal = o.side === "journal";
    const line = (journal ? book.lines : bank.lines)[o.id] as SourceLine;
    const days = Math.max(0, daysBetween(line.date, reconciledOn));
    const overdue = days > ageLimit;
    const direction = t(line.amount >= 0 ? MSG.receipt : MSG.payment);
    const amount = formatMoney(Math.abs(line.amount));
    findings.push({
      rule: "finance/outstanding-item",
      severity: overdue ? "warning" : "info",
      message: t(journal ? MSG.outstandingJournal : MSG.outstandingStatement, {
        date: line.date,
        direction,
        amount,
        summary: line.summary ? t(MSG.summary, { summary: line.summary }) : "",
        voucher: line.voucher ? t(MSG.voucher, { voucher: line.voucher }) : "",
        reference: line.reference ? t(MSG.reference, { reference: line.reference }) : "",
        class: t(CLASS_TEXT[o.class]),
        age: overdue ? t(MSG.overdue, { asOf: reconciledOn, days, limit: ageLimit }) : "",
      }),
      clause: CLAUSE,
      sheet: line.table.sheet,
      cell: cellOf(line.table, line.row, line.field),
      row: line.row,
      data: {
        side: o.side,
        class: o.class,
        date: line.date,
        amount: line.amount,
        days,
        ...(line.summary ? { summary: line.summary } : {}),
        ...(line.reference ? { reference: line.reference } : {}),
      },
    });
  }

  const bookSetting = money(["银行存款日记账余额", "日记账余额", "银行日记账余额", "bank journal balance"]);
  const bankSetting = money(["银行对账单余额", "对账单余额", "bank statement balance"]);
  const bookBalance = bookSetting?.value ?? book.balance;
  const bankBalance = bankSetting?.value ?? bank.balance;
  let adjusted: AdjustedBalances | undefined;
  try {
    adjusted = adjustBalances(bookBalance, bankBalance, result.outstanding);
  } catch {
    // Sums beyond the safe integers come only from absurd amounts, already visible in the sheet.
    adjusted = undefined;
  }
  if (adjusted && adjusted.difference !== 0) {
    const at =
      bookSetting?.at ?? (bookSetting ? undefined : book.balanceAt) ?? headerAt(firstJournal, "balance");
    const skipped = book.skipped + bank.skipped;
    findings.push({
      rule: "finance/reconciliation-unbalanced",
      severity: "error",
      message: t(MSG.unbalanced, {
        book: formatMoney(adjusted.book.adjusted),
        bank: formatMoney(adjusted.bank.adjusted),
        difference: formatMoney(Math.abs(adjusted.difference)),
        note: skipped > 0 ? t(MSG.unreadableNote, { count: skipped }) : "",
      }),
      clause: CLAUSE,
      ...at,
      data: {
        bookBalance,
        statementBalance: bankBalance,
        adjustedBook: adjusted.book.adjusted,
        adjustedStatement: adjusted.bank.adjusted,
        difference: adjusted.difference,
      },
    });
  }
  if (adjusted) ctx.report(balanceReport(adjusted, book.lastDate, bank.lastDate, t));
  ctx.report(
    matchesReport(
      result.matches,
      book.lines,
      bank.lines,
      journals.length > 1,
      statements.length > 1,
      windowDays,
      t,
    ),
  );
  return findings;
}

/**
 * The two money columns of a row (in, out), or undefined when the row cannot be read. A cell the parser
 * could not read (a "-", "--" or "—" typed into the empty column) counts as blank when the other column
 * holds a readable amount; when neither can be read, or the other is blank too, the row is left out.
 */
function moneyPair(
  first: Fen | undefined,
  second: Fen | undefined,
  unreadable: readonly string[] | undefined,
  firstField: string,
  secondField: string,
): [Fen, Fen] | undefined {
  const firstBad = unreadable?.includes(firstField) ?? false;
  const secondBad = unreadable?.includes(secondField) ?? false;
  if (firstBad && secondBad) return undefined;
  if (firstBad) return second !== undefined && second !== 0 ? [0, second] : undefined;
  if (secondBad) return first !== undefined && first !== 0 ? [first, 0] : undefined;
  return [first ?? 0, second ?? 0];
}

type Translate = (text: Bilingual, params?: Record<string, unknown>) => string;

function readJournal(
  journals: readonly ParsedTable<(typeof bankJournal)["fields"]>[],
  opening: Fen,
  findings: Finding[],
  t: Translate,
): SideRead {
  const side: SideRead = { lines: [], balance: opening, skipped: 0 };
  const tracker = new BalanceTracker();
  for (const { table, rows } of journals) {
    const columns = table.columns as Record<string, number | undefined>;
    if (columns.debit === undefined && columns.credit === undefined) {
      findings.push({
        rule: "finance/reconciliation-incomplete",
        severity: "info",
        message: t(MSG.noJournalAmounts),
        clause: CLAUSE,
        sheet: table.sheet,
        cell: cellOf(table, table.headerRow, "summary"),
        row: table.headerRow,
      });
      continue;
    }
    tracker.table();
    let dateAbove: IsoDate | undefined;
    for (const { row, values, unreadable } of rows) {
      const dateUnreadable = unreadable?.includes("date") ?? false;
      const date = values.date ?? (dateUnreadable ? undefined : dateAbove);
      if (values.date !== undefined) dateAbove = values.date;
      else if (dateUnreadable) dateAbove = undefined;
      const summary = plain(values.summary);
      const balanceAt = { sheet: table.sheet, cell: cellOf(table, row, "balance"), row };
      const balance = unreadable?.includes("balance") ? undefined : values.balance;
      if (CARRY_RE.test(summary) || TOTAL_RE.test(summary)) {
        tracker.track(date, balance, 0, balanceAt);
        continue;
      }
      const { debit, credit } = values;
      const pair = moneyPair(debit, credit, unreadable, "debit", "credit");
      if (pair === undefined) {
        side.skipped++;
        tracker.track(date, balance, 0, balanceAt);
        continue;
      }
      const amount = pair[0] - pair[1];
      if (amount === 0 || !Number.isSafeInteger(amount)) {
        tracker.track(date, balance, 0, balanceAt);
        continue;
      }
      tracker.track(date, balance, amount, balanceAt);
      if (date === undefined) {
        side.skipped++;
        if (!dateUnreadable)
          findings.push({
            rule: "finance/bank-line-undated",
            severity: "warning",
            message: t(MSG.undated, {
              direction: t(amount > 0 ? MSG.receipt : MSG.payment),
              amount: formatMoney(Math.abs(amount)),
            }),
            clause: CLAUSE,
            sheet: table.sheet,
            cell: cellOf(table, row, "date"),
            row,
            data: { amount, summary: values.summary },
          });
        continue;
      }
      if (side.lastDate === undefined || date > side.lastDate) side.lastDate = date;
      const reference = referenceOf(values.reference);
      side.lines.push({
        table,
        row,
        field: pair[0] !== 0 ? "debit" : "credit",
        date,
        amount,
        summary: values.summary,
        ...(values.voucher ? { voucher: values.voucher } : {}),
        ...(reference ? { reference } : {}),
      });
    }
  }
  tracker.close(side);
  return side;
}

function readStatement(
  statements: readonly ParsedTable<(typeof bankStatement)["fields"]>[],
  opening: Fen,
  incomplete: (table: RecognizedTable, field: string, text: Bilingual) => void,
): SideRead {
  const side: SideRead = { lines: [], balance: opening, skipped: 0 };
  const tracker = new BalanceTracker();
  for (const { table, rows } of statements) {
    const columns = table.columns as Record<string, number | undefined>;
    const twoColumns = columns.receipt !== undefined || columns.payment !== undefined;
    if (!twoColumns && columns.amount === undefined) {
      incomplete(table, "date", MSG.noStatementAmounts);
      continue;
    }
    tracker.table();
    for (const { row, values, unreadable } of rows) {
      const summary = plain(values.summary);
      const balanceAt = { sheet: table.sheet, cell: cellOf(table, row, "balance"), row };
      const balance = unreadable?.includes("balance") ? undefined : values.balance;
      if (CARRY_RE.test(summary) || TOTAL_RE.test(summary)) {
        tracker.track(values.date, balance, 0, balanceAt);
        continue;
      }
      let amount: number;
      let field: string;
      if (
        values.receipt !== undefined ||
        values.payment !== undefined ||
        unreadable?.some((f) => f === "receipt" || f === "payment")
      ) {
        const pair = moneyPair(values.receipt, values.payment, unreadable, "receipt", "payment");
        if (pair === undefined) {
          side.skipped++;
          tracker.track(values.date, balance, 0, balanceAt);
          continue;
        }
        amount = pair[0] - pair[1];
        field = pair[0] !== 0 ? "receipt" : "payment";
      } else {
        if (unreadable?.includes("amount") || unreadable?.includes("direction")) {
          side.skipped++;
          tracker.track(values.date, balance, 0, balanceAt);
          continue;
        }
        const value = values.amount ?? 0;
        amount = values.direction === undefined ? value : values.direction * Math.abs(value);
        field = "amount";
      }
      if (amount === 0 || !Number.isSafeInteger(amount)) {
        tracker.track(values.date, balance, 0, balanceAt);
        continue;
      }
      tracker.track(values.date, balance, amount, balanceAt);
      if (side.lastDate === undefined || values.date > side.lastDate) side.lastDate = values.date;
      const reference = referenceOf(values.reference);
      side.lines.push({
        table,
        row,
        field,
        date: values.date,
        amount,
        ...(values.summary ? { summary: values.summary } : {}),
        ...(reference ? { reference } : {}),
      });
    }
  }
  tracker.close(side);
  return side;
}

/** The 银行存款余额调节表 in its standard two-sided layout. */
function balanceReport(
  adjusted: AdjustedBalances,
  journalDate: IsoDate | undefined,
  statementDate: IsoDate | undefined,
  t: Translate,
): Report {
  const { book, bank, difference } = adjusted;
  const rows: Record<string, string | number | null>[] = [
    {
      leftItem: t(tr("银行存款日记账余额", "Balance per bank journal")),
      leftAmount: book.balance,
      rightItem: t(tr("银行对账单余额", "Balance per bank statement")),
      rightAmount: bank.balance,
    },
    {
      leftItem: t(tr("加：银行已收、企业未收", "Add: received by the bank, not yet booked")),
      leftAmount: book.add,
      rightItem: t(tr("加：企业已收、银行未收", "Add: booked as received, not yet in the bank")),
      rightAmount: bank.add,
    },
    {
      leftItem: t(tr("减：银行已付、企业未付", "Less: paid by the bank, not yet booked")),
      leftAmount: book.subtract,
      rightItem: t(tr("减：企业已付、银行未付", "Less: booked as paid, not yet through the bank")),
      rightAmount: bank.subtract,
    },
    {
      leftItem: t(tr("调节后余额", "Adjusted balance")),
      leftAmount: book.adjusted,
      rightItem: t(tr("调节后余额", "Adjusted balance")),
      rightAmount: bank.adjusted,
    },
  ];
  if (difference !== 0)
    rows.push({
      leftItem: t(tr("调节后差额（日记账 − 对账单）", "Difference (journal − statement)")),
      leftAmount: difference,
      rightItem: null,
      rightAmount: null,
    });
  rows.push({
    leftItem: t(tr("日记账记至 {date}", "Journal up to {date}"), { date: journalDate ?? "—" }),
    leftAmount: null,
    rightItem: t(tr("对账单记至 {date}", "Statement up to {date}"), { date: statementDate ?? "—" }),
    rightAmount: null,
  });
  return {
    id: "finance.bank-reconciliation",
    title: tr("银行存款余额调节表", "Bank reconciliation statement"),
    sheetName: tr("银行存款余额调节表", "Bank reconciliation"),
    columns: [
      { key: "leftItem", title: tr("项目", "Item"), width: 28 },
      { key: "leftAmount", title: tr("金额", "Amount"), width: 16, format: "money" },
      { key: "rightItem", title: tr("项目", "Item"), width: 28 },
      { key: "rightAmount", title: tr("金额", "Amount"), width: 16, format: "money" },
    ],
    rows,
  };
}

/** Each match: how it was made, the rows on each side and the amount. */
function matchesReport(
  matches: readonly BankMatch<number>[],
  journal: readonly SourceLine[],
  statement: readonly SourceLine[],
  journalSheets: boolean,
  statementSheets: boolean,
  windowDays: number,
  t: Translate,
): Report {
  const rowsOf = (ids: readonly number[], lines: readonly SourceLine[], withSheet: boolean) =>
    ids
      .map((id) => {
        const line = lines[id] as SourceLine;
        return withSheet ? `${line.table.sheet}!${line.row}` : String(line.row);
      })
      .join("、");
  const datesOf = (ids: readonly number[], lines: readonly SourceLine[]) =>
    [...new Set(ids.map((id) => (lines[id] as SourceLine).date))].join("、");
  const passText = (pass: MatchPass) =>
    pass === "window"
      ? `${t(PASS_TEXT.window)}${t(tr("（±{days} 天）", " (±{days} days)"), { days: windowDays })}`
      : t(PASS_TEXT[pass]);
  return {
    id: "finance.bank-matches",
    title: tr("对账匹配明细", "Bank reconciliation matches"),
    sheetName: tr("对账匹配明细", "Bank matches"),
    columns: [
      { key: "pass", title: tr("匹配方式", "Matched by"), width: 22 },
      { key: "journalDate", title: tr("日记账日期", "Journal date"), width: 12 },
      { key: "journalRows", title: tr("日记账行", "Journal rows"), width: 12 },
      { key: "statementDate", title: tr("对账单日期", "Statement date"), width: 12 },
      { key: "statementRows", title: tr("对账单行", "Statement rows"), width: 12 },
      { key: "amount", title: tr("金额", "Amount"), width: 16, format: "money" },
    ],
    rows: matches.map((m) => ({
      pass: passText(m.pass),
      journalDate: datesOf(m.journal, journal),
      journalRows: rowsOf(m.journal, journal, journalSheets),
      statementDate: datesOf(m.statement, statement),
      statementRows: rowsOf(m.statement, statement, statementSheets),
      amount: m.journal.reduce((sum, id) => sum + (journal[id] as SourceLine).amount, 0),
    })),
  };
}

/** The bank reconciliation as the apps run it (三(四)3). */
export const reconciliationCheck: Check = {
  id: "finance/bank-reconciliation",
  title: tr("银行存款余额调节", "Bank reconciliation"),
  kinds: [bankJournal, bankStatement],
  run: checkReconciliation,
};
