/** The error values Excel shows in a cell. */
export type ExcelErrorCode =
  | "#NULL!"
  | "#DIV/0!"
  | "#VALUE!"
  | "#REF!"
  | "#NAME?"
  | "#NUM!"
  | "#N/A"
  | "#GETTING_DATA"
  | "#SPILL!"
  | "#CALC!"
  | "#FIELD!"
  | "#BLOCKED!"
  | "#CONNECT!"
  | "#BUSY!"
  | "#UNKNOWN!";

/** A cell holding an Excel error value. */
export interface CellError {
  error: ExcelErrorCode;
}

/**
 * A cell's raw value as a workbook stores it. Dates are serial numbers (see {@link Cell.format}
 * and the workbook's date system); text is a string; an empty cell is `null`.
 */
export type CellValue = string | number | boolean | null | CellError;

/** One cell as houqin reads it: the stored value, the text Excel displays, and its number format. */
export interface Cell {
  value: CellValue;
  /** The text as displayed (formatted); "" for an empty cell. */
  text: string;
  /** The number format, e.g. "yyyy/m/d" or "General". */
  format?: string;
}

/** Which date system the workbook uses: Windows Excel's 1900 system or the old Mac 1904 system. */
export type DateSystem = "1900" | "1904";
