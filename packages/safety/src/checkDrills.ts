import { type Bilingual, type Finding, localize, semesterSpans } from "@houqin/core";
import {
  type CheckContext,
  cellOf,
  gapLocation,
  judgedPeriod,
  type ParsedTable,
  type RecognizedTable,
} from "@houqin/workbook";
import { drillLog, educationLog, guardLog, inspectionLog } from "./kinds.js";

const MSG = {
  none: {
    "zh-CN": "{semester}（{from} 至 {to}）没有任何疏散演练记录，计划要求每学期至少一次",
    en: "{semester} ({from} to {to}) has no evacuation drill; the plan asks for one a semester",
  },
  few: {
    "zh-CN":
      "{semester}演练 {count} 次，少于《中小学幼儿园应急疏散演练指南》每月至少一次的要求（{months} 个月应不少于 {months} 次）",
    en: "{semester} had {count} drills, fewer than the national minimum of one a month ({months} months)",
  },
} satisfies Record<string, Bilingual>;

/**
 * `safety/drill-missing`: a semester without a drill (error, 三(一)5), or with fewer drills than
 * months with school days (warning: the MoE guide's monthly minimum).
 */
export function checkDrills(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const tables = ctx.tablesOf(drillLog);
  const first = tables[0];
  if (!first) return [];
  const dates = tables.flatMap((tb) => tb.rows.map((r) => r.values.date));
  // A missing drill leaves no row, so the semesters judged are those the workbook's safety logs
  // cover (any of them), up to "today".
  const covered = judgedPeriod(ctx, [...dates, ...otherLogDates(ctx)]);
  if (!covered) return [];
  const period = { from: covered.from, to: covered.to < ctx.asOf ? covered.to : ctx.asOf };
  if (period.from > period.to) return [];
  const findings: Finding[] = [];
  for (const span of semesterSpans(ctx.calendar, period.from, period.to)) {
    const count = dates.filter((d) => d >= span.start && d <= span.end).length;
    // A semester still under way is judged on the months already over.
    const ended = span.end < ctx.asOf || ctx.calendar.semesters.length === 0;
    const months = new Set(
      ctx.calendar
        .schoolDays(span.start, span.end)
        .map((d) => d.slice(0, 7))
        .filter((m) => ended || m < ctx.asOf.slice(0, 7)),
    ).size;
    if (months === 0) continue;
    const semester = span.name;
    if (count === 0 && ended) {
      findings.push({
        rule: "safety/drill-missing",
        severity: "error",
        message: t(MSG.none, { semester, from: span.start, to: span.end }),
        clause: "三(一)5",
        ...gapLocation(tables as readonly ParsedTable[], span.end),
        data: { semester: span, count },
      });
    } else if (count < months) {
      findings.push({
        rule: "safety/drill-missing",
        severity: "warning",
        message: t(MSG.few, { semester, count, months }),
        clause: "三(一)5",
        sheet: first.table.sheet,
        cell: cellOf(first.table as RecognizedTable, first.table.headerRow, "date"),
        row: first.table.headerRow,
        data: { semester: span, count, months },
      });
    }
  }
  return findings;
}

/** The dates of the other safety logs, which say which semesters the workbook covers. */
function otherLogDates(ctx: CheckContext): string[] {
  return [inspectionLog, guardLog, educationLog].flatMap((kind) =>
    (ctx.tablesOf(kind as never) as readonly ParsedTable[]).flatMap((t) =>
      t.rows.map((r) => (r.values as { date: string }).date),
    ),
  );
}
