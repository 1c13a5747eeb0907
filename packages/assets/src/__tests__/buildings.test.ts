import type { CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { buildingCheck } from "../checkBuildings.js";
import { buildingInspectionLog } from "../useKinds.js";

const assets: HouqinModule = {
  id: "assets",
  title: { "zh-CN": "校产", en: "Assets" },
  kinds: [buildingInspectionLog],
  checks: [buildingCheck],
};

const HEADER: CellValue[] = ["检查日期", "楼宇", "部位", "检查结果", "发现问题", "维修日期", "检查人"];

const SEMESTERS: CellValue[][] = [
  ["第一学期开始", "2023-09-01"],
  ["第一学期结束", "2024-01-26"],
  ["第二学期开始", "2024-02-26"],
  ["第二学期结束", "2024-07-05"],
];

async function check(
  rows: CellValue[][],
  asOf: string,
  options: { settings?: CellValue[][]; lang?: "zh-CN" | "en"; header?: CellValue[] | null } = {},
) {
  const header = options.header === undefined ? [HEADER] : options.header === null ? [] : [options.header];
  const sheets = [
    ...(options.settings ? [{ name: "设置", rows: options.settings }] : []),
    { name: "校舍检查", rows: [...header, ...rows] },
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [assets],
    today: "2030-01-01",
    asOf,
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

const found = (r: Awaited<ReturnType<typeof check>>) => r.findings.map((f) => [f.rule, f.cell]);

const YEAR: CellValue[][] = [
  ["2023-08-25", "教学楼", "屋面", "正常", "无", null, "张工"],
  ["2023-09-15", "教学楼", "墙体", "墙体裂缝", "墙体裂缝", "2023-09-20", "张工"],
  ["2023-10-20", "实验楼", "屋面", "漏水", "屋面漏水", null, "张工"],
  ["2023-12-10", "教学楼", "电线", "电线老化", null, null, "张工"],
  ["2024-01-10", "综合楼", "水管", "正常", "无", null, "张工"],
  ["2024-03-05", "教学楼", "屋架", "正常", "无", null, "张工"],
];

describe("checkBuildings", () => {
  it("reports each missed month, the missed check before a semester, and problems not repaired", async () => {
    const report = await check(YEAR, "2024-03-10", { settings: SEMESTERS });
    expect(found(report)).toEqual([
      ["assets/building-problem-unrepaired", "F4"],
      ["assets/building-inspection-missing", "A5"],
      ["assets/building-problem-unrepaired", "F5"],
      ["assets/building-inspection-missing", "A7"],
      ["assets/building-inspection-missing", "A7"],
    ]);
    const missing = report.findings.filter((f) => f.rule === "assets/building-inspection-missing");
    expect(missing.map((f) => f.message)).toEqual([
      "2023年11月没有校舍检查记录（屋面、屋架、墙体、电线、水管应每月检查一次）",
      "2024年2月没有校舍检查记录（屋面、屋架、墙体、电线、水管应每月检查一次）",
      "第二学期于 2024-02-26 开学，开学前 14 天内（2024-02-12 至 2024-02-25）没有校舍检查记录",
    ]);
    expect(report.findings.every((f) => f.clause === "三(二)1")).toBe(true);
  });

  it("words an unrepaired problem for a clerk, in both languages", async () => {
    const rows = YEAR.slice(2, 3);
    const zh = await check(rows, "2023-10-27");
    expect(zh.findings.map((f) => f.message)).toEqual([
      "2023-10-20 检查发现实验楼屋面“屋面漏水”，没有维修日期，至 2023-10-27 已过 5 个上学日；问题应及时维修并登记",
    ]);
    const en = await check(rows, "2023-10-27", { lang: "en" });
    expect(en.findings.map((f) => f.message)).toEqual([
      "The problem “屋面漏水” found at 实验楼屋面 on 2023-10-20 has no repair date, 5 school days later on 2023-10-27; it is to be repaired and the repair recorded",
    ]);
  });

  it("counts an inspection in the two weeks before the semester, and not before the first record", async () => {
    const rows: CellValue[][] = [
      ["2024-02-20", "教学楼", "屋面", "正常", "无", null],
      ["2024-03-04", "教学楼", "墙体", "正常", "无", null],
    ];
    // The first semester is before the log starts; February holds the pre-semester inspection.
    expect(found(await check(rows, "2024-04-02", { settings: SEMESTERS }))).toEqual([]);
    // April is over on 6 May and has no inspection.
    const later = await check(rows, "2024-05-06", { settings: SEMESTERS });
    expect(later.findings.map((f) => [f.cell, (f.data as { from: string }).from])).toEqual([
      ["A3", "2024-04-01"],
    ]);
  });

  it("judges a log without semesters over its own dates and ignores a mistyped year", async () => {
    const rows: CellValue[][] = [
      ["2023-09-12", "教学楼", "屋面", "正常", "无", null],
      ["2023-10-10", "教学楼", "墙体", "正常", "无", null],
      ["2013-11-14", "教学楼", "电线", "正常", "无", null],
      ["2023-12-05", "教学楼", "水管", "正常", "无", null],
    ];
    const report = await check(rows, "2024-01-15");
    expect(report.findings.map((f) => [f.rule, f.cell, f.data])).toEqual([
      [
        "assets/building-inspection-missing",
        "A5",
        { from: "2023-11-01", to: "2023-11-30", cadence: "monthly" },
      ],
    ]);
  });

  it("reads the period from the settings", async () => {
    const rows: CellValue[][] = [
      ["2023-10-10", "教学楼", "屋面", "正常", "无", null],
      ["2023-12-05", "教学楼", "水管", "正常", "无", null],
    ];
    expect(found(await check(rows, "2024-01-15", { settings: [["校舍检查周期", "每季度"]] }))).toEqual([]);
    expect(found(await check(rows, "2024-01-15"))).toEqual([["assets/building-inspection-missing", "A3"]]);
  });

  it("reads messy input: a title, English headers and Chinese dates", async () => {
    const rows: CellValue[][] = [
      ["校舍安全检查记录（2023学年）"],
      [null],
      ["Date", "Building", "Part", "Result", "Problem", "Repaired on"],
      ["2023年10月10日", "教学楼", "屋面", "良好", "-", null],
      ["2023.11.7", "食堂", "水管", "渗水", "", null],
      ["12月5日", "食堂", "水管", "正常", "无", null],
      ["2023/12/20", "食堂", "水管", "已修复", "水管渗水", "2023年12月22日"],
    ];
    const report = await check(rows, "2024-01-15", { header: null, lang: "en" });
    expect(report.tables.map((t) => t.kind)).toEqual(["assets.building-inspection"]);
    expect(found(report)).toEqual([["assets/building-problem-unrepaired", "F5"]]);
  });
});
