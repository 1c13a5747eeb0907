import { HouqinError } from "./errors.js";
import type { Fen } from "./fen.js";

/** How {@link formatMoney} writes an amount. */
export interface FormatMoneyOptions {
  /** Put "¥" before the number. Default true. */
  symbol?: boolean;
  /** Group thousands with ",". Default true. */
  grouping?: boolean;
}

/**
 * Writes an amount of fen as yuan with two decimals, the way a Chinese finance sheet shows it.
 * The text reads back exactly through `parseMoney`.
 *
 * @param fen - the amount, a safe integer count of fen
 * @param options - whether to write the "¥" mark and thousands separators (both by default)
 * @returns the text, e.g. "¥1,234.50", "-¥1,234.50", "1234.50"
 * @throws HouqinError `INVALID_ARGUMENT` when `fen` is not a safe integer (a bug in the caller)
 * @example
 * formatMoney(123450) // "¥1,234.50"
 * formatMoney(-5) // "-¥0.05"
 * formatMoney(123450, { symbol: false, grouping: false }) // "1234.50"
 */
export function formatMoney(fen: Fen, options: FormatMoneyOptions = {}): string {
  if (!Number.isSafeInteger(fen)) {
    throw new HouqinError("INVALID_ARGUMENT", `Not a safe integer count of fen: ${fen}`);
  }
  const { symbol = true, grouping = true } = options;
  const digits = String(Math.abs(fen)).padStart(3, "0");
  const whole = digits.slice(0, -2);
  const cents = digits.slice(-2);
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+$)/g, ",") : whole;
  return `${fen < 0 ? "-" : ""}${symbol ? "¥" : ""}${grouped}.${cents}`;
}

/**
 * The amount in yuan as a JavaScript number, for display and charts only: it is a binary float,
 * so never add, compare or round it as money — compute in fen.
 *
 * @param fen - the amount, a safe integer count of fen
 * @returns fen / 100, the float nearest the exact yuan; below ¥10 trillion (|fen| < 10^15) `parseMoney`
 *   reads it back to the same fen
 * @example
 * fenToYuan(123450) // 1234.5
 */
export function fenToYuan(fen: Fen): number {
  return fen / 100;
}
