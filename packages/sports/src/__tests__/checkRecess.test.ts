import { assets } from "@houqin/assets";
import { canteen } from "@houqin/canteen";
import type { Cell, CellValue } from "@houqin/core";
import { finance } from "@houqin/finance";
import { procurement } from "@houqin/procurement";
import { safety } from "@houqin/safety";
import { type HouqinModule, MemoryWorkbook, runChecks, type TableKind } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { recessCheck } from "../checkRecess.js";
import { athletes, attendance, attendanceSheet, clubs, coaches, meet, signups } from "../kinds.js";
import {
  afterSchool,
  classGrade,
  gradeNumber,
  gradeSizes,
  parseGrades,
  parseMinutes,
  peTimetable,
  recessSegments,
  venues,
} from "../recessKinds.js";

type Rows = (CellValue | Cell)[][];

const RECESS_KINDS = [recessSegments, venues, gradeSizes, peTimetable, afterSchool];
const RECESS: HouqinModule = {
  id: "sports",
  title: { "zh-CN": "体育", en: "Sports" },
  kinds: RECESS_KINDS,
  checks: [recessCheck],
};

async function check(
  sheets: Record<string, Rows>,
  options: { lang?: "zh-CN" | "en"; modules?: HouqinModule[] } = {},
) {
  const wb = new MemoryWorkbook({ sheets: Object.entries(sheets).map(([name, rows]) => ({ name, rows })) });
  return runChecks(wb, {
    modules: options.modules ?? [RECESS],
    today: "2024-10-14",
    asOf: "2024-10-14",
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

type Report = Awaited<ReturnType<typeof check>>;
const found = (r: Report) => r.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell]);
const ours = (r: Report) => r.findings.filter((f) => f.rule.startsWith("sports/"));
const reportOf = (r: Report, id: string) => r.reports.find((x) => x.id === id);

/** 35 minutes, as a school writes it: a title, a blank row, units and full-width digits. */
const PROGRAMME: Rows = [
  ["2024学年第一学期阳光体育大课间安排"],
  [],
  ["环节", "时长（分钟）", "场地"],
  ["入场", "3分钟", "按轮换表"],
  ["广播操", 8, null],
  ["跑操", "１０", null],
  ["跳绳", "6'", null],
  ["自选活动", 5, null],
  ["放松退场", 3, null],
];

const VENUES: Rows = [
  ["场地名称", "容纳人数"],
  ["操场", 600],
  ["篮球场", 300],
  ["体育馆", 250],
  ["风雨操场", 400],
];

/** Six grades of 240–320 pupils: 1680, more than the 1550 the venues hold at once. */
const GRADES: Rows = [
  ["年级", "班级数", "人数"],
  ["一年级", 6, 240],
  ["二年级", 6, 256],
  ["三年级", 6, 272],
  ["四年级", 7, 288],
  ["五年级", 7, 304],
  ["六年级", 7, "320人"],
];

const WEEK = ["周一", "周二", "周三", "周四", "周五"];

describe("checkRecess", () => {
  it("builds the rotation of a realistic school and names the grade left without a venue each day", async () => {
    const report = await check({ 大课间安排: PROGRAMME, 活动场地: VENUES, 年级人数: GRADES });
    expect(Object.fromEntries(report.tables.map((t) => [t.sheet, t.kind]))).toEqual({
      大课间安排: "sports.recess-segments",
      活动场地: "sports.venues",
      年级人数: "sports.grade-sizes",
    });
    const withoutVenue = report.findings.filter((f) => f.rule === "sports/group-without-venue");
    // 一年级 alone fits 体育馆, so the other five take turns being left out, one a day, at their 人数 cell.
    expect(withoutVenue.map((f) => [f.severity, f.sheet, f.cell])).toEqual(
      ["C3", "C4", "C5", "C6", "C7"].map((cell) => ["warning", "年级人数", cell]),
    );
    expect(withoutVenue.map((f) => (f.data?.weekdays as number[] | undefined)?.length)).toEqual([
      1, 1, 1, 1, 1,
    ]);
    expect(withoutVenue[4]?.message).toMatch(
      /^六年级（320 人）周.没有分到大课间活动场地：各场地同时最多容纳 1550 人（最大的“操场”600 人），参加的 6 个年级\/班级共 1680 人/,
    );
    expect(withoutVenue.every((f) => f.clause === "三(五)1")).toBe(true);
    expect(report.findings.some((f) => f.rule === "sports/recess-too-short")).toBe(false);

    const rotation = reportOf(report, "sports.venue-rotation");
    expect(rotation?.columns.map((c) => c.title["zh-CN"])).toEqual(["年级", "人数", ...WEEK]);
    expect(rotation?.rows[0]).toEqual({
      group: "一年级",
      size: 240,
      d1: "体育馆",
      d2: "体育馆",
      d3: "体育馆",
      d4: "体育馆",
      d5: "体育馆",
    });
    const capacity: Record<string, number> = { 操场: 600, 篮球场: 300, 体育馆: 250, 风雨操场: 400 };
    const size = Object.fromEntries((rotation?.rows ?? []).map((r) => [r.group, r.size as number]));
    for (const d of [1, 2, 3, 4, 5]) {
      const load: Record<string, number> = {};
      for (const r of rotation?.rows ?? []) {
        const venue = r[`d${d}`] as string;
        if (venue in capacity) load[venue] = (load[venue] ?? 0) + (size[r.group as string] ?? 0);
      }
      for (const [venue, pupils] of Object.entries(load))
        expect(pupils).toBeLessThanOrEqual(capacity[venue] ?? 0);
      expect((rotation?.rows ?? []).filter((r) => r[`d${d}`] === "（无场地）")).toHaveLength(1);
    }

    const programme = reportOf(report, "sports.recess-programme");
    expect(programme?.rows.map((r) => [r.segment, r.start, r.end, r.minutes, r.venue])).toEqual([
      ["入场", 0, 3, 3, "按场地轮换表"],
      ["广播操", 3, 11, 8, "按场地轮换表"],
      ["跑操", 11, 21, 10, "按场地轮换表"],
      ["跳绳", 21, 27, 6, "按场地轮换表"],
      ["自选活动", 27, 32, 5, "按场地轮换表"],
      ["放松退场", 32, 35, 3, "按场地轮换表"],
      ["合计", null, null, 35, null],
    ]);
  });

  it("finds nothing wrong with a programme that meets the minimum and grades that reach two hours", async () => {
    const report = await check({
      大课间安排: [
        ["环节", "时长", "场地"],
        ["广播操", 10, "操场"],
        ["分区活动", 25, "分区轮换"],
      ],
      活动场地: VENUES,
      年级人数: [
        ["年级", "人数"],
        ["一年级", 240],
        ["二年级", 256],
      ],
      体育课: [
        ["年级", "星期", "体育课节数"],
        ["一年级", "周一至周五", 1],
        ["二年级", "周一至周五", 1],
      ],
      课后服务: [
        ["星期", "活动项目", "时长", "参加年级"],
        ["周一至周五", "足球、跳绳", "16:30-17:15", "全校"],
      ],
    });
    expect(report.tables.map((t) => t.kind)).toEqual([
      "sports.recess-segments",
      "sports.venues",
      "sports.grade-sizes",
      "sports.pe-timetable",
      "sports.after-school",
    ]);
    expect(report.findings).toEqual([]);
    const activity = reportOf(report, "sports.daily-activity");
    expect(activity?.rows[0]).toEqual({
      group: "一年级",
      weekday: "周一",
      recess: 35,
      pe: 40,
      afterSchool: 45,
      other: 0,
      total: 120,
      target: 120,
      status: "达标",
    });
    expect(activity?.rows).toHaveLength(10);
    expect(reportOf(report, "sports.venue-rotation")?.rows).toHaveLength(2);
  });

  it("reports a programme shorter than the minimum at its last minutes cell", async () => {
    const report = await check({
      大课间: [
        ["环节", "时长（分钟）"],
        ["广播操", 10],
        ["跳绳", 15],
      ],
    });
    const short = report.findings.filter((f) => f.rule === "sports/recess-too-short");
    expect(short.map((f) => [f.severity, f.sheet, f.cell, f.row])).toEqual([["warning", "大课间", "B3", 3]]);
    expect(short[0]?.message).toBe("大课间共 25 分钟，比要求的至少 30 分钟少 5 分钟");
    expect(short[0]?.data).toEqual({ totalMinutes: 25, minMinutes: 30, missingMinutes: 5 });
  });

  it("points at the totals row when the programme has one, and follows the 大课间时长 setting", async () => {
    const report = await check({
      设置: [
        ["设置项", "值"],
        ["大课间时长", "40分钟"],
      ],
      大课间: [
        ["环节", "时长"],
        ["广播操", 10],
        ["跑操", 25],
        ["合计", 35],
      ],
    });
    const short = report.findings.filter((f) => f.rule === "sports/recess-too-short");
    expect(short.map((f) => [f.sheet, f.cell])).toEqual([["大课间", "B4"]]);
    expect(short[0]?.message).toBe("大课间共 35 分钟，比要求的至少 40 分钟少 5 分钟");
  });

  it("says it in English", async () => {
    const report = await check(
      {
        大课间: [
          ["环节", "时长"],
          ["广播操", 10],
        ],
      },
      { lang: "en" },
    );
    expect(report.findings.find((f) => f.rule === "sports/recess-too-short")?.message).toBe(
      "The big recess lasts 10 minutes, 20 short of the required 30",
    );
  });

  it("reports a segment of 0 minutes and a fixed venue too small for everyone at their cells", async () => {
    const report = await check({
      大课间安排: [
        ["环节", "时长", "场地"],
        ["广播操", 10, "操场"],
        ["跑操", 25, "轮换"],
        ["跳绳", 0, null],
      ],
      活动场地: VENUES,
      年级人数: GRADES,
    });
    const rules = found(report).filter(([rule]) =>
      ["sports/recess-segment-minutes", "sports/venue-over-capacity"].includes(rule as string),
    );
    expect(rules).toEqual([
      ["sports/venue-over-capacity", "warning", "大课间安排", "C2"],
      ["sports/recess-segment-minutes", "warning", "大课间安排", "B4"],
    ]);
    expect(report.findings.find((f) => f.cell === "C2")?.message).toBe(
      "“广播操”安排全体在“操场”进行，6 个年级/班级共 1680 人，超过该场地可容纳的 600 人",
    );
  });

  it("reports each grade short of the daily target once, at its grade cell, listing the days", async () => {
    const report = await check({
      大课间安排: PROGRAMME,
      活动场地: [
        ["场地", "容纳人数"],
        ["操场", 2000],
      ],
      年级人数: GRADES.slice(0, 3),
      体育课安排: [
        ["年级", "星期", "节数"],
        ["一年级", "一、三、五", 1],
        ["一年级", "二、四", 2],
      ],
      课后服务: [
        ["星期", "项目", "时长", "年级"],
        ["周二", "篮球", "1小时", "一至二年级"],
        ["周四", "足球", 50, "二年级"],
      ],
    });
    const short = report.findings.filter((f) => f.rule === "sports/daily-activity-short");
    expect(short.map((f) => [f.sheet, f.cell])).toEqual([
      ["年级人数", "A2"],
      ["年级人数", "A3"],
    ]);
    expect(short[0]?.message).toBe(
      "一年级校内每天体育活动时间不足 120 分钟：周一、周三、周五 75 分钟，周四 115 分钟",
    );
    expect(short[1]?.message).toBe(
      "二年级校内每天体育活动时间不足 120 分钟：周一、周三、周五 35 分钟，周二 95 分钟，周四 85 分钟；没有二年级的体育课安排，体育课未计入，实际时间至少为此数",
    );
    expect(short[1]?.data).toMatchObject({ peGiven: false, lowerBound: true });
  });

  it("reads the settings for the target, the PE lesson and morning exercise", async () => {
    const report = await check({
      设置: [
        ["设置项", "值"],
        ["每日活动目标", "1.5小时"],
        ["体育课时长", 45],
        ["早操时长", 10],
      ],
      大课间安排: PROGRAMME,
      年级人数: GRADES.slice(0, 3),
      体育课安排: [
        ["年级", "星期", "体育课节数"],
        ["一年级", "周一至周五", 1],
      ],
    });
    const activity = reportOf(report, "sports.daily-activity");
    expect(activity?.rows[0]).toMatchObject({
      recess: 35,
      pe: 45,
      other: 10,
      total: 90,
      target: 90,
      status: "达标",
    });
    expect(
      report.findings.filter((f) => f.rule === "sports/daily-activity-short").map((f) => f.cell),
    ).toEqual(["A3"]);
  });

  it("counts a grade's PE by class as the least any of its classes has, and only PE rows of a timetable", async () => {
    const report = await check({
      大课间安排: PROGRAMME,
      年级人数: [
        ["年级", "人数"],
        ["三年级", 272],
      ],
      课表: [
        ["班级", "星期", "科目"],
        ["三(1)班", "周一", "体育"],
        ["三(1)班", "周一", "语文"],
        ["三(2)班", "周一", "体育与健康"],
        ["三(1)班", "周二", "体育"],
        ["三（2）班", "周三", "体育"],
      ],
    });
    expect(report.tables.find((t) => t.sheet === "课表")?.kind).toBe("sports.pe-timetable");
    const activity = reportOf(report, "sports.daily-activity");
    expect(activity?.rows.map((r) => r.pe)).toEqual([40, 0, 0, 0, 0]);
  });

  it("notes a PE or after-school row naming a grade that is not in the grade table", async () => {
    const report = await check({
      大课间安排: PROGRAMME,
      年级人数: GRADES.slice(0, 2),
      体育课安排: [
        ["年级", "星期", "体育课节数"],
        ["七年级", "周一", 1],
      ],
      课后服务: [
        ["星期", "活动项目", "时长", "参加年级"],
        ["周三", "轮滑", 60, "一年级、五年级"],
      ],
    });
    expect(found(report).filter(([rule]) => rule === "sports/unknown-grade")).toEqual([
      ["sports/unknown-grade", "info", "体育课安排", "A2"],
      ["sports/unknown-grade", "info", "课后服务", "D2"],
    ]);
    expect(report.findings.find((f) => f.sheet === "课后服务")?.message).toBe(
      "课后服务活动“轮滑”的参加年级“五年级”对不上年级人数表中的任何年级，未计入每日活动时间",
    );
    // 一年级 still gets its 60 minutes on Wednesday.
    expect(reportOf(report, "sports.daily-activity")?.rows[2]).toMatchObject({
      weekday: "周三",
      afterSchool: 60,
    });
  });

  it("does not count the weekend of 每天, and notes a session held only at the weekend", async () => {
    const report = await check({
      大课间安排: PROGRAMME,
      年级人数: GRADES.slice(0, 2),
      课后服务: [
        ["星期", "活动项目", "时长", "参加年级"],
        ["每天", "跳绳", 30, "全校"],
        ["周六", "足球", 90, "全校"],
      ],
    });
    expect(found(report).filter(([rule]) => rule === "sports/after-school-off-day")).toEqual([
      ["sports/after-school-off-day", "info", "课后服务", "A3"],
    ]);
    expect(reportOf(report, "sports.daily-activity")?.rows.map((r) => r.afterSchool)).toEqual([
      30, 30, 30, 30, 30,
    ]);
  });

  it("says once that no rotation could be built without a venue table", async () => {
    const report = await check({ 大课间安排: PROGRAMME, 年级人数: GRADES });
    expect(found(report).filter(([rule]) => rule === "sports/no-venue-rotation")).toEqual([
      ["sports/no-venue-rotation", "info", "大课间安排", "A3"],
    ]);
    expect(report.findings.find((f) => f.rule === "sports/no-venue-rotation")?.message).toBe(
      "有年级人数，但工作簿里没有活动场地表（场地、容纳人数），无法排出大课间场地轮换表",
    );
    expect(reportOf(report, "sports.venue-rotation")).toBeUndefined();
    expect(report.findings.some((f) => f.rule === "sports/group-without-venue")).toBe(false);
  });

  it("judges the whole school's day when there is no grade table", async () => {
    const report = await check({ 大课间安排: PROGRAMME, 活动场地: VENUES });
    expect(found(report)).toEqual([
      ["sports/daily-activity-short", "warning", "大课间安排", "A3"],
      ["sports/no-venue-rotation", "info", "大课间安排", "A3"],
    ]);
    expect(report.findings[1]?.message).toBe(
      "有活动场地表，但工作簿里没有年级人数表（年级、人数），无法排出大课间场地轮换表",
    );
    expect(report.findings[0]?.message).toBe(
      "全校校内每天体育活动时间不足 120 分钟：周一至周五每天 35 分钟；没有全校的体育课安排，体育课未计入，实际时间至少为此数；没有课后服务体育活动的安排，未计入",
    );
  });

  it("warns about a venue listed twice at the later row", async () => {
    const report = await check({
      大课间安排: PROGRAMME,
      活动场地: [...VENUES, ["操场", 500]],
      年级人数: GRADES.slice(0, 2),
    });
    expect(found(report).filter(([rule]) => rule === "sports/duplicate-venue")).toEqual([
      ["sports/duplicate-venue", "warning", "活动场地", "A6"],
    ]);
  });

  it("copes with messy cells: blank rows, a #REF! minutes cell, a time-formatted duration", async () => {
    const report = await check({
      大课间安排: [
        ["阳光体育大课间"],
        ["环节", "时长（分钟）", "场地"],
        ["入场", { value: 5 / 1440, text: "0:05" }, null],
        [],
        ["广播操", { value: { error: "#REF!" }, text: "#REF!" }, null],
        ["跑操", "十五分钟", null],
        ["跳绳", "１０分", null],
      ],
    });
    // The #REF! row is reported by the row parser alone; the rest adds up to 30 minutes.
    expect(
      found(report).filter(
        ([rule]) => rule !== "sports/daily-activity-short" && rule !== "sports/no-venue-rotation",
      ),
    ).toEqual([["workbook/error-value", "error", "大课间安排", "B5"]]);
    expect(reportOf(report, "sports.recess-programme")?.rows.map((r) => [r.segment, r.minutes])).toEqual([
      ["入场", 5],
      ["跑操", 15],
      ["跳绳", 10],
      ["合计", 30],
    ]);
  });

  it("does nothing without a programme", async () => {
    const report = await check({ 活动场地: VENUES, 年级人数: GRADES });
    expect(ours(report)).toEqual([]);
    expect(report.reports).toEqual([]);
  });
});

describe("the recess table kinds beside the other domains' kinds", () => {
  const sportsKinds: TableKind[] = [athletes, coaches, meet, clubs, signups, attendance, attendanceSheet];
  const all: HouqinModule[] = [
    safety,
    assets,
    procurement,
    canteen,
    finance,
    {
      id: "sports",
      title: { "zh-CN": "体育", en: "Sports" },
      kinds: [...sportsKinds, ...RECESS_KINDS],
      checks: [],
    },
  ];

  it("keeps every sheet with its own kind", async () => {
    const report = await check(
      {
        班级名单: [
          ["班级", "班主任", "人数"],
          ["三(1)班", "张老师", 45],
        ],
        班级花名册: [
          ["年级", "班级", "班主任", "人数"],
          ["三年级", "三(1)班", "张老师", 45],
        ],
        社团设置: [
          ["社团名称", "指导教师", "活动场地", "限报人数", "活动时间"],
          ["篮球", "李红", "篮球场", 30, "周三社团"],
        ],
        安全教育: [
          ["日期", "班级", "教育内容", "时长"],
          ["2024-09-06", "三(1)班", "交通安全", 10],
        ],
        演练记录: [
          ["日期", "演练项目", "参加人数"],
          ["2024-09-18", "防空演练", 1600],
        ],
        运动员名单: [
          ["姓名", "年级", "班级", "参赛项目"],
          ["王子涵", "四年级", "四(1)班", "100米"],
        ],
        大课间安排: PROGRAMME,
        活动场地: VENUES,
        年级人数: GRADES,
        体育课: [
          ["班级", "星期", "体育课节数"],
          ["三(1)班", "周一", 1],
        ],
        课后服务: [
          ["星期", "活动项目", "时长", "参加年级"],
          ["周一", "足球", 60, "三年级"],
        ],
        值日表: [
          ["星期", "班级", "值日内容"],
          ["周一", "三(1)班", "升旗"],
        ],
      },
      { modules: all },
    );
    const kinds = Object.fromEntries(report.tables.map((t) => [t.sheet, t.kind]));
    expect(kinds).toMatchObject({
      班级名单: "safety.classes",
      班级花名册: "safety.classes",
      社团设置: "sports.clubs",
      安全教育: "safety.education-log",
      运动员名单: "sports.athletes",
      大课间安排: "sports.recess-segments",
      活动场地: "sports.venues",
      年级人数: "sports.grade-sizes",
      体育课: "sports.pe-timetable",
      课后服务: "sports.after-school",
    });
    expect(kinds.演练记录).not.toMatch(/^sports\./);
    expect(kinds.值日表).toBeUndefined();
  });

  it("reads a weekly recess plan without a grade column as the programme on a 大课间 sheet", async () => {
    const report = await check(
      {
        大课间: [
          ["星期", "活动内容", "时长"],
          ["周一", "跳绳", 30],
        ],
        课后服务安排: [
          ["星期", "活动内容", "时长"],
          ["周一", "篮球", 60],
        ],
      },
      { modules: all },
    );
    expect(Object.fromEntries(report.tables.map((t) => [t.sheet, t.kind]))).toEqual({
      大课间: "sports.recess-segments",
      课后服务安排: "sports.after-school",
    });
  });
});

describe("reading the cells", () => {
  it("reads minutes as people write them", () => {
    expect(
      ["10", "10分钟", "１０分", "10'", "10′", "10 min", "十分钟", "约10分钟"].map(parseMinutes),
    ).toEqual(Array(8).fill(10));
    expect(parseMinutes("1小时")).toBe(60);
    expect(parseMinutes("1.5小时")).toBe(90);
    expect(parseMinutes("1小时20分")).toBe(80);
    expect(parseMinutes("一个小时")).toBe(60);
    expect(parseMinutes("16:30-17:20")).toBe(50);
    expect(parseMinutes("9：30～9：40")).toBe(10);
    expect(parseMinutes("看情况")).toBeUndefined();
    expect(parseMinutes("9:40-9:30")).toBeUndefined();
  });

  it("reads grades and classes", () => {
    expect(["一年级", "1年级", "初一", "七年级", "高二", "Grade 3", "三(2)班"].map(gradeNumber)).toEqual([
      1,
      1,
      7,
      7,
      11,
      3,
      undefined,
    ]);
    expect(
      ["三(2)班", "3（2）班", "三年级2班", "初一(3)班", "3.2班", "302班", "一年级"].map(classGrade),
    ).toEqual([3, 3, 3, 7, 3, 3, undefined]);
    expect(parseGrades("全校")).toEqual({ all: true });
    expect(parseGrades("一至三年级、五年级")).toEqual({ all: false, grades: [1, 2, 3, 5], names: [] });
    expect(parseGrades("3-4年级")).toEqual({ all: false, grades: [3, 4], names: [] });
    expect(parseGrades("三、四年级")).toEqual({ all: false, grades: [3, 4], names: [] });
    expect(parseGrades("高年级和三(2)班")).toEqual({ all: false, grades: [5, 6], names: ["三(2)班"] });
  });
});
