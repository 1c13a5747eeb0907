import { type Cell, HouqinError, isBlankCell, normalizeText } from "@houqin/core";
import { cellAddress, columnNumber } from "./address.js";
import { normalizeHeader } from "./normalizeHeader.js";
import { type OverrideWhat, parseOverrideKey } from "./settings.js";
import { assertSheetName } from "./sheetNames.js";
import type { CellWrite, SheetData } from "./workbook.js";

/**
 * A correction of how one sheet is read, to record in the settings sheet. An absent entry is left as
 * it is; `null` removes it (the sheet is then read as houqin finds it).
 */
export interface OverrideEdit {
  /** Read the sheet as this kind (id or title). */
  kind?: string | null;
  /** The header row, a whole number from 1. */
  headerRow?: number | null;
  /** Columns by field (key or title) as letters ("E"); a field not named is left as it is. */
  columns?: Readonly<Record<string, string | null>>;
  /** Do not read this sheet (是) or do (否). */
  ignore?: boolean | null;
}

type What = OverrideWhat;

/** A correction row already in the settings sheet. */
interface OverrideRow {
  what: What;
  sheet: string;
  /** The field a column row names, normalised; "" for the other rows. */
  field: string;
  row: number;
  /** The 1-based column of its value cell. */
  valueColumn: number;
  value: Cell | undefined;
}

/** The correction rows of a settings sheet, top to bottom, and where its entries' keys sit. */
function readOverrideRows(sheet: SheetData): { rows: OverrideRow[]; lastRow: number; keyColumn: number } {
  const rows: OverrideRow[] = [];
  let lastRow = 0;
  let keyColumn = 1;
  sheet.rows.forEach((cells, i) => {
    const keyIndex = cells.findIndex((c) => !isBlankCell(c));
    if (keyIndex < 0) return;
    lastRow = i + 1;
    const keyCell = cells[keyIndex] as Cell;
    if (typeof keyCell.value !== "string") return;
    keyColumn = keyIndex + 1;
    const key = parseOverrideKey(normalizeText(keyCell.value));
    if (!key || (key.what === "column" && key.field === undefined)) return;
    const { what, sheet: sheetName } = key;
    const field = key.field === undefined ? "" : normalizeHeader(key.field);
    rows.push({
      what,
      sheet: sheetName,
      field,
      row: i + 1,
      valueColumn: keyIndex + 2,
      value: cells[keyIndex + 1],
    });
  });
  return { rows, lastRow, keyColumn };
}

function sameValue(cell: Cell | undefined, value: string | number | null): boolean {
  if (value === null) return cell === undefined || isBlankCell(cell);
  return cell !== undefined && cell.value === value;
}

/**
 * The cells to write into the settings sheet (设置) so that it records a user's correction of how one
 * sheet is read: "表格类型:SHEET", "表头行:SHEET", "列:SHEET:FIELD" and "忽略:SHEET". Rows the sheet
 * already has for that sheet are updated in place (a second row of the same key is emptied, so one
 * value stands); new rows go after the last used row, in the column the other keys are in. Without a
 * settings sheet the edits start with a header row "设置项 | 值". Reading the edited sheet with
 * readSettings gives back the correction (a removed entry reads as absent).
 *
 * @param settings - the settings sheet as read, or undefined when the workbook has none
 * @param sheet - the sheet the correction is for
 * @param edit - what to record; absent entries are left as they are, null ones removed
 * @returns the cells to write, with `null` for a cell to empty
 * @throws HouqinError `INVALID_ARGUMENT` for a sheet name Excel does not allow, a column that is not
 *   letters A–XFD, or a header row that is not a whole number from 1
 * @example
 * settingsEdits(undefined, "收费明细", { kind: "finance.charges", columns: { amount: "E" } });
 * // [{ address: "A1", value: "设置项" }, { address: "B1", value: "值" },
 * //  { address: "A2", value: "表格类型:收费明细" }, { address: "B2", value: "finance.charges" },
 * //  { address: "A3", value: "列:收费明细:amount" }, { address: "B3", value: "E" }]
 */
export function settingsEdits(
  settings: SheetData | undefined,
  sheet: string,
  edit: OverrideEdit,
): CellWrite[] {
  assertSheetName(sheet);
  if (edit.headerRow != null && (!Number.isInteger(edit.headerRow) || edit.headerRow < 1))
    throw new HouqinError("INVALID_ARGUMENT", `Not a header row: ${edit.headerRow}`);
  for (const [field, letters] of Object.entries(edit.columns ?? {})) {
    if (letters !== null && columnNumber(letters) === undefined)
      throw new HouqinError("INVALID_ARGUMENT", `Not a column for ${field}: ${JSON.stringify(letters)}`);
    if (normalizeHeader(field) === "") throw new HouqinError("INVALID_ARGUMENT", `Not a field: ${field}`);
  }

  const found = settings ? readOverrideRows(settings) : { rows: [], lastRow: 0, keyColumn: 1 };
  const target = normalizeText(sheet);
  const existing = found.rows.filter((r) => r.sheet === target);
  const edits: CellWrite[] = [];
  const appended: { key: string; value: string | number }[] = [];

  const record = (what: What, field: string, key: string, value: string | number | null) => {
    const rows = existing.filter((r) => r.what === what && r.field === normalizeHeader(field));
    rows.forEach((r, i) => {
      const next = i === 0 ? value : null;
      if (!sameValue(r.value, next)) edits.push({ address: cellAddress(r.row, r.valueColumn), value: next });
    });
    if (rows.length === 0 && value !== null) appended.push({ key, value });
  };

  if (edit.kind !== undefined) record("kind", "", `表格类型:${sheet}`, edit.kind);
  if (edit.headerRow !== undefined) record("headerRow", "", `表头行:${sheet}`, edit.headerRow);
  for (const [field, letters] of Object.entries(edit.columns ?? {}))
    record("column", field, `列:${sheet}:${field}`, letters === null ? null : letters.trim().toUpperCase());
  if (edit.ignore !== undefined)
    record("ignore", "", `忽略:${sheet}`, edit.ignore === null ? null : edit.ignore ? "是" : "否");

  if (appended.length === 0) return edits;
  let row = found.lastRow;
  const keyColumn = found.keyColumn;
  if (row === 0) {
    edits.push({ address: "A1", value: "设置项" }, { address: "B1", value: "值" });
    row = 1;
  }
  for (const { key, value } of appended) {
    row++;
    edits.push(
      { address: cellAddress(row, keyColumn), value: key },
      { address: cellAddress(row, keyColumn + 1), value },
    );
  }
  return edits;
}
