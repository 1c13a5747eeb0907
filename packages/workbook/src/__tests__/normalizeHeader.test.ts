import { normalizeText } from "@houqin/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeHeader } from "../normalizeHeader.js";

/** Characters headers are written with: Chinese, both widths of Latin letters and marks, spaces. */
const headerChar = fc.oneof(
  fc.constantFrom(..."日期摘要合计总累小班级收入支出余额计tTｔＴsSＳ（）()【】[]：:*#№.。、_-—/\\ 　\n"),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xff01, max: 0xff5e }).map((c) => String.fromCharCode(c)),
);
const headerText = fc.array(headerChar, { maxLength: 12 }).map((chars) => chars.join(""));

describe("normalizeHeader", () => {
  it("strips marks, spaces and a unit in brackets, half-width and lower case", () => {
    expect(normalizeHeader(" 金 额（元）* ")).toBe("金额");
    expect(normalizeHeader("ＤＡＴＥ：")).toBe("date");
  });

  // Table recognition skips working out a cell's header form when its text shows it cannot match.
  it("keeps every Chinese character it gives from the text, and makes none (normalizeText too)", () => {
    fc.assert(
      fc.property(headerText, (text) => {
        for (const ch of normalizeHeader(normalizeText(text)).match(/\p{Script=Han}/gu) ?? [])
          expect(text).toContain(ch);
      }),
      { numRuns: 5000 },
    );
  });

  it("gives a 计 or a t only from text holding 计, t, T, ｔ or Ｔ", () => {
    fc.assert(
      fc.property(headerText, (text) => {
        if (/[计t]/.test(normalizeHeader(text))) expect(text).toMatch(/[计tTｔＴ]/);
      }),
      { numRuns: 5000 },
    );
  });
});
