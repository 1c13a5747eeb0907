import { HouqinError } from "./errors.js";
import { type IsoDate, isIsoDate } from "./isoDate.js";
import type { SchoolCalendar } from "./schoolCalendar.js";

/** A semester, or the part of one inside a range; both ends inclusive. */
export interface SemesterSpan {
  name: string;
  start: IsoDate;
  end: IsoDate;
}

function checkRange(from: IsoDate, to: IsoDate): void {
  for (const d of [from, to]) {
    if (!isIsoDate(d)) throw new HouqinError("INVALID_DATE", `Not an ISO date: ${String(d)}`);
  }
}

/**
 * The whole semesters that meet a range, unclipped: the calendar's own, or the conventional halves
 * of the school years when it has none. Not public: {@link semesterSpans} is.
 */
export function wholeSemesters(calendar: SchoolCalendar, from: IsoDate, to: IsoDate): SemesterSpan[] {
  checkRange(from, to);
  if (from > to) return [];
  if (calendar.semesters.length > 0) {
    return calendar.semesters
      .filter((s) => s.start <= to && from <= s.end)
      .map((s) => ({ name: s.name, start: s.start, end: s.end }));
  }
  const spans: SemesterSpan[] = [];
  // The school year starting in September of `year`; the one that began the year before `from` first.
  for (let year = Number(from.slice(0, 4)) - 1; year <= Number(to.slice(0, 4)); year++) {
    const y = String(year).padStart(4, "0");
    const next = String(year + 1).padStart(4, "0");
    const schoolYear = `${year}–${year + 1}`;
    const halves: SemesterSpan[] = [
      { name: `${schoolYear} 第一学期`, start: `${y}-09-01`, end: `${next}-01-31` },
      { name: `${schoolYear} 第二学期`, start: `${next}-02-01`, end: `${next}-08-31` },
    ];
    for (const half of halves) {
      if (half.start <= to && from <= half.end && year >= 1 && year < 9999) spans.push(half);
    }
  }
  return spans;
}

/**
 * The semesters of a range, each clipped to it: the semesters of the school's calendar or, when
 * it names none, the conventional halves of each school year (1 September – 31 January
 * "第一学期", 1 February – 31 August "第二学期", named with the school year, e.g.
 * "2023–2024 第一学期").
 *
 * @param calendar - The school calendar.
 * @param from - The first date of the range.
 * @param to - The last date of the range.
 * @returns The spans in order; empty when `to` is before `from` or no semester meets the range.
 * @throws HouqinError `INVALID_DATE` when `from` or `to` is not an ISO date.
 * @example
 * const calendar = createSchoolCalendar({
 *   semesters: [{ name: "2023–2024 第一学期", start: "2023-09-01", end: "2024-01-26" }],
 * });
 * semesterSpans(calendar, "2023-10-01", "2024-03-31")
 * // [{ name: "2023–2024 第一学期", start: "2023-10-01", end: "2024-01-26" }]
 * semesterSpans(createSchoolCalendar(), "2024-01-01", "2024-03-31")
 * // [{ name: "2023–2024 第一学期", start: "2024-01-01", end: "2024-01-31" },
 * //  { name: "2023–2024 第二学期", start: "2024-02-01", end: "2024-03-31" }]
 */
export function semesterSpans(calendar: SchoolCalendar, from: IsoDate, to: IsoDate): SemesterSpan[] {
  return wholeSemesters(calendar, from, to).map((s) => ({
    name: s.name,
    start: s.start < from ? from : s.start,
    end: s.end > to ? to : s.end,
  }));
}
