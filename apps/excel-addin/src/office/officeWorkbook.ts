import type { Cell, CellValue, DateSystem } from "@houqin/core";
import { HouqinError, parseErrorText } from "@houqin/core";
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
} from "@houqin/workbook";
import {
  assertSheetName,
  cellAddress,
  parseCellAddress,
  parseRangeAddress,
  sheetReference,
} from "@houqin/workbook";
import {
  type CellBlock,
  chunkShape,
  jsonBytes,
  MAX_CELLS_PER_REQUEST,
  MAX_REQUEST_BYTES,
  READ_BYTES_PER_CELL,
  readBlocks,
} from "./chunkPlan.js";
import { valueText } from "./displayText.js";
import type {
  ExcelContext,
  ExcelNote,
  ExcelRange,
  ExcelRangeFill,
  ExcelRun,
  ExcelSettableCellProperties,
  ExcelWorksheet,
} from "./excelApi.js";
import { applyFillToken, fillToken, htmlColor } from "./fillToken.js";
import { parseReference } from "./references.js";

/** How far {@link OfficeWorkbook.readSheet} has got with a sheet. */
export interface ReadProgress {
  sheet: string;
  /** Rows of the sheet's used range read so far. */
  rowsRead: number;
  /** Rows of the sheet's used range. */
  rowCount: number;
}

/** Options of {@link OfficeWorkbook.open}. */
export interface OfficeWorkbookOptions {
  /** Told after each chunk of a sheet is read (and once before the first), for a progress bar. */
  onReadProgress?: (progress: ReadProgress) => void;
  /** The most bytes one request or response may carry; {@link MAX_REQUEST_BYTES} (4,000,000) by default. */
  maxRequestBytes?: number;
  /**
   * Whether Excel has notes (ExcelApi 1.18; Excel 2021 and older do not): without them a mark is a
   * fill only, and no note is read or written. True by default; in Excel pass
   * `Office.context.requirements.isSetSupported("ExcelApi", "1.18")`.
   */
  notes?: boolean;
}

/** Where an internal hyperlink of a sheet leads. */
export interface OfficeLinkTarget {
  sheet: string;
  cell: string;
}

/** The properties a read loads for each cell. */
const CELL_PROPERTIES = "values,numberFormat,text,valueTypes";
/** What one cell of {@link OfficeWorkbook.readLinks} costs: `{"hyperlink":{"documentReference":…}}`. */
const LINK_BYTES_PER_CELL = 160;
/** What one cell's write costs beyond its value, format and properties: a comma in each of three arrays. */
const WRITE_CELL_OVERHEAD = 3;
/** What one row's write costs beyond its cells: brackets and a comma in each of three arrays. */
const WRITE_ROW_OVERHEAD = 9;
/** Room left in a write request for the commands around the arrays (new sheet, widths, panes). */
const WRITE_COMMANDS_BYTES = 100_000;
/** Cells marked, restored or read for decorations per request (each costs a few commands). */
const DECORATIONS_PER_REQUEST = 1_000;
/** What marking or restoring one cell costs in a request besides its note: a few commands. */
const DECORATION_BYTES = 1_000;
/** Cells written by {@link OfficeWorkbook.setCells} per request. */
const SET_CELLS_PER_REQUEST = 2_000;
/** The colour and underline Excel gives a hyperlink. */
const LINK_FONT = { color: "#0563C1", underline: "Single" } as const;
/** Error codes Excel answers a request with when it is too big. */
const TOO_BIG = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
  "OperationCellsExceedLimit",
]);

