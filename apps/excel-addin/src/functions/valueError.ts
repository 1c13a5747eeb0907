import type { Bilingual } from "@houqin/core";

/**
 * What a custom function throws for input it cannot use: Excel shows `#VALUE!` in the cell and the
 * message when the user points at it.
 */
export interface FunctionValueError {
  readonly code: "#VALUE!";
  readonly message: string;
}

/**
 * The stand-in for `CustomFunctions.Error` outside Excel (tests, node): an Error with the same
 * `code` and `message`.
 */
export class InvalidValueError extends Error implements FunctionValueError {
  readonly code = "#VALUE!" as const;
  override readonly name = "InvalidValueError";
}

/** The one message of both languages, Chinese first: "日期为空（the date is blank）". */
function bilingualText(message: Bilingual): string {
  return `${message["zh-CN"]}（${message.en}）`;
}

/**
 * The `#VALUE!` error with a message in both languages: a `CustomFunctions.Error` inside Excel (the
 * global exists only in the custom functions runtime), else an {@link InvalidValueError}.
 *
 * @param message - what is wrong, in both languages
 * @returns the error to throw
 * @example
 * throw invalidValue({ "zh-CN": "日期为空", en: "the date is blank" }) // #VALUE!: 日期为空（the date is blank）
 */
export function invalidValue(message: Bilingual): FunctionValueError {
  const text = bilingualText(message);
  const runtime = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (typeof runtime?.Error === "function") {
    const code = runtime.ErrorCode?.invalidValue ?? ("#VALUE!" as CustomFunctions.ErrorCode);
    return new runtime.Error(code, text) as FunctionValueError;
  }
  return new InvalidValueError(text);
}
