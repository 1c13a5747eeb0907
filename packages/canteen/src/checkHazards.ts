import {
  type Bilingual,
  type Finding,
  type IsoDate,
  localize,
  monthEnd,
  nextMonth,
  normalizeText,
} from "@houqin/core";
import {
  type CellIssueParams,
  type CellSchema,
  type Check,
  type CheckContext,
  cellOf,
  cells,
  gapLocation,
  type ParsedTable,
  saysNothing,
  windowText,
} from "@houqin/workbook";
import { z } from "zod";
import { hazardInspections } from "./hygieneKinds.js";
import { servingDays, servingPeriod } from "./servingDays.js";

const CLAUSE = "三(三)7";

const MSG = {
  notRectified: {
    "zh-CN":
      "{date} 排查发现的“{problem}”到 {asOf} 仍未整改完成，已过 {days} 个上学日（整改时限 {limit} 个上学日）",
    en: "“{problem}”, found on {date}, was still not rectified on {asOf}, after {days} school days (limit: {limit})",
  },
  rectifiedLate: {
    "zh-CN":
      "{date} 排查发现的“{problem}”在 {rectified} 才整改完成，用了 {days} 个上学日（整改时限 {limit} 个上学日）",
    en: "“{problem}”, found on {date}, was rectified on {rectified}, after {days} school days (limit: {limit})",
  },
  rectifiedUndated: {
    "zh-CN":
      "{date} 排查发现的“{problem}”整改情况写的是“{action}”，但没有填整改完成日期，无法核对是否在 {limit} 个上学日内整改，请补填日期",
    en: "“{problem}”, found on {date}, is marked “{action}” but has no rectification date, so the {limit}-school-day limit cannot be checked; please fill in the date",
  },
  noRectifiedColumn: {
    "zh-CN": "隐患排查记录没有“整改完成日期”一栏，无法核对发现的问题是否及时整改",
    en: "The hazard inspection log has no “rectified on” column, so timely rectification cannot be checked",
  },
  missingMonth: {
    "zh-CN": "{window} 没有食品安全隐患排查记录（每月至少排查一次）",
    en: "No food-safety hazard inspection recorded in {window} (at least one a month)",
  },
  missingWeek: {
    "zh-CN": "{window} 这一周没有食品安全隐患排查记录（每周至少排查一次）",
    en: "No food-safety hazard inspection recorded in the week {window} (at least one a week)",
  },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/**
 * Whether a 发现问题 cell records no problem: blank, 无/正常/-, or a phrase such as 无隐患,
 * 未发现问题, 无异常, 未发现明显隐患, 未见异常.
 *
 * @param text - the cell text
 * @returns true when nothing wrong was found
 */
export function noProblemFound(text: string | undefined): boolean {
  if (saysNothing(text)) return true;
  const s = normalizeText(text ?? "")
    .replace(/[\s。.，,！!;；]+$/u, "")
    .replace(/\s+/gu, "");
  return /^(无|未发现|没有|暂无|未见|未查出|未发现任何)(明显|任何)?(的)?(问题|隐患|异常|安全隐患|食品安全隐患|异常情况)?$/u.test(
    s,
  );
}

/**
 * Whether a 整改措施/整改情况 cell says the problem has been dealt with: 已整改, 已整改完毕, 整改完成,
 * 已完成, 已处理, 已更换… (not 未整改, 尚未完成, 整改中).
 *
 * @param text - the cell text
 * @returns true when the cell reports the rectification as done
 */
export function saysRectified(text: string | undefined): boolean {
  if (text === undefined) return false;
  const s = normalizeText(text).replace(/\s+/gu, "");
  if (/未|没有|待|正在|整改中|进行中/u.test(s)) return false;
  return /已(经)?(全部|整改|完成|处理|修复|更换|维修|解决|落实|清理|消除|整治|到位|销号)|整改(完毕|完成|到位)|处理完毕|^(完成|done|fixed|rectified)$/iu.test(
    s,
  );
}

/** How often hazards are to be inspected. */
type Cadence = "weekly" | "monthly";

/** The setting 隐患排查频次: 每周 / 每月 (also 周, 月, weekly, monthly). */
function cadenceCell(): CellSchema<Cadence> {
  return cells.text().transform((text, zctx) => {
    const s = normalizeText(text).toLowerCase();
    if (/周|星期|week/.test(s)) return "weekly" as const;
    if (/月|month/.test(s)) return "monthly" as const;
    const message = tr(
      `“${text}”不是可识别的排查频次，请填写“每周”或“每月”`,
      `"${text}" is not a cadence; write 每周 or 每月`,
    );
    const params: CellIssueParams = { houqin: true, code: "not-a-cadence", message };
    zctx.addIssue({ code: "custom", message: message.en, params: { ...params } });
    return z.NEVER;
  });
}

/**
 * Checks the food-safety hazard inspections of 三(三)7 ("定期开展食品安全隐患排查，及时发现问题及时纠正"):
 *
 * - `canteen/hazard-not-rectified` (error): a problem recorded (not 无/正常/-/无隐患/未发现问题…) with no rectification
 *   date, more than 隐患整改时限 school days old on ctx.asOf (within the limit it is still open and
 *   not reported); info once at the header when the log has no rectification-date column;
 * - `canteen/hazard-rectification-undated` (warning): such a problem whose 整改措施 says it was
 *   rectified (已整改, 已整改完毕, 已完成…) but with no rectification date: the date is asked for;
 * - `canteen/hazard-rectified-late` (warning): rectified later than the limit;
 * - `canteen/hazard-inspection-missing` (warning): each month (or school week, with 隐患排查频次 =
 *   每周) of the judged period that has serving days but no inspection; a month not over by
 *   "today" is judged only once it has one.
 *
 * The judged period is {@link servingPeriod} over the log's dates. Settings: 隐患整改时限 (school
 * days, default 5), 隐患排查频次 (每月 by default, or 每周; weeks are the calendar's school weeks).
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkHazards(ctx); // [{ rule: "canteen/hazard-not-rectified", cell: "E7", … }]
 */
export function checkHazards(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const limit = ctx.setting(
    ["隐患整改时限", "隐患整改时限(上学日)", "整改时限", "hazard rectification limit"],
    cells.integer(),
    5,
  );
  const cadence = ctx.setting(
    ["隐患排查频次", "隐患排查周期", "排查频次", "hazard inspection cadence"],
    cadenceCell(),
    "monthly",
  );
  const findings: Finding[] = [];
  const tables = ctx.tablesOf(hazardInspections);
  const dates: IsoDate[] = [];

  for (const parsed of tables) {
    const { table } = parsed;
    const columns = table.columns as Record<string, number | undefined>;
    let saidNoColumn = false;
    for (const { row, values, unreadable } of parsed.rows) {
      dates.push(values.date);
      if (unreadable?.includes("problem") || noProblemFound(values.problem)) continue;
      const problem = values.problem as string;
      const data = { date: values.date, item: values.item, problem, limit };
      const at = { sheet: table.sheet, cell: cellOf(table, row, "rectifiedAt"), row };
      if (columns.rectifiedAt === undefined) {
        if (saidNoColumn) continue;
        saidNoColumn = true;
        findings.push({
          rule: "canteen/hazard-not-rectified",
          severity: "info",
          message: t(MSG.noRectifiedColumn),
          clause: CLAUSE,
          sheet: table.sheet,
          cell: cellOf(table, table.headerRow, "problem"),
          row: table.headerRow,
        });
        continue;
      }
      if (unreadable?.includes("rectifiedAt")) continue;
      const rectified = values.rectifiedAt;
      if (rectified === undefined) {
        const days = ctx.calendar.schoolDaysBetween(values.date, ctx.asOf);
        if (days <= limit) continue;
        if (saysRectified(values.action)) {
          findings.push({
            rule: "canteen/hazard-rectification-undated",
            severity: "warning",
            message: t(MSG.rectifiedUndated, { date: values.date, problem, action: values.action, limit }),
            clause: CLAUSE,
            ...at,
            data: { ...data, action: values.action, asOf: ctx.asOf, schoolDays: days },
          });
          continue;
        }
        findings.push({
          rule: "canteen/hazard-not-rectified",
          severity: "error",
          message: t(MSG.notRectified, { date: values.date, problem, asOf: ctx.asOf, days, limit }),
          clause: CLAUSE,
          ...at,
          data: { ...data, asOf: ctx.asOf, schoolDays: days },
        });
        continue;
      }
      const days = ctx.calendar.schoolDaysBetween(values.date, rectified);
      if (days <= limit) continue;
      findings.push({
        rule: "canteen/hazard-rectified-late",
        severity: "warning",
        message: t(MSG.rectifiedLate, { date: values.date, problem, rectified, days, limit }),
        clause: CLAUSE,
        ...at,
        data: { ...data, rectifiedAt: rectified, schoolDays: days },
      });
    }
  }

  const period = servingPeriod(ctx, dates);
  if (period) {
    const windows: { start: IsoDate; end: IsoDate }[] = [];
    if (cadence === "weekly") {
      for (const week of ctx.calendar.schoolWeeks(period.from, period.to))
        windows.push({ start: week.weekStart, end: week.weekEnd });
    } else {
      for (let start = `${period.from.slice(0, 7)}-01`; start <= period.to; start = `${nextMonth(start)}-01`)
        windows.push({ start, end: monthEnd(start) });
    }
    for (const window of windows) {
      if (dates.some((d) => d >= window.start && d <= window.end)) continue;
      // A window not over by "today" is judged once it has a record.
      if (window.end >= ctx.asOf) continue;
      const from = window.start > period.from ? window.start : period.from;
      const to = window.end < period.to ? window.end : period.to;
      if (servingDays(ctx, from, to).length === 0) continue;
      findings.push({
        rule: "canteen/hazard-inspection-missing",
        severity: "warning",
        message: t(cadence === "weekly" ? MSG.missingWeek : MSG.missingMonth, {
          window: windowText(window.start, window.end, ctx.lang),
        }),
        clause: CLAUSE,
        ...gapLocation(tables as readonly ParsedTable[], window.end),
        data: { cadence, from: window.start, to: window.end },
      });
    }
  }
  return findings;
}

/** The food-safety hazard inspection check as the apps run it (三(三)7). */
export const hazardsCheck: Check = {
  id: "canteen/hazards",
  title: tr("食品安全隐患排查", "Food-safety hazard inspections"),
  kinds: [hazardInspections],
  run: checkHazards,
};