/**
 * The workbook open in Excel, through the Excel JavaScript API (Office.js), as a houqin
 * {@link Workbook}. Each call is one `Excel.run` batch with few `context.sync()` round trips:
 *
 * - `readSheet`: one sync for the used range and the merged areas, then one per chunk of rows, each
 *   chunk loading `values`, `numberFormat`, `text` and `valueTypes` and sized from the column count so
 *   that a response stays under 4 MB and 5,000,000 cells (see `chunkPlan.ts`). `valueTypes` tells an
 *   error value from the text "#N/A"; `text` is what Excel shows (dates as the user formatted them),
 *   except where a narrow column shows "####", where houqin's own text is used.
 * - `writeSheet`: one sync to find the old sheet, then one per chunk of rows: number formats and values
 *   as whole 2D arrays ("@" on text cells, so text such as "=1+1" or "001" is never taken for a formula
 *   or a number), then bold and links (`setCellProperties`), then widths, frozen rows and visibility —
 *   all inside `suspendApiCalculationUntilNextSync`.
 * - marks: a fill and a note (ExcelApi 1.18 notes); the cell's own fill is saved as Excel's colour
 *   and pattern and put back exactly.
 *
 * @example
 * const workbook = await OfficeWorkbook.open((batch) => Excel.run(batch));
 * const sheet = await workbook.readSheet("收费明细");
 * await workbook.select("收费明细", "C17");
 */
export class OfficeWorkbook implements Workbook {
  readonly dateSystem: DateSystem;
  /** Told how far a large read has got; set it when opening or later (the task pane's progress bar). */
  onReadProgress: ((progress: ReadProgress) => void) | undefined;
  readonly #run: ExcelRun;
  readonly #budget: number;
  readonly #notes: boolean;

  private constructor(run: ExcelRun, dateSystem: DateSystem, options: OfficeWorkbookOptions) {
    this.#run = run;
    this.dateSystem = dateSystem;
    this.onReadProgress = options.onReadProgress;
    this.#budget = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
    this.#notes = options.notes ?? true;
  }

  /**
   * Opens the workbook behind a runner, finding its date system with one round trip: Excel's
   * DATE(1904,1,1) is 0 in a 1904 workbook and 1462 in a 1900 one (no cell is written).
   *
   * @param run - `Excel.run`, or the fake's `run` in tests
   * @param options - a read progress callback
   * @returns the workbook
   * @example const workbook = await OfficeWorkbook.open((batch) => Excel.run(batch));
   */
  static async open(run: ExcelRun, options: OfficeWorkbookOptions = {}): Promise<OfficeWorkbook> {
    const dateSystem = await run(async (context): Promise<DateSystem> => {
      const probe = context.workbook.functions.date(1904, 1, 1);
      probe.load("value");
      await context.sync();
      return probe.value === 0 ? "1904" : "1900";
    });
    return new OfficeWorkbook(run, dateSystem, options);
  }

