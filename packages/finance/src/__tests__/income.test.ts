import type { CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { income } from "../budgetKinds.js";
import { charges } from "../charges.js";
import { incomeCheck } from "../checkIncome.js";
import { expectWellFormed, messySheets } from "./messyGrids.js";

const finance: HouqinModule = {
  id: "finance",
  title: { "zh-CN": "财务", en: "Finance" },
  kinds: [charges, income],
  checks: [incomeCheck],
};

const HEADER: CellValue[] = ["收入日期", "收入来源", "票据号", "收入金额", "送存日期", "送存金额"];

async function check(
  rows: CellValue[][],
  options: {
    header?: CellValue[];
    settings?: CellValue[][];
    asOf?: string;
    lang?: "zh-CN" | "en";
    sheet?: string;
  } = {},
) {
  const sheets = [
    ...(options.settings ? [{ name: "设置", rows: options.settings }] : []),
    { name: options.sheet ?? "收入登记", rows: [options.header ?? HEADER, ...rows] },
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [finance],
    today: "2030-01-01",
    asOf: options.asOf ?? "2023-10-31",
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

const found = (r: Awaited<ReturnType<typeof check>>) => r.findings.map((f) => [f.rule, f.cell]);

describe("checkIncome", () => {
  it("finds nothing wrong with income banked in full the same day", async () => {
    const report = await check([
      ["2023-09-04", "课后服务费", "0012301", 36000, "2023-09-04", 36000],
      ["2023-09-05", "场地租金", "0012302", "¥2,000.00", "2023-09-05", null],
    ]);
    expect(report.findings).toEqual([]);
    expect(report.tables.map((t) => t.kind)).toEqual(["finance.income"]);
  });

  it("reports income with no deposit date, at the deposit-date cell", async () => {
    const report = await check([["2023-09-04", "课后服务费", "0012301", 36000, null, null]]);
    expect(found(report)).toEqual([["finance/income-not-deposited", "E2"]]);
    expect(report.findings[0]?.severity).toBe("error");
    expect(report.findings[0]?.clause).toBe("三(四)3");
    expect(report.findings[0]?.message).toBe(
      "2023-09-04 收到“课后服务费”¥36,000.00，未登记送存日期，视为未送存银行；收入应及时足额送存（当日送存），不得坐支",
    );
  });

  it("reports a deposit short of the amount received, at the deposited-amount cell", async () => {
    const report = await check([["2023-09-04", "课后服务费", "0012301", 36000, "2023-09-04", "35,400"]]);
    expect(found(report)).toEqual([["finance/income-not-deposited", "F2"]]);
    expect(report.findings[0]?.message).toBe(
      "2023-09-04 收到“课后服务费”¥36,000.00，只送存 ¥35,400.00，少存 ¥600.00；收入应全额送存，不得坐支",
    );
    expect(report.findings[0]?.data).toEqual({
      date: "2023-09-04",
      amount: 3600000,
      source: "课后服务费",
      depositedAmount: 3540000,
      short: 60000,
    });
  });

  it("reports a deposit later than the same day, counting calendar days", async () => {
    const report = await check([["2023-09-08", "课后服务费", "0012301", 36000, "2023-09-11", 36000]]);
    expect(found(report)).toEqual([["finance/income-deposited-late", "E2"]]);
    expect(report.findings[0]?.severity).toBe("warning");
    expect(report.findings[0]?.message).toBe(
      "2023-09-08 收到“课后服务费”¥36,000.00，2023-09-11 才送存，隔了 3 天，超过送存期限（当日送存）",
    );
  });

  it("takes the deposit limit from the settings", async () => {
    const rows = [["2023-09-08", "课后服务费", "0012301", 36000, "2023-09-11", 36000]];
    expect((await check(rows, { settings: [["收入送存期限", 3]] })).findings).toEqual([]);
    const two = await check(rows, { settings: [["收入送存期限", "2天"]] });
    expect(two.findings[0]?.message).toBe(
      "2023-09-08 收到“课后服务费”¥36,000.00，2023-09-11 才送存，隔了 3 天，超过送存期限（2 天内送存）",
    );
  });

  it("does not count income received within the limit before today as undeposited", async () => {
    const report = await check([["2023-10-30", "课后服务费", "0012301", 36000, null, null]], {
      asOf: "2023-10-31",
      settings: [["收入送存期限", 1]],
    });
    expect(report.findings).toEqual([]);
  });

  it("reports a deposit dated before the income", async () => {
    const report = await check([["2023-09-08", "课后服务费", "0012301", 36000, "2023-09-01", 36000]]);
    expect(found(report)).toEqual([["finance/income-date-order", "E2"]]);
  });

  it("asks for the deposit date when only the amount deposited is recorded", async () => {
    const report = await check([["2023-09-08", "课后服务费", "0012301", 36000, null, 36000]]);
    expect(found(report)).toEqual([["finance/income-not-deposited", "E2"]]);
    expect(report.findings[0]?.message).toBe(
      "2023-09-08 收到“课后服务费”¥36,000.00，登记了送存金额 ¥36,000.00，却没有送存日期，无法确认已送存银行；请补登送存日期",
    );
  });

  it("judges by the amount deposited when the record has no deposit-date column", async () => {
    const header = ["日期", "来源", "金额", "送存金额"];
    const report = await check(
      [
        ["2023-09-04", "课后服务费", 36000, 36000],
        ["2023-09-05", "场地租金", 2000, null],
      ],
      { header },
    );
    expect(found(report)).toEqual([["finance/income-not-deposited", "D3"]]);
  });

  it("says once that banking cannot be checked when a sheet named for income has no deposit column", async () => {
    const report = await check(
      [
        ["2023-09-04", "课后服务费", 36000],
        ["2023-09-05", "场地租金", 2000],
      ],
      { header: ["日期", "收入来源", "金额"], sheet: "收入登记" },
    );
    expect(report.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["finance/income-not-deposited", "info", "C1"],
    ]);
  });

  it("reads messy cells: serials, full-width digits, blank rows, an error value", async () => {
    const report = await check([
      // 45173 is 2023-09-04.
      [45173, "课后服务费", "0012301", "３６０００", "2023年9月4日", "36,000.00"],
      [null, null, null, null, null, null],
      ["9月5日", "场地租金", "0012302", 2000, { error: "#REF!" }, null],
    ]);
    // The #REF! cell is reported by the row parser only.
    expect(found(report)).toEqual([["workbook/error-value", "E4"]]);
  });

  it("is not confused with the fee charges", async () => {
    const report = await check([["三(2)班", "王小明", "课后服务费", 600, "2023-09-04"]], {
      header: ["班级", "学生姓名", "收费项目", "金额", "缴费日期"],
      sheet: "收费明细",
    });
    expect(report.tables.map((t) => t.kind)).toEqual(["finance.charges"]);
  });

  it("speaks English when asked", async () => {
    const report = await check([["2023-09-04", "课后服务费", "0012301", 36000, null, null]], { lang: "en" });
    expect(report.findings[0]?.message).toBe(
      "¥36,000.00 from “课后服务费” received on 2023-09-04 has no deposit date, so it counts as not banked; income is banked in full (the same day) and never spent out of receipts",
    );
  });
});

describe("checkIncome on arbitrary grids", () => {
  const sheets = messySheets(
    ["课后服务费", "租金", "0012301"],
    ["收入登记", "Sheet1", "设置"],
    [
      ["收入日期", "收入来源", "票据号", "收入金额", "送存日期", "送存金额"],
      ["日期", "来源", "金额", "送存金额"],
      ["收入送存期限", 1],
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
