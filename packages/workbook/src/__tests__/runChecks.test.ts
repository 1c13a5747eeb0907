import type { Finding } from "@houqin/core";
import { describe, expect, it } from "vitest";
import { cells } from "../cellSchemas.js";
import type { HouqinModule } from "../check.js";
import { MemoryWorkbook } from "../memoryWorkbook.js";
import { GENERATED_SHEET_NAME, houqinSheets, recordGenerated } from "../resultSheets.js";
import { runChecks } from "../runChecks.js";
import { defineTableKind, field } from "../tableKind.js";
import { clearResults, writeResults } from "../writeResults.js";

const visits = defineTableKind({
  id: "test.visits",
  title: { "zh-CN": "来访登记", en: "Visits" },
  fields: {
    date: field({
      title: { "zh-CN": "日期", en: "Date" },
      synonyms: ["日期"],
      required: true,
      schema: cells.date(),
    }),
    visitor: field({
      title: { "zh-CN": "来访人", en: "Visitor" },
      synonyms: ["来访人"],
      required: true,
      schema: cells.text(),
    }),
  },
});

/** A module whose check reports every visit, so the tests see which rows were read. */
const module: HouqinModule = {
  id: "test",
  title: { "zh-CN": "测试", en: "Test" },
  kinds: [visits],
  checks: [
    {
      id: "test/visits",
      title: { "zh-CN": "来访", en: "Visits" },
      kinds: [visits],
      run: (ctx) =>
        ctx.tablesOf(visits).flatMap((t) =>
          t.rows.map(
            (r): Finding => ({
              rule: "test/visit",
              severity: "info",
              message: `${r.values.visitor} ${r.values.date}`,
              sheet: t.table.sheet,
              cell: `A${r.row}`,
              row: r.row,
            }),
          ),
        ),
    },
  ],
};

const VISITS = [
  ["日期", "来访人"],
  ["9月1日", "王老师"],
];

async function run(sheets: ConstructorParameters<typeof MemoryWorkbook>[0]["sheets"]) {
  const workbook = new MemoryWorkbook({ sheets });
  return { workbook, report: await runChecks(workbook, { modules: [module], today: "2023-11-01" }) };
}

describe("runChecks", () => {
  it("dates a year-less date by the school year in the settings", async () => {
    const { report } = await run([
      {
        name: "设置",
        rows: [
          ["第一学期开始", "2023-09-01"],
          ["第一学期结束", "2024-01-26"],
        ],
      },
      { name: "登记", rows: VISITS },
    ]);
    expect(report.findings.map((f) => f.message)).toEqual(["王老师 2023-09-01"]);
  });

  it("does not judge a hidden sheet, but says what it holds", async () => {
    const { report } = await run([{ name: "旧登记", rows: VISITS, hidden: true }]);
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: "workbook/hidden-sheet", severity: "info", sheet: "旧登记" }),
    ]);
    expect(report.findings[0]?.message).toBe("隐藏的工作表中有来访登记表，未检查；如需检查，请取消隐藏");
  });

  it("reports corrections in the settings that name a missing sheet, an unknown kind or field", async () => {
    const { report } = await run([
      {
        name: "设置",
        rows: [
          ["表格类型:不存在", "test.visits"],
          ["表格类型:登记", "收费明细"],
          ["列:登记:金钱", "C"],
        ],
      },
      { name: "登记", rows: VISITS },
    ]);
    const settings = report.findings.filter((f) => f.rule === "settings/invalid-value");
    expect(settings.map((f) => [f.cell, f.message])).toEqual([
      ["B1", "设置“表格类型:不存在”：工作簿中没有名为“不存在”的工作表"],
      ["B2", "设置“表格类型:登记”：不认识表格类型“收费明细”，可填写：test.visits 来访登记"],
      ["B3", "设置“列:登记:金钱”：“来访登记”表中没有“金钱”这一列，可用：日期、来访人"],
    ]);
  });

  it("accepts a kind named by its Chinese title in the settings", async () => {
    const { report } = await run([
      {
        name: "设置",
        rows: [
          ["表格类型:流水", "来访登记"],
          ["列:流水:日期", "A"],
          ["列:流水:来访人", "B"],
        ],
      },
      {
        name: "流水",
        rows: [
          ["时间", "人员"],
          ["2023-09-04", "李老师"],
        ],
      },
    ]);
    expect(report.tables).toEqual([
      {
        sheet: "流水",
        kind: "test.visits",
        headerRow: 1,
        firstRow: 2,
        lastRow: 2,
        columns: { date: "A", visitor: "B" },
      },
    ]);
    expect(report.findings.map((f) => f.rule)).toEqual(["test/visit"]);
  });

  it("leaves a sheet of the user's named 检查结果 alone: it is read, and houqin writes beside it", async () => {
    const { workbook, report } = await run([{ name: "检查结果", rows: VISITS }]);
    expect(report.tables.map((t) => t.sheet)).toEqual(["检查结果"]);
    const written = await writeResults(workbook, report.findings);
    expect(written.sheet).toBe("检查结果 (houqin)");
    const again = await runChecks(workbook, { modules: [module], today: "2023-11-01" });
    await writeResults(workbook, again.findings);
    const names = (await workbook.listSheets()).map((s) => s.name);
    expect(names).toEqual(["检查结果", "houqin_marks", "检查结果 (houqin)"]);
    expect(workbook.sheet("检查结果").values).toEqual(VISITS);
  });
});

