import type { CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { ledgerCheck } from "../checkLedger.js";
import { assetLedger, stocktake } from "../ledgerKinds.js";

const assets: HouqinModule = {
  id: "assets",
  title: { "zh-CN": "资产", en: "Assets" },
  kinds: [assetLedger, stocktake],
  checks: [ledgerCheck],
};

const HEADER: CellValue[] = [
  "资产编号",
  "资产名称",
  "资产分类",
  "规格型号",
  "数量",
  "单价（元）",
  "原值（元）",
  "购置日期",
  "使用部门",
  "存放地点",
  "保管人",
  "使用状况",
  "累计折旧",
  "净值",
];

async function check(
  rows: CellValue[][],
  options: { settings?: CellValue[][]; lang?: "zh-CN" | "en"; asOf?: string } = {},
) {
  const sheets = [
    ...(options.settings ? [{ name: "设置", rows: options.settings }] : []),
    { name: "固定资产台账", rows: [["某某小学固定资产台账"], [], HEADER, ...rows] },
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [assets],
    today: "2030-01-01",
    asOf: options.asOf ?? "2023-12-31",
    lang: options.lang ?? "zh-CN",
  });
}

const brief = (report: Awaited<ReturnType<typeof check>>) =>
  report.findings.map((f) => ({ rule: f.rule, severity: f.severity, cell: f.cell, message: f.message }));

