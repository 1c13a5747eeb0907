import type { Cell, CellValue, DateSystem, ExcelErrorCode } from "@houqin/core";
import { isoToSerial, makeIsoDate, parseErrorText } from "@houqin/core";
import type { CellRange, MemorySheetSpec, MemoryWorkbookSpec } from "@houqin/workbook";
import {
  cellAddress,
  columnLetter,
  MAX_COLUMN,
  MAX_ROW,
  parseCellAddress,
  sheetReference,
} from "@houqin/workbook";
import { utf8Bytes } from "../office/chunkPlan.js";
import { valueText } from "../office/displayText.js";
import type {
  ExcelApplication,
  ExcelCellProperties,
  ExcelClientResult,
  ExcelContext,
  ExcelFreezePanes,
  ExcelFunctionResult,
  ExcelFunctions,
  ExcelHyperlink,
  ExcelNote,
  ExcelNoteCollection,
  ExcelRange,
  ExcelRangeAreas,
  ExcelRangeFill,
  ExcelRangeFormat,
  ExcelRun,
  ExcelSettableCellProperties,
  ExcelWorkbook,
  ExcelWorksheet,
  ExcelWorksheetCollection,
} from "../office/excelApi.js";
import { htmlColor } from "../office/fillToken.js";
import { parseArea, parseReference } from "../office/references.js";

// An in-memory Excel behind the Office.js surface of src/office/excelApi.ts, for tests and the browser
// test host. Browser-safe: no node imports.

/** A sheet of a {@link FakeExcelSpec}: a memory sheet plus what only Excel has. */
export interface FakeSheetSpec extends MemorySheetSpec {
  /** Hidden so that only code can show it again. */
  veryHidden?: boolean;
  /** Rows frozen at the top. */
  frozenRows?: number;
  /** Column widths in points, column A first. */
  columnWidths?: readonly number[];
  /** Internal hyperlinks by the A1 address of their cell. */
  links?: Readonly<Record<string, { sheet: string; cell: string }>>;
}

/** What a fake Excel starts with: a {@link MemoryWorkbookSpec}, with optional Excel-only extras. */
export interface FakeExcelSpec extends MemoryWorkbookSpec {
  sheets: readonly FakeSheetSpec[];
  /** The active sheet (the first visible one by default). */
  activeSheet?: string;
}

/** How the fake behaves. */
export interface FakeExcelOptions {
  /**
   * Requests and responses over this many bytes fail as Excel on the web fails them
   * (`RequestPayloadSizeLimitExceeded`, `ResponsePayloadSizeLimitExceeded`); 5 MB by default.
   */
  maxPayloadBytes?: number;
}

/** One `context.sync()` as the fake saw it. */
export interface FakeSyncRecord {
  /** JSON size (UTF-8) of the commands and loads the sync sent. */
  requestBytes: number;
  /** JSON size (UTF-8) of what the sync brought back. */
  responseBytes: number;
  /** Commands and loads in the request. */
  operations: number;
  /** Cells whose values, formats or texts were loaded or written. */
  cells: number;
  /** The error code when the sync failed. */
  error?: string;
}

/** A sheet of a fake Excel as it is now, for assertions. */
export interface FakeSheetSnapshot {
  name: string;
  /** 0-based place among the sheets. */
  position: number;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** The cells, row 1 first, up to the last cell with a value (not trimmed per row). */
  rows: Cell[][];
  /** The values of {@link FakeSheetSnapshot.rows}. */
  values: CellValue[][];
  /** Number formats other than "General", by A1 address. */
  formats: Record<string, string>;
  /** Formulas Excel would have made of text written without the "@" format, by A1 address. */
  formulas: Record<string, string>;
  merges: CellRange[];
  /** Fill colours as ARGB ("FFFFC7CE"), by A1 address. */
  fills: Record<string, string>;
  /** Fill patterns other than "Solid", by A1 address. */
  fillPatterns: Record<string, string>;
  notes: Record<string, string>;
  /** Internal hyperlinks by the A1 address of their cell. */
  links: Record<string, { sheet: string; cell: string }>;
  /** A1 addresses of bold cells. */
  bold: string[];
  /** Font colours ("#0563C1") by A1 address. */
  fontColors: Record<string, string>;
  /** Column widths in points by column letter. */
  columnWidths: Record<string, number>;
  frozenRows: number;
}

/** An in-memory Excel: `run` is its `Excel.run`; the rest is for assertions. */
export interface FakeExcel {
  /**
   * Runs a batch against the fake, as `Excel.run` does. Commands a batch leaves queued when it ends
   * are synced (OfficeWorkbook always syncs its own, so nothing depends on this).
   */
  readonly run: ExcelRun;
  /** `context.sync()` calls so far (failed ones included). */
  readonly syncCount: number;
  /** Every sync so far, with its payload sizes. */
  readonly syncs: readonly FakeSyncRecord[];
  /** Calls of `suspendApiCalculationUntilNextSync()` so far. */
  readonly calculationSuspensions: number;
  /** The selected range after `Range.select()`: its sheet and A1 address; null before any. */
  readonly selection: { sheet: string; address: string } | null;
  /** The active sheet's name. */
  readonly activeSheet: string | null;
  readonly dateSystem: DateSystem;
  /** The sheets' names in order. */
  sheetNames(): string[];
  /**
   * A copy of a sheet as it is now.
   * @throws Error when there is no such sheet
   */
  sheet(name: string): FakeSheetSnapshot;
  /** Forgets the syncs counted so far (the workbook stays as it is). */
  resetCounters(): void;
}

/** The error a failed `sync()` rejects with, shaped like Office.js's (`code` from `Excel.ErrorCodes`). */
export class FakeExcelError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
    this.code = code;
  }
}

