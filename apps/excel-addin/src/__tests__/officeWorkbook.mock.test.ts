import type { OutCell } from "@houqin/workbook";
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import { chunkShape, utf8Bytes } from "../office/chunkPlan.js";
import type { ExcelContext, ExcelRun } from "../office/excelApi.js";
import { OfficeWorkbook, type ReadProgress } from "../office/officeWorkbook.js";

// OfficeWorkbook against office-addin-mock objects: `context.sync` is wrapped to count round trips and
// to measure each one's payload (the JSON of the properties loaded, or the arrays written, since the
// last sync).

const FOUR_MB = 4 * 1024 * 1024;
const ROWS = 100_000;
const COLUMNS = 10;

/** One loaded Office.js value of a cell: values / text / numberFormat / valueTypes. */
interface MockCell {
  value: string | number | boolean;
  text: string;
  format: string;
  type: string;
}

const EMPTY: MockCell = { value: "", text: "", format: "General", type: "Empty" };

/** The big sheet, cell by cell (0-based): a header, then 99,999 rows of ten typed columns. */
function bigCell(r: number, c: number): MockCell {
  if (r === 0) return { value: `列${c + 1}`, text: `列${c + 1}`, format: "General", type: "String" };
  switch (c) {
    case 0:
      return { value: r, text: String(r), format: "General", type: "Double" };
    case 1:
      return { value: `物品${r}`, text: `物品${r}`, format: "General", type: "String" };
    case 2: {
      const serial = 45536 + (r % 365);
      const iso = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
      return { value: serial, text: iso, format: "yyyy-mm-dd", type: "Double" };
    }
    case 3:
      return { value: r * 1.5, text: (r * 1.5).toFixed(2), format: "0.00", type: "Double" };
    case 4:
      return { value: r % 2 === 0, text: r % 2 === 0 ? "TRUE" : "FALSE", format: "General", type: "Boolean" };
    case 5:
      return r % 1000 === 0
        ? { value: "#N/A", text: "#N/A", format: "General", type: "Error" }
        : { value: "正常", text: "正常", format: "General", type: "String" };
    case 6:
      return r === 7
        ? { value: "#N/A", text: "#N/A", format: "@", type: "String" }
        : { value: `备注${r % 97}`, text: `备注${r % 97}`, format: "General", type: "String" };
    case 7:
      return { value: r % 13, text: String(r % 13), format: "General", type: "Double" };
    case 8:
      return { value: `B${r}`, text: `B${r}`, format: "General", type: "String" };
    default:
      return r % 2 === 1 ? EMPTY : { value: -r, text: String(-r), format: "General", type: "Double" };
  }
}

interface Harness {
  run: ExcelRun;
  /** Calls of the wrapped `context.sync`. */
  syncs: number;
  /** JSON bytes moved by each sync. */
  payloads: number[];
  /** Blocks requested with getRangeByIndexes: [row, column, rows, columns]. */
  blocks: number[][];
  /** What the adapter wrote: every range created by getRangeByIndexes and what was set on it. */
  written: { at: number[]; range: OfficeMockObject; cellProperties?: unknown[][] }[];
}