  /**
   * The sheets in workbook order; hidden and very hidden sheets are not visible.
   * @returns name and visibility of each sheet
   * @example await workbook.listSheets() // [{ name: "收费明细", visible: true }]
   */
  async listSheets(): Promise<SheetInfo[]> {
    return this.#run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility,items/position");
      await context.sync();
      return [...sheets.items]
        .sort((a, b) => a.position - b.position)
        .map((sheet) => ({ name: sheet.name, visible: sheet.visibility === "Visible" }));
    });
  }

  /**
   * Reads a sheet's used range (cells with values) in chunks of rows; each row stops at its last
   * non-empty cell, as with the xlsx adapter.
   *
   * @param name - the sheet's name (any case)
   * @returns the cells and the merged ranges
   * @throws HouqinError `INVALID_ARGUMENT` when there is no such sheet
   * @example (await workbook.readSheet("收费明细")).rows[2]?.[1] // { value: 1234.5, text: "1234.5" }
   */
  async readSheet(name: string): Promise<SheetData> {
    return this.#run(async (context) => {
      const { sheet, used, merges } = await this.#openForRead(context, name);
      const rows: Cell[][] = [];
      if (used) {
        const progress = { sheet: sheet.name, rowsRead: 0, rowCount: used.rowCount };
        this.onReadProgress?.({ ...progress });
        let bytesPerCell = READ_BYTES_PER_CELL;
        for (let row = 0; row < used.rowCount; ) {
          const shape = chunkShape(used.columnCount, bytesPerCell, this.#budget);
          const band = Math.min(shape.rows, used.rowCount - row);
          let measured = 0;
          try {
            for (let column = 0; column < used.columnCount; column += shape.columns) {
              const block: CellBlock = {
                row: used.rowIndex + row,
                column: used.columnIndex + column,
                rowCount: band,
                columnCount: Math.min(shape.columns, used.columnCount - column),
              };
              const range = sheet.handle.getRangeByIndexes(
                block.row,
                block.column,
                block.rowCount,
                block.columnCount,
              );
              range.load(CELL_PROPERTIES);
              await context.sync();
              measured = Math.max(measured, storeBlock(range, block, rows, this.dateSystem));
            }
          } catch (error) {
            // Excel found a chunk too big for one response: plan this band again with smaller chunks.
            if (!TOO_BIG.has(errorCode(error) ?? "") || band * shape.columns === 1) throw error;
            bytesPerCell = 4 * Math.max(bytesPerCell, this.#budget / (band * shape.columns));
            continue;
          }
          // Later chunks are sized from what this one took, never larger than the first estimate allows.
          bytesPerCell = Math.max(READ_BYTES_PER_CELL, Math.ceil(measured * 1.25));
          row += band;
          progress.rowsRead = row;
          this.onReadProgress?.({ ...progress });
        }
      }
      return { name: sheet.name, rows, merges };
    });
  }

  /**
   * Creates a sheet after the others, or replaces the sheet of that name in its place (a fresh sheet:
   * no fills or notes left), with these rows.
   *
   * @param name - the sheet's name
   * @param rows - the cells, row 1 first
   * @param options - hidden, column widths (characters), frozen header rows
   * @throws HouqinError `INVALID_ARGUMENT` for a name Excel does not allow or a link to a bad address
   * @example await workbook.writeSheet("检查结果", [[{ text: "规则", bold: true }]], { frozenRows: 1 });
   */
  async writeSheet(
    name: string,
    rows: readonly (readonly OutCell[])[],
    options: WriteSheetOptions = {},
  ): Promise<void> {
    assertSheetName(name);
    const grid = prepareRows(rows);
    const blocks = writeBlocks(grid, this.#budget);
    await this.#run(async (context) => {
      const sheets = context.workbook.worksheets;
      const old = sheets.getItemOrNullObject(name);
      old.load("position");
      await context.sync();
      context.application.suspendApiCalculationUntilNextSync();
      let sheet: ExcelWorksheet;
      if (old.isNullObject) {
        sheet = sheets.add(name);
      } else {
        // The new sheet comes first so the workbook never lacks a visible sheet, then takes the old one's place.
        sheet = sheets.add();
        old.delete();
        sheet.name = name;
        sheet.position = old.position;
      }
      const requests = Math.max(1, blocks.length);
      for (let i = 0; i < requests; i++) {
        if (i > 0) context.application.suspendApiCalculationUntilNextSync();
        const block = blocks[i];
        if (block) writeBlock(sheet, grid, block);
        if (i === requests - 1) layOut(sheet, options);
        await context.sync();
      }
    });
  }

  /**
   * Writes values into cells of a sheet, creating the sheet (visible, after the others) when there is
   * none. Text is written as text (never a formula); a number keeps the cell's number format; null
   * empties the cell.
   *
   * @param sheet - the sheet's name
   * @param cells - A1 address and value of each cell
   * @throws HouqinError `INVALID_ARGUMENT` for a sheet name Excel does not allow or a bad address
   * @example await workbook.setCells("设置", [{ address: "B2", value: "实验小学" }]);
   */
  async setCells(sheet: string, cells: readonly CellWrite[]): Promise<void> {
    assertSheetName(sheet);
    const writes = cells.map((cell) => ({ address: normalizeAddress(cell.address), value: cell.value }));
    await this.#run(async (context) => {
      const sheets = context.workbook.worksheets;
      const found = sheets.getItemOrNullObject(sheet);
      await context.sync();
      const target = found.isNullObject ? sheets.add(sheet) : found;
      if (writes.length === 0) {
        if (found.isNullObject) await context.sync();
        return;
      }
      for (let start = 0; start < writes.length; start += SET_CELLS_PER_REQUEST) {
        context.application.suspendApiCalculationUntilNextSync();
        for (const { address, value } of writes.slice(start, start + SET_CELLS_PER_REQUEST)) {
          const range = target.getRange(address);
          if (typeof value === "string") {
            range.numberFormat = [["@"]];
            range.values = [[value]];
          } else {
            range.values = [[value === null || !Number.isFinite(value) ? "" : value]];
          }
        }
        await context.sync();
      }
    });
  }

  /**
   * Deletes a sheet; nothing happens when there is none of that name.
   * @param name - the sheet's name
   * @example await workbook.deleteSheet("检查结果");
   */
  async deleteSheet(name: string): Promise<void> {
    await this.#run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (sheet.isNullObject) return;
      sheet.delete();
      await context.sync();
    });
  }

  /**
   * The fill (a token of Excel's colour and pattern, null for none) and note of these cells.
   * @param sheet - the sheet's name
   * @param addresses - A1 addresses
   * @returns one decoration per address, in order
   * @throws HouqinError `INVALID_ARGUMENT` for a missing sheet or a bad address
   * @example await workbook.readDecorations("收费明细", ["B3"]) // [{ address: "B3", fill: null, note: "经办人：王老师" }]
   */
  async readDecorations(sheet: string, addresses: readonly string[]): Promise<CellDecoration[]> {
    const keys = addresses.map(normalizeAddress);
    return this.#run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const out: CellDecoration[] = [];
      let size = DECORATIONS_PER_REQUEST;
      for (let start = 0; start < keys.length; ) {
        const loaded = keys.slice(start, start + size).map((key) => {
          const fill = ws.getRange(key).format.fill;
          fill.load("color,pattern,patternColor,tintAndShade");
          const note = this.#notes ? ws.notes.getItemOrNullObject(key) : undefined;
          note?.load("content");
          return { fill, note };
        });
        try {
          await syncSheet(context, sheet);
        } catch (error) {
          // Long notes made the response too big: ask for fewer cells at a time.
          if (!TOO_BIG.has(errorCode(error) ?? "") || size === 1) throw error;
          size = Math.ceil(loaded.length / 4);
          continue;
        }
        loaded.forEach(({ fill, note }, i) => {
          out.push({
            address: addresses[start + i] as string,
            fill: fillToken(fill),
            note: note === undefined || note.isNullObject ? null : note.content,
          });
        });
        start += loaded.length;
      }
      return out;
    });
  }

  /**
   * Fills these cells with a solid colour and gives them notes (replacing a note they had); values
   * stay as they are.
   * @param sheet - the sheet's name
   * @param marks - address, ARGB colour and note of each mark
   * @throws HouqinError `INVALID_ARGUMENT` for a missing sheet, a bad address or a bad colour
   * @example await workbook.markCells("收费明细", [{ address: "C17", color: "FFFFC7CE", note: "未审批" }]);
   */
  async markCells(sheet: string, marks: readonly CellMark[]): Promise<void> {
    const byCell = new Map<string, { color: string; note: string }>();
    for (const mark of marks) {
      const color = htmlColor(mark.color);
      if (color === undefined) throw new HouqinError("INVALID_ARGUMENT", `Not an ARGB colour: ${mark.color}`);
      byCell.set(normalizeAddress(mark.address), { color, note: mark.note });
    }
    await this.#decorate(
      sheet,
      [...byCell],
      (fill, [, mark]) => {
        fill.clear(); // a patterned fill would keep its pattern under the new colour
        fill.color = mark.color;
        return mark.note;
      },
      (mark) => mark.note,
    );
  }

  /**
   * Puts back the fills and notes read earlier by {@link OfficeWorkbook.readDecorations} (also the
   * tokens of the memory and xlsx adapters: ARGB colours and exceljs fills).
   * @param sheet - the sheet's name
   * @param decorations - the decorations to restore
   * @example await workbook.restoreDecorations("收费明细", before);
   */
  async restoreDecorations(sheet: string, decorations: readonly CellDecoration[]): Promise<void> {
    const byCell = new Map<string, CellDecoration>();
    for (const decoration of decorations) byCell.set(normalizeAddress(decoration.address), decoration);
    await this.#decorate(
      sheet,
      [...byCell],
      (fill, [, decoration]) => {
        applyFillToken(fill, decoration.fill);
        return decoration.note;
      },
      (decoration) => decoration.note,
    );
  }

  /**
   * Activates a sheet and selects a cell (or range) of it, as clicking a finding does.
   * @param sheet - the sheet's name
   * @param address - "C17" or "A1:C3"
   * @throws HouqinError `INVALID_ARGUMENT` for a missing sheet or a bad address
   * @example await workbook.select("收费明细", "C17");
   */
  async select(sheet: string, address: string): Promise<void> {
    const area = parseRangeAddress(address);
    if (!area) throw notAnAddress(address);
    const a1 =
      area.top === area.bottom && area.left === area.right
        ? cellAddress(area.top, area.left)
        : `${cellAddress(area.top, area.left)}:${cellAddress(area.bottom, area.right)}`;
    await this.#run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.load("visibility");
      await syncSheet(context, sheet);
      // Excel cannot activate a hidden sheet; houqin does not unhide the user's sheets.
      if (ws.visibility !== "Visible")
        throw new HouqinError(
          "INVALID_ARGUMENT",
          `工作表“${sheet}”已隐藏，请先取消隐藏（the sheet "${sheet}" is hidden: unhide it first）`,
        );
      ws.activate();
      ws.getRange(a1).select();
      await context.sync();
    });
  }

  /**
   * The internal links of a sheet (to a place in this workbook), by the address of their cell.
   * @param name - the sheet's name
   * @returns the target sheet and cell of each link
   * @throws HouqinError `INVALID_ARGUMENT` when there is no such sheet
   * @example (await workbook.readLinks("检查结果")).D2 // { sheet: "收费明细", cell: "C17" }
   */
  async readLinks(name: string): Promise<Record<string, OfficeLinkTarget>> {
    return this.#run(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(false);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await syncSheet(context, name);
      const links: Record<string, OfficeLinkTarget> = {};
      if (used.isNullObject) return links;
      const blocks = readBlocks(used.rowCount, used.columnCount, LINK_BYTES_PER_CELL, this.#budget);
      for (const block of blocks) {
        const top = used.rowIndex + block.row;
        const left = used.columnIndex + block.column;
        const range = ws.getRangeByIndexes(top, left, block.rowCount, block.columnCount);
        const properties = range.getCellProperties({ hyperlink: true });
        await context.sync();
        properties.value.forEach((cells, r) => {
          cells.forEach((cell, c) => {
            const reference = cell.hyperlink?.documentReference;
            const target = reference === undefined ? undefined : parseReference(reference)[0];
            if (!target || target.sheet === "") return;
            links[cellAddress(top + r + 1, left + c + 1)] = {
              sheet: target.sheet,
              cell: cellAddress(target.top, target.left),
            };
          });
        });
      }
      return links;
    });
  }

  /** The sheet, its used range (valuesOnly) and its merged areas, in one round trip. */
  async #openForRead(
    context: ExcelContext,
    name: string,
  ): Promise<{
    sheet: { handle: ExcelWorksheet; name: string };
    used: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | undefined;
    merges: CellRange[];
  }> {
    const attempt = async (withMerges: boolean) => {
      const handle = context.workbook.worksheets.getItem(name);
      handle.load("name");
      const used = handle.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      const merged = withMerges ? handle.getRange().getMergedAreasOrNullObject() : undefined;
      merged?.load("address");
      await syncSheet(context, name);
      const merges = merged && !merged.isNullObject ? parseMerges(merged.address) : [];
      return {
        sheet: { handle, name: handle.name },
        used: used.isNullObject
          ? undefined
          : {
              rowIndex: used.rowIndex,
              columnIndex: used.columnIndex,
              rowCount: used.rowCount,
              columnCount: used.columnCount,
            },
        merges,
      };
    };
    try {
      return await attempt(true);
    } catch (error) {
      // Excel gives no merged areas past 512 of them (and may fail the request): read without them.
      if (error instanceof HouqinError) throw error;
      return attempt(false);
    }
  }

  /**
   * Fills and notes of many cells: one round trip to find their notes, one to change them, per chunk
   * of at most {@link DECORATIONS_PER_REQUEST} cells whose notes fit in a request.
   */
  async #decorate<T>(
    sheet: string,
    cells: readonly (readonly [string, T])[],
    paint: (fill: ExcelRangeFill, cell: readonly [string, T]) => string | null,
    noteOf: (cell: T) => string | null,
  ): Promise<void> {
    const chunks: (readonly (readonly [string, T])[])[] = [];
    let chunk: (readonly [string, T])[] = [];
    let bytes = 0;
    for (const cell of cells) {
      const cost = DECORATION_BYTES + jsonBytes(noteOf(cell[1]));
      if (chunk.length > 0 && (chunk.length >= DECORATIONS_PER_REQUEST || bytes + cost > this.#budget)) {
        chunks.push(chunk);
        chunk = [];
        bytes = 0;
      }
      chunk.push(cell);
      bytes += cost;
    }
    chunks.push(chunk);
    await this.#run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const part of chunks) {
        const notes = this.#notes
          ? part.map(([address]) => ws.notes.getItemOrNullObject(address))
          : undefined;
        // The notes are looked up first; without notes, one sync tells only whether the sheet exists.
        if (notes || part === chunks[0]) await syncSheet(context, sheet);
        if (part.length === 0) return;
        context.application.suspendApiCalculationUntilNextSync();
        part.forEach((cell, i) => {
          const [address] = cell;
          const text = paint(ws.getRange(address).format.fill, cell);
          if (notes) setNote(ws, address, notes[i] as ExcelNote, text);
        });
        await context.sync();
      }
    });
  }
}

