import type { Cell } from "./cell.js";
import { isCellError, parseErrorText } from "./cellErrors.js";
import { readUnsignedDecimal } from "./decimalParts.js";
import { normalizeText } from "./normalizeText.js";
import { type Parsed, parsedError, parsedOk } from "./parsed.js";
import { BLANK_CELL, errorValueMessage, quoteInput, shownText } from "./parseMessages.js";

const PERCENT_RE = /\s*([%‰])$/;
const UNIT_RE =
  /\s*((?:\p{Script=Han}|[㎡㎥℃])+|kwh|kw|kg|mg|km|cm|mm|ml|min|pcs|m2|m3|m²|m³|g|t|m|l|h|s|w)$/iu;
/** Units that start with 十/百/千 but are units, not multipliers ("3千" is refused: 3 or 3000?). */
const UNITS_WITH_NUMERALS = new Set(["千克", "千米", "千瓦", "千瓦时", "千帕", "千卡", "百分点"]);
const NUMERAL_START_RE = /^[〇零一二三四五六七八九两十百千]/;

function notANumber(quoted: string): Parsed<number> {
  return parsedError("not-a-number", {
    "zh-CN": `“${quoted}”不是可识别的数字`,
    en: `"${quoted}" is not a number houqin can read`,
  });
}

/** The power of ten a unit word adds (万 ×10⁴, 亿 ×10⁸), or undefined when it is not a plain unit. */
function unitExponent(unit: string): number | undefined {
  let exponent = 0;
  let rest = unit;
  if (rest.startsWith("万") || rest.startsWith("亿")) {
    exponent = rest.startsWith("万") ? 4 : 8;
    rest = rest.slice(1);
  }
  if (NUMERAL_START_RE.test(rest) && !UNITS_WITH_NUMERALS.has(rest)) return undefined;
  return exponent;
}

function fromText(value: string): Parsed<number> {
  const text = normalizeText(value).replace(/\u2212/g, "-");
  if (text === "") return parsedError("blank", BLANK_CELL);
  const error = parseErrorText(text);
  if (error) return parsedError("error-value", errorValueMessage(error));
  const quoted = quoteInput(value);

  let rest = text;
  const sign = /^([+-])\s*/.exec(rest);
  if (sign) rest = rest.slice(sign[0].length);
  let exponent = 0;
  const percent = PERCENT_RE.exec(rest);
  const unit = percent ? null : UNIT_RE.exec(rest);
  if (percent) {
    exponent = percent[1] === "%" ? -2 : -3;
    rest = rest.slice(0, percent.index);
  } else if (unit) {
    const unitPower = unitExponent(unit[1] ?? "");
    if (unitPower === undefined) return notANumber(quoted);
    exponent = unitPower;
    rest = rest.slice(0, unit.index);
  }
  const parts = readUnsignedDecimal(rest);
  if (!parts) return notANumber(quoted);
  const digits = parts.digits.replace(/^0+/, "") || "0";
  const number = Number(`${sign?.[1] === "-" ? "-" : ""}${digits}e${parts.exponent + exponent}`);
  if (!Number.isFinite(number)) {
    return parsedError("out-of-range", {
      "zh-CN": `数字“${quoted}”太大，无法处理`,
      en: `The number "${quoted}" is too large for houqin`,
    });
  }
  return parsedOk(number === 0 ? 0 : number);
}

/**
 * Reads a number cell. Numbers are kept as they are (finite only); text may hold full-width digits,
 * a sign, "," thousands separators in groups of three, a percent or per-mille sign ("5%" → 0.05), or a
 * trailing unit that is dropped: Chinese ("12人", "3台", "5千克"), common Latin ones ("5.5 kg",
 * "3 m²") — with 万 and 亿 read as multipliers ("1.2万人" → 12000). Text is converted in one correctly
 * rounded step, so "0.1" is exactly the number 0.1.
 *
 * @param cell - the cell
 * @returns the number; or `blank`, `error-value`, `out-of-range` (text too large for a number) or
 *   `not-a-number` (booleans, "3千" — 3 or 3000? — and anything else)
 * @example
 * parseNumberCell({ value: "１２人", text: "１２人" }) // { ok: true, value: 12 }
 * parseNumberCell({ value: "5%", text: "5%" }) // { ok: true, value: 0.05 }
 * parseNumberCell({ value: "1,234.5 kg", text: "1,234.5 kg" }) // { ok: true, value: 1234.5 }
 */
export function parseNumberCell(cell: Cell): Parsed<number> {
  const value: unknown = cell.value;
  if (value === null || value === undefined) return parsedError("blank", BLANK_CELL);
  if (isCellError(value)) return parsedError("error-value", errorValueMessage(value.error));
  if (typeof value === "number") {
    return Number.isFinite(value) ? parsedOk(value) : notANumber(String(value));
  }
  if (typeof value === "string") return fromText(value);
  return notANumber(quoteInput(typeof value === "boolean" ? shownText(cell) : typeof value));
}
