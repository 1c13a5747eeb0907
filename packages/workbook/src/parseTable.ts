import type { DateSystem } from "@houqin/core";
import { type Bilingual, type Finding, isBlankCell, isCellError, type Lang, localize } from "@houqin/core";
import type { z } from "zod";
import { cellAddress } from "./address.js";
import type { CellIssueParams } from "./cellSchemas.js";
import type { RecognizedTable } from "./recognizeTables.js";
import type { CellInput, FieldMap, RowOf } from "./tableKind.js";
import type { SheetData } from "./workbook.js";

/** One data row of a table, parsed: its worksheet row and its values by field. */
export interface ParsedRow<R> {
  /** The 1-based worksheet row. */
  row: number;
  values: R;
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
  /** The year for dates written without one, when the table itself gives none. */
  defaultYear?: number;
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

/** The most common year among a table's full dates, for dates such as "9月1日". */
function yearsByRow(
  sheet: SheetData,
  table: RecognizedTable,
  options: ParseTableOptions,
): Map<number, number> {
  const years = new Map<number, number>();
  const dateKeys = Object.entries(table.kind.fields)
    .filter(([key]) => (table.columns as Record<string, number>)[key] !== undefined)
    .map(([key, f]) => ({ key, f }));
  for (let r = table.firstRow; r <= table.lastRow; r++) {
    for (const { key, f } of dateKeys) {
      const col = (table.columns as Record<string, number>)[key] as number;
      const cell = sheet.rows[r - 1]?.[col - 1];
      if (!cell || isBlankCell(cell)) continue;
      const text = typeof cell.value === "string" ? cell.value : "";
      if (typeof cell.value === "string" && !/\d{4}/.test(text)) continue;
      const out = f.schema.safeParse({ ...cell, dateSystem: options.dateSystem });
      if (out.success && typeof out.data === "string" && /^\d{4}-\d{2}-\d{2}$/.test(out.data)) {
        years.set(r, Number(out.data.slice(0, 4)));
        break;
      }
    }
  }
  return years;
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
  const fields = Object.entries(table.kind.fields);
  const years = yearsByRow(sheet, table as RecognizedTable, options);
  let contextYear = options.defaultYear;
  const firstYear = years.values().next();
  if (!firstYear.done) contextYear = firstYear.value;

  for (let r = table.firstRow; r <= table.lastRow; r++) {
    if (skipped.has(r)) continue;
    const cells = sheet.rows[r - 1];
    if (!cells || cells.every((c) => isBlankCell(c))) continue;
    contextYear = years.get(r) ?? contextYear;
    const values: Record<string, unknown> = {};
    let complete = true;
    for (const [key, f] of fields) {
      const col = (table.columns as Record<string, number | undefined>)[key];
      const title = localize(f.title, options.lang);
      const cell = col === undefined ? undefined : cells[col - 1];
      const at = { sheet: sheet.name, cell: cellOf(table as RecognizedTable, r, key), row: r };
      if (!cell || isBlankCell(cell)) {
        if (f.required) {
          complete = false;
          findings.push({
            rule: "workbook/missing-value",
            severity: "warning",
            message: localize(MSG.missing, options.lang, { field: title }),
            ...at,
            data: { field: key },
          });
        }
        continue;
      }
      if (isCellError(cell.value)) {
        if (f.required) complete = false;
        findings.push({
          rule: "workbook/error-value",
          severity: "error",
          message: localize(MSG.errorValue, options.lang, { field: title, error: cell.value.error }),
          ...at,
          data: { field: key, error: cell.value.error },
        });
        continue;
      }
      const input: CellInput = {
        ...cell,
        dateSystem: options.dateSystem,
        ...(contextYear === undefined ? {} : { defaultYear: contextYear }),
      };
      const out = f.schema.safeParse(input);
      if (out.success) {
        values[key] = out.data;
        continue;
      }
      if (f.required) complete = false;
      const params = issueParams(out.error);
      const reason = params
        ? localize(params.message, options.lang)
        : (out.error.issues[0]?.message ?? String(cell.text));
      findings.push({
        rule: "workbook/unreadable-cell",
        severity: "warning",
        message: localize(f.required ? MSG.unreadableRequired : MSG.unreadable, options.lang, {
          field: title,
          reason: reason.replace(/[。.]$/, ""),
        }),
        ...at,
        data: { field: key, code: params?.code ?? "invalid", text: cell.text },
      });
    }
    if (complete) rows.push({ row: r, values: values as RowOf<F> });
  }
  return { parsed: { table, rows }, findings };
}
