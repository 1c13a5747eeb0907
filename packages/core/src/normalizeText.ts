const WIDE_SYMBOLS: Readonly<Record<string, string>> = {
  "\u3000": " ",
  "\uFFE0": "\u00A2",
  "\uFFE1": "\u00A3",
  "\uFFE2": "\u00AC",
  "\uFFE3": "\u00AF",
  "\uFFE4": "\u00A6",
  "\uFFE5": "\u00A5",
  "\uFFE6": "\u20A9",
};

/**
 * Turns full-width characters into their ASCII (half-width) forms, as Chinese input methods type them.
 *
 * Maps the full-width ASCII variants U+FF01–U+FF5E (`１２３`, `ＡＢＣ`, `，`, `（`, `－`, `％`),
 * the ideographic space U+3000 and the full-width signs U+FFE0–U+FFE6 (`￥` → `¥`). Everything else
 * is kept as it is.
 *
 * @param s - any text
 * @returns the text with full-width characters replaced
 * @example
 * toHalfWidth("￥１，２３４．５０（－）") // "¥1,234.50(-)"
 */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000\uFFE0-\uFFE6]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    return WIDE_SYMBOLS[ch] ?? ch;
  });
}

/**
 * Whatever normalizeText would change: a full-width or zero-width character, white space other than a
 * single space, two spaces in a row, or a space at either end.
 */
const NEEDS_NORMALIZING = /[\uFF01-\uFF5E\u3000\uFFE0-\uFFE6\u200B\u2060\u0085]|[^\S ]| {2}|^ | $/;

/**
 * Normalises text typed into a cell: half-width ({@link toHalfWidth}), zero-width spaces removed,
 * every run of white space (spaces, tabs, line breaks, NBSP, ideographic space) collapsed to one
 * space, and both ends trimmed.
 *
 * @param s - any text
 * @returns the normalised text ("" when it held only white space)
 * @example
 * normalizeText("  食堂\n　采购\u00A0验收 ") // "食堂 采购 验收"
 */
export function normalizeText(s: string): string {
  // Most cells are already normal: one scan, no copies (a workbook of 100k rows reads each cell often).
  if (!NEEDS_NORMALIZING.test(s)) return s;
  return toHalfWidth(s)
    .replace(/[\u200B\u2060]/g, "")
    .replace(/[\s\u0085]+/g, " ")
    .trim();
}
