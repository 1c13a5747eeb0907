import {
  type Bilingual,
  type Finding,
  isBlankCell,
  isCellError,
  localize,
  monthEnd,
  monthLabel,
  nextMonth,
  normalizeText,
  parseNumberCell,
  toHalfWidth,
} from "@houqin/core";
import {
  type Check,
  type CheckContext,
  cellAddress,
  cellOf,
  cells,
  normalizeHeader,
  type ParsedTable,
  type RecognizedTable,
  type Report,
} from "@houqin/workbook";
import { assessments } from "./assessmentKinds.js";
import { meals, staff } from "./kinds.js";
import { servingDays, servingPeriod } from "./servingDays.js";

const CLAUSE = "三(三)2";

const MSG = {
  totalMismatch: {
    "zh-CN": "{month} {name}的总分 {total} 与各项得分之和 {sum} 不符（{items}）",
    en: "{name}'s total for {month}, {total}, differs from the sum of the item scores, {sum} ({items})",
  },
  negative: {
    "zh-CN": "{month} {name}的“{item}”得分 {score} 为负数",
    en: "{name}'s “{item}” score for {month}, {score}, is negative",
  },
  overMax: {
    "zh-CN": "{month} {name}的“{item}”得分 {score} 超过该项满分 {max} 分",
    en: "{name}'s “{item}” score for {month}, {score}, is above the item's maximum of {max}",
  },
  personMissing: {
    "zh-CN": "{month}的员工考核中没有{name}{post}：从业人员名册显示其当月在岗，应参加考核",
    en: "{name}{post} has no assessment for {month}, though the staff register shows them at work that month",
  },
  monthMissing: {
    "zh-CN": "{month}没有员工考核记录，计划要求按考核细则对食堂员工进行考核",
    en: "There is no staff assessment for {month}; the plan asks for canteen staff to be assessed",
  },
  noRegister: {
    "zh-CN": "没有找到食堂从业人员名册，无法核对每位员工每月是否都参加了考核",
    en: "No canteen staff register was found, so houqin cannot check that every member of staff was assessed",
  },
  duplicate: {
    "zh-CN": "{month} {name}有两条考核记录（另一条在第 {first} 行），请核对",
    en: "{name} is assessed twice for {month} (the other line is row {first}); please check",
  },
  errorValue: {
    "zh-CN": "“{field}”单元格是错误值 {error}，此值无法使用",
    en: "The “{field}” cell holds the error value {error} and cannot be used",
  },
  unreadable: { "zh-CN": "“{field}”：{reason}", en: "“{field}”: {reason}" },
  postOf: { "zh-CN": "（{post}）", en: " ({post})" },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** What a score column counts for: an item, a bonus added, or a deduction taken off. */
type ScoreRole = "item" | "bonus" | "deduction";

/** A scoring item of the assessment: from the setting 考核项目 or a score column's header. */
export interface AssessmentItem {
  /** The item's name as written ("卫生"). */
  name: string;
  /** The most points it can give, when known. */
  max?: number;
}

interface ScoreColumn extends AssessmentItem {
  column: number;
  /** Its place in `table.otherColumns` and `row.other`. */
  index: number;
  key: string;
  role: ScoreRole;
}

const MAX_IN_BRACKETS_RE = /[([【]\s*(?:满分)?\s*(\d+(?:\.\d+)?)\s*分?\s*[)\]】]/;
const MAX_AT_END_RE = /(?:满分)?\s*(\d+(?:\.\d+)?)\s*分$/;

/**
 * Reads a scoring item as a header or the setting writes it: "卫生（30分）", "卫生30分", "卫生 30",
 * "卫生：满分30", or just "卫生".
 *
 * @param text - the header or one entry of the setting
 * @param bareNumber - whether a trailing number without 分 is the maximum (the setting: yes)
 * @returns the item, or undefined for blank text
 * @example
 * parseAssessmentItem("卫生（30分）") // { name: "卫生", max: 30 }
 */
export function parseAssessmentItem(text: string, bareNumber = false): AssessmentItem | undefined {
  const s = normalizeText(toHalfWidth(text));
  const bracket = MAX_IN_BRACKETS_RE.exec(s);
  const atEnd = bracket ? null : (MAX_AT_END_RE.exec(s) ?? (bareNumber ? /(\d+(?:\.\d+)?)$/.exec(s) : null));
  const found = bracket ?? atEnd;
  const name = (found ? s.slice(0, found.index) + s.slice(found.index + found[0].length) : s)
    .replace(/[([【][^)\]】]*[)\]】]/g, "")
    .replace(/\s*满分$/, "")
    .replace(/[:：\s]+$/, "")
    .trim();
  if (name === "") return undefined;
  return found ? { name, max: Number(found[1]) } : { name };
}

