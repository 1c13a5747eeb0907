import type { CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { repairCheck } from "../checkRepairs.js";
import { repairTickets } from "../useKinds.js";

const assets: HouqinModule = {
  id: "assets",
  title: { "zh-CN": "校产", en: "Assets" },
  kinds: [repairTickets],
  checks: [repairCheck],
};

const HEADER: CellValue[] = [
  "报修日期",
  "地点",
  "故障",
  "报修人",
  "受理日期",
  "反馈日期",
  "修复日期",
  "维修费用",
];

async function check(
  rows: CellValue[][],
  asOf: string,
  options: { settings?: CellValue[][]; lang?: "zh-CN" | "en"; header?: CellValue[] } = {},
) {
  const sheets = [
    ...(options.settings ? [{ name: "设置", rows: options.settings }] : []),
    { name: "报修登记", rows: [options.header ?? HEADER, ...rows] },
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [assets],
    today: "2030-01-01",
    asOf,
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

const found = (r: Awaited<ReturnType<typeof check>>) => r.findings.map((f) => [f.rule, f.cell]);

describe("checkRepairs", () => {
  it("finds nothing wrong with a ticket handled, repaired and fed back in time", async () => {
    // Reported Friday, handled Monday: one school day. Repaired the Friday after: five.
    const report = await check(
      [["2023-11-24", "三(2)班教室", "日光灯不亮", "李老师", "2023-11-27", "2023-12-01", "2023-12-01", 35]],
      "2023-12-20",
    );
    expect(report.findings).toEqual([]);
  });

  it("reports a slow response at the handled-on cell, in school days", async () => {
    const report = await check(
      [["2023-11-06", "三(2)班教室", "窗户玻璃破裂", "李老师", "2023-11-08", "2023-11-09", "2023-11-09", 80]],
      "2023-12-20",
    );
    expect(found(report)).toEqual([["assets/repair-slow-response", "E2"]]);
    expect(report.findings[0]?.message).toBe(
      "2023-11-06 报修的三(2)班教室“窗户玻璃破裂”在 2023-11-08 才受理，用了 2 个上学日，超过响应时限（1 个上学日）",
    );
    expect(report.findings[0]?.clause).toBe("三(二)2");
  });

  it("reports a slow repair, and a repair with no feedback date", async () => {
    const report = await check(
      [["2023-11-06", "实验楼", "水龙头漏水", "王老师", "2023-11-06", null, "2023-11-15", 120.5]],
      "2023-12-20",
    );
    expect(found(report)).toEqual([
      ["assets/repair-no-feedback", "F2"],
      ["assets/repair-slow", "G2"],
    ]);
    const slow = report.findings.find((f) => f.rule === "assets/repair-slow");
    expect(slow?.message).toBe(
      "2023-11-06 报修的实验楼“水龙头漏水”在 2023-11-15 才修复，用了 7 个上学日，超过维修时限（5 个上学日）",
    );
  });

  it("reports an open ticket past the repair target as of today, and one not yet handled", async () => {
    const report = await check(
      [
        ["2023-11-20", "操场", "篮球架松动", "体育组", "2023-11-20", null, null, null],
        ["2023-11-28", "二楼厕所", "冲水阀坏", "保洁", null, null, null, null],
      ],
      "2023-12-01",
      { lang: "en" },
    );
    expect(found(report)).toEqual([
      ["assets/repair-open", "G2"],
      ["assets/repair-slow-response", "E3"],
    ]);
    expect(report.findings[0]?.message).toBe(
      "“篮球架松动” at 操场, reported on 2023-11-20, was still not repaired on 2023-12-01, after 9 school days (target: 5)",
    );
  });

  it("does not call a ticket open before its target has passed", async () => {
    const report = await check(
      [["2023-11-28", "操场", "篮球架松动", "体育组", "2023-11-28", null, null]],
      "2023-12-01",
    );
    expect(report.findings).toEqual([]);
  });

  it("takes its targets from the settings", async () => {
    const settings: CellValue[][] = [
      ["报修响应时限", 3],
      ["维修时限", 10],
    ];
    const report = await check(
      [["2023-11-06", "实验楼", "水龙头漏水", "王老师", "2023-11-08", "2023-11-15", "2023-11-15", 120]],
      "2023-12-20",
      { settings },
    );
    expect(report.findings).toEqual([]);
  });

  it("reports a date before the report date and leaves it out of the times", async () => {
    const report = await check(
      [["2023-11-06", "实验楼", "水龙头漏水", "王老师", "2023-11-03", "2023-11-07", "2023-11-07", 120]],
      "2023-12-20",
    );
    expect(found(report)).toEqual([["assets/repair-date-order", "E2"]]);
    expect(report.findings[0]?.message).toBe("“受理日期”2023-11-03早于报修日期 2023-11-06，请核对");
  });

  it("says once when the log has no feedback column", async () => {
    const header: CellValue[] = ["报修时间", "报修内容", "处理日期", "完成日期", "费用"];
    const report = await check(
      [
        ["2023年11月6日", "电脑无法开机", "2023.11.6", "2023/11/7", "¥50"],
        ["11月7日", "投影仪偏色", "11月7日", "11月8日", "——"],
      ],
      "2023-12-20",
      { header },
    );
    expect(report.tables.map((t) => t.columns)).toEqual([
      { reportedAt: "A", problem: "B", handledAt: "C", repairedAt: "D", cost: "E" },
    ]);
    expect(report.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["workbook/unreadable-cell", "warning", "E3"],
      ["assets/repair-no-feedback", "info", "A1"],
    ]);
  });

  it("publishes monthly statistics with medians, averages, tickets over target and total cost", async () => {
    const report = await check(
      [
        ["2023-10-09", "实验楼", "门锁坏", "王老师", "2023-10-09", "2023-10-10", "2023-10-10", 45],
        ["2023-11-06", "三(2)班教室", "窗户玻璃破裂", "李老师", "2023-11-08", "2023-11-09", "2023-11-09", 80],
        ["2023-11-06", "实验楼", "水龙头漏水", "王老师", "2023-11-06", "2023-11-15", "2023-11-15", 120.5],
        ["2023-11-20", "操场", "篮球架松动", "体育组", "2023-11-20", null, null, null],
        [
          "2023-11-24",
          "三(2)班教室",
          "日光灯不亮",
          "李老师",
          "2023-11-27",
          "2023-12-01",
          "2023-12-01",
          "35.5元",
        ],
      ],
      "2023-12-01",
    );
    const stats = report.reports.find((r) => r.id === "assets.repair-monthly");
    expect(stats?.title["zh-CN"]).toBe("报修月度统计");
    expect(stats?.rows).toEqual([
      {
        month: "2023-10",
        tickets: 1,
        repaired: 1,
        open: 0,
        medianResponse: 0,
        averageResponse: 0,
        medianRepair: 1,
        averageRepair: 1,
        slowResponse: 0,
        slowRepair: 0,
        cost: "¥45.00",
        costFen: 4500,
      },
      {
        month: "2023-11",
        tickets: 4,
        repaired: 3,
        open: 1,
        // Response 2, 0, 0, 1; repair 3, 7, 5.
        medianResponse: 0.5,
        averageResponse: 0.8,
        medianRepair: 5,
        averageRepair: 5,
        slowResponse: 1,
        slowRepair: 2,
        cost: "¥236.00",
        costFen: 23600,
      },
      {
        month: "合计",
        tickets: 5,
        repaired: 4,
        open: 1,
        medianResponse: 0,
        averageResponse: 0.6,
        medianRepair: 4,
        averageRepair: 4,
        slowResponse: 1,
        slowRepair: 2,
        cost: "¥281.00",
        costFen: 28100,
      },
    ]);
  });
});
