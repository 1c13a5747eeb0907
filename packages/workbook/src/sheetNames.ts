import { HouqinError } from "@houqin/core";

/** The longest sheet name Excel allows. */
export const MAX_SHEET_NAME = 31;

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max);
  // Never leave half of a surrogate pair.
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

function trimQuotes(s: string): string {
  return s.replace(/^[\s']+|[\s']+$/g, "");
}

/**
 * A name Excel accepts for a sheet: the characters [ ] : * ? / \ become "_", control characters go,
 * no apostrophe at either end, at most 31 characters, never blank ("Sheet") nor the reserved "History".
 *
 * @example safeSheetName("教练 王/李") // "教练 王_李"
 */
export function safeSheetName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  let s = trimQuotes(name.replace(/[[\]:*?/\\]/g, "_").replace(/[\u0000-\u001f\u007f]/g, ""));
  s = trimQuotes(cut(s, MAX_SHEET_NAME));
  if (s === "") return "Sheet";
  if (s.toLowerCase() === "history") return `${s}_`;
  return s;
}

/**
 * {@link safeSheetName}, made unique among `taken` the way Excel compares names (ignoring case):
 * "教练 王老师", then "教练 王老师(2)", "(3)"…, shortened so the suffix fits in 31 characters.
 *
 * @example uniqueSheetName("总览", new Set(["总览"])) // "总览(2)"
 */
export function uniqueSheetName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = safeSheetName(name);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = `(${n})`;
    const candidate = safeSheetName(`${trimQuotes(cut(base, MAX_SHEET_NAME - suffix.length))}${suffix}`);
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Checks a sheet name as Excel would: 1–31 characters, none of : \\ / ? * [ ], no quote at either
 * end, not "History" in any case (Excel keeps it for change tracking).
 *
 * @throws HouqinError `INVALID_ARGUMENT` for a name Excel does not allow
 */
export function assertSheetName(name: string): void {
  if (
    name.length === 0 ||
    name.length > MAX_SHEET_NAME ||
    /[:\\/?*[\]]/.test(name) ||
    /^'|'$/.test(name) ||
    name.toLowerCase() === "history"
  ) {
    throw new HouqinError("INVALID_ARGUMENT", `Not a sheet name Excel allows: ${JSON.stringify(name)}`);
  }
}
