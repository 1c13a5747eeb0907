import { type CellValue, isoToSerial } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { attendanceCheck } from "../checkAttendance.js";
import { athletes, attendance, attendanceSheet, clubs, coaches, meet, signups } from "../kinds.js";

const sports: HouqinModule = {
  id: "sports",
  title: { "zh-CN": "体育", en: "Sports" },
  kinds: [athletes, coaches, meet, clubs, signups, attendance, attendanceSheet],
  checks: [attendanceCheck],
};

type Sheet = { name: string; rows: CellValue[][] };

async function check(sheets: Sheet[], options: { settings?: CellValue[][]; lang?: "zh-CN" | "en" } = {}) {
  return runChecks(
    new MemoryWorkbook({
      sheets: [...(options.settings ? [{ name: "设置", rows: options.settings }] : []), ...sheets],
    }),
    {
      modules: [sports],
      today: "2030-01-01",
      asOf: "2023-10-15",
      ...(options.lang ? { lang: options.lang } : {}),
    },
  );
}

type Result = Awaited<ReturnType<typeof check>>;
const found = (r: Result) => r.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell]);

// A 日期 B 姓名 C 班级 D 社团 E 出勤情况
const LOG_HEADER: CellValue[] = ["日期", "姓名", "班级", "社团", "出勤情况"];
const log = (rows: CellValue[][]): Sheet => ({ name: "社团考勤", rows: [LOG_HEADER, ...rows] });

// A 姓名 B 班级 C 社团 D.. session dates, then 出勤次数 and 备注
const grid = (header: CellValue[], rows: CellValue[][]): Sheet => ({
  name: "田径队点名册",
  rows: [["姓名", "班级", "社团", ...header], ...rows],
});

