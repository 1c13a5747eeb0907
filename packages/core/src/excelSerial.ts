import type { DateSystem } from "./cell.js";
import { HouqinError } from "./errors.js";
import { type IsoDate, isIsoDate, isoText } from "./isoDate.js";

const DAY_MS = 86_400_000;
/** Day 0 of the 1900 system for dates from 1900-03-01 on (Excel counts a phantom 1900-02-29). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Day 0 of the 1904 system. */
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** Excel's phantom 1900-02-29 in the 1900 system. */
const PHANTOM_SERIAL = 60;

/**
 * The calendar date of an Excel date serial number. In the 1900 system serial 1 is 1900-01-01,
 * serial 60 is Excel's phantom 1900-02-29 (no such day: undefined) and serial 61 is 1900-03-01; in
 * the 1904 system (old Mac files) serial 0 is 1904-01-01. The fraction (time of day) is ignored.
 * Computed on whole days in UTC, so the machine's time zone does not matter.
 *
 * @param serial - the stored number
 * @param system - the workbook's date system
 * @returns the date, or undefined for the phantom day, serials before the first day, after
 *   9999-12-31, or not finite
 * @example
 * serialToIso(45170, "1900") // "2023-09-01"
 * serialToIso(60, "1900") // undefined (1900-02-29 never existed)
 * serialToIso(43708, "1904") // "2023-09-01"
 */
export function serialToIso(serial: number, system: DateSystem): IsoDate | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const day = Math.floor(serial);
  let ms: number;
  if (system === "1904") {
    if (day < 0) return undefined;
    ms = EPOCH_1904 + day * DAY_MS;
  } else {
    if (day < 1 || day === PHANTOM_SERIAL) return undefined;
    ms = EPOCH_1900 + (day < PHANTOM_SERIAL ? day + 1 : day) * DAY_MS;
  }
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  // A real day (the Date's own) of the years 1–9999, written unchecked: a serial read for every date
  // cell of a big sheet need not be checked again.
  if (!(year >= 1 && year <= 9999)) return undefined;
  return isoText(year, date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * The Excel date serial number of a calendar date (the inverse of {@link serialToIso}).
 *
 * @param iso - a date from 1900-01-01 (1900 system) or 1904-01-01 (1904 system) on
 * @param system - the workbook's date system
 * @returns the serial number, a whole number of days
 * @throws HouqinError `INVALID_DATE` when `iso` is not a real date; `INVALID_ARGUMENT` when it is
 *   before the first day of the system
 * @example
 * isoToSerial("2023-09-01", "1900") // 45170
 * isoToSerial("1900-03-01", "1900") // 61
 * isoToSerial("1904-01-01", "1904") // 0
 */
export function isoToSerial(iso: IsoDate, system: DateSystem): number {
  if (!isIsoDate(iso)) throw new HouqinError("INVALID_DATE", `Not an ISO date: ${iso}`);
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  const ms = utc.getTime();
  if (system === "1904") {
    const serial = (ms - EPOCH_1904) / DAY_MS;
    if (serial < 0) throw new HouqinError("INVALID_ARGUMENT", `${iso} is before the 1904 date system`);
    return serial;
  }
  const days = (ms - EPOCH_1900) / DAY_MS;
  if (days < 2) throw new HouqinError("INVALID_ARGUMENT", `${iso} is before the 1900 date system`);
  return days <= PHANTOM_SERIAL ? days - 1 : days;
}
