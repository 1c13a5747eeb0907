import type { CheckProgress } from "@houqin/workbook";

/**
 * Where a long run is, for the task pane's progress bar: runChecks' phase and step (the label is ""
 * when the phase is done) and `fraction`, 0..1 overall.
 */
export type Progress = CheckProgress & { fraction: number };

/**
 * Turns runChecks' per-phase progress into overall progress: reading the sheets takes the first
 * `readShare` of the bar (in Excel it is the slow part), the checks the rest.
 */
export function progressOf(p: CheckProgress, readShare: number): Progress {
  const part = p.total === 0 ? 1 : Math.min(1, p.done / p.total);
  const fraction = p.phase === "read" ? part * readShare : readShare + part * (1 - readShare);
  return { phase: p.phase, done: p.done, total: p.total, label: p.label, fraction };
}
