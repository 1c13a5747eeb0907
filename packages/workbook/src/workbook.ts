import type { Cell, DateSystem } from "@houqin/core";

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet read into memory: a grid of cells and its merged ranges. */
export interface SheetData {
  name: string;
  /**
   * Rows of cells up to the last non-empty row: `rows[r - 1]?.[c - 1]` is the cell at row r, column c.
   * A row may stop before the others (at its last value); a missing cell is blank.
   */
  rows: readonly (readonly Cell[])[];
  /** Merged ranges; the value of a merged range lives in its top-left cell. */
  merges: readonly CellRange[];
}

/** A sheet's name and whether the user can see it. */
export interface SheetInfo {
  name: string;
  visible: boolean;
}

/** A cell houqin writes into a sheet of its own. */
export type OutCell =
  | string
  | number
  | null
  | { text: string; link: { sheet: string; cell: string } }
  | { text: string; bold: true }
  /** A number shown in an Excel number format ("¥#,##0.00", "0.0%", "yyyy-mm-dd" for a date serial). */
  | { value: number; format: string };

/** How a sheet that houqin writes should look. */
export interface WriteSheetOptions {
  /** Hidden from the user (houqin's own bookkeeping). */
  hidden?: boolean;
  /** Column widths in characters. */
  columnWidths?: readonly number[];
  /** Rows at the top frozen on scroll (the header). */
  frozenRows?: number;
}

/** A sheet to write: its name, rows (header first) and look. */
export interface SheetToWrite {
  name: string;
  rows: OutCell[][];
  options: WriteSheetOptions;
}

/** What a cell looked like before houqin marked it: an adapter-specific fill token and its note. */
export interface CellDecoration {
  address: string;
  /** The cell's own fill, serialised by the adapter so it can be put back exactly; null for no fill. */
  fill: string | null;
  /** The cell's own note (comment) text; null for none. */
  note: string | null;
}

/** A value houqin writes into a cell of a sheet it does not own (only the settings sheet, when the user saves a setting). */
export interface CellWrite {
  /** A1 address. */
  address: string;
  /** The new value; null empties the cell. */
  value: string | number | null;
}

/** A mark houqin puts on an offending cell. */
export interface CellMark {
  address: string;
  /** ARGB fill colour, e.g. "FFFFC7CE". */
  color: string;
  note: string;
}

/**
 * A workbook as houqin sees it, whatever holds it: an .xlsx file, Excel itself
 * (Office.js), or memory. Reads return whole sheets; writes take whole arrays, so an adapter can
 * batch them (Office.js: few `context.sync()` calls). Adapters never change the values of cells
 * outside the sheets houqin writes.
 */
export interface Workbook {
  /** The date system serial numbers in this workbook count from. */
  readonly dateSystem: DateSystem;
  /** The sheets in workbook order. */
  listSheets(): Promise<SheetInfo[]>;
  /** Reads a whole sheet (its used range). */
  readSheet(name: string): Promise<SheetData>;
  /** Creates or replaces a sheet houqin owns with these rows (row 1 first). */
  writeSheet(name: string, rows: readonly (readonly OutCell[])[], options?: WriteSheetOptions): Promise<void>;
  /**
   * Writes values into cells of a sheet, creating it (visible, after the others) when it does not exist;
   * other cells, their formats and the sheet's place stay as they are. Used only for the settings sheet,
   * when the user saves a setting (a table's column mapping); checks never call it.
   */
  setCells(sheet: string, cells: readonly CellWrite[]): Promise<void>;
  /** Deletes a sheet; nothing happens when it does not exist. */
  deleteSheet(name: string): Promise<void>;
  /** The current fill and note of these cells. */
  readDecorations(sheet: string, addresses: readonly string[]): Promise<CellDecoration[]>;
  /** Fills these cells and gives them notes; values stay as they are. */
  markCells(sheet: string, marks: readonly CellMark[]): Promise<void>;
  /** Puts back fills and notes read earlier by {@link Workbook.readDecorations}. */
  restoreDecorations(sheet: string, decorations: readonly CellDecoration[]): Promise<void>;
}