describe("report sheets", () => {
  it("writes a money column as yuan in a ¥ format, which Excel can add up", async () => {
    const workbook = new MemoryWorkbook({ sheets: [{ name: "数据", rows: [["x"]] }] });
    await writeResults(workbook, [], {
      reports: [
        {
          id: "test.money",
          title: { "zh-CN": "结算", en: "Settlement" },
          sheetName: { "zh-CN": "结算", en: "Settlement" },
          columns: [
            { key: "month", title: { "zh-CN": "月份", en: "Month" } },
            { key: "amountFen", title: { "zh-CN": "金额", en: "Amount" }, format: "money" },
          ],
          rows: [
            { month: "2023年11月", amountFen: 123456 },
            { month: "合计", amountFen: -5 },
          ],
        },
      ],
    });
    const { rows } = await workbook.readSheet("结算");
    expect(rows[1]?.[1]).toMatchObject({ value: 1234.56, format: "¥#,##0.00;-¥#,##0.00" });
    expect(rows[2]?.[1]).toMatchObject({ value: -0.05 });
  });
});

describe("dates without a year", () => {
  it("are placed in the school year of today when nothing else says which year", async () => {
    const workbook = new MemoryWorkbook({
      sheets: [
        {
          name: "来访",
          rows: [
            ["日期", "来访人", "事由"],
            ["11月6日", "王芳", "送货"],
            ["3月4日", "李明", "维修"],
          ],
        },
      ],
    });
    let dates: unknown[] = [];
    const probe: HouqinModule = {
      ...module,
      checks: [
        {
          id: "test/probe",
          title: { "zh-CN": "读取", en: "Probe" },
          kinds: [visits],
          run(ctx) {
            dates = ctx.tablesOf(visits).flatMap((t) => t.rows.map((r) => r.values.date));
            return [];
          },
        },
      ],
    };
    await runChecks(workbook, { modules: [probe], today: "2024-01-10" });
    expect(dates).toEqual(["2023-11-06", "2024-03-04"]);
  });
});

