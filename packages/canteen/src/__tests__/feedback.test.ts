import { type CellValue, isoToSerial } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { feedbackCheck } from "../checkFeedback.js";
import { feedback } from "../hygieneKinds.js";

const canteen: HouqinModule = {
  id: "canteen",
  title: { "zh-CN": "食堂", en: "Canteen" },
  kinds: [feedback],
  checks: [feedbackCheck],
};

const HEADER: CellValue[] = ["日期", "反馈人", "反馈内容", "回复内容", "回复日期"];

async function check(
  rows: CellValue[][],
  asOf: string,
  options: { header?: CellValue[]; settings?: CellValue[][]; lang?: "zh-CN" | "en" } = {},
) {
  const sheets = [
    ...(options.settings ? [{ name: "设置", rows: options.settings }] : []),
    { name: "意见反馈", rows: [options.header ?? HEADER, ...rows] },
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [canteen],
    today: "2030-01-01",
    asOf,
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

const found = (r: Awaited<ReturnType<typeof check>>) => r.findings.map((f) => [f.rule, f.severity, f.cell]);

describe("checkFeedback", () => {
  it("finds nothing wrong with feedback answered in time", async () => {
    const report = await check(
      [
        ["2023-10-09", "家长", "菜品偏咸", "已与厨师沟通，减少用盐", "2023-10-10"],
        ["2023-10-12", "学生", "希望增加水果", "每周三增加水果", "2023-10-18"],
      ],
      "2023-11-01",
    );
    expect(report.tables.map((t) => t.kind)).toEqual(["canteen.feedback"]);
    expect(report.findings).toEqual([]);
  });

  it("reports feedback unanswered past the limit at its answered-on cell, not one still within it", async () => {
    const report = await check(
      [
        ["2023-10-09", "家长", "菜品偏咸", null, null],
        ["2023-10-12", "学生", "希望增加水果", "暂无", null],
      ],
      "2023-10-17",
    );
    expect(found(report)).toEqual([["canteen/feedback-unanswered", "warning", "E2"]]);
    expect(report.findings[0]?.message).toBe(
      "2023-10-09 收到的家长的意见“菜品偏咸”到 2023-10-17 仍未回复，已过 6 个上学日（回复时限 5 个上学日）",
    );
    expect(report.findings[0]?.clause).toBe("三(三)6");
    expect(report.findings[0]?.data).toMatchObject({ date: "2023-10-09", from: "家长", schoolDays: 6 });
  });

  it("counts 暂无 as no answer, and an answer without a date as answered", async () => {
    const report = await check(
      [
        ["2023-10-09", "学生", "希望增加水果", "暂无", null],
        ["2023-10-09", "家长", "菜品偏咸", "已电话回复", null],
      ],
      "2023-10-20",
      { lang: "en" },
    );
    expect(found(report)).toEqual([["canteen/feedback-unanswered", "warning", "E2"]]);
    expect(report.findings[0]?.message).toBe(
      "Feedback from 学生 received on 2023-10-09, “希望增加水果”, was still not answered on 2023-10-20, after 9 school days (limit: 5)",
    );
  });

  it("notes feedback answered later than the limit", async () => {
    const report = await check(
      [["2023-09-27", "家长", "饭菜偏凉", "增加保温箱", "2023-10-12"]],
      "2023-11-01",
    );
    expect(found(report)).toEqual([["canteen/feedback-answered-late", "info", "E2"]]);
    expect(report.findings[0]?.message).toBe(
      "2023-09-27 收到的家长的意见“饭菜偏凉”在 2023-10-12 才回复，用了 7 个上学日（回复时限 5 个上学日）",
    );
  });

  it("takes the limit from the settings", async () => {
    const report = await check(
      [["2023-09-27", "家长", "饭菜偏凉", "增加保温箱", "2023-10-12"]],
      "2023-11-01",
      {
        settings: [["意见回复时限", 10]],
      },
    );
    expect(report.findings).toEqual([]);
  });

  it("says once that a log without answer columns cannot be checked", async () => {
    const report = await check(
      [
        ["2023-10-09", "家长", "菜品偏咸"],
        ["2023-10-10", "学生", "希望增加水果"],
      ],
      "2023-11-01",
      { header: ["日期", "来源", "意见建议"] },
    );
    expect(report.tables.map((t) => t.columns)).toEqual([{ date: "A", from: "B", content: "C" }]);
    expect(found(report)).toEqual([["canteen/feedback-unanswered", "info", "C1"]]);
  });

  it("publishes the handling by month with the median school days to an answer", async () => {
    const report = await check(
      [
        ["2023-09-04", "家长", "菜品偏咸", "减少用盐", "2023-09-05"],
        ["2023-09-11", "学生", "米饭偏硬", "调整水量", "2023-09-14"],
        ["2023-10-09", "家长", "饭菜偏凉", "增加保温箱", "2023-10-10"],
        ["2023-10-16", "学生", "希望增加水果", null, null],
      ],
      "2023-10-18",
    );
    expect(report.findings).toEqual([]);
    const [published] = report.reports;
    expect(published?.id).toBe("canteen.feedback-monthly");
    expect(published?.title["zh-CN"]).toBe("意见反馈处理情况");
    expect(published?.rows).toEqual([
      { month: "2023-09", received: 2, answered: 2, unanswered: 0, medianDays: 2 },
      { month: "2023-10", received: 2, answered: 1, unanswered: 1, medianDays: 1 },
      { month: "合计", received: 4, answered: 3, unanswered: 1, medianDays: 1 },
    ]);
  });

  it("reads serial and text dates and leaves an unreadable answer date to the row parser", async () => {
    const report = await check(
      [
        [isoToSerial("2023-10-09", "1900"), "家长", "菜品偏咸", "减少用盐", "2023年10月20日"],
        [null, null, null, null, null],
        ["2023/10/10", "学生", "希望增加水果", null, { error: "#REF!" }],
        ["２０２３．１０．１１", "学生", "汤太淡", null, null],
      ],
      "2023-10-31",
    );
    expect(found(report)).toEqual([
      ["workbook/error-value", "error", "E4"],
      ["canteen/feedback-unanswered", "warning", "E5"],
      ["canteen/feedback-answered-late", "info", "E2"],
    ]);
  });

  it("counts 未回复, 待回复, 暂未回复, 尚未答复, 未处理 as no answer, in the findings and the monthly report", async () => {
    const report = await check(
      [
        ["2024-10-08", "家长", "菜太咸", "未回复", null],
        ["2024-10-09", "学生", "米饭太硬", "待回复", null],
        ["2024-10-10", "学生", "米饭太硬", "暂未回复", null],
        ["2024-10-11", "学生", "汤太淡", "尚未答复。", null],
        ["2024-10-14", "家长", "餐具有油", "未处理", null],
        ["2024-10-15", "家长", "窗口太少", "已增开一个窗口", null],
      ],
      "2024-12-31",
    );
    expect(found(report)).toEqual([
      ["canteen/feedback-unanswered", "warning", "E2"],
      ["canteen/feedback-unanswered", "warning", "E3"],
      ["canteen/feedback-unanswered", "warning", "E4"],
      ["canteen/feedback-unanswered", "warning", "E5"],
      ["canteen/feedback-unanswered", "warning", "E6"],
    ]);
    expect(report.reports.find((r) => r.id === "canteen.feedback-monthly")?.rows[0]).toMatchObject({
      month: "2024-10",
      received: 6,
      answered: 1,
      unanswered: 5,
    });
  });
});
