/**
 * A seeded generator of the bank-reconciliation benchmark: `size` journal lines against `size` statement
 * lines over one year, in the mix of the issue: 80% exact (same reference, amount and date), 10% shifted
 * (same amount, the bank 1–5 days later or earlier, no shared reference), 5% split (one line against two
 * or three lines of the other side that add up to it, within three days; half one-to-many, half
 * many-to-one) and 5% unmatched. Amounts are log-uniform from ¥10 to ¥500,000, half of them whole yuan,
 * receipts and payments alike. The same seed gives the same lines.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BankLine } from "../src/reconcile.js";

/** The generated lines (ids are numbers, unique on each side; lines are in date order, as ledgers are). */
export interface Scenario {
  journal: BankLine<number>[];
  statement: BankLine<number>[];
  /** What was planted, to judge the result by. */
  planted: {
    exact: number;
    shifted: number;
    splitGroups: number;
    unmatchedJournal: number;
    unmatchedStatement: number;
  };
}

/** mulberry32: a small seeded generator of floats in [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const SPAN_DAYS = 365;

function iso(day: number): string {
  return new Date(START + day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Generates the scenario.
 *
 * @param size - lines on each side (100,000 in the benchmark)
 * @param seed - the seed
 * @example
 * const { journal, statement } = generateScenario(1000, 42);
 */
export function generateScenario(size: number, seed: number): Scenario {
  const rnd = random(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const amount = (): number => {
    const yuan = Math.exp(Math.log(10) + rnd() * (Math.log(500_000) - Math.log(10)));
    const fen = rnd() < 0.5 ? Math.round(yuan) * 100 : Math.round(yuan * 100);
    return rnd() < 0.5 ? fen : -fen;
  };
  type Draft = { day: number; amount: number; reference?: string };
  const journal: Draft[] = [];
  const statement: Draft[] = [];
  let serial = 0;
  const bankSerial = () => `B${String(++serial).padStart(9, "0")}`;

  const exact = Math.round(size * 0.8);
  for (let i = 0; i < exact; i++) {
    const day = int(SPAN_DAYS);
    const a = amount();
    const reference = `ZP${String(i + 1).padStart(8, "0")}`;
    journal.push({ day, amount: a, reference });
    statement.push({ day, amount: a, reference });
  }
  const shifted = Math.round(size * 0.1);
  for (let i = 0; i < shifted; i++) {
    const day = 5 + int(SPAN_DAYS - 10);
    const a = amount();
    const shift = (1 + int(5)) * (rnd() < 0.7 ? 1 : -1);
    journal.push({ day, amount: a });
    statement.push({ day: day + shift, amount: a, reference: bankSerial() });
  }
  // Splits: groups one-to-many and many-to-one, until each side has its 5%.
  const splitLines = Math.round(size * 0.05);
  let inJournal = 0;
  let inStatement = 0;
  let splitGroups = 0;
  while (inJournal < splitLines || inStatement < splitLines) {
    const parts = 2 + int(2);
    const day = 3 + int(SPAN_DAYS - 6);
    const sign = rnd() < 0.5 ? 1 : -1;
    const partAmounts: number[] = [];
    for (let p = 0; p < parts; p++) partAmounts.push(sign * Math.abs(amount()));
    const total = partAmounts.reduce((s, a) => s + a, 0);
    const oneInJournal = inJournal > inStatement || inJournal >= splitLines;
    const one = oneInJournal ? journal : statement;
    const many = oneInJournal ? statement : journal;
    one.push({ day, amount: total, ...(oneInJournal ? {} : { reference: bankSerial() }) });
    for (const a of partAmounts)
      many.push({ day: day + int(7) - 3, amount: a, ...(oneInJournal ? { reference: bankSerial() } : {}) });
    inJournal += oneInJournal ? 1 : parts;
    inStatement += oneInJournal ? parts : 1;
    splitGroups++;
  }
  const unmatchedJournal = size - journal.length;
  const unmatchedStatement = size - statement.length;
  for (let i = 0; i < unmatchedJournal; i++) journal.push({ day: int(SPAN_DAYS), amount: amount() });
  for (let i = 0; i < unmatchedStatement; i++)
    statement.push({ day: int(SPAN_DAYS), amount: amount(), reference: bankSerial() });

  const finish = (drafts: Draft[]): BankLine<number>[] => {
    // Date order, as a ledger is kept; ids are the line numbers.
    const sorted = drafts.map((d, i) => ({ d, k: rnd(), i })).sort((a, b) => a.d.day - b.d.day || a.k - b.k);
    return sorted.map(({ d }, i) => ({
      id: i + 1,
      date: iso(d.day),
      amount: d.amount,
      ...(d.reference === undefined ? {} : { reference: d.reference }),
    }));
  };
  return {
    journal: finish(journal),
    statement: finish(statement),
    planted: { exact, shifted, splitGroups, unmatchedJournal, unmatchedStatement },
  };
}

function toCsv(lines: readonly BankLine<number>[]): string {
  const out = ["id,date,day,amount,reference"];
  for (const l of lines)
    out.push(
      `${l.id},${l.date},${Math.round((Date.parse(l.date) - START) / DAY_MS)},${l.amount},${l.reference ?? ""}`,
    );
  return `${out.join("\n")}\n`;
}

/**
 * Writes journal.csv, statement.csv (id,date,day,amount,reference; day counted from 2023-01-01) and
 * planted.json into a directory, for our run and the pandas baseline to read the same lines.
 */
export function writeScenario(dir: string, size: number, seed: number): Scenario["planted"] {
  const scenario = generateScenario(size, seed);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "journal.csv"), toCsv(scenario.journal));
  writeFileSync(join(dir, "statement.csv"), toCsv(scenario.statement));
  writeFileSync(join(dir, "planted.json"), JSON.stringify(scenario.planted));
  return scenario.planted;
}
