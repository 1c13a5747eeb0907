import type { CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, readWorkbook, runChecks } from "@houqin/workbook";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { charges } from "../charges.js";
import { feeCheck } from "../checkFees.js";
import { publicityCheck, publicityPostedOn } from "../checkPublicity.js";
import { feeSchedule } from "../feeSchedule.js";
import { feePublicity } from "../publicityKinds.js";
import { expectWellFormed, messySheets } from "./messyGrids.js";

const finance: HouqinModule = {
  id: "finance",
  title: { "zh-CN": "财务", en: "Finance" },
  kinds: [feeSchedule, charges, feePublicity],
  checks: [feeCheck, publicityCheck],
};

const SETTINGS: CellValue[][] = [
  ["第一学期开始", "2023-09-01"],
  ["第一学期结束", "2024-01-20"],
  ["第二学期开始", "2024-02-19"],
  ["第二学期结束", "2024-07-05"],
];

const SCHEDULE: CellValue[][] = [
  ["收费项目", "收费标准", "计费单位", "批准文件", "公示日期"],
  ["课后服务费", 600, "元/生·学期", "示例区发改〔2023〕18号", "2023-08-25"],
  ["午餐费", 1300, "元/生·学期", "示例区教育局〔2023〕21号", "2023-08-25"],
  ["作业本费", 24, "元/生·学期", "示例区发改〔2022〕9号", null],
];

const PUBLICITY_HEADER: CellValue[] = ["公示项目", "收费标准", "公示日期", "撤下日期", "公示地点"];
const CHARGES_HEADER: CellValue[] = ["班级", "学生姓名", "收费项目", "金额", "缴费日期"];

/** Notices up from before the first semester, one of them for the whole year. */
const KEPT: CellValue[][] = [
  ["课后服务费", 600, "2023-08-28", "2024-01-20", "校门口公示栏"],
  ["午餐费", 1300, "2023-08-28", null, "校门口公示栏"],
];

