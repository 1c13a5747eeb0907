import { normalizeText } from "@houqin/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyHash, NOT_PLAIN, plainHash, sameKey, stocktakeKey } from "../stocktakeKey.js";

/**
 * The key text as reconcileStocktake makes it for an asset number: the text itself when plainHash
 * finds it needs no normalising, else its key ("" for no text).
 */
const keyText = (text: string | undefined, remembered: Map<string, string>) =>
  text === undefined ? "" : plainHash(text) !== NOT_PLAIN ? text : stocktakeKey(text, remembered);

/** The key as reconcileStocktake always worked it out. */
const slowKey = (text: string | undefined) =>
  text === undefined ? "" : normalizeText(text).replace(/\s+/g, "").toLowerCase();

describe("stocktakeKey", () => {
  it("keys every UTF-16 code unit, alone and between other text, as the long way does", () => {
    const remembered = new Map<string, string>();
    const key = (text: string | undefined) => stocktakeKey(text, remembered);
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      for (const text of [ch, `Ab${ch}`, `${ch}9z`, `教${ch}${ch}Q`]) {
        if (key(text) !== slowKey(text))
          expect([code.toString(16), key(text)]).toEqual([code.toString(16), slowKey(text)]);
      }
    }
  });

  it("keys any text as the long way does, the first time and when it remembers", () => {
    const units = fc.oneof(
      fc.constantFrom(
        "A",
        "z",
        "Ｚ",
        "ｚ",
        " ",
        "\u3000",
        "\t",
        "\u00A0",
        "\u0085",
        "\u200B",
        "－",
        "教",
        "、",
        "İ",
        "Σ",
      ),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    );
    const remembered = new Map<string, string>();
    const key = (text: string | undefined) => stocktakeKey(text, remembered);
    fc.assert(
      fc.property(fc.option(fc.string({ unit: units, maxLength: 8 }), { nil: undefined }), (text) => {
        expect(key(text)).toBe(slowKey(text));
        expect(key(text)).toBe(slowKey(text));
      }),
      { seed: 20261128, numRuns: 5000 },
    );
  });

  it("keys numbers, names and rooms as a counting team types them", () => {
    const remembered = new Map<string, string>();
    const key = (text: string | undefined) => stocktakeKey(text, remembered);
    expect(key("ＺＣ－００１ ")).toBe("zc-001");
    expect(key("ZC2021-000123")).toBe("zc2021-000123");
    expect(key("三（2）班")).toBe("三(2)班");
    expect(key(" 音乐室\u3000")).toBe("音乐室");
    expect(key(undefined)).toBe("");
  });

  it("tells two texts the same by their key texts exactly when their keys are equal, with equal hashes", () => {
    const units = fc.constantFrom(
      "A",
      "a",
      "Z",
      "z",
      "Ａ",
      "ａ",
      " ",
      "\u3000",
      "-",
      "－",
      "1",
      "１",
      "教",
      "İ",
      "i",
      "ß",
      "\u0000",
    );
    const text = fc.option(fc.string({ unit: units, maxLength: 5 }), { nil: undefined });
    const remembered = new Map<string, string>();
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ka = keyText(a, remembered);
        const kb = keyText(b, remembered);
        expect(ka === "").toBe(slowKey(a) === "");
        expect(sameKey(ka, kb)).toBe(slowKey(a) === slowKey(b));
        if (sameKey(ka, kb)) expect(keyHash(ka)).toBe(keyHash(kb));
      }),
      { seed: 20261129, numRuns: 5000 },
    );
    expect(keyText("ZC-001", remembered)).toBe("ZC-001");
    expect(sameKey(keyText("ＺＣ－００１", remembered), "zc-001")).toBe(true);
  });
});
