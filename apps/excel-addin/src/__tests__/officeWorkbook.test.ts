import type { Cell } from "@houqin/core";
import type { MemoryWorkbookSpec, OutCell } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import {
  chunkShape,
  jsonBytes,
  MAX_CELLS_PER_REQUEST,
  MAX_REQUEST_BYTES,
  READ_BYTES_PER_CELL,
  readBlocks,
} from "../office/chunkPlan.js";
import { columnWidthPoints, OfficeWorkbook, type ReadProgress } from "../office/officeWorkbook.js";
import { createFakeExcel, type FakeExcelSpec } from "../testing/fakeExcel.js";

const FOUR_MB = 4 * 1024 * 1024;

const SPEC: FakeExcelSpec = {
  sheets: [
    {
      name: "收费明细",
      rows: [
        ["项目", "金额", "日期"],
        ["午餐费", 1234.5, { value: 45536, text: "########", format: "yyyy-mm-dd" }],
        ["校服费", { value: 20, text: "###", format: "0.00" }, null],
      ],
      fills: { A1: "FFDDEBF7" },
      notes: { B2: "经办人：王老师" },
    },
    { name: "隐藏", rows: [["x"]], hidden: true },
  ],
};

async function open(spec: FakeExcelSpec | MemoryWorkbookSpec = SPEC) {
  const excel = createFakeExcel(spec);
  const workbook = await OfficeWorkbook.open(excel.run);
  excel.resetCounters();
  return { excel, workbook };
}

describe("chunkShape and readBlocks", () => {
  it("reads 5,000 rows of 10 columns per request, 20 requests for 100,000 rows", () => {
    expect(chunkShape(10)).toEqual({ columns: 10, rows: 5000 });
    expect(readBlocks(100_000, 10)).toHaveLength(20);
    expect(readBlocks(100_001, 10).at(-1)).toEqual({ row: 100_000, column: 0, rowCount: 1, columnCount: 10 });
  });

  it("keeps a request of the widest sheet (16,384 columns) under 4 MB", () => {
    const { columns, rows } = chunkShape(16_384);
    expect(columns).toBe(16_384);
    expect(rows).toBe(3);
    expect(columns * rows * READ_BYTES_PER_CELL).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(MAX_REQUEST_BYTES).toBeLessThan(FOUR_MB);
  });

  it("splits a row across requests when one row alone is over the budget", () => {
    expect(chunkShape(16_384, 1000)).toEqual({ columns: 4000, rows: 1 });
    const blocks = readBlocks(10, 16_384, 1000);
    expect(blocks).toHaveLength(50);
    for (const b of blocks) expect(b.rowCount * b.columnCount * 1000).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    const cells = blocks.reduce((n, b) => n + b.rowCount * b.columnCount, 0);
    expect(cells).toBe(10 * 16_384);
  });

  it("never reads more than 5,000,000 cells in one request, however small the cells", () => {
    expect(chunkShape(10, 0.5)).toEqual({ columns: 10, rows: 500_000 });
    expect(chunkShape(1, 0.01)).toEqual({ columns: 1, rows: MAX_CELLS_PER_REQUEST });
    const blocks = readBlocks(1_048_576, 16_384, 0.01);
    for (const b of blocks) expect(b.rowCount * b.columnCount).toBeLessThanOrEqual(MAX_CELLS_PER_REQUEST);
  });

  it("counts the UTF-8 JSON bytes of a cell", () => {
    expect(jsonBytes("午餐费")).toBe(11);
    expect(jsonBytes('a"b')).toBe(6);
    expect(jsonBytes(1234.5)).toBe(6);
    expect(jsonBytes(false)).toBe(5);
  });
});