/**
 * The scoring items of the setting 考核项目 (also 考核细则, 考核评分项目): names with their
 * maximum points, "卫生 30、服务 30、安全 25、节约 15".
 */
function settingItems(ctx: CheckContext): AssessmentItem[] {
  const text = ctx.setting(
    ["考核项目", "考核细则", "考核评分项目", "考核评分细则", "assessment items"],
    cells.text(),
    "",
  );
  return text
    .split(/[、,，;；\n]+/)
    .map((part) => parseAssessmentItem(part, true))
    .filter((item): item is AssessmentItem => item !== undefined);
}

/** Headers that are not scores: serial numbers, remarks, signatures, grades, ranks… */
const NOT_A_SCORE_RE =
  /^(序号|编号|工号|部门|性别|年龄|电话|联系电话|等级|等第|评定|评语|结果|考核结果|考核等级|奖金|金额|绩效|说明|no|id)$|备注|签名|签字|排名|名次|日期|时间|考核人|评分人|考评人|评议人|奖惩|remark|note|sign|rank|grade/;

/** Headers that count (days, times, years), not score: 出勤天数, 请假次数, 迟到, 工龄… */
const A_COUNT_RE =
  /出勤|考勤天|天数|次数|工龄|请假|迟到|早退|旷工|缺勤|病假|事假|人数|年限|days|absence|attendance/;

function itemKey(name: string): string {
  return normalizeHeader(name);
}

/** Which of a table's other columns (those no field claims) are scores, and of which item. */
function scoreColumns(table: AssessmentTable, configured: readonly AssessmentItem[]): ScoreColumn[] {
  const out: ScoreColumn[] = [];
  const configuredKeys = configured.map((item) => ({ item, key: itemKey(item.name) }));
  for (const [index, { column, header }] of (table.table.otherColumns ?? []).entries()) {
    const parsed = parseAssessmentItem(header);
    if (!parsed) continue;
    const key = itemKey(parsed.name);
    if (key === "" || NOT_A_SCORE_RE.test(key)) continue;
    const exactlyConfigured = configuredKeys.some((c) => c.key === key);
    // A count is never a score, unless its header or the setting gives it points ("出勤（10分）").
    if (A_COUNT_RE.test(key) && parsed.max === undefined && !exactlyConfigured) continue;
    const role: ScoreRole = /加分|奖励分/.test(key) ? "bonus" : /扣分|扣除/.test(key) ? "deduction" : "item";
    const match =
      configuredKeys.find((c) => c.key === key) ??
      configuredKeys
        .filter((c) => c.key !== "" && key.includes(c.key))
        .sort((a, b) => b.key.length - a.key.length)[0];
    if (match && role === "item") {
      const max = match.item.max ?? parsed.max;
      out.push({
        column,
        index,
        key: match.key,
        name: match.item.name,
        role,
        ...(max === undefined ? {} : { max }),
      });
      continue;
    }
    // Without a configured item, a column is a score when most of its filled cells are numbers.
    if (configured.length > 0 && role === "item") continue;
    let numbers = 0;
    let filled = 0;
    for (const row of table.rows) {
      const cell = row.other?.[index];
      if (!cell || isBlankCell(cell) || isCellError(cell.value)) continue;
      filled++;
      if (parseNumberCell(cell).ok) numbers++;
    }
    if (numbers === 0 || numbers * 2 < filled) continue;
    out.push({
      column,
      index,
      key,
      name: parsed.name,
      role,
      ...(parsed.max === undefined ? {} : { max: parsed.max }),
    });
  }
  // Once some item states its points, the items are those that do (a bare number column beside
  // "卫生（30分）" is something else); 加分 and 扣分 columns still count.
  if (out.some((c) => c.role === "item" && c.max !== undefined))
    return out.filter((c) => c.role !== "item" || c.max !== undefined);
  return out;
}

/** One person's assessment in one month. */
interface Line {
  table: RecognizedTable;
  row: number;
  month: string;
  name: string;
  person: string;
  post?: string;
  /** Readable scores by item key. */
  scores: Map<string, number>;
  /** Whether every filled score cell could be read. */
  readable: boolean;
  total?: number;
  sum?: number;
}

