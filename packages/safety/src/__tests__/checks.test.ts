import type { CellValue } from "@houqin/core";
import { MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { safety } from "../safetyModule.js";

const SETTINGS: CellValue[][] = [
  ["第一学期开始", "2023-09-01"],
  ["第一学期结束", "2024-01-26"],
];

async function check(sheets: { name: string; rows: CellValue[][] }[], asOf: string) {
  const report = await runChecks(new MemoryWorkbook({ sheets }), {
    modules: [safety],
    today: "2030-01-01",
    asOf,
  });
  return report;
}

/** Rule and cell of the findings that are not info (duties without a log are said once, as info). */
const rules = (r: Awaited<ReturnType<typeof check>>) =>
  r.findings.filter((f) => f.severity !== "info").map((f) => [f.rule, f.cell]);

describe("safety checks", () => {
  it("judges a log without semesters over its own dates only", async () => {
    // Utilities inspected weekly from October on: September is not counted as missed.
    const rows: CellValue[][] = [["检查日期", "检查项目", "检查人"]];
    for (const d of ["2023-10-09", "2023-10-16", "2023-10-30"]) rows.push([d, "水电煤气线路检查", "张建国"]);
    const report = await check([{ name: "安全检查记录", rows }], "2023-11-01");
    expect(rules(report)).toEqual([["safety/missed-check", "A4"]]);
    expect(report.findings[0]?.message).toBe(
      "“水电煤气线路检查”在 2023-10-23 至 2023-10-29 没有记录（每周一次，后勤）",
    );
  });

  it("judges a log over the semesters its records fall in, not the whole school year", async () => {
    const settings: CellValue[][] = [
      ...SETTINGS,
      ["第二学期开始", "2024-02-19"],
      ["第二学期结束", "2024-07-05"],
    ];
    const rows: CellValue[][] = [["检查日期", "检查项目"]];
    for (const d of ["2024-03-04", "2024-03-11", "2024-03-25"]) rows.push([d, "水电煤气线路检查"]);
    const report = await check(
      [
        { name: "设置", rows: settings },
        { name: "安全检查记录", rows },
      ],
      "2024-03-29",
    );
    const missed = report.findings.filter((f) => f.rule === "safety/missed-check");
    // The second semester from its first week (19 February) to "today"; nothing of the first
    // semester. The two weeks before the log starts are one finding; a gap inside it is one a week.
    expect(missed.map((f) => f.data)).toEqual([
      { duty: "utilities-inspection", windows: 2, from: "2024-02-19", to: "2024-03-03" },
      { duty: "utilities-inspection", window: { start: "2024-03-18", end: "2024-03-24" } },
    ]);
    expect(missed[0]?.message).toBe(
      "“水电煤气线路检查”从 2024-02-19 到 2024-03-03 共 2 次没有记录（记录从 2024-03-04 才开始）",
    );
  });

  it("flags a record entered long after its check, and an open problem after 3 school days", async () => {
    const rows: CellValue[][] = [
      ["检查日期", "检查项目", "发现问题", "处理措施", "整改完成日期", "登记日期"],
      ["2023-10-09", "水电煤气线路检查", "无", "", "", "2023-10-09"],
      ["2023-10-16", "水电煤气线路检查", "配电箱门锁坏", "", "", "2023-10-23"],
      ["2023-10-23", "水电煤气线路检查", "水管渗漏", "更换阀门", "2023-10-24", "2023-10-23"],
    ];
    const report = await check([{ name: "安全检查记录", rows }], "2023-10-27");
    expect(rules(report)).toEqual([
      ["safety/problem-not-closed", "D3"],
      ["safety/late-record", "F3"],
    ]);
    const compliance = report.reports[0]?.rows.find((r) => r.dutyId === "utilities-inspection");
    expect(compliance).toMatchObject({ planned: 3, onTime: 2, late: 1, missed: 0 });
  });

  it("says once that a duty has no log, instead of a finding per day", async () => {
    const rows: CellValue[][] = [
      ["检查日期", "检查项目"],
      ["2023-10-09", "水电煤气线路检查"],
    ];
    const report = await check(
      [
        { name: "设置", rows: SETTINGS },
        { name: "安全检查记录", rows },
      ],
      "2023-10-13",
    );
    const infos = report.findings.filter((f) => f.rule === "safety/no-log").map((f) => f.message);
    expect(infos).toContain("工作簿的安全检查记录中没有“日常安全检查”的记录，未逐次检查");
    // The five school weeks of September and the National Day week (school on 10-07 and 10-08), all
    // before the log's first record: one finding.
    const missed = report.findings.filter((f) => f.rule === "safety/missed-check");
    expect(missed.map((f) => f.data?.windows)).toEqual([6]);
  });

  it("requires a drill each semester and warns below one a month", async () => {
    const header: CellValue[] = ["演练日期", "演练类型"];
    // The inspection log shows the workbook covers the first semester; its drill log is empty.
    const none = await check(
      [
        { name: "设置", rows: SETTINGS },
        {
          name: "安全检查记录",
          rows: [
            ["检查日期", "检查项目"],
            ["2023-10-09", "水电煤气线路检查"],
          ],
        },
        { name: "演练记录", rows: [header] },
      ],
      "2024-02-01",
    );
    expect(none.findings.filter((f) => f.rule === "safety/drill-missing").map((f) => f.severity)).toEqual([
      "error",
    ]);
    const few = await check(
      [
        { name: "设置", rows: SETTINGS },
        { name: "演练记录", rows: [header, ["2023-09-18", "防空演练"], ["2023-11-09", "消防逃生演练"]] },
      ],
      "2024-02-01",
    );
    const drill = few.findings.filter((f) => f.rule === "safety/drill-missing");
    expect(drill.map((f) => f.severity)).toEqual(["warning"]);
    expect(drill[0]?.message).toContain("演练 2 次");
  });

  it("judges extinguishers by type and age, pressure and monthly checks", async () => {
    const rows: CellValue[][] = [
      [
        "编号",
        "位置",
        "类型",
        "生产日期",
        "最近维修日期",
        "压力状态",
        "最近检查日期",
        "处理情况",
        "处理日期",
      ],
      ["A1", "一楼", "二氧化碳", "2011-11-15", "2023-01-01", "绿区", "2023-10-05", "", ""],
      ["A2", "二楼", "干粉", "2017-06-01", "2022-06-10", "绿区", "2023-10-05", "", ""],
      ["A3", "三楼", "干粉", "2017-06-01", "2021-06-10", "绿区", "2023-10-05", "", ""],
      ["A4", "四楼", "干粉", "2022-06-01", "", "压力不足", "2023-10-10", "", ""],
      ["A5", "五楼", "干粉", "2022-06-01", "", "红区", "2023-10-05", "已充装", "2023-10-08"],
      ["A6", "六楼", "泡沫？", "2022-06-01", "", "绿区", "2023-10-05", "", ""],
    ];
    const report = await check([{ name: "灭火器台账", rows }], "2023-10-25");
    // Errors first, then warnings.
    expect(rules(report)).toEqual([
      ["safety/extinguisher-pressure", "F5"],
      ["safety/extinguisher-service-due", "E4"],
    ]);
    const later = await check([{ name: "灭火器台账", rows }], "2023-12-02");
    expect(rules(later)).toEqual(
      expect.arrayContaining([
        ["safety/extinguisher-scrap", "D2"],
        ["safety/extinguisher-unchecked", "G3"],
      ]),
    );
  });

  it("follows the school's own plan sheet when it has one", async () => {
    const plan: CellValue[][] = [
      ["工作内容", "频次", "责任人"],
      ["水电煤气线路检查", "每月", "后勤"],
    ];
    const rows: CellValue[][] = [
      ["检查日期", "检查项目"],
      ["2023-10-09", "水电煤气线路检查"],
      ["2023-11-06", "水电煤气线路检查"],
    ];
    const report = await check(
      [
        { name: "安全检查计划", rows: plan },
        { name: "安全检查记录", rows },
      ],
      "2023-11-30",
    );
    // Monthly in this school's plan: two months, two records, nothing missed (only the info that
    // the settings have no semesters).
    expect(report.findings.map((f) => f.rule)).toEqual(["safety/no-semesters"]);
    expect(report.reports[0]?.rows).toEqual([
      expect.objectContaining({ dutyId: "utilities-inspection", planned: 2, onTime: 2, missed: 0 }),
    ]);
  });

  it("reports a guard log that lacks a column once, as info", async () => {
    const rows: CellValue[][] = [
      ["日期", "出门证", "卫生"],
      ["2023-10-09", "√", "√"],
    ];
    const report = await check([{ name: "门卫工作记录", rows }], "2023-10-09");
    expect(
      report.findings.filter((f) => f.rule === "safety/log-column-missing").map((f) => f.severity),
    ).toEqual(["info", "info", "info"]);
  });
});

describe("the judged period", () => {
  it("is not stretched by a mistyped year", async () => {
    const rows: CellValue[][] = [["检查日期", "检查项目"]];
    for (const d of ["2023-10-09", "2023-10-16", "2022-10-23", "2023-10-30"])
      rows.push([d, "水电煤气线路检查"]);
    const report = await check([{ name: "安全检查记录", rows }], "2023-11-01");
    // Only the week of 23 October 2023 is missing (its record says 2022); the year before is not judged.
    expect(rules(report)).toEqual([["safety/missed-check", "A5"]]);
  });
});
