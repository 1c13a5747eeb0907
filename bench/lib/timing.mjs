/**
 * Timing inside the scenario's own process (stocktake, canteen-rollup, safety, office-adapter): the
 * median and best of N runs after warm-ups, the peak RSS of this process, and rows per second.
 */
import { performance } from "node:perf_hooks";
import { median } from "./stats.mjs";

/**
 * Untimed runs before the timed ones: three, so that V8 has optimised the measured code (at 10,000 lines
 * one warm-up leaves it half-compiled, and the first timed runs take two to five times as long).
 */
const WARM_UPS = 3;

/** Milliseconds to three decimals. */
function round(ms) {
  return Math.round(ms * 1000) / 1000;
}

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

/** The peak resident set of this process so far, in MB. */
export function peakRssMb() {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

/** Rows per second for a median in milliseconds. */
export function perSecond(rows, medianMs) {
  return medianMs > 0 ? Math.round((rows / medianMs) * 1000) : 0;
}
