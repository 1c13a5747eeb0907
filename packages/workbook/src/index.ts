export { cellAddress, columnLetter, columnNumber, parseCellAddress, sheetReference } from "./address.js";
export type {
  CellDecoration,
  CellMark,
  CellRange,
  OutCell,
  SheetData,
  SheetInfo,
  WriteSheetOptions,
  Workbook,
} from "./workbook.js";
