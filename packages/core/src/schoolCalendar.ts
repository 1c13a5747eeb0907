import { startOfISOWeek } from "date-fns/startOfISOWeek";
import { HouqinError } from "./errors.js";
import type { Bilingual } from "./i18n.js";
import { addDaysIso, dateToIso, type IsoDate, isIsoDate, isoToDate } from "./isoDate.js";
import { holidayDataCovers, holidayName, isWorkday } from "./statutoryCalendar.js";

/** A semester as the school's 校历 gives it, both ends inclusive. */
export interface Semester {
  readonly name: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** The school's own calendar settings (the 设置 sheet); they win over the State Council's calendar. */
export interface CalendarSettings {
  /** The semesters. Empty or absent: no semester limit, every workday counts. */
  readonly semesters?: readonly Semester[] | undefined;
  /** School closures: not school days even when they are workdays. */
  readonly closures?: readonly IsoDate[] | undefined;
  /** Extra school days, even on holidays and weekends, and even outside the semesters. */
  readonly extraDays?: readonly IsoDate[] | undefined;
}

/** Which way to look for a school day when a date is not one. */
export type SchoolDayDirection = "before" | "after";

/** An ISO week (Monday to Sunday) and its school days within a range. */
export interface SchoolWeek {
  /** The Monday of the week, which may lie before the range. */
  readonly weekStart: IsoDate;
  /** The Sunday of the week, which may lie after the range. */
  readonly weekEnd: IsoDate;
  /** The school days of the week inside the range, in order; never empty. */
  readonly days: readonly IsoDate[];
}

/**
 * The school calendar: the State Council's workdays (statutory holidays off, 调休 make-up days on),
 * limited to the semesters, minus the school's closures, plus its extra days.
 *
 * A date is a school day when it is an extra day, or when it lies inside a semester (if semesters
 * are given) and is a workday and not a closure. An extra day counts even outside every semester
 * (the school said so) and wins over a closure of the same date.
 *
 * Every method throws HouqinError `INVALID_DATE` for a text that is not a real ISO date. Answers
 * are memoised per date, so asking again costs a map look-up.
 */
export interface SchoolCalendar {
  /** The semesters, sorted by start. */
  readonly semesters: readonly Semester[];

  /**
   * Whether a date is a school day.
   * @param date - The calendar date.
   * @returns True for a school day.
   * @example
   * // first semester 2023-09-01..2024-01-31
   * calendar.isSchoolDay("2023-10-07") // true, a make-up Saturday
   * calendar.isSchoolDay("2023-10-02") // false, National Day
   */
  isSchoolDay(date: IsoDate): boolean;

  /**
   * Whether a date is a workday of the State Council's calendar, whatever the school's settings.
   * @param date - The calendar date.
   * @returns True for a workday.
   * @example calendar.isWorkday("2024-02-04") // true, a make-up Sunday
   */
  isWorkday(date: IsoDate): boolean;

  /**
   * The statutory holiday a date is a day off for.
   * @param date - The calendar date.
   * @returns Its Chinese and English names, or undefined.
   * @example calendar.holidayName("2023-10-02") // { "zh-CN": "国庆节", en: "National Day" }
   */
  holidayName(date: IsoDate): Bilingual | undefined;

  /**
   * The semester a date lies in.
   * @param date - The calendar date.
   * @returns The semester, or undefined outside every semester.
   * @example calendar.semesterOf("2023-10-02")?.name // "2023–2024 第一学期"
   */
  semesterOf(date: IsoDate): Semester | undefined;

  /**
   * The school days from one date to another, both inclusive.
   * @param from - The first date.
   * @param to - The last date.
   * @returns The school days in order; empty when `to` is before `from`.
   * @example calendar.schoolDays("2023-10-01", "2023-10-09") // ["2023-10-07", "2023-10-08", "2023-10-09"]
   */
  schoolDays(from: IsoDate, to: IsoDate): IsoDate[];

  /**
   * The ISO weeks (Monday to Sunday) that meet a range, each with its school days inside the range.
   * A week with no school day is left out: it has no weekly duty.
   * @param from - The first date.
   * @param to - The last date.
   * @returns The weeks in order; empty when `to` is before `from`.
   * @example
   * calendar.schoolWeeks("2023-10-02", "2023-10-08")
   * // [{ weekStart: "2023-10-02", weekEnd: "2023-10-08", days: ["2023-10-07", "2023-10-08"] }]
   */
  schoolWeeks(from: IsoDate, to: IsoDate): SchoolWeek[];

