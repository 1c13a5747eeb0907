import { normalizeText } from "@houqin/core";

/** The form fee items are matched in: normalised text, half-width brackets, no spaces. */
export function feeItemKey(item: string): string {
  return normalizeText(item).replace(/\s+/g, "").toLowerCase();
}
