import { type Bilingual, type Finding, localize } from "@houqin/core";
import { type CheckContext, cellOf, cells, saysNothing } from "@houqin/workbook";
import { inspectionLog } from "./kinds.js";

const MSG = {
  open: {
    "zh-CN": "{date} 发现的问题“{problem}”{what}，已过 {days} 个上学日（应在 {limit} 个上学日内处理并闭环）",
    en: "The problem “{problem}” found on {date} {what} after {days} school days (limit {limit})",
  },
  noAction: { "zh-CN": "没有处理措施", en: "has no action" },
  notClosed: { "zh-CN": "没有整改完成日期", en: "is not closed" },
} satisfies Record<string, Bilingual>;

/**
 * `safety/problem-not-closed`: a problem recorded in an inspection with no action or no closing
 * date after N school days (a setting, 问题整改期限, default 3). "Today" is ctx.asOf.
 */
export function checkProblems(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const limit = ctx.setting(["问题整改期限", "整改期限（上学日）", "整改期限"], cells.integer(), 3);
  const findings: Finding[] = [];
  for (const table of ctx.tablesOf(inspectionLog)) {
    const columns = table.table.columns as Record<string, number | undefined>;
    for (const { row, values } of table.rows) {
      if (saysNothing(values.problem)) continue;
      // Closed means a closing date where the log has that column, else an action taken.
      const closed =
        columns.closedDate !== undefined ? values.closedDate !== undefined : !saysNothing(values.action);
      if (closed) continue;
      const noAction = columns.action !== undefined && saysNothing(values.action);
      const notClosed = columns.closedDate !== undefined;
      if (ctx.asOf <= values.date) continue;
      const days = ctx.calendar.schoolDaysBetween(values.date, ctx.asOf);
      if (days <= limit) continue;
      const what = [noAction ? t(MSG.noAction) : "", notClosed ? t(MSG.notClosed) : ""]
        .filter(Boolean)
        .join(ctx.lang === "en" ? " and " : "、");
      findings.push({
        rule: "safety/problem-not-closed",
        severity: "warning",
        message: t(MSG.open, { date: values.date, problem: values.problem, what, days, limit }),
        clause: "三(一)1",
        sheet: table.table.sheet,
        cell: cellOf(table.table, row, noAction ? "action" : "closedDate"),
        row,
        data: { date: values.date, problem: values.problem, schoolDays: days },
      });
    }
  }
  return findings;
}
