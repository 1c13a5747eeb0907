import type { Cell, CellError, ExcelErrorCode } from "./cell.js";
import { normalizeText } from "./normalizeText.js";

const EXCEL_ERROR_CODES = {
  "#NULL!": true,
  "#DIV/0!": true,
  "#VALUE!": true,
  "#REF!": true,
  "#NAME?": true,
  "#NUM!": true,
  "#N/A": true,
  "#GETTING_DATA": true,
  "#SPILL!": true,
  "#CALC!": true,
  "#FIELD!": true,
  "#BLOCKED!": true,
  "#CONNECT!": true,
  "#BUSY!": true,
  "#UNKNOWN!": true,
} as const satisfies Record<ExcelErrorCode, true>;

function isExcelErrorCode(text: string): text is ExcelErrorCode {
  return Object.hasOwn(EXCEL_ERROR_CODES, text);
}

/**
 * Tells whether a cell value is an Excel error value (`{ error: "#REF!" }`).
 *
 * @param value - any value, typically a {@link Cell}'s `value`
 * @returns true for an object whose `error` is a known {@link ExcelErrorCode}
 * @example
 * isCellError({ error: "#N/A" }) // true
 * isCellError("#N/A") // false — a text cell; see parseErrorText
 */
export function isCellError(value: unknown): value is CellError {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const { error } = value;
  return typeof error === "string" && isExcelErrorCode(error);
}

/**
 * Recognises the text of an Excel error value, as a text cell or a CSV export holds it. Case,
 * full-width characters and surrounding spaces are tolerated.
 *
 * @param text - the text of a cell
 * @returns the error code, or undefined when the text is not an error literal
 * @example
 * parseErrorText(" #ref! ") // "#REF!"
 * parseErrorText("＃Ｎ／Ａ") // "#N/A"
 * parseErrorText("REF") // undefined
 */
export function parseErrorText(text: string): ExcelErrorCode | undefined {
  // Every error code starts with "#" ("＃" typed full-width): text without one is none.
  if (text.length > 100 || (!text.includes("#") && !text.includes("＃"))) return undefined;
  const code = normalizeText(text).toUpperCase();
  return isExcelErrorCode(code) ? code : undefined;
}

/**
 * Tells whether a cell is blank: no value, or text that is only white space (full-width spaces and
 * line breaks included).
 *
 * @param cell - a cell
 * @returns true when the cell holds nothing a person would read
 * @example
 * isBlankCell({ value: "　\n", text: "　\n" }) // true
 * isBlankCell({ value: 0, text: "0" }) // false
 */
export function isBlankCell(cell: Cell): boolean {
  const { value } = cell;
  if (value === null || value === undefined) return true;
  return typeof value === "string" && BLANK_TEXT.test(value);
}

/** Text that normalizeText turns into "": white space, U+0085 and zero-width spaces only. */
const BLANK_TEXT = /^[\s\u0085\u200B\u2060]*$/;
