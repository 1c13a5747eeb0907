import { allocateFen, type Fen } from "@houqin/core";

/**
 * `part` of `whole` units of a value, exact to the fen (the value's own split when part ≤ whole), for
 * `reconcileStocktake`; internal to the package. Quantities count to the millionth.
 *
 * Equal to `allocateFen(value, [p, w − p])[0]` for part ≤ whole (p and w the quantities in
 * millionths), worked out directly for the usual case, both safe integers: of two shares, the fen
 * the rounding down leaves (none or one) goes to the first share unless its remainder is the smaller.
 *
 * @param value - the value of `whole` units, in fen
 * @param part - how many units (> 0)
 * @param whole - how many units `value` is the value of
 * @returns the value of `part` units, in fen
 * @example
 * shareOf(465000, 1, 45) // 10333
 */
export function shareOf(value: Fen, part: number, whole: number): Fen {
  const p = Math.round(part * 1e6);
  const w = Math.round(whole * 1e6);
  if (p === 0) return 0;
  if (p <= w) {
    if (!(Number.isSafeInteger(value) && Number.isSafeInteger(p) && p > 0 && Number.isSafeInteger(w)))
      return allocateFen(value, [p, w - p])[0] ?? 0;
    const amount = BigInt(Math.abs(value));
    const first = amount * BigInt(p);
    const second = amount * BigInt(w - p);
    const whole = BigInt(w);
    let share = first / whole;
    const left = amount - share - second / whole;
    if (left > 0n && first % whole >= second % whole) share += 1n;
    return Number(value < 0 ? -share : share);
  }
  // More than the whole: the value times part/whole, rounded half up.
  const num = 2n * BigInt(value) * BigInt(p) + BigInt(w);
  return Number(num / (2n * BigInt(w)));
}