async function check(
  publicity: CellValue[][] | null,
  chargeRows: CellValue[][],
  options: {
    settings?: CellValue[][] | null;
    lang?: "zh-CN" | "en";
    publicitySheet?: string;
    header?: CellValue[];
  } = {},
) {
  const settings = options.settings === undefined ? SETTINGS : options.settings;
  const sheets = [
    ...(settings ? [{ name: "设置", rows: settings }] : []),
    { name: "收费标准", rows: SCHEDULE },
    ...(publicity
      ? [
          {
            name: options.publicitySheet ?? "收费公示记录",
            rows: [options.header ?? PUBLICITY_HEADER, ...publicity],
          },
        ]
      : []),
    { name: "收费明细", rows: [CHARGES_HEADER, ...chargeRows] },
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [finance],
    today: "2030-01-01",
    asOf: "2024-06-30",
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

const found = (r: Awaited<ReturnType<typeof check>>) => r.findings.map((f) => [f.rule, f.sheet, f.cell]);

describe("checkPublicity", () => {
  it("finds nothing wrong with notices kept up to the end of the semester they are charged in", async () => {
    const report = await check(KEPT, [
      ["三(2)班", "王小明", "课后服务费", 600, "2023-09-04"],
      ["三(2)班", "王小明", "午餐费", 1300, "2023-09-04"],
      ["三(2)班", "李华", "午餐费", 1300, "2024-02-26"],
    ]);
    expect(report.findings).toEqual([]);
    expect(report.tables.map((t) => t.kind)).toEqual([
      "finance.fee-schedule",
      "finance.publicity",
      "finance.charges",
    ]);
  });

  it("reports a notice taken down before the semester ends, at its taken-down cell", async () => {
    const report = await check(
      [
        ["课后服务费", 600, "2023-08-28", "2023-11-30", "校门口公示栏"],
        ["午餐费", 1300, "2023-08-28", null, "校门口公示栏"],
      ],
      [["三(2)班", "王小明", "课后服务费", 600, "2023-09-04"]],
    );
    expect(found(report)).toEqual([["finance/publicity-not-kept", "收费公示记录", "D2"]]);
    expect(report.findings[0]?.severity).toBe("warning");
    expect(report.findings[0]?.clause).toBe("三(四)1");
    expect(report.findings[0]?.message).toBe(
      "“课后服务费”的收费公示于 2023-11-30 撤下，早于第一学期结束日 2024-01-20；该学期收取此项费用 1 笔，收费公示应保持整个学期",
    );
    expect(report.findings[0]?.data).toEqual({
      item: "课后服务费",
      semester: "第一学期",
      semesterStart: "2023-09-01",
      semesterEnd: "2024-01-20",
      charges: 1,
      takenDownOn: "2023-11-30",
    });
  });

  it("reports a gap between a notice taken down and the next one put up", async () => {
    const report = await check(
      [
        ["午餐费", 1300, "2023-08-28", "2023-10-31", "校门口公示栏"],
        ["午餐费", 1300, "2023-11-10", null, "校务公开栏"],
      ],
      [["三(2)班", "王小明", "午餐费", 1300, "2023-09-04"]],
    );
    expect(found(report)).toEqual([["finance/publicity-not-kept", "收费公示记录", "D2"]]);
    expect(report.findings[0]?.message).toBe(
      "“午餐费”的收费公示于 2023-10-31 撤下，2023-11-10 才重新公示，第一学期中间断 9 天；收费公示应保持整个学期",
    );
  });

  it("takes a notice put up again the next day as unbroken", async () => {
    const report = await check(
      [
        ["午餐费", 1300, "2023-08-28", "2023-10-31", "校门口公示栏"],
        ["午餐费", 1300, "2023-11-01", "2024-01-20", "校务公开栏"],
      ],
      [["三(2)班", "王小明", "午餐费", 1300, "2023-09-04"]],
    );
    expect(report.findings).toEqual([]);
  });

  it("reports a semester with charges and no notice at all, at the semester's first charge", async () => {
    const report = await check(
      [["课后服务费", 600, "2023-08-28", "2024-01-20", "校门口公示栏"]],
      [
        ["三(2)班", "王小明", "课后服务费", 600, "2023-09-04"],
        ["三(2)班", "李华", "课后服务费", 600, "2024-03-01"],
        ["三(2)班", "王小明", "课后服务费", 600, "2024-02-26"],
      ],
    );
    expect(found(report)).toEqual([["finance/publicity-not-kept", "收费明细", "C4"]]);
    expect(report.findings[0]?.message).toBe(
      "“课后服务费”在第二学期收取 2 笔（首笔 2024-02-26），收费公示记录中却没有该学期的公示",
    );
  });

  it("puts fees collected in the holidays in the semester that follows", async () => {
    const report = await check(
      [["课后服务费", 600, "2023-08-28", "2024-01-20", "校门口公示栏"]],
      [["三(2)班", "王小明", "课后服务费", 600, "2024-02-05"]],
    );
    expect(found(report)).toEqual([["finance/publicity-not-kept", "收费明细", "C2"]]);
    expect(report.findings[0]?.data).toMatchObject({ semester: "第二学期", firstCharge: "2024-02-05" });
  });

  it("leaves an item never publicised anywhere to the fee check's not-publicised rule", async () => {
    const report = await check(KEPT, [["三(2)班", "王小明", "作业本费", 24, "2023-09-04"]]);
    expect(found(report)).toEqual([["finance/not-publicised", "收费标准", "E4"]]);
  });

  it("judges an item whose schedule has no publicity date but whose notice came down early", async () => {
    const report = await check(
      [["作业本费", 24, "2023-08-28", "2023-09-30", "校门口公示栏"]],
      [["三(2)班", "王小明", "作业本费", 24, "2023-09-04"]],
    );
    // The notice in the record counts as the item's publicity: it was publicised, but not kept up.
    expect(found(report)).toEqual([["finance/publicity-not-kept", "收费公示记录", "D2"]]);
  });

  it("takes the publicity date from the record when the schedule has none, for a charge before it", async () => {
    const report = await check(
      [["作业本费", 24, "2023-09-06", "2024-01-26", "校门口公示栏"]],
      [["三(2)班", "王小明", "作业本费", 24, "2023-09-04"]],
    );
    expect(found(report).map((f) => f[0])).toContain("finance/not-publicised");
    expect(report.findings.find((f) => f.rule === "finance/not-publicised")?.sheet).toBe("收费明细");
  });

  it("reads a notice naming several items, or all of them", async () => {
    const report = await check(
      [
        ["课后服务费、午餐费", null, "2023-08-28", "2024-01-20", "校门口公示栏"],
        ["全部收费项目", null, "2024-02-01", null, "校门口公示栏"],
      ],
      [
        ["三(2)班", "王小明", "课后服务费（秋季）", 600, "2023-09-04"],
        ["三(2)班", "王小明", "午餐费", 1300, "2023-09-04"],
        ["三(2)班", "王小明", "午餐费", 1300, "2024-03-04"],
      ],
    );
    expect(report.findings).toEqual([]);
  });

  it("uses the halves of the school year when the settings name no semesters", async () => {
    const report = await check(
      [["午餐费", 1300, "2023-08-28", "2023-12-31", "校门口公示栏"]],
      [["三(2)班", "王小明", "午餐费", 1300, "2023-09-04"]],
      { settings: null },
    );
    expect(found(report)).toEqual([["finance/publicity-not-kept", "收费公示记录", "D2"]]);
    expect(report.findings[0]?.data).toMatchObject({
      semester: "2023–2024 第一学期",
      semesterEnd: "2024-01-31",
    });
  });

  it("reports a notice taken down before it went up, and does not use it", async () => {
    const report = await check(
      [
        ["午餐费", 1300, "2023-08-28", "2023-08-01", "校门口公示栏"],
        ["午餐费", 1300, "2023-08-28", null, "校门口公示栏"],
      ],
      [["三(2)班", "王小明", "午餐费", 1300, "2023-09-04"]],
    );
    expect(found(report)).toEqual([["finance/publicity-date-order", "收费公示记录", "D2"]]);
  });

  it("reads messy cells: serial and text dates, full-width digits, blank rows, an error value", async () => {
    const report = await check(
      [
        // 45166 is 2023-08-28; 45311 is 2024-01-20.
        ["课后服务费", "６００", 45166, 45311, "校门口公示栏"],
        [null, null, null, null, null],
        ["午餐费", "¥1,300.00", "2023年8月28日", { error: "#REF!" }, "校门口公示栏"],
      ],
      [
        ["三(2)班", "王小明", "课后服务费", "６００", "2023/9/4"],
        ["三(2)班", "王小明", "午餐费", 1300, 45173],
      ],
    );
    // The #REF! cell is reported by the row parser, and the row is not judged as taken down.
    expect(found(report)).toEqual([["workbook/error-value", "收费公示记录", "D4"]]);
  });

  it("says once that kept-up publicity cannot be checked when neither a record nor the schedule has dates", async () => {
    const wb = new MemoryWorkbook({
      sheets: [
        { name: "收费标准", rows: SCHEDULE.map((r) => r.slice(0, 4)) },
        { name: "收费明细", rows: [CHARGES_HEADER, ["三(2)班", "王小明", "午餐费", 1300, "2023-09-04"]] },
      ],
    });
    const report = await runChecks(wb, { modules: [finance], today: "2023-12-01", asOf: "2023-12-01" });
    expect(report.findings.map((f) => [f.rule, f.severity])).toContainEqual([
      "finance/no-publicity-record",
      "info",
    ]);
  });

  it("leaves a school whose fee schedule keeps the publicity dates to the fee check", async () => {
    const report = await check(null, [
      ["三(2)班", "王小明", "午餐费", 1300, "2023-09-04"],
      ["三(2)班", "李华", "午餐费", 1300, "2023-09-05"],
    ]);
    expect(found(report)).toEqual([]);
  });

  it("tells a publicity record from a fee schedule by its taken-down or place column", async () => {
    const header: CellValue[] = ["收费项目", "收费标准", "公示日期", "公示地点"];
    const report = await check(
      [
        ["课后服务费", 600, "2023-08-28", "校门口公示栏"],
        ["午餐费", 1300, "2023-08-28", "校门口公示栏"],
      ],
      [["三(2)班", "王小明", "午餐费", 1300, "2023-09-04"]],
      { header, publicitySheet: "Sheet2" },
    );
    expect(report.tables.find((t) => t.sheet === "Sheet2")?.kind).toBe("finance.publicity");
    expect(report.findings).toEqual([]);
  });

  it("speaks English when asked", async () => {
    const report = await check(
      [["午餐费", 1300, "2023-08-28", "2023-11-30", "校门口公示栏"]],
      [["三(2)班", "王小明", "午餐费", 1300, "2023-09-04"]],
      { lang: "en" },
    );
    expect(report.findings[0]?.message).toBe(
      "The fee notice for “午餐费” was taken down on 2023-11-30, before the first semester ends on 2024-01-20, yet the fee was charged in that semester (charges: 1); a fee notice stays up for the whole semester",
    );
  });
});

describe("publicityPostedOn", () => {
  it("gives the first date a notice naming the item went up", async () => {
    const sheets = [
      {
        name: "收费公示记录",
        rows: [
          PUBLICITY_HEADER,
          ["午餐费", 1300, "2023-09-10", null, "公示栏"],
          ["全部收费项目", null, "2023-08-28", "2023-09-09", "公示栏"],
        ],
      },
    ];
    const { ctx } = await readWorkbook(new MemoryWorkbook({ sheets }), {
      modules: [finance],
      today: "2023-10-01",
    });
    expect(publicityPostedOn(ctx, "午餐费")).toBe("2023-08-28");
    expect(publicityPostedOn(ctx, "校服费")).toBe("2023-08-28");
  });
});

describe("checkPublicity on arbitrary grids", () => {
  const sheets = messySheets(
    ["午餐费", "课后服务费", "全部收费项目"],
    ["收费公示记录", "收费明细", "收费标准", "设置"],
    [
      ["公示项目", "收费标准", "公示日期", "撤下日期", "公示地点"],
      ["班级", "学生姓名", "收费项目", "金额", "缴费日期"],
      ["收费项目", "收费标准", "公示日期"],
      ["第一学期开始", "2023-09-01"],
    ],
  );

  it("never throws, and every finding names a rule, a severity, a message and a cell address", async () => {
    let tables = 0;
    await fc.assert(
      fc.asyncProperty(sheets, async (sheets) => {
        const report = await runChecks(new MemoryWorkbook({ sheets }), {
          modules: [finance],
          today: "2024-06-30",
        });
        tables += report.tables.length;
        expectWellFormed(report.findings);
      }),
      { seed: 20240630, numRuns: 150 },
    );
    expect(tables).toBeGreaterThan(50);
  });
});
