import { type CellValue, createSchoolCalendar, isoToSerial } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { dailyLogsCheck } from "../checkDailyLogs.js";
import { disinfectionLog, uploadLog } from "../hygieneKinds.js";
import { meals } from "../kinds.js";

const canteen: HouqinModule = {
  id: "canteen",
  title: { "zh-CN": "食堂", en: "Canteen" },
  kinds: [meals, disinfectionLog, uploadLog],
  checks: [dailyLogsCheck],
};

const calendar = createSchoolCalendar();
const DISINFECTION_HEADER: CellValue[] = ["日期", "餐次", "消毒对象", "消毒方式", "消毒人"];
const UPLOAD_HEADER: CellValue[] = ["上传日期", "上传平台", "上传内容", "是否上传", "上传人"];

const disinfectionRow = (date: CellValue): CellValue[] => [date, "午餐", "餐具、厨具", "高温蒸汽", "王芳"];
const uploadRow = (date: CellValue, uploaded: CellValue = "是"): CellValue[] => [
  date,
  "阳光食堂",
  "晨检、留样照片",
  uploaded,
  "李明",
];

/** Rows for every school day of a range, except some. */
function daily(from: string, to: string, skip: string[], row: (date: string) => CellValue[]): CellValue[][] {
  return calendar
    .schoolDays(from, to)
    .filter((d) => !skip.includes(d))
    .map((d) => row(d));
}

