import {
  type Bilingual,
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

const cellInput = z.custom<CellInput>((v) => typeof v === "object" && v !== null && "value" in v);

function fromParsed<T>(parse: (cell: CellInput) => Parsed<T>): CellSchema<T> {
  return cellInput.transform((cell, ctx) => {
    const result = parse(cell);
    if (result.ok) return result.value;
    const params: CellIssueParams = { houqin: true, code: result.code, message: result.message };
    ctx.addIssue({ code: "custom", message: result.message.en, params: { ...params } });
    return z.NEVER;
  });
}

/** Fails a value with a bilingual message (for refinements of the cell schemas). */
function refineIssue(code: string, message: Bilingual) {
  return { message: message.en, params: { houqin: true, code, message } satisfies CellIssueParams };
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
  ): CellSchema<T> =>
    cellInput.transform((cell, ctx) => {
      const text = parseTextCell(cell);
      const value = text.ok ? read(text.value, cell) : undefined;
      if (value !== undefined) return value;
      const params: CellIssueParams = text.ok
        ? { houqin: true, code, message }
        : { houqin: true, code: text.code, message: text.message };
      ctx.addIssue({ code: "custom", message: params.message.en, params: { ...params } });
      return z.NEVER;
    }),
  /** Text, normalised (half-width, single spaces). */
  text: (): CellSchema<string> => fromParsed(parseTextCell),
  /** A calendar date, from a serial or from text in the usual Chinese forms. */
  date: (): CellSchema<IsoDate> =>
    fromParsed((cell) =>
      parseDateCell(cell, {
        dateSystem: cell.dateSystem,
        ...(cell.defaultYear === undefined ? {} : { defaultYear: cell.defaultYear }),
      }),
    ),
  /**
   * A month as "YYYY-MM": 2023-09, 2023年9月, 202309, a date in the month; "9月" is placed in the
   * year of the table's dates around it, as a date written without a year is.
   */
  month: (): CellSchema<string> =>
    fromParsed((cell) =>
      parseMonthCell(cell, {
        dateSystem: cell.dateSystem,
        ...(cell.defaultYear === undefined ? {} : { defaultYear: cell.defaultYear }),
      }),
    ),
  /** Money in integer fen. */
  money: (): CellSchema<Fen> =>
    fromParsed((cell) => {
      if (typeof cell.value === "string" || typeof cell.value === "number") return parseMoney(cell.value);
      return parseMoney(cell.text);
    }),
  /** Money that may not be negative. */
  nonNegativeMoney: (): CellSchema<Fen> =>
    cells
      .money()
      .refine(
        (fen) => fen >= 0,
        refineIssue("out-of-range", { "zh-CN": "金额不能为负数", en: "The amount cannot be negative" }),
      ),
  /** A number (text numbers, full-width digits and units such as "12人" accepted). */
  number: (): CellSchema<number> => fromParsed(parseNumberCell),
  /** A whole number. */
  integer: (): CellSchema<number> =>
    cells
      .number()
      .refine(
        (n) => Number.isInteger(n),
        refineIssue("not-a-number", { "zh-CN": "应为整数", en: "Should be a whole number" }),
      ),
  /** Yes/no: 是/否, √/×, 合格/不合格, 有/无, Y/N. */
  boolean: (): CellSchema<boolean> => fromParsed(parseBooleanCell),
};
