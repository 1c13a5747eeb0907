import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HouqinError } from "../errors.js";
import { addFen, allocateFen, multiplyFen, sumFen } from "../fenArithmetic.js";

const MAX = Number.MAX_SAFE_INTEGER;
const anyFen = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.bigInt({ min: BigInt(-MAX), max: BigInt(MAX) }).map(Number),
);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof HouqinError ? error.code : "other";
  }
}

describe("addFen", () => {
  it("adds two amounts", () => {
    expect(addFen(123450, 50)).toBe(123500);
    expect(addFen(-1, 1)).toBe(0);
  });

  it("throws MONEY_OVERFLOW when the sum leaves the safe integer range", () => {
    expect(codeOf(() => addFen(MAX, 1))).toBe("MONEY_OVERFLOW");
    expect(codeOf(() => addFen(-MAX, -1))).toBe("MONEY_OVERFLOW");
  });

  it("throws INVALID_ARGUMENT for an amount that is not a safe integer", () => {
    expect(codeOf(() => addFen(0.5, 1))).toBe("INVALID_ARGUMENT");
  });
});

describe("sumFen", () => {
  it("sums amounts, 0 for none", () => {
    expect(sumFen([123450, -50, 1])).toBe(123401);
    expect(sumFen([])).toBe(0);
    expect(sumFen(new Set([1, 2, 3]))).toBe(6);
  });

  it("keeps a total in range even when a running float sum would leave it", () => {
    expect(sumFen([MAX, MAX, -MAX])).toBe(MAX);
  });

  it("equals the BigInt sum, or throws MONEY_OVERFLOW when that is out of range", () => {
    fc.assert(
      fc.property(fc.array(anyFen, { maxLength: 20 }), (values) => {
        const exact = values.reduce((sum, v) => sum + BigInt(v), 0n);
        if (exact > BigInt(MAX) || exact < BigInt(-MAX)) {
          expect(codeOf(() => sumFen(values))).toBe("MONEY_OVERFLOW");
        } else {
          expect(BigInt(sumFen(values))).toBe(exact);
        }
      }),
    );
  });
});

