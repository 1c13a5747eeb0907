import type { CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, readWorkbook } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import {
  athletes,
  attendance,
  attendanceSheet,
  clubs,
  coaches,
  meet,
  parseAttendanceMark,
  parseWeekdays,
  signups,
  splitEvents,
} from "../kinds.js";
import { readTeam, splitGenderedEvent } from "../team.js";

const kinds = [athletes, coaches, meet, clubs, signups, attendance, attendanceSheet];
const sports: HouqinModule = { id: "sports", title: { "zh-CN": "体育", en: "Sports" }, kinds, checks: [] };

async function read(sheets: { name: string; rows: CellValue[][] }[]) {
  return readWorkbook(new MemoryWorkbook({ sheets }), { modules: [sports], today: "2023-10-27" });
}

describe("splitEvents", () => {
  it("splits the ways people list events and normalises each", () => {
    expect(splitEvents("100米、 4 x 100米 跳远")).toEqual(["100m", "4×100m", "跳远"]);
    expect(splitEvents("１００米，２００米")).toEqual(["100m", "200m"]);
    expect(splitEvents("跳高/铅球;800 米")).toEqual(["跳高", "铅球", "800m"]);
    expect(splitEvents("跳远和跳高")).toEqual(["跳远", "跳高"]);
    expect(splitEvents("100m、100米")).toEqual(["100m"]);
    expect(splitEvents(" 、 ")).toEqual([]);
  });
});

describe("parseWeekdays", () => {
  it.each([
    ["周一至周五", [1, 2, 3, 4, 5]],
    ["一、三、五", [1, 3, 5]],
    ["周二 周四", [2, 4]],
    ["星期一到星期三、星期五", [1, 2, 3, 5]],
    ["每天", [1, 2, 3, 4, 5, 6, 7]],
    ["工作日", [1, 2, 3, 4, 5]],
    ["Mon-Wed, Fri", [1, 2, 3, 5]],
    ["1,3,5", [1, 3, 5]],
  ])("%s", (text, days) => {
    expect(parseWeekdays(text)).toEqual(days);
  });
  it("says nothing for text that is not weekdays", () => {
    expect(parseWeekdays("看情况")).toBeUndefined();
    expect(parseWeekdays("")).toBeUndefined();
  });
});

describe("parseAttendanceMark", () => {
  it("reads the marks of a register", () => {
    expect(["√", "到", "出勤", "迟到", "✓"].map(parseAttendanceMark)).toEqual(Array(5).fill("present"));
    expect(["×", "缺", "旷课", "缺勤"].map(parseAttendanceMark)).toEqual(Array(4).fill("absent"));
    expect(["请假", "病假", "事假", "假"].map(parseAttendanceMark)).toEqual(Array(4).fill("excused"));
    expect(parseAttendanceMark("?")).toBeUndefined();
  });
});

describe("splitGenderedEvent", () => {
  it("takes the division off an event", () => {
    expect(splitGenderedEvent("男子100米")).toEqual({ event: "100m", gender: "男" });
    expect(splitGenderedEvent("女子4×100米")).toEqual({ event: "4×100m", gender: "女" });
    expect(splitGenderedEvent("跳远")).toEqual({ event: "跳远" });
  });
});

describe("the sports table kinds", () => {
  it("recognises each sheet of a sports workbook as its own kind", async () => {
    const { tables } = await read([
      {
        name: "运动员名单",
        rows: [
          ["2023年秋季田径运动会参赛运动员名单"],
          [],
          ["序号", "姓名", "性别", "年级", "班级", "参赛项目", "最好成绩"],
          [1, "王子涵", "男", "四年级", "四(1)班", "100米、200米", "14.5″"],
        ],
      },
      {
        name: "教练员",
        rows: [
          ["姓名", "执教项目", "可带训日", "最多带训人数"],
          ["王建国", "100米、200米", "周一至周五", 10],
        ],
      },
      {
        name: "比赛项目",
        rows: [
          ["序号", "组别", "比赛项目", "比赛日期", "每项限报人数", "每人限报项数"],
          [1, "男子", "100米", "2023-09-28", 4, 2],
        ],
      },
      {
        name: "社团设置",
        rows: [
          ["社团名称", "指导教师", "活动场地", "限报人数", "活动时间"],
          ["篮球", "李红", "篮球场", 30, "周三社团"],
        ],
      },
      {
        name: "社团报名",
        rows: [
          ["序号", "学号", "姓名", "班级", "年级", "性别", "第一志愿", "第二志愿", "第三志愿"],
          [1, "20230100", "李雨桐", "三(1)班", "三年级", "女", "篮球", "足球", "田径"],
        ],
      },
      {
        name: "田径队考勤",
        rows: [
          ["姓名", "班级", "运动队", "9月4日", "9月6日"],
          ["王子涵", "四(1)班", "田径队", "√", "×"],
        ],
      },
      {
        name: "考勤记录",
        rows: [
          ["日期", "姓名", "社团", "出勤情况"],
          ["2023-09-06", "李雨桐", "篮球", "√"],
        ],
      },
      {
        name: "班级名单",
        rows: [
          ["班级", "班主任", "人数"],
          ["三(1)班", "张老师", 45],
        ],
      },
    ]);
    expect(Object.fromEntries(tables.map((t) => [t.sheet, t.kind]))).toEqual({
      运动员名单: "sports.athletes",
      教练员: "sports.coaches",
      比赛项目: "sports.meet",
      社团设置: "sports.clubs",
      社团报名: "sports.signups",
      田径队考勤: "sports.attendance-sheet",
      考勤记录: "sports.attendance",
    });
  });

  it("reports an unreadable weekday or gender at its cell and keeps the row", async () => {
    const { findings, ctx } = await read([
      {
        name: "教练员",
        rows: [
          ["姓名", "执教项目", "可带训日"],
          ["王建国", "100米", "看情况"],
        ],
      },
      {
        name: "运动员",
        rows: [
          ["姓名", "性别", "参赛项目"],
          ["李雨桐", "未知", "跳远"],
        ],
      },
    ]);
    expect(findings.map((f) => [f.sheet, f.cell])).toEqual([
      ["教练员", "C2"],
      ["运动员", "B2"],
    ]);
    const team = readTeam(ctx);
    expect(team.coaches.map((c) => [c.name, c.days])).toEqual([["王建国", undefined]]);
    expect(team.athletes.map((a) => [a.name, a.events])).toEqual([["李雨桐", ["跳远"]]]);
  });
});

