import type { Workbook } from "./workbook.js";

/**
 * The hidden sheet where houqin keeps its own bookkeeping: which sheet holds its results, and the
 * cells' own fills and notes, so "clear" can put them back.
 */
export const MARKS_SHEET_NAME = "houqin_marks";

/** The first cell of the marks sheet; the cells beside it name the results sheet and the report sheets. */
export const RESULTS_TAG = "houqin:results";

/**
 * The hidden sheet where houqin lists the sheets it generated into the workbook (schedules, rosters,
 * settlements written by the add-in), one name a row under {@link GENERATED_TAG} in A1, so that they
 * are never read back as the user's data.
 */
export const GENERATED_SHEET_NAME = "houqin_generated";

/** The first cell of {@link GENERATED_SHEET_NAME}. */
export const GENERATED_TAG = "houqin:generated";

/** The sheets houqin wrote in a workbook, none of them the user's data. */
export interface HouqinSheets {
  /** Its marks sheet (bookkeeping of the cells it marked). */
  marks?: string;
  /** Its 检查结果 sheet. */
  results?: string;
  /** The report sheets written with the results. */
  reports: string[];
  /** Its list of generated sheets, when it is houqin's (a user's sheet of that name is not). */
  generatedList?: string;
  /** The generated sheets listed there that still exist. */
  generated: string[];
}

/** The sheets houqin wrote in this workbook: marks, results, reports, and generated sheets with their list. */
export async function houqinSheets(workbook: Workbook): Promise<HouqinSheets> {
  const names = new Set((await workbook.listSheets()).map((s) => s.name));
  const listed = async (sheet: string, tag: string): Promise<string[][] | undefined> => {
    if (!names.has(sheet)) return undefined;
    const rows = (await workbook.readSheet(sheet)).rows.map((row) => row.map((c) => c?.value));
    // A user's sheet that happens to bear the name is not houqin's.
    if (rows[0]?.[0] !== tag) return undefined;
    return rows.map((row) => row.filter((v): v is string => typeof v === "string" && names.has(v)));
  };
  const generatedRows = await listed(GENERATED_SHEET_NAME, GENERATED_TAG);
  const generated = {
    generated: (generatedRows ?? []).slice(1).flatMap((row) => row.slice(0, 1)),
    ...(generatedRows === undefined ? {} : { generatedList: GENERATED_SHEET_NAME }),
  };
  if (!names.has(MARKS_SHEET_NAME)) return { reports: [], ...generated };
  const first = (await listed(MARKS_SHEET_NAME, RESULTS_TAG))?.[0];
  if (first === undefined) return { marks: MARKS_SHEET_NAME, reports: [], ...generated };
  const [results, ...reports] = first;
  return { marks: MARKS_SHEET_NAME, ...(results === undefined ? {} : { results }), reports, ...generated };
}

/**
 * Adds sheets to houqin's list of generated sheets (and drops the names of sheets deleted since), so
 * that no later check or generator reads them as data. Does nothing when a sheet of the user's bears
 * the list's name.
 *
 * @param workbook - the workbook written into
 * @param names - the sheets just generated
 * @example await recordGenerated(workbook, ["安全工作日程", "1530轮值表"]);
 */
export async function recordGenerated(workbook: Workbook, names: readonly string[]): Promise<void> {
  const own = await houqinSheets(workbook);
  const exists = (await workbook.listSheets()).some((s) => s.name === GENERATED_SHEET_NAME);
  if (exists && own.generatedList === undefined) return;
  const all = [...new Set([...own.generated, ...names])];
  await workbook.writeSheet(GENERATED_SHEET_NAME, [[GENERATED_TAG], ...all.map((n) => [n])], {
    hidden: true,
  });
}
