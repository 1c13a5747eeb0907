import { assetLedger } from "@houqin/assets";
import type { CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixedAssetAccount, fixedAssetAccountCheck } from "../fixedAssetAccount.js";
import { expectWellFormed, messySheets } from "./messyGrids.js";

const finance: HouqinModule = {
  id: "finance",
  title: { "zh-CN": "财务", en: "Finance" },
  kinds: [fixedAssetAccount, assetLedger],
  checks: [fixedAssetAccountCheck],
};

const LEDGER: CellValue[][] = [
  ["资产编号", "资产名称", "资产类别", "数量", "单价", "原值", "使用状况"],
  ["A001", "台式计算机", "通用设备", 10, 4500, 45000, "在用"],
  ["A002", "投影仪", "通用设备", 2, 6000, 12000, "在用"],
  ["A003", "学生课桌椅", "家具和用具", 100, 300, 30000, "在用"],
  ["A004", "办公桌", "家具和用具", 5, 1200, 6000, "在用"],
  ["A005", "教学楼", "房屋和构筑物", 1, null, 5000000, "在用"],
  ["A006", "钢琴", "专用设备", 1, 25000, null, "在用"],
  // Written off: not on the books any more.
  ["A007", "旧电脑", "通用设备", 1, 4000, 4000, "已报废"],
];

const ACCOUNT: CellValue[][] = [
  ["科目编码", "科目名称", "期末余额"],
  ["1601", "固定资产", 5118000],
  ["160101", "固定资产—房屋及构筑物", 5000000],
  ["160102", "固定资产—通用设备", 57000],
  ["160103", "固定资产—专用设备", 25000],
  ["160104", "固定资产—家具、用具、装具及动植物", 36000],
  ["1602", "固定资产累计折旧", 300000],
];

async function check(account: CellValue[][], ledger: CellValue[][] | null = LEDGER, lang?: "zh-CN" | "en") {
  const sheets = [
    { name: "固定资产明细账", rows: account },
    ...(ledger ? [{ name: "资产台账", rows: ledger }] : []),
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [finance],
    today: "2024-01-10",
    ...(lang ? { lang } : {}),
  });
}

const found = (r: Awaited<ReturnType<typeof check>>) => r.findings.map((f) => [f.rule, f.sheet, f.cell]);
const withRow = (rows: CellValue[][], index: number, row: CellValue[]) =>
  rows.map((r, i) => (i === index ? row : r));

