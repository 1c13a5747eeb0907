import { HouqinError } from "@houqin/core";
import { describe, expect, it } from "vitest";
import { MemoryWorkbook, type MemoryWorkbookSpec } from "../memoryWorkbook.js";
import { workbookContract } from "../testing/workbookContract.js";

workbookContract("MemoryWorkbook", async (spec) => new MemoryWorkbook(spec), undefined, {
  readLinks: (workbook, sheet) => workbook.readLinks(sheet),
});

describe("MemoryWorkbook", () => {
  it("shows what houqin wrote in a sheet snapshot", async () => {
    const workbook = new MemoryWorkbook({ sheets: [{ name: "收费明细", rows: [["项目"]] }] });
    await workbook.writeSheet(
      "检查结果",
      [
        [
          { text: "规则", bold: true },
          { text: "单元格", bold: true },
        ],
        ["finance/x", { text: "A1", link: { sheet: "收费明细", cell: "a1" } }],
      ],
      { hidden: true, columnWidths: [20, 10], frozenRows: 1 },
    );
    const snapshot = workbook.sheet("检查结果");
    expect(snapshot).toMatchObject({
      hidden: true,
      written: true,
      values: [
        ["规则", "单元格"],
        ["finance/x", "A1"],
      ],
      links: { B2: { sheet: "收费明细", cell: "A1" } },
      bold: ["A1", "B1"],
      columnWidths: [20, 10],
      frozenRows: 1,
    });
  });

  it("keeps fills as ARGB colours and notes by address", async () => {
    const workbook = new MemoryWorkbook({
      sheets: [{ name: "S", rows: [["a", "b"]], fills: { a1: "FF00FF00" } }],
    });
    await workbook.markCells("S", [{ address: "B1", color: "FFFFC7CE", note: "错" }]);
    expect(workbook.sheet("S")).toMatchObject({
      fills: { A1: "FF00FF00", B1: "FFFFC7CE" },
      notes: { B1: "错" },
    });
  });

  it("turns plain values into cells with their displayed text", async () => {
    const workbook = new MemoryWorkbook({
      sheets: [{ name: "S", rows: [["a", 1.5, true, { error: "#DIV/0!" }, null, ""]] }],
    });
    expect((await workbook.readSheet("S")).rows).toEqual([
      [
        { value: "a", text: "a" },
        { value: 1.5, text: "1.5" },
        { value: true, text: "TRUE" },
        { value: { error: "#DIV/0!" }, text: "#DIV/0!" },
      ],
    ]);
  });

  it("never changes the spec it was built from", async () => {
    const spec: MemoryWorkbookSpec = { sheets: [{ name: "S", rows: [[{ value: 1, text: "1" }]] }] };
    const copy = structuredClone(spec);
    const workbook = new MemoryWorkbook(spec);
    await workbook.markCells("S", [{ address: "A1", color: "FFFFC7CE", note: "x" }]);
    await workbook.writeSheet("S", [["replaced"]]);
    expect(spec).toEqual(copy);
  });

  it("throws INVALID_ARGUMENT for a sheet that does not exist", async () => {
    const workbook = new MemoryWorkbook({ sheets: [] });
    await expect(workbook.readSheet("nope")).rejects.toBeInstanceOf(HouqinError);
    await expect(workbook.readSheet("nope")).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });
});