  /**
   * The n-th school day strictly after a date.
   * @param date - The calendar date.
   * @param n - Which school day, 1 or more; 1 by default.
   * @returns The school day, or undefined when there is none (after the last semester and extra day).
   * @throws HouqinError `INVALID_ARGUMENT` when `n` is not a positive integer.
   * @example calendar.nextSchoolDay("2023-09-28") // "2023-10-07"
   */
  nextSchoolDay(date: IsoDate, n?: number): IsoDate | undefined;

  /**
   * The n-th school day strictly before a date.
   * @param date - The calendar date.
   * @param n - Which school day, 1 or more; 1 by default.
   * @returns The school day, or undefined when there is none (before the first semester and extra day).
   * @throws HouqinError `INVALID_ARGUMENT` when `n` is not a positive integer.
   * @example calendar.previousSchoolDay("2023-10-07") // "2023-09-28"
   */
  previousSchoolDay(date: IsoDate, n?: number): IsoDate | undefined;

  /**
   * The date itself when it is a school day, else the nearest school day in one direction: where an
   * activity of a themed day goes when the day is not a school day.
   * @param date - The calendar date.
   * @param prefer - `"before"` (the default) or `"after"`.
   * @returns The school day, or undefined when there is none that way.
   * @example calendar.nearestSchoolDay("2023-10-01") // "2023-09-28"
   */
  nearestSchoolDay(date: IsoDate, prefer?: SchoolDayDirection): IsoDate | undefined;

  /**
   * Moves by n school days: n > 0 is {@link SchoolCalendar.nextSchoolDay}, n < 0 is
   * {@link SchoolCalendar.previousSchoolDay}; n = 0 gives the date itself when it is a school day,
   * else the next school day (a deadline rolls forward to a school day).
   * @param date - The calendar date.
   * @param n - The number of school days, an integer.
   * @returns The school day, or undefined when there is none.
   * @throws HouqinError `INVALID_ARGUMENT` when `n` is not an integer.
   * @example calendar.addSchoolDays("2023-09-28", 2) // "2023-10-08"
   */
  addSchoolDays(date: IsoDate, n: number): IsoDate | undefined;

  /**
   * The number of school days after `a` up to and including `b`: how many school days something
   * took ("responded within 1 school day"). When `b` is before `a` it is minus the number of school
   * days from `b` up to but excluding `a`, so that `schoolDaysBetween(d, addSchoolDays(d, n))` is
   * `n` for every n other than 0.
   * @param a - The start, not counted.
   * @param b - The end, counted.
   * @returns The count; 0 when the dates are equal.
   * @example calendar.schoolDaysBetween("2023-09-28", "2023-10-08") // 2
   */
  schoolDaysBetween(a: IsoDate, b: IsoDate): number;

  /**
   * The years of a range that the holiday data does not cover, where it matters: for the days
   * inside a semester (every day, with no semesters). In those years weekdays are treated as
   * workdays; a caller should warn "holiday data for 2027 not available".
   * @param from - The first date.
   * @param to - The last date.
   * @returns The years in order; empty when `to` is before `from`.
   * @example createSchoolCalendar().uncoveredYears("2026-09-01", "2027-01-31") // [2027], with data to 2026
   */
  uncoveredYears(from: IsoDate, to: IsoDate): number[];
}

/** The first date {@link isIsoDate} accepts. */
const FIRST_DATE: IsoDate = "0100-01-01";
const LAST_DATE: IsoDate = "9999-12-31";

function checkDate(date: IsoDate): void {
  if (!isIsoDate(date)) throw new HouqinError("INVALID_DATE", `Not an ISO date: ${String(date)}`);
}

function checkCount(n: number, allowZeroAndNegative: boolean): void {
  const ok = Number.isInteger(n) && (allowZeroAndNegative || n >= 1);
  if (!ok) {
    const wanted = allowZeroAndNegative ? "an integer" : "a positive integer";
    throw new HouqinError("INVALID_ARGUMENT", `The number of school days must be ${wanted}: ${n}`);
  }
}

/** Index of the last element of a sorted array whose key is <= value, or -1. */
function lastAtOrBefore<T>(sorted: readonly T[], value: IsoDate, key: (item: T) => IsoDate): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid] as T) <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function validSemesters(semesters: readonly Semester[]): readonly Semester[] {
  for (const s of semesters) {
    if (!isIsoDate(s.start) || !isIsoDate(s.end)) {
      throw new HouqinError("INVALID_CALENDAR", `Semester "${s.name}" has a date that is not an ISO date`);
    }
    if (s.start > s.end) {
      throw new HouqinError(
        "INVALID_CALENDAR",
        `Semester "${s.name}" starts ${s.start}, after its end ${s.end}`,
      );
    }
  }
  const sorted = [...semesters]
    .sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0))
    .map((s) => Object.freeze({ name: s.name, start: s.start, end: s.end }));
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1] as Semester;
    const after = sorted[i] as Semester;
    if (after.start <= before.end) {
      throw new HouqinError("INVALID_CALENDAR", `Semesters "${before.name}" and "${after.name}" overlap`);
    }
  }
  return Object.freeze(sorted);
}

