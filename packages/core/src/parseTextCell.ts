import type { Cell } from "./cell.js";
import { isCellError, parseErrorText } from "./cellErrors.js";
import { normalizeText } from "./normalizeText.js";
import { type Parsed, parsedError, parsedOk } from "./parsed.js";
import { BLANK_CELL, errorValueMessage } from "./parseMessages.js";

/**
 * Reads a cell as text, normalised by `normalizeText` (half-width, single spaces, trimmed). A number
 * or boolean cell gives the text Excel displays (so 0.5 formatted as "50%" reads "50%"), or its plain
 * value when nothing is displayed.
 *
 * @param cell - the cell
 * @returns the text; or `blank` (nothing but white space) or `error-value` (an Excel error, also as
 *   text such as "#N/A")
 * @example
 * parseTextCell({ value: " 张　三 ", text: " 张　三 " }) // { ok: true, value: "张 三" }
 * parseTextCell({ value: 45170, text: "2023/9/1" }) // { ok: true, value: "2023/9/1" }
 */
export function parseTextCell(cell: Cell): Parsed<string> {
  const value: unknown = cell.value;
  if (value === null || value === undefined) return parsedError("blank", BLANK_CELL);
  if (isCellError(value)) return parsedError("error-value", errorValueMessage(value.error));
  let raw: string;
  if (typeof value === "string") raw = value;
  else if (typeof cell.text === "string" && normalizeText(cell.text) !== "") raw = cell.text;
  else if (typeof value === "boolean") raw = value ? "TRUE" : "FALSE";
  else raw = String(value);
  const text = normalizeText(raw);
  if (text === "") return parsedError("blank", BLANK_CELL);
  const error = parseErrorText(text);
  return error ? parsedError("error-value", errorValueMessage(error)) : parsedOk(text);
}
