import { addDays } from "date-fns/addDays";
import { getDay } from "date-fns/getDay";
import { getDaysInMonth } from "date-fns/getDaysInMonth";
import { lastDayOfMonth } from "date-fns/lastDayOfMonth";
import { HouqinError } from "./errors.js";
import { dateToIso, type IsoDate, isoToDate, makeIsoDate } from "./isoDate.js";

/**
 * The n-th given weekday of a month, for days fixed that way: 全民国防教育日 is the third Saturday
 * of September; 全国中小学生安全教育日 is the Monday of the last week of March (the last Monday).
 *
 * @param year - The calendar year (1–9999).
 * @param month - The month, 1 (January) to 12.
 * @param weekday - The weekday, 0 (Sunday) to 6 (Saturday), as `Date.getDay`.
 * @param n - 1 for the first, … 5 for the fifth, or -1 for the last.
 * @returns The date, or undefined when the month has no such day (a fifth Monday in most months).
 * @throws HouqinError `INVALID_ARGUMENT` when an argument is out of its range (a bug in the caller).
 * @example
 * nthWeekdayOfMonth(2023, 9, 6, 3) // "2023-09-16", the third Saturday
 * nthWeekdayOfMonth(2024, 3, 1, -1) // "2024-03-25", the last Monday
 * nthWeekdayOfMonth(2023, 2, 1, 5) // undefined
 */
export function nthWeekdayOfMonth(
  year: number,
  month: number,
  weekday: number,
  n: number,
): IsoDate | undefined {
  const first = makeIsoDate(year, month, 1);
  if (first === undefined) {
    throw new HouqinError("INVALID_ARGUMENT", `No such month: ${year}-${month}`);
  }
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
    throw new HouqinError("INVALID_ARGUMENT", `Weekday must be 0 (Sunday) to 6 (Saturday): ${weekday}`);
  }
  if (!(n === -1 || (Number.isInteger(n) && n >= 1 && n <= 5))) {
    throw new HouqinError("INVALID_ARGUMENT", `n must be 1 to 5, or -1 for the last: ${n}`);
  }
  const firstDay = isoToDate(first);
  if (n === -1) {
    const last = lastDayOfMonth(firstDay);
    return dateToIso(addDays(last, -((getDay(last) - weekday + 7) % 7)));
  }
  const dayOfMonth = 1 + ((weekday - getDay(firstDay) + 7) % 7) + (n - 1) * 7;
  return dayOfMonth <= getDaysInMonth(firstDay) ? makeIsoDate(year, month, dayOfMonth) : undefined;
}