/**
 * An in-memory Excel built from a workbook spec (plain values or cells, merges, fills, notes, hidden
 * sheets), with Office.js semantics: commands queue and apply on `sync()`, properties are readable
 * only after `load()` and `sync()` (else `PropertyNotLoaded`), `getItem` of a missing sheet fails the
 * sync (`ItemNotFound`), `*OrNullObject` gives `isNullObject`. Text written into a cell that is not
 * formatted "@" is read as Excel reads typing: "=…" becomes a formula (shown as #NAME?, the fake
 * computes nothing), "001" a number, "true" a boolean, "'x" the text x.
 *
 * @param spec - sheets, date system, extras (frozen rows, widths, links, active sheet)
 * @param options - the payload limit
 * @returns the fake
 * @example
 * const excel = createFakeExcel({ sheets: [{ name: "收费明细", rows: [["项目", "金额"]] }] });
 * const workbook = await OfficeWorkbook.open(excel.run);
 * await workbook.select("收费明细", "B1");
 * excel.selection // { sheet: "收费明细", address: "B1" }
 */
export function createFakeExcel(
  spec: FakeExcelSpec | MemoryWorkbookSpec,
  options: FakeExcelOptions = {},
): FakeExcel {
  return new FakeExcelHost(spec, options);
}

// --- the workbook's state ------------------------------------------------------------------------

const DEFAULT_MAX_PAYLOAD = 5 * 1024 * 1024;

type Visibility = "Visible" | "Hidden" | "VeryHidden";

interface StoredCell {
  value: CellValue;
  /** The text the spec gave; otherwise computed from value and format. */
  text?: string;
  format?: string;
  formula?: string;
}

interface StoredFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
}

interface StoredFont {
  bold?: boolean;
  color?: string;
  underline?: string;
}

interface SheetState {
  id: number;
  name: string;
  visibility: Visibility;
  deleted: boolean;
  /** By {@link cellKey}. */
  cells: Map<number, StoredCell>;
  fills: Map<number, StoredFill>;
  fonts: Map<number, StoredFont>;
  notes: Map<number, string>;
  links: Map<number, ExcelHyperlink>;
  merges: CellRange[];
  /** Points by 0-based column. */
  columnWidths: Map<number, number>;
  frozenRows: number;
}

/** A rectangle of a sheet, 0-based. */
interface RangeTarget {
  sheet: SheetState;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

function cellKey(row: number, column: number): number {
  return row * MAX_COLUMN + column;
}

function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMN);
}

function keyColumn(key: number): number {
  return key % MAX_COLUMN;
}

function keyAddress(key: number): string {
  return cellAddress(keyRow(key) + 1, keyColumn(key) + 1);
}

class Book {
  readonly dateSystem: DateSystem;
  sheets: SheetState[] = [];
  activeId: number | null = null;
  selection: { sheet: string; address: string } | null = null;
  #nextId = 1;

