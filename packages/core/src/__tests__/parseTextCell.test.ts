import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cell } from "../cell.js";
import { parseTextCell } from "../parseTextCell.js";

function read(cell: Cell): string {
  const result = parseTextCell(cell);
  return result.ok ? result.value : `!${result.code}`;
}

describe("parseTextCell", () => {
  it("normalises text: half-width, single spaces, trimmed", () => {
    expect(read({ value: " 张　三\n（一班） ", text: " 张　三\n（一班） " })).toBe("张 三 (一班)");
  });

  it("gives a number cell the text Excel displays", () => {
    expect(read({ value: 45170, text: "2023/9/1" })).toBe("2023/9/1");
    expect(read({ value: 0.5, text: "50%" })).toBe("50%");
  });

  it("gives a number cell without displayed text its plain value", () => {
    expect(read({ value: 12.5, text: "" })).toBe("12.5");
    expect(read({ value: true, text: "" })).toBe("TRUE");
  });

  it("calls an empty cell or white-space text blank", () => {
    expect(read({ value: null, text: "" })).toBe("!blank");
    expect(read({ value: " \u3000\n", text: " \u3000\n" })).toBe("!blank");
  });

  it("reports error values, also as text", () => {
    expect(parseTextCell({ value: { error: "#REF!" }, text: "#REF!" })).toEqual({
      ok: false,
      code: "error-value",
      message: { "zh-CN": "单元格是错误值 #REF!", en: "The cell holds the error value #REF!" },
    });
    expect(read({ value: "#N/A", text: "#N/A" })).toBe("!error-value");
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(typeof parseTextCell({ value: s, text: s }).ok).toBe("boolean");
      }),
    );
  });
});
