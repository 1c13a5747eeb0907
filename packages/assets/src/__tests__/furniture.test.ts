import type { CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { furnitureCheck } from "../checkFurniture.js";
import { furnitureCheckLog } from "../useKinds.js";

const assets: HouqinModule = {
  id: "assets",
  title: { "zh-CN": "校产", en: "Assets" },
  kinds: [furnitureCheckLog],
  checks: [furnitureCheck],
};

const HEADER: CellValue[] = ["班级/办公室", "检查日期", "课桌", "课椅", "损坏", "丢失", "检查人"];

async function check(
  rows: CellValue[][],
  asOf: string,
  options: { settings?: CellValue[][]; lang?: "zh-CN" | "en" } = {},
) {
  const sheets = [
    ...(options.settings ? [{ name: "设置", rows: options.settings }] : []),
    { name: "课桌椅检查", rows: [HEADER, ...rows] },
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [assets],
    today: "2030-01-01",
    asOf,
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

const missing = (r: Awaited<ReturnType<typeof check>>) =>
  r.findings.filter((f) => f.rule === "assets/furniture-check-missing");

const ROWS: CellValue[][] = [
  ["三(1)班", "2023-09-05", 45, 45, 1, 0, "王老师"],
  ["三(2)班", "2023-09-06", 44, 44, 0, 0, "李老师"],
  ["教务处", "2023-09-06", 6, 6, 0, 0, "张主任"],
  ["三(1)班", "2023-10-10", 45, 45, 0, 0, "王老师"],
  ["教务处", "2023-10-11", 6, 6, 0, 0, "张主任"],
  ["三(1)班", "2023-11-07", 45, 45, 0, 0, "王老师"],
  ["三(2)班", "2023-11-08", 44, 43, 2, 1, "李老师"],
  ["教务处", "2023-11-08", 6, 6, 0, 0, "张主任"],
];

describe("checkFurniture", () => {
  it("reports a class with no check in a month, at the date of its next check", async () => {
    const report = await check(ROWS, "2023-12-05");
    expect(missing(report).map((f) => [f.cell, f.data])).toEqual([
      ["B8", { place: "三(2)班", from: "2023-10-01", to: "2023-10-31", cadence: "monthly" }],
    ]);
    expect(missing(report)[0]?.message).toBe("“三(2)班”2023年10月没有课桌椅检查记录（课桌椅应每月检查一次）");
    expect(missing(report)[0]?.clause).toBe("三(二)3");
  });

  it("says it in English", async () => {
    const report = await check(ROWS, "2023-12-05", { lang: "en" });
    expect(missing(report)[0]?.message).toBe(
      "“三(2)班” has no desk and chair check for 2023-10 (they are checked once a month)",
    );
  });

  it("does not judge a month that is not over, nor one before the log starts", async () => {
    const rows: CellValue[][] = [
      ["三(1)班", "2023-10-10", 45, 45, 0, 0],
      ["三(2)班", "2023-10-10", 44, 44, 0, 0],
      ["三(1)班", "2023-11-07", 45, 45, 0, 0],
    ];
    // September is before the log; November is not over on 2023-11-20.
    expect(missing(await check(rows, "2023-11-20"))).toEqual([]);
    // On 2023-12-01 November is over, and 三(2)班 has no check in it: reported at its last record.
    const later = missing(await check(rows, "2023-12-01"));
    expect(later.map((f) => [f.cell, (f.data as { from: string }).from])).toEqual([["B3", "2023-11-01"]]);
  });

  it("judges the whole semesters the log falls in when the settings give them", async () => {
    const settings: CellValue[][] = [
      ["第一学期开始", "2023-09-01"],
      ["第一学期结束", "2024-01-26"],
    ];
    const rows: CellValue[][] = [
      ["三(1)班", "2023-10-10", 45, 45, 0, 0],
      ["三(1)班", "2023-11-07", 45, 45, 0, 0],
    ];
    const found = missing(await check(rows, "2023-12-05", { settings }));
    // September (from the semester's start) is missed; December is not over.
    expect(found.map((f) => (f.data as { from: string }).from)).toEqual(["2023-09-01"]);
  });

  it("reads the period from the settings", async () => {
    const settings: CellValue[][] = [["课桌椅检查周期", "每学期"]];
    expect(missing(await check(ROWS, "2024-03-01", { settings }))).toEqual([]);
    const bad = await check(ROWS, "2023-12-05", { settings: [["课桌椅检查周期", "偶尔"]] });
    expect(bad.findings.filter((f) => f.rule === "settings/invalid-value").map((f) => f.cell)).toEqual([
      "B1",
    ]);
    // The default (monthly) is used.
    expect(missing(bad)).toHaveLength(1);
  });

  it("reads messy input: title rows, full-width brackets, Chinese dates and counts with units", async () => {
    const rows: CellValue[][] = [
      ["2023学年课桌椅检查记录表"],
      [],
      ["班级", "检查日期", "课桌（张）", "椅子（把）", "损坏数", "缺失", "检查人"],
      ["三（1）班", "2023年9月5日", "45张", 45, "1", null, "王老师"],
      ["三(1)班 ", "2023.10.10", 45, 45, null, null, "王老师"],
      ["三(2)班", "9月6日", 44, 44, null, null, "李老师"],
    ];
    const report = await runChecks(new MemoryWorkbook({ sheets: [{ name: "Sheet1", rows }] }), {
      modules: [assets],
      today: "2030-01-01",
      asOf: "2023-11-02",
    });
    expect(report.tables.map((t) => t.kind)).toEqual(["assets.furniture-check"]);
    expect(report.findings.map((f) => [f.rule, f.cell])).toEqual([["assets/furniture-check-missing", "B6"]]);
    const scores = report.reports[0]?.rows.map((r) => [r.place, r.checks, r.damaged, r.score]);
    expect(scores).toEqual([
      ["三(2)班", 1, 0, 100],
      ["三(1)班", 2, 1, 98],
    ]);
  });

  it("ranks the classes by score, highest first, with deductions from the defaults", async () => {
    const report = await check(ROWS, "2023-12-05");
    const scores = report.reports.find((r) => r.id === "assets.class-scores");
    expect(scores?.title["zh-CN"]).toBe("班级校产考评");
    expect(
      scores?.rows.map((r) => [r.rank, r.place, r.damaged, r.missing, r.deduction, r.score, r.missed]),
    ).toEqual([
      [1, "教务处", 0, 0, 0, 100, 0],
      [2, "三(1)班", 1, 0, 2, 98, 0],
      [3, "三(2)班", 2, 1, 9, 91, 1],
    ]);
  });

  it("scores by the settings, shares a rank between equal scores, and never goes below zero", async () => {
    const settings: CellValue[][] = [
      ["课桌椅评分:基础分", 10],
      ["课桌椅评分：损坏扣分", 0.5],
      ["课桌椅评分:丢失扣分", 10],
    ];
    const rows: CellValue[][] = [
      ["一(1)班", "2023-09-05", 40, 40, 2, 0],
      ["一(2)班", "2023-09-05", 40, 40, 0, 2],
      ["一(3)班", "2023-09-05", 40, 40, 1, 0],
      ["一(4)班", "2023-09-05", 40, 40, 0, 0],
      ["一(3)班", "2023-09-20", 40, 40, 1, 0],
    ];
    const report = await check(rows, "2023-09-25", { settings });
    expect(report.reports[0]?.rows.map((r) => [r.rank, r.place, r.score])).toEqual([
      [1, "一(4)班", 10],
      [2, "一(1)班", 9],
      [2, "一(3)班", 9],
      [4, "一(2)班", 0],
    ]);
  });
});
