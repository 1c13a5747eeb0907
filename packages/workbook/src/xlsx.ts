// The .xlsx-file adapter (Node only: node:fs and node:zlib), kept apart from the main entry so that
// the Excel add-in's bundle never pulls it in.
export type { WorkbookOpenErrorCode } from "./openErrors.js";
export { WorkbookOpenError } from "./openErrors.js";
export type { XlsxLinkTarget } from "./xlsxWorkbook.js";
export { openXlsx, openXlsxBuffer, XlsxWorkbook } from "./xlsxWorkbook.js";