type AssessmentTable = ParsedTable<typeof assessments.fields>;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The normalised form of a person's name: half-width, no spaces. */
function personKey(name: string): string {
  return normalizeText(name).replace(/\s+/g, "").toLowerCase();
}

/**
 * Checks the monthly assessment of canteen staff (三(三)2):
 * - `canteen/assessment-total-mismatch` (error): a 总分 cell that is not the sum of the item scores
 *   (plus 加分 columns, minus 扣分 columns; a sheet of deductions only starts from 考核基础分);
 * - `canteen/score-out-of-range` (error): an item score below 0, or above the item's maximum when the
 *   setting 考核项目 or the column header ("卫生（30分）") gives one;
 * - `canteen/assessment-missing` (warning): a member of staff the register shows at work in a month
 *   that has assessments, with no line in it; and a month of the judged period with no assessment
 *   at all (the months the meals table serves in, before the month of "today"; without a meals
 *   table, the months with school days from the first assessed month to the month before
 *   "today", or without semesters in the settings, the months between the first and last assessed
 *   months). Info, once, when there is no staff register;
 * - `canteen/duplicate-assessment` (warning): the same person twice in a month.
 *
 * Settings: 考核项目 (the items and their maximum points, "卫生 30、服务 30、安全 25、节约 15";
 * default none: every numeric column that is not a total, rank, grade or a count — 出勤天数, 请假次数,
 * 迟到, 工龄… — is an item; once some item states its maximum, in the setting or its header
 * "卫生（30分）", only such items are, besides 加分 and 扣分 columns), 考核基础分
 * (the score a sheet of deductions starts from, default 100).
 *
 * Publishes "员工考核排名" (`canteen.assessment-ranking`): per month and person, the rank (1 = best,
 * ties share a rank), name, post, every item score and the total.
 *
 * The score columns are the header columns no field claims (`table.otherColumns`, `row.other`).
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkAssessment(ctx); // and ctx.report({ id: "canteen.assessment-ranking", … })
 */