describe("a check that cannot finish", () => {
  it("becomes one finding, and the other checks' findings are kept", async () => {
    const { HouqinError } = await import("@houqin/core");
    const workbook = new MemoryWorkbook({ sheets: [{ name: "来访", rows: VISITS }] });
    const failing: HouqinModule = {
      ...module,
      id: "demo",
      checks: [
        {
          id: "demo/overflow",
          title: { "zh-CN": "合计", en: "Totals" },
          kinds: [visits],
          run() {
            throw new HouqinError("MONEY_OVERFLOW", "too large");
          },
        },
        {
          id: "demo/broken",
          title: { "zh-CN": "坏检查", en: "Broken" },
          kinds: [visits],
          run() {
            throw new TypeError("x is undefined");
          },
        },
        ...module.checks,
      ],
    };
    const report = await runChecks(workbook, { modules: [failing], today: "2023-12-01" });
    const rules = report.findings.map((f) => f.rule);
    expect(rules).toContain("demo/amount-out-of-range");
    expect(rules).toContain("workbook/check-failed");
    expect(report.findings.find((f) => f.rule === "workbook/check-failed")?.message).toContain(
      "“坏检查”未能完成（x is undefined）",
    );
    expect(rules.length).toBeGreaterThan(2);
  });
});

describe("generated sheets", () => {
  const run = (workbook: MemoryWorkbook) => runChecks(workbook, { modules: [module], today: "2024-09-10" });

  it("are not read as data once listed, and the list survives clearing the results", async () => {
    const workbook = new MemoryWorkbook({ sheets: [{ name: "来访", rows: VISITS }] });
    await workbook.writeSheet("来访日程", VISITS);
    expect((await run(workbook)).findings.map((f) => f.sheet)).toEqual(["来访", "来访日程"]);
    await recordGenerated(workbook, ["来访日程"]);
    const report = await run(workbook);
    expect(report.findings.map((f) => f.sheet)).toEqual(["来访"]);
    await writeResults(workbook, report.findings);
    await clearResults(workbook);
    expect(workbook.sheetNames()).toEqual(["来访", "来访日程", GENERATED_SHEET_NAME]);
    expect((await run(workbook)).findings.map((f) => f.sheet)).toEqual(["来访"]);
  });

  it("keep their list up to date: sheets deleted since drop out, new ones join", async () => {
    const workbook = new MemoryWorkbook({ sheets: [{ name: "来访", rows: VISITS }] });
    await workbook.writeSheet("日程", [["x"]]);
    await workbook.writeSheet("日程(2)", [["x"]]);
    await recordGenerated(workbook, ["日程", "日程(2)"]);
    await workbook.deleteSheet("日程");
    await workbook.writeSheet("名单", [["x"]]);
    await recordGenerated(workbook, ["名单"]);
    expect((await houqinSheets(workbook)).generated).toEqual(["日程(2)", "名单"]);
  });

  it("are not taken from a sheet of the user's that bears the list's name", async () => {
    const workbook = new MemoryWorkbook({
      sheets: [
        { name: "来访", rows: VISITS },
        { name: GENERATED_SHEET_NAME, rows: [["来访"]] },
      ],
    });
    await recordGenerated(workbook, ["来访"]);
    expect(workbook.sheet(GENERATED_SHEET_NAME).values).toEqual([["来访"]]);
    expect((await houqinSheets(workbook)).generated).toEqual([]);
    expect((await run(workbook)).findings.map((f) => f.sheet)).toEqual(["来访"]);
  });
});

describe("corrections in the settings", () => {
  it("apply to a sheet named with full-width characters, and read a header row from a date-formatted cell", async () => {
    const sheet = "来访（9月）";
    const { report } = await run([
      {
        name: "设置",
        rows: [
          ["设置项", "值"],
          [`表头行:${sheet}`, { value: 3, text: "1900-01-03", format: "yyyy-mm-dd" }],
        ],
      },
      { name: sheet, rows: [["日期", "来访人"], ["备注"], ...VISITS] },
    ]);
    expect(report.findings.filter((f) => f.sheet === "设置")).toEqual([]);
    expect(report.tables.find((t) => t.sheet === sheet)?.headerRow).toBe(3);
    expect(report.findings.filter((f) => f.rule === "test/visit").map((f) => f.cell)).toEqual(["A4"]);
  });
});
