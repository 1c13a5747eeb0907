import {
  addDaysIso,
  type Bilingual,
  HouqinError,
  type IsoDate,
  makeIsoDate,
  nthWeekdayOfMonth,
  type SchoolCalendar,
  type SchoolDayDirection,
} from "@houqin/core";
import type { ThemedDayId } from "./plan.js";

/** A national or local day that safety education and drills are held on. */
export interface ThemedDay {
  title: Bilingual;
  /**
   * The day in a calendar year, before any move to a school day.
   * @throws HouqinError `INVALID_ARGUMENT` for a year outside 1–9999.
   */
  date(year: number): IsoDate;
}

function fixed(month: number, day: number): (year: number) => IsoDate {
  return (year) => {
    const date = makeIsoDate(year, month, day);
    if (date === undefined) throw new HouqinError("INVALID_ARGUMENT", `No such year: ${year}`);
    return date;
  };
}

function nth(month: number, weekday: number, n: number): (year: number) => IsoDate {
  return (year) => {
    if (!Number.isInteger(year) || year < 1 || year > 9999) {
      throw new HouqinError("INVALID_ARGUMENT", `No such year: ${year}`);
    }
    // A last (-1) or third weekday exists in every month.
    return nthWeekdayOfMonth(year, month, weekday, n) as IsoDate;
  };
}

/**
 * The themed days a safety plan can name, with how each falls in a year.
 *
 * - `disaster-prevention`: 5月12日 全国防灾减灾日;
 * - `air-defence`: 9月18日, the air-raid alarm drill (local custom);
 * - `fire-safety`: 11月9日 全国消防日;
 * - `student-safety-education`: 全国中小学生安全教育日, "每年3月份最后一周的星期一" (since 1996),
 *   read as the last Monday of March, even when its week runs into April: that is how the day has
 *   been held (2025-03-31 was the 30th, 2022-03-28 the 27th). A "last full week of March" reading
 *   would give 2025-03-24, which is not the day.
 * - `national-security`: 4月15日 全民国家安全教育日;
 * - `national-defence-education`: 全民国防教育日, the third Saturday of September.
 *
 * @example
 * THEMED_DAYS["disaster-prevention"].date(2024) // "2024-05-12"
 * THEMED_DAYS["student-safety-education"].date(2025) // "2025-03-31"
 * THEMED_DAYS["national-defence-education"].title["zh-CN"] // "全民国防教育日"
 */
export const THEMED_DAYS: Readonly<Record<ThemedDayId, ThemedDay>> = {
  "disaster-prevention": {
    title: { "zh-CN": "全国防灾减灾日", en: "Disaster Prevention and Reduction Day" },
    date: fixed(5, 12),
  },
  "air-defence": {
    title: { "zh-CN": "9·18 防空警报日", en: "Air-raid alarm day (18 September)" },
    date: fixed(9, 18),
  },
  "fire-safety": {
    title: { "zh-CN": "全国消防日", en: "Fire Safety Day" },
    date: fixed(11, 9),
  },
  "student-safety-education": {
    title: { "zh-CN": "全国中小学生安全教育日", en: "National Safety Education Day for Pupils" },
    date: nth(3, 1, -1),
  },
  "national-security": {
    title: { "zh-CN": "全民国家安全教育日", en: "National Security Education Day" },
    date: fixed(4, 15),
  },
  "national-defence-education": {
    title: { "zh-CN": "全民国防教育日", en: "National Defence Education Day" },
    date: nth(9, 6, 3),
  },
};

/** How many days a themed day's activity may move; further means a break lies that way. */
const MAX_SHIFT_DAYS = 7;

/**
 * When a themed day's activity is held in a year: the day itself when it is a school day, else
 * the nearest school day before it (or after it, when the school's setting says so). A move of
 * more than a week means a break lies that way (9.18 on a Sunday before a semester that starts on
 * the 19th must not go back to July): the activity then goes to the nearest school day the other
 * way, within a week, or is not held at all.
 *
 * @param id - The themed day.
 * @param year - The calendar year.
 * @param calendar - The school calendar.
 * @param direction - `"before"` (the default) or `"after"`.
 * @returns The school day, or undefined when no school day lies within a week of the themed day.
 * @throws HouqinError `INVALID_ARGUMENT` for a year outside 1–9999.
 * @example
 * const calendar = createSchoolCalendar();
 * themedDate("air-defence", 2023, calendar) // "2023-09-18", a Monday
 * themedDate("fire-safety", 2024, calendar) // "2024-11-08": 11.9 is a Saturday
 * themedDate("fire-safety", 2024, calendar, "after") // "2024-11-11"
 */
export function themedDate(
  id: ThemedDayId,
  year: number,
  calendar: SchoolCalendar,
  direction: SchoolDayDirection = "before",
): IsoDate | undefined {
  const day = THEMED_DAYS[id].date(year);
  const earliest = addDaysIso(day, -MAX_SHIFT_DAYS);
  const latest = addDaysIso(day, MAX_SHIFT_DAYS);
  const within = (d: IsoDate | undefined): IsoDate | undefined =>
    d !== undefined && d >= earliest && d <= latest ? d : undefined;
  const other: SchoolDayDirection = direction === "before" ? "after" : "before";
  return within(calendar.nearestSchoolDay(day, direction)) ?? within(calendar.nearestSchoolDay(day, other));
}
