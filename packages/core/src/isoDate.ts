import { addDays } from "date-fns/addDays";
import { isValid } from "date-fns/isValid";
import { HouqinError } from "./errors.js";

/**
 * A calendar date of the school (Asia/Shanghai) as "YYYY-MM-DD". Dates are never instants:
 * arithmetic goes through local-midnight `Date`s built by {@link isoToDate}, which date-fns
 * shifts by whole days whatever the machine's time zone.
 */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the string is a real "YYYY-MM-DD" date (no 2023-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] as number;
  return d <= days;
}

/**
 * "YYYY-MM-DD" of a year, month and day, zero-padded as written, unchecked: the caller knows the
 * day is real (or checks the text). Internal to houqin.
 */
export function isoText(year: number, month: number, day: number): string {
  const y = year < 1000 ? String(year).padStart(4, "0") : String(year);
  return `${y}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/**
 * The local-midnight `Date` of an ISO date.
 * @throws HouqinError `INVALID_DATE` when the text is not a real date (a bug in the caller).
 * @example isoToDate("2023-09-01").getDate() // 1
 */
export function isoToDate(iso: IsoDate): Date {
  if (!isIsoDate(iso)) throw new HouqinError("INVALID_DATE", `Not an ISO date: ${iso}`);
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  date.setFullYear(y); // years 0–99
  return date;
}

/**
 * The ISO date of a `Date`'s local calendar day.
 * @example dateToIso(new Date(2023, 8, 1)) // "2023-09-01"
 */
export function dateToIso(date: Date): IsoDate {
  if (!isValid(date)) throw new HouqinError("INVALID_DATE", "Invalid Date");
  return isoText(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** Builds an ISO date from year, month (1–12) and day, or undefined when there is no such day. */
export function makeIsoDate(year: number, month: number, day: number): IsoDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1 || year > 9999) return undefined;
  const iso = isoText(year, month, day);
  return isIsoDate(iso) ? iso : undefined;
}

/**
 * The date n calendar days after (or before, for negative n) a date.
 * @example addDaysIso("2023-09-30", 2) // "2023-10-02"
 */
export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  return dateToIso(addDays(isoToDate(iso), days));
}
