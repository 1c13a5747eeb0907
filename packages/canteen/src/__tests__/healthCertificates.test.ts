import { type CellValue, isoToSerial } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { healthCertificatesCheck } from "../checkHealthCertificates.js";
import { meals, staff } from "../kinds.js";

const canteen: HouqinModule = {
  id: "canteen",
  title: { "zh-CN": "食堂", en: "Canteen" },
  kinds: [staff, meals],
  checks: [healthCertificatesCheck],
};

const HEADER: CellValue[] = ["姓名", "岗位", "健康证号", "发证日期", "有效期至", "入职日期", "离职日期"];

async function check(
  rows: CellValue[][],
  asOf: string,
  options: {
    header?: CellValue[];
    meals?: CellValue[][];
    lang?: "zh-CN" | "en";
    settings?: CellValue[][];
  } = {},
) {
  const sheets = [
    ...(options.settings ? [{ name: "设置", rows: options.settings }] : []),
    { name: "从业人员", rows: [options.header ?? HEADER, ...rows] },
    ...(options.meals ? [{ name: "就餐", rows: [["日期", "餐次", "就餐人数"], ...options.meals] }] : []),
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [canteen],
    today: "2030-01-01",
    asOf,
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

const found = (r: Awaited<ReturnType<typeof check>>) =>
  r.findings.map((f) => [f.rule, f.severity, f.cell, f.data?.date]);

describe("checkHealthCertificates", () => {
  it("finds nothing wrong with valid certificates", async () => {
    const report = await check(
      [
        ["王芳", "厨师", "JK2023-001", "2023-03-01", "2024-02-29", "2021-09-01", null],
        ["李明", "帮厨", "JK2023-002", "2023-06-15", null, "2022-09-01", null],
      ],
      "2023-10-12",
    );
    expect(report.findings).toEqual([]);
  });

  it("reports each serving day worked after expiry: three days, three findings at the expiry cell", async () => {
    // Valid through Monday 10-09; Tuesday to Thursday ("today") worked with it expired.
    const report = await check(
      [
        ["王芳", "厨师", "JK2023-001", "2023-03-01", "2024-02-29", "2021-09-01", null],
        ["李明", "帮厨", "JK2022-017", "2022-10-10", "2023-10-09", "2021-09-01", null],
      ],
      "2023-10-12",
    );
    expect(found(report)).toEqual([
      ["canteen/health-certificate-expired", "error", "E3", "2023-10-10"],
      ["canteen/health-certificate-expired", "error", "E3", "2023-10-11"],
      ["canteen/health-certificate-expired", "error", "E3", "2023-10-12"],
    ]);
    expect(report.findings[0]?.message).toBe(
      "李明的健康证已于 2023-10-09 到期，2023-10-10 仍持过期健康证上岗",
    );
    expect(report.findings[0]?.clause).toBe("三(三)4");
    expect(report.findings[0]?.data).toEqual({ name: "李明", expires: "2023-10-09", date: "2023-10-10" });
  });

  it("numbers the days when there are more than five, counting make-up days and skipping the holiday", async () => {
    const report = await check(
      [["李明", "帮厨", "JK2022-017", "2022-09-29", "2023-09-28", "2021-09-01", null]],
      "2023-10-12",
      { lang: "en" },
    );
    expect(report.findings.map((f) => f.data?.date)).toEqual([
      "2023-10-07",
      "2023-10-08",
      "2023-10-09",
      "2023-10-10",
      "2023-10-11",
      "2023-10-12",
    ]);
    expect(report.findings[2]?.message).toBe(
      "李明's health certificate expired on 2023-09-28; 李明 still worked on 2023-10-09 (day 3 of 6)",
    );
  });

  it("takes a year from the issue date when there is no expiry, and stops at the leave date", async () => {
    const report = await check(
      [
        ["李明", "帮厨", "JK2022-017", "2022-10-10", null, "2021-09-01", null],
        ["赵强", "保洁", "JK2022-018", "2022-10-10", null, "2021-09-01", "2023-10-10"],
        ["孙丽", "帮厨", "JK2022-019", "2022-01-05", null, "2023-10-11", null],
      ],
      "2023-10-12",
    );
    expect(found(report)).toEqual([
      ["canteen/health-certificate-expired", "error", "D2", "2023-10-10"],
      ["canteen/health-certificate-expired", "error", "D2", "2023-10-11"],
      ["canteen/health-certificate-expired", "error", "D2", "2023-10-12"],
      ["canteen/health-certificate-expired", "error", "D3", "2023-10-10"],
      ["canteen/health-certificate-expired", "error", "D4", "2023-10-11"],
      ["canteen/health-certificate-expired", "error", "D4", "2023-10-12"],
    ]);
    expect(report.findings[0]?.message).toBe(
      "李明的健康证已于 2023-10-09 到期，2023-10-10 仍持过期健康证上岗（按发证日期起一年计）",
    );
  });

  it("counts only the days the canteen served when there is a meals table", async () => {
    const report = await check(
      [["李明", "帮厨", "JK2022-017", null, "2023-10-09", null, null]],
      "2023-10-12",
      {
        meals: [
          ["2023-10-09", "午餐", 700],
          ["2023-10-10", "午餐", 700],
          ["2023-10-11", "午餐", 0],
          ["2023-10-12", "午餐", 690],
        ],
      },
    );
    expect(found(report)).toEqual([
      ["canteen/health-certificate-expired", "error", "E2", "2023-10-10"],
      ["canteen/health-certificate-expired", "error", "E2", "2023-10-12"],
    ]);
  });

  it("warns of an expiry within the warning period, and of an expired one not yet worked with", async () => {
    const report = await check(
      [
        ["王芳", "厨师", "JK2023-001", null, "2023-11-10", null, null],
        // Expired on Friday; "today" is Sunday.
        ["李明", "帮厨", "JK2022-017", null, "2023-10-13", null, null],
      ],
      "2023-10-15",
    );
    expect(found(report)).toEqual([
      ["canteen/health-certificate-expiring", "warning", "E2", undefined],
      ["canteen/health-certificate-expired", "warning", "E3", undefined],
    ]);
    expect(report.findings.map((f) => f.message)).toEqual([
      "王芳的健康证将于 2023-11-10 到期（还有 26 天），请及时安排体检换证",
      "李明的健康证已于 2023-10-13 到期，须换证后方可上岗",
    ]);
  });

  it("says an expiry on the day itself is today", async () => {
    const report = await check(
      [["王芳", "厨师", "JK2023-001", null, "2023-10-16", null, null]],
      "2023-10-16",
    );
    expect(found(report)).toEqual([["canteen/health-certificate-expiring", "warning", "E2", undefined]]);
    expect(report.findings[0]?.message).toBe(
      "王芳的健康证今天（2023-10-16）到期，请尽快安排体检换证，明天起不得持过期健康证上岗",
    );
  });

  it("takes the warning period from the settings", async () => {
    const report = await check(
      [["王芳", "厨师", "JK2023-001", null, "2023-11-10", null, null]],
      "2023-10-15",
      {
        settings: [["证照到期提醒天数", 15]],
      },
    );
    expect(report.findings).toEqual([]);
  });

  it("reports a current member with no certificate, not one who left before the period", async () => {
    const report = await check(
      [
        ["王芳", "厨师", null, null, null, "2023-09-01", null],
        ["周伟", "帮厨", null, null, null, "2020-09-01", "2023-06-30"],
        ["吴敏", "帮厨", "JK2023-005", null, null, "2023-09-01", null],
      ],
      "2023-10-12",
    );
    expect(found(report)).toEqual([["canteen/health-certificate-missing", "error", "C2", undefined]]);
    expect(report.findings[0]?.message).toBe(
      "王芳没有登记健康证（无证号、无发证或有效期日期），从业人员须持健康证上岗",
    );
  });

  it("says once that a sheet named as the staff register but without certificate columns cannot be checked", async () => {
    const report = await check(
      [
        ["王芳", "厨师", "2023-09-01"],
        ["李明", "帮厨", "2023-09-01"],
      ],
      "2023-10-12",
      { header: ["姓名", "岗位", "入职日期"] },
    );
    expect(found(report)).toEqual([["canteen/health-certificate-missing", "info", "A1", undefined]]);
  });

  it("reads serial and text dates and leaves an unreadable expiry to the row parser", async () => {
    const report = await check(
      [
        ["王芳", "厨师", "JK2023-001", null, isoToSerial("2023-10-09", "1900"), null, null],
        ["李明", "帮厨", "JK2022-017", null, "2023年10月11日", null, null],
        [null, null, null, null, null, null, null],
        ["赵强", "保洁", "JK2022-018", null, { error: "#REF!" }, null, null],
        ["孙丽", "帮厨", "ＪＫ２０２２－０１９", "２０２２．１１．０１", null, null, null],
      ],
      "2023-10-12",
    );
    expect(found(report)).toEqual([
      ["canteen/health-certificate-expired", "error", "E2", "2023-10-10"],
      ["canteen/health-certificate-expired", "error", "E2", "2023-10-11"],
      ["canteen/health-certificate-expired", "error", "E2", "2023-10-12"],
      ["canteen/health-certificate-expired", "error", "E3", "2023-10-12"],
      ["workbook/error-value", "error", "E5", undefined],
      ["canteen/health-certificate-expiring", "warning", "D6", undefined],
    ]);
  });
});
