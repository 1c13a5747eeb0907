import type { CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { stocktakeCheck } from "../checkStocktake.js";
import { assetLedger, stocktake } from "../ledgerKinds.js";

const assets: HouqinModule = {
  id: "assets",
  title: { "zh-CN": "资产", en: "Assets" },
  kinds: [assetLedger, stocktake],
  checks: [stocktakeCheck],
};

const LEDGER: CellValue[][] = [
  ["资产编号", "资产名称", "资产分类", "数量", "单价", "购置日期", "存放地点"],
  ["ZC-001", "台式电脑", "计算机设备", 1, 6000, "2021-09-01", "302"],
  ["ZC-002", "投影仪", "通用设备", 1, "4,500.00", "2022-03-15", "301"],
  ["", "学生课桌椅", "家具", "40套", "300元", "2020/9/1", "三(2)班"],
  ["ZC-004", "扫描仪", "办公设备", 1, 1500, "2022-01-01", "302"],
  ["ZC-005", "钢琴", "专用设备", 1, 20000, "2020-01-10", "音乐室"],
];

const COUNT: CellValue[][] = [
  ["2023年秋季资产清查盘点表"],
  ["存放地点", "资产编号", "资产名称", "账面数量", "实盘数量", "盘点人", "盘点日期"],
  ["302", "ZC-001", "台式电脑", 1, "１", "张老师", "2023年12月20日"],
  ["会议室", "ZC-002", "投影仪", 1, 1, "张老师", "2023年12月20日"],
  ["三（2）班", "", "学生课桌椅", 40, "38套", "李老师", "12月21日"],
  ["302", "ZC-099", "碎纸机", "", 1, "张老师", "2023-12-20"],
];

async function check(
  sheets: { name: string; rows: CellValue[][] }[],
  options: { lang?: "zh-CN" | "en" } = {},
) {
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [assets],
    today: "2030-01-01",
    asOf: "2023-12-31",
    lang: options.lang ?? "zh-CN",
  });
}

const brief = (report: Awaited<ReturnType<typeof check>>) =>
  report.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    message: f.message,
  }));