function validDates(dates: readonly IsoDate[], what: string): IsoDate[] {
  for (const d of dates) {
    if (!isIsoDate(d))
      throw new HouqinError("INVALID_CALENDAR", `A ${what} is not an ISO date: ${String(d)}`);
  }
  return [...new Set(dates)].sort();
}

/**
 * Builds the school calendar from the school's settings. The settings are checked as invariants:
 * parsing the settings sheet is where a user learns of a bad date; here it is a bug.
 *
 * @param settings - Semesters, closures and extra days; all optional.
 * @returns The calendar, whose answers are memoised.
 * @throws HouqinError `INVALID_CALENDAR` when a date is not an ISO date, a semester ends before it
 * starts, or two semesters overlap.
 * @example
 * const calendar = createSchoolCalendar({
 *   semesters: [{ name: "2023–2024 第一学期", start: "2023-09-01", end: "2024-01-31" }],
 *   closures: ["2023-11-20"],
 * });
 * calendar.isSchoolDay("2023-10-07") // true, a make-up Saturday
 * calendar.isSchoolDay("2023-11-20") // false, a closure
 */
export function createSchoolCalendar(settings: CalendarSettings = {}): SchoolCalendar {
  const semesters = validSemesters(settings.semesters ?? []);
  const closures = new Set(validDates(settings.closures ?? [], "closure"));
  const extraDays = validDates(settings.extraDays ?? [], "extra day");
  const extraSet = new Set(extraDays);
  const limited = semesters.length > 0;
  const memo = new Map<IsoDate, boolean>();

  /** The semester of a valid date. */
  function findSemester(date: IsoDate): Semester | undefined {
    const s = semesters[lastAtOrBefore(semesters, date, (x) => x.start)];
    return s !== undefined && date <= s.end ? s : undefined;
  }

  function semesterOf(date: IsoDate): Semester | undefined {
    checkDate(date);
    return findSemester(date);
  }

  function isSchoolDay(date: IsoDate): boolean {
    const known = memo.get(date);
    if (known !== undefined) return known;
    const workday = isWorkday(date); // validates the date
    const answer =
      extraSet.has(date) ||
      ((!limited || findSemester(date) !== undefined) && workday && !closures.has(date));
    memo.set(date, answer);
    return answer;
  }

  /** The first date after `date` where a school day may be, skipping the gaps between semesters. */
  function nextCandidate(date: IsoDate): IsoDate | undefined {
    if (!limited || extraSet.has(date) || findSemester(date) !== undefined) {
      return date === LAST_DATE ? undefined : addDaysIso(date, 1);
    }
    const semester = semesters[lastAtOrBefore(semesters, date, (s) => s.start) + 1];
    const extra = extraDays[lastAtOrBefore(extraDays, date, (d) => d) + 1];
    if (semester === undefined) return extra;
    return extra !== undefined && extra < semester.start ? extra : semester.start;
  }

  /** The last date before `date` where a school day may be, skipping the gaps between semesters. */
  function previousCandidate(date: IsoDate): IsoDate | undefined {
    if (!limited || extraSet.has(date) || findSemester(date) !== undefined) {
      return date === FIRST_DATE ? undefined : addDaysIso(date, -1);
    }
    const semester = semesters[lastAtOrBefore(semesters, date, (s) => s.start)];
    const extra = extraDays[lastAtOrBefore(extraDays, date, (d) => d)]; // date is not an extra day
    if (semester === undefined) return extra;
    return extra !== undefined && extra > semester.end ? extra : semester.end;
  }

  /** The first school day on or after a valid date. */
  function firstFrom(date: IsoDate): IsoDate | undefined {
    let d: IsoDate | undefined = date;
    while (d !== undefined && !isSchoolDay(d)) d = nextCandidate(d);
    return d;
  }

  /** The last school day on or before a valid date. */
  function lastUpTo(date: IsoDate): IsoDate | undefined {
    let d: IsoDate | undefined = date;
    while (d !== undefined && !isSchoolDay(d)) d = previousCandidate(d);
    return d;
  }

  const afterMemo = new Map<IsoDate, IsoDate | undefined>();
  const beforeMemo = new Map<IsoDate, IsoDate | undefined>();

  /** The first school day strictly after a valid date. */
  function after(date: IsoDate): IsoDate | undefined {
    if (afterMemo.has(date)) return afterMemo.get(date);
    const found = date === LAST_DATE ? undefined : firstFrom(addDaysIso(date, 1));
    afterMemo.set(date, found);
    return found;
  }

  /** The last school day strictly before a valid date. */
  function before(date: IsoDate): IsoDate | undefined {
    if (beforeMemo.has(date)) return beforeMemo.get(date);
    const found = date === FIRST_DATE ? undefined : lastUpTo(addDaysIso(date, -1));
    beforeMemo.set(date, found);
    return found;
  }

  function nextSchoolDay(date: IsoDate, n = 1): IsoDate | undefined {
    checkDate(date);
    checkCount(n, false);
    let d: IsoDate | undefined = date;
    for (let i = 0; i < n && d !== undefined; i++) d = after(d);
    return d;
  }

  function previousSchoolDay(date: IsoDate, n = 1): IsoDate | undefined {
    checkDate(date);
    checkCount(n, false);
    let d: IsoDate | undefined = date;
    for (let i = 0; i < n && d !== undefined; i++) d = before(d);
    return d;
  }

  /** Calls `visit` with each school day from `from` to `to`, both inclusive. */
  function eachSchoolDay(from: IsoDate, to: IsoDate, visit: (day: IsoDate) => void): void {
    checkDate(from);
    checkDate(to);
    if (from > to) return;
    let d = isSchoolDay(from) ? from : after(from);
    while (d !== undefined && d <= to) {
      visit(d);
      d = after(d);
    }
  }

  function schoolDays(from: IsoDate, to: IsoDate): IsoDate[] {
    const days: IsoDate[] = [];
    eachSchoolDay(from, to, (day) => days.push(day));
    return days;
  }

  function countSchoolDays(from: IsoDate, to: IsoDate): number {
    let count = 0;
    eachSchoolDay(from, to, () => count++);
    return count;
  }

  const calendar: SchoolCalendar = {
    semesters,
    isSchoolDay: (date) => isSchoolDay(date),
    isWorkday: (date) => isWorkday(date),
    holidayName: (date) => holidayName(date),
    semesterOf,
    schoolDays,
    schoolWeeks(from, to) {
      const weeks: SchoolWeek[] = [];
      let current: { weekStart: IsoDate; weekEnd: IsoDate; days: IsoDate[] } | undefined;
      for (const day of schoolDays(from, to)) {
        if (current === undefined || day > current.weekEnd) {
          const weekStart = dateToIso(startOfISOWeek(isoToDate(day)));
          current = { weekStart, weekEnd: addDaysIso(weekStart, 6), days: [] };
          weeks.push(current);
        }
        current.days.push(day);
      }
      return weeks;
    },
    nextSchoolDay,
    previousSchoolDay,
    nearestSchoolDay(date, prefer = "before") {
      if (isSchoolDay(date)) return date;
      return prefer === "after" ? after(date) : before(date);
    },
    addSchoolDays(date, n) {
      checkDate(date);
      checkCount(n, true);
      if (n > 0) return nextSchoolDay(date, n);
      if (n < 0) return previousSchoolDay(date, -n);
      return isSchoolDay(date) ? date : after(date);
    },
    schoolDaysBetween(a, b) {
      checkDate(a);
      checkDate(b);
      if (a < b) return countSchoolDays(addDaysIso(a, 1), b);
      if (b < a) return -countSchoolDays(b, addDaysIso(a, -1));
      return 0;
    },
    uncoveredYears(from, to) {
      checkDate(from);
      checkDate(to);
      const years: number[] = [];
      for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
        if (holidayDataCovers(year)) continue;
        const yyyy = String(year).padStart(4, "0");
        const start = `${yyyy}-01-01` > from ? `${yyyy}-01-01` : from;
        const end = `${yyyy}-12-31` < to ? `${yyyy}-12-31` : to;
        if (!limited || semesters.some((s) => s.start <= end && start <= s.end)) years.push(year);
      }
      return years;
    },
  };
  return Object.freeze(calendar);
}
