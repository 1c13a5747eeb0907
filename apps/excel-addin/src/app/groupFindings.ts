import { type Finding, SEVERITIES, type Severity } from "@houqin/core";

/** The findings of one severity, by sheet. */
export interface FindingGroup {
  severity: Severity;
  count: number;
  /** Sheets in the order they first appear ("" for findings about the whole workbook); findings by row. */
  sheets: { sheet: string; findings: Finding[] }[];
}

/**
 * Groups findings for the Check page: by severity (errors, warnings, then info; a severity without
 * findings is left out), then by sheet in the order the sheets first appear (runCheck gives them in
 * workbook order), each sheet's findings by row (those without a row first, the order kept otherwise).
 *
 * @param findings - as runCheck returns them
 * @returns the groups
 * @example
 * groupFindings(outcome.findings)[0] // { severity: "error", count: 3, sheets: [{ sheet: "收费明细", findings: […] }] }
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const severity of SEVERITIES) {
    const bySheet = new Map<string, Finding[]>();
    for (const f of findings) {
      if (f.severity !== severity) continue;
      const sheet = f.sheet ?? "";
      const list = bySheet.get(sheet) ?? [];
      list.push(f);
      bySheet.set(sheet, list);
    }
    if (bySheet.size === 0) continue;
    const sheets = [...bySheet].map(([sheet, list]) => ({
      sheet,
      findings: list
        .map((f, i) => ({ f, i }))
        .sort((a, b) => (a.f.row ?? 0) - (b.f.row ?? 0) || a.i - b.i)
        .map((x) => x.f),
    }));
    groups.push({ severity, count: sheets.reduce((n, s) => n + s.findings.length, 0), sheets });
  }
  return groups;
}
