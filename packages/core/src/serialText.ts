import type { DateSystem } from "./cell.js";
import { serialToIso } from "./excelSerial.js";

const SECONDS_PER_DAY = 86_400;
const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (serial 0 of the 1900 system, past its 1900-02-29) to 1970-01-01. */
const EPOCH_1900 = 25_569;
/** Days from the 1900 system's serial 0 to the 1904 system's serial 0. */
const OFFSET_1904 = 1_462;
/** Excel's phantom 1900-02-29 in the 1900 system. */
const PHANTOM_SERIAL = 60;

/**
 * The date and time codes of a number format's first section (the one a positive number shows
 * with), lower-cased, without its literals ("…", \x), brackets (colours, conditions, locales,
 * elapsed [h]), padding (_x) and fills (*x).
 */
function formatCodes(format: string): string {
  return format
    .replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, "")
    .split(";")[0]
    ?.toLowerCase() as string;
}

/**
 * Tells whether an Excel number format shows a date or a time ("yyyy-mm-dd", "m/d/yy h:mm",
 * `[Red]yyyy"年"m"月"d"日"`), not a number ("General", "0.00", "¥#,##0.00", "0%").
 *
 * @param format - a number format code, or undefined for none
 * @returns true when the format has date or time codes (d, m, y, h, s) outside literals and brackets
 * @example
 * isDateFormat("yyyy-mm-dd") // true
 * isDateFormat("hh:mm") // true
 * isDateFormat("#,##0.00") // false
 * isDateFormat("General") // false
 */
export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined || format === "" || format.toLowerCase() === "general") return false;
  return /[dmyhs]/.test(formatCodes(format));
}

/**
 * The text houqin shows for a date serial, whatever the workbook's own format: "yyyy-mm-dd" for a
 * whole day, "yyyy-mm-dd hh:mm" or "yyyy-mm-dd hh:mm:ss" with a time of day, and "hh:mm[:ss]" alone
 * for a time-only format (hours or seconds but no year or day). Times are rounded to the second, so
 * 23:59:59.6 is the next day's 00:00. Serial 60 of the 1900 system is Excel's 1900-02-29, a day that
 * never was. Serials outside {@link serialToIso}'s range (before the system's first day, after
 * 9999-12-31) read as the proleptic Gregorian date the same number of days from the epoch, cut to
 * ten characters ("1899-12-31" for serial 0 of the 1900 system, where Excel shows 1900-01-00).
 *
 * @param serial - the stored number (days, with the time of day as the fraction)
 * @param format - its number format, or undefined for none
 * @param system - the workbook's date system
 * @returns the text
 * @throws RangeError when the serial is not finite or too large for a JavaScript Date
 * @example
 * serialText(45537, "yyyy/m/d", "1900") // "2024-09-02"
 * serialText(45537.5, "yyyy-mm-dd hh:mm", "1900") // "2024-09-02 12:00"
 * serialText(0.75, "h:mm:ss", "1900") // "18:00"
 * serialText(60, "yyyy-mm-dd", "1900") // "1900-02-29"
 * serialText(0, "yyyy-mm-dd", "1904") // "1904-01-01"
 */
export function serialText(serial: number, format: string | undefined, system: DateSystem): string {
  const days = Math.floor(serial);
  const seconds = Math.round((serial - days) * SECONDS_PER_DAY);
  const time = timeText(seconds % SECONDS_PER_DAY);
  const codes = formatCodes(format ?? "");
  if (/[hs]/.test(codes) && !/[yd]/.test(codes)) return time;
  const date = dayText(days + Math.floor(seconds / SECONDS_PER_DAY), system);
  return seconds % SECONDS_PER_DAY === 0 ? date : `${date} ${time}`;
}

/** "hh:mm", or "hh:mm:ss" when the seconds are not zero, of a second of the day (0–86,399). */
function timeText(second: number): string {
  const hh = String(Math.floor(second / 3600)).padStart(2, "0");
  const mm = String(Math.floor((second % 3600) / 60)).padStart(2, "0");
  const ss = second % 60;
  return ss === 0 ? `${hh}:${mm}` : `${hh}:${mm}:${String(ss).padStart(2, "0")}`;
}

/** "yyyy-mm-dd" of a whole-day serial. */
function dayText(day: number, system: DateSystem): string {
  const iso = serialToIso(day, system);
  if (iso !== undefined) return iso;
  if (system === "1900" && day === PHANTOM_SERIAL) return "1900-02-29"; // Excel's (Lotus's) day that never was
  // Outside serialToIso's range: serials up to 59 of the 1900 system count from 1899-12-31, later
  // ones from 1899-12-30; those of the 1904 system from 1904-01-01.
  const fromUnixEpoch =
    system === "1904" ? day + OFFSET_1904 - EPOCH_1900 : day - EPOCH_1900 + (day < PHANTOM_SERIAL ? 1 : 0);
  return new Date(fromUnixEpoch * MS_PER_DAY).toISOString().slice(0, 10);
}