  constructor(spec: FakeExcelSpec | MemoryWorkbookSpec) {
    this.dateSystem = spec.dateSystem ?? "1900";
    for (const sheetSpec of spec.sheets as readonly FakeSheetSpec[])
      this.sheets.push(this.#fromSpec(sheetSpec));
    const active =
      "activeSheet" in spec && spec.activeSheet !== undefined ? this.find(spec.activeSheet) : undefined;
    this.activeId = (active ?? this.sheets.find((s) => s.visibility === "Visible"))?.id ?? null;
  }

  find(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  add(name: string | undefined): SheetState {
    let chosen = name;
    if (chosen === undefined) {
      for (let n = this.sheets.length + 1; ; n++) {
        if (!this.find(`Sheet${n}`)) {
          chosen = `Sheet${n}`;
          break;
        }
      }
    }
    checkSheetName(chosen);
    if (this.find(chosen)) throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${chosen} exists.`);
    const sheet = emptySheet(this.#nextId++, chosen);
    this.sheets.push(sheet);
    return sheet;
  }

  remove(sheet: SheetState): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet)
      throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    if (this.activeId === sheet.id) {
      const next =
        this.sheets.slice(index).find((s) => s.visibility === "Visible") ??
        [...this.sheets].reverse().find((s) => s.visibility === "Visible");
      this.activeId = next?.id ?? null;
      this.selection = null;
    }
  }

  #fromSpec(spec: FakeSheetSpec): SheetState {
    const sheet = emptySheet(this.#nextId++, spec.name);
    sheet.visibility = spec.veryHidden ? "VeryHidden" : spec.hidden ? "Hidden" : "Visible";
    spec.rows.forEach((row, r) => {
      row.forEach((item, c) => {
        const cell = specCell(item);
        if (cell) sheet.cells.set(cellKey(r, c), cell);
      });
    });
    sheet.merges = (spec.merges ?? []).map((m) => ({ ...m }));
    for (const [address, argb] of Object.entries(spec.fills ?? {})) {
      const color = htmlColor(argb);
      if (color === undefined) throw new FakeExcelError("InvalidArgument", `Not an ARGB colour: ${argb}`);
      sheet.fills.set(addressKey(address), solidFill(color));
    }
    for (const [address, note] of Object.entries(spec.notes ?? {}))
      sheet.notes.set(addressKey(address), note);
    for (const [address, link] of Object.entries(spec.links ?? {})) {
      sheet.links.set(addressKey(address), { documentReference: sheetReference(link.sheet, link.cell) });
    }
    spec.columnWidths?.forEach((width, c) => {
      sheet.columnWidths.set(c, width);
    });
    sheet.frozenRows = spec.frozenRows ?? 0;
    return sheet;
  }
}

function emptySheet(id: number, name: string): SheetState {
  return {
    id,
    name,
    visibility: "Visible",
    deleted: false,
    cells: new Map(),
    fills: new Map(),
    fonts: new Map(),
    notes: new Map(),
    links: new Map(),
    merges: [],
    columnWidths: new Map(),
    frozenRows: 0,
  };
}

/** The {@link cellKey} of an A1 address (of the spec or of a command). */
function addressKey(address: string): number {
  const parsed = parseCellAddress(address);
  if (!parsed) throw new FakeExcelError("InvalidArgument", `Not a cell address: ${address}`);
  return cellKey(parsed.row - 1, parsed.column - 1);
}

function specCell(item: CellValue | Cell): StoredCell | undefined {
  if (typeof item === "object" && item !== null && "value" in item && "text" in item) {
    const value = item.value === "" ? null : item.value;
    if (value === null && item.format === undefined) return undefined;
    const copy = typeof value === "object" && value !== null ? { error: value.error } : value;
    return item.format === undefined
      ? { value: copy, text: item.text }
      : { value: copy, text: item.text, format: item.format };
  }
  if (item === null || item === "") return undefined;
  if (typeof item === "object") return { value: { error: item.error } };
  return { value: item };
}

function solidFill(color: string): StoredFill {
  return { color, pattern: "Solid", patternColor: "#000000", tintAndShade: 0 };
}

function checkSheetName(name: string): void {
  if (
    name.trim() === "" ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    /^'|'$/.test(name) ||
    name.toLowerCase() === "history"
  ) {
    throw new FakeExcelError("InvalidArgument", `Not a sheet name: ${JSON.stringify(name)}`);
  }
}

/**
 * DATE(year, month, day) in a date system. The fake evaluates it for a real date from the system's
 * first day on (DATE(1904,1,1) tells the systems apart), not Excel's rolling of months and days.
 */
function excelDate(year: number, month: number, day: number, system: DateSystem): number {
  const iso = makeIsoDate(year, month, day);
  if (iso === undefined || iso < (system === "1904" ? "1904-01-01" : "1900-01-01"))
    throw new FakeExcelError(
      "InvalidArgument",
      `The fake evaluates DATE only for a real date: ${year}-${month}-${day}`,
    );
  return isoToSerial(iso, system);
}

function liveSheet(sheet: SheetState): SheetState {
  if (sheet.deleted) throw new FakeExcelError("ItemNotFound", `The sheet ${sheet.name} was deleted.`);
  return sheet;
}

// --- cells ---------------------------------------------------------------------------------------

function cellText(cell: StoredCell | undefined, system: DateSystem): string {
  if (!cell) return "";
  if (cell.text !== undefined) return cell.text;
  return valueText(cell.value, cell.format, system);
}

function rawValue(cell: StoredCell | undefined): string | number | boolean {
  const value = cell?.value ?? null;
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  return value;
}

function valueType(cell: StoredCell | undefined): string {
  const value = cell?.value ?? null;
  if (value === null) return "Empty";
  if (typeof value === "object") return "Error";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return "String";
}

/** What Excel makes of a value written into a cell: typed values stay, text is read as typing unless the cell is "@". */
function enteredCell(input: unknown, format: string | undefined): StoredCell | undefined {
  const keep = format === undefined ? {} : { format };
  if (input === null || input === undefined || input === "")
    return format === undefined ? undefined : { value: null, ...keep };
  if (typeof input === "number") {
    if (!Number.isFinite(input))
      throw new FakeExcelError("InvalidArgument", `Not a number Excel takes: ${input}`);
    return { value: input, ...keep };
  }
  if (typeof input === "boolean") return { value: input, ...keep };
  if (typeof input !== "string")
    throw new FakeExcelError("InvalidArgument", `Not a cell value: ${String(input)}`);
  if (format === "@") return { value: input, ...keep };
  if (input.startsWith("'")) return { value: input.slice(1) === "" ? null : input.slice(1), ...keep };
  if (input.startsWith("=") && input.length > 1)
    return { value: { error: "#NAME?" }, formula: input, ...keep };
  const trimmed = input.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed), ...keep };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(trimmed))
    return { value: Number(trimmed.slice(0, -1)) / 100, ...keep };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true", ...keep };
  const error = parseErrorText(trimmed);
  if (error !== undefined && trimmed === error) return { value: { error: error as ExcelErrorCode }, ...keep };
  return { value: input, ...keep };
}

function setCellValue(sheet: SheetState, key: number, input: unknown): void {
  const old = sheet.cells.get(key);
  const cell = enteredCell(input, old?.format);
  if (cell) sheet.cells.set(key, cell);
  else sheet.cells.delete(key);
}

function setCellFormat(sheet: SheetState, key: number, format: unknown): void {
  const text = typeof format === "string" ? format : String(format ?? "General");
  const old = sheet.cells.get(key);
  const value = old?.value ?? null;
  const next: StoredCell = { value };
  if (text !== "General" && text !== "") next.format = text;
  if (old?.formula !== undefined) next.formula = old.formula;
  if (next.value === null && next.format === undefined) sheet.cells.delete(key);
  else sheet.cells.set(key, next);
}

function forEachCell(target: RangeTarget, visit: (key: number, r: number, c: number) => void): void {
  for (let r = 0; r < target.rowCount; r++)
    for (let c = 0; c < target.columnCount; c++) visit(cellKey(target.row + r, target.column + c), r, c);
}

function matrix<T>(target: RangeTarget, read: (key: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < target.rowCount; r++) {
    const row: T[] = [];
    for (let c = 0; c < target.columnCount; c++) row.push(read(cellKey(target.row + r, target.column + c)));
    out.push(row);
  }
  return out;
}

function checkShape(target: RangeTarget, data: unknown, what: string): unknown[][] {
  if (
    !Array.isArray(data) ||
    data.length !== target.rowCount ||
    data.some((row) => !Array.isArray(row) || row.length !== target.columnCount)
  ) {
    throw new FakeExcelError(
      "InvalidArgument",
      `The ${what} array does not match the size of the range (${target.rowCount}×${target.columnCount}).`,
    );
  }
  return data as unknown[][];
}

function rangeAddress(target: RangeTarget): string {
  const first = cellAddress(target.row + 1, target.column + 1);
  const last = cellAddress(target.row + target.rowCount, target.column + target.columnCount);
  return sheetReference(
    target.sheet.name,
    target.rowCount === 1 && target.columnCount === 1 ? first : `${first}:${last}`,
  );
}

function usedRange(sheet: SheetState, valuesOnly: boolean): RangeTarget | null {
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let right = -1;
  const take = (key: number) => {
    const r = keyRow(key);
    const c = keyColumn(key);
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  };
  for (const [key, cell] of sheet.cells) if (!valuesOnly || cell.value !== null) take(key);
  if (!valuesOnly) {
    for (const map of [sheet.fills, sheet.fonts, sheet.notes, sheet.links])
      for (const key of map.keys()) take(key);
    for (const m of sheet.merges) {
      take(cellKey(m.top - 1, m.left - 1));
      take(cellKey(m.bottom - 1, m.right - 1));
    }
  }
  if (bottom < 0) return null;
  return { sheet, row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
}

function intersects(m: CellRange, t: RangeTarget): boolean {
  return (
    m.top - 1 < t.row + t.rowCount &&
    m.bottom - 1 >= t.row &&
    m.left - 1 < t.column + t.columnCount &&
    m.right - 1 >= t.column
  );
}

// --- the request context -------------------------------------------------------------------------

interface OpResult {
  data: unknown;
  commit: () => void;
  cells?: number;
}

interface Op {
  describe: unknown;
  run: () => OpResult | undefined;
}

class Session implements ExcelContext {
  readonly workbook: ExcelWorkbook;
  readonly application: ExcelApplication;
  queue: Op[] = [];
  #nextId = 1;

  constructor(readonly host: FakeExcelHost) {
    this.workbook = {
      worksheets: new WorksheetCollectionProxy(this),
      functions: {
        date: (year: number, month: number, day: number) => new FunctionResultProxy(this, year, month, day),
      } satisfies ExcelFunctions,
    };
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        this.enqueue({
          describe: { m: "suspendApiCalculationUntilNextSync" },
          run: () => {
            host.calculationSuspensions++;
            return undefined;
          },
        });
      },
    };
  }

  get book(): Book {
    return this.host.book;
  }

  newId(): number {
    return this.#nextId++;
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  async sync(): Promise<unknown> {
    const ops = this.queue;
    this.queue = [];
    const record: FakeSyncRecord = { requestBytes: 0, responseBytes: 0, operations: ops.length, cells: 0 };
    this.host.record(record);
    await Promise.resolve();
    record.requestBytes = utf8Bytes(JSON.stringify(ops.map((op) => op.describe)));
    if (record.requestBytes > this.host.maxPayloadBytes) {
      record.error = "RequestPayloadSizeLimitExceeded";
      throw new FakeExcelError(record.error, `The request payload is ${record.requestBytes} bytes.`);
    }
    const results: OpResult[] = [];
    try {
      for (const op of ops) {
        const result = op.run();
        if (result) results.push(result);
      }
    } catch (error) {
      record.error = error instanceof FakeExcelError ? error.code : "GeneralException";
      throw error;
    }
    record.responseBytes = utf8Bytes(JSON.stringify(results.map((result) => result.data)));
    record.cells = results.reduce((sum, result) => sum + (result.cells ?? 0), 0);
    if (record.responseBytes > this.host.maxPayloadBytes) {
      record.error = "ResponsePayloadSizeLimitExceeded";
      throw new FakeExcelError(record.error, `The response payload is ${record.responseBytes} bytes.`);
    }
    for (const result of results) result.commit();
    return undefined;
  }
}

function notLoaded(property: string): FakeExcelError {
  return new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** A proxy object: bound to its target when its creating command runs, or found through its parent. */
abstract class ClientObject<T> {
  readonly id: number;
  protected readonly session: Session;
  readonly #resolve: () => T | null;
  #bound: { target: T | null } | undefined;
  #settled = false;
  readonly #loaded = new Map<string, unknown>();

  /**
   * @param describe - the creating command as sent to Excel; undefined for a navigation property,
   *   which is found through its parent whenever it is used
   */
  constructor(session: Session, resolve: () => T | null, describe: unknown) {
    this.session = session;
    this.id = session.newId();
    this.#resolve = resolve;
    if (describe !== undefined) {
      session.enqueue({
        describe: { id: this.id, ...(describe as object) },
        run: () => {
          this.#bound = { target: this.#resolve() };
          return {
            data: { id: this.id, isNull: this.#bound.target === null },
            commit: () => {
              this.#settled = true;
            },
          };
        },
      });
    }
  }

  /** The properties `load()` accepts. */
  protected abstract readonly loadable: readonly string[];
  /** A property's value now, for `load()`. */
  protected abstract read(target: T, property: string): unknown;

  get isNullObject(): boolean {
    if (!this.#settled) throw notLoaded("isNullObject");
    return this.#bound?.target === null;
  }

  /** The target when a command runs (null for a null object). */
  target(): T | null {
    return this.#bound ? this.#bound.target : this.#resolve();
  }

  /** The target when a command runs; a null object fails it. */
  required(): T {
    const target = this.target();
    if (target === null) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist.");
    return target;
  }

  load(propertyNames: string): this {
    const names = propertyNames
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "");
    for (const name of names) {
      if (!this.loadable.includes(name))
        throw new FakeExcelError("PropertyNotFound", `The fake cannot load '${name}' of this object.`);
    }
    this.session.enqueue({
      describe: { id: this.id, load: propertyNames },
      run: () => {
        const target = this.target();
        if (target === null) return { data: null, commit: () => {} };
        const data: Record<string, unknown> = {};
        let cells = 0;
        for (const name of names) {
          data[name] = this.read(target, name);
          if (Array.isArray(data[name]))
            cells += (data[name] as unknown[][]).reduce((n, row) => n + row.length, 0);
        }
        return {
          data: { id: this.id, ...data },
          cells,
          commit: () => {
            for (const name of names) this.#loaded.set(name, data[name]);
          },
        };
      },
    });
    return this;
  }

  /** A loaded property's value. */
  protected loaded<V>(property: string): V {
    if (!this.#loaded.has(property)) throw notLoaded(property);
    return this.#loaded.get(property) as V;
  }

  /** Queues a command on the target. */
  protected command(describe: Record<string, unknown>, apply: (target: T) => void, cells = 0): void {
    this.session.enqueue({
      describe: { id: this.id, ...describe },
      run: () => {
        apply(this.required());
        return cells > 0 ? { data: null, commit: () => {}, cells } : undefined;
      },
    });
  }

  /** Marks an object created already bound (an item of a loaded collection). */
  protected settle(target: T): void {
    this.#bound = { target };
    this.#settled = true;
  }

  /** Sets a loaded value directly (items of a loaded collection). */
  protected preload(property: string, value: unknown): void {
    this.#loaded.set(property, value);
  }
}

class FunctionResultProxy extends ClientObject<number> implements ExcelFunctionResult<number> {
  protected readonly loadable = ["value"];
  constructor(session: Session, year: number, month: number, day: number) {
    super(session, () => excelDate(year, month, day, session.book.dateSystem), {
      m: "functions.date",
      a: [year, month, day],
    });
  }
  protected read(value: number): unknown {
    return value;
  }
  get value(): number {
    return this.loaded("value");
  }
}

/** The sheets: found through the workbook (never a null object); `load()` loads their items. */
class WorksheetCollectionProxy implements ExcelWorksheetCollection {
  readonly id: number;
  readonly #session: Session;
  constructor(session: Session) {
    this.#session = session;
    this.id = session.newId();
  }
  load(propertyNames: string): this {
    const names = propertyNames
      .split(",")
      .map((name) => name.trim().replace(/^items\//, ""))
      .filter((name) => name !== "");
    for (const name of names) {
      if (!["name", "visibility", "position"].includes(name))
        throw new FakeExcelError("PropertyNotFound", `The fake cannot load '${name}' of the sheets.`);
    }
    this.#session.enqueue({
      describe: { id: this.id, load: propertyNames },
      run: () => {
        const book = this.#session.book;
        const data = book.sheets.map((sheet, position) =>
          Object.fromEntries(
            names.map((name) => [
              name,
              name === "position" ? position : sheet[name as "name" | "visibility"],
            ]),
          ),
        );
        const sheets = [...book.sheets];
        return {
          data,
          commit: () => {
            this.#items = sheets.map((sheet, i) => WorksheetProxy.item(this.#session, sheet, data[i] ?? {}));
          },
        };
      },
    });
    return this;
  }
  #items: WorksheetProxy[] | undefined;
  get items(): WorksheetProxy[] {
    if (!this.#items) throw notLoaded("items");
    return this.#items;
  }
  add(name?: string): WorksheetProxy {
    return new WorksheetProxy(this.#session, () => this.#session.book.add(name), {
      m: "worksheets.add",
      a: [name ?? null],
    });
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.#session,
      () => {
        const sheet = this.#session.book.find(key);
        if (!sheet) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${key}`);
        return sheet;
      },
      { m: "worksheets.getItem", a: [key] },
    );
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.#session, () => this.#session.book.find(key) ?? null, {
      m: "worksheets.getItemOrNullObject",
      a: [key],
    });
  }
}

