import type { Cell, CellValue } from "@houqin/core";
import type { CellRange, SheetData } from "../workbook.js";

/** A sheet for tests from rows of plain values ("A1:C1"-style merges). */
export function sheetOf(
  name: string,
  rows: readonly (readonly CellValue[])[],
  merges: readonly string[] = [],
): SheetData {
  const toCell = (value: CellValue): Cell => ({
    value,
    text: value === null ? "" : typeof value === "object" ? value.error : String(value),
  });
  return {
    name,
    rows: rows.map((r) => r.map(toCell)),
    merges: merges.map(parseRange),
  };
}

function parseRange(range: string): CellRange {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) throw new Error(`bad range ${range}`);
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1] as string), bottom: Number(m[4]), right: col(m[3] as string) };
}
