import { type Finding, type IsoDate, localize, normalizeText } from "@houqin/core";
import type { CheckContext } from "./check.js";
import { cellOf, type ParsedTable } from "./parseTable.js";
import type { RecognizedTable } from "./recognizeTables.js";

// Helpers for dated logs (inspections, disinfection, uploads…) that every domain judges the same way.

/**
 * The period a log is judged over: the period its data cover. With semesters in the settings, that
 * is from the start of the semester of its first record to the end of the semester of its last (a
 * log that starts in October is short of September); without, the span of its own dates (it is
 * not). Occurrences not over by "today" are the caller's to leave out.
 */
export function judgedPeriod(
  ctx: CheckContext,
  dates: readonly IsoDate[],
): { from: IsoDate; to: IsoDate } | undefined {
  const semesters = ctx.calendar.semesters;
  // A stray date (a year mistyped) must not stretch the period: with semesters, only dates of the
  // school year count; without, a date more than 60 days from every other one is left out.
  const first = semesters[0];
  const last = semesters[semesters.length - 1];
  const sorted = [...dates].sort();
  const kept =
    first && last
      ? sorted.filter((d) => d >= first.start && d <= last.end)
      : sorted.filter((d, i) => sorted.length < 3 || near(d, sorted[i - 1]) || near(d, sorted[i + 1]));
  const from = kept[0];
  const to = kept[kept.length - 1];
  if (from === undefined || to === undefined) return undefined;
  const semesterOf = (d: IsoDate) => semesters.find((s) => s.start <= d && d <= s.end);
  return { from: semesterOf(from)?.start ?? from, to: semesterOf(to)?.end ?? to };
}

const DAY_MS = 86_400_000;

/** Whether two dates lie within 60 days of each other. */
function near(a: IsoDate, b: IsoDate | undefined): boolean {
  return b !== undefined && Math.abs(Date.parse(a) - Date.parse(b)) <= 60 * DAY_MS;
}

/**
 * Where a finding about a gap in a log points: the date cell of the first record after the gap, in
 * whichever of the log's tables holds it, else the log's last record.
 */
export function gapLocation(
  tables: readonly ParsedTable[],
  after: IsoDate,
): Pick<Finding, "sheet" | "cell" | "row"> {
  let best: { table: ParsedTable; row: number; date: IsoDate } | undefined;
  let last: { table: ParsedTable; row: number; date: IsoDate } | undefined;
  for (const table of tables) {
    for (const r of table.rows) {
      const date = (r.values as { date?: unknown }).date;
      if (typeof date !== "string") continue;
      if (date > after && (!best || date < best.date)) best = { table, row: r.row, date };
      if (!last || date >= last.date) last = { table, row: r.row, date };
    }
  }
  const at = best ?? last;
  const table = at?.table ?? tables[0];
  if (!table) return {};
  const row = at?.row ?? table.table.headerRow;
  return { sheet: table.table.sheet, cell: cellOf(table.table as RecognizedTable, row, "date"), row };
}

/** A window of dates as users read it: one day, a week, a month, or a span. */
export function windowText(start: IsoDate, end: IsoDate, lang: CheckContext["lang"]): string {
  if (start === end) return start;
  const sameMonth = start.slice(0, 7) === end.slice(0, 7);
  const firstOfMonth = start.endsWith("-01");
  const lastOfMonth =
    new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)), 0)).getUTCDate() ===
    Number(end.slice(8));
  if (sameMonth && firstOfMonth && lastOfMonth)
    return localize({ "zh-CN": "{y}年{m}月", en: "{y}-{m}" }, lang, {
      y: start.slice(0, 4),
      m: Number(start.slice(5, 7)),
    });
  return localize({ "zh-CN": "{a} 至 {b}", en: "{a} to {b}" }, lang, { a: start, b: end });
}

/** Text that means "nothing found": 无, 没有, 正常, -, /. */
export function saysNothing(text: string | undefined): boolean {
  if (text === undefined) return true;
  const s = normalizeText(text).toLowerCase();
  return s === "" || /^(无|没有|暂无|未发现|正常|良好|合格|完好|none|no|n\/a|ok|-+|\/|—+)$/.test(s);
}