class WorksheetProxy extends ClientObject<SheetState> implements ExcelWorksheet {
  protected readonly loadable = ["name", "position", "visibility"];

  static item(session: Session, sheet: SheetState, loaded: Record<string, unknown>): WorksheetProxy {
    const proxy = new WorksheetProxy(session, () => sheet, undefined);
    proxy.settle(sheet);
    for (const [name, value] of Object.entries(loaded)) proxy.preload(name, value);
    return proxy;
  }

  protected read(sheet: SheetState, property: string): unknown {
    const live = liveSheet(sheet);
    if (property === "name") return live.name;
    if (property === "visibility") return live.visibility;
    return this.session.book.sheets.indexOf(live);
  }

  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.command({ set: "name", value }, (sheet) => {
      const live = liveSheet(sheet);
      checkSheetName(value);
      const other = this.session.book.find(value);
      if (other && other !== live)
        throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${value} exists.`);
      live.name = value;
    });
  }
  get position(): number {
    return this.loaded("position");
  }
  set position(value: number) {
    this.command({ set: "position", value }, (sheet) => {
      const sheets = this.session.book.sheets;
      const live = liveSheet(sheet);
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length)
        throw new FakeExcelError("InvalidArgument", `No position ${value}.`);
      sheets.splice(sheets.indexOf(live), 1);
      sheets.splice(value, 0, live);
    });
  }
  get visibility(): string {
    return this.loaded("visibility");
  }
  set visibility(value: string) {
    this.command({ set: "visibility", value }, (sheet) => {
      const live = liveSheet(sheet);
      if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden")
        throw new FakeExcelError("InvalidArgument", `No visibility ${value}.`);
      const book = this.session.book;
      if (value !== "Visible" && live.visibility === "Visible") {
        const visible = book.sheets.filter((s) => s.visibility === "Visible");
        if (visible.length === 1)
          throw new FakeExcelError(
            "InvalidOperation",
            "A workbook must contain at least one visible worksheet.",
          );
        if (book.activeId === live.id) {
          book.activeId = visible.find((s) => s !== live)?.id ?? null;
          book.selection = null;
        }
      }
      live.visibility = value;
    });
  }

  get freezePanes(): ExcelFreezePanes {
    return {
      freezeRows: (count?: number) => {
        this.command({ m: "freezePanes.freezeRows", a: [count ?? null] }, (sheet) => {
          liveSheet(sheet).frozenRows = count ?? 1;
        });
      },
    };
  }

  get notes(): ExcelNoteCollection {
    return new NoteCollectionProxy(this.session, this);
  }

  activate(): void {
    this.command({ m: "activate" }, (sheet) => {
      const live = liveSheet(sheet);
      if (live.visibility !== "Visible")
        throw new FakeExcelError(
          "InvalidOperation",
          `The sheet ${live.name} is hidden and cannot be activated.`,
        );
      const book = this.session.book;
      if (book.activeId !== live.id) book.selection = null;
      book.activeId = live.id;
    });
  }

  delete(): void {
    this.command({ m: "delete" }, (sheet) => {
      this.session.book.remove(liveSheet(sheet));
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.session,
      () => {
        const sheet = liveSheet(this.required());
        if (address === undefined || address === "")
          return { sheet, row: 0, column: 0, rowCount: MAX_ROW, columnCount: MAX_COLUMN };
        const area = parseArea(address);
        if (!area) throw new FakeExcelError("InvalidArgument", `Not a range address: ${address}`);
        return {
          sheet,
          row: area.top - 1,
          column: area.left - 1,
          rowCount: area.bottom - area.top + 1,
          columnCount: area.right - area.left + 1,
        };
      },
      { m: "getRange", parent: this.id, a: [address ?? null] },
    );
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): RangeProxy {
    return new RangeProxy(
      this.session,
      () => {
        const sheet = liveSheet(this.required());
        const ok = [startRow, startColumn, rowCount, columnCount].every(Number.isInteger);
        if (
          !ok ||
          startRow < 0 ||
          startColumn < 0 ||
          rowCount < 1 ||
          columnCount < 1 ||
          startRow + rowCount > MAX_ROW ||
          startColumn + columnCount > MAX_COLUMN
        ) {
          throw new FakeExcelError(
            "InvalidArgument",
            `No such range: ${[startRow, startColumn, rowCount, columnCount]}`,
          );
        }
        return { sheet, row: startRow, column: startColumn, rowCount, columnCount };
      },
      { m: "getRangeByIndexes", parent: this.id, a: [startRow, startColumn, rowCount, columnCount] },
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.session,
      () => {
        const sheet = this.target();
        return sheet === null ? null : usedRange(liveSheet(sheet), valuesOnly === true);
      },
      { m: "getUsedRangeOrNullObject", parent: this.id, a: [valuesOnly ?? false] },
    );
  }
}

const RANGE_PROPERTIES = [
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
  "values",
  "numberFormat",
  "text",
  "valueTypes",
] as const;

class RangeProxy extends ClientObject<RangeTarget> implements ExcelRange {
  protected readonly loadable: readonly string[] = RANGE_PROPERTIES;

  /** `load()` accepts only {@link RANGE_PROPERTIES}. */
  protected read(target: RangeTarget, property: (typeof RANGE_PROPERTIES)[number]): unknown {
    const sheet = liveSheet(target.sheet);
    const system = this.session.book.dateSystem;
    switch (property) {
      case "rowIndex":
        return target.row;
      case "columnIndex":
        return target.column;
      case "rowCount":
        return target.rowCount;
      case "columnCount":
        return target.columnCount;
      case "values":
        return matrix(target, (key) => rawValue(sheet.cells.get(key)));
      case "numberFormat":
        return matrix(target, (key) => sheet.cells.get(key)?.format ?? "General");
      case "text":
        return matrix(target, (key) => cellText(sheet.cells.get(key), system));
      case "valueTypes":
        return matrix(target, (key) => valueType(sheet.cells.get(key)));
    }
  }

  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get text(): string[][] {
    return this.loaded("text");
  }
  get valueTypes(): string[][] {
    return this.loaded("valueTypes");
  }
  get values(): unknown[][] {
    return this.loaded("values");
  }
  set values(data: unknown[][]) {
    this.command(
      { set: "values", value: data },
      (target) => {
        const rows = checkShape(target, data, "values");
        forEachCell(target, (key, r, c) => setCellValue(liveSheet(target.sheet), key, rows[r]?.[c]));
      },
      cellCount(data),
    );
  }
  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(data: unknown[][]) {
    this.command(
      { set: "numberFormat", value: data },
      (target) => {
        const rows = checkShape(target, data, "numberFormat");
        forEachCell(target, (key, r, c) => setCellFormat(liveSheet(target.sheet), key, rows[r]?.[c]));
      },
      cellCount(data),
    );
  }

  get format(): ExcelRangeFormat {
    return new RangeFormatProxy(this.session, this);
  }

  getMergedAreasOrNullObject(): ExcelRangeAreas {
    return new RangeAreasProxy(this.session, this);
  }

  getCellProperties(options: { hyperlink?: boolean }): ExcelClientResult<ExcelCellProperties[][]> {
    let value: ExcelCellProperties[][] | undefined;
    let pending: ExcelCellProperties[][] | undefined;
    this.session.enqueue({
      describe: { id: this.id, m: "getCellProperties", a: [options] },
      run: () => {
        const target = this.required();
        const sheet = liveSheet(target.sheet);
        pending = matrix(target, (key) => {
          const link = sheet.links.get(key);
          return options.hyperlink ? { hyperlink: link ? { ...link } : null } : {};
        });
        return {
          data: pending,
          cells: target.rowCount * target.columnCount,
          commit: () => {
            value = pending;
          },
        };
      },
    });
    return {
      get value(): ExcelCellProperties[][] {
        if (!value) throw notLoaded("value");
        return value;
      },
    };
  }

  setCellProperties(cellProperties: ExcelSettableCellProperties[][]): void {
    this.command(
      { m: "setCellProperties", a: [cellProperties] },
      (target) => {
        const rows = checkShape(target, cellProperties, "cell properties") as ExcelSettableCellProperties[][];
        const sheet = liveSheet(target.sheet);
        forEachCell(target, (key, r, c) => {
          const props = rows[r]?.[c];
          if (!props) return;
          const font = props.format?.font;
          if (font) sheet.fonts.set(key, { ...sheet.fonts.get(key), ...font });
          if (props.hyperlink) {
            sheet.links.set(key, { ...props.hyperlink });
            const shown = props.hyperlink.textToDisplay;
            if (shown !== undefined) {
              const format = sheet.cells.get(key)?.format;
              sheet.cells.set(key, format === undefined ? { value: shown } : { value: shown, format });
            }
          }
        });
      },
      cellCount(cellProperties),
    );
  }

  select(): void {
    this.command({ m: "select" }, (target) => {
      const sheet = liveSheet(target.sheet);
      const book = this.session.book;
      if (book.activeId !== sheet.id)
        throw new FakeExcelError(
          "InvalidSelection",
          `The sheet ${sheet.name} is not active; activate it first.`,
        );
      const full = rangeAddress(target);
      book.selection = { sheet: sheet.name, address: full.slice(full.lastIndexOf("!") + 1) };
    });
  }
}

function cellCount(data: unknown): number {
  return Array.isArray(data)
    ? data.reduce((n: number, row) => n + (Array.isArray(row) ? row.length : 0), 0)
    : 0;
}

class RangeAreasProxy
  extends ClientObject<{ sheet: SheetState; areas: CellRange[] }>
  implements ExcelRangeAreas
{
  protected readonly loadable = ["address"];
  constructor(session: Session, range: RangeProxy) {
    super(
      session,
      () => {
        const target = range.target();
        if (target === null) return null;
        const sheet = liveSheet(target.sheet);
        const areas = sheet.merges.filter((m) => intersects(m, target));
        return areas.length === 0 ? null : { sheet, areas };
      },
      { m: "getMergedAreasOrNullObject", parent: range.id },
    );
  }
  protected read(target: { sheet: SheetState; areas: CellRange[] }): unknown {
    return target.areas
      .map((m) =>
        sheetReference(target.sheet.name, `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`),
      )
      .join(", ");
  }
  get address(): string {
    return this.loaded("address");
  }
}

class RangeFormatProxy extends ClientObject<RangeTarget> implements ExcelRangeFormat {
  protected readonly loadable = ["columnWidth"];
  readonly #range: RangeProxy;
  constructor(session: Session, range: RangeProxy) {
    super(session, () => range.target(), undefined);
    this.#range = range;
  }
  protected read(target: RangeTarget): unknown {
    const sheet = liveSheet(target.sheet);
    return sheet.columnWidths.get(target.column) ?? 48;
  }
  get columnWidth(): number {
    return this.loaded("columnWidth");
  }
  set columnWidth(points: number) {
    this.command({ set: "format.columnWidth", value: points }, (target) => {
      const sheet = liveSheet(target.sheet);
      for (let c = 0; c < target.columnCount; c++) sheet.columnWidths.set(target.column + c, points);
    });
  }
  get fill(): ExcelRangeFill {
    return new RangeFillProxy(this.session, this.#range);
  }
}

const FILL_PROPERTIES = ["color", "pattern", "patternColor", "tintAndShade"] as const;

class RangeFillProxy extends ClientObject<RangeTarget> implements ExcelRangeFill {
  protected readonly loadable: readonly string[] = FILL_PROPERTIES;
  constructor(session: Session, range: RangeProxy) {
    super(session, () => range.target(), undefined);
  }
  protected read(target: RangeTarget, property: string): unknown {
    const sheet = liveSheet(target.sheet);
    const values = new Set<string>();
    let last: unknown;
    forEachCell(target, (key) => {
      const fill = sheet.fills.get(key);
      last = fill
        ? fill[property as keyof StoredFill]
        : {
            color: "#FFFFFF",
            pattern: "None",
            patternColor: "#000000",
            tintAndShade: null,
          }[property as keyof StoredFill];
      values.add(JSON.stringify(last));
    });
    return values.size === 1 ? last : null;
  }
  #set(property: keyof StoredFill, value: string | number | null): void {
    this.command({ set: `format.fill.${property}`, value }, (target) => {
      const sheet = liveSheet(target.sheet);
      forEachCell(target, (key) => {
        const fill = sheet.fills.get(key) ?? solidFill("#FFFFFF");
        if (property === "color") {
          if (typeof value !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(value))
            throw new FakeExcelError("InvalidArgument", `Not a colour: ${String(value)}`);
          fill.color = value.toUpperCase();
        } else if (property === "pattern") {
          if (value === "None") {
            sheet.fills.delete(key);
            return;
          }
          fill.pattern = String(value);
        } else if (property === "patternColor") fill.patternColor = String(value).toUpperCase();
        else fill[property] = Number(value);
        sheet.fills.set(key, fill);
      });
    });
  }
  get color(): string | null {
    return this.loaded("color");
  }
  set color(value: string | null) {
    this.#set("color", value);
  }
  get pattern(): string | null {
    return this.loaded("pattern");
  }
  set pattern(value: string | null) {
    this.#set("pattern", value);
  }
  get patternColor(): string | null {
    return this.loaded("patternColor");
  }
  set patternColor(value: string | null) {
    this.#set("patternColor", value);
  }
  get tintAndShade(): number | null {
    return this.loaded("tintAndShade");
  }
  set tintAndShade(value: number | null) {
    this.#set("tintAndShade", value);
  }
  clear(): void {
    this.command({ m: "format.fill.clear" }, (target) => {
      const sheet = liveSheet(target.sheet);
      forEachCell(target, (key) => {
        sheet.fills.delete(key);
      });
    });
  }
}

class NoteCollectionProxy implements ExcelNoteCollection {
  readonly #session: Session;
  readonly #sheet: WorksheetProxy;
  constructor(session: Session, sheet: WorksheetProxy) {
    this.#session = session;
    this.#sheet = sheet;
  }
  add(cellAddress: string, content: string): ExcelNote {
    return new NoteProxy(
      this.#session,
      () => {
        const sheet = liveSheet(this.#sheet.required());
        const key = addressKey(cellAddress);
        if (sheet.notes.has(key))
          throw new FakeExcelError("InvalidArgument", `The cell ${cellAddress} already has a note.`);
        sheet.notes.set(key, String(content));
        return { sheet, key };
      },
      { m: "notes.add", parent: this.#sheet.id, a: [cellAddress, content] },
    );
  }
  getItemOrNullObject(key: string): ExcelNote {
    return new NoteProxy(
      this.#session,
      () => {
        const sheet = this.#sheet.target();
        if (sheet === null) return null;
        const k = addressKey(key);
        return liveSheet(sheet).notes.has(k) ? { sheet, key: k } : null;
      },
      { m: "notes.getItemOrNullObject", parent: this.#sheet.id, a: [key] },
    );
  }
}

class NoteProxy extends ClientObject<{ sheet: SheetState; key: number }> implements ExcelNote {
  protected readonly loadable = ["content"];
  protected read(target: { sheet: SheetState; key: number }): unknown {
    const content = liveSheet(target.sheet).notes.get(target.key);
    if (content === undefined) throw new FakeExcelError("ItemNotFound", "The note was deleted.");
    return content;
  }
  get content(): string {
    return this.loaded("content");
  }
  set content(value: string) {
    this.command({ set: "content", value }, (target) => {
      const sheet = liveSheet(target.sheet);
      if (!sheet.notes.has(target.key)) throw new FakeExcelError("ItemNotFound", "The note was deleted.");
      sheet.notes.set(target.key, value);
    });
  }
  delete(): void {
    this.command({ m: "delete" }, (target) => {
      const sheet = liveSheet(target.sheet);
      if (!sheet.notes.delete(target.key)) throw new FakeExcelError("ItemNotFound", "The note was deleted.");
    });
  }
}

// --- the host ------------------------------------------------------------------------------------

class FakeExcelHost implements FakeExcel {
  readonly book: Book;
  readonly maxPayloadBytes: number;
  calculationSuspensions = 0;
  #syncs: FakeSyncRecord[] = [];

  constructor(spec: FakeExcelSpec | MemoryWorkbookSpec, options: FakeExcelOptions) {
    this.book = new Book(spec);
    this.maxPayloadBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD;
  }

  readonly run: ExcelRun = async <T>(batch: (context: ExcelContext) => Promise<T>): Promise<T> => {
    const session = new Session(this);
    const result = await batch(session);
    if (session.queue.length > 0) await session.sync();
    return result;
  };

  record(sync: FakeSyncRecord): void {
    this.#syncs.push(sync);
  }

  get syncCount(): number {
    return this.#syncs.length;
  }

  get syncs(): readonly FakeSyncRecord[] {
    return this.#syncs.map((sync) => ({ ...sync }));
  }

  get selection(): { sheet: string; address: string } | null {
    return this.book.selection ? { ...this.book.selection } : null;
  }

  get activeSheet(): string | null {
    return this.book.sheets.find((s) => s.id === this.book.activeId)?.name ?? null;
  }

  get dateSystem(): DateSystem {
    return this.book.dateSystem;
  }

  sheetNames(): string[] {
    return this.book.sheets.map((s) => s.name);
  }

  resetCounters(): void {
    this.#syncs = [];
    this.calculationSuspensions = 0;
  }

  sheet(name: string): FakeSheetSnapshot {
    const sheet = this.book.find(name);
    if (!sheet) throw new Error(`The fake Excel has no sheet named ${JSON.stringify(name)}`);
    const system = this.book.dateSystem;
    let lastRow = -1;
    let lastColumn = -1;
    for (const [key, cell] of sheet.cells) {
      if (cell.value === null) continue;
      lastRow = Math.max(lastRow, keyRow(key));
      lastColumn = Math.max(lastColumn, keyColumn(key));
    }
    const rows: Cell[][] = [];
    for (let r = 0; r <= lastRow; r++) {
      const row: Cell[] = [];
      for (let c = 0; c <= lastColumn; c++) {
        const cell = sheet.cells.get(cellKey(r, c));
        const value = cell?.value ?? null;
        const copy = typeof value === "object" && value !== null ? { error: value.error } : value;
        const out: Cell = { value: copy, text: cellText(cell, system) };
        if (cell?.format !== undefined) out.format = cell.format;
        row.push(out);
      }
      rows.push(row);
    }
    const byAddress = <V, W>(map: Map<number, V>, pick: (v: V) => W | undefined): Record<string, W> => {
      const out: Record<string, W> = {};
      for (const [key, value] of [...map].sort((a, b) => a[0] - b[0])) {
        const picked = pick(value);
        if (picked !== undefined) out[keyAddress(key)] = picked;
      }
      return out;
    };
    const links: Record<string, { sheet: string; cell: string }> = {};
    for (const [key, link] of [...sheet.links].sort((a, b) => a[0] - b[0])) {
      const target =
        link.documentReference === undefined ? undefined : parseReference(link.documentReference)[0];
      if (target && target.sheet !== "")
        links[keyAddress(key)] = { sheet: target.sheet, cell: cellAddress(target.top, target.left) };
    }
    const columnWidths: Record<string, number> = {};
    for (const [column, width] of [...sheet.columnWidths].sort((a, b) => a[0] - b[0]))
      columnWidths[columnLetter(column + 1)] = width;
    return {
      name: sheet.name,
      position: this.book.sheets.indexOf(sheet),
      visibility: sheet.visibility,
      rows,
      values: rows.map((row) => row.map((cell) => cell.value)),
      formats: byAddress(sheet.cells, (cell) => cell.format),
      formulas: byAddress(sheet.cells, (cell) => cell.formula),
      merges: sheet.merges.map((m) => ({ ...m })),
      fills: byAddress(sheet.fills, (fill) => `FF${fill.color.slice(1).toUpperCase()}`),
      fillPatterns: byAddress(sheet.fills, (fill) => (fill.pattern === "Solid" ? undefined : fill.pattern)),
      notes: byAddress(sheet.notes, (note) => note),
      links,
      bold: Object.keys(byAddress(sheet.fonts, (font) => (font.bold ? true : undefined))),
      fontColors: byAddress(sheet.fonts, (font) => font.color),
      columnWidths,
      frozenRows: sheet.frozenRows,
    };
  }
}
