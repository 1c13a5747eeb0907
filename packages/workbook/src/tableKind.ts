import type { Bilingual, Cell, DateSystem } from "@houqin/core";
import type { z } from "zod";

/** What a cell schema receives: the cell, plus what reading it needs to know about the workbook. */
export interface CellInput extends Cell {
  dateSystem: DateSystem;
  /** The year a date without one ("9月1日") belongs to, from the table or the settings. */
  defaultYear?: number;
}

/** A zod schema that turns a non-blank cell into a field's value. */
export type CellSchema<T> = z.ZodType<T, CellInput>;

/** One column a table kind understands. */
export interface FieldSpec<T = unknown, Required extends boolean = boolean> {
  /** Title in both languages, used in messages and in the settings sheet. */
  title: Bilingual;
  /** Header texts that name this column, Chinese and English; compared after normalising. */
  synonyms: readonly string[];
  /** Words that rule a header out for this field, whatever it matches: 数量 for a money balance (结存数量). */
  excludes?: readonly string[];
  /** A row without this value is reported and left out of the checks. */
  required: Required;
  /** Parses a non-blank cell. */
  schema: CellSchema<T>;
}

/** The fields of a kind, by key. */
// biome-ignore lint/suspicious/noExplicitAny: a field map holds fields of any value type
export type FieldMap = Record<string, FieldSpec<any, boolean>>;

type FieldValue<F> = F extends FieldSpec<infer T, boolean> ? T : never;

/** The parsed row of a kind: required fields present, optional ones possibly absent. */
export type RowOf<F extends FieldMap> = {
  [K in keyof F as F[K]["required"] extends true ? K : never]: FieldValue<F[K]>;
} & {
  [K in keyof F as F[K]["required"] extends true ? never : K]?: FieldValue<F[K]>;
};

/**
 * A kind of table a domain package understands, e.g. "finance.charges": titles, fields with
 * header synonyms and cell schemas.
 */
export interface TableKind<F extends FieldMap = FieldMap> {
  /** Stable id, "domain.kebab-case". */
  id: string;
  title: Bilingual;
  /** Sheet-name words that hint at this kind (e.g. "收费"), besides the title. */
  sheetHints?: readonly string[];
  fields: F;
  /**
   * Keep the columns no field claims, with their header text and raw cells (`RecognizedTable.otherColumns`,
   * `ParsedRow.other`): for sheets whose columns the school chooses, such as the items of a scoring sheet.
   */
  otherColumns?: boolean;
  /**
   * Recognise the kind only when at least one of these fields has a column, or the sheet's name carries
   * one of its hints: for kinds whose other columns are common to many sheets (姓名, 岗位 of a staff
   * list with health certificates).
   */
  requiresOneOf?: readonly string[];
}

/**
 * Declares a table kind, keeping its field types for the rows it parses into.
 *
 * @example
 * const charges = defineTableKind({
 *   id: "finance.charges",
 *   title: { "zh-CN": "收费明细", en: "Charges" },
 *   fields: { item: field({ title: { "zh-CN": "收费项目", en: "Item" }, synonyms: ["收费项目"], required: true, schema: cells.text() }) },
 * });
 */
export function defineTableKind<F extends FieldMap>(kind: TableKind<F>): TableKind<F> {
  return kind;
}

/** Declares a field, keeping its value type and whether it is required. */
export function field<T, const R extends boolean>(spec: FieldSpec<T, R>): FieldSpec<T, R> {
  return spec;
}