describe("checkStocktake", () => {
  it("reports each kind of difference at its row, with values", async () => {
    const report = await check([
      { name: "资产台账", rows: LEDGER },
      { name: "资产盘点表", rows: COUNT },
    ]);
    expect(report.tables.map((t) => [t.sheet, t.kind])).toEqual([
      ["资产台账", "assets.ledger"],
      ["资产盘点表", "assets.stocktake"],
    ]);
    expect(brief(report)).toEqual([
      {
        rule: "assets/stocktake-shortage",
        severity: "error",
        sheet: "资产台账",
        cell: "B5",
        message: "盘亏：账上“扫描仪”（ZC-004）（302），数量 1，盘点时没有找到，价值 ¥1,500.00",
      },
      {
        rule: "assets/stocktake-quantity",
        severity: "warning",
        sheet: "资产盘点表",
        cell: "E5",
        message: "“学生课桌椅”在三(2)班账面数量 40，实盘 38，盘亏 2，价值 ¥600.00",
      },
      {
        rule: "assets/stocktake-surplus",
        severity: "warning",
        sheet: "资产盘点表",
        cell: "C6",
        message: "盘盈：302盘点到“碎纸机”（ZC-099），数量 1，账上没有这项资产",
      },
      {
        rule: "assets/stocktake-room-not-counted",
        severity: "info",
        sheet: "资产台账",
        cell: "G6",
        message: "音乐室账上有 1 项资产（原值 ¥20,000.00），本次盘点没有该房间的记录，未核对",
      },
      {
        rule: "assets/stocktake-misplaced",
        severity: "info",
        sheet: "资产盘点表",
        cell: "A4",
        message: "“投影仪”（ZC-002）账上在301，盘点时在会议室找到，应调回原处或更新台账",
      },
    ]);
  });

  it("publishes one reconciliation sheet with each room's items and totals in value", async () => {
    const report = await check([
      { name: "资产台账", rows: LEDGER },
      { name: "资产盘点表", rows: COUNT },
    ]);
    expect(report.reports.map((r) => [r.id, r.sheetName["zh-CN"]])).toEqual([
      ["assets.stocktake", "账物核对表"],
    ]);
    const rows = report.reports[0]?.rows ?? [];
    expect(
      rows.map((r) => [
        r.room,
        r.assetNo,
        r.name,
        r.status,
        r.difference,
        r.surplusValue,
        r.shortageValue,
        r.note,
      ]),
    ).toEqual([
      ["302", "ZC-001", "台式电脑", "相符", 0, 0, 0, null],
      ["302", "ZC-004", "扫描仪", "盘亏", -1, 0, 1500, null],
      ["302", "ZC-099", "碎纸机", "盘盈", 1, null, 0, "单价不详，未计价"],
      ["302 小计", null, null, null, null, 0, 1500, null],
      ["301", "ZC-002", "投影仪", "存放地点不符", 0, 0, 0, "在会议室找到"],
      ["301 小计", null, null, null, null, 0, 0, null],
      ["三(2)班", null, "学生课桌椅", "数量不符", -2, 0, 600, "按名称和地点匹配"],
      ["三(2)班 小计", null, null, null, null, 0, 600, null],
      ["音乐室", null, null, "未盘点", null, 0, 0, "本次盘点未包括该房间，共 1 项"],
      ["合计", null, null, null, null, 0, 2100, null],
    ]);
    expect(rows.at(-1)).toMatchObject({
      bookValueFen: 4_400_000,
      shortageValueFen: 210_000,
      surplusValueFen: 0,
    });
  });

  it("values a 盘盈 item at the unit price the count gives, and makes uncounted rooms 盘亏 for a full stocktake", async () => {
    const count: CellValue[][] = [
      ["存放地点", "资产编号", "资产名称", "实盘数量", "单价", "盘点人"],
      ["302", "ZC-001", "台式电脑", 1, "", "张老师"],
      ["302", "ZC-004", "扫描仪", 1, "", "张老师"],
      ["302", "ZC-099", "碎纸机", 2, "５００", "张老师"],
    ];
    const ledger = LEDGER.slice(0, 2).concat([LEDGER[4] as CellValue[]]);
    const report = await check([
      { name: "设置", rows: [["盘点范围", "全部"]] },
      { name: "资产台账", rows: [...ledger, LEDGER[5] as CellValue[]] },
      { name: "资产盘点表", rows: count },
    ]);
    expect(brief(report).map((f) => [f.rule, f.cell, f.message])).toEqual([
      [
        "assets/stocktake-shortage",
        "B4",
        "盘亏：账上“钢琴”（ZC-005）（音乐室），数量 1，盘点时没有找到，价值 ¥20,000.00",
      ],
      [
        "assets/stocktake-surplus",
        "C4",
        "盘盈：302盘点到“碎纸机”（ZC-099），数量 2，账上没有这项资产，价值 ¥1,000.00",
      ],
    ]);
  });

  it("speaks English", async () => {
    const report = await check(
      [
        { name: "资产台账", rows: LEDGER },
        { name: "资产盘点表", rows: COUNT },
      ],
      { lang: "en" },
    );
    expect(report.findings.map((f) => f.message)).toEqual([
      "Shortage (盘亏): “扫描仪” (ZC-004) in 302, 1 on the books, was not found in the count, worth ¥1,500.00",
      "“学生课桌椅” in 三(2)班: 40 on the books, 38 counted, 2 short, worth ¥600.00",
      "Surplus (盘盈): “碎纸机” (ZC-099) counted in 302, quantity 1, is not on the books",
      "音乐室 holds 1 ledger lines (¥20,000.00), but the count has no record of this room; they were not reconciled",
      "“投影仪” (ZC-002) is in 301 on the books but was counted in 会议室; move it back or update the ledger",
    ]);
  });

  it("says once that a count cannot be reconciled without a ledger", async () => {
    const report = await check([{ name: "资产盘点表", rows: COUNT }]);
    expect(brief(report)).toEqual([
      {
        rule: "assets/stocktake-no-ledger",
        severity: "info",
        sheet: "资产盘点表",
        cell: "A2",
        message: "工作簿中未找到资产台账，无法进行账物核对",
      },
    ]);
    expect(report.reports).toEqual([]);
  });

  it("does nothing with a ledger alone", async () => {
    const report = await check([{ name: "资产台账", rows: LEDGER }]);
    expect(report.findings).toEqual([]);
    expect(report.reports).toEqual([]);
  });

  it("reports an unreadable count at its cell and does not call what it counted missing", async () => {
    const count: CellValue[][] = [
      ["存放地点", "资产编号", "资产名称", "实盘数量"],
      ["302", "ZC-001", "台式电脑", "一台"],
      ["302", "ZC-004", "扫描仪", -1],
    ];
    const report = await check([
      { name: "资产台账", rows: LEDGER.slice(0, 2).concat([LEDGER[4] as CellValue[]]) },
      { name: "资产盘点表", rows: count },
    ]);
    // Both rows are left out, so room 302 holds no readable count: its items are not reconciled.
    expect(brief(report).map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ["workbook/unreadable-cell", "资产盘点表", "D2"],
      ["workbook/unreadable-cell", "资产盘点表", "D3"],
      ["assets/stocktake-room-not-counted", "资产台账", "G2"],
    ]);
  });
});
