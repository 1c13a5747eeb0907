import type { Cell } from "./cell.js";
import { isCellError, parseErrorText } from "./cellErrors.js";
import { normalizeText } from "./normalizeText.js";
import { type ParseDateCellOptions, parseDateCell } from "./parseDateCell.js";
import { type Parsed, parsedError, parsedOk } from "./parsed.js";
import { BLANK_CELL, shownText } from "./parseMessages.js";

const CN_MONTHS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

const YEAR_MONTH_RE = /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:月份?)?$/;
const SHORT_YEAR_MONTH_RE = /^(\d{2})年(\d{1,2})月份?$/;
const COMPACT_RE = /^(\d{4})(\d{2})$/;
const MONTH_ONLY_RE = /^(\d{1,2})\s*月份?$/;
const CN_MONTH_RE = /^(十[一二]?|[一二三四五六七八九])月份?$/;

function yearMonth(year: number, month: number, quoted: string): Parsed<string> {
  if (!Number.isInteger(month) || month < 1 || month > 12 || year < 1900 || year > 2200)
    return notAMonth(quoted);
  return parsedOk(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`);
}

function notAMonth(quoted: string): Parsed<string> {
  return parsedError("not-a-date", {
    "zh-CN": `“${quoted}”不是可识别的月份（可写作 2023-09 或 2023年9月）`,
    en: `"${quoted}" is not a month houqin can read (write it like 2023-09 or 2023年9月)`,
  });
}

function yearless(month: number, defaultYear: number | undefined, quoted: string): Parsed<string> {
  if (defaultYear === undefined)
    return parsedError("ambiguous-date", {
      "zh-CN": `“${quoted}”没有写年份，无法确定是哪一年的月份（请写成 2023年9月）`,
      en: `"${quoted}" has no year, so houqin cannot tell which month it is (write it like 2023-09)`,
    });
  return yearMonth(defaultYear, month, quoted);
}

/**
 * Reads a month: "2023-09", "2023年9月", "2023.9", "202309", "23年9月", a date (an Excel serial or text:
 * the month it falls in), or a month without a year ("9月", "九月", 9) in `options.defaultYear`.
 *
 * @param cell - the cell
 * @param options - the workbook's date system, and the year for a month written without one
 * @returns "YYYY-MM", or `not-a-date` / `ambiguous-date` (no year and no default) / `blank` / `error-value`
 * @example
 * parseMonthCell({ value: "2023年9月", text: "2023年9月" }) // { ok: true, value: "2023-09" }
 * parseMonthCell({ value: "11月", text: "11月" }, { defaultYear: 2023 }) // { ok: true, value: "2023-11" }
 * parseMonthCell({ value: 45170, text: "2023/9/1" }) // { ok: true, value: "2023-09" }
 */
export function parseMonthCell(cell: Cell, options: ParseDateCellOptions = {}): Parsed<string> {
  const defaultYear = options.defaultYear;
  const value: unknown = cell.value;
  if (value === null || value === undefined) return parsedError("blank", BLANK_CELL);
  if (isCellError(value)) return parseDateCell(cell);
  if (typeof value === "number") {
    const shown = shownText(cell);
    // 9 (a month number), 202309 (yyyymm), else a date serial or yyyymmdd.
    if (Number.isInteger(value) && value >= 1 && value <= 12) return yearless(value, defaultYear, shown);
    // A year alone, not a serial date in 1905.
    if (Number.isInteger(value) && value >= 1900 && value <= 2200) return notAMonth(shown);
    if (Number.isInteger(value) && value >= 190001 && value <= 220012)
      return yearMonth(Math.floor(value / 100), value % 100, shown);
    // 2023.10 kept by Excel as the number 2023.1: the displayed text says which month.
    const written = YEAR_MONTH_RE.exec(normalizeText(shown));
    if (!Number.isInteger(value) && written) return yearMonth(Number(written[1]), Number(written[2]), shown);
  }
  if (typeof value === "string") {
    const text = normalizeText(value).replace(/\s*([年月/.-])\s*/g, "$1");
    if (text === "") return parsedError("blank", BLANK_CELL);
    if (parseErrorText(text)) return parseDateCell(cell);
    const full = YEAR_MONTH_RE.exec(text) ?? COMPACT_RE.exec(text);
    if (full) return yearMonth(Number(full[1]), Number(full[2]), value);
    const short = SHORT_YEAR_MONTH_RE.exec(text);
    if (short) return yearMonth(2000 + Number(short[1]), Number(short[2]), value);
    const monthOnly = MONTH_ONLY_RE.exec(text) ?? (/^\d{1,2}$/.test(text) ? [text, text] : null);
    if (monthOnly) return yearless(Number(monthOnly[1]), defaultYear, value);
    const cn = CN_MONTH_RE.exec(text);
    if (cn) return yearless(CN_MONTHS[cn[1] ?? ""] ?? 0, defaultYear, value);
  }
  const date = parseDateCell(cell, options);
  if (date.ok) return parsedOk(date.value.slice(0, 7));
  return date.code === "not-a-date" ? notAMonth(shownText(cell)) : date;
}