describe("multiplyFen", () => {
  it.each([
    [399, 2.5, 998],
    [399, "2.5", 998],
    [1999, 3, 5997],
    [1999, "3", 5997],
    [100, 0.333, 33],
    [3, 0.5, 2],
    [-3, 0.5, -2],
    [3, -0.5, -2],
    [1, 0.1 + 0.2, 0],
    [100000, 1e-7, 0],
    [500000, "1e-5", 5],
    [12345, 0, 0],
    [0, "1e999", 0],
  ])("multiplies %i fen by %s exactly, rounding half away from zero to %i", (amount, quantity, expected) => {
    expect(multiplyFen(amount, quantity)).toBe(expected);
  });

  it("throws MONEY_OVERFLOW when the product leaves the safe integer range", () => {
    expect(codeOf(() => multiplyFen(MAX, 2))).toBe("MONEY_OVERFLOW");
    expect(codeOf(() => multiplyFen(1, "1e999"))).toBe("MONEY_OVERFLOW");
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, "2.5kg", "", "abc"])(
    "throws INVALID_ARGUMENT for the quantity %j",
    (quantity) => {
      expect(codeOf(() => multiplyFen(100, quantity))).toBe("INVALID_ARGUMENT");
    },
  );

  it("multiplies by a whole quantity exactly, or throws MONEY_OVERFLOW, as the exact path does", () => {
    const whole = fc.oneof(
      fc.integer({ min: -100, max: 100 }),
      fc.constantFrom(0, -0, 1, -1, 2, 3, MAX, -MAX, 2 ** 26, 2 ** 27),
      fc.bigInt({ min: BigInt(-MAX), max: BigInt(MAX) }).map(Number),
    );
    const outcome = (run: () => number) => {
      try {
        return { value: run() };
      } catch (error) {
        return { code: error instanceof HouqinError ? error.code : "other" };
      }
    };
    fc.assert(
      fc.property(fc.oneof(anyFen, whole), whole, (amount, quantity) => {
        const product = BigInt(amount) * BigInt(quantity);
        const expected =
          product > BigInt(MAX) || product < BigInt(-MAX)
            ? { code: "MONEY_OVERFLOW" }
            : { value: Number(product) };
        // A string quantity always takes the exact (decimal) path: the two agree, −0 never comes out.
        expect(outcome(() => multiplyFen(amount, quantity))).toStrictEqual(expected);
        expect(outcome(() => multiplyFen(amount, String(quantity)))).toStrictEqual(expected);
        if ("value" in expected) expect(Object.is(multiplyFen(amount, quantity), -0)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it("gives 0, never −0, for a zero product", () => {
    expect(Object.is(multiplyFen(0, -3), 0)).toBe(true);
    expect(Object.is(multiplyFen(-5, 0), 0)).toBe(true);
    expect(Object.is(multiplyFen(-5, -0), 0)).toBe(true);
  });

  it("throws MONEY_OVERFLOW for a whole quantity whose product is just past the safe range", () => {
    expect(multiplyFen(2 ** 26, 2 ** 26 + 1)).toBe(2 ** 52 + 2 ** 26);
    expect(codeOf(() => multiplyFen(2 ** 27, 2 ** 26))).toBe("MONEY_OVERFLOW");
    expect(codeOf(() => multiplyFen(-MAX, 2))).toBe("MONEY_OVERFLOW");
    expect(codeOf(() => multiplyFen(0.5, 2))).toBe("INVALID_ARGUMENT");
  });

  it("matches exact rational arithmetic on quantities with up to three decimals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        (amount, thousandths) => {
          const quantity = (thousandths / 1000).toString();
          const product = BigInt(amount) * BigInt(thousandths);
          const magnitude = product < 0n ? -product : product;
          const rounded = (magnitude + 500n) / 1000n;
          expect(multiplyFen(amount, quantity)).toBe(Number(product < 0n ? -rounded : rounded));
        },
      ),
    );
  });
});

describe("allocateFen", () => {
  it("splits evenly and gives the leftover fen to the first parts", () => {
    expect(allocateFen(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it("splits in proportion to decimal ratios", () => {
    expect(allocateFen(1000, [0.3, 0.7])).toEqual([300, 700]);
    expect(allocateFen(1001, [0.3, 0.7])).toEqual([300, 701]);
  });

  it("gives the leftover fen to the largest remainders", () => {
    expect(allocateFen(10, [1, 2, 3])).toEqual([2, 3, 5]);
  });

  it("splits a negative total like its absolute value", () => {
    expect(allocateFen(-1001, [0.5, 0.5])).toEqual([-501, -500]);
  });

  it("gives nothing to a zero ratio", () => {
    expect(allocateFen(5, [0, 1, 0])).toEqual([0, 5, 0]);
  });

  it.each([[[]], [[0, 0]], [[-1, 2]], [[Number.NaN]], [[Number.POSITIVE_INFINITY, 1]]])(
    "throws INVALID_ARGUMENT for the ratios %j",
    (ratios) => {
      expect(codeOf(() => allocateFen(100, ratios))).toBe("INVALID_ARGUMENT");
    },
  );

  it("returns parts that add up exactly to the total, with nothing for zero ratios", () => {
    const ratio = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(anyFen, fc.array(ratio, { minLength: 1, maxLength: 12 }), (total, ratios) => {
        fc.pre(ratios.some((r) => r > 0));
        const parts = allocateFen(total, ratios);
        expect(parts).toHaveLength(ratios.length);
        expect(parts.reduce((sum, p) => sum + BigInt(p), 0n)).toBe(BigInt(total));
        parts.forEach((part, i) => {
          expect(Number.isSafeInteger(part)).toBe(true);
          if (ratios[i] === 0) expect(part).toBe(0);
        });
      }),
    );
  });
});
