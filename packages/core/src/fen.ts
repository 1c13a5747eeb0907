/**
 * An amount of money in fen (分, 1/100 yuan): always a safe integer (`Number.isSafeInteger`), so that
 * sums and splits are exact. ¥1,234.50 is `123450`. Read amounts with `parseMoney`, show them with
 * `formatMoney`, and compute with `addFen`, `sumFen`, `multiplyFen` and `allocateFen`.
 *
 * @example
 * const price: Fen = 123450; // ¥1,234.50
 */
export type Fen = number;
