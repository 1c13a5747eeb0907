#!/usr/bin/env node
/**
 * The bank-reconciliation benchmark (a benchmark, not a timed test). It generates the seeded scenario
 * (100,000 journal lines against 100,000 statement lines: 80% exact, 10% shifted a few days, 5% split
 * into two or three, 5% unmatched), then times, in separate processes on the same CSV files:
 * - houqin's matching core, `reconcileBank` (src/reconcile.ts), bundled from source with esbuild;
 * - the pandas baseline (bench/baseline.py): an exact merge on reference, then merge_asof on amount
 *   within the window; no split matches.
 * It prints both medians, the ratio, lines per second and peak RSS, says plainly whether houqin is
 * behind, and writes bench/results.json. Without pandas it says how to install it and times houqin alone.
 *
 * Usage (from packages/finance, after the workspace's packages are built):
 *   node bench/run.mjs [--size 100000] [--seed 20230901] [--runs 7] [--window 5] [--keep]
 * Environment: PYTHON=/path/to/python3 picks the interpreter for the baseline.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const benchDir = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? Number(args[at + 1]) : fallback;
};
const size = option("size", 100_000);
const seed = option("seed", 20230901);
const runs = option("runs", 7);
const windowDays = option("window", 5);
const keep = args.includes("--keep");

const INSTALL_HINT =
  "pandas is not installed, so the baseline was not run. Install it with\n" +
  "  apt-get install -y python3-pandas      (Debian/Ubuntu; then PYTHON=/usr/bin/python3 if another python3 comes first)\n" +
  "or\n" +
  "  python3 -m pip install pandas\n" +
  "and run the benchmark again.";

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

/** Runs a command and parses the last line of its output as JSON. */
function runJson(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) return { error: result.error.message };
  const lines = result.stdout.trim().split("\n");
  try {
    return { status: result.status, json: JSON.parse(lines[lines.length - 1] ?? "") };
  } catch {
    return { status: result.status, error: (result.stderr || result.stdout).trim().slice(-2000) };
  }
}

/** The first Python that can import pandas, or undefined (with the interpreters tried). */
function findPython() {
  const candidates = [process.env.PYTHON, "python3", "/usr/bin/python3", "python"].filter(Boolean);
  for (const python of [...new Set(candidates)]) {
    const probe = spawnSync(python, ["-c", "import pandas"], { encoding: "utf8" });
    if (!probe.error && probe.status === 0) return python;
  }
  return undefined;
}

const work = mkdtempSync(join(tmpdir(), "houqin-bench-"));
try {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    fail("esbuild is not installed (it comes with tsup and vitest: run npm install at the repository root)");
  }
  const bundle = join(work, "bench.mjs");
  await esbuild.build({
    stdin: {
      contents: `
        import { writeScenario } from "./generate.ts";
        import { main } from "./reconcile.bench.ts";
        const [command, ...rest] = process.argv.slice(2);
        const out = command === "generate"
          ? writeScenario(rest[0], Number(rest[1]), Number(rest[2]))
          : main(rest[0], Number(rest[1]), Number(rest[2]));
        console.log(JSON.stringify(out));
      `,
      resolveDir: benchDir,
      sourcefile: "bench-entry.ts",
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: bundle,
    logLevel: "warning",
  });

  const data = join(work, "data");
  const generated = runJson(process.execPath, [bundle, "generate", data, String(size), String(seed)]);
  if (!generated.json) fail(`generating the scenario failed:\n${generated.error}`);
  const planted = generated.json;

  const ours = runJson(process.execPath, [bundle, "ours", data, String(runs), String(windowDays)]);
  if (!ours.json) fail(`timing reconcileBank failed:\n${ours.error}`);
  const o = ours.json;

  const python = findPython();
  let base;
  if (python) {
    const baseline = runJson(python, [
      join(benchDir, "baseline.py"),
      data,
      "--runs",
      String(runs),
      "--window",
      String(windowDays),
    ]);
    if (!baseline.json || baseline.json.error) fail(`the pandas baseline failed:\n${baseline.error}`);
    base = { ...baseline.json, interpreter: python };
  }

  const lines = o.journalLines + o.statementLines;
  const fmt = (n) => n.toLocaleString("en-US");
  const ms = (n) => `${n.toFixed(1)} ms`;
  const perSecond = (median) => `${(((lines / median) * 1000) / 1e6).toFixed(2)} M lines/s`;
  const row = (name, median, best, rss) =>
    `${name.padEnd(16)}${ms(median).padStart(11)}${ms(best).padStart(11)}${perSecond(median).padStart(18)}${`${rss.toFixed(0)} MB`.padStart(10)}`;

  console.log(
    `Bank reconciliation: ${fmt(o.journalLines)} journal lines × ${fmt(o.statementLines)} statement lines` +
      ` (seed ${seed}, window ±${windowDays} days, median of ${runs} runs after warm-up)`,
  );
  console.log(
    `Planted: ${fmt(planted.exact)} exact, ${fmt(planted.shifted)} shifted, ${fmt(planted.splitGroups)} split groups,` +
      ` ${fmt(planted.unmatchedJournal)} + ${fmt(planted.unmatchedStatement)} unmatched`,
  );
  console.log("");
  console.log(
    `${"".padEnd(16)}${"median".padStart(11)}${"best".padStart(11)}${"throughput".padStart(18)}${"peak RSS".padStart(10)}`,
  );
  console.log(row("houqin", o.medianMs, o.bestMs, o.peakRssMb));
  if (base) console.log(row(`pandas ${base.pandas}`, base.medianMs, base.bestMs, base.peakRssMb));
  console.log("");
  console.log(
    `houqin matched ${fmt(o.matchedJournal)} journal and ${fmt(o.matchedStatement)} statement lines` +
      ` (reference ${fmt(o.byPass.reference)}, amount+date ${fmt(o.byPass["amount-date"])},` +
      ` window ${fmt(o.byPass.window)}, split ${fmt(o.byPass.split)}); ${fmt(o.outstanding)} outstanding;` +
      ` split search ${fmt(o.iterations)} steps, ${o.status}`,
  );
  let verdict;
  if (base) {
    console.log(
      `pandas matched ${fmt(base.exactMatches)} by reference + ${fmt(base.windowMatches)} by merge_asof` +
        " (no splits; merge_asof may reuse a statement line)",
    );
    const ratio = o.medianMs / base.medianMs;
    verdict =
      ratio <= 1
        ? `houqin is ${(1 / ratio).toFixed(2)}× as fast as the pandas baseline (ratio ${ratio.toFixed(2)}), and finds the splits too.`
        : `BEHIND: houqin takes ${ratio.toFixed(2)}× the time of the pandas baseline (${ms(o.medianMs)} against ${ms(base.medianMs)}).`;
    console.log("");
    console.log(`ratio houqin / pandas (median): ${ratio.toFixed(2)}`);
    console.log(verdict);
  } else {
    console.log("");
    console.log(INSTALL_HINT);
  }

  writeFileSync(
    join(benchDir, "results.json"),
    `${JSON.stringify(
      {
        scenario: { size, seed, windowDays, runs, planted },
        houqin: { ...o, node: process.version },
        pandas: base ?? { skipped: "pandas is not installed" },
        ratio: base ? o.medianMs / base.medianMs : null,
        behind: base ? o.medianMs > base.medianMs : null,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  if (keep) console.log(`(kept ${work})`);
  else rmSync(work, { recursive: true, force: true });
}
