import type { Cell } from "./cell.js";
import { isCellError, parseErrorText } from "./cellErrors.js";
import { normalizeText } from "./normalizeText.js";
import { type Parsed, parsedError, parsedOk } from "./parsed.js";
import { BLANK_CELL, errorValueMessage, quoteInput, shownText } from "./parseMessages.js";

const TRUE_WORDS = ["是", "√", "✓", "✔", "☑", "合格", "有", "已", "已完成", "完成", "对", "正常"];
const TRUE_LATIN = ["Y", "YES", "TRUE", "T", "1"];
const FALSE_WORDS = ["否", "×", "✗", "✘", "☒", "X", "不合格", "无", "没有", "未", "未完成", "错", "异常"];
const FALSE_LATIN = ["N", "NO", "FALSE", "F", "0"];

const WORDS: ReadonlyMap<string, boolean> = new Map([
  ...TRUE_WORDS.map((word) => [word, true] as const),
  ...TRUE_LATIN.map((word) => [word, true] as const),
  ...FALSE_WORDS.map((word) => [word, false] as const),
  ...FALSE_LATIN.map((word) => [word, false] as const),
]);

function notABoolean(quoted: string): Parsed<boolean> {
  return parsedError("not-a-boolean", {
    "zh-CN": `“${quoted}”不是可识别的是/否值（可写作 是、否、√、× 等）`,
    en: `"${quoted}" is not a yes/no value houqin can read (write 是, 否, √, × or similar)`,
  });
}

/**
 * Reads a yes/no cell as school forms fill it in. Case-insensitive and full-width tolerant.
 *
 * - true: 是 √ ✓ ✔ ☑ 合格 有 已 已完成 完成 对 正常 Y YES TRUE T 1
 * - false: 否 × ✗ ✘ ☒ x X 不合格 无 没有 未 未完成 错 异常 N NO FALSE F 0
 * - a boolean cell as it is; the numbers 1 and 0.
 *
 * @param cell - the cell
 * @returns the boolean; or `blank`, `error-value`, or `not-a-boolean` for anything else
 * @example
 * parseBooleanCell({ value: "√", text: "√" }) // { ok: true, value: true }
 * parseBooleanCell({ value: "不合格", text: "不合格" }) // { ok: true, value: false }
 * parseBooleanCell({ value: "ｙｅｓ", text: "ｙｅｓ" }) // { ok: true, value: true }
 */
export function parseBooleanCell(cell: Cell): Parsed<boolean> {
  const value: unknown = cell.value;
  if (value === null || value === undefined) return parsedError("blank", BLANK_CELL);
  if (isCellError(value)) return parsedError("error-value", errorValueMessage(value.error));
  if (typeof value === "boolean") return parsedOk(value);
  if (typeof value === "number") {
    if (value === 1 || value === 0) return parsedOk(value === 1);
    return notABoolean(quoteInput(shownText(cell)));
  }
  if (typeof value !== "string") return notABoolean(typeof value);
  const text = normalizeText(value);
  if (text === "") return parsedError("blank", BLANK_CELL);
  const error = parseErrorText(text);
  if (error) return parsedError("error-value", errorValueMessage(error));
  const word = WORDS.get(text.toUpperCase());
  return word === undefined ? notABoolean(quoteInput(value)) : parsedOk(word);
}