describe("checkAttendance", () => {
  it("finds nothing wrong when nobody misses three sessions in a row, and sums up attendance", async () => {
    const report = await check([
      log([
        ["2023-09-06", "张三", "五(1)班", "篮球社团", "√"],
        ["2023-09-13", "张三", "五(1)班", "篮球社团", "×"],
        ["2023-09-20", "张三", "五(1)班", "篮球社团", "×"],
        ["2023-09-27", "张三", "五(1)班", "篮球社团", "到"],
        ["2023-10-11", "张三", "五(1)班", "篮球社团", "缺勤"],
        ["2023-09-06", "李四", "五(2)班", "篮球社团", "请假"],
      ]),
    ]);
    expect(report.tables.map((t) => t.kind)).toEqual(["sports.attendance"]);
    expect(report.findings).toEqual([]);
    expect(report.reports.find((r) => r.id === "sports.attendance-summary")?.rows).toEqual([
      {
        student: "张三",
        className: "五(1)班",
        club: "篮球社团",
        sessions: 5,
        present: 2,
        absent: 3,
        excused: 0,
        rate: "40%",
      },
      {
        student: "李四",
        className: "五(2)班",
        club: "篮球社团",
        sessions: 1,
        present: 0,
        absent: 0,
        excused: 1,
        rate: null,
      },
    ]);
  });

  it("warns once per run of absences at the Nth absence, in date order, with leave neither counting nor breaking it", async () => {
    const report = await check([
      log([
        ["2023-09-27", "张三", "五(1)班", "篮球社团", "旷课"],
        ["2023-09-06", "张三", "五(1)班", "篮球社团", "×"],
        ["2023-09-13", "张三", "五(1)班", "篮球社团", "请假"],
        ["2023-09-20", "张三", "五(1)班", "篮球社团", "缺"],
        ["2023-10-11", "张三", "五(1)班", "篮球社团", "×"],
        ["2023-10-18", "张三", "五(1)班", "篮球社团", "√"],
        // Another club's absences are another run.
        ["2023-09-06", "张三", "五(1)班", "田径队", "×"],
      ]),
    ]);
    // The third absence in date order is 9月27日, on row 2.
    expect(found(report)).toEqual([["sports/absent-in-a-row", "warning", "社团考勤", "E2"]]);
    const f = report.findings[0];
    expect(f?.row).toBe(2);
    expect(f?.clause).toBe("三(五)2");
    expect(f?.message).toBe(
      "张三（五(1)班）在篮球社团连续 4 次缺勤（2023-09-06、2023-09-20、2023-09-27、2023-10-11），请与班主任联系，了解原因",
    );
    expect(f?.data).toEqual({
      student: "张三",
      className: "五(1)班",
      club: "篮球社团",
      dates: ["2023-09-06", "2023-09-20", "2023-09-27", "2023-10-11"],
      length: 4,
      threshold: 3,
    });
  });

  it("reads the threshold from 连续缺勤次数 and reports a second run separately", async () => {
    const rows: CellValue[][] = ["×", "×", "√", "×", "×"].map((mark, i) => [
      `2023-09-${String(1 + i * 7).padStart(2, "0")}`,
      "王芳",
      "四(3)班",
      "啦啦操社团",
      mark,
    ]);
    const report = await check([log(rows)], { settings: [["连续缺勤次数", 2]] });
    expect(found(report)).toEqual([
      ["sports/absent-in-a-row", "warning", "社团考勤", "E3"],
      ["sports/absent-in-a-row", "warning", "社团考勤", "E6"],
    ]);
  });

  it("reads a register whose date columns are text and serials, ignoring 出勤次数 and 备注", async () => {
    const header: CellValue[] = [
      "9月4日",
      "9.11",
      isoToSerial("2023-09-18", "1900"),
      "2023-09-25",
      "出勤次数",
      "备注",
    ];
    const report = await check([
      grid(header, [
        ["张三", "五(1)班", "田径队", "√", "×", "×", "×", 1, "腿伤？"],
        ["李四", "五(2)班", "田径队", "√", "√", "请假", "√", 3, null],
      ]),
    ]);
    expect(report.tables.map((t) => t.kind)).toEqual(["sports.attendance-sheet"]);
    expect(found(report)).toEqual([["sports/absent-in-a-row", "warning", "田径队点名册", "G2"]]);
    expect(report.findings[0]?.data).toMatchObject({ dates: ["2023-09-11", "2023-09-18", "2023-09-25"] });
  });

  it("warns about a register cell that is not a mark, and takes a blank for no record", async () => {
    const header: CellValue[] = ["9月4日", "9月11日", "9月18日", "9月25日"];
    const report = await check([
      grid(header, [
        ["张三", "五(1)班", "田径队", "×", "半天", null, "×"],
        ["李四", "五(2)班", "田径队", "√", { error: "#REF!" }, "√", "√"],
      ]),
    ]);
    expect(found(report)).toEqual([
      ["sports/unreadable-attendance", "warning", "田径队点名册", "E2"],
      ["sports/unreadable-attendance", "warning", "田径队点名册", "E3"],
    ]);
    expect(report.findings[0]?.message).toBe(
      "张三（五(1)班） 2023-09-11 的考勤“半天”无法识别，应写“√/到”“×/缺勤”或“请假”",
    );
    expect(report.findings[1]?.data).toMatchObject({ text: "#REF!", date: "2023-09-11" });
  });

  it("places year-less register dates in the school year of the settings", async () => {
    const header: CellValue[] = ["12月27日", "1月3日", "1月10日"];
    const report = await check([grid(header, [["张三", "五(1)班", "田径队", "×", "×", "×"]])], {
      settings: [["学年", "2024-2025学年"]],
    });
    expect(report.findings[0]?.data).toMatchObject({ dates: ["2024-12-27", "2025-01-03", "2025-01-10"] });
  });

  it("says it in English", async () => {
    const report = await check(
      [
        log([
          ["2023-09-06", "张三", "五(1)班", "篮球社团", "×"],
          ["2023-09-13", "张三", "五(1)班", "篮球社团", "×"],
          ["2023-09-20", "张三", "五(1)班", "篮球社团", "×"],
        ]),
      ],
      { lang: "en" },
    );
    expect(report.findings.map((f) => f.message)).toEqual([
      "张三 (五(1)班) was absent from 篮球社团 3 times in a row (2023-09-06, 2023-09-13, 2023-09-20); please contact the class teacher",
    ]);
  });

  it("reads a messy log: a title row, blank rows, dates as text and serials, full-width digits, a #REF!", async () => {
    const sheet: Sheet = {
      name: "社团考勤",
      rows: [
        ["2023学年篮球社团考勤记录"],
        [],
        LOG_HEADER,
        ["２０２３年９月６日", "张三", "五(1)班", "篮球社团", "×"],
        [null, null, null, null, null],
        [isoToSerial("2023-09-13", "1900"), "张三", "五(1)班", "篮球社团", "×"],
        ["9月20日", "张三", "五(1)班", { error: "#REF!" }, "√"],
        ["2023/9/27", "张三", "五(1)班", "篮球社团", "×"],
      ],
    };
    const report = await check([sheet]);
    // The #REF! club is said once by the row parser; that row's session is not the club's.
    expect(found(report)).toEqual([
      ["workbook/error-value", "error", "社团考勤", "D7"],
      ["sports/absent-in-a-row", "warning", "社团考勤", "E8"],
    ]);
  });
});
