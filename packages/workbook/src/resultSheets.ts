/** The names of the results sheet in each language; a run replaces any of them. */
export const RESULT_SHEET_NAMES: readonly string[] = ["检查结果", "Check results"];

/** The hidden sheet where houqin keeps the cells' own fills and notes, so "clear" can put them back. */
export const MARKS_SHEET_NAME = "houqin_marks";