// --- reading -------------------------------------------------------------------------------------

/** Stores the loaded cells of a range into `rows` and returns what one cell took in the response. */
function storeBlock(range: ExcelRange, block: CellBlock, rows: Cell[][], system: DateSystem): number {
  const { values, numberFormat, text, valueTypes } = range;
  let bytes = 0;
  for (let r = 0; r < block.rowCount; r++) {
    const rowValues = values[r] ?? [];
    const rowFormats = numberFormat[r] ?? [];
    const rowTexts = text[r] ?? [];
    const rowTypes = valueTypes[r] ?? [];
    for (let c = 0; c < block.columnCount; c++) {
      const raw = rowValues[c];
      const shown = rowTexts[c] ?? "";
      const format = rowFormats[c];
      const type = rowTypes[c] ?? "Unknown";
      bytes += jsonBytes(raw) + jsonBytes(shown) + jsonBytes(format) + jsonBytes(type) + 4;
      const cell = readCell(raw, shown, format, type, system);
      if (cell === undefined) continue;
      const rowNumber = block.row + r;
      const columnNumber = block.column + c;
      while (rows.length <= rowNumber) rows.push([]);
      const row = rows[rowNumber] as Cell[];
      while (row.length < columnNumber) row.push({ value: null, text: "" });
      row[columnNumber] = cell;
    }
  }
  return bytes / Math.max(1, block.rowCount * block.columnCount);
}

