/**
 * Times `reconcileBank` on the lines `generate.ts` wrote (journal.csv, statement.csv in a directory) and
 * prints one JSON object: the median and best time of the runs, the matches by pass, the outstanding
 * lines, the status and the peak RSS of this process. the repository's benchmark (bench/scenarios/reconcile.mjs) bundles and runs it; the timing covers
 * the matching core only (the lines are read from the CSV before the clock starts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { type BankLine, type BankReconciliation, type MatchPass, reconcileBank } from "../src/reconcile.js";

function readLines(file: string): BankLine<number>[] {
  const text = readFileSync(file, "utf8");
  const lines: BankLine<number>[] = [];
  const rows = text.split("\n");
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as string;
    if (row === "") continue;
    const [id, date, , amount, reference] = row.split(",") as [string, string, string, string, string];
    lines.push({ id: Number(id), date, amount: Number(amount), ...(reference ? { reference } : {}) });
  }
  return lines;
}

/** What one benchmark run prints. */
export interface OurResult {
  journalLines: number;
  statementLines: number;
  runs: number;
  medianMs: number;
  bestMs: number;
  matchedJournal: number;
  matchedStatement: number;
  byPass: Record<MatchPass, number>;
  outstanding: number;
  status: "complete" | "capped";
  iterations: number;
  peakRssMb: number;
}

/**
 * Reads the lines, runs the core `runs` times after two warm-up runs and prints the result as JSON.
 *
 * @param dir - the directory generate.ts wrote
 * @param runs - timed runs
 * @param windowDays - the window
 */
export function main(dir: string, runs: number, windowDays: number): OurResult {
  const journal = readLines(join(dir, "journal.csv"));
  const statement = readLines(join(dir, "statement.csv"));
  let result: BankReconciliation<number> = reconcileBank(journal, statement, { windowDays });
  result = reconcileBank(journal, statement, { windowDays });
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    result = reconcileBank(journal, statement, { windowDays });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const byPass: Record<MatchPass, number> = { reference: 0, "amount-date": 0, window: 0, split: 0 };
  let matchedJournal = 0;
  let matchedStatement = 0;
  for (const m of result.matches) {
    byPass[m.pass]++;
    matchedJournal += m.journal.length;
    matchedStatement += m.statement.length;
  }
  return {
    journalLines: journal.length,
    statementLines: statement.length,
    runs,
    medianMs: times[Math.floor(times.length / 2)] as number,
    bestMs: times[0] as number,
    matchedJournal,
    matchedStatement,
    byPass,
    outstanding: result.outstanding.length,
    status: result.status,
    iterations: result.iterations,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}
