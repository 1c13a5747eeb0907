import type { CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clubsCheck } from "../checkClubs.js";
import { athletes, attendance, attendanceSheet, clubs, coaches, meet, signups } from "../kinds.js";

const sports: HouqinModule = {
  id: "sports",
  title: { "zh-CN": "体育", en: "Sports" },
  kinds: [athletes, coaches, meet, clubs, signups, attendance, attendanceSheet],
  checks: [clubsCheck],
};

// A 社团名称 B 指导教师 C 活动场地 D 限报人数 E 活动时间
const CLUBS_HEADER: CellValue[] = ["社团名称", "指导教师", "活动场地", "限报人数", "活动时间"];
// A 学号 B 姓名 C 班级 D 年级 E 性别 F 第一志愿 G 第二志愿 H 第三志愿
const SIGNUPS_HEADER: CellValue[] = [
  "学号",
  "姓名",
  "班级",
  "年级",
  "性别",
  "第一志愿",
  "第二志愿",
  "第三志愿",
];

const CLUBS: CellValue[][] = [
  ["田径社团", "陈老师", "田径场", 20, "周三社团、周五课后"],
  ["篮球社团", "刘老师", "篮球场", 2, "周三社团"],
  ["羽毛球社团", "周老师", "体育馆", 10, null],
];

const SIGNUPS: CellValue[][] = [
  ["2301", "张三", "五(1)班", "五年级", "男", "篮球社团", "田径社团", null],
  ["2302", "李四", "五(2)班", "五年级", "男", "篮球", "羽毛球", null],
  ["2303", "王芳", "四(3)班", "四年级", "女", "羽毛球社团", null, null],
  ["2304", "赵丽", "四(1)班", "四年级", "女", "田径", "篮球社团", "羽毛球社团"],
];

