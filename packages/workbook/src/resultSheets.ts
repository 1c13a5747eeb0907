import type { Workbook } from "./workbook.js";

/**
 * The hidden sheet where houqin keeps its own bookkeeping: which sheet holds its results, and the
 * cells' own fills and notes, so "clear" can put them back.
 */
export const MARKS_SHEET_NAME = "houqin_marks";

/** The first cell of the marks sheet; the cell beside it names the results sheet. */
export const RESULTS_TAG = "houqin:results";

/** The sheets houqin wrote in this workbook: its marks sheet and its results sheet, if any. */
export async function houqinSheets(workbook: Workbook): Promise<{ marks?: string; results?: string }> {
  const names = new Set((await workbook.listSheets()).map((s) => s.name));
  if (!names.has(MARKS_SHEET_NAME)) return {};
  const first = (await workbook.readSheet(MARKS_SHEET_NAME)).rows[0];
  const results = first?.[0]?.value === RESULTS_TAG ? first[1]?.value : undefined;
  return {
    marks: MARKS_SHEET_NAME,
    ...(typeof results === "string" && names.has(results) ? { results } : {}),
  };
}
