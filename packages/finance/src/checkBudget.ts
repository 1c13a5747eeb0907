import {
  type Bilingual,
  type Fen,
  type Finding,
  formatMoney,
  HouqinError,
  type IsoDate,
  localize,
  normalizeText,
} from "@houqin/core";
import {
  type CellIssueParams,
  type CellSchema,
  type Check,
  type CheckContext,
  cellOf,
  cells,
  type RecognizedTable,
  type Report,
} from "@houqin/workbook";
import { budget, expenses } from "./budgetKinds.js";

const CLAUSE = "三(四)3";
const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** The classes (类) of the department budget's economic classification of spending (部门预算支出经济分类). */
const CLASSES: Readonly<Record<string, Bilingual>> = {
  "301": tr("工资福利支出", "Wages and benefits"),
  "302": tr("商品和服务支出", "Goods and services"),
  "303": tr("对个人和家庭的补助", "Grants to individuals and households"),
  "307": tr("债务利息及费用支出", "Interest and debt charges"),
  "309": tr("资本性支出(基本建设)", "Capital spending (construction)"),
  "310": tr("资本性支出", "Capital spending"),
  "311": tr("对企业补助(基本建设)", "Grants to enterprises (construction)"),
  "312": tr("对企业补助", "Grants to enterprises"),
  "313": tr("对社会保障基金补助", "Grants to social security funds"),
  "399": tr("其他支出", "Other spending"),
};

const MSG = {
  over: tr(
    "“{line}”年度预算 {budget}，{asOfText}已支出 {spent}，超支 {excess}（执行率 {rate}）；支出应严格控制在预算内",
    "“{line}”: budget {budget}, spent {spent}{asOfText}, over by {excess} (execution {rate}); spending stays within the budget",
  ),
  overGroup: tr(
    "“{group}”预算合计 {budget}，{asOfText}已支出 {spent}（其中 {unallocated} 未细分到预算项目），超支 {excess}",
    "“{group}”: budget {budget} in all, spent {spent}{asOfText} ({unallocated} of it not charged to a budget line), over by {excess}",
  ),
  offPace: tr(
    "“{line}”年度预算 {budget}，截至 {asOf} 已支出 {spent}，执行率 {rate}，时间进度 {elapsed}，{direction} {gap} 个百分点（允许偏差 {limit} 个百分点）",
    "“{line}”: budget {budget}, spent {spent} by {asOf}, execution {rate} against {elapsed} of the year gone, {direction} by {gap} points (tolerance {limit} points)",
  ),
  behind: tr("执行滞后", "behind"),
  ahead: tr("执行超前", "ahead"),
  asOfText: tr("截至 {asOf} ", " by {asOf}"),
  withoutBudget: tr(
    "{date} 支出{subject} {amount}{voucher}，{named}在预算表中找不到对应的预算项目；支出应在预算内列支（收支两条线）",
    "The payment of {amount}{subject} on {date}{voucher} is charged to {named}, which matches no line of the budget; spending goes through the budget",
  ),
  nothingNamed: tr(
    "{date} 支出{subject} {amount}{voucher}没有填写预算项目或经济分类，无法对应预算",
    "The payment of {amount}{subject} on {date}{voucher} names no budget line or economic classification, so it cannot be matched to the budget",
  ),
  named: tr("“{text}”", "“{text}”"),
  subject: tr("“{summary}”", " for “{summary}”"),
  voucher: tr("（凭证号 {voucher}）", " (voucher {voucher})"),
  noLineColumn: tr(
    "支出明细没有“预算项目”“经济分类”或“科目编码”一栏，无法核对支出是否在预算内列支",
    "The expenses have no budget line, economic classification or code column, so spending cannot be matched to the budget",
  ),
  noBudget: tr(
    "工作簿中未找到年度预算表（预算项目、年度预算），无法核对支出是否在预算内、预算执行进度",
    "No annual budget (budget line, annual budget) was found in the workbook, so spending cannot be checked against it",
  ),
  noExpenses: tr(
    "工作簿中未找到支出明细，无法计算预算执行情况",
    "No expenses were found in the workbook, so budget execution cannot be computed",
  ),
  outsideYear: tr(
    "支出明细中有 {count} 笔支出不在预算年度 {year} 年内（如 {date}），未计入预算执行；如需按其他年度核对，请在设置表填写“预算年度”",
    "{count} payments fall outside the budget year {year} (e.g. {date}) and were not counted; set “预算年度” to check another year",
  ),
  unallocatedRow: tr("(未细分到预算项目)", "(not charged to a line)"),
  unbudgetedGroup: tr("未列入预算的支出", "Spending outside the budget"),
  unclassified: tr("未分类", "Unclassified"),
  subtotal: tr("{group} 小计", "{group} subtotal"),
  total: tr("合计", "Total"),
  statusOver: tr("超支", "Over budget"),
  statusBehind: tr("执行滞后", "Behind"),
  statusAhead: tr("执行超前", "Ahead"),
  statusOk: tr("正常", "On pace"),
  statusNoBudget: tr("无预算", "No budget"),
  statusEarly: tr("一季度后评估", "Judged after Q1"),
  yearIssue: tr("应为年份，如 2023", "Should be a year, e.g. 2023"),
  paceIssue: tr(
    "应为百分点数，如 20 或 20%（大于 0，不超过 100）",
    "Should be percentage points, e.g. 20 or 20% (above 0, at most 100)",
  ),
} satisfies Record<string, Bilingual>;