export function checkAssessment(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const tables = ctx.tablesOf(assessments);
  const firstTable = tables[0];
  if (!firstTable) return [];
  const configured = settingItems(ctx);
  const base = ctx.setting(
    ["考核基础分", "考核基准分", "基础分", "assessment base score"],
    cells.number(),
    100,
  );
  const findings: Finding[] = [];
  const lines: Line[] = [];
  /** Items in the order first seen, for the report's columns. */
  const itemOrder = new Map<string, string>();
  for (const item of configured) itemOrder.set(itemKey(item.name), item.name);

  for (const parsed of tables) {
    const table = parsed.table as RecognizedTable;
    const columns = scoreColumns(parsed, configured);
    for (const c of columns) if (!itemOrder.has(c.key)) itemOrder.set(c.key, c.name);
    for (const r of parsed.rows) {
      const { values } = r;
      const month = values.month;
      const name = values.name;
      const line: Line = {
        table,
        row: r.row,
        month,
        name,
        person: personKey(name),
        ...(values.post === undefined ? {} : { post: values.post }),
        scores: new Map(),
        readable: true,
        ...(values.total === undefined ? {} : { total: values.total }),
      };
      const monthShown = monthLabel(month, ctx.lang);
      let sum = 0;
      let items = 0;
      let deductionsOnly = true;
      const parts: string[] = [];
      for (const c of columns) {
        const cell = r.other?.[c.index];
        if (!cell || isBlankCell(cell)) continue;
        const at = { sheet: table.sheet, cell: cellAddress(r.row, c.column), row: r.row };
        const out = parseNumberCell(cell);
        if (!out.ok) {
          line.readable = false;
          findings.push(
            isCellError(cell.value)
              ? {
                  rule: "workbook/error-value",
                  severity: "error",
                  message: t(MSG.errorValue, { field: c.name, error: cell.value.error }),
                  ...at,
                  data: { field: c.name, error: cell.value.error },
                }
              : {
                  rule: "workbook/unreadable-cell",
                  severity: "warning",
                  message: t(MSG.unreadable, { field: c.name, reason: t(out.message).replace(/[。.]$/, "") }),
                  ...at,
                  data: { field: c.name, code: out.code, text: cell.text },
                },
          );
          continue;
        }
        const score = out.value;
        line.scores.set(c.key, score);
        items++;
        if (c.role === "deduction") {
          sum -= Math.abs(score);
          parts.push(`${c.name} −${round2(Math.abs(score))}`);
          continue;
        }
        sum += score;
        parts.push(`${c.name} ${round2(score)}`);
        if (c.role === "bonus") continue;
        deductionsOnly = false;
        const data = { month, name, item: c.name, score, ...(c.max === undefined ? {} : { max: c.max }) };
        if (score < 0)
          findings.push({
            rule: "canteen/score-out-of-range",
            severity: "error",
            message: t(MSG.negative, { month: monthShown, name, item: c.name, score }),
            clause: CLAUSE,
            ...at,
            data,
          });
        else if (c.max !== undefined && score > c.max)
          findings.push({
            rule: "canteen/score-out-of-range",
            severity: "error",
            message: t(MSG.overMax, { month: monthShown, name, item: c.name, score, max: c.max }),
            clause: CLAUSE,
            ...at,
            data,
          });
      }
      if (items > 0 && line.readable) {
        if (deductionsOnly) {
          sum += base;
          parts.unshift(`${t(tr("基础分", "base"))} ${base}`);
        }
        line.sum = round2(sum);
        if (line.total !== undefined && Math.abs(line.total - sum) > 0.005)
          findings.push({
            rule: "canteen/assessment-total-mismatch",
            severity: "error",
            message: t(MSG.totalMismatch, {
              month: monthShown,
              name,
              total: round2(line.total),
              sum: line.sum,
              items: parts.join(t(tr("、", ", "))),
            }),
            clause: CLAUSE,
            sheet: table.sheet,
            cell: cellOf(table, r.row, "total"),
            row: r.row,
            data: { month, name, total: line.total, sum: line.sum },
          });
      }
      lines.push(line);
    }
  }

  // The same person twice in a month: the later line is reported and left out of the rest.
  const byMonth = new Map<string, Map<string, Line>>();
  for (const line of lines) {
    const people = byMonth.get(line.month) ?? new Map<string, Line>();
    byMonth.set(line.month, people);
    const first = people.get(line.person);
    if (!first) {
      people.set(line.person, line);
      continue;
    }
    findings.push({
      rule: "canteen/duplicate-assessment",
      severity: "warning",
      message: t(MSG.duplicate, {
        month: monthLabel(line.month, ctx.lang),
        name: line.name,
        first: first.row,
      }),
      clause: CLAUSE,
      sheet: line.table.sheet,
      cell: cellOf(line.table, line.row, "name"),
      row: line.row,
      data: { month: line.month, name: line.name, firstRow: first.row, firstSheet: first.table.sheet },
    });
  }

  findings.push(...missingPeople(ctx, lines, byMonth, firstTable.table as RecognizedTable));
  findings.push(...missingMonths(ctx, lines, byMonth));

  if (byMonth.size > 0) ctx.report(rankingReport(byMonth, itemOrder, ctx));
  return findings;
}

/** Where a finding about a month points: the month cell of its last line. */
function lastLineOf(lines: readonly Line[]): Line | undefined {
  return lines[lines.length - 1];
}

/** Staff at work in a month that has assessments, with no line in it. */
function missingPeople(
  ctx: CheckContext,
  lines: readonly Line[],
  byMonth: ReadonlyMap<string, ReadonlyMap<string, Line>>,
  first: RecognizedTable,
): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const registers = ctx.tablesOf(staff);
  if (registers.length === 0)
    return [
      {
        rule: "canteen/assessment-missing",
        severity: "info",
        message: t(MSG.noRegister),
        clause: CLAUSE,
        sheet: first.sheet,
        cell: cellOf(first, first.headerRow, "name"),
        row: first.headerRow,
      },
    ];
  const people = registers.flatMap((reg) =>
    reg.rows.map((r) => ({ ...r.values, person: personKey(r.values.name) })),
  );
  const findings: Finding[] = [];
  for (const [month, assessed] of [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const from = `${month}-01`;
    const to = monthEnd(month);
    const at = lastLineOf(lines.filter((l) => l.month === month));
    if (!at) continue;
    const seen = new Set<string>();
    for (const p of people) {
      if (assessed.has(p.person) || seen.has(p.person)) continue;
      if (p.left !== undefined && p.left < from) continue;
      if (p.started !== undefined && p.started > to) continue;
      seen.add(p.person);
      findings.push({
        rule: "canteen/assessment-missing",
        severity: "warning",
        message: t(MSG.personMissing, {
          month: monthLabel(month, ctx.lang),
          name: p.name,
          post: p.post === undefined ? "" : t(MSG.postOf, { post: p.post }),
        }),
        clause: CLAUSE,
        sheet: at.table.sheet,
        cell: cellOf(at.table, at.row, "name"),
        row: at.row,
        data: { month, name: p.name, ...(p.post === undefined ? {} : { post: p.post }) },
      });
    }
  }
  return findings;
}

