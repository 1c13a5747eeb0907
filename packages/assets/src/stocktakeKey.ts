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

/**
 * A hash of a key text, equal for key texts that are {@link sameKey}.
 *
 * @param text - a key text
 * @returns a 32-bit hash of its key
 * @example
 * keyHash("ZC-001") === keyHash("zc-001") // true
 */
export function keyHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = mixKey(h, text.charCodeAt(i));
  return h;
}

/** What {@link plainHash} gives for a text that needs normalising: no 32-bit hash is equal to it. */
export const NOT_PLAIN = 2 ** 32;

/**
 * `keyHash(text)` for a text that needs no normalising (its key text is then itself, its key it with
 * A–Z lower-cased), in one pass over it; {@link NOT_PLAIN} for any other text.
 *
 * @param text - a number, name or room as typed
 * @returns the hash of its key, or NOT_PLAIN
 * @example
 * plainHash("ZC-001") === keyHash("zc-001") // true
 */
export function plainHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isPlainCode(c)) return NOT_PLAIN;
    h = mixKey(h, c);
  }
  return h;
}

/**
 * Whether two key texts make the same key: equal but for the case of A–Z.
 *
 * @param a - a key text
 * @param b - another
 * @returns true when their keys are equal
 * @example
 * sameKey("ZC-001", "zc-001") // true
 */
export function sameKey(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0x41 && x <= 0x5a) x += 0x20;
    if (y >= 0x41 && y <= 0x5a) y += 0x20;
    if (x !== y) return false;
  }
  return true;
}

/** The key of a text that needs no normalising, or undefined when it might. */
function plainKey(text: string): string | undefined {
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isPlainCode(c)) return undefined;
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  return upper ? text.toLowerCase() : text;
}

/**
 * Whether a UTF-16 code unit needs no normalising: printable ASCII other than the space, a CJK
 * ideograph (U+4E00–U+9FFF) or CJK punctuation (U+3001–U+3011).
 */
function isPlainCode(c: number): boolean {
  return (c >= 0x21 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3001 && c <= 0x3011);
}

/** One step of {@link keyHash}: the hash so far with code unit `c` added, A–Z as a–z. */
function mixKey(h: number, c: number): number {
  return (Math.imul(h, 31) + (c >= 0x41 && c <= 0x5a ? c + 0x20 : c)) | 0;
}
