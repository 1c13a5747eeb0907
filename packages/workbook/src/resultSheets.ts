import type { Workbook } from "./workbook.js";

/**
 * The hidden sheet where houqin keeps its own bookkeeping: which sheet holds its results, and the
 * cells' own fills and notes, so "clear" can put them back.
 */
export const MARKS_SHEET_NAME = "houqin_marks";

/** The first cell of the marks sheet; the cells beside it name the results sheet and the report sheets. */
export const RESULTS_TAG = "houqin:results";

/** The sheets houqin wrote in this workbook: its marks sheet, its results sheet and its report sheets. */
export async function houqinSheets(
  workbook: Workbook,
): Promise<{ marks?: string; results?: string; reports: string[] }> {
  const names = new Set((await workbook.listSheets()).map((s) => s.name));
  if (!names.has(MARKS_SHEET_NAME)) return { reports: [] };
  const first = (await workbook.readSheet(MARKS_SHEET_NAME)).rows[0] ?? [];
  if (first[0]?.value !== RESULTS_TAG) return { marks: MARKS_SHEET_NAME, reports: [] };
  const named = first
    .slice(1)
    .map((c) => c?.value)
    .filter((v): v is string => typeof v === "string" && names.has(v));
  const [results, ...reports] = named;
  return { marks: MARKS_SHEET_NAME, ...(results === undefined ? {} : { results }), reports };
}