const issue = (message: Bilingual, code = "out-of-range") => ({
  message: message.en,
  params: { houqin: true, code, message } satisfies CellIssueParams,
});

/** The budget year setting: a calendar year ("2023", "2023年"). */
const yearSetting: CellSchema<number | null> = cells
  .integer()
  .refine((n) => n >= 1900 && n <= 9998, issue(MSG.yearIssue));

/** The pace tolerance in percentage points: 20, "20%", "20个百分点" or 0.2 all read as 20. */
const paceSetting: CellSchema<number> = cells
  .number()
  .transform((n) => (n > 0 && n < 1 ? Number((n * 100).toFixed(6)) : n))
  .refine((n) => n > 0 && n <= 100, issue(MSG.paceIssue));

/** A code as written: "30201", "302-01", "302.01"; undefined unless it is 3 or more digits. */
function codeOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const plain = normalizeText(text).replace(/[\s.\-—_]/g, "");
  return /^\d{3,}$/.test(plain) ? plain : undefined;
}

/** The leading code of a text such as "30201 办公费" or "302-商品和服务支出", and the rest. */
function splitCode(text: string | undefined): { code?: string; rest: string } {
  if (text === undefined) return { rest: "" };
  const plain = normalizeText(text);
  const m = /^(\d{3,})(?!\d)[\s.、\-—_:：]*/.exec(plain);
  if (!m?.[1]) return { rest: plain };
  return { code: m[1], rest: plain.slice(m[0].length) };
}

/** The form line and classification names are matched in: half-width, no spaces, lower case. */
function textKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, "").toLowerCase();
}

/** A heading's text without its leading ordinal: 一、 （一） (1) 1. 1、 第一 . */
function withoutOrdinal(text: string): string {
  return normalizeText(text)
    .trim()
    .replace(
      /^(?:[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|第?[一二三四五六七八九十]+\s*[、.．]?|\d{1,2}\s*[、.．)）](?!\d))\s*/,
      "",
    );
}

/** The class code of a classification name ("商品和服务支出" -> "302"). */
const CLASS_BY_NAME = new Map(
  Object.entries(CLASSES).map(([code, title]) => [textKey(title["zh-CN"]), code]),
);

/** How a line's spending stands: over budget, behind or ahead of the year, on pace, without a budget, not judged yet. */
type Status = "over" | "behind" | "ahead" | "ok" | "none" | "early";

