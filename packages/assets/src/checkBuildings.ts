import {
  addDaysIso,
  type Bilingual,
  type Finding,
  type IsoDate,
  localize,
  normalizeText,
} from "@houqin/core";
import { type Check, type CheckContext, cellOf, cells, type ParsedTable } from "@houqin/workbook";
import {
  CADENCE_TEXT,
  cadenceCell,
  calendarSemesterOf,
  keptDates,
  periodDue,
  periodsMeeting,
  periodText,
} from "./checkFurniture.js";
import { buildingInspectionLog } from "./useKinds.js";

const CLAUSE = "三(二)1";

const MSG = {
  missing: {
    "zh-CN": "{period}没有校舍检查记录（屋面、屋架、墙体、电线、水管应{cadence}）",
    en: "No building inspection for {period} (roofs, trusses, walls, wiring and water pipes are inspected {cadence})",
  },
  beforeSemester: {
    "zh-CN": "{semester}于 {start} 开学，开学前 {days} 天内（{from} 至 {to}）没有校舍检查记录",
    en: "No building inspection in the {days} days before {semester} started on {start} ({from} to {to})",
  },
  unrepaired: {
    "zh-CN":
      "{date} 检查发现{where}“{problem}”，没有维修日期，至 {asOf} 已过 {days} 个上学日；问题应及时维修并登记",
    en: "The problem “{problem}” found{where} on {date} has no repair date, {days} school days later on {asOf}; it is to be repaired and the repair recorded",
  },
} satisfies Record<string, Bilingual>;

/** Text that means "nothing found": 无, 正常, 良好, 完好, -, /. */
function saysNothing(text: string | undefined): boolean {
  if (text === undefined) return true;
  const s = normalizeText(text).toLowerCase();
  return (
    s === "" ||
    /^(无|没有|暂无|无问题|未发现|未发现问题|正常|良好|合格|完好|安全|none|no|n\/a|ok|-+|\/|—+)$/.test(s)
  );
}

/** A result that reports a problem by itself ("漏水", "不合格", "墙体裂缝"). */
const PROBLEM_RESULT_RE = /不合格|异常|有问题|隐患|损坏|破损|漏|渗|裂|脱落|老化|锈|松动|需维修|待修|待维修/;

type Log = ParsedTable<(typeof buildingInspectionLog)["fields"]>;

/**
 * Checks the periodic inspection of roofs, roof trusses, walls, wiring and water pipes (三(二)1):
 * `assets/building-inspection-missing` once for each period of the 校舍检查周期 setting (default
 * monthly) with no inspection, and for each semester start (from the settings' semester dates) with
 * no inspection in the 开学前检查天数 (default 14) days before it. Periods are judged from the log's
 * first record to the end of its last record's semester (without semester dates, its last record),
 * when they are over by "today" and hold a school day. `assets/building-problem-unrepaired`: a
 * problem (or a result that reports one) with no repair date.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkBuildings(ctx);
 */
export function checkBuildings(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const cadence = ctx.setting(
    ["校舍检查周期", "校舍检查频次", "校舍检查频率", "building inspection period"],
    cadenceCell(),
    "monthly",
  );
  const daysBefore = ctx.setting(
    ["开学前检查天数", "开学前校舍检查天数", "inspection days before semester"],
    cells.integer(),
    14,
  );
  const tables = ctx.tablesOf(buildingInspectionLog);
  const findings: Finding[] = [];
  const records: { table: Log; row: number; date: IsoDate }[] = [];
  for (const table of tables)
    for (const r of table.rows) records.push({ table, row: r.row, date: r.values.date });
  records.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  /** The date cell of the first record after a gap, else of the last record. */
  const gapAt = (after: IsoDate): Pick<Finding, "sheet" | "cell" | "row"> => {
    const at = records.find((r) => r.date > after) ?? records[records.length - 1];
    if (!at) return {};
    return { sheet: at.table.table.sheet, cell: cellOf(at.table.table, at.row, "date"), row: at.row };
  };
  const inspectedIn = (from: IsoDate, to: IsoDate) => records.some((r) => r.date >= from && r.date <= to);

  const kept = keptDates(
    ctx.calendar,
    records.map((r) => r.date).filter((d) => d <= ctx.asOf),
    Math.max(0, daysBefore),
  );
  const first = kept[0];
  const last = kept[kept.length - 1];
  if (first !== undefined && last !== undefined) {
    const span = { from: first, to: calendarSemesterOf(ctx.calendar, last)?.end ?? last };
    for (const period of periodsMeeting(cadence, ctx.calendar, span.from, span.to)) {
      if (!periodDue(period, span, ctx.calendar, ctx.asOf) || inspectedIn(period.start, period.end)) continue;
      findings.push({
        rule: "assets/building-inspection-missing",
        severity: "warning",
        message: t(MSG.missing, {
          period: periodText(period, cadence, ctx.lang),
          cadence: t(CADENCE_TEXT[cadence]),
        }),
        clause: CLAUSE,
        ...gapAt(period.end),
        data: { from: period.start, to: period.end, cadence },
      });
    }
    if (daysBefore > 0)
      for (const semester of ctx.calendar.semesters) {
        const from = addDaysIso(semester.start, -daysBefore);
        const to = addDaysIso(semester.start, -1);
        if (to < span.from || from > span.to || to >= ctx.asOf || inspectedIn(from, to)) continue;
        findings.push({
          rule: "assets/building-inspection-missing",
          severity: "warning",
          message: t(MSG.beforeSemester, {
            semester: semester.name,
            start: semester.start,
            days: daysBefore,
            from,
            to,
          }),
          clause: CLAUSE,
          ...gapAt(to),
          data: { from, to, semester: semester.name, beforeSemester: true },
        });
      }
  }

  for (const table of tables) {
    for (const { row, values, unreadable } of table.rows) {
      if (values.repairedAt !== undefined || unreadable?.includes("repairedAt")) continue;
      const problem = !saysNothing(values.problem)
        ? values.problem
        : !saysNothing(values.result) && PROBLEM_RESULT_RE.test(values.result ?? "")
          ? values.result
          : undefined;
      if (problem === undefined || values.date > ctx.asOf) continue;
      const place = [values.building, values.part].filter((s) => s !== undefined && !saysNothing(s)).join("");
      const where = place === "" ? "" : ctx.lang === "en" ? ` at ${place}` : place;
      const days = ctx.calendar.schoolDaysBetween(values.date, ctx.asOf);
      const columns = table.table.columns as Record<string, number | undefined>;
      const cellField =
        columns.repairedAt !== undefined ? "repairedAt" : problem === values.problem ? "problem" : "result";
      findings.push({
        rule: "assets/building-problem-unrepaired",
        severity: "warning",
        message: t(MSG.unrepaired, { date: values.date, where, problem, asOf: ctx.asOf, days }),
        clause: CLAUSE,
        sheet: table.table.sheet,
        cell: cellOf(table.table, row, cellField),
        row,
        data: { date: values.date, problem, schoolDays: days, ...(place === "" ? {} : { place }) },
      });
    }
  }
  return findings;
}

/** The building-inspection check as the apps run it (三(二)1). */
export const buildingCheck: Check = {
  id: "assets/buildings",
  title: { "zh-CN": "校舍检查", en: "Building inspections" },
  kinds: [buildingInspectionLog],
  run: checkBuildings,
};
