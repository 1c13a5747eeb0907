import type { Lang } from "@houqin/core";
import { type WriteResultsSummary, writeResults } from "@houqin/workbook";
import type { AddinHost } from "./addinHost.js";
import type { CheckOutcome } from "./runCheck.js";

/**
 * Writes a check run into the open workbook: the 检查结果 sheet (a link per finding to its cell), the
 * report sheets, and a fill and a note on each offending cell. The values of the user's cells never
 * change; the previous run's results and marks are replaced.
 *
 * @param host - the open workbook
 * @param outcome - from runCheck
 * @param lang - the language of the sheets
 * @returns the sheets written and how many cells were marked
 * @example
 * const written = await writeCheckResults(host, outcome, "zh-CN");
 * written.sheet // "检查结果"
 */
export function writeCheckResults(
  host: AddinHost,
  outcome: CheckOutcome,
  lang: Lang,
): Promise<WriteResultsSummary> {
  return writeResults(host.workbook, outcome.findings, { lang, reports: outcome.reports });
}
