import { addDaysIso, HouqinError } from "@houqin/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adjustBalances,
  type BankLine,
  type BankReconciliation,
  type OutstandingClass,
  reconcileBank,
} from "../reconcile.js";

const D0 = "2023-09-01";
const day = (n: number) => addDaysIso(D0, n);
const line = (id: number, n: number, amount: number, reference?: string): BankLine<number> => ({
  id,
  date: day(n),
  amount,
  ...(reference === undefined ? {} : { reference }),
});

/** Days between two ISO dates, counted independently of the code under test. */
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** Checks the invariants every reconciliation keeps; returns nothing, fails the test otherwise. */
function expectSound(
  journal: readonly BankLine<number>[],
  statement: readonly BankLine<number>[],
  result: BankReconciliation<number>,
  windowDays = 5,
  maxParts = 3,
) {
  const J = new Map(journal.map((l) => [l.id, l]));
  const S = new Map(statement.map((l) => [l.id, l]));
  const seenJ: number[] = [];
  const seenS: number[] = [];
  for (const m of result.matches) {
    seenJ.push(...m.journal);
    seenS.push(...m.statement);
    const js = m.journal.map((id) => J.get(id) as BankLine<number>);
    const ss = m.statement.map((id) => S.get(id) as BankLine<number>);
    // Every match balances.
    expect(js.reduce((t, l) => t + l.amount, 0)).toBe(ss.reduce((t, l) => t + l.amount, 0));
    const [j] = js as [BankLine<number>];
    const [s] = ss as [BankLine<number>];
    switch (m.pass) {
      case "reference":
        expect([js.length, ss.length]).toEqual([1, 1]);
        expect(j.reference).toBeDefined();
        expect(j.reference).toBe(s.reference);
        break;
      case "amount-date":
        expect([js.length, ss.length, j.date]).toEqual([1, 1, s.date]);
        break;
      case "window":
        expect([js.length, ss.length]).toEqual([1, 1]);
        expect(Math.abs(daysBetween(j.date, s.date))).toBeLessThanOrEqual(windowDays);
        break;
      case "split": {
        const [one, parts] = js.length === 1 ? [j, ss] : [s, js];
        expect(Math.min(js.length, ss.length)).toBe(1);
        expect(parts.length).toBeGreaterThanOrEqual(2);
        expect(parts.length).toBeLessThanOrEqual(maxParts);
        for (const p of parts) {
          expect(Math.sign(p.amount)).toBe(Math.sign(one.amount));
          expect(p.amount).not.toBe(0);
          expect(Math.abs(daysBetween(one.date, p.date))).toBeLessThanOrEqual(windowDays);
        }
        break;
      }
    }
  }
  const classOf = (side: "journal" | "statement", amount: number): OutstandingClass =>
    side === "journal"
      ? amount >= 0
        ? "booked-receipt-not-in-bank"
        : "booked-payment-not-in-bank"
      : amount >= 0
        ? "bank-received-not-booked"
        : "bank-paid-not-booked";
  for (const o of result.outstanding) {
    const source = (o.side === "journal" ? J : S).get(o.id) as BankLine<number>;
    expect(o.class).toBe(classOf(o.side, source.amount));
    expect([o.date, o.amount]).toEqual([source.date, source.amount]);
    (o.side === "journal" ? seenJ : seenS).push(o.id);
  }
  // Every line exactly once: in one match or in one outstanding class.
  expect(seenJ.sort((a, b) => a - b)).toEqual(journal.map((l) => l.id).sort((a, b) => a - b));
  expect(seenS.sort((a, b) => a - b)).toEqual(statement.map((l) => l.id).sort((a, b) => a - b));
}