interface Line {
  table: RecognizedTable;
  row: number;
  /** The line's own code (from the code column or the line's text), if any. */
  code?: string;
  text: string;
  key: string;
  group: string;
  budget: Fen;
  direct: bigint;
  ancestors: Line[];
  descendants: Line[];
}

interface Group {
  key: string;
  /** The classification as written, for groups without a code. */
  title?: string;
  lines: Line[];
  unallocated: bigint;
  /** Whether an expense was charged to the group without a line. */
  hasUnallocated: boolean;
}

/** An amount that must stay a safe count of fen. */
function toFen(value: bigint): Fen {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new HouqinError("MONEY_OVERFLOW", "checkBudget: a sum is too large");
  return Number(value);
}

/** numerator / denominator as a percentage with one decimal, rounded half up: "45.2%". */
function percentText(numerator: bigint, denominator: bigint): string | null {
  if (denominator <= 0n) return null;
  const scaled = numerator * 1000n;
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const tenths = (abs * 2n + denominator) / (2n * denominator);
  const whole = tenths / 10n;
  return `${negative && tenths > 0n ? "-" : ""}${whole}.${tenths % 10n}%`;
}

/** Days from a to b. */
function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

/**
 * Checks spending against the annual budget (三(四)3 严格执行收支两条线、财务预算制度), from the budget
 * (`finance.budget`) and the expenses (`finance.expenses`) of the budget year:
 *
 * - `finance/expense-without-budget` (error): an expense whose budget line or classification matches
 *   no line of the budget, at its line (or classification, or code) cell. An expense matches a line
 *   by code — the budget code that heads its own (30201 under 302), else the one budget line under
 *   its code — or by the line's name, normalised; an expense that names only a classification the
 *   budget has (302, 商品和服务支出) counts against the classification without a line, while one
 *   that names a line or detailed code the budget lacks (会议费, 30215) has no budget. Once (info)
 *   when the expenses have no line, classification or code column.
 * - `finance/over-budget` (error): a line's spending (its own and its sub-lines') above its budget, at
 *   the line's budget cell; a classification over its budget because of spending not charged to any
 *   of its lines, at its first line.
 * - `finance/budget-execution-off-pace` (warning): a line's execution rate (spent ÷ budget) differs
 *   from the share of the budget year gone by "today" by more than 预算执行偏差 percentage points,
 *   ahead or behind; judged from 1 April on, for lines with a budget above zero and no sub-lines,
 *   not over budget.
 * - `finance/expense-outside-budget-year` (info): payments dated outside the budget year, once (with
 *   no payment in the year, execution is not judged); `finance/no-budget` (info): expenses but no
 *   budget; `finance/no-expenses` (info): a budget but no expenses; `finance/amount-out-of-range`
 *   (error): sums too large to compute.
 *
 * A budget row whose code heads other rows' codes (302 above 30201), or named after its class
 * (商品和服务支出), is the classification's row: the others are its sub-lines. Classifications are
 * grouped by the first three digits of the code (301 工资福利支出, 302 商品和服务支出, 303
 * 对个人和家庭的补助, 310 资本性支出 …), else by the classification's name.
 *
 * Settings: 预算年度 (a calendar year; default the year of "today" when any payment falls in it,
 * else the year of the latest payment); 预算执行偏差 (percentage points, 20 or 20%; default 20).
 *
 * Report: "预算执行情况表" (`finance.budget-execution`): per classification and line, the budget,
 * spent, remaining, execution rate, time elapsed and status, with a subtotal per classification,
 * spending outside the budget, and a total; money columns in fen.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkBudget(ctx); // and ctx.report({ id: "finance.budget-execution", … })
 */
export function checkBudget(ctx: CheckContext): Finding[] {
  // A sum out of range (MONEY_OVERFLOW) is turned into a finding by runChecks.
  return judgeBudget(ctx);
}

