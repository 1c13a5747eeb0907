import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cell } from "../cell.js";
import { parseNumberCell } from "../parseNumberCell.js";

const textCell = (text: string): Cell => ({ value: text, text });

function read(cell: Cell): number | string {
  const result = parseNumberCell(cell);
  return result.ok ? result.value : result.code;
}

describe("parseNumberCell", () => {
  it("keeps a finite number", () => {
    expect(read({ value: 12.5, text: "12.5" })).toBe(12.5);
    expect(read({ value: -3, text: "-3" })).toBe(-3);
  });

  it.each([
    ["12", 12],
    ["１２", 12],
    ["1,234.5", 1234.5],
    ["1，234", 1234],
    ["-5", -5],
    ["－5", -5],
    ["+5", 5],
    ["0.1", 0.1],
    [".5", 0.5],
    ["12人", 12],
    ["3台", 3],
    ["12 人次", 12],
    ["5.5 kg", 5.5],
    ["5.5KG", 5.5],
    ["3 m²", 3],
    ["120㎡", 120],
    ["5千克", 5],
    ["1.2万", 12000],
    ["1.2万人", 12000],
    ["2亿", 200000000],
    ["5%", 0.05],
    ["５％", 0.05],
    ["12.5 %", 0.125],
    ["-3%", -0.03],
    ["5‰", 0.005],
  ])("reads the text %j as %d", (text, expected) => {
    expect(read(textCell(text))).toBe(expected);
  });

  it.each(["abc", "1,5", "1.2.3", "1e5", "3千", "十二", "12 apples", "Infinity", "%", "人", "1O"])(
    "refuses %j",
    (text) => {
      expect(read(textCell(text))).toBe("not-a-number");
    },
  );

  it("refuses booleans and non-finite numbers", () => {
    expect(read({ value: true, text: "TRUE" })).toBe("not-a-number");
    expect(read({ value: Number.NaN, text: "" })).toBe("not-a-number");
  });

  it("calls text too large for a number out of range", () => {
    expect(read(textCell("9".repeat(400)))).toBe("out-of-range");
  });

  it("explains a refusal in Chinese and English, quoting the text", () => {
    expect(parseNumberCell(textCell("三千"))).toMatchInlineSnapshot(`
      {
        "code": "not-a-number",
        "message": {
          "en": ""三千" is not a number houqin can read",
          "zh-CN": "“三千”不是可识别的数字",
        },
        "ok": false,
      }
    `);
  });

  it("reports blank cells and error values", () => {
    expect(read({ value: null, text: "" })).toBe("blank");
    expect(read(textCell("\u3000"))).toBe("blank");
    expect(read({ value: { error: "#DIV/0!" }, text: "#DIV/0!" })).toBe("error-value");
    expect(read(textCell("#NUM!"))).toBe("error-value");
  });

  it("reads back any finite number written as text", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (n) => {
        fc.pre(!String(n).includes("e"));
        expect(read(textCell(String(n)))).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(typeof parseNumberCell(textCell(s)).ok).toBe("boolean");
      }),
    );
  });
});
