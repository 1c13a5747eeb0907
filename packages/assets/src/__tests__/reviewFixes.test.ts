import type { CellValue } from "@houqin/core";
import { MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { assets } from "../assetsModule.js";

async function check(sheets: { name: string; rows: CellValue[][] }[]) {
  const report = await runChecks(new MemoryWorkbook({ sheets }), { modules: [assets], today: "2023-12-31" });
  return report.findings.map((f) => [f.rule, f.cell]);
}

describe("assets checks", () => {
  it("warns when the ledger's own life is below the legal minimum", async () => {
    const findings = await check([
      {
        name: "资产台账",
        rows: [
          ["资产编号", "资产名称", "分类", "原值", "取得日期", "存放地点", "折旧年限"],
          ["A1", "台式计算机", "计算机", 6000, "2023-01-01", "301", 3],
        ],
      },
    ]);
    expect(findings).toContainEqual(["assets/life-below-minimum", "G2"]);
  });

  it("does not call an asset with no room short in a count of some rooms", async () => {
    const findings = await check([
      {
        name: "资产台账",
        rows: [
          ["资产编号", "资产名称", "分类", "原值", "取得日期", "存放地点"],
          ["B1", "琴房", "房屋", 500000, "2020-01-01", null],
          ["A1", "投影仪", "视听设备", 3600, "2022-01-01", "301"],
        ],
      },
      {
        name: "盘点表",
        rows: [
          ["存放地点", "资产编号", "资产名称", "实盘数量"],
          ["301", "A1", "投影仪", 1],
        ],
      },
    ]);
    expect(findings.filter(([rule]) => rule === "assets/stocktake-shortage")).toEqual([]);
  });

  it("reads a count sheet headed 数量 as a stocktake when its name says so", async () => {
    const report = await runChecks(
      new MemoryWorkbook({
        sheets: [
          {
            name: "资产盘点表",
            rows: [
              ["资产编号", "资产名称", "存放地点", "数量"],
              ["A1", "投影仪", "301", 1],
            ],
          },
        ],
      }),
      { modules: [assets], today: "2023-12-31" },
    );
    expect(report.tables.map((t) => t.kind)).toEqual(["assets.stocktake"]);
  });
});
