#!/usr/bin/env node
/**
 * houqin's benchmarks, every scenario in one run, side by side with the tools a school would use
 * instead. Each (scenario, size) runs in a fresh child process (lib/child.mjs), so its peak RSS is its
 * own; the harness prints one table (ours, the baseline, the ratio ours / baseline, rows per second,
 * peak RSS, the target, whether it is met — BEHIND where not, "—" where not measured because a baseline
 * the target needs was skipped) and writes results.json with the machine's description.
 *
 * Scenarios are the modules bench/scenarios/<id>.mjs exporting
 *   scenario = { id, title, sizes, target, run({ size, seed, runs, workDir, python }) -> ScenarioResult }
 *
 * Usage (from the repository root, after `npx turbo run build`):
 *   node bench/run.mjs [--only id,id] [--sizes 1k,10k] [--runs N] [--seed N] [--quick] [--out FILE] [--keep]
 *   --quick   sizes up to 10k and 3 runs: a smoke test
 *   --out     where to write the results (default bench/results.json for a full run; a partial run —
 *             --only, --sizes or --quick — writes nothing unless --out is given)
 *   --keep    keep the generated data (the work directories are printed)
 * Environment: PYTHON=/path/to/python3 picks the interpreter of the Python baselines.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BENCH_DIR, listScenarios, loadScenario } from "./lib/discover.mjs";
import { machineInfo } from "./lib/machine.mjs";
import { detectPython } from "./lib/python.mjs";
import { formatMs, parseSize, sizeLabel } from "./lib/stats.mjs";
import { comparisonsOf, renderTable } from "./lib/table.mjs";

const CHILD = fileURLToPath(new URL("./lib/child.mjs", import.meta.url));
/** A (scenario, size) child that runs longer than this is stopped and reported as an error. */
const CHILD_TIMEOUT_MS = 60 * 60 * 1000;

function usage(message) {
  if (message) console.error(`bench: ${message}`);
  console.error(
    "usage: node bench/run.mjs [--only id,id] [--sizes 1k,10k] [--runs N] [--seed N] [--quick] [--out FILE] [--keep]",
  );
  process.exit(2);
}

