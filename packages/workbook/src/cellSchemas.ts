import {
  type Bilingual,
  type Cell,
  type DateSystem,
  type Fen,
  type IsoDate,
  type Parsed,
  parseBooleanCell,
  parseDateCell,
  parseMoney,
  parseMonthCell,
  parseNumberCell,
  parseTextCell,
} from "@houqin/core";
import { z } from "zod";
import type { CellInput, CellSchema } from "./tableKind.js";

/** The params houqin puts on a zod issue so the row parser can report it in both languages. */
export interface CellIssueParams {
  houqin: true;
  code: string;
  message: Bilingual;
}

/** What reading a cell needs to know besides the cell: the workbook's date system and a year for dates without one. */
export interface CellReading {
  dateSystem: DateSystem;
  defaultYear?: number;
}

/**
 * A cell schema's work done without zod, for the rows of big tables: the value when the schema would
 * give it, or undefined when the schema must say (a failure and its issue, or a case left to it). Its
 * `value` is the schema's output for the same cell, never a different one; the schema stays the
 * source of truth for every cell this returns undefined for.
 */
export type CellReader = (cell: Cell, reading: CellReading) => { ok: true; value: unknown } | undefined;

/** The readers of the schemas made by {@link cells}; a schema changed after (`.refine`, `.optional`…) has none. */
const readers = new WeakMap<object, CellReader>();

/**
 * The zod-free reader of a cell schema made by {@link cells}, or undefined for any other schema.
 * Only for non-blank cells: a cell whose value is null or undefined is the schema's to judge.
 * Internal to the row parser.
 */
export function cellReaderOf(schema: CellSchema<unknown>): CellReader | undefined {
  return readers.get(schema);
}

const cellInput = z.custom<CellInput>((v) => typeof v === "object" && v !== null && "value" in v);

/** The input a schema is given for a cell, as the row parser builds it. Internal to the row parser. */
export function inputOf(cell: Cell, reading: CellReading): CellInput {
  return reading.defaultYear === undefined
    ? { ...cell, dateSystem: reading.dateSystem }
    : { ...cell, dateSystem: reading.dateSystem, defaultYear: reading.defaultYear };
}

function fromParsed<T>(parse: (cell: Cell, reading: CellReading) => Parsed<T>): CellSchema<T> {
  const schema = cellInput.transform((cell, ctx) => {
    const result = parse(cell, cell);
    if (result.ok) return result.value;
    const params: CellIssueParams = { houqin: true, code: result.code, message: result.message };
    ctx.addIssue({ code: "custom", message: result.message.en, params: { ...params } });
    return z.NEVER;
  });
  readers.set(schema, (cell, reading) => {
    const result = parse(cell, reading);
    return result.ok ? result : undefined;
  });
  return schema;
}

/** Fails a value with a bilingual message (for refinements of the cell schemas). */
function refineIssue(code: string, message: Bilingual) {
  return { message: message.en, params: { houqin: true, code, message } satisfies CellIssueParams };
}

/** A cell schema narrowed by a test, its reader narrowed by the same test. */
function refined<T>(
  base: CellSchema<T>,
  test: (value: T) => boolean,
  code: string,
  message: Bilingual,
): CellSchema<T> {
  const schema = base.refine(test, refineIssue(code, message));
  const read = readers.get(base);
  if (read)
    readers.set(schema, (cell, reading) => {
      const result = read(cell, reading);
      return result && test(result.value as T) ? result : undefined;
    });
  return schema;
}

/**
 * Zod schemas for the cells of common column types. Each takes a non-blank cell and yields the value
 * or a bilingual issue that becomes a Finding at the cell.
 *
 * @example
 * const amount = cells.money(); // "¥1,234.50" -> 123450
 */
export const cells = {
  /**
   * A cell read from its text by the domain's own words (events, weekdays, attendance marks): `read`
   * gives the value, or undefined, and then `message` is reported at the cell under `code`.
   *
   * @example const gender = cells.fromText((s) => (s === "男" || s === "女" ? s : undefined), "not-a-gender", msg);
   */
  fromText: <T>(
    read: (text: string, cell: CellInput) => T | undefined,
    code: string,
    message: Bilingual,
  ): CellSchema<T> => {
    const schema = cellInput.transform((cell, ctx) => {
      const text = parseTextCell(cell);
      const value = text.ok ? read(text.value, cell) : undefined;
      if (value !== undefined) return value;
      const params: CellIssueParams = text.ok
        ? { houqin: true, code, message }
        : { houqin: true, code: text.code, message: text.message };
      ctx.addIssue({ code: "custom", message: params.message.en, params: { ...params } });
      return z.NEVER;
    });
    readers.set(schema, (cell, reading) => {
      const text = parseTextCell(cell);
      if (!text.ok) return undefined;
      const value = read(text.value, inputOf(cell, reading));
      return value === undefined ? undefined : { ok: true, value };
    });
    return schema;
  },
  /** Text, normalised (half-width, single spaces). */
  text: (): CellSchema<string> => fromParsed(parseTextCell),
  /** A calendar date, from a serial or from text in the usual Chinese forms. */
  date: (): CellSchema<IsoDate> => fromParsed((cell, reading) => parseDateCell(cell, reading)),
  /**
   * A month as "YYYY-MM": 2023-09, 2023年9月, 202309, a date in the month; "9月" is placed in the
   * year of the table's dates around it, as a date written without a year is.
   */
  month: (): CellSchema<string> => fromParsed((cell, reading) => parseMonthCell(cell, reading)),
  /** Money in integer fen. */
  money: (): CellSchema<Fen> =>
    fromParsed((cell) => {
      if (typeof cell.value === "string" || typeof cell.value === "number") return parseMoney(cell.value);
      return parseMoney(cell.text);
    }),
  /** Money that may not be negative. */
  nonNegativeMoney: (): CellSchema<Fen> =>
    refined(cells.money(), (fen) => fen >= 0, "out-of-range", {
      "zh-CN": "金额不能为负数",
      en: "The amount cannot be negative",
    }),
  /** A number (text numbers, full-width digits and units such as "12人" accepted). */
  number: (): CellSchema<number> => fromParsed(parseNumberCell),
  /** A whole number. */
  integer: (): CellSchema<number> =>
    refined(cells.number(), (n) => Number.isInteger(n), "not-a-number", {
      "zh-CN": "应为整数",
      en: "Should be a whole number",
    }),
  /** Yes/no: 是/否, √/×, 合格/不合格, 有/无, Y/N. */
  boolean: (): CellSchema<boolean> => fromParsed(parseBooleanCell),
};
