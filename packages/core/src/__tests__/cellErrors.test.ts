import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBlankCell, isCellError, parseErrorText } from "../cellErrors.js";
import { normalizeText } from "../normalizeText.js";

describe("isCellError", () => {
  it("recognises an error value", () => {
    expect(isCellError({ error: "#REF!" })).toBe(true);
    expect(isCellError({ error: "#GETTING_DATA" })).toBe(true);
  });

  it.each([["#REF!"], [{ error: "#OOPS!" }], [{ error: 1 }], [null], [undefined], [0], [{}]])(
    "rejects %j",
    (value) => {
      expect(isCellError(value)).toBe(false);
    },
  );
});

describe("parseErrorText", () => {
  it.each([
    "#REF!",
    "#N/A",
    "#VALUE!",
    "#DIV/0!",
    "#NAME?",
    "#NULL!",
    "#NUM!",
    "#SPILL!",
    "#CALC!",
    "#GETTING_DATA",
    "#FIELD!",
    "#BLOCKED!",
    "#CONNECT!",
    "#BUSY!",
    "#UNKNOWN!",
  ])("recognises %s", (text) => {
    expect(parseErrorText(text)).toBe(text);
  });

  it("tolerates case, spaces and full-width characters", () => {
    expect(parseErrorText(" #ref! ")).toBe("#REF!");
    expect(parseErrorText("＃Ｎ／Ａ")).toBe("#N/A");
    expect(parseErrorText("#div/0!")).toBe("#DIV/0!");
  });

  it.each(["REF", "#REF", "#REF!!", "N/A", "", "#hasOwnProperty", "toString"])("rejects %j", (text) => {
    expect(parseErrorText(text)).toBeUndefined();
  });
});

describe("isBlankCell", () => {
  it("calls a cell without value blank", () => {
    expect(isBlankCell({ value: null, text: "" })).toBe(true);
  });

  it("calls white-space-only text blank, full-width spaces and line breaks included", () => {
    expect(isBlankCell({ value: " \u3000\n\u00A0", text: " \u3000\n\u00A0" })).toBe(true);
  });

  it.each([
    [{ value: 0, text: "0" }],
    [{ value: false, text: "FALSE" }],
    [{ value: "x", text: "x" }],
    [{ value: { error: "#N/A" as const }, text: "#N/A" }],
  ])("calls %j not blank", (cell) => {
    expect(isBlankCell(cell)).toBe(false);
  });

  it("calls text blank exactly when it normalises to nothing", () => {
    const spaces = fc.constantFrom(
      " ",
      "\t",
      "\n",
      "\u3000",
      "\u00A0",
      "\u0085",
      "\u200B",
      "\u2060",
      "\uFEFF",
      "a",
      "１",
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: spaces })), (text) => {
        expect(isBlankCell({ value: text, text })).toBe(normalizeText(text) === "");
      }),
    );
  });
});
