import {
  type Bilingual,
  type Cell,
  type DateSystem,
  type Finding,
  isBlankCell,
  isCellError,
  type Lang,
  localize,
} from "@houqin/core";
import { ZodError, type z } from "zod";
import { cellAddress } from "./address.js";
import {
  type CellIssueParams,
  type CellReader,
  type CellReading,
  cellReaderOf,
  inputOf,
} from "./cellSchemas.js";
import type { RecognizedTable } from "./recognizeTables.js";
import type { FieldMap, RowOf } from "./tableKind.js";
import type { SheetData } from "./workbook.js";

/** One data row of a table, parsed: its worksheet row and its values by field. */
export interface ParsedRow<R> {
  /** The 1-based worksheet row. */
  row: number;
  values: R;
  /** Optional fields whose cell held something that could not be read (already reported). */
  unreadable?: readonly string[];
  /** With `kind.otherColumns`: the raw cells of `table.otherColumns`, in the same order (merged cells filled). */
  other?: readonly (Cell | undefined)[];
}

/** A recognised table with its rows parsed. Rows that miss a required value are left out (and reported). */
export interface ParsedTable<F extends FieldMap = FieldMap> {
  table: RecognizedTable<F>;
  rows: ParsedRow<RowOf<F>>[];
}

/** What parsing a table needs to know about the workbook. */
export interface ParseTableOptions {
  dateSystem: DateSystem;
  lang: Lang;
  /**
   * The calendar year the school year starts in (2023 for 2023–2024): a date written without a
   * year and with nothing around it to go by is in that year from August on, else in the next.
   */
  schoolYearStart?: number;
}

const MSG = {
  errorValue: {
    "zh-CN": "“{field}”单元格是错误值 {error}，此值无法使用",
    en: "The “{field}” cell holds the error value {error} and cannot be used",
  },
  unreadable: { "zh-CN": "“{field}”：{reason}", en: "“{field}”: {reason}" },
  unreadableRequired: {
    "zh-CN": "“{field}”：{reason}，此行未参与检查",
    en: "“{field}”: {reason}; this row was not checked",
  },
  missing: {
    "zh-CN": "缺少“{field}”，此行未参与检查",
    en: "“{field}” is missing; this row was not checked",
  },
} satisfies Record<string, Bilingual>;

/**
 * The address of a field's cell in a parsed row, or the row's first cell when the field has no column.
 *
 * @example cellOf(table, 17, "amount") // "E17"
 */
export function cellOf(table: RecognizedTable, row: number, fieldKey: string): string {
  const col = (table.columns as Record<string, number | undefined>)[fieldKey];
  if (col !== undefined) return cellAddress(row, col);
  const first = Math.min(...(Object.values(table.columns) as number[]));
  return cellAddress(row, Number.isFinite(first) ? first : 1);
}

function issueParams(error: z.ZodError): CellIssueParams | undefined {
  for (const issue of error.issues) {
    const params = (issue as { params?: Partial<CellIssueParams> }).params;
    if (params?.houqin && params.message) return params as CellIssueParams;
  }
  return undefined;
}

/** A date, or a month ("2023-09"): the values whose year may have been left out. */
const ISO_RE = /^\d{4}-\d{2}(?:-\d{2})?$/;

/** Whether a parsed value is a date or a month as text (ISO_RE matches 7 or 10 characters only). */
function isIsoText(value: unknown): value is string {
  return typeof value === "string" && (value.length === 10 || value.length === 7) && ISO_RE.test(value);
}

/** A field of the table being parsed: its spec, its column, and its schema's zod-free reader if any. */
interface FieldPlan {
  key: string;
  spec: FieldMap[string];
  col: number | undefined;
  read: CellReader | undefined;
}

/**
 * A cell read for a field: by the field's zod-free reader when it reads the cell (same value), else by
 * the field's schema, whose error says what is wrong.
 */
function readField(f: FieldPlan, cell: Cell, reading: CellReading): unknown {
  const quick = f.read?.(cell, reading);
  if (quick !== undefined) return quick.value;
  const out = f.spec.schema.safeParse(inputOf(cell, reading));
  return out.success ? out.data : out.error;
}

const DAY_MS = 86_400_000;