async function check(
  sheets: { name: string; rows: CellValue[][] }[],
  asOf: string,
  options: { lang?: "zh-CN" | "en" } = {},
) {
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [canteen],
    today: "2030-01-01",
    asOf,
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

/** The findings at a cell: a log missing from the workbook is said once without one, tested on its own. */
const found = (r: Awaited<ReturnType<typeof check>>) =>
  r.findings.filter((f) => f.cell !== undefined).map((f) => [f.rule, f.sheet, f.cell, f.data?.date]);

describe("checkDailyLogs", () => {
  it("counts the make-up days of National Day 2023 as school days and the holiday as none", () => {
    expect(calendar.isSchoolDay("2023-10-07")).toBe(true);
    expect(calendar.isSchoolDay("2023-10-08")).toBe(true);
    expect(calendar.isSchoolDay("2023-10-02")).toBe(false);
    expect(calendar.schoolDays("2023-10-01", "2023-10-31")).toHaveLength(19);
  });

  it("finds exactly the one missing disinfection day and the one missing upload day of October 2023", async () => {
    const disinfection = daily("2023-10-01", "2023-10-31", ["2023-10-17"], disinfectionRow);
    const uploads = daily("2023-10-01", "2023-10-31", ["2023-10-24"], uploadRow);
    const report = await check(
      [
        { name: "消毒记录", rows: [["餐具消毒记录"], DISINFECTION_HEADER, ...disinfection] },
        { name: "明厨亮灶上传", rows: [UPLOAD_HEADER, ...uploads] },
      ],
      "2023-11-01",
    );
    expect(report.tables.map((t) => t.kind)).toEqual(["canteen.disinfection-log", "canteen.upload-log"]);
    // Each points at the record after the gap: 10-18, the 9th row of data under a title and a
    // header (row 11), and 10-25, the 14th under a header (row 15).
    expect(found(report)).toEqual([
      ["canteen/disinfection-missing", "消毒记录", "A11", "2023-10-17"],
      ["canteen/upload-missing", "明厨亮灶上传", "A15", "2023-10-24"],
    ]);
    expect(report.findings.map((f) => [f.severity, f.clause, f.message])).toEqual([
      ["error", "三(三)4", "2023-10-17 没有餐具、厨具消毒记录"],
      ["error", "三(三)7", "2023-10-24 没有“明厨亮灶”/“阳光食堂”平台上传记录"],
    ]);
  });

  it("finds nothing wrong with complete logs", async () => {
    const report = await check(
      [
        {
          name: "消毒记录",
          rows: [DISINFECTION_HEADER, ...daily("2023-10-01", "2023-10-31", [], disinfectionRow)],
        },
        { name: "上传记录", rows: [UPLOAD_HEADER, ...daily("2023-10-01", "2023-10-31", [], uploadRow)] },
      ],
      "2023-11-01",
    );
    expect(report.findings).toEqual([]);
  });

  it("judges a log from its first record without semesters, one finding for each day of a run", async () => {
    const rows = daily(
      "2023-10-01",
      "2023-10-20",
      ["2023-10-07", "2023-10-12", "2023-10-13"],
      disinfectionRow,
    );
    const report = await check([{ name: "消毒", rows: [DISINFECTION_HEADER, ...rows] }], "2023-11-01", {
      lang: "en",
    });
    // Without semesters the log is judged from its first record (10-08): 10-07 is before it.
    expect(found(report)).toEqual([
      ["canteen/disinfection-missing", "消毒", "A6", "2023-10-12"],
      ["canteen/disinfection-missing", "消毒", "A6", "2023-10-13"],
    ]);
    expect(report.findings[0]?.message).toBe(
      "No disinfection of tableware and kitchenware recorded on 2023-10-12",
    );
  });

  it("reports a day the upload log says was not uploaded at its 是否上传 cell", async () => {
    const rows = daily("2023-10-09", "2023-10-13", [], (d) =>
      uploadRow(d, d === "2023-10-11" ? "未上传" : "已上传"),
    );
    const report = await check([{ name: "上传", rows: [UPLOAD_HEADER, ...rows] }], "2023-10-16");
    expect(found(report)).toEqual([["canteen/upload-missing", "上传", "D4", "2023-10-11"]]);
    expect(report.findings[0]?.message).toBe("2023-10-11 记录为未上传管理平台");
  });

  it("judges a log from the first meal served, on the days the meals table shows", async () => {
    // The canteen served from 09-25; on the make-up Sunday 10-08 it did not (no meals row), and
    // on 10-09 nobody ate (停餐). The disinfection log only starts on 10-10.
    const mealDays = [
      "2023-09-25",
      "2023-09-26",
      "2023-09-27",
      "2023-09-28",
      "2023-10-07",
      "2023-10-10",
      "2023-10-11",
    ];
    const report = await check(
      [
        {
          name: "就餐",
          rows: [
            ["日期", "餐次", "学生人数", "教职工人数"],
            ...mealDays.map((d) => [d, "午餐", 700, 40]),
            ["2023-10-09", "午餐", 0, 0],
          ],
        },
        {
          name: "消毒",
          rows: [DISINFECTION_HEADER, disinfectionRow("2023-10-10"), disinfectionRow("2023-10-11")],
        },
      ],
      "2023-10-12",
    );
    expect(found(report)).toEqual([
      ["canteen/disinfection-missing", "消毒", "A2", "2023-09-25"],
      ["canteen/disinfection-missing", "消毒", "A2", "2023-09-26"],
      ["canteen/disinfection-missing", "消毒", "A2", "2023-09-27"],
      ["canteen/disinfection-missing", "消毒", "A2", "2023-09-28"],
      ["canteen/disinfection-missing", "消毒", "A2", "2023-10-07"],
    ]);
  });

  it("misses a make-up Saturday of the semester, and does not call today or later missing", async () => {
    const rows = daily("2023-10-07", "2023-10-27", ["2023-10-07"], disinfectionRow);
    const report = await check(
      [
        {
          name: "设置",
          rows: [
            ["第一学期开始", "2023-10-07"],
            ["第一学期结束", "2024-01-19"],
          ],
        },
        { name: "消毒", rows: [DISINFECTION_HEADER, ...rows] },
      ],
      "2023-10-31",
    );
    // The semester runs on, but only 10-30 is before "today" (10-31).
    expect(found(report)).toEqual([
      ["canteen/disinfection-missing", "消毒", "A2", "2023-10-07"],
      ["canteen/disinfection-missing", "消毒", "A17", "2023-10-30"],
    ]);
  });

  it("reads serial and text dates, skips blank rows and does not count a blank form line", async () => {
    const report = await check(
      [
        {
          name: "消毒",
          rows: [
            DISINFECTION_HEADER,
            [isoToSerial("2023-10-09", "1900"), "午餐", "餐具", "高温", "王芳"],
            ["2023年10月10日", "午餐", "餐具", "高温", { error: "#REF!" }],
            [null, null, null, null, null],
            ["2023/10/11", "午餐", "餐具", "高温", "王芳"],
            ["２０２３．１０．１２", null, null, null, null],
            ["10月13日", "午餐", "餐具", "消毒柜", "王芳"],
          ],
        },
      ],
      "2023-10-16",
    );
    expect(report.findings.map((f) => [f.rule, f.cell])).toEqual([
      ["workbook/error-value", "E3"],
      ["canteen/disinfection-missing", "A7"],
      ["canteen/upload-missing", undefined],
    ]);
    expect(report.findings[1]?.data).toEqual({ date: "2023-10-12" });
  });

  it("judges only the log that is in the workbook, and says once that the other is missing", async () => {
    const report = await check(
      [{ name: "上传", rows: [UPLOAD_HEADER, ...daily("2023-10-09", "2023-10-13", [], uploadRow)] }],
      "2023-10-16",
    );
    // The disinfection log is not there: said once, not day by day.
    expect(report.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell])).toEqual([
      ["canteen/disinfection-missing", "info", undefined, undefined],
    ]);
    expect(report.findings[0]?.message).toBe(
      "工作簿中没有找到餐具、厨具消毒记录，无法核对食堂厨具、餐具是否每天定时消毒",
    );
    const other = await check(
      [
        {
          name: "消毒",
          rows: [DISINFECTION_HEADER, ...daily("2023-10-09", "2023-10-13", [], disinfectionRow)],
        },
      ],
      "2023-10-16",
      { lang: "en" },
    );
    expect(other.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        "canteen/upload-missing",
        "info",
        "No kitchen-monitoring platform upload log was found in the workbook, so daily uploads cannot be checked",
      ],
    ]);
  });
});
