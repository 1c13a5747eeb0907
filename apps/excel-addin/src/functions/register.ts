import { depreciation, fen, isSchoolDay, netValue, nextDueDate, nextSchoolDay } from "./functions.js";

/**
 * The HOUQIN custom functions by their id in functions.json (the @customfunction tags of
 * functions.ts); Excel shows them as HOUQIN.<id>.
 */
export const CUSTOM_FUNCTIONS: Readonly<Record<string, (...args: never[]) => unknown>> = Object.freeze({
  ISSCHOOLDAY: isSchoolDay,
  NEXTSCHOOLDAY: nextSchoolDay,
  DEPRECIATION: depreciation,
  NETVALUE: netValue,
  NEXTDUE: nextDueDate,
  FEN: fen,
});

/**
 * Associates each custom function with its id, when the custom functions runtime is there (the
 * add-in's shared runtime; the `CustomFunctions` global exists nowhere else). The task pane entry
 * calls it once at start-up; calling it again associates the same functions again.
 *
 * @returns the ids associated; empty outside Excel
 * @example
 * registerFunctions() // ["ISSCHOOLDAY", "NEXTSCHOOLDAY", "DEPRECIATION", "NETVALUE", "NEXTDUE", "FEN"] in Excel
 */
export function registerFunctions(): string[] {
  const runtime = (globalThis as { CustomFunctions?: Pick<typeof CustomFunctions, "associate"> })
    .CustomFunctions;
  if (typeof runtime?.associate !== "function") return [];
  for (const [id, fn] of Object.entries(CUSTOM_FUNCTIONS)) runtime.associate(id, fn);
  return Object.keys(CUSTOM_FUNCTIONS);
}
