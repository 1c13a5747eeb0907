import { describe, expect, it } from "vitest";
import { MESSAGES } from "../i18n/messages.js";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("MESSAGES", () => {
  const entries = Object.entries(MESSAGES);

  it("has a Chinese and an English text for every message", () => {
    for (const [key, text] of entries) {
      expect(text["zh-CN"].trim(), key).not.toBe("");
      expect(text.en.trim(), key).not.toBe("");
    }
  });

  it("uses the same placeholders in both languages", () => {
    for (const [key, text] of entries) {
      expect(placeholders(text.en), key).toEqual(placeholders(text["zh-CN"]));
    }
  });

  it("writes the Chinese chrome in Chinese (only the switch's own label is English)", () => {
    const latinOnly = entries
      .filter(([, text]) => !/[\u4e00-\u9fff]/.test(text["zh-CN"]))
      .map(([key]) => key);
    expect(latinOnly).toEqual(["lang.switch"]);
  });

  it("uses no English word a clerk would not know in the Chinese chrome (Excel and column letters only)", () => {
    const words = entries
      .filter(([key]) => !key.startsWith("lang."))
      .flatMap(([key, text]) =>
        [...text["zh-CN"].replace(/\{\w+\}/g, "").matchAll(/[A-Za-z]{2,}/g)].map((m) => `${key}: ${m[0]}`),
      )
      .filter((found) => !/: (Excel|XFD|AB)$/.test(found));
    expect(words).toEqual([]);
  });
});