describe("OfficeWorkbook", () => {
  it("finds the 1904 date system without writing a cell", async () => {
    const excel = createFakeExcel({ dateSystem: "1904", sheets: [{ name: "S", rows: [["x"]] }] });
    const workbook = await OfficeWorkbook.open(excel.run);
    expect(workbook.dateSystem).toBe("1904");
    expect(excel.syncCount).toBe(1);
    expect(excel.sheet("S").values).toEqual([["x"]]);
    expect((await OfficeWorkbook.open(createFakeExcel(SPEC).run)).dateSystem).toBe("1900");
  });

  it("reads a small sheet in two round trips, with houqin's text where Excel shows ####", async () => {
    const { excel, workbook } = await open();
    const sheet = await workbook.readSheet("收费明细");
    expect(excel.syncCount).toBe(2);
    expect(sheet.rows[1]).toEqual([
      { value: "午餐费", text: "午餐费" },
      { value: 1234.5, text: "1234.5" },
      { value: 45536, text: "2024-09-01", format: "yyyy-mm-dd" },
    ]);
    expect(sheet.rows[2]?.[1]).toEqual({ value: 20, text: "20", format: "0.00" });
    expect(sheet.rows[2]).toHaveLength(2);
  });

  it("reads a sheet whose used range does not start at A1, and an empty sheet", async () => {
    const { workbook } = await open({
      sheets: [
        { name: "S", rows: [[], [], [null, null, "C3", "D3"], [null, null, null, "D4"]] },
        { name: "Empty", rows: [] },
      ],
    });
    const { rows } = await workbook.readSheet("S");
    expect(rows.map((row) => row.map((cell: Cell) => cell.value))).toEqual([
      [],
      [],
      [null, null, "C3", "D3"],
      [null, null, null, "D4"],
    ]);
    expect(await workbook.readSheet("empty")).toEqual({ name: "Empty", rows: [], merges: [] });
  });

  it("reads the widest sheet with every response under 4 MB", async () => {
    const row = (r: number) =>
      Array.from({ length: 16_384 }, (_, c) => (c % 7 === 0 ? `文字${r}-${c}` : r * c));
    const { excel, workbook } = await open({
      sheets: [{ name: "Wide", rows: Array.from({ length: 8 }, (_, r) => row(r)) }],
    });
    const sheet = await workbook.readSheet("Wide");
    expect(sheet.rows[7]?.[16_383]).toEqual({ value: 7 * 16_383, text: String(7 * 16_383) });
    expect(sheet.rows[3]?.[14]).toEqual({ value: "文字3-14", text: "文字3-14" });
    expect(excel.syncCount).toBe(1 + Math.ceil(8 / chunkShape(16_384).rows));
    for (const sync of excel.syncs) {
      expect(sync.responseBytes).toBeLessThan(FOUR_MB);
      expect(sync.cells).toBeLessThanOrEqual(MAX_CELLS_PER_REQUEST);
    }
  });

  it("splits a chunk Excel finds too big, and reads the rest in smaller chunks", async () => {
    const long = "长".repeat(2000);
    const spec = { sheets: [{ name: "S", rows: Array.from({ length: 200 }, (_, r) => [r, long, long]) }] };
    const excel = createFakeExcel(spec, { maxPayloadBytes: 500_000 });
    const workbook = await OfficeWorkbook.open(excel.run, { maxRequestBytes: 400_000 });
    const progress: ReadProgress[] = [];
    workbook.onReadProgress = (p) => progress.push(p);
    const { rows } = await workbook.readSheet("S");
    expect(rows).toHaveLength(200);
    expect(rows.map((row) => row[0]?.value)).toEqual(Array.from({ length: 200 }, (_, r) => r));
    expect(rows[199]?.[2]?.value).toBe(long);
    const failed = excel.syncs.filter((s) => s.error !== undefined);
    expect(failed.every((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThanOrEqual(2); // later chunks are sized from what the first ones took
    for (const sync of excel.syncs.filter((s) => s.error === undefined))
      expect(sync.responseBytes).toBeLessThan(500_000);
    expect(progress.at(-1)).toEqual({ sheet: "S", rowsRead: 200, rowCount: 200 });
  });

  it("writes text that starts with '=' or looks like a number as the text it is", async () => {
    const { excel, workbook } = await open();
    const tricky = ["=SUM(A1:A2)", "001", "TRUE", "'quoted", "50%", "#N/A", "2024-09-01"];
    await workbook.writeSheet("结果", [tricky, [1, { value: 45536, format: "yyyy-mm-dd" }]]);
    const written = excel.sheet("结果");
    expect(written.values[0]).toEqual(tricky);
    expect(written.formulas).toEqual({});
    const { rows } = await workbook.readSheet("结果");
    expect(rows[0]?.map((cell) => cell.value)).toEqual(tricky);
    expect(rows[1]).toEqual([
      { value: 1, text: "1" },
      { value: 45536, text: "2024-09-01", format: "yyyy-mm-dd" },
    ]);
  });

  it("writes bold headers, links in link colours, widths, frozen rows and a hidden sheet", async () => {
    const { excel, workbook } = await open();
    const rows: OutCell[][] = [
      [
        { text: "单元格", bold: true },
        { text: "说明", bold: true },
      ],
      [{ text: "B2", link: { sheet: "收费明细", cell: "$b$2" } }, "超出标准"],
    ];
    await workbook.writeSheet("检查结果", rows, { columnWidths: [10, 60], frozenRows: 1 });
    await workbook.writeSheet("houqin_marks", [["state"]], { hidden: true });
    const sheet = excel.sheet("检查结果");
    expect(sheet.bold).toEqual(["A1", "B1"]);
    expect(sheet.links).toEqual({ A2: { sheet: "收费明细", cell: "B2" } });
    expect(sheet.fontColors).toEqual({ A2: "#0563C1" });
    expect(sheet.columnWidths).toEqual({ A: columnWidthPoints(10), B: columnWidthPoints(60) });
    expect(sheet.frozenRows).toBe(1);
    expect(excel.sheet("houqin_marks").visibility).toBe("Hidden");
    expect(await workbook.readLinks("检查结果")).toEqual({ A2: { sheet: "收费明细", cell: "B2" } });
    expect(columnWidthPoints(8.43)).toBe(48);
  });

  it("writes in two round trips with calculation suspended, and replaces a sheet in its place", async () => {
    const { excel, workbook } = await open();
    await workbook.writeSheet("结果", [["a"], ["b"], ["c"]]);
    expect(excel.syncCount).toBe(2);
    expect(excel.calculationSuspensions).toBe(1);
    await workbook.markCells("结果", [{ address: "A1", color: "FFFFC7CE", note: "x" }]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("结果").position = 0;
      await context.sync();
    });
    await workbook.writeSheet("结果", [["new"]]);
    expect(excel.sheetNames()).toEqual(["结果", "收费明细", "隐藏"]);
    expect(excel.sheet("结果")).toMatchObject({ values: [["new"]], fills: {}, notes: {} });
  });

  it("marks and restores cells in two round trips each, never one per cell", async () => {
    const { excel, workbook } = await open();
    const addresses = Array.from({ length: 2500 }, (_, i) => `D${i + 1}`);
    const before = await workbook.readDecorations("收费明细", addresses);
    expect(excel.syncCount).toBe(3);
    excel.resetCounters();
    await workbook.markCells(
      "收费明细",
      addresses.map((address) => ({ address, color: "FFFFEB9C", note: "houqin" })),
    );
    expect(excel.syncCount).toBe(6);
    expect(excel.calculationSuspensions).toBe(3);
    expect(Object.keys(excel.sheet("收费明细").notes)).toHaveLength(2501);
    await workbook.restoreDecorations("收费明细", before);
    expect(excel.syncCount).toBe(12);
    expect(excel.sheet("收费明细").notes).toEqual({ B2: "经办人：王老师" });
    expect(excel.sheet("收费明细").fills).toEqual({ A1: "FFDDEBF7" });
  });

  it("marks with a fill only where Excel has no notes (before ExcelApi 1.18), and never touches a note", async () => {
    const excel = createFakeExcel(SPEC);
    const workbook = await OfficeWorkbook.open(excel.run, { notes: false });
    const before = await workbook.readDecorations("收费明细", ["B2", "C3"]);
    expect(before.map((d) => d.note)).toEqual([null, null]);
    await workbook.markCells("收费明细", [
      { address: "B2", color: "FFFFC7CE", note: "金额超出标准" },
      { address: "C3", color: "FFFFC7CE", note: "缺少日期" },
    ]);
    expect(excel.sheet("收费明细").notes).toEqual({ B2: "经办人：王老师" });
    expect(excel.sheet("收费明细").fills).toMatchObject({ B2: "FFFFC7CE", C3: "FFFFC7CE" });
    await workbook.restoreDecorations("收费明细", before);
    expect(excel.sheet("收费明细").fills).toEqual({ A1: "FFDDEBF7" });
    expect(excel.sheet("收费明细").notes).toEqual({ B2: "经办人：王老师" });
  });

  it("marks, reads and restores cells with long notes in requests that stay under the limit", async () => {
    const excel = createFakeExcel(SPEC, { maxPayloadBytes: 150_000 });
    const workbook = await OfficeWorkbook.open(excel.run, { maxRequestBytes: 120_000 });
    const long = (i: number) => `${i}${"注".repeat(10_000)}`;
    const addresses = Array.from({ length: 20 }, (_, i) => `E${i + 1}`);
    await workbook.markCells(
      "收费明细",
      addresses.map((address, i) => ({ address, color: "FFFFC7CE", note: long(i) })),
    );
    expect(excel.syncs.every((s) => s.error === undefined && s.requestBytes < 150_000)).toBe(true);
    const marked = await workbook.readDecorations("收费明细", addresses);
    expect(marked.map((d) => d.note)).toEqual(addresses.map((_, i) => long(i)));
    // Twenty 30 kB notes do not come back in one response: the read asks for fewer at a time.
    const failed = excel.syncs.filter((s) => s.error !== undefined);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThanOrEqual(2);
    expect(failed.every((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    await workbook.restoreDecorations(
      "收费明细",
      marked.map((d) => ({ ...d, fill: null, note: `${d.note}!` })),
    );
    expect(excel.sheet("收费明细").notes.E20).toBe(`${long(19)}!`);
    expect(excel.syncs.filter((s) => s.error !== undefined)).toHaveLength(failed.length);
  });

  it("restores fills saved by the other adapters and patterned fills exactly", async () => {
    const { excel, workbook } = await open();
    const patterned = JSON.stringify({ color: "#FFFF00", pattern: "Gray50", patternColor: "#FF0000" });
    await workbook.restoreDecorations("收费明细", [
      { address: "A1", fill: null, note: null },
      { address: "A2", fill: "FF92D050", note: null },
      {
        address: "A3",
        fill: JSON.stringify({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC000" } }),
        note: null,
      },
      {
        address: "A4",
        fill: JSON.stringify({
          type: "pattern",
          pattern: "darkGrid",
          fgColor: { argb: "FF000000" },
          bgColor: { argb: "FFFFFFFF" },
        }),
        note: null,
      },
      {
        address: "A5",
        fill: JSON.stringify({ type: "pattern", pattern: "solid", fgColor: { theme: 4 } }),
        note: "n",
      },
      { address: "A6", fill: patterned, note: null },
    ]);
    const sheet = excel.sheet("收费明细");
    expect(sheet.fills).toEqual({ A2: "FF92D050", A3: "FFFFC000", A4: "FFFFFFFF", A6: "FFFFFF00" });
    expect(sheet.fillPatterns).toEqual({ A4: "Checker", A6: "Gray50" });
    expect(sheet.notes).toEqual({ A5: "n", B2: "经办人：王老师" });
    const [a6] = await workbook.readDecorations("收费明细", ["a6"]);
    expect(a6).toEqual({ address: "a6", fill: patterned, note: null });
  });

  it("selects a cell: activates its sheet and moves the selection", async () => {
    const { excel, workbook } = await open({ sheets: [{ name: "甲", rows: [["x"]] }, ...SPEC.sheets] });
    await workbook.select("收费明细", "c3");
    expect(excel.selection).toEqual({ sheet: "收费明细", address: "C3" });
    expect(excel.activeSheet).toBe("收费明细");
    expect(excel.syncCount).toBe(2);
    await workbook.select("甲", "$A$1:$B$2");
    expect(excel.selection).toEqual({ sheet: "甲", address: "A1:B2" });
    await expect(workbook.select("没有", "A1")).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(workbook.select("甲", "not a cell")).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(workbook.select("隐藏", "A1")).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      message: expect.stringContaining("已隐藏"),
    });
    expect(excel.selection).toEqual({ sheet: "甲", address: "A1:B2" });
  });

  it("refuses a missing sheet with INVALID_ARGUMENT, and deletes nothing for one", async () => {
    const { excel, workbook } = await open();
    for (const call of [
      () => workbook.readSheet("没有"),
      () => workbook.readDecorations("没有", ["A1"]),
      () => workbook.markCells("没有", [{ address: "A1", color: "FFFFC7CE", note: "x" }]),
      () => workbook.restoreDecorations("没有", []),
      () => workbook.readLinks("没有"),
      () => workbook.markCells("收费明细", [{ address: "A0", color: "FFFFC7CE", note: "x" }]),
      () => workbook.markCells("收费明细", [{ address: "A1", color: "red", note: "x" }]),
      () => workbook.setCells("a/b", [{ address: "A1", value: 1 }]),
      () => workbook.writeSheet("结果", [[{ text: "x", link: { sheet: "收费明细", cell: "nowhere" } }]]),
    ]) {
      await expect(call()).rejects.toMatchObject({ name: "HouqinError", code: "INVALID_ARGUMENT" });
    }
    await workbook.deleteSheet("没有");
    expect(excel.sheetNames()).toEqual(["收费明细", "隐藏"]);
  });

  it("sets cells: text as text, a number keeping the cell's format, null emptying the cell", async () => {
    const { excel, workbook } = await open();
    await workbook.setCells("收费明细", [
      { address: "C2", value: 45537 },
      { address: "A3", value: "001" },
      { address: "B3", value: null },
    ]);
    expect(excel.syncCount).toBe(2);
    const sheet = excel.sheet("收费明细");
    expect(sheet.rows[1]?.[2]).toEqual({ value: 45537, text: "2024-09-02", format: "yyyy-mm-dd" });
    expect(sheet.values[2]).toEqual(["001", null, null]);
    expect(sheet.formats).toMatchObject({ A3: "@", B3: "0.00" });
    await workbook.setCells("新表", []);
    expect(excel.sheetNames()).toEqual(["收费明细", "隐藏", "新表"]);
  });

  it("tells the progress callback given when opening how far a read has got", async () => {
    const excel = createFakeExcel({
      sheets: [{ name: "S", rows: Array.from({ length: 12_000 }, (_, r) => [r]) }],
    });
    const progress: ReadProgress[] = [];
    const workbook = await OfficeWorkbook.open(excel.run, { onReadProgress: (p) => progress.push(p) });
    await workbook.readSheet("S");
    expect(progress).toEqual([
      { sheet: "S", rowsRead: 0, rowCount: 12_000 },
      { sheet: "S", rowsRead: 12_000, rowCount: 12_000 },
    ]);
  });
});
