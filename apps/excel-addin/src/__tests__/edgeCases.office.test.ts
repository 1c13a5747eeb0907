import { HouqinError } from "@houqin/core";
import { describe, expect, it } from "vitest";
import type { ExcelHyperlink } from "../office/excelApi.js";
import { OfficeWorkbook } from "../office/officeWorkbook.js";
import { createFakeExcel } from "../testing/fakeExcel.js";

// Review tests of the Office.js adapter against the in-memory Excel. DOUBTFUL (Excel's behaviour not
// confirmed here, no Excel): the Q1 quoting, the hidden-sheet select and the theme tint tests.

describe("OfficeWorkbook", () => {
  it("a link to a sheet whose name reads as a cell reference (Q1, FY2024) is quoted, as Excel requires", async () => {
    // Excel quotes such names in references ('Q1'!C3): unquoted, Q1!C3 is not a reference to the sheet.
    const excel = createFakeExcel({ sheets: [{ name: "Q1", rows: [["项目", "金额"]] }] });
    const workbook = await OfficeWorkbook.open(excel.run);
    await workbook.writeSheet("检查结果", [[{ text: "C3", link: { sheet: "Q1", cell: "C3" } }]]);
    const links: ExcelHyperlink[] = [];
    await excel.run(async (context) => {
      const props = context.workbook.worksheets
        .getItem("检查结果")
        .getRange("A1")
        .getCellProperties({ hyperlink: true });
      await context.sync();
      const link = props.value[0]?.[0]?.hyperlink;
      if (link) links.push(link);
    });
    expect(links[0]?.documentReference).toBe("'Q1'!C3");
  });

  it("selecting a cell of a sheet that is gone fails with a message in Chinese and English", async () => {
    const excel = createFakeExcel({ sheets: [{ name: "收费明细", rows: [["项目"]] }] });
    const workbook = await OfficeWorkbook.open(excel.run);
    const error = await workbook.select("Fees 2023", "C17").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HouqinError);
    expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("selecting the place of a finding on a hidden sheet fails as a HouqinError, not a raw Office error", async () => {
    const excel = createFakeExcel({
      sheets: [
        { name: "收费明细", rows: [["项目"]] },
        { name: "旧台账", rows: [["资产编号"]], hidden: true },
      ],
    });
    const workbook = await OfficeWorkbook.open(excel.run);
    const error = await workbook.select("旧台账", "A1").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HouqinError);
  });
});
