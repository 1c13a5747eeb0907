/** Medians, bests and the formatting of times, rates and sizes, shared by the harness and scenario check-e2e. */

/**
 * The median of a list of numbers (the mean of the two middle ones for an even count).
 *
 * @param {readonly number[]} values
 * @returns {number}
 */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The median, best and every time of a list of runs, rounded to 0.1 ms.
 *
 * @param {readonly number[]} timesMs
 * @returns {{ medianMs: number, bestMs: number, timesMs: number[] }}
 */
export function summarize(timesMs) {
  const round = (ms) => Math.round(ms * 10) / 10;
  return {
    medianMs: round(median(timesMs)),
    bestMs: round(Math.min(...timesMs)),
    timesMs: timesMs.map(round),
  };
}

/** 1000 -> "1k", 100000 -> "100k", 1000000 -> "1M", 60 -> "60". */
export function sizeLabel(n) {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}k`;
  return String(n);
}

/** "1k", "100k", "1M", "2500" -> a number; NaN when it is none. */
export function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) return Number.NaN;
  const unit = m[2]?.toLowerCase();
  return Math.round(Number(m[1]) * (unit === "k" ? 1000 : unit === "m" ? 1_000_000 : 1));
}

/** A duration: "0.42 ms", "12.3 ms", "842 ms", "12.4 s". */
export function formatMs(ms) {
  if (ms === undefined || ms === null || Number.isNaN(ms)) return "—";
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Rows per second: "950/s", "12.3k/s", "4.56M/s". */
export function formatRate(perSecond) {
  if (perSecond === undefined || perSecond === null || !Number.isFinite(perSecond)) return "—";
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)}M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)}k/s`;
  return `${Math.round(perSecond)}/s`;
}

/** Megabytes: "212 MB". */
export function formatMb(mb) {
  return mb === undefined || mb === null || Number.isNaN(mb) ? "—" : `${Math.round(mb)}`;
}
