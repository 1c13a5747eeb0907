/** The languages houqin speaks: Chinese first, English second. */
export type Lang = "zh-CN" | "en";

/** The default language of every message. */
export const DEFAULT_LANG: Lang = "zh-CN";

/** A text in both languages. Templates may hold `{name}` placeholders. */
export interface Bilingual {
  "zh-CN": string;
  en: string;
}

/**
 * Picks the text of a language and fills its `{name}` placeholders.
 *
 * @example
 * localize({ "zh-CN": "第{row}行", en: "row {row}" }, "en", { row: 3 }) // "row 3"
 */
export function localize(
  text: Bilingual,
  lang: Lang = DEFAULT_LANG,
  params: Readonly<Record<string, unknown>> = {},
): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Reads a language name as users type it ("zh", "zh-CN", "中文", "en", "english"); zh-CN when unknown. */
export function parseLang(input: string | undefined): Lang | undefined {
  if (input === undefined) return undefined;
  const s = input.trim().toLowerCase();
  if (s === "en" || s.startsWith("en-") || s === "english" || s === "英文") return "en";
  if (s === "zh" || s.startsWith("zh-") || s === "cn" || s === "中文" || s === "chinese") return "zh-CN";
  return undefined;
}
