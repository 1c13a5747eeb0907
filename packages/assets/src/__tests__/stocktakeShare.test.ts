import { allocateFen, type Fen } from "@houqin/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shareOf } from "../stocktakeShare.js";

/** shareOf as reconcileStocktake always worked it out: through allocateFen. */
function shareOfReference(value: Fen, part: number, whole: number): Fen {
  const p = Math.round(part * 1e6);
  const w = Math.round(whole * 1e6);
  if (p === 0) return 0;
  if (p <= w) return allocateFen(value, [p, w - p])[0] ?? 0;
  const num = 2n * BigInt(value) * BigInt(p) + BigInt(w);
  return Number(num / (2n * BigInt(w)));
}

function outcome(run: () => number): string {
  try {
    const v = run();
    return Object.is(v, -0) ? "-0" : String(v);
  } catch (error) {
    return `throws ${(error as Error).constructor.name} ${String((error as { code?: unknown }).code)}`;
  }
}

describe("shareOf", () => {
  it("values one of 45 units of ¥4,650.00 at ¥103.33", () => {
    expect(shareOf(465000, 1, 45)).toBe(10333);
  });

  it("gives exactly what the split by allocateFen gives", () => {
    const quantity = fc.oneof(
      fc.integer({ min: 0, max: 60 }),
      fc.constantFrom(0.5, 0.1, 1e-7, 1 / 3, 2.5, 1e9, 9e9, 1e15, 1e300, -1, -0),
      fc.double({ min: 0, max: 1e4, noNaN: true }),
    );
    const value = fc.oneof(
      fc.integer({ min: -10_000_000, max: 100_000_000 }),
      fc.constantFrom(0, -0, 1, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
      fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }).map(Number),
    );
    fc.assert(
      fc.property(value, quantity, quantity, (v, part, whole) => {
        expect(outcome(() => shareOf(v, part, whole))).toBe(outcome(() => shareOfReference(v, part, whole)));
      }),
      { seed: 20261129, numRuns: 20000 },
    );
  });

  it("splits ties and remainders as allocateFen does on every small case", () => {
    for (let v = -30; v <= 30; v++)
      for (let w = 1; w <= 12; w++)
        for (let p = 1; p <= w; p++)
          expect([v, p, w, shareOf(v, p / 1e6, w / 1e6)]).toEqual([
            v,
            p,
            w,
            shareOfReference(v, p / 1e6, w / 1e6),
          ]);
  });
});
