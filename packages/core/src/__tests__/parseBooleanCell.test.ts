import { describe, expect, it } from "vitest";
import type { Cell } from "../cell.js";
import { parseBooleanCell } from "../parseBooleanCell.js";

const textCell = (text: string): Cell => ({ value: text, text });

function read(cell: Cell): boolean | string {
  const result = parseBooleanCell(cell);
  return result.ok ? result.value : result.code;
}

describe("parseBooleanCell", () => {
  it.each([
    "是",
    "√",
    "✓",
    "✔",
    "合格",
    "有",
    "已",
    "已完成",
    "Y",
    "y",
    "YES",
    "Yes",
    "TRUE",
    "true",
    "T",
    "1",
    "对",
    "正常",
    "ｙｅｓ",
    " 是 ",
  ])("reads %j as true", (text) => {
    expect(read(textCell(text))).toBe(true);
  });

  it.each([
    "否",
    "×",
    "✗",
    "✘",
    "x",
    "X",
    "不合格",
    "无",
    "未",
    "未完成",
    "N",
    "no",
    "FALSE",
    "f",
    "0",
    "错",
    "异常",
    "Ｎ",
  ])("reads %j as false", (text) => {
    expect(read(textCell(text))).toBe(false);
  });

  it("keeps a boolean cell and reads the numbers 1 and 0", () => {
    expect(read({ value: true, text: "TRUE" })).toBe(true);
    expect(read({ value: false, text: "FALSE" })).toBe(false);
    expect(read({ value: 1, text: "1" })).toBe(true);
    expect(read({ value: 0, text: "0" })).toBe(false);
  });

  it.each([textCell("也许"), textCell("是否"), { value: 2, text: "2" }])("refuses %j", (cell) => {
    expect(read(cell)).toBe("not-a-boolean");
  });

  it("explains a refusal in Chinese and English, quoting the text", () => {
    expect(parseBooleanCell(textCell("也许"))).toMatchInlineSnapshot(`
      {
        "code": "not-a-boolean",
        "message": {
          "en": ""也许" is not a yes/no value houqin can read (write 是, 否, √, × or similar)",
          "zh-CN": "“也许”不是可识别的是/否值（可写作 是、否、√、× 等）",
        },
        "ok": false,
      }
    `);
  });

  it("reports blank cells and error values", () => {
    expect(read({ value: null, text: "" })).toBe("blank");
    expect(read(textCell("  "))).toBe("blank");
    expect(read({ value: { error: "#N/A" }, text: "#N/A" })).toBe("error-value");
    expect(read(textCell("#VALUE!"))).toBe("error-value");
  });
});
