import { describe, expect, it } from "vitest";
import { LANG_STORAGE_KEY, type LangStorage, rememberLang, storedLang } from "../i18n/storedLang.js";

function memoryStorage(): LangStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

const refusing: LangStorage = {
  getItem: () => {
    throw new Error("SecurityError");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
};

describe("storedLang", () => {
  it("starts in Chinese when nothing was chosen", () => {
    expect(storedLang(memoryStorage())).toBe("zh-CN");
    expect(storedLang(undefined)).toBe("zh-CN");
  });

  it("remembers English across page loads", () => {
    const storage = memoryStorage();
    rememberLang(storage, "en");
    expect(storage.items.get(LANG_STORAGE_KEY)).toBe("en");
    expect(storedLang(storage)).toBe("en");
    rememberLang(storage, "zh-CN");
    expect(storedLang(storage)).toBe("zh-CN");
  });

  it("reads an unknown stored value as Chinese", () => {
    const storage = memoryStorage();
    storage.setItem(LANG_STORAGE_KEY, "fr");
    expect(storedLang(storage)).toBe("zh-CN");
  });

  it("falls back to Chinese, and does not throw, when the host refuses storage", () => {
    expect(storedLang(refusing)).toBe("zh-CN");
    expect(() => rememberLang(refusing, "en")).not.toThrow();
  });
});