describe("readTeam", () => {
  it("merges an athlete's rows, takes the division off events and reads the limits", async () => {
    const { ctx } = await read([
      {
        name: "设置",
        rows: [
          ["设置项", "值"],
          ["运动会日期", "2023-09-28"],
          ["项目分组", "跨栏=短跑"],
        ],
      },
      {
        name: "运动员",
        rows: [
          ["学号", "姓名", "班级", "参赛项目", "最好成绩"],
          ["001", "王子涵", "四(1)班", "男子100米", "14.5″"],
          ["001", "王子涵", "四(1)班", "跳远", "3.80m"],
          ["", "王子涵", "五(2)班", "跨栏", ""],
        ],
      },
      {
        name: "比赛项目",
        rows: [
          ["组别", "比赛项目", "每项限报人数", "每人限报项数"],
          ["男子", "100米", 4, 3],
          ["", "女子跳远", 4, ""],
        ],
      },
    ]);
    const team = readTeam(ctx);
    expect(team.athletes.map((a) => [a.id, a.events, a.gender, a.bestMarks, a.eventCells.length])).toEqual([
      ["001", ["100m", "跳远"], "男", "14.5″；3.80m", 2],
      ["五(2)班 王子涵", ["跨栏"], undefined, undefined, 1],
    ]);
    expect(team.events.map((e) => [e.event, e.gender, e.maxEntries])).toEqual([
      ["100m", "男", 4],
      ["跳远", "女", 4],
    ]);
    expect(team.maxPerAthlete).toBe(3);
    expect(team.maxPerAthleteAt?.cell).toBe("D2");
    expect(team.meetDate).toBe("2023-09-28");
    expect(team.groups).toEqual({ 跨栏: "短跑" });
  });
});

describe("the ways people write events and days (review cases)", () => {
  it("reads 100米跑 as 100m and 4×100米接力 or 4X100 as 4×100m", () => {
    expect(splitEvents("100米跑、100米、4×100米接力、4X100")).toEqual(["100m", "4×100m"]);
    expect(splitGenderedEvent("女子4×100米接力")).toEqual({ event: "4×100m", gender: "女" });
  });

  it.each([
    ["每周二、四", [2, 4]],
    ["周二、周四下午", [2, 4]],
    ["周一至周五下午", [1, 2, 3, 4, 5]],
    ["每周一三五", [1, 3, 5]],
    ["周一、周三（课后）", [1, 3]],
  ])("reads the coach's days %s", (text, days) => {
    expect(parseWeekdays(text)).toEqual(days);
  });

  it("keeps an athlete whose 学号 is on the first row only as one athlete", async () => {
    const { ctx } = await read([
      {
        name: "运动员",
        rows: [
          ["学号", "姓名", "班级", "参赛项目"],
          [1001, "张三", "五(1)班", "100米"],
          [null, "张三", "五(1)班", "200米"],
          [null, "张三", "五(1)班", "跳远"],
          [1002, "张三", "五(1)班", "铅球"],
        ],
      },
    ]);
    expect(readTeam(ctx).athletes.map((a) => [a.id, a.events])).toEqual([
      ["1001", ["100m", "200m", "跳远"]],
      ["1002", ["铅球"]],
    ]);
  });
});
