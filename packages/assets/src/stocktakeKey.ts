import { normalizeText } from "@houqin/core";

/**
 * The key that compares text as people type it (half-width, no white space, lower case), for
 * `reconcileStocktake`; internal to the package.
 *
 * Equal, for every text, to `normalizeText(text).replace(/\s+/g, "").toLowerCase()` ("" for
 * `undefined`), but faster on the texts a stocktake is made of: one made only of printable ASCII other
 * than the space, CJK ideographs (U+4E00–U+9FFF) and CJK punctuation (U+3001–U+3011) — none of
 * which normalizeText changes, none white space, none with a case but A–Z — is only lower-cased; any
 * other text is keyed the long way once and kept in `remembered`.
 *
 * @param text - a number, name or room as typed
 * @param remembered - the keys worked out the long way so far (one map per reconciliation)
 * @returns the key ("" for no text)
 * @example
 * stocktakeKey("ＺＣ－００１ ", new Map()) // "zc-001"
 */
export function stocktakeKey(text: string | undefined, remembered: Map<string, string>): string {
  if (text === undefined) return "";
  const plain = plainKey(text);
  if (plain !== undefined) return plain;
  let k = remembered.get(text);
  if (k === undefined) {
    k = normalizeText(text).replace(/\s+/g, "").toLowerCase();
    remembered.set(text, k);
  }
  return k;
}

/** The key of a text that needs no normalising, or undefined when it might. */
function plainKey(text: string): string | undefined {
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x21 && c <= 0x7e) {
      if (c >= 0x41 && c <= 0x5a) upper = true;
    } else if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3001 && c <= 0x3011))) return undefined;
  }
  return upper ? text.toLowerCase() : text;
}