describe("checkFixedAssetAccount", () => {
  it("finds nothing wrong when every category's balance equals the ledger's original value", async () => {
    const report = await check(ACCOUNT);
    expect(report.findings).toEqual([]);
    expect(report.tables.map((t) => t.kind)).toEqual(["finance.fixed-asset-account", "assets.ledger"]);
  });

  it("reports a category whose balance differs from the ledger, at its balance cell", async () => {
    const report = await check(withRow(ACCOUNT, 3, ["160102", "固定资产—通用设备", 60000]));
    // The total still agrees: only the category is off.
    expect(found(report)).toEqual([["finance/fixed-asset-account-mismatch", "固定资产明细账", "C4"]]);
    expect(report.findings[0]?.severity).toBe("error");
    expect(report.findings[0]?.clause).toBe("三(四)3");
    expect(report.findings[0]?.message).toBe(
      "固定资产账“固定资产—通用设备”余额 ¥60,000.00，资产台账中通用设备原值合计 ¥57,000.00（2 项），相差 ¥3,000.00；财务账与资产台账应当相符",
    );
    expect(report.findings[0]?.data).toMatchObject({ balance: 6000000, ledger: 5700000, lines: 2 });
  });

  it("reports the account's total against the whole ledger", async () => {
    const report = await check(withRow(ACCOUNT, 1, ["1601", "固定资产", 5120000]));
    expect(found(report)).toEqual([["finance/fixed-asset-account-mismatch", "固定资产明细账", "C2"]]);
    expect(report.findings[0]?.message).toBe(
      "固定资产账总额 ¥5,120,000.00，资产台账原值合计 ¥5,118,000.00（6 项），相差 ¥2,000.00；财务账与资产台账应当相符",
    );
  });

  it("reports a category in the account with nothing in the ledger", async () => {
    const report = await check([...ACCOUNT, ["160105", "固定资产—图书、档案", 8000]]);
    expect(found(report)).toEqual([["finance/fixed-asset-account-mismatch", "固定资产明细账", "C8"]]);
    expect(report.findings[0]?.message).toBe(
      "固定资产账“固定资产—图书、档案”余额 ¥8,000.00，资产台账中却没有图书、档案类资产",
    );
  });

  it("reports a category in the ledger with no row in the account, at the ledger's first such line", async () => {
    const report = await check(ACCOUNT, [...LEDGER, ["A008", "图书", "图书", "2000册", 4, 8000, "在用"]]);
    expect(found(report)).toEqual([
      ["finance/fixed-asset-account-mismatch", "固定资产明细账", "C2"],
      ["finance/fixed-asset-account-mismatch", "资产台账", "C9"],
    ]);
    expect(report.findings[1]?.message).toBe(
      "资产台账中图书、档案原值合计 ¥8,000.00（1 项，如“图书”），财务固定资产账中却没有这一类别",
    );
  });

  it("meets the account's own finer categories with the ledger's classes", async () => {
    const account: CellValue[][] = [
      ["资产类别", "账面余额"],
      ["房屋及构筑物", 5000000],
      ["计算机设备", 45000],
      ["办公设备", 12000],
      ["专用设备", 25000],
      ["学生课桌椅", 30000],
      ["家具", 6000],
    ];
    const report = await check(account);
    expect(report.findings).toEqual([]);
  });

  it("says which account categories and ledger lines it cannot place", async () => {
    const report = await check(
      [...ACCOUNT, ["1613", "在建工程", 1000]],
      [...LEDGER, ["A008", "杂项", "其他", 1, 500, 500, "在用"]],
    );
    expect(report.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell])).toEqual([
      ["finance/fixed-asset-account-mismatch", "error", "固定资产明细账", "C2"],
      ["finance/fixed-asset-category-unknown", "info", "固定资产明细账", "B8"],
      ["finance/fixed-asset-category-unknown", "info", "资产台账", "C9"],
    ]);
  });

  it("says once that the account cannot be reconciled without an asset ledger", async () => {
    const report = await check(ACCOUNT, null);
    expect(found(report)).toEqual([["finance/no-asset-ledger", "固定资产明细账", "C1"]]);
    expect(report.findings[0]?.severity).toBe("info");
  });

  it("reads messy cells, and does not compare a category whose balance cannot be read", async () => {
    const account: CellValue[][] = [
      ["固定资产明细账（2023年12月31日）"],
      [],
      ["科目编码", "科目名称", "期末余额"],
      ["1601", "固定资产", "¥5,118,000.00"],
      ["160101", "固定资产—房屋及构筑物", "500万"],
      [null, null, null],
      ["160102", "固定资产－通用设备", { error: "#REF!" }],
      ["160103", "固定资产—专用设备", "２５０００"],
      ["160104", "固定资产—家具、用具、装具及动植物", "36,000.00"],
    ];
    const report = await check(account);
    // The #REF! is reported by the row parser; 通用设备 is not judged on top of it.
    expect(found(report)).toEqual([["workbook/error-value", "固定资产明细账", "C7"]]);
  });

  it("counts only the lowest rows when the account lists a category and its sub-accounts by code", async () => {
    const account: CellValue[][] = [
      ["科目编码", "科目名称", "期末余额"],
      ["1601", "固定资产", 13000],
      ["160102", "通用设备", 13000],
      ["16010201", "计算机设备", 8000],
      ["16010202", "办公设备", 5000],
    ];
    const ledger: CellValue[][] = [
      ["资产编号", "资产名称", "资产类别", "数量", "单价", "原值", "使用状况"],
      ["A001", "台式计算机", "通用设备", 1, 8000, 8000, "在用"],
      ["A002", "复印机", "通用设备", 1, 5000, 5000, "在用"],
    ];
    expect((await check(account, ledger)).findings).toEqual([]);
    // A sub-account that is off is reported at its own cell, once (the total still agrees).
    const report = await check(withRow(account, 3, ["16010201", "计算机设备", 9000]), ledger);
    expect(found(report)).toEqual([["finance/fixed-asset-account-mismatch", "固定资产明细账", "C4"]]);
  });

  it("speaks English when asked", async () => {
    const report = await check(withRow(ACCOUNT, 3, ["160102", "固定资产—通用设备", 60000]), LEDGER, "en");
    expect(report.findings[0]?.message).toBe(
      "The fixed-asset account “固定资产—通用设备” shows ¥60,000.00, but the asset ledger's lines in “General equipment” add up to ¥57,000.00 at original value (2 lines), ¥3,000.00 apart; the account and the ledger should agree",
    );
  });
});

describe("checkFixedAssetAccount on arbitrary grids", () => {
  const sheets = messySheets(
    ["固定资产", "通用设备", "家具和用具", "台式计算机", "已报废"],
    ["固定资产明细账", "资产台账", "Sheet1"],
    [
      ["科目编码", "科目名称", "期末余额"],
      ["资产编号", "资产名称", "资产类别", "数量", "单价", "原值", "使用状况"],
    ],
  );

  it("never throws, and every finding names a rule, a severity, a message and a cell address", async () => {
    let tables = 0;
    await fc.assert(
      fc.asyncProperty(sheets, async (sheets) => {
        const report = await runChecks(new MemoryWorkbook({ sheets }), {
          modules: [finance],
          today: "2024-06-30",
        });
        tables += report.tables.length;
        expectWellFormed(report.findings);
      }),
      { seed: 20240630, numRuns: 150 },
    );
    expect(tables).toBeGreaterThan(50);
  });
});
