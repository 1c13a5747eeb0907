import type { Lang } from "@houqin/core";

/** Where the task pane remembers the user's language. */
export const LANG_STORAGE_KEY = "houqin.lang";

/** The part of `localStorage` the language choice needs (absent or throwing in some Office hosts). */
export interface LangStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * The language the user chose last time, Chinese when none was chosen or storage is unavailable.
 *
 * @param storage - usually `window.localStorage`; undefined where the host gives none
 * @returns "zh-CN" or "en"
 * @example storedLang(window.localStorage) // "zh-CN"
 */
export function storedLang(storage: LangStorage | undefined): Lang {
  try {
    return storage?.getItem(LANG_STORAGE_KEY) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

/**
 * Remembers the user's language; a storage that refuses (private mode, a locked-down host) is ignored.
 *
 * @param storage - usually `window.localStorage`
 * @param lang - the language chosen
 * @example rememberLang(window.localStorage, "en");
 */
export function rememberLang(storage: LangStorage | undefined, lang: Lang): void {
  try {
    storage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // The choice then lasts for this session only.
  }
}