/** Days since 1970 of a date, or of the first day of a month. */
function isoDays(iso: string): number {
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10) || 1)) / DAY_MS
  );
}

function withYear(iso: string, year: number): string {
  return `${String(year).padStart(4, "0")}${iso.slice(4)}`;
}

/**
 * The year of a date written without one ("9月1日", "1月5日"): the one that puts it nearest the
 * table's dates around it (so a list running from December into January rolls over), or by the
 * school year when the table has no full dates.
 */
function placeYearless(
  parsed: string,
  context: string | undefined,
  schoolYearStart: number | undefined,
): string {
  const month = Number(parsed.slice(5, 7));
  if (context === undefined) {
    if (schoolYearStart === undefined) return parsed;
    return withYear(parsed, month >= 8 ? schoolYearStart : schoolYearStart + 1);
  }
  const year = Number(context.slice(0, 4));
  let best = withYear(parsed, year);
  for (const y of [year - 1, year + 1]) {
    const candidate = withYear(parsed, y);
    if (
      ISO_RE.test(candidate) &&
      Math.abs(isoDays(candidate) - isoDays(context)) < Math.abs(isoDays(best) - isoDays(context))
    )
      best = candidate;
  }
  return best;
}

/** Cells inside a merged range take the value of its top-left cell (a class written once for five rows). */
function mergedOrigins(sheet: SheetData, table: RecognizedTable): Map<number, Cell> {
  const origins = new Map<number, Cell>();
  const columns = [
    ...Object.values(table.columns as Record<string, number>),
    ...(table.otherColumns ?? []).map((o) => o.column),
  ];
  for (const m of sheet.merges) {
    if (m.bottom < table.firstRow || m.top > table.lastRow || (m.top === m.bottom && m.left === m.right))
      continue;
    const origin = sheet.rows[m.top - 1]?.[m.left - 1];
    if (!origin) continue;
    for (let r = Math.max(m.top, table.firstRow); r <= Math.min(m.bottom, table.lastRow); r++)
      for (const c of columns)
        if (c >= m.left && c <= m.right && !(r === m.top && c === m.left)) origins.set(r * 20000 + c, origin);
  }
  return origins;
}

/**
 * Parses the data rows of a recognised table with its kind's cell schemas. Every problem becomes a
 * Finding at its exact cell; one bad row never stops the others.
 *
 * @returns the parsed table and the findings about unreadable or missing values
 * @example
 * const { parsed, findings } = parseTable(sheet, table, { dateSystem: "1900", lang: "zh-CN" });
 */