/** A mock Excel with one sheet "大表" of `rows × COLUMNS` cells (or none), and a date system. */
function mockExcel(options: { rows: number; serialOf19040101?: number; sheetExists?: boolean }): Harness {
  const pendingLoads: { mock: OfficeMockObject; data: Record<string, unknown>; names: string[] }[] = [];
  const pendingWrites: Harness["written"] = [];
  const harness: Harness = {
    run: async () => undefined as never,
    syncs: 0,
    payloads: [],
    blocks: [],
    written: [],
  };

  /** An OfficeMockObject whose loads are remembered, so the sync wrapper can measure and sync them. */
  const tracked = (data: Record<string, unknown>, isNullObject = false): OfficeMockObject => {
    const mock = new OfficeMockObject(data);
    const load = mock.load.bind(mock);
    mock.load = (names: string) => {
      pendingLoads.push({ mock, data, names: names.split(",").map((n) => n.trim()) });
      return load(names);
    };
    mock.isNullObject = isNullObject;
    return mock;
  };

  const block = (row: number, column: number, rowCount: number, columnCount: number) => {
    harness.blocks.push([row, column, rowCount, columnCount]);
    const values: unknown[][] = [];
    const text: string[][] = [];
    const numberFormat: string[][] = [];
    const valueTypes: string[][] = [];
    for (let r = row; r < row + rowCount; r++) {
      const cells = Array.from({ length: columnCount }, (_, i) =>
        r < options.rows ? bigCell(r, column + i) : EMPTY,
      );
      values.push(cells.map((cell) => cell.value));
      text.push(cells.map((cell) => cell.text));
      numberFormat.push(cells.map((cell) => cell.format));
      valueTypes.push(cells.map((cell) => cell.type));
    }
    const range = tracked({ values, text, numberFormat, valueTypes, format: { columnWidth: 0 } });
    const entry: Harness["written"][number] = { at: [row, column, rowCount, columnCount], range };
    range.setCellProperties = (cellProperties: unknown[][]) => {
      entry.cellProperties = cellProperties;
    };
    pendingWrites.push(entry);
    return range;
  };

  const sheet = tracked({
    name: "大表",
    position: 0,
    getUsedRangeOrNullObject: () =>
      tracked(
        { rowIndex: 0, columnIndex: 0, rowCount: options.rows, columnCount: COLUMNS },
        options.rows === 0,
      ),
    getRange: () => ({ getMergedAreasOrNullObject: () => tracked({ address: "大表!A1:C1" }) }),
    getRangeByIndexes: block,
    freezePanes: { freezeRows: () => {} },
  });
  const missing = tracked({ name: "", position: 0 }, true);
  const sheets = {
    getItem: () => sheet,
    getItemOrNullObject: () => (options.sheetExists === false ? missing : sheet),
    add: () => sheet,
  };

  const context = new OfficeMockObject({
    workbook: {
      worksheets: sheets,
      functions: { date: () => tracked({ value: options.serialOf19040101 ?? 1462 }) },
    },
    application: { suspendApiCalculationUntilNextSync: () => {} },
    sync: async () => {
      harness.syncs++;
      const loads = pendingLoads.splice(0);
      const writes = pendingWrites.splice(0);
      const response = loads.map(({ data, names }) => Object.fromEntries(names.map((n) => [n, data[n]])));
      const request = writes.map(({ range, cellProperties }) => ({
        values: range.values,
        numberFormat: range.numberFormat,
        cellProperties,
      }));
      harness.payloads.push(
        Math.max(utf8Bytes(JSON.stringify(response)), utf8Bytes(JSON.stringify(request))),
      );
      harness.written.push(...writes);
      for (const { mock } of loads) await mock.sync();
      // office-addin-mock settles loaded properties in callbacks it does not await.
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  }) as unknown as ExcelContext;
  harness.run = (batch) => batch(context);
  return harness;
}

describe("OfficeWorkbook with office-addin-mock", () => {
  it("reads a 100,000-row sheet in ceil(rows / chunk) + 3 round trips, each under 4 MB", async () => {
    const excel = mockExcel({ rows: ROWS });
    const progress: ReadProgress[] = [];
    const workbook = await OfficeWorkbook.open(excel.run, { onReadProgress: (p) => progress.push(p) });
    const sheet = await workbook.readSheet("大表");

    const chunk = chunkShape(COLUMNS).rows;
    expect(chunk).toBe(5000);
    expect(excel.syncs).toBeLessThanOrEqual(Math.ceil(ROWS / chunk) + 3);
    expect(excel.syncs).toBe(1 + 1 + ROWS / chunk); // date system, used range + merges, one per chunk
    for (const bytes of excel.payloads) expect(bytes).toBeLessThan(FOUR_MB);
    expect(Math.max(...excel.payloads)).toBeGreaterThan(1_000_000); // the chunks are not needlessly small
    expect(
      excel.blocks.every(
        ([, column, rows, columns]) => column === 0 && columns === COLUMNS && (rows ?? 0) <= chunk,
      ),
    ).toBe(true);
    expect(progress.at(-1)).toEqual({ sheet: "大表", rowsRead: ROWS, rowCount: ROWS });
    expect(progress).toHaveLength(1 + ROWS / chunk);

    expect(workbook.dateSystem).toBe("1900");
    expect(sheet.name).toBe("大表");
    expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(sheet.rows).toHaveLength(ROWS);
    expect(sheet.rows[0]?.map((cell) => cell.value)).toEqual(
      Array.from({ length: 10 }, (_, c) => `列${c + 1}`),
    );
    const row = (n: number) => sheet.rows[n - 1] ?? [];
    // Row 2 of the sheet is data row 1: an odd row, so its last column is blank and the row stops before it.
    expect(row(2)).toHaveLength(9);
    expect(row(2)[1]).toEqual({ value: "物品1", text: "物品1" });
    expect(row(2)[2]).toEqual({ value: 45537, text: "2024-09-02", format: "yyyy-mm-dd" });
    expect(row(2)[3]).toEqual({ value: 1.5, text: "1.50", format: "0.00" });
    expect(row(2)[4]).toEqual({ value: false, text: "FALSE" });
    // An error value and the text "#N/A" are told apart by their value types.
    expect(row(1001)[5]).toEqual({ value: { error: "#N/A" }, text: "#N/A" });
    expect(row(8)[6]).toEqual({ value: "#N/A", text: "#N/A", format: "@" });
    expect(row(1002)[5]).toEqual({ value: "正常", text: "正常" });
    const last = row(ROWS);
    expect(last).toHaveLength(9);
    expect(last[0]).toEqual({ value: 99_999, text: "99999" });
    expect(row(ROWS - 1)[9]).toEqual({ value: -99_998, text: "-99998" });
    expect(row(50_001)[2]?.value).toBe(45536 + (50_000 % 365));
  });

  it("detects a 1904 workbook from DATE(1904,1,1)", async () => {
    const excel = mockExcel({ rows: 0, serialOf19040101: 0 });
    const workbook = await OfficeWorkbook.open(excel.run);
    expect(workbook.dateSystem).toBe("1904");
    expect(excel.syncs).toBe(1);
    expect(await workbook.readSheet("大表")).toEqual({
      name: "大表",
      rows: [],
      merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
    });
    expect(excel.syncs).toBe(2);
  });

  it("writes a 20,000-row results sheet in a few round trips, each under 4 MB", async () => {
    const excel = mockExcel({ rows: 0, sheetExists: false });
    const workbook = await OfficeWorkbook.open(excel.run);
    const header: OutCell[] = ["序号", "级别", "工作表", "单元格", "说明", "规则", "计划条款"].map(
      (text) => ({
        text,
        bold: true as const,
      }),
    );
    const rows: OutCell[][] = [header];
    for (let i = 1; i <= 20_000; i++) {
      rows.push([
        i,
        "错误",
        "收费明细",
        { text: `C${i + 1}`, link: { sheet: "收费明细", cell: `C${i + 1}` } },
        `第${i}行的收费项目未经审批，金额超出标准，请核对`,
        "finance/unapproved-fee",
        "三(四)1",
      ]);
    }
    const before = excel.syncs;
    await workbook.writeSheet("检查结果", rows, { frozenRows: 1, columnWidths: [6, 8, 16, 10, 60, 28, 10] });
    const syncs = excel.syncs - before;
    const payloads = excel.payloads.slice(before);

    expect(syncs).toBeGreaterThanOrEqual(3); // the data is over 4 MB: it cannot go in one request
    expect(syncs).toBeLessThanOrEqual(5);
    for (const bytes of payloads) expect(bytes).toBeLessThan(FOUR_MB);

    // The data went out as whole 2D blocks that together cover the rows exactly once.
    const dataBlocks = excel.written.filter((w) => Array.isArray(w.range.values));
    expect(dataBlocks.map((w) => w.at[2]).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(rows.length);
    const values = dataBlocks.flatMap((w) => w.range.values as unknown[][]);
    expect(values[0]).toEqual(["序号", "级别", "工作表", "单元格", "说明", "规则", "计划条款"]);
    expect(values[20_000]).toEqual([
      20_000,
      "错误",
      "收费明细",
      "C20001",
      expect.any(String),
      "finance/unapproved-fee",
      "三(四)1",
    ]);
    const formats = dataBlocks.flatMap((w) => w.range.numberFormat as string[][]);
    expect(formats[5]).toEqual(["General", "@", "@", "@", "@", "@", "@"]);
    const properties = dataBlocks.flatMap((w) => w.cellProperties ?? []);
    expect(properties[0]?.[0]).toEqual({ format: { font: { bold: true } } });
    expect(properties[20_000]?.[3]).toMatchObject({
      hyperlink: { documentReference: "'收费明细'!C20001", textToDisplay: "C20001" },
    });
  });
});
