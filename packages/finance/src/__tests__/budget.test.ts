import type { CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budget, expenses } from "../budgetKinds.js";
import { budgetCheck } from "../checkBudget.js";
import { expectWellFormed, messySheets } from "./messyGrids.js";

const finance: HouqinModule = {
  id: "finance",
  title: { "zh-CN": "财务", en: "Finance" },
  kinds: [budget, expenses],
  checks: [budgetCheck],
};

const BUDGET: CellValue[][] = [
  ["科目编码", "经济分类", "预算项目", "年度预算"],
  ["30201", "商品和服务支出", "办公费", 20000],
  ["30205", "商品和服务支出", "水费", 12000],
  ["30206", "商品和服务支出", "电费", 36000],
  ["30213", "商品和服务支出", "维修(护)费", 50000],
  [31002, "资本性支出", "办公设备购置", "80,000.00"],
];
const EXPENSE_HEADER: CellValue[] = ["日期", "凭证号", "摘要", "经济分类", "预算项目", "金额"];
/** Half of every line spent by 30 June 2024, when 182 of the year's 366 days (49.7%) are gone. */
const ON_PACE: CellValue[][] = [
  ["2024-03-05", "记-012", "购打印纸", "30201 办公费", "办公费", 10000],
  ["2024-04-10", "记-031", "一季度水费", "商品和服务支出", "水费", 6000],
  ["2024-04-10", "记-032", "一季度电费", "商品和服务支出", "电费", 18000],
  ["2024-05-20", "记-050", "教学楼屋面维修", "30213", "维修(护)费", 25000],
  ["2024-06-03", "记-061", "购台式计算机", "31002", null, 40000],
];

