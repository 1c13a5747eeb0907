import { addDaysIso, HouqinError } from "@houqin/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { purchaseAmount } from "../checkPurchases.js";
import { monthlyCost, type PurchaseLine, type RollUpBy, rollUpPurchases } from "../rollUp.js";

const ITEMS = ["大米", "面粉", "猪肉", "鸡蛋", "白菜", "土豆", "酱油", "豆腐"];

/** A purchase line: a day between late August 2023 and early 2024, an item, an amount (returns negative). */
const lineArb: fc.Arbitrary<PurchaseLine> = fc.record({
  date: fc.integer({ min: 0, max: 200 }).map((n) => addDaysIso("2023-08-25", n)),
  item: fc.constantFrom(...ITEMS),
  amount: fc.oneof(
    fc.integer({ min: -50_000, max: 500_000 }),
    fc.integer({ min: 999_000_000, max: 1_000_000_000 }),
    fc.integer({ min: -1_000_000_000, max: -999_000_000 }),
  ),
});

const periodOf = (date: string, by: RollUpBy) =>
  by === "month" || by === "month-item" ? date.slice(0, 7) : date;
const keyOf = (line: PurchaseLine, by: RollUpBy) =>
  by === "month-item" || by === "day-item"
    ? `${periodOf(line.date, by)}\t${line.item}`
    : periodOf(line.date, by);

/** The expected groups, added in big integers line by line. */
function expected(
  lines: readonly PurchaseLine[],
  by: RollUpBy,
): Map<string, { amount: bigint; lines: number }> {
  const out = new Map<string, { amount: bigint; lines: number }>();
  for (const line of lines) {
    const key = keyOf(line, by);
    const g = out.get(key) ?? { amount: 0n, lines: 0 };
    g.amount += BigInt(line.amount);
    g.lines++;
    out.set(key, g);
  }
  return out;
}

const BYS: RollUpBy[] = ["month", "month-item", "day", "day-item"];

