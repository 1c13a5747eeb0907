import type { Cell, CellValue, DateSystem } from "@houqin/core";
import { HouqinError } from "@houqin/core";
import { cellAddress, parseCellAddress } from "./address.js";
import { assertSheetName } from "./sheetNames.js";
import type {
  CellDecoration,
  CellMark,
  CellRange,
  CellWrite,
  OutCell,
  SheetData,
  SheetInfo,
  Workbook,
  WriteSheetOptions,
} from "./workbook.js";

/** A sheet of a {@link MemoryWorkbookSpec}. */
export interface MemorySheetSpec {
  name: string;
  /** Rows of cells, row 1 first: plain values (text = their displayed form) or whole cells. */
  rows: readonly (readonly (CellValue | Cell)[])[];
  /** Merged ranges; the value lives in the top-left cell. */
  merges?: readonly CellRange[];
  /** Hidden from the user. */
  hidden?: boolean;
  /** The user's own fills, as ARGB colours by A1 address. */
  fills?: Readonly<Record<string, string>>;
  /** The user's own notes by A1 address. */
  notes?: Readonly<Record<string, string>>;
}

/** What a {@link MemoryWorkbook} starts with: its sheets in order and its date system ("1900" by default). */
export interface MemoryWorkbookSpec {
  sheets: readonly MemorySheetSpec[];
  dateSystem?: DateSystem;
}

/** Where a link written by houqin leads. */
export interface MemoryLinkTarget {
  sheet: string;
  cell: string;
}

/** A copy of a sheet of a {@link MemoryWorkbook}, for assertions. */
export interface MemorySheetSnapshot {
  name: string;
  hidden: boolean;
  /** True for a sheet made by `writeSheet`. */
  written: boolean;
  /** The cells as stored, row 1 first (not trimmed, not padded). */
  rows: Cell[][];
  /** The values of {@link MemorySheetSnapshot.rows}. */
  values: CellValue[][];
  merges: CellRange[];
  /** Fills as ARGB colours by A1 address. */
  fills: Record<string, string>;
  /** Notes by A1 address. */
  notes: Record<string, string>;
  /** Links of a written sheet by the A1 address of their cell. */
  links: Record<string, MemoryLinkTarget>;
  /** A1 addresses of the bold cells of a written sheet. */
  bold: string[];
  columnWidths: number[];
  frozenRows: number;
}

interface MemorySheet {
  name: string;
  hidden: boolean;
  written: boolean;
  rows: Cell[][];
  merges: CellRange[];
  fills: Map<string, string>;
  notes: Map<string, string>;
  links: Map<string, MemoryLinkTarget>;
  bold: Set<string>;
  columnWidths: number[];
  frozenRows: number;
}

/**
 * A workbook in memory, for tests (of checks, of result writing, of the Excel add-in). It behaves as
 * the other adapters do: reads return the used range as a dense grid, `writeSheet` replaces a sheet in
 * its place, marks keep values. Its fill tokens are plain ARGB colours.
 *
 * @example
 * const workbook = new MemoryWorkbook({
 *   sheets: [{ name: "收费明细", rows: [["项目", "金额"], ["午餐费", 1234.5]] }],
 * });
 * await workbook.markCells("收费明细", [{ address: "B2", color: "FFFFC7CE", note: "超出标准" }]);
 * workbook.sheet("收费明细").fills.B2; // "FFFFC7CE"
 */
export class MemoryWorkbook implements Workbook {
  readonly dateSystem: DateSystem;
  #sheets: MemorySheet[];

