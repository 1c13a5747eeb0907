import type { Cell, CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { dispenserCheck } from "../checkDispensers.js";
import { dispensers, dispenserTypeOf } from "../dispenserKinds.js";

const canteen: HouqinModule = {
  id: "canteen",
  title: { "zh-CN": "食堂", en: "Canteen" },
  kinds: [dispensers],
  checks: [dispenserCheck],
};

const SEMESTERS: CellValue[][] = [
  ["第一学期开始", "2023-09-01"],
  ["第一学期结束", "2024-01-19"],
  ["第二学期开始", "2024-02-19"],
  ["第二学期结束", "2024-07-05"],
];

const HEADER: CellValue[] = [
  "饮水机编号",
  "位置",
  "类型",
  "更换滤芯日期",
  "清洗消毒日期",
  "水质检测日期",
  "检测报告公示",
  "检测单位",
];

async function check(
  rows: readonly (readonly (CellValue | Cell)[])[],
  asOf: string,
  options: { settings?: CellValue[][]; lang?: "zh-CN" | "en"; header?: CellValue[] } = {},
) {
  const settings = options.settings ?? SEMESTERS;
  const sheets = [
    ...(settings.length > 0 ? [{ name: "设置", rows: settings }] : []),
    { name: "饮水机台账", rows: [options.header ?? HEADER, ...rows] },
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [canteen],
    today: "2030-01-01",
    asOf,
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

type Report = Awaited<ReturnType<typeof check>>;
const found = (r: Report) => r.findings.map((f) => [f.rule, f.severity, f.cell]);
const semesterSheet = (r: Report) => r.reports.find((x) => x.id === "canteen.dispensers");

/** A student dispenser and a teacher one, everything done in both semesters, one row per event. */
const CLEAN: CellValue[][] = [
  ["S01", "一楼走廊", "学生", "2023-09-05", null, "2023-10-10", "是", "市疾控中心"],
  ["T01", "教师办公室", "教师", null, "2023-09-10", null, null, null],
  ["S01", null, null, "2024-03-01", null, "2024-03-15", "√", "市疾控中心"],
  ["T01", null, null, null, "2024-03-05", null, null, null],
];

describe("dispenserTypeOf", () => {
  it("tells student dispensers from teacher ones by what the sheet says", () => {
    expect(dispenserTypeOf("学生")).toBe("student");
    expect(dispenserTypeOf("学生用")).toBe("student");
    expect(dispenserTypeOf("学生饮水机")).toBe("student");
    expect(dispenserTypeOf("教师")).toBe("teacher");
    expect(dispenserTypeOf("教师用")).toBe("teacher");
    expect(dispenserTypeOf("三楼办公室")).toBe("teacher");
    expect(dispenserTypeOf("饮料")).toBeUndefined();
  });
});

describe("checkDispensers", () => {
  it("finds nothing wrong when every duty was done in both semesters", async () => {
    const report = await check(CLEAN, "2024-07-20");
    expect(report.findings).toEqual([]);
    expect(semesterSheet(report)?.rows).toEqual([
      {
        dispenser: "S01",
        place: "一楼走廊",
        type: "学生",
        semester: "第一学期",
        filterChanged: "2023-09-05",
        waterTested: "2023-10-10",
        tester: "市疾控中心",
        reportPosted: "已公示",
        cleaned: "每天自动清洗",
        status: "已完成",
      },
      {
        dispenser: "S01",
        place: "一楼走廊",
        type: "学生",
        semester: "第二学期",
        filterChanged: "2024-03-01",
        waterTested: "2024-03-15",
        tester: "市疾控中心",
        reportPosted: "已公示",
        cleaned: "每天自动清洗",
        status: "已完成",
      },
      {
        dispenser: "T01",
        place: "教师办公室",
        type: "教师",
        semester: "第一学期",
        filterChanged: "不需要",
        waterTested: "不需要",
        tester: null,
        reportPosted: "不需要",
        cleaned: "2023-09-10",
        status: "已完成",
      },
      {
        dispenser: "T01",
        place: "教师办公室",
        type: "教师",
        semester: "第二学期",
        filterChanged: "不需要",
        waterTested: "不需要",
        tester: null,
        reportPosted: "不需要",
        cleaned: "2024-03-05",
        status: "已完成",
      },
    ]);
  });

  it("reports a student dispenser whose filter was not changed in an ended semester, at its row of that semester", async () => {
    const rows = CLEAN.map((r) => [...r]);
    (rows[2] as CellValue[])[3] = null;
    const report = await check(rows, "2024-07-20");
    expect(found(report)).toEqual([["canteen/filter-not-changed", "error", "D4"]]);
    expect(report.findings[0]?.message).toBe(
      "第二学期（2024-02-19 至 2024-07-05）学生饮水机“S01”（一楼走廊）没有更换滤芯的记录，计划要求每学期更换滤芯",
    );
    expect(report.findings[0]?.clause).toBe("三(三)8");
    expect(report.findings[0]?.data).toEqual({
      dispenser: "S01",
      place: "一楼走廊",
      type: "student",
      semester: { name: "第二学期", start: "2024-02-19", end: "2024-07-05" },
    });
    expect(semesterSheet(report)?.rows[1]?.status).toBe("未完成：更换滤芯");
  });

  it("reports a missing water test, and a test whose report was not posted", async () => {
    const rows = CLEAN.map((r) => [...r]);
    (rows[0] as CellValue[])[5] = null;
    (rows[2] as CellValue[])[6] = "否";
    const report = await check(rows, "2024-07-20", { lang: "en" });
    expect(found(report)).toEqual([
      ["canteen/water-test-missing", "error", "F2"],
      ["canteen/water-report-not-posted", "warning", "G4"],
    ]);
    expect(report.findings[0]?.message).toBe(
      "Student dispenser “S01” (一楼走廊) has no third-party water test in the first semester (2023-09-01 to 2024-01-19); the plan asks for one every semester",
    );
    expect(report.findings[1]?.message).toBe(
      "The water test report of student dispenser “S01” (一楼走廊) of 2024-03-15 (the second semester) was not posted",
    );
  });

  it("reports a teacher dispenser not cleaned in an ended semester, and asks no cleaning of student ones", async () => {
    const rows = CLEAN.filter((r) => r[4] !== "2024-03-05");
    const report = await check(rows, "2024-07-20");
    expect(found(report)).toEqual([["canteen/dispenser-not-cleaned", "error", "E3"]]);
    expect(report.findings[0]?.message).toBe(
      "第二学期（2024-02-19 至 2024-07-05）教师饮水机“T01”（教师办公室）没有清洗消毒的记录，计划要求每学期清洗消毒",
    );
  });

  it("warns near the end of the semester under way, and says nothing earlier", async () => {
    const firstOnly = CLEAN.slice(0, 2);
    // 28 June: five school days (1–5 July) are left, fewer than 10.
    const late = await check(firstOnly, "2024-06-28");
    expect(found(late)).toEqual([
      ["canteen/filter-not-changed-due", "warning", "D2"],
      ["canteen/water-test-missing-due", "warning", "F2"],
      ["canteen/dispenser-not-cleaned-due", "warning", "E3"],
    ]);
    expect(late.findings.find((f) => f.rule === "canteen/filter-not-changed-due")?.message).toBe(
      "第二学期将于 2024-07-05 结束，只剩 5 个上学日，学生饮水机“S01”（一楼走廊）本学期还没有更换滤芯",
    );
    expect(late.findings[0]?.data).toMatchObject({ schoolDaysLeft: 5 });
    const early = await check(firstOnly, "2024-05-15");
    expect(early.findings).toEqual([]);
    expect(semesterSheet(early)?.rows[1]?.status).toBe("进行中，待完成：更换滤芯、水质检测");
  });

  it("takes the reminder period from the setting 饮水机提醒天数", async () => {
    const report = await check(CLEAN.slice(0, 2), "2024-06-03", {
      settings: [...SEMESTERS, ["饮水机提醒天数", 30]],
    });
    expect(found(report).map(([rule]) => rule)).toEqual([
      "canteen/filter-not-changed-due",
      "canteen/water-test-missing-due",
      "canteen/dispenser-not-cleaned-due",
    ]);
  });

  it("reads a register of one row per dispenser with its latest dates", async () => {
    const rows: CellValue[][] = [
      ["1号", "教学楼一楼", "学生用", "2024-03-01", null, "2024-03-20", "2024-03-25", "检测公司"],
      ["2号", "教学楼二楼", "学生饮水机", "2024-03-01", null, null, null, null],
      ["3号", "行政楼办公室", "教师用", null, "2024-02-26", null, null, null],
    ];
    const report = await check(rows, "2024-07-20");
    // Only the second semester is touched by the dates, so only it is judged.
    expect(found(report)).toEqual([["canteen/water-test-missing", "error", "F3"]]);
    expect(semesterSheet(report)?.rows).toHaveLength(3);
  });

  it("says once when the register has no column for a duty", async () => {
    const header = ["饮水机编号", "位置", "类型", "更换滤芯日期", "水质检测日期"];
    const rows: CellValue[][] = [["S01", "一楼", "学生", "2023-09-05", "2023-10-10"]];
    const report = await check(rows, "2024-01-25", { header });
    expect(found(report)).toEqual([["canteen/water-report-not-posted", "info", "A1"]]);
    expect(report.findings[0]?.message).toBe(
      "饮水机台账没有“检测报告公示”一栏，无法核对水质检测报告是否上墙公示",
    );
  });

  it("reads messy input: serial and text dates, √, full-width digits, blank rows, #REF!, an unknown type", async () => {
    const rows: (CellValue | Cell)[][] = [
      ["Ｓ０１", "一楼走廊", "学生", 45174, null, "2023年10月10日", "√", "市疾控中心"],
      [],
      ["S02", "二楼走廊", "饮料机", "２０２３-０９-０６", null, "2023/10/11", "已公示", "市疾控中心"],
      ["S03", "三楼走廊", "学生", { error: "#REF!" }, null, "2023.10.12", "否", "市疾控中心"],
      ["T01", "三楼教师办公室", null, null, "9月20日", null, null, null],
      [],
      ["S01", null, null, "2024-03-01", null, "2024-03-15", "2024-03-18", null],
      ["S02", null, null, "2024-03-01", null, "2024-03-15", true, null],
      ["S03", null, null, null, null, "2024-03-15", "是", null],
      ["T01", null, null, null, 45362, null, null, null],
    ];
    const report = await check(rows, "2024-07-20");
    expect(found(report)).toEqual([
      ["workbook/error-value", "error", "D5"],
      ["workbook/unreadable-cell", "warning", "C4"],
      ["canteen/water-report-not-posted", "warning", "G5"],
    ]);
    const sheet = semesterSheet(report);
    // S01 written Ｓ０１ and S01 is one dispenser; 饮料机 is checked as a student dispenser;
    // T01 is a teacher dispenser by its place.
    expect(sheet?.rows.map((r) => [r.dispenser, r.type, r.semester, r.status])).toEqual([
      ["S01", "学生", "第一学期", "已完成"],
      ["S01", "学生", "第二学期", "已完成"],
      ["S02", "学生", "第一学期", "已完成"],
      ["S02", "学生", "第二学期", "已完成"],
      ["S03", "学生", "第一学期", "未完成：报告公示"],
      ["S03", "学生", "第二学期", "无法核对：更换滤芯"],
      ["T01", "教师", "第一学期", "已完成"],
      ["T01", "教师", "第二学期", "已完成"],
    ]);
    expect(sheet?.rows[0]?.filterChanged).toBe("2023-09-05");
    expect(sheet?.rows[7]?.cleaned).toBe("2024-03-11");
  });
});

/** 16 student dispensers and 4 teacher ones; every duty done, but for four faults and a January filter change. */
function twentyDispensers(): CellValue[][] {
  const students = Array.from({ length: 16 }, (_, i) => `S${String(i + 1).padStart(2, "0")}`);
  const teachers = ["T01", "T02", "T03", "T04"];
  const day = (i: number) => String((i % 20) + 1).padStart(2, "0");
  const first: CellValue[][] = [
    ...students.map((id, i) => [
      id,
      `教学楼${(i % 4) + 1}层`,
      "学生",
      `2023-09-${day(i)}`,
      null,
      id === "S07" ? null : `2023-10-${day(i + 3)}`,
      "是",
      "市疾控中心",
    ]),
    ...teachers.map((id, i) => [
      id,
      `${["语文", "数学", "英语", "综合"][i]}办公室`,
      "教师",
      null,
      `2023-09-${day(i)}`,
      null,
      null,
      null,
    ]),
  ];
  const second: CellValue[][] = [
    ...students.map((id, i) => [
      id,
      null,
      null,
      id === "S03" ? null : id === "S05" ? "2024-01-25" : `2024-03-${day(i)}`,
      null,
      `2024-03-${day(i + 5)}`,
      id === "S09" ? "否" : "是",
      "市疾控中心",
    ]),
    ...teachers.map((id, i) => [
      id,
      null,
      null,
      null,
      id === "T02" ? null : `2024-03-${day(i)}`,
      null,
      null,
      null,
    ]),
  ];
  return [...first, ...second];
}

describe("checkDispensers on a 20-dispenser register over two semesters", () => {
  it("with the semesters in the settings, counts a change in the winter holiday for the next semester", async () => {
    const report = await check(twentyDispensers(), "2024-07-20");
    // A miss is said on the dispenser's row of that semester: S03's first-semester row is row 8.
    expect(found(report)).toEqual([
      ["canteen/water-test-missing", "error", "F8"],
      ["canteen/filter-not-changed", "error", "D24"],
      ["canteen/dispenser-not-cleaned", "error", "E39"],
      ["canteen/water-report-not-posted", "warning", "G30"],
    ]);
    expect(report.findings.map((f) => (f.data as { semester: { name: string } }).semester.name)).toEqual([
      "第一学期",
      "第二学期",
      "第二学期",
      "第二学期",
    ]);
    expect(semesterSheet(report)?.rows).toHaveLength(40);
  });

  it("without semesters, judges the conventional halves of the school year", async () => {
    const report = await check(twentyDispensers(), "2024-09-10", { settings: [] });
    expect(found(report)).toEqual([
      ["canteen/water-test-missing", "error", "F8"],
      ["canteen/filter-not-changed", "error", "D24"],
      ["canteen/filter-not-changed", "error", "D26"],
      ["canteen/dispenser-not-cleaned", "error", "E39"],
      ["canteen/water-report-not-posted", "warning", "G30"],
    ]);
    expect(report.findings[2]?.message).toBe(
      "2023–2024 第二学期（2024-02-01 至 2024-08-31）学生饮水机“S05”（教学楼1层）没有更换滤芯的记录，计划要求每学期更换滤芯",
    );
    // The semester begun since (2024–2025 第一学期) is under way: listed, nothing due yet.
    const rows = semesterSheet(report)?.rows ?? [];
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r.semester))).toEqual(
      new Set(["2023–2024 第一学期", "2023–2024 第二学期", "2024–2025 第一学期"]),
    );
  });

  it("judges a register with no date at all: the last semester ended, and the one under way near its end", async () => {
    const rows: CellValue[][] = [
      ["YS01", "一楼走廊", "学生", null, null, null, null, null],
      ["YS02", "二楼走廊", "学生", null, null, null, null, null],
      ["JS01", "教师办公室", "教师", null, null, null, null, null],
    ];
    const report = await check(rows, "2025-03-10", { settings: [] });
    expect(found(report)).toEqual([
      ["canteen/filter-not-changed", "error", "D2"],
      ["canteen/water-test-missing", "error", "F2"],
      ["canteen/filter-not-changed", "error", "D3"],
      ["canteen/water-test-missing", "error", "F3"],
      ["canteen/dispenser-not-cleaned", "error", "E4"],
    ]);
    expect(report.findings[0]?.data).toMatchObject({ semester: { name: "2024–2025 第一学期" } });
    expect(semesterSheet(report)?.rows.map((r) => [r.dispenser, r.semester])).toEqual([
      ["YS01", "2024–2025 第一学期"],
      ["YS01", "2024–2025 第二学期"],
      ["YS02", "2024–2025 第一学期"],
      ["YS02", "2024–2025 第二学期"],
      ["JS01", "2024–2025 第一学期"],
      ["JS01", "2024–2025 第二学期"],
    ]);
  });

  it("judges every semester since a register stopped, the last four at most", async () => {
    const rows: CellValue[][] = [["YS01", "一楼走廊", "学生", "2023-09-05", null, "2023-09-10", "是", null]];
    const report = await check(rows, "2025-03-10", { settings: [] });
    expect(semesterSheet(report)?.rows.map((r) => [r.semester, r.status])).toEqual([
      ["2023–2024 第一学期", "已完成"],
      ["2023–2024 第二学期", "未完成：更换滤芯、水质检测"],
      ["2024–2025 第一学期", "未完成：更换滤芯、水质检测"],
      ["2024–2025 第二学期", "进行中，待完成：更换滤芯、水质检测"],
    ]);
    expect(report.findings.map((f) => [f.rule, f.data?.semester])).toEqual([
      ["canteen/filter-not-changed", expect.objectContaining({ name: "2023–2024 第二学期" })],
      ["canteen/filter-not-changed", expect.objectContaining({ name: "2024–2025 第一学期" })],
      ["canteen/water-test-missing", expect.objectContaining({ name: "2023–2024 第二学期" })],
      ["canteen/water-test-missing", expect.objectContaining({ name: "2024–2025 第一学期" })],
    ]);
    const old = await check(rows, "2027-03-10", { settings: [] });
    expect(semesterSheet(old)?.rows.map((r) => r.semester)).toEqual([
      "2025–2026 第一学期",
      "2025–2026 第二学期",
      "2026–2027 第一学期",
      "2026–2027 第二学期",
    ]);
  });
});
