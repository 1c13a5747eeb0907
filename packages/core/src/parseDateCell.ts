import type { Cell, DateSystem } from "./cell.js";
import { isCellError, parseErrorText } from "./cellErrors.js";
import { HouqinError } from "./errors.js";
import { isoToSerial, serialToIso } from "./excelSerial.js";
import { type IsoDate, makeIsoDate } from "./isoDate.js";
import { normalizeText } from "./normalizeText.js";
import { type Parsed, parsedError, parsedOk } from "./parsed.js";
import { BLANK_CELL, errorValueMessage, quoteInput, shownText } from "./parseMessages.js";

/** How {@link parseDateCell} reads a cell. */
export interface ParseDateCellOptions {
  /** The workbook's date system for serial numbers. Default "1900". */
  dateSystem?: DateSystem;
  /** The year of dates written without one ("9月1日", "9/1"), e.g. from the sheet's school year. */
  defaultYear?: number;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const LAST_DAY = `${MAX_YEAR}-12-31`;

const WEEKDAY_RE = /\(?\s*(?:周|星期|礼拜)[一二三四五六日天]\s*\)?/g;
const TIME_RE =
  /(?:\s+|T|(?<=[日号]))(?:上午|下午|中午|晚上|早上)?\s*(?:\d{1,2}(?::\d{1,2}){1,2}(?:\.\d+)?(?:\s*[AP]M)?|\d{1,2}[时点](?:\d{1,2}分(?:\d{1,2}秒)?|半)?)\s*(?:Z|[+-]\d{2}:?\d{2})?$/i;

const YMD_CJK_RE = /^(\d{4}|\d{2})年(\d{1,2})月(\d{1,2})[日号]?$/;
const YMD_SEP_RE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const YY_MD_SEP_RE = /^(\d{2})([-/.])(\d{1,2})\2(\d{1,2})$/;
const YMD_COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const MD_CJK_RE = /^(\d{1,2})月(\d{1,2})[日号]?$/;
const MD_SEP_RE = /^(\d{1,2})([-/.])(\d{1,2})$/;

const EXAMPLE = {
  "zh-CN": "可写作 2023-09-01 或 2023年9月1日",
  en: "write it like 2023-09-01 or 2023年9月1日",
};

function notADate(quoted: string): Parsed<IsoDate> {
  return parsedError("not-a-date", {
    "zh-CN": `“${quoted}”不是可识别的日期（${EXAMPLE["zh-CN"]}）`,
    en: `"${quoted}" is not a date houqin can read (${EXAMPLE.en})`,
  });
}

/** A two-digit year as Excel reads it: 00–29 → 2000–2029, 30–99 → 1930–1999. */
function expandYear(text: string): number {
  const year = Number(text);
  return text.length === 4 ? year : year + (year <= 29 ? 2000 : 1900);
}

function fromParts(year: number, month: string, day: string, quoted: string): Parsed<IsoDate> {
  const iso = makeIsoDate(year, Number(month), Number(day));
  if (iso === undefined) return notADate(quoted);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return parsedError("out-of-range", {
      "zh-CN": `日期“${quoted}”不在 ${MIN_YEAR}–${MAX_YEAR} 年之间`,
      en: `The date "${quoted}" is not between the years ${MIN_YEAR} and ${MAX_YEAR}`,
    });
  }
  return parsedOk(iso);
}

/** The serials of the last day read (2200-12-31) in the two date systems. */
const LAST_SERIAL_1900 = isoToSerial(LAST_DAY, "1900");
const LAST_SERIAL_1904 = isoToSerial(LAST_DAY, "1904");

/** A number cell's date (the cell is quoted only in a message). */
function fromNumber(value: number, system: DateSystem, cell: Cell): Parsed<IsoDate> {
  if (Number.isInteger(value) && value >= MIN_YEAR * 10_000 && value <= MAX_YEAR * 10_000 + 1231) {
    const digits = String(value);
    return fromParts(
      Number(digits.slice(0, 4)),
      digits.slice(4, 6),
      digits.slice(6, 8),
      quoteInput(shownText(cell)),
    );
  }
  if (!Number.isFinite(value)) return notADate(quoteInput(shownText(cell)));
  const day = Math.floor(value);
  if (system === "1900" && day === 60) {
    const quoted = quoteInput(shownText(cell));
    return parsedError("not-a-date", {
      "zh-CN": `“${quoted}”是 Excel 虚构的日期 1900年2月29日（1900年没有2月29日）`,
      en: `"${quoted}" is Excel's phantom date 1900-02-29, a day that never existed`,
    });
  }
  const iso =
    day <= (system === "1904" ? LAST_SERIAL_1904 : LAST_SERIAL_1900) ? serialToIso(day, system) : undefined;
  return iso === undefined ? notADate(quoteInput(shownText(cell))) : parsedOk(iso);
}

