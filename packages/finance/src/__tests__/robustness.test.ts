import type { CellValue } from "@houqin/core";
import { MemoryWorkbook, runChecks } from "@houqin/workbook";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { finance } from "../index.js";

// Cells as spreadsheets hold them: header words, totals words, money and date text, full-width
// digits, serials, booleans, errors and blanks.
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(
    "收费项目",
    "收费标准",
    "金额（元）",
    "缴费日期",
    "公示日期",
    "学生姓名",
    "班级",
    "合计",
    "小计",
    "课后服务费",
    "午餐费",
    "资料费",
    "¥1,300.00",
    "６００",
    "(100.00)",
    "1.2万",
    "2023年9月1日",
    "9月1日",
    "2023/13/45",
    "是",
    "",
    "   ",
    null,
    null,
    null,
  ),
  fc.constantFrom<CellValue>({ error: "#REF!" }, { error: "#N/A" }, { error: "#VALUE!" }),
  fc.integer({ min: -1_000_000, max: 3_000_000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
);

const headers: CellValue[][] = [
  ["收费项目", "收费标准", "计费单位", "批准文件", "公示日期"],
  ["班级", "学生姓名", "收费项目", "金额", "缴费日期"],
  ["设置项", "值"],
  [],
];
const rows = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 });

// A recognisable header somewhere near the top, so that real tables with garbage rows are parsed.
const sheet = fc.record({
  name: fc.constantFrom("收费标准", "收费明细", "设置", "Sheet1"),
  rows: fc
    .tuple(rows, fc.constantFrom(...headers), rows)
    .map(([above, header, below]) => [...above.slice(0, 3), header, ...below]),
});

describe("runChecks on arbitrary grids", () => {
  it("never throws, and every finding names a rule, a severity and a message", async () => {
    let tables = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(sheet, { selector: (s) => s.name, maxLength: 4 }), async (sheets) => {
        const report = await runChecks(new MemoryWorkbook({ sheets }), {
          modules: [finance],
          today: "2023-11-01",
        });
        tables += report.tables.length;
        for (const f of report.findings) {
          expect(f.rule).toMatch(/^[a-z]+\/[a-z-]+$/);
          expect(["error", "warning", "info"]).toContain(f.severity);
          expect(f.message.length).toBeGreaterThan(0);
          if (f.cell !== undefined) expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
        }
      }),
      { seed: 20230901, numRuns: 300 },
    );
    expect(tables).toBeGreaterThan(100); // the property exercised real tables, not just noise
  });
});