describe("reconcileBank", () => {
  it("matches by reference whatever the dates, before matching by amount", () => {
    const journal = [line(1, 0, 150000, "ZP1001"), line(2, 0, 150000)];
    const statement = [line(11, 0, 150000), line(12, 20, 150000, "ZP1001")];
    const result = reconcileBank(journal, statement);
    expect(result.matches).toEqual([
      { pass: "reference", journal: [1], statement: [12] },
      { pass: "amount-date", journal: [2], statement: [11] },
    ]);
    expect(result.outstanding).toEqual([]);
    expect(result.status).toBe("complete");
  });

  it("does not match by reference when the amounts differ", () => {
    const result = reconcileBank([line(1, 0, 150000, "ZP1001")], [line(11, 30, 150100, "ZP1001")]);
    expect(result.matches).toEqual([]);
    expect(result.outstanding.map((o) => o.class)).toEqual([
      "booked-receipt-not-in-bank",
      "bank-received-not-booked",
    ]);
  });

  it("matches a payment booked two days before the bank, within the window and not beyond it", () => {
    const journal = [line(1, 0, -80000), line(2, 10, -33300)];
    const statement = [line(11, 2, -80000), line(12, 16, -33300)];
    const result = reconcileBank(journal, statement);
    expect(result.matches).toEqual([{ pass: "window", journal: [1], statement: [11] }]);
    expect(result.outstanding).toEqual([
      { side: "journal", id: 2, class: "booked-payment-not-in-bank", date: day(10), amount: -33300 },
      { side: "statement", id: 12, class: "bank-paid-not-booked", date: day(16), amount: -33300 },
    ]);
    // A wider window takes the second pair too.
    expect(reconcileBank(journal, statement, { windowDays: 6 }).outstanding).toEqual([]);
    // Five days is still in the default window, six is not.
    expect(reconcileBank([line(1, 0, 500)], [line(2, 5, 500)]).matches).toHaveLength(1);
    expect(reconcileBank([line(1, 0, 500)], [line(2, 6, 500)]).matches).toHaveLength(0);
  });

  it("matches as many lines as it can in the window: the earliest open line first", () => {
    // Nearest-first would pair journal day 10 with statement day 11 and leave the rest apart.
    const journal = [line(1, 10, 700), line(2, 14, 700)];
    const statement = [line(11, 6, 700), line(12, 11, 700)];
    const result = reconcileBank(journal, statement);
    expect(result.matches).toEqual([
      { pass: "window", journal: [1], statement: [11] },
      { pass: "window", journal: [2], statement: [12] },
    ]);
  });

  it("finds one journal line split into three statement lines, and three journal lines in one", () => {
    const journal = [line(1, 3, 600000), line(2, 40, 12000), line(3, 41, 30000), line(4, 42, 8000)];
    const statement = [line(11, 1, 100000), line(12, 4, 200000), line(13, 7, 300000), line(14, 43, 50000)];
    const result = reconcileBank(journal, statement);
    expect(result.matches).toEqual([
      { pass: "split", journal: [1], statement: [11, 12, 13] },
      { pass: "split", journal: [2, 3, 4], statement: [14] },
    ]);
    expect(result.status).toBe("complete");
    expect(result.iterations).toBeGreaterThan(0);
  });

  it("finds payments split in two, and leaves parts outside the window alone", () => {
    const journal = [line(1, 10, -90000), line(2, 30, -5000)];
    const statement = [line(11, 10, -60000), line(12, 12, -30000), line(13, 30, -2000), line(14, 36, -3000)];
    const result = reconcileBank(journal, statement);
    expect(result.matches).toEqual([{ pass: "split", journal: [1], statement: [11, 12] }]);
    expect(result.outstanding.map((o) => o.id)).toEqual([2, 13, 14]);
  });

  it("splits into equal parts, each a different line", () => {
    const journal = [line(1, 0, 30000), line(2, 20, -20000), line(3, 40, 50000)];
    const statement = [
      line(11, 0, 10000),
      line(12, 1, 10000),
      line(13, 2, 10000),
      line(14, 20, -10000),
      line(15, 21, -10000),
      line(16, 40, 20000),
      line(17, 40, 20000),
      line(18, 41, 10000),
    ];
    expect(reconcileBank(journal, statement).matches).toEqual([
      { pass: "split", journal: [2], statement: [14, 15] },
      { pass: "split", journal: [1], statement: [11, 12, 13] },
      { pass: "split", journal: [3], statement: [16, 17, 18] },
    ]);
    // One line of 10,000 cannot be used twice.
    expect(reconcileBank([line(1, 0, 20000)], [line(11, 0, 10000)]).matches).toEqual([]);
  });

  it("splits into more parts only when maxParts allows it", () => {
    const journal = [line(1, 0, 1000)];
    const statement = [line(11, 0, 100), line(12, 0, 200), line(13, 1, 300), line(14, 2, 400)];
    expect(reconcileBank(journal, statement).matches).toEqual([]);
    expect(reconcileBank(journal, statement, { maxParts: 4 }).matches).toEqual([
      { pass: "split", journal: [1], statement: [11, 12, 13, 14] },
    ]);
  });

  it("says 'capped' when the split search runs out of steps, and leaves the lines outstanding", () => {
    const journal = [line(1, 0, 1000)];
    const statement = [line(11, 0, 400), line(12, 1, 600)];
    const capped = reconcileBank(journal, statement, { iterationCap: 0 });
    expect(capped.status).toBe("capped");
    expect(capped.matches).toEqual([]);
    expect(capped.outstanding).toHaveLength(3);
    expect(capped.iterations).toBe(0);
    const enough = reconcileBank(journal, statement, { iterationCap: 1 });
    expect(enough.status).toBe("complete");
    expect(enough.matches).toEqual([{ pass: "split", journal: [1], statement: [11, 12] }]);
    // Nothing to search: complete even with no steps allowed.
    expect(reconcileBank([line(1, 0, 5)], [line(2, 0, 5)], { iterationCap: 0 }).status).toBe("complete");
  });

  it("classes what is left in the four classes of the 余额调节表", () => {
    const result = reconcileBank(
      [line(1, 0, 1000), line(2, 0, -2000)],
      [line(11, 0, 3000), line(12, 0, -4000)],
      { maxParts: 2 },
    );
    expect(result.outstanding.map((o) => [o.id, o.class])).toEqual([
      [1, "booked-receipt-not-in-bank"],
      [2, "booked-payment-not-in-bank"],
      [11, "bank-received-not-booked"],
      [12, "bank-paid-not-booked"],
    ]);
  });

  it("rejects lines that were not parsed first, with codes", () => {
    const bad = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof HouqinError ? e.code : "other";
      }
      return "none";
    };
    expect(bad(() => reconcileBank([{ id: 1, date: "2023-02-30", amount: 1 }], []))).toBe("INVALID_DATE");
    expect(bad(() => reconcileBank([{ id: 1, date: "2023/09/01", amount: 1 }], []))).toBe("INVALID_DATE");
    expect(bad(() => reconcileBank([{ id: 1, date: D0, amount: 1.5 }], []))).toBe("INVALID_ARGUMENT");
    expect(bad(() => reconcileBank([], [line(1, 0, 1), line(1, 1, 2)]))).toBe("INVALID_ARGUMENT");
    expect(bad(() => reconcileBank([], [], { windowDays: -1 }))).toBe("INVALID_ARGUMENT");
    expect(bad(() => reconcileBank([], [], { maxParts: 1 }))).toBe("INVALID_ARGUMENT");
  });

  it("accepts string ids and orders ties by them", () => {
    const result = reconcileBank(
      [
        { id: "日记账!5", date: D0, amount: 100 },
        { id: "日记账!4", date: D0, amount: 100 },
      ],
      [
        { id: "对账单!9", date: D0, amount: 100 },
        { id: "对账单!10", date: D0, amount: 100 },
      ],
    );
    expect(result.matches).toEqual([
      { pass: "amount-date", journal: ["日记账!4"], statement: ["对账单!10"] },
      { pass: "amount-date", journal: ["日记账!5"], statement: ["对账单!9"] },
    ]);
  });
});

