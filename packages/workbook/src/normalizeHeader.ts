import { toHalfWidth } from "@houqin/core";

/**
 * The form header texts and synonyms are compared in: half-width, lower case, no spaces, no
 * marks such as "*" or "：", and without a unit in brackets ("金额（元）" -> "金额").
 *
 * @example normalizeHeader(" 金 额（元）* ") // "金额"
 */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[([【][^)\]】]*[)\]】]/g, "")
    .replace(/[\s*:：#№.。、_\-—/\\]/g, "");
}
