import type { Finding } from "@houqin/core";

/**
 * Where a finding is, as the user would type it in Excel: "sheet!cell", the sheet alone when the
 * finding names no cell, and "" for a finding about the whole workbook.
 *
 * @param finding - a finding from the services
 * @returns the place, or "" when it has none
 * @example findingPlace({ sheet: "收费明细", cell: "E5", ... }) // "收费明细!E5"
 */
export function findingPlace(finding: Pick<Finding, "sheet" | "cell">): string {
  if (!finding.sheet) return "";
  return finding.cell ? `${finding.sheet}!${finding.cell}` : finding.sheet;
}
