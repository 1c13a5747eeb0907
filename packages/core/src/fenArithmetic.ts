import {
  type DecimalParts,
  numberToDecimal,
  readDecimalLiteral,
  roundHalfAwayFromZero,
} from "./decimalParts.js";
import { HouqinError } from "./errors.js";
import type { Fen } from "./fen.js";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function assertFen(value: Fen, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new HouqinError("INVALID_ARGUMENT", `${name} is not a safe integer count of fen: ${value}`);
  }
}

function toFen(value: bigint | undefined, operation: string): Fen {
  if (value === undefined || value > MAX_SAFE || value < -MAX_SAFE) {
    throw new HouqinError("MONEY_OVERFLOW", `${operation} is outside the safe integer range of fen`);
  }
  return Number(value);
}

function quantityParts(quantity: number | string): DecimalParts {
  const parts = typeof quantity === "number" ? numberToDecimal(quantity) : readDecimalLiteral(quantity);
  if (!parts) throw new HouqinError("INVALID_ARGUMENT", `Not a decimal quantity: ${String(quantity)}`);
  return parts;
}

/**
 * Adds two amounts of fen.
 *
 * @param a - an amount in fen
 * @param b - an amount in fen
 * @returns a + b
 * @throws HouqinError `MONEY_OVERFLOW` when the sum is not a safe integer; `INVALID_ARGUMENT` when an
 *   operand is not a safe integer
 * @example
 * addFen(123450, 50) // 123500
 */
export function addFen(a: Fen, b: Fen): Fen {
  assertFen(a, "a");
  assertFen(b, "b");
  return toFen(BigInt(a) + BigInt(b), "addFen");
}

/**
 * Sums amounts of fen exactly (in big integers, so no partial sum can lose a fen).
 *
 * @param values - amounts in fen
 * @returns their sum, 0 for none
 * @throws HouqinError `MONEY_OVERFLOW` when the total is not a safe integer; `INVALID_ARGUMENT` when a
 *   value is not a safe integer
 * @example
 * sumFen([123450, -50, 1]) // 123401
 */
export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0n;
  for (const value of values) {
    assertFen(value, "A value");
    total += BigInt(value);
  }
  return toFen(total, "sumFen");
}

/**
 * Multiplies a unit price in fen by a quantity, exactly, and rounds the result half away from zero
 * to the fen. The quantity is taken as the decimal it is written as (a number through its shortest
 * text), so 2.5 kg at ¥3.99 is exactly 997.5 fen → 998.
 *
 * @param fen - the unit price in fen
 * @param quantity - a number, or a plain decimal literal such as "2.5", "-1", "1e-3"
 * @returns fen × quantity, rounded to the fen
 * @throws HouqinError `MONEY_OVERFLOW` when the result is not a safe integer; `INVALID_ARGUMENT` when
 *   the quantity is not a finite decimal (read untrusted text with `parseNumberCell` first)
 * @example
 * multiplyFen(399, 2.5) // 998
 * multiplyFen(1999, "3") // 5997
 */
export function multiplyFen(fen: Fen, quantity: number | string): Fen {
  assertFen(fen, "fen");
  if (typeof quantity === "number" && Number.isSafeInteger(quantity)) {
    // A whole quantity: the product of two integers is exact in a double while it is a safe integer
    // (a larger one rounds to 2^53 or beyond, which is not), so only out-of-range products take the
    // exact path below, to fail as it does. `+ 0` turns −0 into 0, as the exact path gives.
    const product = fen * quantity;
    if (Number.isSafeInteger(product)) return product + 0;
  }
  const q = quantityParts(quantity);
  const product = BigInt(fen) * BigInt(q.digits === "" ? "0" : q.digits);
  const negative = product < 0n !== q.negative;
  const magnitude = product < 0n ? -product : product;
  const rounded = roundHalfAwayFromZero({ negative, digits: magnitude.toString(), exponent: q.exponent }, 17);
  return toFen(rounded, "multiplyFen");
}

/**
 * Splits an amount in proportion to ratios so that the parts add up exactly to the amount
 * (largest-remainder method: each part gets its share rounded toward zero, then the fen left over go
 * one each to the parts with the largest remainders, earlier parts first on ties). A negative total
 * is split like its absolute value, every part negated.
 *
 * @param total - the amount in fen
 * @param ratios - non-negative finite weights, at least one above zero (e.g. [1, 1, 1] or [0.3, 0.7])
 * @returns one part per ratio, in order; parts of zero ratios are 0
 * @throws HouqinError `INVALID_ARGUMENT` when `total` is not a safe integer, `ratios` is empty, or a
 *   ratio is negative or not finite, or all are zero
 * @example
 * allocateFen(100, [1, 1, 1]) // [34, 33, 33]
 * allocateFen(-1001, [0.5, 0.5]) // [-501, -500]
 */
export function allocateFen(total: Fen, ratios: readonly number[]): Fen[] {
  assertFen(total, "total");
  if (ratios.length === 0) throw new HouqinError("INVALID_ARGUMENT", "allocateFen needs at least one ratio");
  const parts = ratios.map((ratio) => {
    const decimal = ratio >= 0 ? numberToDecimal(ratio) : undefined;
    if (!decimal) throw new HouqinError("INVALID_ARGUMENT", `Not a non-negative finite ratio: ${ratio}`);
    return decimal;
  });
  const minExponent = parts.reduce((min, p) => Math.min(min, p.exponent), 0);
  const weights = parts.map(
    (p) => BigInt(p.digits === "" ? "0" : p.digits) * 10n ** BigInt(p.exponent - minExponent),
  );
  const weightSum = weights.reduce((sum, w) => sum + w, 0n);
  if (weightSum === 0n) throw new HouqinError("INVALID_ARGUMENT", "allocateFen needs a ratio above zero");

  const amount = BigInt(Math.abs(total));
  const shares = weights.map((w) => (amount * w) / weightSum);
  const remainders = weights.map((w) => (amount * w) % weightSum);
  let left = amount - shares.reduce((sum, s) => sum + s, 0n);
  const order = remainders
    .map((_, i) => i)
    .sort((i, j) => {
      const ri = remainders[i] ?? 0n;
      const rj = remainders[j] ?? 0n;
      return ri === rj ? i - j : ri > rj ? -1 : 1;
    });
  for (const i of order) {
    if (left === 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((share) => Number(total < 0 ? -share : share));
}
