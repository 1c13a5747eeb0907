import type { CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { entriesCheck } from "../checkEntries.js";
import { athletes, attendance, attendanceSheet, clubs, coaches, meet, signups } from "../kinds.js";

const sports: HouqinModule = {
  id: "sports",
  title: { "zh-CN": "体育", en: "Sports" },
  kinds: [athletes, coaches, meet, clubs, signups, attendance, attendanceSheet],
  checks: [entriesCheck],
};

// A 姓名 B 班级 C 性别 D 参赛项目 E 最好成绩
const ATHLETES_HEADER: CellValue[] = ["姓名", "班级", "性别", "参赛项目", "最好成绩"];
// A 组别 B 比赛项目 C 每项限报人数 D 每人限报项数
const MEET_HEADER: CellValue[] = ["组别", "比赛项目", "每项限报人数", "每人限报项数"];

const TEAM: CellValue[][] = [
  ["张三", "五(1)班", "男", "100米、跳远", "13.2秒"],
  ["李四", "五(2)班", "男", "200米", "28.0秒"],
  ["王芳", "四(3)班", "女", "100米、4×100米", "14.1秒"],
  ["赵丽", "四(1)班", "女", "跳远", "3.45米"],
];

const PROGRAMME: CellValue[][] = [
  ["男子", "100米", 2, 2],
  ["男子", "200米", 2, null],
  ["男子", "跳远", 2, null],
  ["女子", "100米", 2, null],
  ["女子", "跳远", 2, null],
  ["女子", "4×100米", 4, null],
];

async function check(
  team: CellValue[][],
  options: {
    programme?: CellValue[][] | null;
    meetHeader?: CellValue[];
    athletesHeader?: CellValue[];
    settings?: CellValue[][];
    lang?: "zh-CN" | "en";
  } = {},
) {
  const programme = options.programme === undefined ? PROGRAMME : options.programme;
  const sheets = [
    ...(options.settings ? [{ name: "设置", rows: options.settings }] : []),
    { name: "运动员名单", rows: [options.athletesHeader ?? ATHLETES_HEADER, ...team] },
    ...(programme ? [{ name: "竞赛规程", rows: [options.meetHeader ?? MEET_HEADER, ...programme] }] : []),
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

describe("checkEntries", () => {
  it("finds nothing wrong with a team entered within the programme's limits", async () => {
    const report = await check(TEAM);
    expect(report.tables.map((t) => t.kind).sort()).toEqual(["sports.athletes", "sports.meet"]);
    expect(report.findings).toEqual([]);
  });

  it("reports an athlete over the programme's events-per-athlete limit at the events cell, naming the programme's cell", async () => {
    const report = await check([["张三", "五(1)班", "男", "100米、200米、跳远", null], ...TEAM.slice(1)]);
    expect(found(report)).toEqual([["sports/over-events-limit", "error", "运动员名单", "D2"]]);
    const f = report.findings[0];
    expect(f?.message).toBe(
      "张三（五(1)班）报了 3 个项目（100米、200米、跳远），超过每人限报 2 项（见竞赛规程 竞赛规程!D2）",
    );
    expect(f?.clause).toBe("三(五)2");
    expect(f?.row).toBe(2);
    expect(f?.data).toMatchObject({ athlete: "张三", count: 3, limit: 2, events: ["100m", "200m", "跳远"] });
  });

  it("does not count relays unless 接力计入限报 says so, and takes the limit from the settings", async () => {
    const team: CellValue[][] = [
      ["张三", "五(1)班", "男", "100米", null],
      ["王芳", "四(3)班", "女", "100米、跳远、4×100米", null],
    ];
    const programme: CellValue[][] = PROGRAMME.map((r) => [r[0] ?? null, r[1] ?? null, r[2] ?? null, null]);
    const clean = await check(team, { programme, settings: [["每人限报项数", 2]] });
    expect(clean.findings.filter((f) => f.rule === "sports/over-events-limit")).toEqual([]);

    const counted = await check(team, {
      programme,
      settings: [
        ["每人限报项数", 2],
        ["接力计入限报", "是"],
      ],
    });
    const over = counted.findings.filter((f) => f.rule === "sports/over-events-limit");
    expect(over.map((f) => f.cell)).toEqual(["D3"]);
    expect(over[0]?.message).toBe(
      "王芳（四(3)班）报了 3 个项目（100米、跳远、4×100米），超过每人限报 2 项（见设置“每人限报项数”）",
    );
  });

  it("names the default limit and notes that relays were left out", async () => {
    const report = await check([["王芳", "四(3)班", "女", "100米、跳远、200米、4×100米", null]], {
      programme: null,
    });
    expect(found(report)).toEqual([["sports/over-events-limit", "error", "运动员名单", "D2"]]);
    expect(report.findings[0]?.message).toBe(
      "王芳（四(3)班）报了 3 个项目（100米、跳远、200米），超过每人限报 2 项（默认值，可在设置“每人限报项数”中修改），接力不计",
    );
  });

  it("reports the row where the limit is passed when an athlete has one row per event", async () => {
    const report = await check(
      [
        ["张三", "五(1)班", "男", "100米", null],
        ["张三", "五(1)班", "男", "跳远", null],
        ["李四", "五(2)班", "男", "200米", null],
        ["张三", "五(1)班", "男", "200米", null],
      ],
      { programme: null },
    );
    expect(found(report)).toEqual([["sports/over-events-limit", "error", "运动员名单", "D5"]]);
  });

  it("warns about a programme event nobody entered, per division, at the programme's event cell", async () => {
    const report = await check(TEAM.filter((r) => r[0] !== "赵丽"));
    expect(found(report)).toEqual([["sports/event-without-entrants", "warning", "竞赛规程", "B6"]]);
    expect(report.findings[0]?.message).toBe("比赛项目“女子跳远”没有运动员报名");
    expect(report.findings[0]?.data).toEqual({ event: "跳远", gender: "女" });
  });

  it("counts an athlete of unknown gender for either division", async () => {
    const team: CellValue[][] = [
      ["张三", "五(1)班", null, "100米、跳远", null],
      ["李四", "五(2)班", "男", "200米", null],
      ["王芳", "四(3)班", "女", "4×100米", null],
    ];
    const report = await check(team);
    expect(report.findings).toEqual([]);
  });

  it("reports an event with more entrants than its limit at the programme row, listing them", async () => {
    const team: CellValue[][] = [
      ...TEAM,
      ["孙七", "六(1)班", "男", "100米", null],
      ["周八", "六(2)班", "男", "100m", null],
      ["吴九", "六(2)班", "女", "100米", null],
    ];
    const report = await check(team);
    expect(found(report)).toEqual([["sports/event-over-entries", "error", "竞赛规程", "B2"]]);
    expect(report.findings[0]?.message).toBe(
      "比赛项目“男子100米”报了 3 人（张三（五(1)班）、孙七（六(1)班）、周八（六(2)班）），超过每项限报 2 人",
    );
    expect(report.findings[0]?.data).toMatchObject({
      entrants: ["张三", "孙七", "周八"],
      count: 3,
      limit: 2,
    });
  });

  it("warns about an event the programme does not hold, and a girl in a boys-only event", async () => {
    const team: CellValue[][] = [
      ...TEAM,
      ["钱五", "六(1)班", "男", "铅球", null],
      ["孙琳", "六(2)班", "女", "200米", null],
    ];
    const report = await check(team);
    expect(found(report)).toEqual([
      ["sports/unknown-event", "warning", "运动员名单", "D6"],
      ["sports/unknown-event", "warning", "运动员名单", "D7"],
    ]);
    expect(report.findings[0]?.message).toBe("钱五（六(1)班）报的“铅球”不在本次运动会的比赛项目中");
    expect(report.findings[1]?.message).toBe("孙琳（六(2)班）是女生，但“200米”只设男子组");
    expect(report.findings[1]?.data).toMatchObject({ event: "200m", gender: "女", divisions: ["男"] });
  });

  it("says it in English", async () => {
    const team: CellValue[][] = [...TEAM, ["孙琳", "六(2)班", "女", "200米", null]];
    const report = await check(team, { lang: "en" });
    expect(report.findings.map((f) => f.message)).toEqual([
      "孙琳 (六(2)班) is a girl, but 200m is only held for boys",
    ]);
  });

  it("keeps quiet about a programme without a team", async () => {
    const report = await runChecks(
      new MemoryWorkbook({ sheets: [{ name: "竞赛规程", rows: [MEET_HEADER, ...PROGRAMME] }] }),
      { modules: [sports], today: "2030-01-01", asOf: "2023-09-15" },
    );
    expect(report.tables.map((t) => t.kind)).toEqual(["sports.meet"]);
    expect(report.findings).toEqual([]);
  });

  it("keeps quiet about the programme when there is none", async () => {
    const report = await check([["钱五", "六(1)班", "男", "铅球", null]], { programme: null });
    expect(report.findings).toEqual([]);
  });

  it("reads messy sheets: a title row, blank rows, full-width digits, gendered event names and a #REF! cell", async () => {
    const team: CellValue[][] = [
      ["张三", "五(1)班", "男", "１００米、跳远", { error: "#REF!" }],
      [null, null, null, null, null],
      ["李四", "五(2)班", "男", "男子200米", null],
      ["王芳", "四(3)班", "女", "女子100米、4 x 100米", null],
      ["赵丽", "四(1)班", "女", "跳远", null],
    ];
    const programme: CellValue[][] = [
      [null, "男子100米", "２", "２"],
      [null, "男子200米", 2, null],
      [null, "男子跳远", 2, null],
      [null, "女子100米", 2, null],
      [null, "女子跳远", 2, null],
      [null, "女子4×100米", 4, null],
    ];
    const sheets = [
      {
        name: "运动员名单",
        rows: [["2023年秋季田径运动会报名表"], [], ATHLETES_HEADER, ...team],
      },
      { name: "竞赛规程", rows: [["比赛项目及限报"], MEET_HEADER, ...programme] },
    ];
    const report = await runChecks(new MemoryWorkbook({ sheets }), {
      modules: [sports],
      today: "2030-01-01",
      asOf: "2023-09-15",
    });
    // Only the #REF! best mark, said once by the row parser.
    expect(found(report)).toEqual([["workbook/error-value", "error", "运动员名单", "E4"]]);
  });
});