describe("rollUpPurchases", () => {
  it("adds up lines by day and item, with the month totals", () => {
    const result = rollUpPurchases(
      [
        { date: "2023-11-07", item: "猪肉", amount: 56_050 },
        { date: "2023-11-06", item: "白菜", amount: 12_000 },
        { date: "2023-11-06", item: "白菜", amount: -2_000 },
        { date: "2023-12-01", item: "白菜", amount: 1 },
      ],
      "day-item",
    );
    expect(result.groups).toEqual([
      { key: "2023-11-06\t白菜", period: "2023-11-06", item: "白菜", amount: 10_000, lines: 2 },
      { key: "2023-11-07\t猪肉", period: "2023-11-07", item: "猪肉", amount: 56_050, lines: 1 },
      { key: "2023-12-01\t白菜", period: "2023-12-01", item: "白菜", amount: 1, lines: 1 },
    ]);
    expect(result.months).toEqual([
      { key: "2023-11", period: "2023-11", amount: 66_050, lines: 3 },
      { key: "2023-12", period: "2023-12", amount: 1, lines: 1 },
    ]);
    expect(result.total).toBe(66_051);
    expect(result.lines).toBe(4);
  });

  it("gives nothing for no lines", () => {
    expect(rollUpPurchases([], "day")).toEqual({ by: "day", groups: [], months: [], total: 0, lines: 0 });
  });

  it("reads any iterable once", () => {
    function* lines() {
      yield { date: "2023-11-06", item: "米", amount: 5 };
      yield { date: "2023-11-30", item: "米", amount: 7 };
    }
    expect(rollUpPurchases(lines(), "month").groups).toEqual([
      { key: "2023-11", period: "2023-11", amount: 12, lines: 2 },
    ]);
  });

  it("sums every group exactly and partitions the lines, for every grouping", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 400 }), fc.constantFrom(...BYS), (lines, by) => {
        const result = rollUpPurchases(lines, by);
        const want = expected(lines, by);
        expect(result.groups.length).toBe(want.size);
        for (const g of result.groups) {
          const w = want.get(g.key);
          expect(w).toBeDefined();
          expect(BigInt(g.amount)).toBe(w?.amount);
          expect(g.lines).toBe(w?.lines);
          expect(Number.isSafeInteger(g.amount)).toBe(true);
        }
        // The groups partition the lines: the counts add up and the keys are distinct.
        expect(result.groups.reduce((n, g) => n + g.lines, 0)).toBe(lines.length);
        expect(new Set(result.groups.map((g) => g.key)).size).toBe(result.groups.length);
        expect(result.lines).toBe(lines.length);
        expect(BigInt(result.total)).toBe(lines.reduce((s, l) => s + BigInt(l.amount), 0n));
        // Sorted by period, then item.
        const keys = result.groups.map((g) => [g.period, g.item ?? ""] as const);
        const sorted = [...keys].sort((a, b) =>
          a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1,
        );
        expect(keys).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });

  it("makes each month total the sum of that month's day totals", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 400 }), (lines) => {
        const days = rollUpPurchases(lines, "day");
        const months = rollUpPurchases(lines, "month");
        const fromDays = new Map<string, { amount: bigint; lines: number }>();
        for (const d of days.groups) {
          const m = fromDays.get(d.period.slice(0, 7)) ?? { amount: 0n, lines: 0 };
          m.amount += BigInt(d.amount);
          m.lines += d.lines;
          fromDays.set(d.period.slice(0, 7), m);
        }
        expect(months.groups.map((m) => [m.period, BigInt(m.amount), m.lines])).toEqual(
          [...fromDays].map(([k, v]) => [k, v.amount, v.lines]),
        );
        // Every grouping reports the same month totals.
        for (const by of BYS) expect(rollUpPurchases(lines, by).months).toEqual(months.months);
        expect(months.months).toEqual(months.groups);
      }),
      { numRuns: 200 },
    );
  });

  it("does not depend on the order of the lines", () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 300 }),
        fc.array(fc.integer(), { maxLength: 300 }),
        fc.constantFrom(...BYS),
        (lines, keys, by) => {
          const shuffled = lines
            .map((line, i) => ({ line, k: keys[i] ?? i }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.line);
          expect(rollUpPurchases(shuffled, by)).toEqual(rollUpPurchases(lines, by));
          expect(rollUpPurchases([...lines].reverse(), by)).toEqual(rollUpPurchases(lines, by));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("adds many large lines exactly", () => {
    // 200,000 lines of up to ±¥10,000,000: partial sums far beyond 2^31, still exact.
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed;
    };
    const lines: PurchaseLine[] = [];
    let want = 0n;
    for (let i = 0; i < 200_000; i++) {
      const amount = (next() % 2_000_000_001) - 1_000_000_000 + (i % 3 === 0 ? 0 : 999);
      lines.push({
        date: addDaysIso("2023-09-01", next() % 120),
        item: ITEMS[next() % ITEMS.length] as string,
        amount,
      });
      want += BigInt(amount);
    }
    const result = rollUpPurchases(lines, "day-item");
    expect(BigInt(result.total)).toBe(want);
    expect(BigInt(result.months.reduce((s, m) => s + m.amount, 0))).toBe(want);
    expect(result.groups.reduce((n, g) => n + g.lines, 0)).toBe(200_000);
  });

  it("refuses a sum it cannot keep exact, and an amount that is not whole fen", () => {
    const big = Number.MAX_SAFE_INTEGER - 10;
    const overflow = () =>
      rollUpPurchases(
        [
          { date: "2023-11-01", item: "米", amount: big },
          { date: "2023-11-02", item: "米", amount: 11 },
        ],
        "month",
      );
    expect(overflow).toThrow(HouqinError);
    expect(() => overflow()).toThrow(expect.objectContaining({ code: "MONEY_OVERFLOW" }));
    expect(() => rollUpPurchases([{ date: "2023-11-01", item: "米", amount: 1.5 }], "day")).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});

describe("monthlyCost", () => {
  it("is opening stock plus purchases less closing stock, in fen", () => {
    expect(monthlyCost({ opening: 1_234_560, purchases: 25_000_000, closing: 1_000_000 })).toBe(25_234_560);
    expect(monthlyCost({ opening: 0, purchases: 0, closing: 5 })).toBe(-5);
  });

  it("is exact for any amounts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.integer({ min: 0, max: 1e13 }),
        (opening, purchases, closing) => {
          expect(BigInt(monthlyCost({ opening, purchases, closing }))).toBe(
            BigInt(opening) + BigInt(purchases) - BigInt(closing),
          );
        },
      ),
    );
  });
});

describe("purchaseAmount", () => {
  it("takes the amount written, else quantity × unit price rounded half up to the fen", () => {
    expect(purchaseAmount({ amount: 12_345, quantity: 3, unitPrice: 100 })).toBe(12_345);
    expect(purchaseAmount({ quantity: 2.5, unitPrice: 399 })).toBe(998);
    expect(purchaseAmount({ quantity: 12.5, unitPrice: 185 })).toBe(2313);
    expect(purchaseAmount({ quantity: 0.1, unitPrice: 5 })).toBe(1);
    expect(purchaseAmount({ quantity: 3 })).toBeUndefined();
    expect(purchaseAmount({ unitPrice: 300 })).toBeUndefined();
    expect(purchaseAmount({})).toBeUndefined();
  });
});