/** Months of the judged period with no assessment at all. */
function missingMonths(
  ctx: CheckContext,
  lines: readonly Line[],
  byMonth: ReadonlyMap<string, unknown>,
): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const current = ctx.asOf.slice(0, 7);
  const assessedMonths = [...byMonth.keys()].sort();
  const firstMonth = assessedMonths[0];
  const lastMonth = assessedMonths[assessedMonths.length - 1];
  if (firstMonth === undefined || lastMonth === undefined) return [];
  // The months the canteen served in, the way the daily logs count serving days (停餐 rows are not).
  const period = ctx.tablesOf(meals).length > 0 ? servingPeriod(ctx, []) : undefined;
  const served = period ? servingDays(ctx, period.from, period.to).map((d) => d.slice(0, 7)) : [];
  let judged: string[];
  if (served.length > 0) judged = [...new Set(served)].filter((m) => m < current).sort();
  else {
    const withSemesters = ctx.calendar.semesters.length > 0;
    const until = withSemesters ? current : nextMonth(lastMonth);
    judged = [];
    for (let m = firstMonth; m < until; m = nextMonth(m))
      if (ctx.calendar.schoolDays(`${m}-01`, monthEnd(m)).length > 0) judged.push(m);
  }
  const sorted = [...lines].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const findings: Finding[] = [];
  for (const month of judged) {
    if (byMonth.has(month)) continue;
    // At the first line after the gap, else the last line.
    const at = sorted.find((l) => l.month > month) ?? lastLineOf(sorted);
    if (!at) continue;
    findings.push({
      rule: "canteen/assessment-missing",
      severity: "warning",
      message: t(MSG.monthMissing, { month: monthLabel(month, ctx.lang) }),
      clause: CLAUSE,
      sheet: at.table.sheet,
      cell: cellOf(at.table, at.row, "month"),
      row: at.row,
      data: { month },
    });
  }
  return findings;
}

/** The score a line is ranked by: its written total, else the sum of its scores. */
function rankScore(line: Line): number | undefined {
  return line.total !== undefined ? round2(line.total) : line.sum;
}

/** "员工考核排名": per month, the people by rank (standard competition ranking, "1, 2, 2, 4"). */
function rankingReport(
  byMonth: ReadonlyMap<string, ReadonlyMap<string, Line>>,
  itemOrder: ReadonlyMap<string, string>,
  ctx: CheckContext,
): Report {
  const items = [...itemOrder];
  const rows: Record<string, string | number | null>[] = [];
  for (const [month, people] of [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const ranked = [...people.values()].sort((a, b) => {
      const sa = rankScore(a);
      const sb = rankScore(b);
      if (sa === undefined || sb === undefined) return sa === undefined ? (sb === undefined ? 0 : 1) : -1;
      return sb - sa;
    });
    ranked.forEach((line, i) => {
      const score = rankScore(line);
      let rank: number | null = null;
      if (score !== undefined) {
        const firstEqual = ranked.findIndex((l) => rankScore(l) === score);
        rank = firstEqual === -1 ? i + 1 : firstEqual + 1;
      }
      const row: Record<string, string | number | null> = {
        month: monthLabel(month, ctx.lang),
        rank,
        name: line.name,
        post: line.post ?? null,
        total: score ?? null,
      };
      items.forEach(([key], j) => {
        row[`item${j + 1}`] = line.scores.get(key) ?? null;
      });
      rows.push(row);
    });
  }
  return {
    id: "canteen.assessment-ranking",
    title: tr("员工考核排名", "Staff assessment ranking"),
    sheetName: tr("员工考核排名", "Assessment ranking"),
    columns: [
      { key: "month", title: tr("月份", "Month") },
      { key: "rank", title: tr("名次", "Rank") },
      { key: "name", title: tr("姓名", "Name") },
      { key: "post", title: tr("岗位", "Post") },
      ...items.map(([, name], j) => ({ key: `item${j + 1}`, title: tr(name, name) })),
      { key: "total", title: tr("总分", "Total") },
    ],
    rows,
  };
}

/** The staff assessment check as the apps run it (三(三)2). */
export const assessmentCheck: Check = {
  id: "canteen/assessment",
  title: tr("食堂员工考核", "Canteen staff assessment"),
  kinds: [assessments],
  run: checkAssessment,
};
