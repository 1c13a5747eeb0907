import { readSettings, writeResults } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { type AddinHost, listTables, saveMapping, writeCheckResults } from "../app/index.js";
import { OfficeWorkbook } from "../office/officeWorkbook.js";
import { createFakeExcel, type FakeExcelSpec } from "../testing/fakeExcel.js";

// Review tests: the task-pane services over the Office.js adapter and the in-memory Excel, as in Excel.

const CHARGES = [
  ["2023年秋季收费明细"],
  [],
  ["学生", "班级", "收费项目", "金额", "收费日期"],
  ["张三", "一(1)班", "午餐费", 300, 45200],
  ["李四", "一(2)班", "校服费", 120, 45201],
];

async function hostOf(spec: FakeExcelSpec) {
  const excel = createFakeExcel(spec);
  const workbook = await OfficeWorkbook.open(excel.run);
  const host: AddinHost = { workbook, select: async () => {}, today: () => "2023-10-20" };
  return { excel, workbook, host };
}

describe("results never replace a user's sheet", () => {
  it("writeCheckResults in English keeps a user sheet named 'check results' (Excel names ignore case)", async () => {
    const { excel, host } = await hostOf({
      sheets: [
        { name: "Fees", rows: [["Item", "Amount"]] },
        { name: "check results", rows: [["my own notes from the auditor"]] },
      ],
    });
    const written = await writeCheckResults(
      host,
      { findings: [], summary: { error: 0, warning: 0, info: 0 }, reports: [], tables: [] },
      "en",
    );
    // The user's sheet is still there with its content, and houqin wrote its results elsewhere.
    expect(excel.sheet("check results").values[0]?.[0]).toBe("my own notes from the auditor");
    expect(written.sheet.toLowerCase()).not.toBe("check results");
  });

  it("a report sheet does not replace a user sheet whose name differs only in case", async () => {
    const { excel, workbook } = await hostOf({
      sheets: [{ name: "bank reconciliation", rows: [["the bank's own statement"]] }],
    });
    await writeResults(workbook, [], {
      lang: "en",
      reports: [
        {
          id: "finance.bank-reconciliation",
          title: { "zh-CN": "银行存款余额调节表", en: "Bank reconciliation" },
          sheetName: { "zh-CN": "银行存款余额调节表", en: "Bank reconciliation" },
          columns: [{ key: "a", title: { "zh-CN": "项目", en: "Item" } }],
          rows: [{ a: "x" }],
        } as never,
      ],
    });
    expect(excel.sheet("bank reconciliation").values[0]?.[0]).toBe("the bank's own statement");
  });
});

describe("saveMapping", () => {
  it("a header row saved into a 设置 whose value column is formatted as dates still reads as a header row", async () => {
    // A school formats column B of 设置 as dates (its semester dates live there); the next free row too.
    const dateCell = (serial: number | null) => ({ value: serial, text: "", format: "yyyy-mm-dd" });
    const { workbook, host } = await hostOf({
      sheets: [
        { name: "收费明细", rows: CHARGES },
        {
          name: "设置",
          rows: [
            ["设置项", "值"],
            ["第一学期开始", dateCell(45170)],
            ["第一学期结束", dateCell(45310)],
            [null, dateCell(null)],
            [null, dateCell(null)],
            [null, dateCell(null)],
          ],
        },
      ],
    });
    await saveMapping(host, {
      sheet: "收费明细",
      kind: "finance.charges",
      headerRow: 3,
      columns: {},
      lang: "zh-CN",
    });
    const { settings, findings } = readSettings(
      await workbook.readSheet("设置"),
      workbook.dateSystem,
      "zh-CN",
    );
    expect(findings).toEqual([]);
    expect(settings.overrides.get("收费明细")?.headerRow).toBe(3);
  });

  it("a sheet named with full-width parentheses, as Chinese input methods type them, can have its mapping saved", async () => {
    const { host } = await hostOf({ sheets: [{ name: "收费明细（9月）", rows: CHARGES }] });
    await expect(
      saveMapping(host, {
        sheet: "收费明细（9月）",
        kind: "finance.charges",
        columns: { amount: "D" },
        lang: "zh-CN",
      }),
    ).resolves.toMatchObject({ settingsSheet: "设置" });
    const { tables } = await listTables(host, { lang: "zh-CN" });
    expect(tables.find((t) => t.sheet === "收费明细（9月）")?.overridden).toBe(true);
  });
});
