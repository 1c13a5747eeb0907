/**
 * A decimal number as text digits and a power of ten, so that scaling and rounding never go through
 * floating point: value = (negative ? −1 : 1) × digits × 10^exponent. Internal to houqin.
 */
export interface DecimalParts {
  negative: boolean;
  /** ASCII digits without sign or point; may have leading zeros, or be "" for zero. */
  digits: string;
  exponent: number;
}

/**
 * Reads an unsigned decimal written with an optional "." and optional "," thousands separators in
 * groups of three ("1,234.50", "1234.5", ".5", "5."). Undefined for anything else ("1,5", "1e3").
 */
export function readUnsignedDecimal(text: string): DecimalParts | undefined {
  const m = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return undefined;
  const whole = (m[1] ?? "").replaceAll(",", "");
  const fraction = m[2] ?? "";
  if (whole === "" && fraction === "") return undefined;
  return { negative: false, digits: whole + fraction, exponent: 0 - fraction.length };
}

/**
 * Reads a plain decimal literal as code writes it: optional sign, digits, optional point and an
 * optional exponent ("2.5", "-0.125", "1e-7"). Undefined for anything else.
 */
export function readDecimalLiteral(text: string): DecimalParts | undefined {
  const m = /^([+-])?(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const [whole = "", fraction = ""] = (m[2] ?? "").split(".");
  const exponent = Number(m[3] ?? "0") - fraction.length;
  return { negative: m[1] === "-", digits: whole + fraction, exponent };
}

/** The exact decimal of a finite number's shortest round-trip text (`String(n)`): 1234.5 -> 12345e-1. */
export function numberToDecimal(n: number): DecimalParts | undefined {
  if (!Number.isFinite(n)) return undefined;
  const parts = readDecimalLiteral(String(Math.abs(n)));
  return parts && { ...parts, negative: n < 0 };
}

/**
 * Rounds a decimal to an integer, half away from zero. Undefined when the result would need more
 * than `maxDigits` digits (checked before any big string is built).
 */
export function roundHalfAwayFromZero(parts: DecimalParts, maxDigits: number): bigint | undefined {
  const digits = parts.digits.replace(/^0+/, "");
  if (digits === "") return 0n;
  const wholeLength = digits.length + parts.exponent;
  if (!(wholeLength <= maxDigits)) return undefined;
  let whole: string;
  let next: string;
  if (parts.exponent >= 0) {
    whole = digits + "0".repeat(parts.exponent);
    next = "0";
  } else if (wholeLength <= 0) {
    whole = "";
    next = wholeLength === 0 ? (digits[0] ?? "0") : "0";
  } else {
    whole = digits.slice(0, wholeLength);
    next = digits[wholeLength] ?? "0";
  }
  let magnitude = whole === "" ? 0n : BigInt(whole);
  if (next >= "5") magnitude += 1n;
  return parts.negative ? -magnitude : magnitude;
}

/** Rounds a ratio of big integers to the nearest integer, half away from zero. `divisor` > 0. */
export function divideHalfAwayFromZero(dividend: bigint, divisor: bigint): bigint {
  const magnitude = dividend < 0n ? -dividend : dividend;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  return dividend < 0n ? -quotient : quotient;
}
