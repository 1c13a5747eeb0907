import { addDaysIso, allocateFen, HouqinError, sumFen } from "@houqin/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { depreciate } from "../depreciation.js";

describe("depreciate", () => {
  it("depreciates from the month of acquisition, one charge a month booked on the month's last day", () => {
    expect(depreciate({ cost: 720000, acquired: "2023-09-10", lifeYears: 6, asOf: "2024-08-31" })).toEqual({
      lifeMonths: 72,
      firstMonth: "2023-09",
      months: 12,
      monthly: 10000,
      accumulated: 120000,
      net: 600000,
      fullyDepreciated: false,
    });
  });

  it("does not count the month of the date until its last day", () => {
    const mid = depreciate({ cost: 720000, acquired: "2023-09-10", lifeYears: 6, asOf: "2024-08-30" });
    expect([mid.months, mid.accumulated]).toEqual([11, 110000]);
    const sameMonth = depreciate({ cost: 720000, acquired: "2023-09-10", lifeYears: 6, asOf: "2023-09-30" });
    expect(sameMonth.months).toBe(1);
  });

  it("starts a month later under the next-month convention", () => {
    const next = depreciate({
      cost: 720000,
      acquired: "2023-09-10",
      lifeYears: 6,
      asOf: "2024-08-31",
      start: "next-month",
    });
    expect([next.firstMonth, next.months, next.accumulated]).toEqual(["2023-10", 11, 110000]);
  });

  it("gives the odd fen to the first months so that the life adds up to the cost", () => {
    // ¥1,000.00 over 72 months: 64 months of ¥13.89 and 8 of ¥13.88.
    const year = depreciate({ cost: 100000, acquired: "2023-01-05", lifeYears: 6, asOf: "2023-12-31" });
    expect([year.monthly, year.accumulated]).toEqual([1389, 12 * 1389]);
    const parts = allocateFen(100000, new Array<number>(72).fill(1));
    const late = depreciate({ cost: 100000, acquired: "2023-01-05", lifeYears: 6, asOf: "2028-10-31" });
    expect(late.months).toBe(70);
    expect(late.accumulated).toBe(sumFen(parts.slice(0, 70)));
    expect(late.accumulated).toBe(64 * 1389 + 6 * 1388);
  });

  it("charges nothing before acquisition and the whole cost after the life", () => {
    expect(
      depreciate({ cost: 500000, acquired: "2024-03-01", lifeYears: 5, asOf: "2024-01-31" }),
    ).toMatchObject({
      months: 0,
      accumulated: 0,
      net: 500000,
    });
    expect(
      depreciate({ cost: 500000, acquired: "2010-03-01", lifeYears: 5, asOf: "2024-01-31" }),
    ).toMatchObject({
      months: 60,
      accumulated: 500000,
      net: 0,
      fullyDepreciated: true,
    });
  });

  it("refuses a negative cost, a life of part of a month and a date that does not exist", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error instanceof HouqinError ? error.code : "other";
      }
      return "none";
    };
    expect(
      code(() => depreciate({ cost: -1, acquired: "2023-01-01", lifeYears: 5, asOf: "2024-01-01" })),
    ).toBe("INVALID_ARGUMENT");
    expect(
      code(() => depreciate({ cost: 1, acquired: "2023-01-01", lifeYears: 0.01, asOf: "2024-01-01" })),
    ).toBe("INVALID_ARGUMENT");
    expect(
      code(() => depreciate({ cost: 1, acquired: "2023-02-30", lifeYears: 5, asOf: "2024-01-01" })),
    ).toBe("INVALID_DATE");
  });
});

describe("depreciate (properties)", () => {
  const day = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addDaysIso("1990-01-01", n));
  const input = fc.record({
    cost: fc.integer({ min: 0, max: 10_000_000_000 }),
    acquired: day,
    lifeYears: fc.constantFrom(5, 6, 8, 10, 15, 30, 50),
    start: fc.constantFrom("same-month" as const, "next-month" as const),
  });

  it("never depreciates more than the cost nor less than nothing, and net is cost less accumulated", () => {
    fc.assert(
      fc.property(input, day, (args, asOf) => {
        const d = depreciate({ ...args, asOf });
        expect(d.accumulated).toBeGreaterThanOrEqual(0);
        expect(d.accumulated).toBeLessThanOrEqual(args.cost);
        expect(d.net).toBe(args.cost - d.accumulated);
        expect(Number.isSafeInteger(d.accumulated)).toBe(true);
      }),
      { seed: 20240301, numRuns: 300 },
    );
  });

  it("only grows as the date moves on", () => {
    fc.assert(
      fc.property(input, day, fc.integer({ min: 0, max: 4000 }), (args, asOf, later) => {
        const before = depreciate({ ...args, asOf });
        const after = depreciate({ ...args, asOf: addDaysIso(asOf, later) });
        expect(after.accumulated).toBeGreaterThanOrEqual(before.accumulated);
        expect(after.months).toBeGreaterThanOrEqual(before.months);
      }),
      { seed: 20240302, numRuns: 300 },
    );
  });

  it("has depreciated exactly the cost once the life is over", () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 3000 }), (args, extra) => {
        // The last day of the life's last month (two months on covers the next-month start).
        const end = addDaysIso(args.acquired, Math.ceil(args.lifeYears * 365.25) + 62 + extra);
        const d = depreciate({ ...args, asOf: end });
        expect(d.accumulated).toBe(args.cost);
        expect(d.net).toBe(0);
        expect(d.fullyDepreciated).toBe(true);
      }),
      { seed: 20240303, numRuns: 200 },
    );
  });

  it("accumulates exactly the prefix sums of allocateFen's split of the cost over the life's months", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(5, 6, 8, 10, 15, 30, 50),
        fc.integer({ min: 0, max: 700 }),
        (cost, lifeYears, monthsOn) => {
          const y = 2000 + Math.floor(monthsOn / 12);
          const month = (monthsOn % 12) + 1;
          const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
          const asOf = `${y}-${String(month).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
          const d = depreciate({ cost, acquired: "2000-01-15", lifeYears, asOf });
          const parts = allocateFen(cost, new Array<number>(lifeYears * 12).fill(1));
          expect(d.months).toBe(Math.min(monthsOn + 1, lifeYears * 12));
          expect(d.accumulated).toBe(sumFen(parts.slice(0, d.months)));
          expect(d.monthly).toBe(parts[0]);
        },
      ),
      { seed: 20240305, numRuns: 200 },
    );
  });

  it("adds its monthly charges up to the cost over the life, each within a fen of the others", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.constantFrom(5, 6, 8, 10),
        (cost, lifeYears) => {
          const charges: number[] = [];
          let previous = 0;
          for (let m = 0; m < lifeYears * 12; m++) {
            const y = 2000 + Math.floor(m / 12);
            const month = (m % 12) + 1;
            const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
            const asOf = `${y}-${String(month).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
            const { accumulated } = depreciate({ cost, acquired: "2000-01-15", lifeYears, asOf });
            charges.push(accumulated - previous);
            previous = accumulated;
          }
          expect(sumFen(charges)).toBe(cost);
          expect(Math.max(...charges) - Math.min(...charges)).toBeLessThanOrEqual(1);
        },
      ),
      { seed: 20240304, numRuns: 30 },
    );
  });
});