describe("adjustBalances", () => {
  it("adds and subtracts each class on its side of the 余额调节表", () => {
    const { outstanding } = reconcileBank(
      [line(1, 0, 20000), line(2, 0, -7000)],
      [line(11, 0, 5000), line(12, 0, -300)],
      { maxParts: 2 },
    );
    // Book 100,000 → 100,000 + 5,000 − 300; bank 87,300 → 87,300 + 20,000 − 7,000.
    expect(adjustBalances(100000, 87300, outstanding)).toEqual({
      book: { balance: 100000, add: 5000, subtract: 300, adjusted: 104700 },
      bank: { balance: 87300, add: 20000, subtract: 7000, adjusted: 100300 },
      difference: 4400,
    });
  });
});

// Small ranges so that amounts, dates and references collide often.
const lineArb = fc.record({
  day: fc.integer({ min: 0, max: 40 }),
  amount: fc.oneof(
    fc.integer({ min: -20, max: 20 }).map((n) => n * 100),
    fc.integer({ min: -5_000_000, max: 5_000_000 }),
  ),
  reference: fc.option(fc.constantFrom("A", "B", "C", "ZP1", "ZP2"), { nil: undefined }),
});
const linesArb = fc.array(lineArb, { maxLength: 60 });
const toLines = (drafts: { day: number; amount: number; reference: string | undefined }[], first: number) =>
  drafts.map((d, i) => line(first + i, d.day, d.amount, d.reference));

