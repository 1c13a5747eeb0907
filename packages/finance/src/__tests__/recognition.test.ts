import { assets } from "@houqin/assets";
import type { CellValue } from "@houqin/core";
import { MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { finance } from "../index.js";

async function kinds(sheets: Record<string, CellValue[][]>) {
  const wb = new MemoryWorkbook({ sheets: Object.entries(sheets).map(([name, rows]) => ({ name, rows })) });
  const report = await runChecks(wb, { modules: [assets, finance], today: "2023-12-29" });
  return Object.fromEntries(report.tables.map((t) => [t.sheet, t.kind]));
}

describe("finance kinds beside the other domains' sheets", () => {
  it("does not read a stocktake of goods as a cash count", async () => {
    const found = await kinds({
      图书盘点表: [
        ["盘点日期", "资产名称", "账面数", "实存数", "盘点人"],
        ["2023-12-20", "图书", 1200, 1198, "刘海"],
      ],
      食堂库存盘点表: [
        ["盘点日期", "品名", "账面数", "实存数", "盘点金额"],
        ["2023-12-20", "大米", 30, 28, 4060],
      ],
    });
    expect(Object.values(found)).not.toContain("finance.cash-count");
  });

  it("does not read a stock ledger's quantities as a cash journal", async () => {
    const found = await kinds({
      食堂库存明细账: [
        ["日期", "摘要", "入库数量", "出库数量", "结存数量"],
        ["2023-12-01", "购入", 10, null, 10],
        ["2023-12-02", "领用", null, 4, 6],
      ],
    });
    expect(found.食堂库存明细账).not.toBe("finance.cash-journal");
  });

  it("still reads a cash count sheet and a cash journal headed 结存", async () => {
    const found = await kinds({
      现金盘点: [
        ["盘点日期", "实存金额", "盘点人"],
        ["2023-12-20", 300, "王会计"],
      ],
      现金日记账: [
        ["日期", "凭证号", "摘要", "收入", "支出", "结存"],
        ["2023-12-01", null, "上月结转", null, null, 500],
        ["2023-12-04", "现付1", "购买办公用品", null, 200, 300],
      ],
    });
    expect(found).toEqual({ 现金盘点: "finance.cash-count", 现金日记账: "finance.cash-journal" });
  });
});
