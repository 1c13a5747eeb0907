import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HouqinError } from "../errors.js";
import { fenToYuan, formatMoney } from "../formatMoney.js";
import { parseMoney } from "../parseMoney.js";

describe("formatMoney", () => {
  it.each([
    [123450, "¥1,234.50"],
    [-123450, "-¥1,234.50"],
    [0, "¥0.00"],
    [-0, "¥0.00"],
    [5, "¥0.05"],
    [-5, "-¥0.05"],
    [100, "¥1.00"],
    [100000000, "¥1,000,000.00"],
    [Number.MAX_SAFE_INTEGER, "¥90,071,992,547,409.91"],
  ])("writes %i fen as %s", (amount, text) => {
    expect(formatMoney(amount)).toBe(text);
  });

  it("leaves out the symbol or the grouping on request", () => {
    expect(formatMoney(123450, { symbol: false })).toBe("1,234.50");
    expect(formatMoney(123450, { grouping: false })).toBe("¥1234.50");
    expect(formatMoney(-123450, { symbol: false, grouping: false })).toBe("-1234.50");
  });

  it.each([1.5, Number.NaN, 2 ** 53])(
    "throws INVALID_ARGUMENT for %d, which is not a safe integer",
    (amount) => {
      expect(() => formatMoney(amount)).toThrow(HouqinError);
      try {
        formatMoney(amount);
      } catch (error) {
        expect((error as HouqinError).code).toBe("INVALID_ARGUMENT");
      }
    },
  );
});

describe("fenToYuan", () => {
  it("divides by 100 for display", () => {
    expect(fenToYuan(123450)).toBe(1234.5);
    expect(fenToYuan(-5)).toBe(-0.05);
  });

  it("gives a number that parseMoney reads back to the same fen below 10^15 fen", () => {
    const amounts = fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }).map(Number),
    );
    fc.assert(
      fc.property(amounts, (amount) => {
        expect(parseMoney(fenToYuan(amount))).toEqual({ ok: true, value: amount === 0 ? 0 : amount });
      }),
    );
  });
});
