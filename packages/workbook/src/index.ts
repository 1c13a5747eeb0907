export {
  cellAddress,
  columnLetter,
  columnNumber,
  MAX_COLUMN,
  MAX_ROW,
  parseCellAddress,
  parseRangeAddress,
  sheetReference,
} from "./address.js";
export type { CellIssueParams } from "./cellSchemas.js";
export { cells } from "./cellSchemas.js";
export type { Check, CheckContext, HouqinModule } from "./check.js";
export { gapLocation, judgedPeriod, saysNothing, windowText } from "./logPeriods.js";
export type {
  MemoryLinkTarget,
  MemorySheetSnapshot,
  MemorySheetSpec,
  MemoryWorkbookSpec,
} from "./memoryWorkbook.js";
export { MemoryWorkbook } from "./memoryWorkbook.js";
export { normalizeHeader } from "./normalizeHeader.js";
export type { WorkbookOpenErrorCode } from "./openErrors.js";
export { WorkbookOpenError } from "./openErrors.js";
export type { ParsedRow, ParsedTable, ParseTableOptions } from "./parseTable.js";
export { cellOf, parseTable } from "./parseTable.js";
export type { OtherColumn, RecognizedTable, TableOverride } from "./recognizeTables.js";
export { fieldKeyOf, kindNamed, recognizeTables } from "./recognizeTables.js";
export type { Report } from "./report.js";
export { MONEY_FORMAT, reportSheet } from "./reportSheet.js";
export type { HouqinSheets } from "./resultSheets.js";
export {
  GENERATED_SHEET_NAME,
  GENERATED_TAG,
  houqinSheets,
  MARKS_SHEET_NAME,
  RESULTS_TAG,
  recordGenerated,
} from "./resultSheets.js";
export type {
  CheckProgress,
  CheckReport,
  RunChecksOptions,
  TableReport,
  WorkbookContents,
} from "./runChecks.js";
export { readWorkbook, runChecks } from "./runChecks.js";
export type { SettingEntry, Settings } from "./settings.js";
export { EMPTY_SETTINGS, overrideOf, readSetting, readSettings, SETTINGS_SHEET_NAMES } from "./settings.js";
export type { OverrideEdit } from "./settingsEdits.js";
export { settingsEdits } from "./settingsEdits.js";
export { assertSheetName, MAX_SHEET_NAME, safeSheetName, uniqueSheetName } from "./sheetNames.js";
export type { CellInput, CellSchema, FieldMap, FieldSpec, RowOf, TableKind } from "./tableKind.js";
export { defineTableKind, field } from "./tableKind.js";
export type {
  CellDecoration,
  CellMark,
  CellRange,
  CellWrite,
  OutCell,
  SheetData,
  SheetInfo,
  SheetToWrite,
  Workbook,
  WriteSheetOptions,
} from "./workbook.js";
export type { WriteResultsSummary } from "./writeResults.js";
export { clearResults, MARK_COLORS, writeResults } from "./writeResults.js";
