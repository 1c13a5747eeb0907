/**
 * The parts of the Excel JavaScript API (Office.js) that {@link OfficeWorkbook} uses, as structural
 * types. The adapter never touches the `Excel` global: it is handed a runner ({@link ExcelRun},
 * `Excel.run` in Excel) whose context has this shape, so the same code runs against Excel itself,
 * against the in-memory fake (src/testing/fakeExcel.ts) and against `office-addin-mock` objects.
 *
 * The real `Excel.RequestContext` is checked to fit {@link ExcelContext} at compile time (see
 * {@link RequestContextFits} at the end of this file): a property or method named here that Excel
 * does not have, or has with another type, fails `tsc`.
 *
 * Requirement sets used: ExcelApi 1.9 (cell properties, fill patterns), 1.13 (merged areas), 1.18
 * (notes); everything else is older.
 */

/** Where an Excel hyperlink leads (`Excel.RangeHyperlink`). */
export interface ExcelHyperlink {
  /** A URL. */
  address?: string;
  /** A place in this workbook, e.g. `'收费明细'!C17`. */
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

/** Font settings of one cell in {@link ExcelRange.setCellProperties}. */
export interface ExcelCellFont {
  bold?: boolean;
  color?: string;
  underline?: string;
}

/** Format settings of one cell in {@link ExcelRange.setCellProperties}. */
export interface ExcelCellFormat {
  font?: ExcelCellFont;
}

/** What {@link ExcelRange.setCellProperties} sets on one cell; `{}` leaves the cell as it is. */
export interface ExcelSettableCellProperties {
  format?: ExcelCellFormat;
  hyperlink?: ExcelHyperlink;
}

/** What {@link ExcelRange.getCellProperties} reads of one cell. */
export interface ExcelCellProperties {
  hyperlink?: ExcelHyperlink | null;
}

/** A value Excel computes after `sync()` (`OfficeExtension.ClientResult`). */
export interface ExcelClientResult<T> {
  readonly value: T;
}

/** The fill of a range (`Excel.RangeFill`); null when the cells of the range differ. */
export interface ExcelRangeFill {
  /** "#RRGGBB". */
  color: string | null;
  /** "None", "Solid", "Gray50", …; null when mixed (and, in some builds, for no fill). */
  pattern: string | null;
  patternColor: string | null;
  /** Null for a cell with no fill, a number for a filled one. */
  tintAndShade: number | null;
  /** Removes the fill. */
  clear(): void;
  load(propertyNames: string): unknown;
}

/** The format of a range (`Excel.RangeFormat`). */
export interface ExcelRangeFormat {
  /** Width of the range's columns in points. */
  columnWidth: number;
  readonly fill: ExcelRangeFill;
}

/** Several rectangles of one sheet (`Excel.RangeAreas`). */
export interface ExcelRangeAreas {
  /** e.g. "Sheet1!A1:E1, Sheet1!A5:B6". */
  readonly address: string;
  readonly isNullObject: boolean;
  load(propertyNames: string): unknown;
}

/** A rectangle of cells (`Excel.Range`). */
export interface ExcelRange {
  /** 0-based row of the top-left cell. */
  readonly rowIndex: number;
  /** 0-based column of the top-left cell. */
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject: boolean;
  /** Raw values: numbers (dates as serials), strings ("" for blank), booleans, error texts. */
  values: unknown[][];
  /** Number format codes ("General", "@", "yyyy-mm-dd", …). */
  numberFormat: unknown[][];
  /** The text each cell shows. */
  readonly text: string[][];
  /** "Empty", "String", "Double", "Integer", "Boolean", "Error", "RichValue", "Unknown". */
  readonly valueTypes: string[][];
  readonly format: ExcelRangeFormat;
  getMergedAreasOrNullObject(): ExcelRangeAreas;
  getCellProperties(options: { hyperlink?: boolean }): ExcelClientResult<ExcelCellProperties[][]>;
  setCellProperties(cellProperties: ExcelSettableCellProperties[][]): void;
  select(): void;
  load(propertyNames: string): unknown;
}

/** Frozen panes of a sheet (`Excel.WorksheetFreezePanes`). */
export interface ExcelFreezePanes {
  freezeRows(count?: number): void;
}

/** A note (the classic cell comment, `Excel.Note`, ExcelApi 1.18). */
export interface ExcelNote {
  content: string;
  readonly isNullObject: boolean;
  delete(): void;
  load(propertyNames: string): unknown;
}

/** The notes of a sheet (`Excel.NoteCollection`, ExcelApi 1.18). */
export interface ExcelNoteCollection {
  /** Adds a note; fails when the cell has one. */
  add(cellAddress: string, content: string): ExcelNote;
  /** The note of a cell ("B3"), or a null object. */
  getItemOrNullObject(key: string): ExcelNote;
}

/** A sheet (`Excel.Worksheet`). */
export interface ExcelWorksheet {
  name: string;
  /** 0-based place among the sheets. */
  position: number;
  /** "Visible", "Hidden" or "VeryHidden". */
  visibility: string;
  readonly isNullObject: boolean;
  readonly freezePanes: ExcelFreezePanes;
  readonly notes: ExcelNoteCollection;
  activate(): void;
  delete(): void;
  getRange(address?: string): ExcelRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): ExcelRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  load(propertyNames: string): unknown;
}

/** The sheets of a workbook (`Excel.WorksheetCollection`). */
export interface ExcelWorksheetCollection {
  readonly items: ExcelWorksheet[];
  /** Adds a sheet after the others (named by Excel when no name is given). */
  add(name?: string): ExcelWorksheet;
  /** A sheet by name (any case); the batch fails with `ItemNotFound` when there is none. */
  getItem(key: string): ExcelWorksheet;
  getItemOrNullObject(key: string): ExcelWorksheet;
  load(propertyNames: string): unknown;
}

/** A worksheet function's result (`Excel.FunctionResult`). */
export interface ExcelFunctionResult<T> {
  readonly value: T;
  load(propertyNames: string): unknown;
}

/** Excel's worksheet functions (`Excel.Functions`). */
export interface ExcelFunctions {
  date(year: number, month: number, day: number): ExcelFunctionResult<number>;
}

/** The workbook (`Excel.Workbook`). */
export interface ExcelWorkbook {
  readonly worksheets: ExcelWorksheetCollection;
  readonly functions: ExcelFunctions;
}

/** The application (`Excel.Application`). */
export interface ExcelApplication {
  /** Stops recalculation until the next `sync()` (ExcelApi 1.6). */
  suspendApiCalculationUntilNextSync(): void;
}

/** What {@link OfficeWorkbook} needs of `Excel.RequestContext`. */
export interface ExcelContext {
  readonly workbook: ExcelWorkbook;
  readonly application: ExcelApplication;
  /** Sends the queued commands and loads to Excel and brings the loaded values back. */
  sync(): Promise<unknown>;
}

/**
 * Runs a batch against a workbook: `Excel.run` in Excel, `createFakeExcel(spec).run` in tests.
 *
 * @example const run: ExcelRun = (batch) => Excel.run(batch);
 */
export type ExcelRun = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;

/** Compiles only when `Source` can be used where `Target` is expected. */
type Fits<Target, Source extends Target> = Source;

/** Compile-time proof that the real `Excel.RequestContext` (from @types/office-js) fits {@link ExcelContext}. */
export type RequestContextFits = Fits<ExcelContext, Excel.RequestContext>;

/** Compile-time proof that `Excel.run` itself is an {@link ExcelRun}. */
export type ExcelRunFits = Fits<ExcelRun, typeof Excel.run>;