function fromText(value: string, options: ParseDateCellOptions): Parsed<IsoDate> {
  const normalized = normalizeText(value);
  if (normalized === "") return parsedError("blank", BLANK_CELL);
  const error = parseErrorText(normalized);
  if (error) return parsedError("error-value", errorValueMessage(error));
  const quoted = quoteInput(value);
  const text = normalized
    .replace(WEEKDAY_RE, " ")
    .trim()
    .replace(TIME_RE, "")
    .replace(/\s*([年月日号/.-])\s*/g, "$1");

  const full = YMD_CJK_RE.exec(text) ?? YMD_SEP_RE.exec(text) ?? YMD_COMPACT_RE.exec(text);
  if (full) {
    const [, year = "", ...rest] = full;
    const [month = "", day = ""] = rest.filter((part) => !/^[-/.]$/.test(part));
    return fromParts(expandYear(year), month, day, quoted);
  }
  const short = YY_MD_SEP_RE.exec(text);
  if (short && Number(short[1]) > 12) {
    return fromParts(expandYear(short[1] ?? ""), short[3] ?? "", short[4] ?? "", quoted);
  }
  const noYear = MD_CJK_RE.exec(text) ?? MD_SEP_RE.exec(text);
  if (noYear) {
    const [, month = "", ...rest] = noYear;
    const day = rest.find((part) => /^\d+$/.test(part)) ?? "";
    if (options.defaultYear === undefined) {
      return parsedError("ambiguous-date", {
        "zh-CN": `“${quoted}”没有写年份，无法确定是哪一天（请写成 2023年9月1日 这样的完整日期）`,
        en: `"${quoted}" has no year, so houqin cannot tell which day it is (write the full date, like 2023-09-01)`,
      });
    }
    return fromParts(options.defaultYear, month, day, quoted);
  }
  return notADate(quoted);
}

/**
 * Reads a date cell into an ISO date, from an Excel serial number or from text in the forms Chinese
 * workbooks use.
 *
 * - Numbers: a serial in the workbook's date system, for the years 1900–2200 (the fraction, a time
 *   of day, is ignored); an 8-digit number such as 20230901 is read as yyyymmdd. Serial 60 in the 1900
 *   system is Excel's phantom 1900-02-29 and is refused.
 * - Text (full-width tolerated): "2023年9月1日", "2023/9/1", "2023.9.1", "2023-09-01", "20230901";
 *   a trailing time ("08:30", "8:30:00", "8时30分") and a weekday ("(周五)", "星期五") are ignored.
 *   Without a year ("9月1日", "9/1", "09-01", "9.1") the year is `options.defaultYear`.
 * - Two-digit years: "23年9月1日" always; "23/9/1" only when the first number is above 12, so that it
 *   cannot be an American month/day/year ("9/1/23" is refused). 00–29 mean 2000–2029 and 30–99 mean
 *   1930–1999, as in Excel. Day/month/year orders are never guessed: "12/31/2023" is refused.
 *
 * Never throws on cell content.
 *
 * @param cell - the cell
 * @param options - the date system (default "1900") and the year of dates written without one
 * @returns the date; or `blank`, `error-value` (an Excel error such as #REF!), `ambiguous-date` (no
 *   year and no `defaultYear`), `out-of-range` (a real date in text outside 1900–2200) or `not-a-date`
 * @throws HouqinError `INVALID_ARGUMENT` when `options.defaultYear` is not an integer from 1 to 9999
 * @example
 * parseDateCell({ value: 45170, text: "2023/9/1" }) // { ok: true, value: "2023-09-01" }
 * parseDateCell({ value: "2023年9月1日(周五)", text: "2023年9月1日(周五)" }) // { ok: true, value: "2023-09-01" }
 * parseDateCell({ value: "9月1日", text: "9月1日" }, { defaultYear: 2024 }) // { ok: true, value: "2024-09-01" }
 * parseDateCell({ value: "12/31/2023", text: "12/31/2023" }).ok // false ("not-a-date")
 */
export function parseDateCell(cell: Cell, options: ParseDateCellOptions = {}): Parsed<IsoDate> {
  const { defaultYear } = options;
  if (
    defaultYear !== undefined &&
    !(Number.isInteger(defaultYear) && defaultYear >= 1 && defaultYear <= 9999)
  ) {
    throw new HouqinError("INVALID_ARGUMENT", `defaultYear is not a year: ${defaultYear}`);
  }
  const value: unknown = cell.value;
  if (value === null || value === undefined) return parsedError("blank", BLANK_CELL);
  if (isCellError(value)) return parsedError("error-value", errorValueMessage(value.error));
  if (typeof value === "string") return fromText(value, options);
  if (typeof value === "number") return fromNumber(value, options.dateSystem ?? "1900", cell);
  return notADate(quoteInput(typeof value === "boolean" ? shownText(cell) : typeof value));
}
