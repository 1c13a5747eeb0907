import { clearResults } from "@houqin/workbook";
import type { AddinHost } from "./addinHost.js";

/**
 * Removes houqin's results from the open workbook: the 检查结果 and report sheets, and the marks on
 * the user's cells, whose own fills and notes are put back.
 *
 * @param host - the open workbook
 * @returns how many cells were restored
 * @example await clearMarks(host) // 5
 */
export function clearMarks(host: AddinHost): Promise<number> {
  return clearResults(host.workbook);
}
