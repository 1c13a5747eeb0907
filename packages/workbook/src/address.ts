import type { CellRange } from "./workbook.js";

/** The last row of an Excel sheet (row 1,048,576). */
export const MAX_ROW = 1_048_576;

/** The last column of an Excel sheet (column 16,384, XFD). */
export const MAX_COLUMN = 16_384;

/**
 * The letters of a 1-based column number.
 * @example columnLetter(1) // "A"; columnLetter(28) // "AB"
 */
export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The 1-based number of a column's letters, or undefined when they are not letters A–XFD.
 * @example columnNumber("AB") // 28
 */
export function columnNumber(letters: string): number | undefined {
  const s = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return undefined;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMN ? n : undefined;
}

/**
 * The A1 address of a 1-based row and column.
 * @example cellAddress(17, 3) // "C17"
 */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/**
 * Row and column of an A1 address ("$" allowed), or undefined.
 * @example parseCellAddress("C17") // { row: 17, column: 3 }
 */
export function parseCellAddress(address: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  const column = columnNumber(m[1] as string);
  const row = Number(m[2]);
  if (column === undefined || row < 1 || row > MAX_ROW) return undefined;
  return { row, column };
}

/**
 * The rectangle of one cell or of two corner cells ("C17", "$A$1:$B$2", "C3:A1"), 1-based and
 * inclusive, or undefined for anything else (whole rows or columns included).
 * @example parseRangeAddress("C3:A1") // { top: 1, left: 1, bottom: 3, right: 3 }
 */
export function parseRangeAddress(address: string): CellRange | undefined {
  const ends = address.split(":");
  if (ends.length > 2) return undefined;
  const first = parseCellAddress(ends[0] as string);
  const last = ends.length === 2 ? parseCellAddress(ends[1] as string) : first;
  if (!first || !last) return undefined;
  return {
    top: Math.min(first.row, last.row),
    left: Math.min(first.column, last.column),
    bottom: Math.max(first.row, last.row),
    right: Math.max(first.column, last.column),
  };
}

/**
 * A sheet-qualified reference as Excel writes it, quoting the name when needed: any name but a plain
 * word, and a word that reads as a cell (Q1, FY2024) or an R1C1 reference (R2C3, R, C).
 * @example sheetReference("收费明细", "C17") // "'收费明细'!C17"
 * @example sheetReference("Q1", "C17") // "'Q1'!C17"
 */
export function sheetReference(sheet: string, address: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) &&
    !/^[A-Za-z]{1,3}\d+$/.test(sheet) &&
    !/^(?:R\d*C?\d*|C\d*)$/i.test(sheet);
  const quoted = plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${address}`;
}
