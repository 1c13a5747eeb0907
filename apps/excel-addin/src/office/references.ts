import type { CellRange } from "@houqin/workbook";
import { columnNumber, MAX_COLUMN, MAX_ROW, parseRangeAddress } from "@houqin/workbook";

/** One rectangle of a sheet-qualified reference such as `'收费明细'!$A$1:$E$1`. */
export interface SheetRange extends CellRange {
  /** The sheet's name, unquoted; "" when the reference names none. */
  sheet: string;
}

/**
 * The rectangles of a reference as Excel writes them (`RangeAreas.address`, a hyperlink's
 * `documentReference`): comma-separated areas, each with an optional sheet name (quoted with `'` when
 * it needs to be, `''` for a quote in it), cells with or without `$`, whole rows or columns.
 *
 * @param reference - e.g. "Sheet1!A1:E1, Sheet1!A5:B6" or "#'收费明细'!C17"
 * @returns the areas, 1-based and inclusive; areas that are not cell references are left out
 * @example parseReference("'a b'!B2:C3") // [{ sheet: "a b", top: 2, left: 2, bottom: 3, right: 3 }]
 */
export function parseReference(reference: string): SheetRange[] {
  const areas: SheetRange[] = [];
  let i = reference.startsWith("#") ? 1 : 0;
  while (i < reference.length) {
    while (reference[i] === " " || reference[i] === ",") i++;
    if (i >= reference.length) break;
    let sheet = "";
    if (reference[i] === "'") {
      let j = i + 1;
      for (; j < reference.length; j++) {
        if (reference[j] !== "'") continue;
        if (reference[j + 1] === "'") j++;
        else break;
      }
      sheet = reference.slice(i + 1, j).replace(/''/g, "'");
      i = j + 1;
      if (reference[i] === "!") i++;
    }
    let end = reference.indexOf(",", i);
    if (end === -1) end = reference.length;
    let part = reference.slice(i, end).trim();
    const bang = part.lastIndexOf("!");
    if (bang !== -1) {
      if (sheet === "") sheet = part.slice(0, bang);
      part = part.slice(bang + 1);
    }
    const area = parseArea(part);
    if (area) areas.push({ sheet, ...area });
    i = end;
  }
  return areas;
}

/**
 * A rectangle of an unqualified A1 reference: "B2", "$A$1:$E$1", "A:C", "3:5".
 *
 * @example parseArea("A1:E1") // { top: 1, left: 1, bottom: 1, right: 5 }
 */
export function parseArea(area: string): CellRange | undefined {
  const cells = parseRangeAddress(area);
  if (cells) return cells;
  // Whole rows ("3:5") or whole columns ("A:C"): both ends of the same kind.
  const ends = area.split(":").map((end) => end.trim().replace(/^\$/, ""));
  if (ends.length > 2) return undefined;
  const [first, last = first] = ends as [string, string?];
  if (/^\d{1,7}$/.test(first) && /^\d{1,7}$/.test(last)) {
    const [top, bottom] = [Number(first), Number(last)].sort((a, b) => a - b) as [number, number];
    return top >= 1 && bottom <= MAX_ROW ? { top, left: 1, bottom, right: MAX_COLUMN } : undefined;
  }
  const from = columnNumber(first);
  const to = columnNumber(last);
  if (from === undefined || to === undefined) return undefined;
  return { top: 1, left: Math.min(from, to), bottom: MAX_ROW, right: Math.max(from, to) };
}
