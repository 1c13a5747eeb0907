import type { CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { byClassThenName, coachingCheck } from "../checkCoaching.js";
import { athletes, attendance, attendanceSheet, clubs, coaches, meet, signups } from "../kinds.js";

const sports: HouqinModule = {
  id: "sports",
  title: { "zh-CN": "体育", en: "Sports" },
  kinds: [athletes, coaches, meet, clubs, signups, attendance, attendanceSheet],
  checks: [coachingCheck],
};

// A 姓名 B 班级 C 性别 D 参赛项目 E 最好成绩
const ATHLETES_HEADER: CellValue[] = ["姓名", "班级", "性别", "参赛项目", "最好成绩"];
// A 教练 B 执教项目 C 可带训日 D 最多带训人数
const COACHES_HEADER: CellValue[] = ["教练", "执教项目", "可带训日", "最多带训人数"];

const TEAM: CellValue[][] = [
  ["张三", "五(1)班", "男", "100米、跳远", "13.2秒；4.10米"],
  ["李四", "五(2)班", "男", "200米", "28.0秒"],
  ["王芳", "四(3)班", "女", "100米", "14.1秒"],
  ["赵丽", "四(1)班", "女", "跳远", "3.45米"],
];

const STAFF: CellValue[][] = [
  ["陈老师", "短跑", "周一至周五", 5],
  ["刘老师", "跳远、跳高", "一、三、五", 4],
];

async function check(
  team: CellValue[][] | null,
  staff: CellValue[][] | null,
  options: { settings?: CellValue[][]; lang?: "zh-CN" | "en"; teamTitle?: boolean } = {},
) {
  const sheets = [
    ...(options.settings ? [{ name: "设置", rows: options.settings }] : []),
    ...(team
      ? [
          {
            name: "运动员名单",
            rows: [...(options.teamTitle ? [["田径队名单"], []] : []), ATHLETES_HEADER, ...team],
          },
        ]
      : []),
    ...(staff ? [{ name: "教练员", rows: [COACHES_HEADER, ...staff] }] : []),
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [sports],
    today: "2030-01-01",
    asOf: "2023-09-15",
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

type Result = Awaited<ReturnType<typeof check>>;
const found = (r: Result) => r.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell]);
const reportOf = (r: Result, id: string) => r.reports.find((x) => x.id === id);

describe("checkCoaching", () => {
  it("gives every athlete a coach and publishes the assignment sorted by coach, class and name", async () => {
    const report = await check(TEAM, STAFF);
    expect(report.findings).toEqual([]);
    const rows = reportOf(report, "sports.coach-assignment")?.rows;
    expect(rows?.map((r) => [r.coach, r.athlete, r.className, r.group, r.events])).toEqual([
      ["陈老师", "王芳", "四(3)班", "短跑", "100米"],
      ["陈老师", "张三", "五(1)班", "短跑", "100米"],
      ["陈老师", "李四", "五(2)班", "短跑", "200米"],
      ["刘老师", "赵丽", "四(1)班", "跳跃", "跳远"],
      ["刘老师", "张三", "五(1)班", "跳跃", "跳远"],
    ]);
    expect(rows?.[1]).toMatchObject({ gender: "男", bestMarks: "13.2秒;4.10米" });
    expect(reportOf(report, "sports.coach-load")?.rows).toEqual([
      { coach: "陈老师", events: "短跑", max: 5, assigned: 3 },
      { coach: "刘老师", events: "跳远、跳高", max: 4, assigned: 2 },
    ]);
  });

  it("reports an athlete whose event no coach coaches, at the events cell", async () => {
    const report = await check([...TEAM, ["孙七", "六(1)班", "男", "铅球", null]], STAFF);
    expect(found(report)).toEqual([["sports/athlete-without-coach", "error", "运动员名单", "D6"]]);
    expect(report.findings[0]?.message).toBe("六(1)班孙七的投掷项目没有教练可带：没有教练报带铅球");
    expect(report.findings[0]?.clause).toBe("三(五)2");
    expect(report.findings[0]?.data).toMatchObject({
      athlete: "孙七",
      group: "投掷",
      events: ["铅球"],
      reason: "no-coach-for-event",
    });
    const rows = reportOf(report, "sports.coach-assignment")?.rows ?? [];
    expect(rows[rows.length - 1]).toMatchObject({ coach: "（未安排）", athlete: "孙七", group: "投掷" });
  });

  it("reports athletes left over when the coaches who could take them are full, naming them and their limits", async () => {
    const staff: CellValue[][] = [
      ["陈老师", "短跑", null, 1],
      ["刘老师", "跳远", null, 4],
    ];
    const team: CellValue[][] = [
      ["张三", "五(1)班", "男", "100米", null],
      ["李四", "五(2)班", "男", "200米", null],
      ["赵丽", "四(1)班", "女", "跳远", null],
    ];
    const report = await check(team, staff);
    const rules = report.findings.map((f) => f.rule);
    expect(rules).toEqual(["sports/athlete-without-coach"]);
    const f = report.findings[0];
    expect(["D2", "D3"]).toContain(f?.cell);
    expect(f?.message).toMatch(
      /^五\([12]\)班(张三|李四)的短跑项目无法安排教练：能带的教练陈老师（上限1人）都已带满$/,
    );
    expect(f?.data).toMatchObject({ reason: "coaches-full" });
  });

  it("reports the events cell of the row listing the uncovered group when an athlete has a row per event", async () => {
    const team: CellValue[][] = [
      ["张三", "五(1)班", "男", "100米", null],
      ["张三", "五(1)班", "男", "铅球", null],
    ];
    const report = await check(team, STAFF);
    expect(found(report)).toEqual([
      ["sports/athlete-without-coach", "error", "运动员名单", "D3"],
      ["sports/coach-without-athletes", "info", "教练员", "A3"],
    ]);
  });

  it("notes a coach who got nobody, saying whether anybody is in their events", async () => {
    const staff: CellValue[][] = [...STAFF, ["周老师", "铅球、实心球", null, 6]];
    const report = await check(TEAM, staff);
    expect(found(report)).toEqual([["sports/coach-without-athletes", "info", "教练员", "A4"]]);
    expect(report.findings[0]?.message).toBe(
      "教练周老师（执教铅球、实心球）没有分到运动员：没有运动员报这些项目",
    );
    expect(report.findings[0]?.data).toMatchObject({ athletesInEvents: false });
  });

  it("says so once when there are athletes but no coaches table", async () => {
    const report = await check(TEAM, null, { teamTitle: true });
    expect(found(report)).toEqual([["sports/no-coaches", "info", "运动员名单", "A3"]]);
    expect(report.findings[0]?.message).toBe(
      "有 4 名运动员，但工作簿里没有教练员名单（教练员、执教项目），无法落实“人盯人”分工",
    );
    expect(report.reports).toEqual([]);
  });

  it("keeps quiet about coaches when there are no athletes", async () => {
    const report = await check(null, STAFF);
    expect(report.findings).toEqual([]);
  });

  it("applies the 项目分组 setting and the default coach limit", async () => {
    const team: CellValue[][] = [
      ["张三", "五(1)班", "男", "跨栏", null],
      ["李四", "五(2)班", "男", "100米", null],
    ];
    const staff: CellValue[][] = [["陈老师", "短跑", null, null]];
    const report = await check(team, staff, {
      settings: [
        ["项目分组", "跨栏=短跑"],
        ["教练带训人数上限", 1],
      ],
    });
    // 跨栏 is a sprint now, so 陈老师 can take either boy, but only one.
    expect(report.findings.map((f) => f.rule)).toEqual(["sports/athlete-without-coach"]);
    expect(report.findings[0]?.data).toMatchObject({ group: "短跑", reason: "coaches-full" });
    expect(reportOf(report, "sports.coach-load")?.rows).toEqual([
      { coach: "陈老师", events: "短跑", max: 1, assigned: 1 },
    ]);
  });

  it("says it in English", async () => {
    const report = await check([["孙七", "六(1)班", "男", "铅球", null]], [["陈老师", "铅球", null, 0]], {
      lang: "en",
    });
    expect(report.findings.map((f) => f.message)).toEqual([
      "六(1)班: 孙七 cannot be given a throws coach: the coaches who could take them, 陈老师 (max 0), are all full",
      "Coach 陈老师 (铅球) was given no athlete: the athletes in these events are coached by others",
    ]);
  });

  it("reads messy sheets: full-width digits, blank rows and a #REF! best mark", async () => {
    const team: CellValue[][] = [
      ["张三", "五(1)班", "男", "１００米、跳远", { error: "#REF!" }],
      [null, null, null, null, null],
      ["李四", "五(2)班", "男", "200 米", null],
    ];
    const staff: CellValue[][] = [
      ["陈老师", "100米、200米", "周一至周五", "５"],
      ["刘老师", "跳远", null, null],
    ];
    const report = await check(team, staff, { teamTitle: true });
    expect(found(report)).toEqual([["workbook/error-value", "error", "运动员名单", "E4"]]);
    expect(reportOf(report, "sports.coach-load")?.rows).toEqual([
      { coach: "陈老师", events: "100米、200米", max: 5, assigned: 2 },
      { coach: "刘老师", events: "跳远", max: "不限", assigned: 1 },
    ]);
  });
});

describe("byClassThenName", () => {
  it("orders classes by grade and number written in Chinese or digits", () => {
    const people = [
      { className: "五(10)班", name: "甲" },
      { className: "四(1)班", name: "乙" },
      { className: "五(2)班", name: "丙" },
      { className: "三年级2班", name: "丁" },
    ];
    expect([...people].sort(byClassThenName).map((p) => p.className)).toEqual([
      "三年级2班",
      "四(1)班",
      "五(2)班",
      "五(10)班",
    ]);
  });
});
