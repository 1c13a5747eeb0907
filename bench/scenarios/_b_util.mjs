/**
 * Small helpers shared by the scenarios stocktake, canteen-rollup, safety and office-adapter: a seeded
 * random generator, a timer (median and best of N runs after warm-ups), the peak RSS of this process,
 * and a Python runner that parses the baseline's one JSON line.
 */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

/**
 * mulberry32: a small seeded generator of floats in [0, 1). The same seed gives the same sequence.
 *
 * @param {number} seed
 * @returns {() => number}
 */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Untimed runs before the timed ones: three, so that V8 has optimised the measured code (at 10,000 lines
 * one warm-up leaves it half-compiled, and the first timed runs take two to five times as long).
 */
export const WARM_UPS = 3;

/**
 * Times `fn` `runs` times after `warmUp` untimed runs (sync or async): wall time, and the CPU time of
 * this process (user + system, all its threads: the garbage collector's too), which a busy machine
 * disturbs less than the wall time.
 *
 * @template T
 * @param {() => T | Promise<T>} fn
 * @param {number} runs
 * @param {number} [warmUp]
 * @returns {Promise<{ medianMs: number, bestMs: number, cpuMedianMs: number, timesMs: number[], last: T }>}
 */
export async function timeRuns(fn, runs, warmUp = WARM_UPS) {
  let last;
  for (let i = 0; i < warmUp; i++) last = await fn();
  const times = [];
  const cpu = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    last = await fn();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return {
    medianMs: round(median(times)),
    bestMs: round(Math.min(...times)),
    cpuMedianMs: round(median(cpu)),
    timesMs: times.map(round),
    last,
  };
}

/** Milliseconds to three decimals. */
export function round(ms) {
  return Math.round(ms * 1000) / 1000;
}

/** The peak resident set of this process so far, in MB. */
export function peakRssMb() {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

/** Rows per second for a median in milliseconds. */
export function perSecond(rows, medianMs) {
  return medianMs > 0 ? Math.round((rows / medianMs) * 1000) : 0;
}

/** How to install pandas when it is missing. */
export const PANDAS_HINT =
  "pandas is not installed, so the baseline was not run: apt-get install -y python3-pandas (Debian/Ubuntu), " +
  "or python3 -m pip install pandas; then PYTHON=/usr/bin/python3 npm run bench";

/**
 * Runs a Python baseline and parses the last line of its output as JSON.
 *
 * @param {string | undefined} python - the interpreter (from the harness); PYTHON or python3 when absent
 * @param {string[]} args - the script and its arguments
 * @returns {{ json?: any, skipped?: string }}
 */
export function runPython(python, args) {
  const interpreter = python ?? process.env.PYTHON ?? "python3";
  const probe = spawnSync(interpreter, ["-c", "import pandas"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return { skipped: PANDAS_HINT };
  const result = spawnSync(interpreter, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const lines = (result.stdout ?? "").trim().split("\n");
  try {
    const json = JSON.parse(lines[lines.length - 1] ?? "");
    if (json.error) return { skipped: `the baseline failed: ${json.error}` };
    return { json };
  } catch {
    return {
      skipped: `the baseline failed: ${((result.stderr || result.stdout) ?? "").trim().slice(-1000)}`,
    };
  }
}
