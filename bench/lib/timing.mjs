/**
 * Timing inside the scenario's own process (stocktake, canteen-rollup, safety, office-adapter) with
 * tinybench: the median and best of N runs after warm-ups, the CPU time of each run, the peak RSS of
 * this process, and rows per second.
 */
import { Bench } from "tinybench";
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
 * Times `fn` exactly `runs` times after `warmUp` untimed runs (sync or async), with tinybench: wall
 * time (tinybench's latency samples), and the CPU time of this process (user + system, all its
 * threads: the garbage collector's too), which a busy machine disturbs less than the wall time.
 *
 * @template T
 * @param {() => T | Promise<T>} fn
 * @param {number} runs
 * @param {number} [warmUp]
 * @returns {Promise<{ medianMs: number, bestMs: number, cpuMedianMs: number, timesMs: number[], last: T }>}
 */
export async function timeRuns(fn, runs, warmUp = WARM_UPS) {
  let last;
  let cpuStart;
  const cpu = [];
  const bench = new Bench({
    iterations: Math.max(1, runs),
    time: 0,
    warmup: warmUp > 0,
    warmupIterations: warmUp,
    warmupTime: 0,
    retainSamples: true,
    throws: true,
  });
  bench.add(
    "run",
    async () => {
      last = await fn();
    },
    {
      beforeEach() {
        cpuStart = process.cpuUsage();
      },
      afterEach() {
        const used = process.cpuUsage(cpuStart);
        cpu.push((used.user + used.system) / 1000);
      },
    },
  );
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (result?.state !== "completed") throw new Error(`timing failed: ${result?.state ?? "no result"}`);
  const times = [...(result.latency.samples ?? [])];
  // The hooks run in the warm-up too: the timed runs' CPU times are the last ones.
  const timedCpu = cpu.slice(-times.length);
  return {
    medianMs: round(result.latency.p50),
    bestMs: round(result.latency.min),
    cpuMedianMs: round(median(timedCpu)),
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
