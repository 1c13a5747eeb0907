/** How serious a finding is: an `error` breaks a rule of the plan, a `warning` needs a look, `info` is context. */
export type Severity = "error" | "warning" | "info";

/**
 * Everything a check reports. A bad cell, a bad row or an unreadable table is a Finding at its
 * address, never an exception that stops the other rows or tables.
 *
 * @example
 * const f: Finding = {
 *   rule: "finance/unapproved-fee", severity: "error", clause: "三(四)1",
 *   message: "收费项目“资料费”不在批准的收费标准中", sheet: "收费明细", cell: "C17", row: 17,
 * };
 */
export interface Finding {
  /** Stable id, "domain/kebab-case", e.g. "finance/unapproved-fee". */
  rule: string;
  severity: Severity;
  /** In the requested language, zh-CN by default. */
  message: string;
  /** The work-plan clause it enforces, e.g. "三(四)1". */
  clause?: string;
  /** The sheet where it is. */
  sheet?: string;
  /** The A1 address of the offending cell (or the row's first cell). */
  cell?: string;
  /** The 1-based worksheet row. */
  row?: number;
  data?: Record<string, unknown>;
}

/** The order severities sort in, most serious first. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Counts findings by severity, as in the CLI's JSON `summary`. */
export function summarizeFindings(findings: readonly Finding[]): Record<Severity, number> {
  const summary: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity] += 1;
  return summary;
}