function judgeBudget(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const findings: Finding[] = [];
  const budgetTables = ctx.tablesOf(budget);
  const expenseTables = ctx.tablesOf(expenses);

  if (budgetTables.length === 0) {
    const first = expenseTables.find((p) => p.rows.length > 0);
    if (first)
      findings.push({
        rule: "finance/no-budget",
        severity: "info",
        message: t(MSG.noBudget),
        clause: CLAUSE,
        sheet: first.table.sheet,
        cell: cellOf(first.table, first.table.headerRow, "line"),
        row: first.table.headerRow,
      });
    return findings;
  }

  const pace = ctx.setting(
    ["预算执行偏差", "预算执行偏差(百分点)", "budget pace tolerance"],
    paceSetting,
    20,
  );
  const setYear = ctx.setting<number | null>(["预算年度", "budget year"], yearSetting, null);
  const allDates = expenseTables.flatMap((p) => p.rows.map((r) => r.values.date)).sort();
  const asOfYear = Number(ctx.asOf.slice(0, 4));
  const latest = allDates[allDates.length - 1];
  const year =
    setYear ??
    (latest === undefined || allDates.some((d) => Number(d.slice(0, 4)) === asOfYear)
      ? asOfYear
      : Number(latest.slice(0, 4)));
  const yearStart = `${String(year).padStart(4, "0")}-01-01`;
  const yearEnd = `${String(year).padStart(4, "0")}-12-31`;
  const yearDays = daysBetween(yearStart, yearEnd) + 1;
  const elapsedDays =
    ctx.asOf < yearStart ? 0 : ctx.asOf > yearEnd ? yearDays : daysBetween(yearStart, ctx.asOf) + 1;
  const judgePace = ctx.asOf > `${String(year).padStart(4, "0")}-03-31`;
  const asOfText = ctx.asOf > yearEnd ? "" : t(MSG.asOfText, { asOf: ctx.asOf });

  // The budget lines and their classifications.
  const groups = new Map<string, Group>();
  const lines: Line[] = [];
  for (const parsed of budgetTables) {
    for (const { row, values } of parsed.rows) {
      const ownCode = codeOf(values.code) ?? splitCode(values.line).code;
      const cls = splitCode(values.classification);
      const text = splitCode(values.line).rest || values.line;
      const clsKey = cls.rest === "" ? undefined : textKey(cls.rest);
      // A row named after its class (商品和服务支出) is the class's row, unless its classification
      // says it belongs to another class (其他支出 under 302).
      const namedClass = CLASS_BY_NAME.get(textKey(withoutOrdinal(text)));
      const clsCode = cls.code?.slice(0, 3) ?? (clsKey === undefined ? undefined : CLASS_BY_NAME.get(clsKey));
      const code = ownCode ?? (clsCode === undefined || clsCode === namedClass ? namedClass : undefined);
      const groupKey =
        code?.slice(0, 3) ??
        cls.code?.slice(0, 3) ??
        (clsKey === undefined ? "" : (CLASS_BY_NAME.get(clsKey) ?? `text:${clsKey}`));
      const group = groups.get(groupKey) ?? {
        key: groupKey,
        lines: [],
        unallocated: 0n,
        hasUnallocated: false,
      };
      if (groupKey.startsWith("text:") && group.title === undefined) group.title = cls.rest;
      groups.set(groupKey, group);
      const line: Line = {
        table: parsed.table,
        row,
        ...(code === undefined ? {} : { code }),
        text,
        key: textKey(text),
        group: groupKey,
        budget: values.budget,
        direct: 0n,
        ancestors: [],
        descendants: [],
      };
      group.lines.push(line);
      lines.push(line);
    }
  }
  // Sub-lines: codes under a line's code; every other line of a class under the class's own row.
  for (const group of groups.values()) {
    for (const a of group.lines) {
      for (const b of group.lines) {
        if (a === b || a.code === undefined) continue;
        const classRow = a.code === group.key && b.code !== a.code;
        const under = b.code !== undefined && b.code.length > a.code.length && b.code.startsWith(a.code);
        if (classRow || under) {
          a.descendants.push(b);
          b.ancestors.push(a);
        }
      }
    }
  }

  const groupTitle = (key: string): string => {
    if (key === "") return t(MSG.unclassified);
    const known = CLASSES[key];
    if (known) return `${key} ${t(known)}`;
    const group = groups.get(key);
    if (key.startsWith("text:")) return group?.title ?? key.slice(5);
    const named = group?.lines.find((l) => l.code === key)?.text;
    return named ? `${key} ${named}` : key;
  };

  /** The line an expense is charged to, or its class when it names no line of it. */
  const match = (
    code: string | undefined,
    lineText: string,
    classText: string,
  ): { line?: Line; group?: Group } | undefined => {
    const keys = [lineText, classText].map(textKey).filter((k) => k !== "");
    const classKeys = [
      ...(code === undefined ? [] : [code.slice(0, 3)]),
      ...keys.flatMap((k) => [CLASS_BY_NAME.get(k), `text:${k}`]),
    ].filter((k): k is string => k !== undefined && groups.has(k));
    // Among lines alike, the one named as the expense names it, else the one in its class.
    const prefer = (candidates: Line[]): Line | undefined =>
      candidates.find((l) => keys.includes(l.key)) ??
      candidates.find((l) => classKeys.includes(l.group)) ??
      candidates[0];
    if (code !== undefined) {
      const heads = lines.filter((l) => l.code !== undefined && code.startsWith(l.code));
      const longest = Math.max(0, ...heads.map((l) => l.code?.length ?? 0));
      const line = prefer(heads.filter((l) => l.code?.length === longest));
      if (line) return { line };
      const under = lines.filter((l) => l.code?.startsWith(code));
      if (under.length === 1) return { line: under[0] as Line };
    }
    for (const key of keys) {
      const line = prefer(lines.filter((l) => l.key === key));
      if (line) return { line };
    }
    // An expense that names only a class (302, 商品和服务支出) counts against the class; one that
    // names a line the budget does not have (30215, 会议费) has no budget.
    const lineKey = textKey(lineText);
    const namesLine =
      (code !== undefined && code.length > 3) || (lineKey !== "" && !CLASS_BY_NAME.has(lineKey));
    const group = namesLine || classKeys[0] === undefined ? undefined : groups.get(classKeys[0]);
    return group ? { group } : undefined;
  };

  const unbudgeted: bigint[] = [];
  const outside: IsoDate[] = [];
  let inYear = 0;
  for (const parsed of expenseTables) {
    const { table } = parsed;
    const columns = table.columns as Record<string, number | undefined>;
    const canMatch =
      columns.line !== undefined || columns.classification !== undefined || columns.code !== undefined;
    if (!canMatch && parsed.rows.length > 0)
      findings.push({
        rule: "finance/expense-without-budget",
        severity: "info",
        message: t(MSG.noLineColumn),
        clause: CLAUSE,
        sheet: table.sheet,
        cell: cellOf(table, table.headerRow, "amount"),
        row: table.headerRow,
      });
    for (const { row, values, unreadable } of parsed.rows) {
      if (values.date < yearStart || values.date > yearEnd) {
        outside.push(values.date);
        continue;
      }
      inYear++;
      const amount = BigInt(values.amount);
      if (!canMatch) {
        unbudgeted.push(amount);
        continue;
      }
      const lineSplit = splitCode(values.line);
      const clsSplit = splitCode(values.classification);
      const code = codeOf(values.code) ?? lineSplit.code ?? clsSplit.code;
      const found = match(code, lineSplit.rest, clsSplit.rest);
      if (found?.line) {
        found.line.direct += amount;
        continue;
      }
      if (found?.group) {
        found.group.unallocated += amount;
        found.group.hasUnallocated = true;
        continue;
      }
      unbudgeted.push(amount);
      // A cell that could not be read was reported by the row parser.
      const unread = (["line", "classification", "code"] as const).some((f) => unreadable?.includes(f));
      const named = values.line ?? values.classification ?? values.code;
      if (named === undefined && unread) continue;
      const field =
        values.line !== undefined
          ? "line"
          : values.classification !== undefined
            ? "classification"
            : values.code !== undefined
              ? "code"
              : columns.line !== undefined
                ? "line"
                : columns.classification !== undefined
                  ? "classification"
                  : "code";
      const params = {
        date: values.date,
        amount: formatMoney(values.amount),
        subject: values.summary ? t(MSG.subject, { summary: values.summary }) : "",
        voucher: values.voucher ? t(MSG.voucher, { voucher: values.voucher }) : "",
      };
      const namedText = [values.code, values.classification, values.line]
        .filter((v): v is string => v !== undefined)
        .join(" / ");
      findings.push({
        rule: "finance/expense-without-budget",
        severity: "error",
        message:
          named === undefined
            ? t(MSG.nothingNamed, params)
            : t(MSG.withoutBudget, { ...params, named: t(MSG.named, { text: namedText }) }),
        clause: CLAUSE,
        sheet: table.sheet,
        cell: cellOf(table, row, field),
        row,
        data: {
          date: values.date,
          amount: values.amount,
          ...(values.voucher === undefined ? {} : { voucher: values.voucher }),
          ...(values.line === undefined ? {} : { line: values.line }),
          ...(values.classification === undefined ? {} : { classification: values.classification }),
          ...(values.code === undefined ? {} : { code: values.code }),
        },
      });
    }
  }
  if (outside.length > 0) {
    const first = expenseTables[0];
    findings.push({
      rule: "finance/expense-outside-budget-year",
      severity: "info",
      message: t(MSG.outsideYear, { count: outside.length, year, date: outside.sort()[0] }),
      clause: CLAUSE,
      ...(first
        ? {
            sheet: first.table.sheet,
            cell: cellOf(first.table, first.table.headerRow, "date"),
            row: first.table.headerRow,
          }
        : {}),
      data: { year, count: outside.length },
    });
  }
  if (expenseTables.length === 0) {
    const first = budgetTables[0];
    if (first && first.rows.length > 0)
      findings.push({
        rule: "finance/no-expenses",
        severity: "info",
        message: t(MSG.noExpenses),
        clause: CLAUSE,
        sheet: first.table.sheet,
        cell: cellOf(first.table, first.table.headerRow, "budget"),
        row: first.table.headerRow,
      });
    return findings;
  }
  // No payment of the budget year: nothing to judge its execution by.
  if (inYear === 0) return findings;

  // Execution per line, over-budget and pace.
  const spentOf = (line: Line): bigint => line.descendants.reduce((s, d) => s + d.direct, line.direct);
  /**
   * Spending against a budget: over it, or its execution rate (spent ÷ budget) against the share of the
   * year gone, compared exactly in integers (|spent × days − elapsed × budget| × 100 against the
   * tolerance × budget × days).
   */
  const status = (spent: bigint, budgetFen: bigint): Status => {
    if (spent > budgetFen) return budgetFen === 0n ? "none" : "over";
    if (budgetFen === 0n) return "ok";
    if (!judgePace) return "early";
    const days = BigInt(yearDays);
    const diff = spent * days - BigInt(elapsedDays) * budgetFen;
    const limit = BigInt(Math.round(pace * 1000)) * budgetFen * days;
    const gap = (diff < 0n ? -diff : diff) * 100_000n;
    if (gap <= limit) return "ok";
    return diff < 0n ? "behind" : "ahead";
  };
  const elapsedText = percentText(BigInt(elapsedDays), BigInt(yearDays)) ?? "";
  const at = (line: Line) => ({
    sheet: line.table.sheet,
    cell: cellOf(line.table, line.row, "budget"),
    row: line.row,
  });
  for (const line of lines) {
    const spent = spentOf(line);
    const budgetFen = BigInt(line.budget);
    const s = status(spent, budgetFen);
    const data = {
      line: line.text,
      ...(line.code === undefined ? {} : { code: line.code }),
      year,
      budget: line.budget,
      spent: toFen(spent),
    };
    if (s === "over" || s === "none") {
      findings.push({
        rule: "finance/over-budget",
        severity: "error",
        message: t(MSG.over, {
          line: line.text,
          budget: formatMoney(line.budget),
          spent: formatMoney(toFen(spent)),
          excess: formatMoney(toFen(spent - budgetFen)),
          rate: percentText(spent, budgetFen) ?? "—",
          asOfText,
        }),
        clause: CLAUSE,
        ...at(line),
        data: { ...data, excess: toFen(spent - budgetFen) },
      });
    } else if ((s === "behind" || s === "ahead") && line.descendants.length === 0) {
      const rateTenths = (spent * 1000n * 2n + budgetFen) / (2n * budgetFen);
      const elapsedTenths = (BigInt(elapsedDays) * 1000n * 2n + BigInt(yearDays)) / (2n * BigInt(yearDays));
      const gapTenths = rateTenths > elapsedTenths ? rateTenths - elapsedTenths : elapsedTenths - rateTenths;
      findings.push({
        rule: "finance/budget-execution-off-pace",
        severity: "warning",
        message: t(MSG.offPace, {
          line: line.text,
          budget: formatMoney(line.budget),
          spent: formatMoney(toFen(spent)),
          asOf: ctx.asOf,
          rate: percentText(spent, budgetFen) ?? "",
          elapsed: elapsedText,
          direction: t(s === "behind" ? MSG.behind : MSG.ahead),
          gap: `${gapTenths / 10n}.${gapTenths % 10n}`,
          limit: pace,
        }),
        clause: CLAUSE,
        ...at(line),
        data: { ...data, direction: s, elapsedDays, yearDays, tolerance: pace },
      });
    }
  }
  // A class over its budget because of spending charged to no line of it.
  const totals = new Map<string, { budget: bigint; spent: bigint }>();
  for (const group of groups.values()) {
    const tops = group.lines.filter((l) => l.ancestors.length === 0);
    const budgetSum = tops.reduce((s, l) => s + BigInt(l.budget), 0n);
    const spent = tops.reduce((s, l) => s + spentOf(l), 0n) + group.unallocated;
    totals.set(group.key, { budget: budgetSum, spent });
    const first = tops[0];
    if (group.hasUnallocated && spent > budgetSum && first) {
      findings.push({
        rule: "finance/over-budget",
        severity: "error",
        message: t(MSG.overGroup, {
          group: groupTitle(group.key),
          budget: formatMoney(toFen(budgetSum)),
          spent: formatMoney(toFen(spent)),
          unallocated: formatMoney(toFen(group.unallocated)),
          excess: formatMoney(toFen(spent - budgetSum)),
          asOfText,
        }),
        clause: CLAUSE,
        sheet: first.table.sheet,
        cell: cellOf(
          first.table,
          first.row,
          first.table.columns.classification ? "classification" : "budget",
        ),
        row: first.row,
        data: {
          classification: groupTitle(group.key),
          year,
          budget: toFen(budgetSum),
          spent: toFen(spent),
          unallocated: toFen(group.unallocated),
        },
      });
    }
  }

  ctx.report(
    executionReport({
      t,
      groups: [...groups.values()],
      groupTitle,
      totals,
      spentOf,
      status,
      elapsedText,
      unbudgeted: unbudgeted.reduce((s, v) => s + v, 0n),
      hasUnbudgeted: unbudgeted.length > 0,
    }),
  );
  return findings;
}

