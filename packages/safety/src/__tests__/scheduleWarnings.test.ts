import { createSchoolCalendar } from "@houqin/core";
import { describe, expect, it } from "vitest";
import { generateSchedule } from "../generateSchedule.js";
import { DEFAULT_SAFETY_PLAN } from "../plan.js";
import { scheduleWarnings } from "../scheduleWarnings.js";

const SEMESTERS = [{ name: "2023–2024 第一学期", start: "2023-09-01", end: "2024-01-26" }];
const CLASSES = ["一(1)班", "一(2)班"];

describe("scheduleWarnings", () => {
  it("has nothing to say about a semester with holiday data and a class list", () => {
    const calendar = createSchoolCalendar({ semesters: SEMESTERS });
    const schedule = generateSchedule(DEFAULT_SAFETY_PLAN, calendar, {
      from: "2023-09-01",
      to: "2024-01-26",
      classes: CLASSES,
    });
    expect(scheduleWarnings({ calendar }, schedule, "2023-09-01", "2024-01-26")).toEqual([]);
  });

  it("warns of no semesters, each year without holiday data and no class list, in that order", () => {
    const calendar = createSchoolCalendar();
    const schedule = generateSchedule(DEFAULT_SAFETY_PLAN, calendar, {
      from: "2040-12-01",
      to: "2041-01-31",
    });
    const warnings = scheduleWarnings({ calendar }, schedule, "2040-12-01", "2041-01-31");
    expect(warnings.map((w) => w.code)).toEqual([
      "no-semesters",
      "uncovered-year",
      "uncovered-year",
      "no-classes",
    ]);
    expect(warnings[1]?.message).toEqual({
      "zh-CN": "暂无 2040 年的法定节假日和调休数据，该年按周一至周五上学计算",
      en: "No statutory holiday data for 2040 yet; Monday to Friday are taken as school days",
    });
    expect(warnings[2]?.message.en).toContain("2041");
    expect(warnings[0]?.message["zh-CN"]).toContain("没有学期日期");
    expect(warnings[3]?.message["zh-CN"]).toContain("1530 轮值表为空");
  });

  it("says nothing of the class list when the plan has no rotating duty", () => {
    const calendar = createSchoolCalendar({ semesters: SEMESTERS });
    const plan = {
      ...DEFAULT_SAFETY_PLAN,
      duties: DEFAULT_SAFETY_PLAN.duties.filter((d) => d.role !== "rotating-class"),
    };
    const schedule = generateSchedule(plan, calendar, { from: "2023-09-01", to: "2024-01-26" });
    expect(schedule.roster1530).toEqual([]);
    expect(scheduleWarnings({ calendar }, schedule, "2023-09-01", "2024-01-26")).toEqual([]);
  });
});
