import { addDaysIso, type Bilingual, type IsoDate, type SchoolCalendar } from "@houqin/core";
import type { ProjectPeriod } from "./projects.js";

/** A school holiday: its first day (when known) and its last; the term starts the day after. */
export interface HolidayWindow {
  kind: "summer" | "winter" | "holiday";
  name: Bilingual;
  start?: IsoDate;
  end: IsoDate;
}

const NAMES: Readonly<Record<HolidayWindow["kind"], Bilingual>> = {
  summer: { "zh-CN": "暑假", en: "the summer holiday" },
  winter: { "zh-CN": "寒假", en: "the winter holiday" },
  holiday: { "zh-CN": "假期", en: "the holiday" },
};

const month = (date: IsoDate) => Number(date.slice(5, 7));
const year = (date: IsoDate) => date.slice(0, 4);

function window(kind: HolidayWindow["kind"], start: IsoDate | undefined, end: IsoDate): HolidayWindow {
  return { kind, name: NAMES[kind], ...(start === undefined ? {} : { start }), end };
}

/**
 * The holidays the calendar's semesters imply: the gap between two semesters (summer when the
 * second starts in July to October, else winter), the summer after a semester that ends in May to
 * August (to 31 August), and the summer before a first semester that starts in August or September
 * (its first day unknown).
 */
function calendarHolidays(calendar: SchoolCalendar): HolidayWindow[] {
  const semesters = calendar.semesters;
  const windows: HolidayWindow[] = [];
  const first = semesters[0];
  if (first && (month(first.start) === 8 || month(first.start) === 9))
    windows.push(window("summer", undefined, addDaysIso(first.start, -1)));
  semesters.forEach((semester, i) => {
    const next = semesters[i + 1];
    const start = addDaysIso(semester.end, 1);
    if (next) {
      const end = addDaysIso(next.start, -1);
      if (start <= end)
        windows.push(
          window(month(next.start) >= 7 && month(next.start) <= 10 ? "summer" : "winter", start, end),
        );
      return;
    }
    const august = `${year(semester.end)}-08-31`;
    if (month(semester.end) >= 5 && month(semester.end) <= 8 && start <= august)
      windows.push(window("summer", start, august));
  });
  return windows;
}

/**
 * The holiday a project marked for `period` is judged against, as of a date: the settings' own
 * window (假期开始/假期结束) when given, else the next holiday of that kind the calendar implies
 * ("a holiday" meaning the summer one), else the summer ending 31 August. Undefined when the holiday
 * is over or unknown. Not public: the check's helper.
 */
export function holidayWindowFor(
  period: Exclude<ProjectPeriod, "term">,
  calendar: SchoolCalendar,
  asOf: IsoDate,
  fixed: { start: IsoDate | undefined; end: IsoDate | undefined },
): HolidayWindow | undefined {
  if (fixed.end !== undefined) {
    if (asOf > fixed.end) return undefined;
    return window(
      "holiday",
      fixed.start !== undefined && fixed.start <= fixed.end ? fixed.start : undefined,
      fixed.end,
    );
  }
  const kind = period === "winter" ? "winter" : "summer";
  const found = calendarHolidays(calendar)
    .filter((w) => w.kind === kind && w.end >= asOf)
    .sort((a, b) => (a.end < b.end ? -1 : 1))[0];
  if (found || kind === "winter") return found;
  const thisYear = `${year(asOf)}-08-31`;
  return window("summer", undefined, asOf <= thisYear ? thisYear : `${Number(year(asOf)) + 1}-08-31`);
}
