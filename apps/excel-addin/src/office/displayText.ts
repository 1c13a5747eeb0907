import type { CellValue, DateSystem } from "@houqin/core";

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (serial 0 of the 1900 system, past its 1900-02-29) to 1970-01-01. */
const EPOCH_1900 = 25_569;
/** Days from the 1900 system's serial 0 to the 1904 system's serial 0. */
const OFFSET_1904 = 1_462;

/** The date and time codes of a number format, with its literals, colours and conditions removed. */
function formatCodes(format: string): string {
  return format
    .replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, "")
    .split(";")[0]
    ?.toLowerCase() as string;
}

/**
 * Tells whether an Excel number format shows a date or a time ("yyyy-mm-dd", "m/d/yy h:mm",
 * `yyyy"年"m"月"d"日"`), not a number ("General", "0.00", "¥#,##0.00", "0%").
 *
 * @param format - a number format code
 * @returns true when the format has date or time codes outside literals and brackets
 * @example isDateFormat("yyyy-mm-dd") // true; isDateFormat("#,##0.00") // false
 */
export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined || format === "" || format.toLowerCase() === "general") return false;
  return /[dmyhs]/.test(formatCodes(format));
}

/**
 * The text houqin shows for a date serial: "yyyy-mm-dd", "yyyy-mm-dd hh:mm[:ss]", or "hh:mm[:ss]" for a
 * time-only format — the same text the xlsx adapter gives.
 *
 * @param serial - the serial number
 * @param format - its number format
 * @param system - the workbook's date system
 * @returns the text
 * @example dateText(45537.5, "yyyy-mm-dd hh:mm", "1900") // "2024-09-02 12:00"
 */
export function dateText(serial: number, format: string | undefined, system: DateSystem): string {
  const days = Math.floor(serial);
  const seconds = Math.round((serial - days) * 86_400);
  const time = timeText(seconds);
  const codes = formatCodes(format ?? "");
  if (/[hs]/.test(codes) && !/[yd]/.test(codes)) return time;
  const date = dayText(days + Math.floor(seconds / 86_400), system);
  return seconds % 86_400 === 0 ? date : `${date} ${time}`;
}

/**
 * The serial number of a calendar date, as Excel's DATE() gives it in either date system.
 *
 * @example dateSerial(1904, 1, 1, "1900") // 1462; dateSerial(1904, 1, 1, "1904") // 0
 */
export function dateSerial(year: number, month: number, day: number, system: DateSystem): number {
  const days = Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
  if (system === "1904") return days + EPOCH_1900 - OFFSET_1904;
  const serial = days + EPOCH_1900;
  return serial <= 60 ? serial - 1 : serial; // serials before Excel's 1900-02-29 count from 1899-12-31
}

/**
 * The text of a value when Excel's own text cannot be used (a column too narrow shows "####"), or
 * when there is no Excel to ask (the fake): dates by {@link dateText}, other values as the other
 * adapters write them.
 *
 * @example valueText(45536, "yyyy-mm-dd", "1900") // "2024-09-01"; valueText(true, undefined, "1900") // "TRUE"
 */
export function valueText(value: CellValue, format: string | undefined, system: DateSystem): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object") return value.error;
  if (typeof value === "number")
    return isDateFormat(format) ? dateText(value, format, system) : String(value);
  return value;
}

function timeText(totalSeconds: number): string {
  const s = totalSeconds % 86_400;
  const hh = String(Math.floor(s / 3600)).padStart(2, "0");
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0");
  const ss = s % 60;
  return ss === 0 ? `${hh}:${mm}` : `${hh}:${mm}:${String(ss).padStart(2, "0")}`;
}

function dayText(days: number, system: DateSystem): string {
  if (system === "1900" && days === 60) return "1900-02-29"; // Excel's (Lotus's) day that never was
  const fromEpoch =
    system === "1904" ? days + OFFSET_1904 - EPOCH_1900 : days - EPOCH_1900 + (days < 60 ? 1 : 0);
  return new Date(fromEpoch * MS_PER_DAY).toISOString().slice(0, 10);
}