describe("checkLedger", () => {
  it("agrees with a ledger whose figures are right, read from messy cells", async () => {
    const report = await check([
      // 6 years = 72 months; September 2021 to December 2023 is 28 months: 24 × ¥83.34 + 4 × ¥83.33.
      [
        "ZC-001",
        "台式电脑",
        "计算机设备",
        "联想M720",
        1,
        "6000",
        "￥６，０００．００",
        "2021年9月1日",
        "教务处",
        "302",
        "王老师",
        "在用",
        "2,333.48",
        "3666.52",
      ],
      // 40 sets of desks: a batch of furniture is a fixed asset whatever the unit price.
      [
        "ＺＣ－００３",
        "学生课桌椅",
        "家具和用具",
        "",
        "40套",
        300,
        "",
        "2020/9/1",
        "三(2)班",
        "三(2)班",
        "",
        "在用",
        "",
        "4000",
      ],
      // Books are not depreciated.
      [
        "ZC-006",
        "图书",
        "图书和档案",
        "",
        "500册",
        "",
        "15,000.00元",
        "2019.9.1",
        "图书室",
        "图书室",
        "",
        "在用",
        0,
        15000,
      ],
    ]);
    expect(brief(report)).toEqual([]);
    const rows = report.reports.find((r) => r.id === "assets.depreciation")?.rows ?? [];
    expect(rows.map((r) => [r.assetNo, r.cls, r.life, r.months, r.accumulated, r.net, r.note])).toEqual([
      ["ZC-001", "计算机和办公设备", 6, 28, 2333.48, 3666.52, null],
      ["ZC-003", "学生课桌椅", 5, 40, 8000, 4000, null],
      ["ZC-006", "图书和档案", null, null, 0, 15000, "不计提折旧"],
      [null, null, null, null, 10333.48, 22666.52, null],
    ]);
    expect(rows.at(-1)).toMatchObject({
      name: "合计",
      costFen: 3300000,
      accumulatedFen: 1033348,
      netFen: 2266652,
    });
    expect(rows[0]).toMatchObject({
      asOf: "2023-12-31",
      costFen: 600000,
      accumulatedFen: 233348,
      netFen: 366652,
    });
  });

  it("reports the ledger's accumulated depreciation when it is off, with the working", async () => {
    const report = await check([
      [
        "ZC-002",
        "投影仪",
        "通用设备",
        "",
        1,
        "",
        "４，５００",
        "2022年3月15日",
        "",
        "301",
        "",
        "",
        "1,000.00",
        "",
      ],
    ]);
    expect(brief(report)).toEqual([
      {
        rule: "assets/book-value-mismatch",
        severity: "warning",
        cell: "M4",
        message:
          "“投影仪”（ZC-002）台账累计折旧 ¥1,000.00，按直线法计算应为 ¥1,375.00（相差 ¥375.00，容差 ¥1.00）。计算：原值 ¥4,500.00，计算机和办公设备折旧年限 6 年（72 个月），自 2022-03 起至 2023-12-31 已提 22 个月，月折旧额 ¥62.50，累计折旧 ¥1,375.00，净值 ¥3,125.00",
      },
    ]);
  });

  it("reports a net value off by more than the tolerance, in English too", async () => {
    const row: CellValue[] = [
      "ZC-010",
      "钢琴",
      "专用设备",
      "",
      1,
      20000,
      "",
      "2020-01-10",
      "",
      "音乐室",
      "",
      "",
      "",
      "9,999.00",
    ];
    const report = await check([row], { lang: "en" });
    expect(brief(report)).toEqual([
      {
        rule: "assets/book-value-mismatch",
        severity: "warning",
        cell: "N4",
        message:
          "“钢琴” (ZC-010): the ledger's net value is ¥9,999.00, straight-line depreciation gives ¥3,999.96 (off by ¥5,999.04; tolerance ¥1.00). Working: cost ¥20,000.00, Sports, arts and teaching equipment life 5 years (60 months), 48 months from 2020-01 to 2023-12-31 at ¥333.34 a month: accumulated ¥16,000.04, net ¥3,999.96",
      },
    ]);
    // 48 months: 20 of ¥333.34 and 28 of ¥333.33. Within the tolerance: nothing to say.
    const close = await check([[...row.slice(0, 13), "4,000.50"]]);
    expect(brief(close)).toEqual([]);
  });

  it("says depreciation on an asset that is not depreciated is wrong", async () => {
    const report = await check([
      ["ZC-006", "图书", "图书和档案", "", 500, "", 15000, "2019-09-01", "", "图书室", "", "", 1500, ""],
    ]);
    expect(brief(report).map((f) => f.message)).toEqual([
      "“图书”（ZC-006）台账累计折旧 ¥1,500.00，按直线法计算应为 ¥0.00（相差 ¥1,500.00，容差 ¥1.00）。计算：原值 ¥15,000.00，图书和档案不计提折旧，累计折旧 ¥0.00，净值 ¥15,000.00",
    ]);
  });

  it("flags an item below the capitalisation threshold, with the higher threshold for special equipment", async () => {
    const report = await check([
      ["ZC-004", "文件柜", "家具", "", 1, 800, "", "2022-05-01", "", "办公室", "", "", "", ""],
      ["ZC-005", "电子琴", "专用设备", "", 1, "1,200", "", "2022-05-01", "", "音乐室", "", "", "", ""],
      ["ZC-007", "打印机", "办公设备", "", 1, 1200, "", "2022-05-01", "", "办公室", "", "", "", ""],
    ]);
    expect(brief(report)).toEqual([
      {
        rule: "assets/below-threshold",
        severity: "info",
        cell: "F4",
        message:
          "“文件柜”（ZC-004）单位价值 ¥800.00，低于固定资产起点 ¥1,000.00，不属于固定资产（可作低值易耗品管理），未计提折旧",
      },
      {
        rule: "assets/below-threshold",
        severity: "info",
        cell: "F5",
        message:
          "“电子琴”（ZC-005）单位价值 ¥1,200.00，低于专用设备固定资产起点 ¥1,500.00，不属于固定资产（可作低值易耗品管理），未计提折旧",
      },
    ]);
    const rows = report.reports[0]?.rows ?? [];
    expect(rows.map((r) => r.note)).toEqual(["未达固定资产起点", "未达固定资产起点", null, null]);
  });

  it("takes the threshold from the settings and judges a batch by its unit value", async () => {
    const settings: CellValue[][] = [["固定资产起点", "500元"]];
    const report = await check(
      [
        ["ZC-004", "文件柜", "家具", "", 1, 800, "", "2022-05-01", "", "办公室", "", "", "", ""],
        ["ZC-008", "U盘", "办公设备", "", 10, "", 1000, "2022-05-01", "", "办公室", "", "", "", ""],
      ],
      { settings },
    );
    expect(brief(report).map((f) => [f.rule, f.cell])).toEqual([["assets/below-threshold", "G5"]]);
    expect(report.findings[0]?.message).toContain("单位价值 ¥100.00，低于固定资产起点 ¥500.00");
  });

  it("says once per category that it cannot tell the depreciation class, with the count", async () => {
    const report = await check([
      ["ZC-020", "航拍器", "其他", "", 1, 5000, "", "2022-05-01", "", "", "", "", "", ""],
      ["ZC-021", "无人机套件", "其 他", "", 1, 5000, "", "2022-05-01", "", "", "", "", "", ""],
      ["ZC-022", "台式电脑", "其他", "", 1, 5000, "", "2022-05-01", "", "", "", "", "", ""],
      ["ZC-023", "航拍器", "", "", 1, 5000, "", "2022-05-01", "", "", "", "", "", ""],
    ]);
    expect(brief(report)).toEqual([
      {
        rule: "assets/unknown-category",
        severity: "info",
        cell: "C4",
        message:
          "资产类别“其他”无法对应到折旧分类（共 2 项，如“航拍器”（ZC-020）），未计算折旧；请写明如“计算机设备”“家具”“学生课桌椅”",
      },
      {
        rule: "assets/unknown-category",
        severity: "info",
        cell: "C7",
        message: "“航拍器”（ZC-023）没有填资产类别，名称也看不出折旧分类（共 1 项这样的资产），未计算折旧",
      },
    ]);
    const rows = report.reports[0]?.rows ?? [];
    expect(rows.map((r) => r.note)).toEqual(["类别无法识别", "类别无法识别", null, "类别无法识别", null]);
  });

  it("reports an asset number used twice, written in full-width or half-width", async () => {
    const report = await check([
      ["ZC-001", "台式电脑", "计算机设备", "", 1, 6000, "", "2021-09-01", "", "302", "", "", "", ""],
      ["ＺＣ－００１", "打印机", "计算机设备", "", 1, 2000, "", "2021-09-01", "", "302", "", "", "", ""],
    ]);
    expect(brief(report)).toEqual([
      {
        rule: "assets/duplicate-number",
        severity: "error",
        cell: "A5",
        message: "资产编号“ZC-001”重复：与第 4 行相同，一个编号只能对应一项资产",
      },
    ]);
  });

  it("uses the school's own lives and start month from the settings", async () => {
    const settings: CellValue[][] = [
      ["折旧年限:家具", 20],
      ["折旧起始", "次月"],
    ];
    const report = await check(
      [["ZC-030", "会议桌", "家具", "", 1, 24000, "", "2023-01-10", "", "会议室", "", "", "", ""]],
      { settings },
    );
    const row = report.reports[0]?.rows[0];
    // 20 years = 240 months at ¥100.00; February to December 2023.
    expect(row).toMatchObject({ life: 20, months: 11, accumulated: 1100, net: 22900 });
    expect(brief(report)).toEqual([]);
  });

  it("uses the ledger's own life when it gives one", async () => {
    const rows = [HEADER.slice(0, 8).concat(["折旧年限"])];
    const report = await runChecks(
      new MemoryWorkbook({
        sheets: [
          {
            name: "资产台账",
            rows: [...rows, ["ZC-040", "笔记本电脑", "计算机设备", "", 1, 7200, "", "2023-01-01", "8年"]],
          },
        ],
      }),
      { modules: [assets], today: "2030-01-01", asOf: "2023-12-31" },
    );
    expect(report.reports[0]?.rows[0]).toMatchObject({
      life: 8,
      months: 12,
      accumulated: 900,
      note: "按台账所填年限",
    });
  });

  it("reports an unreadable setting once and keeps the default", async () => {
    const report = await check(
      [["ZC-030", "会议桌", "家具", "", 1, 24000, "", "2023-01-10", "", "会议室", "", "", "", ""]],
      { settings: [["折旧起始", "看情况"]] },
    );
    expect(brief(report).map((f) => [f.rule, f.cell])).toEqual([["settings/invalid-value", "B1"]]);
    expect(report.reports[0]?.rows[0]).toMatchObject({ months: 12 });
  });
});
