import type { IsoDate } from "@houqin/core";
import type ExcelJS from "exceljs";

// How the sample generators lay out a sheet, as schools do: a merged title, a blank row, a bold header.

/** A date at midnight UTC, as exceljs writes dates. */
export const utc = (iso: IsoDate) =>
  new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
const ISO_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A sheet written by {@link writeSheet}. */
export interface Written {
  sheet: string;
  /** The worksheet row of a data row (0-based index into the rows given). */
  rowOf(index: number): number;
}

/**
 * Writes a sheet: with a title, a merged title row and a blank row above the bold header; then the data,
 * ISO dates written as dates.
 */
export function writeSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string | undefined,
  header: string[],
  rows: readonly ExcelJS.CellValue[][],
  widths: number[],
): Written {
  const ws = wb.addWorksheet(name);
  ws.columns = widths.map((width) => ({ width }));
  let headerRow = 1;
  if (title !== undefined) {
    ws.mergeCells(1, 1, 1, header.length);
    ws.getCell("A1").value = title;
    ws.getCell("A1").font = { bold: true, size: 14 };
    headerRow = 3;
  }
  ws.getRow(headerRow).values = header;
  ws.getRow(headerRow).font = { bold: true };
  rows.forEach((row, i) => {
    row.forEach((v, c) => {
      const cell = ws.getCell(headerRow + 1 + i, c + 1);
      if (typeof v === "string" && ISO_RE.test(v)) {
        cell.value = utc(v);
        cell.numFmt = "yyyy-mm-dd";
      } else cell.value = v;
    });
  });
  return { sheet: name, rowOf: (index) => headerRow + 1 + index };
}

/** Yuan from fen, for a cell. */
export const yuan = (fen: number) => fen / 100;