export function parseTable<F extends FieldMap>(
  sheet: SheetData,
  table: RecognizedTable<F>,
  options: ParseTableOptions,
): { parsed: ParsedTable<F>; findings: Finding[] } {
  const findings: Finding[] = [];
  const rows: ParsedRow<RowOf<F>>[] = [];
  const skipped = new Set(table.skippedRows);
  const columns = table.columns as Record<string, number | undefined>;
  const fields: FieldPlan[] = Object.entries(table.kind.fields).map(([key, spec]) => ({
    key,
    spec,
    col: columns[key],
    read: cellReaderOf(spec.schema),
  }));
  const others = table.otherColumns;
  const merged = mergedOrigins(sheet, table as RecognizedTable);
  const sheetRows = sheet.rows;
  const cellAt =
    merged.size === 0
      ? (r: number, col: number): Cell | undefined => sheetRows[r - 1]?.[col - 1]
      : (r: number, col: number): Cell | undefined =>
          merged.get(r * 20000 + col) ?? sheetRows[r - 1]?.[col - 1];
  const { dateSystem } = options;
  const reading: CellReading = { dateSystem, defaultYear: 2000 };
  const readingNextYear: CellReading = { dateSystem, defaultYear: 2001 };
  // The first full date of the table stands in as context for year-less dates above it.
  let context: string | undefined;
  // What parseCell read, kept here rather than in an object per cell.
  let parsedValue: unknown;
  let parsedFullDate = false;
  /**
   * Parses a cell into parsedValue and parsedFullDate, or gives the schema's error; a date written
   * without a year is placed by its context and says so. A cell the field's reader reads skips zod
   * (same value); every other cell goes through the field's schema, which reports what is wrong.
   */
  const parseCell = (f: FieldPlan, cell: Cell): z.ZodError | undefined => {
    const data = readField(f, cell, reading);
    if (data instanceof ZodError) return data;
    parsedValue = data;
    parsedFullDate = isIsoText(data);
    if (!parsedFullDate || typeof cell.value !== "string") return undefined;
    // Text without a year is the text whose date moves when the default year does.
    const again = readField(f, cell, readingNextYear);
    if (!(again instanceof ZodError) && again !== data) {
      parsedValue = placeYearless(data as string, context, options.schoolYearStart);
      parsedFullDate = false;
    }
    return undefined;
  };
  for (let r = table.firstRow; r <= table.lastRow && context === undefined; r++) {
    for (const f of fields) {
      const cell = f.col === undefined ? undefined : cellAt(r, f.col);
      if (!cell || isBlankCell(cell) || isCellError(cell.value)) continue;
      if (parseCell(f, cell) === undefined && parsedFullDate) {
        context = parsedValue as string;
        break;
      }
    }
  }

  // Only a finding needs a field's title and a cell's address: worked out then, not for every cell.
  const titleOf = (f: FieldMap[string]) => localize(f.title, options.lang);
  const at = (r: number, key: string) => ({
    sheet: sheet.name,
    cell: cellOf(table as RecognizedTable, r, key),
    row: r,
  });
  // The row's cells by field, undefined for a blank one, filled once per row.
  const rowCells: (Cell | undefined)[] = new Array(fields.length);
  for (let r = table.firstRow; r <= table.lastRow; r++) {
    if (skipped.has(r)) continue;
    let blank = true;
    for (let i = 0; i < fields.length; i++) {
      const col = (fields[i] as FieldPlan).col;
      const cell = col === undefined ? undefined : cellAt(r, col);
      if (cell && !isBlankCell(cell)) {
        rowCells[i] = cell;
        blank = false;
      } else rowCells[i] = undefined;
    }
    if (blank) continue;
    const values: Record<string, unknown> = {};
    let unreadable: string[] | undefined;
    let complete = true;
    for (let i = 0; i < fields.length; i++) {
      const { key, spec: f } = fields[i] as FieldPlan;
      const cell = rowCells[i];
      if (!cell) {
        if (f.required) {
          complete = false;
          findings.push({
            rule: "workbook/missing-value",
            severity: "warning",
            message: localize(MSG.missing, options.lang, { field: titleOf(f) }),
            ...at(r, key),
            data: { field: key },
          });
        }
        continue;
      }
      if (isCellError(cell.value)) {
        if (f.required) complete = false;
        else if (unreadable) unreadable.push(key);
        else unreadable = [key];
        findings.push({
          rule: "workbook/error-value",
          severity: "error",
          message: localize(MSG.errorValue, options.lang, { field: titleOf(f), error: cell.value.error }),
          ...at(r, key),
          data: { field: key, error: cell.value.error },
        });
        continue;
      }
      const error = parseCell(fields[i] as FieldPlan, cell);
      if (error === undefined) {
        values[key] = parsedValue;
        if (parsedFullDate) context = parsedValue as string;
        continue;
      }
      if (f.required) complete = false;
      else if (unreadable) unreadable.push(key);
      else unreadable = [key];
      const params = issueParams(error);
      const reason = params
        ? localize(params.message, options.lang)
        : (error.issues[0]?.message ?? String(cell.text));
      findings.push({
        rule: "workbook/unreadable-cell",
        severity: "warning",
        message: localize(f.required ? MSG.unreadableRequired : MSG.unreadable, options.lang, {
          field: titleOf(f),
          reason: reason.replace(/[。.]$/, ""),
        }),
        ...at(r, key),
        data: { field: key, code: params?.code ?? "invalid", text: cell.text },
      });
    }
    if (!complete) continue;
    const parsedRow: ParsedRow<RowOf<F>> = { row: r, values: values as RowOf<F> };
    if (unreadable) parsedRow.unreadable = unreadable;
    if (others) parsedRow.other = others.map((o) => cellAt(r, o.column));
    rows.push(parsedRow);
  }
  return { parsed: { table, rows }, findings };
}
