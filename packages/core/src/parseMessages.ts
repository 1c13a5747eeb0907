import type { Cell, ExcelErrorCode } from "./cell.js";
import type { Bilingual } from "./i18n.js";

const QUOTE_LIMIT = 40;

/**
 * The offending input as a message quotes it: white space collapsed, trimmed, and cut to 40
 * characters with "…" so that a huge cell cannot flood a report. Internal to houqin.
 */
export function quoteInput(text: string): string {
  const collapsed = text
    .slice(0, 400)
    .replace(/[\s\u0085]+/g, " ")
    .trim();
  const chars = Array.from(collapsed);
  return chars.length > QUOTE_LIMIT || text.length > 400
    ? `${chars.slice(0, QUOTE_LIMIT).join("")}…`
    : collapsed;
}

/** What a cell displays, for a message: its text, or its value when it displays nothing. Internal to houqin. */
export function shownText(cell: Cell): string {
  return typeof cell.text === "string" && cell.text.trim() !== "" ? cell.text : String(cell.value);
}

/** The message of a blank cell. */
export const BLANK_CELL: Bilingual = { "zh-CN": "单元格为空", en: "The cell is blank" };

/** The message of a cell holding an Excel error value such as #REF!. */
export function errorValueMessage(code: ExcelErrorCode): Bilingual {
  return { "zh-CN": `单元格是错误值 ${code}`, en: `The cell holds the error value ${code}` };
}