/** A seeded shuffle (the arbitrary supplies the seed). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let a = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    const j = a % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe("reconcileBank properties", () => {
  it("accounts for every journal and statement line exactly once, in balanced matches", () => {
    fc.assert(
      fc.property(
        linesArb,
        linesArb,
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 2, max: 4 }),
        (j, s, windowDays, maxParts) => {
          const journal = toLines(j, 1);
          const statement = toLines(s, 1001);
          const result = reconcileBank(journal, statement, { windowDays, maxParts });
          expectSound(journal, statement, result, windowDays, maxParts);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps every line accounted for when the iteration cap stops the split search", () => {
    fc.assert(
      fc.property(linesArb, linesArb, fc.integer({ min: 0, max: 30 }), (j, s, iterationCap) => {
        const journal = toLines(j, 1);
        const statement = toLines(s, 1001);
        const result = reconcileBank(journal, statement, { iterationCap });
        expectSound(journal, statement, result);
        expect(result.iterations).toBeLessThanOrEqual(iterationCap);
        if (result.status === "complete") expect(result).toEqual(reconcileBank(journal, statement));
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same matches for the same lines in any order", () => {
    fc.assert(
      fc.property(linesArb, linesArb, fc.integer(), fc.integer(), (j, s, seedJ, seedS) => {
        const journal = toLines(j, 1);
        const statement = toLines(s, 1001);
        const result = reconcileBank(journal, statement);
        expect(reconcileBank(shuffled(journal, seedJ), shuffled(statement, seedS))).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });

  it("agrees the adjusted balances whenever the books and the bank started in agreement", () => {
    // Consistent data: transactions booked on one side, the other or both (a few days apart, or split
    // by the bank), from the same opening balance.
    const transaction = fc.record({
      day: fc.integer({ min: 0, max: 60 }),
      amount: fc.integer({ min: -3_000_000, max: 3_000_000 }),
      where: fc.constantFrom("both", "both", "both", "journal", "statement", "split"),
      lag: fc.integer({ min: -5, max: 5 }),
      reference: fc.option(fc.constantFrom("ZP1", "ZP2", "ZP3"), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(transaction, { maxLength: 50 }),
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        (transactions, opening) => {
          const journal: BankLine<number>[] = [];
          const statement: BankLine<number>[] = [];
          for (const t of transactions) {
            if (t.where !== "statement") journal.push(line(journal.length + 1, t.day, t.amount, t.reference));
            if (t.where === "both" || t.where === "statement")
              statement.push(line(statement.length + 1, t.day + t.lag, t.amount, t.reference));
            if (t.where === "split") {
              const first = Math.trunc(t.amount / 3);
              statement.push(line(statement.length + 1, t.day, first));
              statement.push(line(statement.length + 1, t.day + t.lag, t.amount - first));
            }
          }
          const book = opening + journal.reduce((sum, l) => sum + l.amount, 0);
          const bank = opening + statement.reduce((sum, l) => sum + l.amount, 0);
          const result = reconcileBank(journal, statement);
          expectSound(journal, statement, result);
          const adjusted = adjustBalances(book, bank, result.outstanding);
          expect(adjusted.difference).toBe(0);
          expect(adjusted.book.adjusted).toBe(adjusted.bank.adjusted);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds every split whose group stands apart from the others", () => {
    const group = fc.record({
      total: fc.integer({ min: 1_000, max: 50_000_000 }),
      parts: fc.integer({ min: 2, max: 3 }),
      cut: fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { minLength: 2, maxLength: 2 }),
      sign: fc.constantFrom(1, -1),
      oneInJournal: fc.boolean(),
      lags: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 3, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 12 }), (groups) => {
        const journal: BankLine<number>[] = [];
        const statement: BankLine<number>[] = [];
        const expected: { journal: number[]; statement: number[] }[] = [];
        groups.forEach((g, i) => {
          const at = i * 20; // groups 20 days apart: no part is in another group's window
          const sorted = [...g.cut].sort((a, b) => a - b);
          const bounds =
            g.parts === 2
              ? [Math.round(g.total * (sorted[0] as number))]
              : sorted.map((c) => Math.round(g.total * c));
          const amounts: number[] = [];
          let previous = 0;
          for (const b of [...bounds, g.total]) {
            amounts.push(b - previous);
            previous = b;
          }
          if (amounts.some((a) => a <= 0)) return;
          const one = g.oneInJournal ? journal : statement;
          const many = g.oneInJournal ? statement : journal;
          const oneId = 1000 + i;
          one.push(line(oneId, at, g.sign * g.total));
          const partIds = amounts.map((a, p) => {
            const id = 2000 + i * 10 + p;
            many.push(line(id, at + (g.lags[p] as number), g.sign * a));
            return id;
          });
          const partsByDate = partIds
            .map((id, p) => ({ id, day: at + (g.lags[p] as number) }))
            .sort((a, b) => a.day - b.day || a.id - b.id)
            .map((p) => p.id);
          expected.push(
            g.oneInJournal
              ? { journal: [oneId], statement: partsByDate }
              : { journal: partsByDate, statement: [oneId] },
          );
        });
        const result = reconcileBank(journal, statement);
        expectSound(journal, statement, result);
        expect(result.outstanding).toEqual([]);
        expect(result.status).toBe("complete");
        // Within a group no amount equals another and groups lie 20 days apart, so each group is
        // exactly one split match.
        const byFirstJournal = (a: { journal: number[] }, b: { journal: number[] }) =>
          (a.journal[0] as number) - (b.journal[0] as number);
        expect(
          result.matches
            .map(({ pass, journal, statement }) => ({ pass, journal, statement }))
            .sort(byFirstJournal),
        ).toEqual(expected.map((e) => ({ pass: "split", ...e })).sort(byFirstJournal));
      }),
      { numRuns: 300 },
    );
  });
});