function parseArgs(argv) {
  const options = { runs: undefined, seed: 20230901, quick: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${arg} needs a value`);
      return v;
    };
    if (arg === "--only") options.only = value().split(",").filter(Boolean);
    else if (arg === "--sizes") {
      options.sizes = value().split(",").map(parseSize);
      if (options.sizes.some((n) => !Number.isFinite(n) || n <= 0)) usage("--sizes: e.g. 1k,10k,100k");
    } else if (arg === "--runs") {
      options.runs = Number(value());
      if (!Number.isInteger(options.runs) || options.runs < 1) usage("--runs: a whole number ≥ 1");
    } else if (arg === "--seed") options.seed = Number(value());
    else if (arg === "--quick") options.quick = true;
    else if (arg === "--keep") options.keep = true;
    else if (arg === "--out") options.out = resolve(value());
    else if (arg === "--help" || arg === "-h") usage();
    else usage(`unknown option ${arg}`);
  }
  options.runs ??= options.quick ? 3 : 5;
  return options;
}

/** The sizes a scenario runs at: --sizes replaces a list of several; --quick keeps those up to 10k. */
function sizesFor(scenario, options) {
  let sizes = [...(scenario.sizes ?? [])];
  if (options.sizes && sizes.length > 1) sizes = options.sizes;
  if (options.quick) {
    const small = sizes.filter((n) => n <= 10_000);
    sizes = small.length > 0 ? small : sizes.slice(0, 1);
  }
  return sizes.length > 0 ? sizes : [0];
}

/** Runs one (scenario, size) in a fresh process and returns its result, or { size, error }. */
function runChild(file, size, options, python, root) {
  const workDir = join(root, `${basename(file, ".mjs")}-${sizeLabel(size)}`);
  mkdirSync(workDir, { recursive: true });
  const resultFile = join(workDir, "result.json");
  const childOptions = {
    size,
    seed: options.seed,
    runs: options.runs,
    workDir,
    python: python.path,
    quick: options.quick,
  };
  const started = Date.now();
  const child = spawnSync(process.execPath, [CHILD, file, resultFile, JSON.stringify(childOptions)], {
    cwd: BENCH_DIR,
    stdio: ["ignore", 2, 2],
    timeout: CHILD_TIMEOUT_MS,
  });
  const wallMs = Date.now() - started;
  let out;
  try {
    out = JSON.parse(readFileSync(resultFile, "utf8"));
  } catch {
    out = {
      ok: false,
      error: child.error
        ? child.error.message
        : `the child process ended (status ${child.status}, signal ${child.signal}) without a result`,
    };
  }
  if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  if (!out.ok) return { size, error: out.error, wallMs };
  const result = { ...out.result, size: out.result.size ?? size, wallMs };
  if (result.ours && result.ours.peakRssMb === undefined) result.ours.peakRssMb = out.childPeakRssMb;
  return result;
}

const options = parseArgs(process.argv.slice(2));
const partial = Boolean(options.only || options.sizes || options.quick);
const outFile = options.out ?? (partial ? undefined : join(BENCH_DIR, "results.json"));
const python = detectPython();
const machine = machineInfo(python);

console.error(
  `houqin bench: ${machine.cpus} × ${machine.model}, ${machine.memGiB} GiB, Node ${machine.node}, ` +
    (python.pandas
      ? `Python ${python.python} (${python.path}), pandas ${python.pandas}, openpyxl ${python.openpyxl ?? "missing"}`
      : "no pandas"),
);
if (python.hint) console.error(`bench: ${python.hint}`);
console.error(
  `load average at start: ${machine.loadAverageAtStart.join(", ")}; runs ${options.runs}, seed ${options.seed}`,
);

const listed = listScenarios().filter((s) => !options.only || options.only.includes(s.id));
if (options.only) {
  const unknown = options.only.filter((id) => !listed.some((s) => s.id === id));
  if (unknown.length > 0) usage(`--only: no scenario ${unknown.join(", ")}`);
}
const root = mkdtempSync(join(tmpdir(), "houqin-bench-"));
const ran = [];
const skipped = [];
try {
  for (const { id, file } of listed) {
    if (!file) {
      skipped.push({ id, reason: `no module bench/scenarios/${id}.mjs` });
      console.error(`bench: scenario ${id} skipped: bench/scenarios/${id}.mjs is missing`);
      continue;
    }
    let scenario;
    try {
      scenario = await loadScenario(file);
    } catch (error) {
      skipped.push({ id, reason: `cannot load: ${error instanceof Error ? error.message : String(error)}` });
      console.error(
        `bench: scenario ${id} skipped: ${error instanceof Error ? error.message : String(error)}`,
      );
      continue;
    }
    const entry = {
      id: scenario.id ?? id,
      title: scenario.title,
      target: scenario.target,
      ...(scenario.sizeUnit ? { sizeUnit: scenario.sizeUnit } : {}),
      results: [],
    };
    ran.push(entry);
    for (const size of sizesFor(scenario, options)) {
      console.error(`bench: ${entry.id} at ${sizeLabel(size)}${entry.sizeUnit ? ` ${entry.sizeUnit}` : ""}…`);
      const result = runChild(file, size, options, python, root);
      entry.results.push(result);
      console.error(
        result.error
          ? `bench: ${entry.id} at ${sizeLabel(size)}: ERROR ${result.error.split("\n")[0]}`
          : `bench: ${entry.id} at ${sizeLabel(size)}: ours ${formatMs(result.ours?.medianMs)}` +
              comparisonsOf(result)
                .map((c) =>
                  c.ratio === undefined || c.ratio === null ? "" : `, ${c.name} ratio ${c.ratio.toFixed(2)}`,
                )
                .join("") +
              ` (${formatMs(result.wallMs)} in all)`,
      );
    }
  }
} finally {
  if (options.keep) console.error(`bench: data kept in ${root}`);
  else rmSync(root, { recursive: true, force: true });
}

// The table, the targets, the notes, the summary.
console.log("");
console.log(renderTable(ran));
console.log("");
console.log("Targets:");
for (const s of ran) console.log(`  ${s.id}: ${s.target}`);
const notes = ran.flatMap((s) =>
  s.results.flatMap((r) => (r.notes ?? []).map((n) => `  ${s.id} ${sizeLabel(r.size)}: ${n}`)),
);
if (notes.length > 0) {
  console.log("");
  console.log("Notes:");
  for (const n of notes) console.log(n);
}
const lines = ran.flatMap((s) => s.results.map((r) => ({ id: s.id, r })));
const behind = lines.filter(({ r }) => !r.error && r.met === false);
const errors = lines.filter(({ r }) => r.error);
const met = lines.filter(({ r }) => !r.error && r.met === true);
// A run whose target needs a skipped baseline (no pandas) leaves `met` undefined: neither met nor behind.
const notMeasured = lines.filter(({ r }) => !r.error && r.met === undefined);
const label = ({ id, r }) => `${id} ${sizeLabel(r.size)}`;
const summary =
  `${met.length} of ${lines.length} (scenario, size) runs met their targets` +
  (behind.length > 0 ? `; BEHIND: ${behind.map(label).join(", ")}` : "; none behind") +
  (notMeasured.length > 0
    ? `; not measured (a baseline skipped): ${notMeasured.map(label).join(", ")}`
    : "") +
  (errors.length > 0 ? `; ERROR: ${errors.map(label).join(", ")}` : "") +
  (skipped.length > 0 ? `; skipped: ${skipped.map((s) => s.id).join(", ")}` : "") +
  `. Figures from one run on ${machine.cpus} cores (load average ${machine.loadAverageAtStart[0]} at start).`;
console.log("");
console.log(`Summary: ${summary}`);
if (python.hint) console.log(`(${python.hint})`);

if (outFile) {
  const results = {
    version: 1,
    date: new Date().toISOString(),
    machine,
    options: {
      runs: options.runs,
      seed: options.seed,
      quick: options.quick,
      ...(options.only ? { only: options.only } : {}),
      ...(options.sizes ? { sizes: options.sizes } : {}),
    },
    scenarios: ran,
    skipped,
    summary: {
      met: met.map(label),
      behind: behind.map(label),
      notMeasured: notMeasured.map(label),
      errors: errors.map(label),
      text: summary,
    },
  };
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
  console.error(`bench: wrote ${outFile}`);
}
process.exitCode = errors.length > 0 ? 1 : 0;
