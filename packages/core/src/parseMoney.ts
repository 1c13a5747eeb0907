import { isCellError, parseErrorText } from "./cellErrors.js";
import {
  type DecimalParts,
  numberToDecimal,
  readUnsignedDecimal,
  roundHalfAwayFromZero,
} from "./decimalParts.js";
import type { Fen } from "./fen.js";
import type { Bilingual } from "./i18n.js";
import { normalizeText } from "./normalizeText.js";
import { type Parsed, parsedError, parsedOk } from "./parsed.js";
import { errorValueMessage, quoteInput } from "./parseMessages.js";

/** Powers of ten of the unit words after an amount, relative to yuan. */
const UNIT_EXPONENTS: Readonly<Record<string, number>> = {
  元: 0,
  元整: 0,
  圆: 0,
  圆整: 0,
  块: 0,
  块钱: 0,
  RMB: 0,
  CNY: 0,
  万: 4,
  万元: 4,
  亿: 8,
  亿元: 8,
  角: -1,
  分: -2,
};

const UNIT_RE = /\s*(元整|元|圆整|圆|块钱|块|RMB|CNY|万元|万|亿元|亿|角|分)$/i;
const PREFIX_RE = /^(?:¥|RMB|CNY|人民币)\s*/i;
const SIGN_RE = /^([+-])\s*/;
const PARENS_RE = /^\((.*)\)$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function notMoney(quoted: string): Parsed<Fen> {
  const message: Bilingual = {
    "zh-CN": `“${quoted}”不是可识别的金额（可写作 ¥1,234.50 或 1234.5元）`,
    en: `"${quoted}" is not an amount houqin can read (write it like ¥1,234.50 or 1234.5元)`,
  };
  return parsedError("not-money", message);
}

function outOfRange(quoted: string): Parsed<Fen> {
  return parsedError("out-of-range", {
    "zh-CN": `金额“${quoted}”超出可处理的范围（最多约 90 万亿元）`,
    en: `The amount "${quoted}" is too large (houqin handles up to about 90 trillion yuan)`,
  });
}

function toFen(parts: DecimalParts, quoted: string): Parsed<Fen> {
  const fen = roundHalfAwayFromZero({ ...parts, exponent: parts.exponent + 2 }, 16);
  if (fen === undefined || fen > MAX_SAFE || fen < -MAX_SAFE) return outOfRange(quoted);
  return parsedOk(Number(fen));
}

/**
 * The fen of an amount below a trillion yuan whose shortest text has at most two decimals (1234.5,
 * 0.07, -12), in float arithmetic; undefined for any other number. Exact: below 10^12 a number is
 * within 0.0001 of its decimal, so ×100 rounds to that decimal's fen, and the check that fen / 100 is
 * the number again holds only when a decimal of two places reads as it (then its shortest text is
 * that decimal). Every other number goes the decimal way.
 */
function wholeFen(n: number): Fen | undefined {
  if (!(n > -1e12 && n < 1e12)) return undefined;
  const fen = Math.round(n * 100);
  if (fen / 100 !== n) return undefined;
  return fen === 0 ? 0 : fen;
}

/** Reads the text of an amount into decimal yuan, or undefined when it is not one. */
function readAmountText(text: string): DecimalParts | undefined {
  let rest = text.replace(/\u2212/g, "-");
  let negative = false;
  let sawSign = false;
  let sawPrefix = false;
  for (;;) {
    const parens = sawSign ? null : PARENS_RE.exec(rest);
    if (parens) {
      negative = true;
      sawSign = true;
      rest = (parens[1] ?? "").trim();
      continue;
    }
    const sign = sawSign ? null : SIGN_RE.exec(rest);
    if (sign) {
      negative = sign[1] === "-";
      sawSign = true;
      rest = rest.slice(sign[0].length);
      continue;
    }
    const prefix = sawPrefix ? null : PREFIX_RE.exec(rest);
    if (prefix) {
      sawPrefix = true;
      rest = rest.slice(prefix[0].length);
      continue;
    }
    break;
  }
  let exponent = 0;
  const unit = UNIT_RE.exec(rest);
  if (unit) {
    exponent = UNIT_EXPONENTS[(unit[1] ?? "").toUpperCase()] ?? 0;
    rest = rest.slice(0, unit.index);
  }
  const number = readUnsignedDecimal(rest);
  return number && { negative, digits: number.digits, exponent: number.exponent + exponent };
}

/**
 * Reads an amount of money into integer fen, as finance clerks write it or as a cell stores it.
 *
 * Numbers are read through their shortest decimal text (1234.5 → 123450), never by multiplying
 * floats. Text may hold a currency mark (`¥`, `￥`, `RMB`, `CNY`, `人民币`), thousands separators in
 * groups of three (`,` or `，`), full-width digits, a sign (`-`, `－`, `+`) or accounting parentheses
 * `(100.00)` / `（100.00）` for a negative amount, and one unit word after the number: `元`, `元整`,
 * `圆`, `块`, `万`/`万元` (×10,000 yuan), `亿`/`亿元`, `角` (0.1 yuan) or `分` (0.01 yuan). Amounts
 * with more than two decimals of yuan are rounded half away from zero to the fen. Exponent notation
 * ("1E+3") and compound units ("3角5分") are refused. Never throws.
 *
 * @param input - the cell's value (a number or text)
 * @returns the amount in fen; or `blank` for empty text, `error-value` for text such as "#REF!",
 *   `out-of-range` beyond ±Number.MAX_SAFE_INTEGER fen, `not-money` for anything else
 * @example
 * parseMoney("¥1,234.50") // { ok: true, value: 123450 }
 * parseMoney("（100.00）") // { ok: true, value: -10000 }
 * parseMoney("1.2万元") // { ok: true, value: 1200000 }
 * parseMoney(1234.5) // { ok: true, value: 123450 }
 * parseMoney("12/31") // { ok: false, code: "not-money", message: { "zh-CN": "“12/31”不是可识别的金额…", … } }
 */
export function parseMoney(input: string | number): Parsed<Fen> {
  if (typeof input === "number") {
    const fen = wholeFen(input);
    if (fen !== undefined) return parsedOk(fen);
    const parts = numberToDecimal(input);
    return parts ? toFen(parts, String(input)) : notMoney(String(input));
  }
  const value: unknown = input;
  if (typeof value !== "string") {
    // Only reachable from untyped callers; still no throw.
    return isCellError(value)
      ? parsedError("error-value", errorValueMessage(value.error))
      : notMoney(typeof value);
  }
  const text = normalizeText(value);
  if (text === "") return blank();
  const error = parseErrorText(text);
  if (error) return parsedError("error-value", errorValueMessage(error));
  const parts = readAmountText(text);
  const quoted = quoteInput(value);
  return parts ? toFen(parts, quoted) : notMoney(quoted);
}

function blank(): Parsed<Fen> {
  return parsedError("blank", { "zh-CN": "金额为空", en: "The amount is blank" });
}
