import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyHash, NOT_PLAIN, plainHash, stocktakeKey } from "../stocktakeKey.js";

describe("plainHash", () => {
  it("is the hash of a text that needs no normalising, and NOT_PLAIN for any other", () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({
        unit: fc.constantFrom("Z", "c", "-", "0", " ", "Ｚ", "课", "、", "\u3000", "\u0000", "é"),
      }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const plain = /^[\x21-\x7e\u4e00-\u9fff\u3001-\u3011]*$/.test(t);
        expect(plainHash(t)).toBe(plain ? keyHash(t) : NOT_PLAIN);
        // Such a text is its own key text: its key is it with A–Z lower-cased.
        if (plain) expect(stocktakeKey(t, new Map())).toBe(t.replace(/[A-Z]/g, (x) => x.toLowerCase()));
      }),
      { numRuns: 2000 },
    );
  });

  it("hashes a number typed in upper and lower case alike", () => {
    expect(plainHash("ZC2021-000123")).toBe(plainHash("zc2021-000123"));
    expect(plainHash("ZC 001")).toBe(NOT_PLAIN);
    expect(plainHash("")).toBe(0);
  });
});
