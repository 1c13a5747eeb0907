import type { Bilingual } from "./i18n.js";

/** Why a cell could not be read as the value a column expects. */
export type ParseErrorCode =
  | "blank"
  | "error-value"
  | "not-a-date"
  | "ambiguous-date"
  | "not-money"
  | "not-a-number"
  | "not-a-boolean"
  | "out-of-range";

/**
 * The result of reading untrusted input: a value, or a code with a message in both languages.
 * Parsers return it instead of throwing.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ParseErrorCode; message: Bilingual };

/** Wraps a value as a successful {@link Parsed}. */
export function parsedOk<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** Builds a failed {@link Parsed}. */
export function parsedError<T = never>(code: ParseErrorCode, message: Bilingual): Parsed<T> {
  return { ok: false, code, message };
}
