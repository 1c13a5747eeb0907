import chineseDays from "chinese-days";
import { getDay } from "date-fns/getDay";
import type { Bilingual } from "./i18n.js";
import { type IsoDate, isoToDate, makeIsoDate } from "./isoDate.js";

/**
 * What kind of day a date is in the State Council's working calendar:
 * - `"weekday"`: Monday–Friday, a workday;
 * - `"weekend"`: Saturday or Sunday, a day off;
 * - `"holiday"`: a statutory holiday day off (it may fall on a weekend);
 * - `"makeUpWorkday"`: a 调休 make-up workday, usually a Saturday or Sunday.
 */
export type StatutoryDayKind = "weekday" | "weekend" | "holiday" | "makeUpWorkday";

/** A date of the State Council's working calendar (statutory holidays and 调休 make-up days). */
export interface StatutoryDay {
  readonly date: IsoDate;
  readonly kind: StatutoryDayKind;
  /** True for a weekday or a make-up workday. */
  readonly workday: boolean;
  /** The holiday of a `"holiday"` day, or the holiday a `"makeUpWorkday"` makes up for. */
  readonly holiday?: Bilingual;
}

const dayMemo = new Map<IsoDate, StatutoryDay>();
const coverMemo = new Map<number, boolean>();

/**
 * The holiday data of `chinese-days` for a date, or undefined when the package lists nothing.
 *
 * The package is asked with the ISO text, never a `Date`: it builds its own table from date texts
 * read as UTC midnight and formatted in local time, so in time zones west of UTC its keys sit one
 * day early. Asking with the same text goes through the same shift and finds the right entry in
 * every time zone. Its `date` and weekday fallback share that shift, so they are not used: an
 * entry is recognised by its name, "National Day,国庆节,3", against a plain weekday name ("Monday").
 */
function lookUp(date: IsoDate): { work: boolean; holiday: Bilingual } | undefined {
  // chinese-days reads years 0–99 as 1900–1999; it has no data before 2004 anyway.
  if (Number(date.slice(0, 4)) < 1000) return undefined;
  const detail = chineseDays.getDayDetail(date);
  const [en, zh] = detail.name.split(",");
  if (en === undefined || zh === undefined) return undefined;
  return { work: detail.work, holiday: { "zh-CN": zh, en } };
}

/**
 * The State Council's working calendar for a date, from the `chinese-days` data: statutory holidays
 * are days off, 调休 make-up days are workdays. In a year the data does not cover (see
 * {@link holidayDataCovers}) every Monday–Friday is a workday and every weekend a day off.
 *
 * @param date - The calendar date.
 * @returns The kind of day, whether it is a workday, and the holiday it belongs to.
 * @throws HouqinError `INVALID_DATE` when `date` is not a real ISO date.
 * @example
 * statutoryDay("2023-10-07")
 * // { date: "2023-10-07", kind: "makeUpWorkday", workday: true,
 * //   holiday: { "zh-CN": "国庆节", en: "National Day" } }
 */
export function statutoryDay(date: IsoDate): StatutoryDay {
  const known = dayMemo.get(date);
  if (known) return known;
  const weekday = getDay(isoToDate(date)); // validates the date
  const entry = lookUp(date);
  let day: StatutoryDay;
  if (entry) {
    day = Object.freeze({
      date,
      kind: entry.work ? "makeUpWorkday" : "holiday",
      workday: entry.work,
      holiday: Object.freeze(entry.holiday),
    });
  } else {
    const weekend = weekday === 0 || weekday === 6;
    day = Object.freeze({ date, kind: weekend ? "weekend" : "weekday", workday: !weekend });
  }
  dayMemo.set(date, day);
  return day;
}

/**
 * Whether a date is a workday of the State Council's calendar: Monday–Friday except statutory
 * holidays, plus 调休 make-up Saturdays and Sundays. Knows nothing of semesters or school closures;
 * for those use {@link SchoolCalendar.isSchoolDay}.
 *
 * @param date - The calendar date.
 * @returns True for a workday.
 * @throws HouqinError `INVALID_DATE` when `date` is not a real ISO date.
 * @example
 * isWorkday("2023-10-02") // false, National Day
 * isWorkday("2023-10-07") // true, a make-up Saturday
 */
export function isWorkday(date: IsoDate): boolean {
  return statutoryDay(date).workday;
}

/**
 * The name of the statutory holiday a date is a day off for, in Chinese and English. A make-up
 * workday is not a holiday: it gives undefined (its {@link statutoryDay} names the holiday it makes
 * up for).
 *
 * @param date - The calendar date.
 * @returns The holiday's name, or undefined when the date is not a statutory holiday.
 * @throws HouqinError `INVALID_DATE` when `date` is not a real ISO date.
 * @example
 * holidayName("2023-10-02") // { "zh-CN": "国庆节", en: "National Day" }
 * holidayName("2023-09-29") // { "zh-CN": "中秋", en: "Mid-autumn Festival" }
 * holidayName("2023-10-09") // undefined
 */
export function holidayName(date: IsoDate): Bilingual | undefined {
  const day = statutoryDay(date);
  return day.kind === "holiday" ? day.holiday : undefined;
}

/**
 * Whether the `chinese-days` package has holiday data for a year. The State Council announces a
 * year's holidays in the November before; for a year without data every Monday–Friday counts as
 * a workday, and callers should say so ("holiday data for 2027 not available").
 *
 * @param year - The calendar year.
 * @returns True when the package lists at least one holiday or make-up day in that year.
 * @example
 * holidayDataCovers(2023) // true
 * holidayDataCovers(1999) // false
 */
export function holidayDataCovers(year: number): boolean {
  const known = coverMemo.get(year);
  if (known !== undefined) return known;
  let covers = false;
  if (Number.isInteger(year) && year >= 1000 && year <= 9999) {
    // Every covered year has New Year's Day; scanning the whole year does not rely on that.
    for (let month = 1; month <= 12 && !covers; month++) {
      for (let day = 1; day <= 31 && !covers; day++) {
        const date = makeIsoDate(year, month, day);
        if (date !== undefined && lookUp(date) !== undefined) covers = true;
      }
    }
  }
  coverMemo.set(year, covers);
  return covers;
}
