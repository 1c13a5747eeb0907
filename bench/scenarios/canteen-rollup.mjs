/**
 * Scenario 4: the canteen's roll-up of purchase lines by day and item. Times `rollUpPurchases(lines,
 * "day-item")` from @houqin/canteen (its dist): the sums and counts of each day and item in fen, sorted,
 * with the month totals and the grand total (checkCosts rolls up by month and item with the same
 * function). The lines are read from the CSV (bench/generate/canteen.mjs) before the clock starts.
 * Baseline: bench/baselines/canteen_rollup.py, pandas groupby on the same CSV, also timing only the
 * aggregation. Target: ours ≤ pandas (ratio ≤ 1.0); without pandas, `met` is left undefined (not measured).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rollUpPurchases } from "@houqin/canteen";
import { writePurchases } from "../generate/canteen.mjs";
import { runJson } from "../lib/process.mjs";
import { baselineSkipped } from "../lib/python.mjs";
import { peakRssMb, perSecond, timeRuns } from "../lib/timing.mjs";

const benchDir = dirname(dirname(fileURLToPath(import.meta.url)));

/** The lines of the CSV, as rollUpPurchases takes them. */
function readPurchases(file) {
  const text = readFileSync(file, "utf8");
  const lines = [];
  let start = text.indexOf("\n") + 1;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const first = text.indexOf(",", start);
    const second = text.indexOf(",", first + 1);
    lines.push({
      date: text.slice(start, first),
      item: text.slice(first + 1, second),
      amount: Number(text.slice(second + 1, end)),
    });
    start = end + 1;
  }
  return lines;
}

export const scenario = {
  id: "canteen-rollup",
  title: "Canteen roll-up of purchase lines by day and item (rollUpPurchases) vs pandas groupby",
  sizes: [10_000, 100_000, 1_000_000],
  target: "ours ≤ pandas groupby (ratio ≤ 1.0)",
  /**
   * @param {{ size: number, seed: number, runs: number, workDir: string, python?: string }} options
   */
  async run({ size, seed, runs, workDir, python }) {
    const data = writePurchases(join(workDir, "canteen"), size, seed);
    const lines = readPurchases(data.file);
    const timing = await timeRuns(() => rollUpPurchases(lines, "day-item"), runs);
    const rollUp = timing.last;
    const ours = {
      medianMs: timing.medianMs,
      bestMs: timing.bestMs,
      cpuMedianMs: timing.cpuMedianMs,
      peakRssMb: peakRssMb(),
      timesMs: timing.timesMs,
    };

    let skipped = baselineSkipped(python);
    let b;
    if (!skipped) {
      b = runJson(python, [
        join(benchDir, "baselines", "canteen_rollup.py"),
        data.file,
        "--runs",
        String(runs),
      ]);
      skipped = baselineSkipped(python, b);
      if (!skipped && b.error) throw new Error(`the pandas baseline failed: ${b.error}`);
    }
    const notes = [
      `${lines.length.toLocaleString("en-US")} lines, ${data.days} days (${data.from}..${data.to}), ${data.items} items → ${rollUp.groups.length.toLocaleString("en-US")} day-item groups`,
      "both sides time the aggregation only, on lines already read from the same CSV",
    ];
    let baseline;
    let ratio;
    let met;
    if (b && !skipped) {
      baseline = { name: b.name, medianMs: b.medianMs, bestMs: b.bestMs, peakRssMb: b.peakRssMb };
      ratio = Math.round((ours.medianMs / b.medianMs) * 1000) / 1000;
      met = ratio <= 1;
      if (b.groups !== rollUp.groups.length || b.total !== rollUp.total)
        notes.push(
          `MISMATCH: pandas found ${b.groups} groups totalling ${b.total} fen; houqin ${rollUp.groups.length} totalling ${rollUp.total}`,
        );
      notes.push(
        `pandas with categorical date and item (converted before the clock): ${b.categorical.medianMs.toFixed(1)} ms median` +
          ` (ours / that = ${(ours.medianMs / b.categorical.medianMs).toFixed(2)})`,
      );
      if (!met)
        notes.push(
          `BEHIND: houqin takes ${ratio.toFixed(2)}× the time of pandas (${ours.medianMs.toFixed(1)} ms against ${b.medianMs.toFixed(1)} ms)`,
        );
    } else {
      // A target against pandas without pandas: not measured, neither met nor behind.
      baseline = { name: "pandas groupby", skipped };
      notes.push(`pandas baseline skipped: ${skipped}`);
    }
    return {
      size,
      rows: lines.length,
      ours,
      baseline,
      ...(ratio === undefined ? {} : { ratio }),
      rowsPerSecond: perSecond(lines.length, ours.medianMs),
      met,
      notes,
      extra: {
        groups: rollUp.groups.length,
        months: rollUp.months.length,
        totalFen: rollUp.total,
        days: data.days,
        items: data.items,
        pandas: skipped ? null : (b ?? null),
      },
    };
  },
};
