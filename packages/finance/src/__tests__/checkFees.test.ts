import type { CellValue } from "@houqin/core";
import { MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { finance } from "../index.js";

const SCHEDULE: CellValue[][] = [
  ["收费项目", "收费标准", "计费单位", "批准文件", "公示日期"],
  ["课后服务费", 600, "元/生·学期", "示例区发改〔2023〕18号", "2023-08-25"],
  ["午餐费", "1,300.00元", "元/生·学期", "示例区教育局〔2023〕21号", "2023-08-25"],
  ["研学实践费", 150, "元/次", "示例区教育局〔2023〕30号", "2023-10-10"],
  ["作业本费", "２４", "元/生·学期", "示例区发改〔2022〕9号", null],
];

async function check(
  charges: CellValue[][],
  schedule: CellValue[][] | null = SCHEDULE,
  lang: "zh-CN" | "en" = "zh-CN",
) {
  const sheets = [
    ...(schedule ? [{ name: "收费标准", rows: schedule }] : []),
    { name: "收费明细", rows: [["班级", "学生姓名", "收费项目", "金额", "缴费日期"], ...charges] },
  ];
  const report = await runChecks(new MemoryWorkbook({ sheets }), {
    modules: [finance],
    today: "2023-11-01",
    lang,
  });
  return report.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    cell: f.cell,
    message: f.message,
  }));
}

describe("checkFees", () => {
  it("finds nothing wrong with approved, publicised charges at or below the standard", async () => {
    const findings = await check([
      ["三(2)班", "王小明", "课后服务费", 600, "2023-09-04"],
      ["三(2)班", "李华", "午餐费", "¥1,300.00", "2023年9月5日"],
      ["四(1)班", "张三", "研学实践费", 120, "2023-10-11"],
    ]);
    // 作业本费 was never publicised, but it was not charged either: nothing to report.
    expect(findings).toEqual([]);
  });

  it("reports a charge for an item that is not in the schedule, at the item cell", async () => {
    const findings = await check([["三(2)班", "王小明", "资料费", 50, "2023-09-12"]]);
    expect(findings).toContainEqual({
      rule: "finance/unapproved-fee",
      severity: "error",
      cell: "C2",
      message: "收费项目“资料费”不在“收费标准”表列出的批准项目中，不得收取",
    });
  });

  it("matches items despite full-width characters and bracketed notes", async () => {
    const findings = await check([["三(2)班", "王小明", "课后服务费（秋季）", 600, "2023-09-12"]]);
    expect(findings.filter((f) => f.rule === "finance/unapproved-fee")).toEqual([]);
  });

  it("reports an amount above the standard with both amounts, to the fen", async () => {
    const findings = await check([["三(2)班", "王小明", "午餐费", 1300.01, "2023-09-12"]]);
    expect(findings).toContainEqual({
      rule: "finance/over-standard",
      severity: "error",
      cell: "D2",
      message: "“午餐费”收取 ¥1,300.01，超过批准标准 ¥1,300.00（超出 ¥0.01）",
    });
  });

  it("reports a charge made before the item was publicised, at the date cell", async () => {
    const findings = await check([["三(2)班", "王小明", "研学实践费", 150, "2023-10-08"]]);
    expect(findings).toContainEqual({
      rule: "finance/not-publicised",
      severity: "warning",
      cell: "E2",
      message: "“研学实践费”于 2023-10-08 收取，早于公示日期 2023-10-10",
    });
  });

  it("reports an item never publicised once, at its schedule row, with the number of charges", async () => {
    const findings = await check([
      ["三(2)班", "王小明", "作业本费", 24, "2023-09-04"],
      ["三(3)班", "李华", "作业本费", 24, "2023-09-04"],
    ]);
    const never = findings.filter((f) => f.rule === "finance/not-publicised");
    expect(never).toEqual([
      {
        rule: "finance/not-publicised",
        severity: "warning",
        cell: "E5",
        message: "收费项目“作业本费”未填公示日期，视为未公示，却已收取 2 笔",
      },
    ]);
  });

  it("says once that charges cannot be checked when there is no fee schedule", async () => {
    const findings = await check([["三(2)班", "王小明", "资料费", 50, "2023-09-12"]], null, "en");
    expect(findings).toEqual([
      {
        rule: "finance/no-fee-schedule",
        severity: "info",
        cell: "C1",
        message:
          "No fee schedule was found in the workbook; charges cannot be checked against approved standards",
      },
    ]);
  });

  it("keeps checking the other rows when one row is unreadable", async () => {
    const findings = await check([
      ["三(2)班", "王小明", "课后服务费", { error: "#REF!" }, "2023-09-04"],
      ["三(2)班", "李华", "资料费", 50, "2023-09-05"],
    ]);
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([
      ["workbook/error-value", "D2"],
      ["finance/unapproved-fee", "C3"],
    ]);
  });

  it("keeps items that differ only in their bracketed note apart", async () => {
    const schedule: CellValue[][] = [
      ["收费项目", "收费标准", "公示日期"],
      ["校服费（夏季）", 120, "2023-08-25"],
      ["校服费（冬季）", 260, "2023-08-25"],
    ];
    const findings = await check(
      [
        ["三(2)班", "王小明", "校服费(冬季)", 260, "2023-09-04"],
        ["三(2)班", "李华", "校服费（夏季）", 260, "2023-09-04"],
        ["三(2)班", "张三", "校服费", 120, "2023-09-04"],
      ],
      schedule,
    );
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([
      ["finance/over-standard", "D3"],
      ["finance/unapproved-fee", "C4"],
    ]);
  });

  it("does not call an item unpublicised when its publicity cell says something unreadable", async () => {
    const schedule: CellValue[][] = [
      ["收费项目", "收费标准", "公示日期"],
      ["课后服务费", 600, "已公示"],
    ];
    const findings = await check([["三(2)班", "王小明", "课后服务费", 600, "2023-09-04"]], schedule);
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([["workbook/unreadable-cell", "C2"]]);
  });

  it("reads a fee schedule whose standard column is headed 金额", async () => {
    const schedule: CellValue[][] = [
      ["收费项目", "金额", "计费单位", "批准文件", "公示日期"],
      ["课后服务费", 600, "元/生·学期", "示例区发改〔2023〕18号", "2023-08-25"],
    ];
    const findings = await check([["三(2)班", "王小明", "课后服务费", 700, "2023-09-04"]], schedule);
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([["finance/over-standard", "D2"]]);
  });
});