  /**
   * @param spec - the sheets (in order) and date system; copied, never changed
   */
  constructor(spec: MemoryWorkbookSpec) {
    this.dateSystem = spec.dateSystem ?? "1900";
    this.#sheets = spec.sheets.map((sheet) => ({
      name: sheet.name,
      hidden: sheet.hidden ?? false,
      written: false,
      rows: sheet.rows.map((row) => row.map(toCell)),
      merges: (sheet.merges ?? []).map((m) => ({ ...m })),
      fills: new Map(Object.entries(sheet.fills ?? {}).map(([a, color]) => [normalizeAddress(a), color])),
      notes: new Map(Object.entries(sheet.notes ?? {}).map(([a, note]) => [normalizeAddress(a), note])),
      links: new Map(),
      bold: new Set(),
      columnWidths: [],
      frozenRows: 0,
    }));
  }

  /**
   * A copy of a sheet as it is now, for assertions.
   * @param name - the sheet's name
   * @returns cells, fills, notes, links and layout of the sheet
   * @throws HouqinError `INVALID_ARGUMENT` when there is no such sheet
   * @example workbook.sheet("检查结果").links.E2 // { sheet: "收费明细", cell: "C17" }
   */
  sheet(name: string): MemorySheetSnapshot {
    const sheet = this.#get(name);
    const rows = sheet.rows.map((row) => row.map((cell) => ({ ...cell })));
    return {
      name: sheet.name,
      hidden: sheet.hidden,
      written: sheet.written,
      rows,
      values: rows.map((row) => row.map((cell) => cell.value)),
      merges: sheet.merges.map((m) => ({ ...m })),
      fills: Object.fromEntries(sheet.fills),
      notes: Object.fromEntries(sheet.notes),
      links: Object.fromEntries([...sheet.links].map(([address, link]) => [address, { ...link }])),
      bold: [...sheet.bold],
      columnWidths: [...sheet.columnWidths],
      frozenRows: sheet.frozenRows,
    };
  }

  /**
   * The names of the sheets in order.
   * @returns the names
   * @example workbook.sheetNames() // ["收费明细", "检查结果"]
   */
  sheetNames(): string[] {
    return this.#sheets.map((sheet) => sheet.name);
  }

  /**
   * The links of a sheet by the address of their cell (see {@link MemoryWorkbook.sheet}).
   * @param name - the sheet's name
   * @returns target sheet and cell of each link
   * @example (await workbook.readLinks("检查结果")).E2 // { sheet: "收费明细", cell: "C17" }
   */
  async readLinks(name: string): Promise<Record<string, MemoryLinkTarget>> {
    return this.sheet(name).links;
  }

  /**
   * The sheets in order; hidden sheets are not visible.
   * @returns name and visibility of each sheet
   * @example await workbook.listSheets() // [{ name: "收费明细", visible: true }]
   */
  async listSheets(): Promise<SheetInfo[]> {
    return this.#sheets.map((sheet) => ({ name: sheet.name, visible: !sheet.hidden }));
  }

  /**
   * Reads a sheet's used range as a dense grid, up to its last non-empty row and column (and merges).
   * @param name - the sheet's name
   * @returns the cells and merged ranges
   * @throws HouqinError `INVALID_ARGUMENT` when there is no such sheet
   * @example (await workbook.readSheet("收费明细")).rows[1]?.[1]?.value // 1234.5
   */
  async readSheet(name: string): Promise<SheetData> {
    const sheet = this.#get(name);
    let lastRow = 0;
    let lastColumn = 0;
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (isEmpty(cell)) return;
        lastRow = Math.max(lastRow, r + 1);
        lastColumn = Math.max(lastColumn, c + 1);
      });
    });
    for (const m of sheet.merges) {
      lastRow = Math.max(lastRow, m.bottom);
      lastColumn = Math.max(lastColumn, m.right);
    }
    const rows: Cell[][] = [];
    for (let r = 0; r < lastRow; r++) {
      const row: Cell[] = [];
      for (let c = 0; c < lastColumn; c++) {
        const cell = sheet.rows[r]?.[c];
        row.push(cell === undefined || isEmpty(cell) ? { value: null, text: "" } : { ...cell });
      }
      rows.push(row);
    }
    return { name: sheet.name, rows, merges: sheet.merges.map((m) => ({ ...m })) };
  }

  /**
   * Creates a sheet, or replaces one of that name in its place (with no fills or notes left).
   * @param name - the sheet's name
   * @param rows - the cells, row 1 first
   * @param options - hidden, column widths, frozen rows
   * @throws HouqinError `INVALID_ARGUMENT` for a name Excel does not allow, as the other adapters do
   * @example await workbook.writeSheet("检查结果", [[{ text: "规则", bold: true }]], { frozenRows: 1 });
   */
  async writeSheet(
    name: string,
    rows: readonly (readonly OutCell[])[],
    options: WriteSheetOptions = {},
  ): Promise<void> {
    assertSheetName(name);
    const sheet: MemorySheet = {
      name,
      hidden: options.hidden ?? false,
      written: true,
      rows: [],
      merges: [],
      fills: new Map(),
      notes: new Map(),
      links: new Map(),
      bold: new Set(),
      columnWidths: [...(options.columnWidths ?? [])],
      frozenRows: options.frozenRows ?? 0,
    };
    sheet.rows = rows.map((row, r) =>
      row.map((out, c) => {
        const address = cellAddress(r + 1, c + 1);
        if (out === null) return { value: null, text: "" };
        if (typeof out === "string") return { value: out, text: out };
        if (typeof out === "number") return { value: out, text: String(out) };
        if ("format" in out) return { value: out.value, text: String(out.value), format: out.format };
        if ("bold" in out) sheet.bold.add(address);
        else sheet.links.set(address, { sheet: out.link.sheet, cell: normalizeAddress(out.link.cell) });
        return { value: out.text, text: out.text };
      }),
    );
    const index = this.#index(name);
    if (index === -1) this.#sheets.push(sheet);
    else this.#sheets[index] = sheet;
  }

  /**
   * Writes values into cells of a sheet, creating the sheet (visible, at the end) when there is none.
   * @param name - the sheet's name
   * @param cells - address and value of each cell
   * @throws HouqinError `INVALID_ARGUMENT` for a bad address or a name Excel does not allow
   * @example await workbook.setCells("设置", [{ address: "A5", value: "列:收费明细:金额" }, { address: "B5", value: "E" }]);
   */
  async setCells(name: string, cells: readonly CellWrite[]): Promise<void> {
    let index = this.#index(name);
    if (index === -1) {
      await this.writeSheet(name, []);
      index = this.#index(name);
    }
    const sheet = this.#sheets[index] as MemorySheet;
    sheet.written = false; // the user's sheet, even when houqin started it
    for (const { address, value } of cells) {
      const parsed = parseCellAddress(address);
      if (!parsed) throw new HouqinError("INVALID_ARGUMENT", `Not a cell address: ${address}`);
      while (sheet.rows.length < parsed.row) sheet.rows.push([]);
      const row = sheet.rows[parsed.row - 1] as Cell[];
      while (row.length < parsed.column) row.push({ value: null, text: "" });
      const old = row[parsed.column - 1];
      const cell = toCell(value);
      row[parsed.column - 1] = old?.format === undefined ? cell : { ...cell, format: old.format };
    }
  }

  /**
   * Deletes a sheet; nothing happens when there is none of that name.
   * @param name - the sheet's name
   * @example await workbook.deleteSheet("检查结果");
   */
  async deleteSheet(name: string): Promise<void> {
    const index = this.#index(name);
    if (index !== -1) this.#sheets.splice(index, 1);
  }

  /**
   * The fill (an ARGB colour, null for none) and note of these cells.
   * @param sheet - the sheet's name
   * @param addresses - A1 addresses
   * @returns one decoration per address, in order
   * @example await workbook.readDecorations("收费明细", ["B2"]) // [{ address: "B2", fill: null, note: null }]
   */
  async readDecorations(sheet: string, addresses: readonly string[]): Promise<CellDecoration[]> {
    const target = this.#get(sheet);
    return addresses.map((address) => {
      const key = normalizeAddress(address);
      return { address, fill: target.fills.get(key) ?? null, note: target.notes.get(key) ?? null };
    });
  }

  /**
   * Fills these cells and gives them notes; values stay as they are.
   * @param sheet - the sheet's name
   * @param marks - address, ARGB colour and note of each mark
   * @example await workbook.markCells("收费明细", [{ address: "B2", color: "FFFFC7CE", note: "超出标准" }]);
   */
  async markCells(sheet: string, marks: readonly CellMark[]): Promise<void> {
    const target = this.#get(sheet);
    for (const mark of marks) {
      const key = normalizeAddress(mark.address);
      target.fills.set(key, mark.color);
      target.notes.set(key, mark.note);
    }
  }

  /**
   * Puts back fills and notes read earlier by {@link MemoryWorkbook.readDecorations}.
   * @param sheet - the sheet's name
   * @param decorations - the decorations to restore
   * @example await workbook.restoreDecorations("收费明细", before);
   */
  async restoreDecorations(sheet: string, decorations: readonly CellDecoration[]): Promise<void> {
    const target = this.#get(sheet);
    for (const decoration of decorations) {
      const key = normalizeAddress(decoration.address);
      if (decoration.fill === null) target.fills.delete(key);
      else target.fills.set(key, decoration.fill);
      if (decoration.note === null) target.notes.delete(key);
      else target.notes.set(key, decoration.note);
    }
  }

  #index(name: string): number {
    const exact = this.#sheets.findIndex((sheet) => sheet.name === name);
    if (exact !== -1) return exact;
    const lower = name.toLowerCase();
    return this.#sheets.findIndex((sheet) => sheet.name.toLowerCase() === lower);
  }

  #get(name: string): MemorySheet {
    const sheet = this.#sheets[this.#index(name)];
    if (!sheet) throw new HouqinError("INVALID_ARGUMENT", `No sheet named ${JSON.stringify(name)}`);
    return sheet;
  }
}

function isCell(item: CellValue | Cell): item is Cell {
  return typeof item === "object" && item !== null && "value" in item && "text" in item;
}

function toCell(item: CellValue | Cell): Cell {
  if (isCell(item)) {
    const value = item.value === "" ? null : item.value;
    const copy = typeof value === "object" && value !== null ? { error: value.error } : value;
    return item.format === undefined
      ? { value: copy, text: item.text }
      : { value: copy, text: item.text, format: item.format };
  }
  if (item === null || item === "") return { value: null, text: "" };
  if (typeof item === "boolean") return { value: item, text: item ? "TRUE" : "FALSE" };
  if (typeof item === "object") return { value: { error: item.error }, text: item.error };
  return { value: item, text: String(item) };
}

function isEmpty(cell: Cell): boolean {
  return cell.value === null || cell.value === "";
}

function normalizeAddress(address: string): string {
  const parsed = parseCellAddress(address);
  if (!parsed) throw new HouqinError("INVALID_ARGUMENT", `Not a cell address: ${address}`);
  return cellAddress(parsed.row, parsed.column);
}