/**
 * A cell from what Excel loaded, or undefined for an empty one. Errors are told from text by their
 * value type; a number shown as "####" (a column too narrow) gets houqin's own text.
 */
function readCell(
  raw: unknown,
  shown: string,
  rawFormat: unknown,
  type: string,
  system: DateSystem,
): Cell | undefined {
  if (type === "Empty" || raw === "" || raw === null || raw === undefined) return undefined;
  const format =
    typeof rawFormat === "string" && rawFormat !== "" && rawFormat !== "General" ? rawFormat : undefined;
  let value: CellValue;
  let text = shown;
  if (type === "Error") {
    value = { error: parseErrorText(String(raw)) ?? parseErrorText(shown) ?? "#UNKNOWN!" };
    if (text === "") text = value.error;
  } else if (typeof raw === "number") {
    value = raw;
    if (/^#+$/.test(text) || text === "") text = valueText(value, format, system);
  } else if (typeof raw === "boolean") {
    value = raw;
    if (text === "") text = valueText(value, format, system);
  } else {
    value = String(raw);
    if (text === "") text = value;
  }
  return format === undefined ? { value, text } : { value, text, format };
}

function parseMerges(address: string): CellRange[] {
  return parseReference(address)
    .filter((area) => area.bottom > area.top || area.right > area.left)
    .map(({ top, left, bottom, right }) => ({ top, left, bottom, right }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

// --- writing -------------------------------------------------------------------------------------

/** Rows ready for Excel: values, number formats and cell properties as rectangles, and their sizes. */
interface PreparedGrid {
  width: number;
  values: (string | number)[][];
  formats: string[][];
  /** Bold and links; undefined for a plain cell. */
  properties: (ExcelSettableCellProperties | undefined)[][];
  /** Bytes of each cell in a request. */
  bytes: number[][];
}

function prepareRows(rows: readonly (readonly OutCell[])[]): PreparedGrid {
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  const grid: PreparedGrid = { width, values: [], formats: [], properties: [], bytes: [] };
  for (const row of rows) {
    const values: (string | number)[] = [];
    const formats: string[] = [];
    const properties: (ExcelSettableCellProperties | undefined)[] = [];
    const bytes: number[] = [];
    for (let c = 0; c < width; c++) {
      const { value, format, props } = prepareCell(row[c] ?? null);
      values.push(value);
      formats.push(format);
      properties.push(props);
      bytes.push(jsonBytes(value) + jsonBytes(format) + (props ? jsonBytes(props) : 2) + WRITE_CELL_OVERHEAD);
    }
    grid.values.push(values);
    grid.formats.push(formats);
    grid.properties.push(properties);
    grid.bytes.push(bytes);
  }
  return grid;
}

function prepareCell(out: OutCell): {
  value: string | number;
  format: string;
  props?: ExcelSettableCellProperties;
} {
  if (out === null) return { value: "", format: "General" };
  // "@" (Text) before the value: Excel keeps "=1+1", "001", "TRUE" or "2024-09-01" as the text they are.
  if (typeof out === "string") return { value: out, format: "@" };
  if (typeof out === "number") return Number.isFinite(out) ? { value: out, format: "General" } : asText(out);
  if ("format" in out)
    return Number.isFinite(out.value) ? { value: out.value, format: out.format } : asText(out.value);
  if ("bold" in out) return { value: out.text, format: "@", props: { format: { font: { bold: true } } } };
  return {
    value: out.text,
    format: "@",
    props: {
      hyperlink: {
        documentReference: sheetReference(out.link.sheet, normalizeAddress(out.link.cell)),
        textToDisplay: out.text,
      },
      format: { font: { ...LINK_FONT } },
    },
  };
}

function asText(value: number): { value: string; format: string } {
  return { value: String(value), format: "@" };
}

/**
 * The blocks a write sends, one request each: as many whole rows as fit in the request budget, or
 * parts of one row when it alone does not fit.
 */
function writeBlocks(grid: PreparedGrid, maxRequestBytes: number): CellBlock[] {
  const budget = maxRequestBytes - Math.min(WRITE_COMMANDS_BYTES, Math.floor(maxRequestBytes / 40));
  const maxRows = Math.max(1, Math.floor(MAX_CELLS_PER_REQUEST / Math.max(1, grid.width)));
  const blocks: CellBlock[] = [];
  if (grid.width === 0) return blocks;
  let start = 0;
  let size = 0;
  const close = (end: number) => {
    if (end > start) blocks.push({ row: start, column: 0, rowCount: end - start, columnCount: grid.width });
    start = end;
    size = 0;
  };
  grid.bytes.forEach((cells, r) => {
    const rowBytes = cells.reduce((sum, b) => sum + b, WRITE_ROW_OVERHEAD);
    if (rowBytes > budget) {
      close(r);
      let column = 0;
      let partBytes = 0;
      cells.forEach((b, c) => {
        if (partBytes + b > budget && c > column) {
          blocks.push({ row: r, column, rowCount: 1, columnCount: c - column });
          column = c;
          partBytes = 0;
        }
        partBytes += b;
      });
      blocks.push({ row: r, column, rowCount: 1, columnCount: grid.width - column });
      start = r + 1;
      return;
    }
    if (size + rowBytes > budget || r - start >= maxRows) close(r);
    size += rowBytes;
  });
  close(grid.bytes.length);
  return blocks;
}

function writeBlock(sheet: ExcelWorksheet, grid: PreparedGrid, block: CellBlock): void {
  const rowsOf = <T>(matrix: T[][]): T[][] =>
    matrix
      .slice(block.row, block.row + block.rowCount)
      .map((row) => row.slice(block.column, block.column + block.columnCount));
  const range = sheet.getRangeByIndexes(block.row, block.column, block.rowCount, block.columnCount);
  range.numberFormat = rowsOf(grid.formats);
  range.values = rowsOf(grid.values);
  const properties = rowsOf(grid.properties);
  if (properties.some((row) => row.some((p) => p !== undefined)))
    range.setCellProperties(properties.map((row) => row.map((p) => p ?? {})));
}

function layOut(sheet: ExcelWorksheet, options: WriteSheetOptions): void {
  options.columnWidths?.forEach((width, c) => {
    if (Number.isFinite(width) && width > 0)
      sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidthPoints(width);
  });
  if (options.frozenRows !== undefined && options.frozenRows > 0)
    sheet.freezePanes.freezeRows(options.frozenRows);
  if (options.hidden) sheet.visibility = "Hidden";
}

/**
 * Points for a column width in characters, as Excel converts them with its default font (7-pixel
 * digits and 5 pixels of padding, 0.75 points a pixel).
 *
 * @example columnWidthPoints(8.43) // 48
 */
export function columnWidthPoints(characters: number): number {
  return Math.round((Math.trunc(characters * 7 + 0.5) + 5) * 0.75 * 100) / 100;
}

function setNote(ws: ExcelWorksheet, address: string, existing: ExcelNote, text: string | null): void {
  if (text === null) {
    if (!existing.isNullObject) existing.delete();
  } else if (existing.isNullObject) {
    ws.notes.add(address, text);
  } else {
    existing.content = text;
  }
}

// --- errors --------------------------------------------------------------------------------------

/** Syncs, turning Excel's "no such sheet" into houqin's error. */
async function syncSheet(context: ExcelContext, sheet: string): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    if (errorCode(error) === "ItemNotFound")
      throw new HouqinError(
        "INVALID_ARGUMENT",
        `工作簿中没有名为“${sheet}”的工作表（no sheet named ${JSON.stringify(sheet)}）`,
      );
    throw error;
  }
}

function notAnAddress(address: string): HouqinError {
  return new HouqinError("INVALID_ARGUMENT", `“${address}”不是单元格地址（not a cell address）`);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const { code } = error;
  return typeof code === "string" ? code : undefined;
}

function normalizeAddress(address: string): string {
  const parsed = parseCellAddress(address);
  if (!parsed) throw notAnAddress(address);
  return cellAddress(parsed.row, parsed.column);
}
