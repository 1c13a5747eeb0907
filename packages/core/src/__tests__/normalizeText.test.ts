import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText, toHalfWidth } from "../normalizeText.js";

describe("toHalfWidth", () => {
  it("turns full-width digits, letters and punctuation into ASCII", () => {
    expect(toHalfWidth("１２３４．５０，ＡＢｃ（）％＃")).toBe("1234.50,ABc()%#");
  });

  it("turns the ideographic space into a space and the full-width yen and minus into ¥ and -", () => {
    expect(toHalfWidth("￥\u3000－１")).toBe("¥ -1");
  });

  it("keeps Chinese characters and other text as they are", () => {
    expect(toHalfWidth("食堂采购 abc ¥")).toBe("食堂采购 abc ¥");
  });

  it("keeps the length of any text and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const half = toHalfWidth(s);
        expect(half.length).toBe(s.length);
        expect(toHalfWidth(half)).toBe(half);
      }),
    );
  });
});

describe("normalizeText", () => {
  it("trims and collapses spaces, tabs, line breaks, NBSP and ideographic spaces to one space", () => {
    expect(normalizeText("  食堂\n\t采购\u00A0\u3000验收\r\n")).toBe("食堂 采购 验收");
  });

  it("makes full-width text half-width", () => {
    expect(normalizeText("　ＲＭＢ　１２　")).toBe("RMB 12");
  });

  it("removes zero-width spaces", () => {
    expect(normalizeText("12\u200B3")).toBe("123");
  });

  it("returns an empty string for white space only", () => {
    expect(normalizeText(" \u3000\n\u00A0")).toBe("");
  });

  it("is idempotent and leaves no double spaces or outer spaces", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const n = normalizeText(s);
        expect(normalizeText(n)).toBe(n);
        expect(n).not.toMatch(/\s\s|^\s|\s$/);
      }),
    );
  });

  it("gives what its steps give, text that is already normal included", () => {
    const steps = (s: string) =>
      toHalfWidth(s)
        .replace(/[\u200B\u2060]/g, "")
        .replace(/[\s\u0085]+/g, " ")
        .trim();
    const units = fc.constantFrom(
      " ",
      "  ",
      "\t",
      "\n",
      "\u3000",
      "\u00A0",
      "\u0085",
      "\u200B",
      "\u2060",
      "a",
      "食",
      "１",
      "￥",
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: units })), (s) => {
        expect(normalizeText(s)).toBe(steps(s));
      }),
    );
  });
});