/** The execution sheet: classes in code order, then named classes, then the unclassified. */
function executionReport(input: {
  t: (text: Bilingual, params?: Record<string, unknown>) => string;
  groups: readonly Group[];
  groupTitle: (key: string) => string;
  totals: ReadonlyMap<string, { budget: bigint; spent: bigint }>;
  spentOf: (line: Line) => bigint;
  status: (spent: bigint, budget: bigint) => Status;
  elapsedText: string;
  unbudgeted: bigint;
  hasUnbudgeted: boolean;
}): Report {
  const { t, groupTitle, totals, spentOf, status, elapsedText } = input;
  const statusText: Record<Status, Bilingual> = {
    over: MSG.statusOver,
    behind: MSG.statusBehind,
    ahead: MSG.statusAhead,
    ok: MSG.statusOk,
    none: MSG.statusNoBudget,
    early: MSG.statusEarly,
  };
  const rank = (key: string) => (/^\d/.test(key) ? 0 : key.startsWith("text:") ? 1 : 2);
  const groups = [...input.groups].sort((a, b) => {
    const r = rank(a.key) - rank(b.key);
    if (r !== 0) return r;
    return rank(a.key) === 0 ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : 0;
  });
  const rows: Record<string, string | number | null>[] = [];
  const row = (
    classification: string,
    code: string | null,
    line: string,
    budgetFen: bigint | null,
    spent: bigint,
  ): Record<string, string | number | null> => ({
    classification,
    code,
    line,
    budget: budgetFen === null ? null : toFen(budgetFen),
    spent: toFen(spent),
    remaining: budgetFen === null ? null : toFen(budgetFen - spent),
    rate: budgetFen === null ? null : percentText(spent, budgetFen),
    elapsed: elapsedText,
    status: budgetFen === null ? "" : t(statusText[status(spent, budgetFen)]),
  });
  let totalBudget = 0n;
  let totalSpent = 0n;
  for (const group of groups) {
    const title = groupTitle(group.key);
    const ordered = [...group.lines].sort((a, b) => {
      if (a.code !== undefined && b.code !== undefined && a.code !== b.code) return a.code < b.code ? -1 : 1;
      return 0;
    });
    for (const line of ordered)
      rows.push(row(title, line.code ?? null, line.text, BigInt(line.budget), spentOf(line)));
    if (group.hasUnallocated) rows.push(row(title, null, t(MSG.unallocatedRow), null, group.unallocated));
    const sums = totals.get(group.key) ?? { budget: 0n, spent: 0n };
    rows.push(row(t(MSG.subtotal, { group: title }), null, "", sums.budget, sums.spent));
    totalBudget += sums.budget;
    totalSpent += sums.spent;
  }
  if (input.hasUnbudgeted) {
    rows.push(row(t(MSG.unbudgetedGroup), null, "", 0n, input.unbudgeted));
    totalSpent += input.unbudgeted;
  }
  rows.push(row(t(MSG.total), null, "", totalBudget, totalSpent));
  return {
    id: "finance.budget-execution",
    title: tr("预算执行情况表", "Budget execution"),
    sheetName: tr("预算执行情况表", "Budget execution"),
    columns: [
      { key: "classification", title: tr("经济分类", "Classification"), width: 22 },
      { key: "code", title: tr("科目编码", "Code") },
      { key: "line", title: tr("预算项目", "Budget line"), width: 20 },
      { key: "budget", title: tr("年度预算", "Budget"), width: 16, format: "money" },
      { key: "spent", title: tr("已支出", "Spent"), width: 16, format: "money" },
      { key: "remaining", title: tr("预算结余", "Remaining"), width: 16, format: "money" },
      { key: "rate", title: tr("执行率", "Execution") },
      { key: "elapsed", title: tr("时间进度", "Time elapsed") },
      { key: "status", title: tr("状态", "Status") },
    ],
    rows,
  };
}

/** The budget check as the apps run it (三(四)3). */
export const budgetCheck: Check = {
  id: "finance/budget",
  title: tr("预算执行", "Budget execution"),
  kinds: [budget, expenses],
  run: checkBudget,
};