async function check(
  expenseRows: CellValue[][] | null,
  options: {
    budget?: CellValue[][] | null;
    settings?: CellValue[][];
    asOf?: string;
    lang?: "zh-CN" | "en";
    header?: CellValue[];
  } = {},
) {
  const budgetRows = options.budget === undefined ? BUDGET : options.budget;
  const sheets = [
    ...(options.settings ? [{ name: "设置", rows: options.settings }] : []),
    ...(budgetRows ? [{ name: "2024年预算", rows: budgetRows }] : []),
    ...(expenseRows ? [{ name: "支出明细", rows: [options.header ?? EXPENSE_HEADER, ...expenseRows] }] : []),
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [finance],
    today: "2030-01-01",
    asOf: options.asOf ?? "2024-06-30",
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

const found = (r: Awaited<ReturnType<typeof check>>) => r.findings.map((f) => [f.rule, f.sheet, f.cell]);
const withSpent = (line: string, amount: CellValue): CellValue[][] =>
  ON_PACE.map((r) =>
    r[4] === line || (line === "办公设备购置" && r[3] === "31002") ? [...r.slice(0, 5), amount] : r,
  );

describe("checkBudget", () => {
  it("finds nothing wrong with spending on budget lines, on pace with the year", async () => {
    const report = await check(ON_PACE);
    expect(report.findings).toEqual([]);
  });

  it("reports a line spent beyond its budget, at the line's budget cell", async () => {
    const report = await check(withSpent("办公费", 21000.5));
    expect(found(report)).toEqual([["finance/over-budget", "2024年预算", "D2"]]);
    expect(report.findings[0]?.severity).toBe("error");
    expect(report.findings[0]?.clause).toBe("三(四)3");
    expect(report.findings[0]?.message).toBe(
      "“办公费”年度预算 ¥20,000.00，截至 2024-06-30 已支出 ¥21,000.50，超支 ¥1,000.50（执行率 105.0%）；支出应严格控制在预算内",
    );
    expect(report.findings[0]?.data).toEqual({
      line: "办公费",
      code: "30201",
      year: 2024,
      budget: 2000000,
      spent: 2100050,
      excess: 100050,
    });
  });

  it("reports execution far behind or ahead of the time gone, beyond 20 points", async () => {
    const report = await check([
      ...withSpent("办公设备购置", 0).filter((r) => r[5] !== 0),
      ["2024-06-20", "记-070", "食堂屋面防水", "30213", "维修(护)费", 15000],
    ]);
    expect(found(report)).toEqual([
      ["finance/budget-execution-off-pace", "2024年预算", "D5"],
      ["finance/budget-execution-off-pace", "2024年预算", "D6"],
    ]);
    expect(report.findings.map((f) => f.message)).toEqual([
      "“维修(护)费”年度预算 ¥50,000.00，截至 2024-06-30 已支出 ¥40,000.00，执行率 80.0%，时间进度 49.7%，执行超前 30.3 个百分点（允许偏差 20 个百分点）",
      "“办公设备购置”年度预算 ¥80,000.00，截至 2024-06-30 已支出 ¥0.00，执行率 0.0%，时间进度 49.7%，执行滞后 49.7 个百分点（允许偏差 20 个百分点）",
    ]);
    expect(report.findings[0]?.severity).toBe("warning");
  });

  it("takes the pace tolerance and the budget year from the settings", async () => {
    const rows = [...ON_PACE, ["2024-06-20", "记-070", "食堂屋面防水", "30213", "维修(护)费", 15000]];
    const loose = await check(rows, { settings: [["预算执行偏差", "35%"]] });
    expect(loose.findings).toEqual([]);
    const lastYear = await check(rows, { settings: [["预算年度", "2023年"]] });
    expect(lastYear.findings.map((f) => f.rule)).toEqual(["finance/expense-outside-budget-year"]);
    expect(lastYear.findings[0]?.message).toBe(
      "支出明细中有 6 笔支出不在预算年度 2023 年内（如 2024-03-05），未计入预算执行；如需按其他年度核对，请在设置表填写“预算年度”",
    );
  });

  it("does not judge the pace in the first quarter", async () => {
    const report = await check([["2024-01-15", "记-001", "购打印纸", "30201", "办公费", 100]], {
      asOf: "2024-03-31",
    });
    expect(report.findings).toEqual([]);
    expect(report.reports[0]?.rows[0]?.status).toBe("一季度后评估");
  });

  it("reports an expense whose line matches no budget line, at its line cell", async () => {
    const report = await check([...ON_PACE, ["2024-06-12", "记-066", "教研会议", "30215", "会议费", 400]]);
    expect(found(report)).toEqual([["finance/expense-without-budget", "支出明细", "E7"]]);
    expect(report.findings[0]?.message).toBe(
      "2024-06-12 支出“教研会议” ¥400.00（凭证号 记-066），“30215 / 会议费”在预算表中找不到对应的预算项目；支出应在预算内列支（收支两条线）",
    );
  });

  it("matches expenses by code prefix and by normalised text", async () => {
    const report = await check([
      ...ON_PACE.slice(1),
      // A detailed code under the budget's 30201; full-width and spaced names.
      ["2024-03-05", "记-012", "购打印纸", "3020101", null, 5000],
      ["2024-03-06", "记-013", "购墨盒", null, "办 公 费", "５０００"],
      ["2024-05-21", "记-051", "门窗维修", null, "维修（护）费", 0],
    ]);
    expect(report.findings).toEqual([]);
  });

  it("reports an expense that names neither a line nor a classification", async () => {
    const report = await check([...ON_PACE, ["2024-06-12", "记-066", "零星支出", null, null, 50]]);
    expect(found(report)).toEqual([["finance/expense-without-budget", "支出明细", "E7"]]);
    expect(report.findings[0]?.message).toBe(
      "2024-06-12 支出“零星支出” ¥50.00（凭证号 记-066）没有填写预算项目或经济分类，无法对应预算",
    );
  });

  it("counts spending that names only a classification against it, and reports the class over budget", async () => {
    const ok = await check([...ON_PACE, ["2024-06-12", "记-066", "杂项", "302", null, 100]]);
    expect(ok.findings).toEqual([]);
    const over = await check([...ON_PACE, ["2024-06-12", "记-066", "杂项", "商品和服务支出", null, 60000]]);
    expect(found(over)).toEqual([["finance/over-budget", "2024年预算", "B2"]]);
    expect(over.findings[0]?.message).toBe(
      "“302 商品和服务支出”预算合计 ¥118,000.00，截至 2024-06-30 已支出 ¥119,000.00（其中 ¥60,000.00 未细分到预算项目），超支 ¥1,000.00",
    );
  });

  it("reads a classification row as the head of its lines, not as another line", async () => {
    const budgetRows: CellValue[][] = [
      ["科目编码", "预算项目", "预算数"],
      ["302", "商品和服务支出", 100000],
      ["30201", "办公费", 20000],
      ["30205", "水费", 12000],
    ];
    const report = await check(
      [
        ["2024-03-05", "记-012", "购打印纸", "30201", "办公费", 10000],
        ["2024-04-10", "记-031", "水费", "30205", null, 6000],
        ["2024-04-11", "记-032", "印刷", "302", null, 40000],
      ],
      { budget: budgetRows },
    );
    expect(report.findings).toEqual([]);
    const rows = report.reports[0]?.rows ?? [];
    expect(rows.map((r) => [r.classification, r.code, r.line, r.budget, r.spent])).toEqual([
      ["302 商品和服务支出", "302", "商品和服务支出", 10000000, 5600000],
      ["302 商品和服务支出", "30201", "办公费", 2000000, 1000000],
      ["302 商品和服务支出", "30205", "水费", 1200000, 600000],
      ["302 商品和服务支出 小计", null, "", 10000000, 5600000],
      ["合计", null, "", 10000000, 5600000],
    ]);
  });

  it("reads a heading with an ordinal (一、 （一） 1. 1、) as its classification's row", async () => {
    for (const heading of [
      "一、商品和服务支出",
      "（一）商品和服务支出",
      "1.商品和服务支出",
      "1、 商品和服务支出",
    ]) {
      const budgetRows: CellValue[][] = [
        ["科目编码", "预算项目", "预算数"],
        [null, heading, 32000],
        ["30201", "办公费", 20000],
        ["30205", "水费", 12000],
      ];
      const report = await check(
        [
          ["2024-03-05", "记-012", "购打印纸", "30201", "办公费", 10000],
          ["2024-04-10", "记-031", "水费", "30205", null, 6000],
        ],
        { budget: budgetRows },
      );
      expect(report.findings, heading).toEqual([]);
      const rows = report.reports[0]?.rows ?? [];
      expect(rows.at(-1), heading).toMatchObject({ classification: "合计", budget: 3200000, spent: 1600000 });
    }
  });

  it("publishes the execution sheet with subtotals per classification and money in fen", async () => {
    const report = await check([...ON_PACE, ["2024-06-12", "记-066", "教研会议", "30215", "会议费", 400]]);
    const sheet = report.reports.find((r) => r.id === "finance.budget-execution");
    expect(sheet?.title["zh-CN"]).toBe("预算执行情况表");
    expect(sheet?.columns.filter((c) => c.format === "money").map((c) => c.key)).toEqual([
      "budget",
      "spent",
      "remaining",
    ]);
    expect(
      sheet?.rows.map((r) => [r.classification, r.line, r.budget, r.spent, r.remaining, r.rate, r.status]),
    ).toEqual([
      ["302 商品和服务支出", "办公费", 2000000, 1000000, 1000000, "50.0%", "正常"],
      ["302 商品和服务支出", "水费", 1200000, 600000, 600000, "50.0%", "正常"],
      ["302 商品和服务支出", "电费", 3600000, 1800000, 1800000, "50.0%", "正常"],
      ["302 商品和服务支出", "维修(护)费", 5000000, 2500000, 2500000, "50.0%", "正常"],
      ["302 商品和服务支出 小计", "", 11800000, 5900000, 5900000, "50.0%", "正常"],
      ["310 资本性支出", "办公设备购置", 8000000, 4000000, 4000000, "50.0%", "正常"],
      ["310 资本性支出 小计", "", 8000000, 4000000, 4000000, "50.0%", "正常"],
      ["未列入预算的支出", "", 0, 40000, -40000, null, "无预算"],
      ["合计", "", 19800000, 9940000, 9860000, "50.2%", "正常"],
    ]);
    expect(sheet?.rows[0]?.elapsed).toBe("49.7%");
  });

  it("groups a budget without codes by the classification's name", async () => {
    const budgetRows: CellValue[][] = [
      ["经济分类", "预算项目", "年度预算"],
      ["公用经费", "办公费", 20000],
      ["公用经费", "差旅费", 10000],
      ["专项经费", "图书购置", 30000],
    ];
    const report = await check(
      [
        ["2024-03-05", "记-012", "购打印纸", "公用经费", "办公费", 10000],
        ["2024-04-10", "记-031", "外出培训", "公用经费", "差旅费", 5000],
        ["2024-04-11", "记-032", "购图书", "专项经费", "图书购置", 15000],
      ],
      { budget: budgetRows },
    );
    expect(report.findings).toEqual([]);
    expect(report.reports[0]?.rows.map((r) => r.classification)).toEqual([
      "公用经费",
      "公用经费",
      "公用经费 小计",
      "专项经费",
      "专项经费 小计",
      "合计",
    ]);
  });

  it("reads messy cells: serial and text dates, money text, blank rows, an error value", async () => {
    const report = await check([
      // 45356 is 2024-03-05.
      [45356, "记-012", "购打印纸", "30201 办公费", "办公费", "¥10,000.00"],
      [null, null, null, null, null, null],
      ["2024年4月10日", "记-031", "一季度水费", "商品和服务支出", "水费", "６０００"],
      ["2024/4/10", "记-032", "一季度电费", "商品和服务支出", "电费", "1.8万"],
      ["2024-05-20", "记-050", "教学楼屋面维修", "30213", "维修(护)费", 25000],
      ["2024-06-03", "记-061", "购台式计算机", "31002", null, 40000],
      ["2024-06-04", "记-062", "?", { error: "#REF!" }, null, 100],
    ]);
    // The #REF! cell is reported by the row parser, not again as an expense without a budget.
    expect(found(report)).toEqual([["workbook/error-value", "支出明细", "D8"]]);
  });

  it("says once that spending cannot be checked without a budget", async () => {
    const report = await check(ON_PACE, { budget: null });
    expect(found(report)).toEqual([["finance/no-budget", "支出明细", "E1"]]);
    expect(report.findings[0]?.severity).toBe("info");
    expect(report.reports).toEqual([]);
  });

  it("says once that execution cannot be computed without expenses", async () => {
    const report = await check(null);
    expect(found(report)).toEqual([["finance/no-expenses", "2024年预算", "D1"]]);
    expect(report.reports).toEqual([]);
  });

  it("reports sums too large to compute instead of throwing", async () => {
    const report = await check([
      ...ON_PACE,
      ["2024-06-12", "记-066", "误录", "30201", "办公费", "80,000,000,000,000"],
      ["2024-06-13", "记-067", "误录", "30201", "办公费", "80,000,000,000,000"],
    ]);
    expect(found(report)).toEqual([["finance/amount-out-of-range", undefined, undefined]]);
  });

  it("speaks English when asked", async () => {
    const report = await check(withSpent("办公费", 21000), { lang: "en" });
    expect(report.findings[0]?.message).toBe(
      "“办公费”: budget ¥20,000.00, spent ¥21,000.00 by 2024-06-30, over by ¥1,000.00 (execution 105.0%); spending stays within the budget",
    );
  });
});

describe("checkBudget on arbitrary grids", () => {
  const sheets = messySheets(
    ["30201", "302", "办公费", "商品和服务支出", "记-001"],
    ["预算", "支出明细", "设置"],
    [
      ["科目编码", "经济分类", "预算项目", "年度预算"],
      ["日期", "凭证号", "摘要", "经济分类", "预算项目", "金额"],
      ["预算执行偏差", "20%"],
      ["预算年度", 2024],
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
