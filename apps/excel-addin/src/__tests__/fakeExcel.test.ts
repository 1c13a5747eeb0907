import { MemoryWorkbook, type MemoryWorkbookSpec } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { OfficeWorkbook } from "../office/officeWorkbook.js";
import { createFakeExcel, FakeExcelError } from "../testing/fakeExcel.js";

const SPEC = {
  sheets: [
    {
      name: "收费明细",
      rows: [
        ["项目", "金额"],
        ["午餐费", 1234.5],
      ],
      fills: { A1: "FFDDEBF7" },
      notes: { B2: "经办人：王老师" },
      merges: [{ top: 4, left: 1, bottom: 4, right: 2 }],
    },
    { name: "设置", rows: [["学校名称", "实验小学"]], hidden: true },
  ],
} satisfies MemoryWorkbookSpec;

describe("createFakeExcel", () => {
  it("refuses to give a property before it is loaded and synced, as Office.js does", async () => {
    const excel = createFakeExcel(SPEC);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("收费明细").getRange("A1:B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([
        ["项目", "金额"],
        ["午餐费", 1234.5],
      ]);
      expect(() => range.text).toThrow(/PropertyNotLoaded/);
      expect(() => range.load("nonsense")).toThrow(/cannot load/);
    });
  });

  it("applies commands only when they are synced", async () => {
    const excel = createFakeExcel(SPEC);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("收费明细").getRange("B2");
      range.values = [[99]];
      expect(excel.sheet("收费明细").values[1]?.[1]).toBe(1234.5);
      await context.sync();
      expect(excel.sheet("收费明细").values[1]?.[1]).toBe(99);
    });
    expect(excel.syncCount).toBe(1);
  });

  it("fails the sync for a missing sheet, and gives a null object for the OrNullObject call", async () => {
    const excel = createFakeExcel(SPEC);
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("没有");
      const found = context.workbook.worksheets.getItemOrNullObject("收费明细");
      expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(found.isNullObject).toBe(false);
      context.workbook.worksheets.getItem("没有").load("name");
      const error = await context.sync().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FakeExcelError);
      expect(error).toMatchObject({ code: "ItemNotFound" });
    });
    expect(excel.syncs.map((s) => s.error ?? "ok")).toEqual(["ok", "ItemNotFound"]);
  });

  it("reads text written into a General cell as typing, and keeps it as text in an '@' cell", async () => {
    const excel = createFakeExcel({ sheets: [{ name: "S", rows: [] }] });
    const typed = ["=1+1", "001", "true", "'x", "50%", "#N/A", "文字"];
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A1:G1").values = [typed];
      const text = sheet.getRange("A2:G2");
      text.numberFormat = [typed.map(() => "@")];
      text.values = [typed];
      await context.sync();
    });
    const sheet = excel.sheet("S");
    expect(sheet.values[0]).toEqual([{ error: "#NAME?" }, 1, true, "x", 0.5, { error: "#N/A" }, "文字"]);
    expect(sheet.formulas).toEqual({ A1: "=1+1" });
    expect(sheet.values[1]).toEqual(typed);
    expect(sheet.formats.A2).toBe("@");
  });

  it("measures each sync and fails one whose response is over the payload limit, loading nothing", async () => {
    const long = "长".repeat(1000);
    const excel = createFakeExcel(
      { sheets: [{ name: "S", rows: Array.from({ length: 50 }, () => [long, long]) }] },
      {
        maxPayloadBytes: 100_000,
      },
    );
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const all = sheet.getRange("A1:B50");
      all.load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      expect(() => all.values).toThrow(/PropertyNotLoaded/);
      const part = sheet.getRange("A1:B5");
      part.load("values,text");
      await context.sync();
      expect(part.values[4]?.[1]).toBe(long);
    });
    const [failed, ok] = excel.syncs;
    expect(failed).toMatchObject({ error: "ResponsePayloadSizeLimitExceeded" });
    expect(failed?.responseBytes).toBeGreaterThan(100 * 3000);
    expect(ok?.responseBytes).toBeGreaterThan(20 * 3000);
    expect(ok?.responseBytes).toBeLessThan(100_000);
    expect(ok?.cells).toBe(20);
    expect(ok?.requestBytes).toBeGreaterThan(0);
  });

  it("fails a request over the payload limit before doing any of it", async () => {
    const excel = createFakeExcel({ sheets: [{ name: "S", rows: [] }] }, { maxPayloadBytes: 10_000 });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:A20").values = Array.from({ length: 20 }, () => [
        "x".repeat(1000),
      ]);
      await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    });
    expect(excel.sheet("S").values).toEqual([]);
  });

  it("syncs what a batch leaves queued when it ends, as Excel.run does", async () => {
    const excel = createFakeExcel(SPEC);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("收费明细").getRange("A3").values = [["校服费"]];
    });
    expect(excel.sheet("收费明细").values[2]?.[0]).toBe("校服费");
    expect(excel.syncCount).toBe(1);
  });

  it("reads plain values of a spec with the texts the memory workbook gives them", async () => {
    const spec: MemoryWorkbookSpec = {
      sheets: [
        {
          name: "S",
          rows: [
            ["文字", 1234.5, true, { error: "#DIV/0!" }],
            [-20, false, "x", 0.1],
          ],
        },
      ],
    };
    const office = await OfficeWorkbook.open(createFakeExcel(spec).run);
    expect(await office.readSheet("S")).toEqual(await new MemoryWorkbook(spec).readSheet("S"));
  });

  it("selects only on the active sheet, and reports the selection and the active sheet", async () => {
    const excel = createFakeExcel({ ...SPEC, sheets: [...SPEC.sheets, { name: "Other", rows: [["x"]] }] });
    expect(excel.activeSheet).toBe("收费明细");
    expect(excel.selection).toBeNull();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Other").getRange("A1").select();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidSelection" });
      const other = context.workbook.worksheets.getItem("Other");
      other.activate();
      other.getRange("b2:c3").select();
      await context.sync();
    });
    expect(excel.activeSheet).toBe("Other");
    expect(excel.selection).toEqual({ sheet: "Other", address: "B2:C3" });
  });

  it("keeps a visible sheet: the last one cannot be deleted or hidden", async () => {
    const excel = createFakeExcel(SPEC);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("收费明细").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      context.workbook.worksheets.getItem("收费明细").visibility = "Hidden";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    expect(excel.sheetNames()).toEqual(["收费明细", "设置"]);
  });

  it("shows a sheet's fills, notes, merges and visibility as the spec gave them", () => {
    const sheet = createFakeExcel(SPEC).sheet("收费明细");
    expect(sheet).toMatchObject({
      name: "收费明细",
      position: 0,
      visibility: "Visible",
      fills: { A1: "FFDDEBF7" },
      notes: { B2: "经办人：王老师" },
      merges: [{ top: 4, left: 1, bottom: 4, right: 2 }],
      links: {},
      frozenRows: 0,
    });
    expect(createFakeExcel(SPEC).sheet("设置").visibility).toBe("Hidden");
    expect(() => createFakeExcel(SPEC).sheet("没有")).toThrow(/no sheet/);
  });

  it("evaluates DATE() in the workbook's date system", async () => {
    for (const [system, serial] of [
      ["1900", 1462],
      ["1904", 0],
    ] as const) {
      const excel = createFakeExcel({ dateSystem: system, sheets: [{ name: "S", rows: [] }] });
      const value = await excel.run(async (context) => {
        const result = context.workbook.functions.date(1904, 1, 1);
        result.load("value");
        await context.sync();
        return result.value;
      });
      expect(value).toBe(serial);
    }
  });

  it("fails DATE() for a day that is not a real date of the workbook's date system", async () => {
    for (const [system, year, month, day] of [
      ["1900", 1900, 2, 29],
      ["1900", 2024, 13, 1],
      ["1904", 1903, 12, 31],
    ] as const) {
      const excel = createFakeExcel({ dateSystem: system, sheets: [{ name: "S", rows: [] }] });
      await expect(
        excel.run(async (context) => {
          context.workbook.functions.date(year, month, day).load("value");
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });
});
