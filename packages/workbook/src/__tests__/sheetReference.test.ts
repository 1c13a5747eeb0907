import { describe, expect, it } from "vitest";
import { sheetReference } from "../address.js";
import { MemoryWorkbook } from "../memoryWorkbook.js";
import { writeResults } from "../writeResults.js";

describe("sheetReference", () => {
  it("leaves a plain word unquoted and quotes everything else", () => {
    expect(sheetReference("Sheet1", "C3")).toBe("Sheet1!C3");
    expect(sheetReference("收费明细", "C3")).toBe("'收费明细'!C3");
    expect(sheetReference("O'Brien", "C3")).toBe("'O''Brien'!C3");
    expect(sheetReference("Sheet 3", "B1")).toBe("'Sheet 3'!B1");
  });

  it("quotes a name that reads as a cell or an R1C1 reference, as Excel does", () => {
    for (const name of ["Q1", "FY2024", "A1", "R2C3", "R", "C", "c12"])
      expect(sheetReference(name, "C3")).toBe(`'${name}'!C3`);
    expect(sheetReference("FY2024a", "C3")).toBe("FY2024a!C3");
  });
});

describe("writeResults", () => {
  it("leaves a user's sheet whose name differs from its own only in case, as Excel's names do", async () => {
    const workbook = new MemoryWorkbook({
      sheets: [
        { name: "收费明细", rows: [["项目"], ["x"]] },
        { name: "check results", rows: [["the auditor's notes"]] },
      ],
    });
    const written = await writeResults(
      workbook,
      [{ rule: "t/x", severity: "error", message: "m", sheet: "收费明细", cell: "A2", row: 2 }],
      { lang: "en" },
    );
    expect(written.sheet.toLowerCase()).not.toBe("check results");
    expect(workbook.sheet("check results").values).toEqual([["the auditor's notes"]]);
  });
});