async function check(
  rows: CellValue[][],
  options: {
    clubs?: CellValue[][] | null;
    clubsHeader?: CellValue[];
    settings?: CellValue[][];
    lang?: "zh-CN" | "en";
  } = {},
) {
  const clubRows = options.clubs === undefined ? CLUBS : options.clubs;
  const sheets = [
    ...(options.settings ? [{ name: "设置", rows: options.settings }] : []),
    ...(clubRows ? [{ name: "社团设置", rows: [options.clubsHeader ?? CLUBS_HEADER, ...clubRows] }] : []),
    { name: "社团报名", rows: [SIGNUPS_HEADER, ...rows] },
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
const problems = found;
const reportOf = (r: Result, id: string) => r.reports.find((x) => x.id === id);
/** The 社团志愿录取情况 report as { students, first, second, third, unplaced, seed }. */
const stats = (r: Result) =>
  Object.fromEntries(
    (reportOf(r, "sports.club-choices")?.rows ?? []).map((row) => [
      row.key,
      row.key === "seed" ? row.share : row.students,
    ]),
  );

describe("checkClubs", () => {
  it("places everybody in a club they chose, with only the allocation summary to say", async () => {
    const report = await check(SIGNUPS, { settings: [["社团抽签种子", "2023秋"]] });
    expect(report.tables.map((t) => t.kind).sort()).toEqual(["sports.clubs", "sports.signups"]);
    expect(found(report)).toEqual([]);
    expect(stats(report)).toEqual({
      students: 4,
      first: 4,
      second: 0,
      third: 0,
      unplaced: 0,
      seed: "2023秋",
    });
    expect(reportOf(report, "sports.club-choices")?.rows[1]).toMatchObject({
      item: "第一志愿录取",
      share: "100.0%",
    });

    expect(reportOf(report, "sports.club-allocation")?.rows).toEqual([
      {
        student: "赵丽",
        className: "四(1)班",
        grade: "四年级",
        club: "田径社团",
        choice: "第一志愿",
        slot: "周三社团、周五课后",
      },
      {
        student: "王芳",
        className: "四(3)班",
        grade: "四年级",
        club: "羽毛球社团",
        choice: "第一志愿",
        slot: "周三社团",
      },
      {
        student: "张三",
        className: "五(1)班",
        grade: "五年级",
        club: "篮球社团",
        choice: "第一志愿",
        slot: "周三社团",
      },
      {
        student: "李四",
        className: "五(2)班",
        grade: "五年级",
        club: "篮球社团",
        choice: "第一志愿",
        slot: "周三社团",
      },
    ]);
    expect(
      reportOf(report, "sports.club-rosters")?.rows.map((r) => [
        r.club,
        r.coach,
        r.venue,
        r.no,
        r.student,
        r.gender,
      ]),
    ).toEqual([
      ["田径社团", "陈老师", "田径场", 1, "赵丽", "女"],
      ["篮球社团", "刘老师", "篮球场", 1, "张三", "男"],
      ["篮球社团", "刘老师", "篮球场", 2, "李四", "男"],
      ["羽毛球社团", "周老师", "体育馆", 1, "王芳", "女"],
    ]);
  });

  it("warns about a club without places at its 限报人数 cell and gives it no places", async () => {
    const clubRows: CellValue[][] = [
      CLUBS[0] as CellValue[],
      ["篮球社团", "刘老师", "篮球场", null, "周三社团"],
      CLUBS[2] as CellValue[],
    ];
    const rows: CellValue[][] = [
      ...SIGNUPS.slice(0, 2),
      ["2305", "孙七", "六(1)班", "六年级", "男", "篮球社团", null, null],
    ];
    const report = await check(rows, { clubs: clubRows });
    expect(problems(report)).toEqual([
      ["sports/club-capacity-missing", "warning", "社团设置", "D3"],
      ["sports/student-unplaced", "warning", "社团报名", "B4"],
    ]);
    expect(report.findings[0]?.message).toBe(
      "社团“篮球社团”没有填限报人数，暂按 0 个名额安排（不录取任何人），请补填",
    );
    // 张三 and 李四 get their second choices; 孙七 chose only 篮球; nobody is in 篮球.
    expect(reportOf(report, "sports.club-rosters")?.rows.filter((r) => r.club === "篮球社团")).toEqual([]);
  });

  it("does not allocate at all when the clubs table has no places column", async () => {
    const clubRows: CellValue[][] = CLUBS.map((r) => [
      r[0] ?? null,
      r[1] ?? null,
      r[2] ?? null,
      r[4] ?? null,
    ]);
    const report = await check(SIGNUPS, {
      clubs: clubRows,
      clubsHeader: ["社团名称", "指导教师", "活动场地", "活动时间"],
    });
    expect(found(report)).toEqual([["sports/club-capacity-missing", "warning", "社团设置", "A1"]]);
    expect(report.reports).toEqual([]);
  });

  it("reports a choice that names no club at its cell, and one that could be several", async () => {
    const clubRows: CellValue[][] = [...CLUBS, ["篮球提高班", "刘老师", "篮球场", 5, "周五课后"]];
    const rows: CellValue[][] = [
      ["2301", "张三", "五(1)班", "五年级", "男", "围棋", "田径", null],
      ["2302", "李四", "五(2)班", "五年级", "男", "篮球", null, null],
    ];
    const report = await check(rows, { clubs: clubRows });
    expect(problems(report)).toEqual([
      ["sports/unknown-club", "error", "社团报名", "F2"],
      ["sports/unknown-club", "error", "社团报名", "F3"],
      ["sports/student-unplaced", "warning", "社团报名", "B3"],
    ]);
    expect(report.findings.map((f) => f.message).slice(0, 2)).toEqual([
      "五(1)班张三的第一志愿“围棋”不在社团名单中",
      "五(2)班李四的第一志愿“篮球”不在社团名单中，可能是篮球社团、篮球提高班中的一个，请写社团全称",
    ]);
    expect(report.findings[2]?.message).toBe("五(2)班李四填报的志愿都不在社团名单中，未能安排社团");
    // 张三's 田径 is still his second choice.
    expect(reportOf(report, "sports.club-allocation")?.rows).toContainEqual(
      expect.objectContaining({ student: "张三", club: "田径社团", choice: "第二志愿" }),
    );
  });

  it("warns about the same club chosen twice at the later choice", async () => {
    const rows: CellValue[][] = [["2301", "张三", "五(1)班", "五年级", "男", "篮球社团", "田径社团", "篮球"]];
    const report = await check(rows);
    expect(problems(report)).toEqual([["sports/repeated-choice", "warning", "社团报名", "H2"]]);
    expect(report.findings.find((f) => f.rule === "sports/repeated-choice")?.message).toBe(
      "五(1)班张三的第三志愿“篮球”与第一志愿重复",
    );
  });

  it("warns about a student who signed up twice at the later row, counting the same choices once", async () => {
    const rows: CellValue[][] = [
      ...SIGNUPS,
      ["2302", "李四", "五(2)班", "五年级", "男", "篮球", "羽毛球", null],
    ];
    const report = await check(rows);
    expect(problems(report)).toEqual([["sports/duplicate-signup", "warning", "社团报名", "A6"]]);
    expect(report.findings.find((f) => f.rule === "sports/duplicate-signup")?.message).toBe(
      "五(2)班李四重复报名（第一次在第 3 行），志愿相同，按一次计",
    );
    expect(stats(report)).toMatchObject({
      students: 4,
    });
  });

  it("leaves a student who signed up twice with different choices unplaced", async () => {
    const rows: CellValue[][] = [...SIGNUPS, ["2302", "李四", "五(2)班", "五年级", "男", "田径", null, null]];
    const report = await check(rows);
    expect(problems(report)).toEqual([
      ["sports/student-unplaced", "warning", "社团报名", "B3"],
      ["sports/duplicate-signup", "warning", "社团报名", "A6"],
    ]);
    expect(report.findings.find((f) => f.rule === "sports/duplicate-signup")?.message).toBe(
      "五(2)班李四重复报名（第一次在第 3 行）且志愿不一致，请核对后只保留一行",
    );
    expect(report.findings.find((f) => f.rule === "sports/student-unplaced")?.message).toBe(
      "五(2)班李四交了 2 份志愿不一致的报名（第 3、6 行），未能安排社团，请核对后只保留一行",
    );
    expect(stats(report)).toMatchObject({
      unplaced: 1,
    });
  });

  it("warns about a student whose every choice is full, at the name cell", async () => {
    const clubRows: CellValue[][] = [["篮球社团", "刘老师", "篮球场", 1, null]];
    const rows: CellValue[][] = [
      ["2301", "张三", "五(1)班", "五年级", "男", "篮球社团", null, null],
      ["2302", "李四", "五(2)班", "五年级", "男", "篮球社团", null, null],
    ];
    const report = await check(rows, { clubs: clubRows, settings: [["学年", "2023-2024学年"]] });
    const unplaced = report.findings.filter((f) => f.rule === "sports/student-unplaced");
    expect(unplaced).toHaveLength(1);
    expect(["B2", "B3"]).toContain(unplaced[0]?.cell);
    expect(unplaced[0]?.message).toMatch(
      /^五\([12]\)班(张三|李四)填报的志愿（篮球社团）都已报满，未能安排社团，请与学生商量调剂$/,
    );
    expect(stats(report)).toMatchObject({ seed: "2023-2024学年", first: 1, unplaced: 1 });
  });

  it("lets a student have two clubs in different slots when 每人限报社团数 allows", async () => {
    const rows: CellValue[][] = [
      ["2301", "张三", "五(1)班", "五年级", "男", "篮球社团", "羽毛球社团", "田径社团"],
    ];
    const report = await check(rows, { settings: [["每人限报社团数", 2]] });
    // 篮球 and 羽毛球 both meet on Wednesday; 田径 also meets then. Only one fits.
    expect(reportOf(report, "sports.club-allocation")?.rows.map((r) => r.club)).toEqual(["篮球社团"]);
    const apart: CellValue[][] = [
      ["篮球社团", null, null, 5, "周三社团"],
      ["足球社团", null, null, 5, "周五课后"],
    ];
    const two = await check([["2301", "张三", "五(1)班", "五年级", "男", "篮球", "足球", null]], {
      clubs: apart,
      settings: [["每人限报社团数", 2]],
    });
    expect(reportOf(two, "sports.club-allocation")?.rows.map((r) => r.club)).toEqual([
      "篮球社团",
      "足球社团",
    ]);
  });

  it("says it in English", async () => {
    const rows: CellValue[][] = [["2301", "张三", "五(1)班", "五年级", "男", "围棋", "篮球社团", "篮球社团"]];
    const report = await check(rows, { lang: "en" });
    expect(report.findings.map((f) => f.message)).toEqual([
      "五(1)班张三's first choice “围棋” is not a club on offer",
      "五(1)班张三's third choice “篮球社团” repeats the second choice",
    ]);
    expect(reportOf(report, "sports.club-choices")?.rows.map((r) => r.item)).toEqual([
      "Students signed up",
      "First choice",
      "Second choice",
      "Third choice",
      "Not placed",
      "Lottery seed",
    ]);
  });

  it("reads messy sheets: title rows, blank rows, full-width names and digits, a #REF! cell, no 学号", async () => {
    const sheets: { name: string; rows: CellValue[][] }[] = [
      {
        name: "社团设置",
        rows: [
          ["2023学年第一学期体育社团一览"],
          [],
          CLUBS_HEADER,
          ["篮球 社团", "刘老师", { error: "#REF!" }, "２", "周三社团"],
          [null, null, null, null, null],
          ["羽毛球社团", "周老师", "体育馆", "10人", "周三社团"],
        ],
      },
      {
        name: "社团报名",
        rows: [
          ["社团报名表"],
          ["姓名", "班级", "第一志愿", "第二志愿"],
          ["张三", "五(1)班", "篮球社团", "羽毛球"],
          [null, null, null, null],
          ["李四", "五(2)班", "ＢＡＳＫＥＴ篮球", "羽毛球社团"],
          ["李四", "五(3)班", "篮球", null],
        ],
      },
    ];
    const report = await runChecks(new MemoryWorkbook({ sheets }), {
      modules: [sports],
      today: "2030-01-01",
      asOf: "2023-09-15",
    });
    expect(found(report)).toEqual([
      ["workbook/error-value", "error", "社团设置", "C4"],
      ["sports/unknown-club", "error", "社团报名", "C5"],
    ]);
    expect(stats(report)).toMatchObject({ students: 3, unplaced: 0, first: 2, second: 1 });
  });
});

describe("checkClubs allocation properties", () => {
  const clubNames = ["田径社团", "篮球社团", "羽毛球社团", "啦啦操社团", "轮滑社团"];
  const arb = fc.record({
    capacities: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }),
    students: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 14,
    }),
    order: fc.array(fc.nat(), { minLength: 14, maxLength: 14 }),
    seed: fc.string({ maxLength: 6 }),
  });

  it("never overfills a club, only places students in clubs they chose, and ignores row order", async () => {
    await fc.assert(
      fc.asyncProperty(arb, async ({ capacities, students, order, seed }) => {
        const clubRows: CellValue[][] = clubNames.map((name, i) => [
          name,
          null,
          null,
          capacities[i] ?? 0,
          "周三社团",
        ]);
        const rows: CellValue[][] = students.map((choices, i) => [
          String(3000 + i),
          `学生${i}`,
          `${(i % 3) + 4}(1)班`,
          null,
          null,
          ...[0, 1, 2].map((k) => (choices[k] === undefined ? null : (clubNames[choices[k]] ?? null))),
        ]);
        const shuffled = rows
          .map((r, i) => ({ r, key: order[i] ?? 0, i }))
          .sort((a, b) => a.key - b.key || a.i - b.i)
          .map((x) => x.r);
        const settings: CellValue[][] = [["社团抽签种子", `s${seed}`]];
        const a = await check(rows, { clubs: clubRows, settings });
        const b = await check(shuffled, { clubs: clubRows, settings });
        const placed = reportOf(a, "sports.club-allocation")?.rows ?? [];
        const roster = reportOf(a, "sports.club-rosters")?.rows ?? [];
        clubNames.forEach((name, i) => {
          expect(roster.filter((r) => r.club === name).length).toBeLessThanOrEqual(capacities[i] ?? 0);
        });
        for (const p of placed) {
          if (p.club === "（未安排）") continue;
          const i = Number(String(p.student).slice(2));
          const chosen = (students[i] ?? []).map((k) => clubNames[k]);
          expect(chosen).toContain(p.club);
        }
        expect(reportOf(b, "sports.club-allocation")?.rows).toEqual(placed);
        expect(reportOf(b, "sports.club-rosters")?.rows).toEqual(roster);
      }),
      { numRuns: 40, seed: 20230915 },
    );
  });
});
