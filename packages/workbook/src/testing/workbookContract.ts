import type { Cell } from "@houqin/core";
import { describe, expect, it } from "vitest";
import type { MemoryWorkbookSpec } from "../memoryWorkbook.js";
import type { CellDecoration, OutCell, Workbook } from "../workbook.js";

/** Where a link leads, as an adapter reports it for {@link WorkbookContractOptions.readLinks}. */
export interface ContractLinkTarget {
  sheet: string;
  cell: string;
}

/** Optional probes into an adapter, for what the {@link Workbook} interface cannot read back. */
export interface WorkbookContractOptions<W extends Workbook> {
  /** The internal links of a sheet by the address of their cell; without it, only link texts are checked. */
  readLinks?: (workbook: W, sheet: string) => Promise<Readonly<Record<string, ContractLinkTarget>>>;
}

const USER = "收费明细";
const SETTINGS = "设置";
const OTHER = "Sheet 3";
const RESULTS = "检查结果";
const MARK = "FFFFC7CE";

const date = (value: number, text: string, format = "yyyy-mm-dd"): Cell => ({ value, text, format });

/** The workbook every contract test starts from: text, numbers, booleans, errors, blanks, dates, merges. */
const SPEC: MemoryWorkbookSpec = {
  sheets: [
    {
      name: USER,
      rows: [
        ["2024学年收费明细表", null, null, null, null],
        ["项目", "金额", "日期", "已缴", "核对"],
        ["午餐费", 1234.5, date(45536, "2024-09-01"), true, { error: "#REF!" }],
        ["校服费", -20, date(45537.5, "2024-09-02 12:00", "yyyy-mm-dd hh:mm"), false, { error: "#N/A" }],
        [],
        ["合计", 1214.5, null, null, "备注 'quoted' & <tagged>"],
      ],
      merges: [{ top: 1, left: 1, bottom: 1, right: 5 }],
      fills: { A2: "FFDDEBF7", B2: "FFDDEBF7" },
      notes: { B3: "经办人：王老师" },
    },
    { name: SETTINGS, rows: [["学校名称", "实验小学"]], hidden: true },
    { name: OTHER, rows: [["x", 1]] },
  ],
};

const SPEC_1904: MemoryWorkbookSpec = {
  dateSystem: "1904",
  sheets: [{ name: "Dates", rows: [["日期", date(44074, "2024-09-01")]] }],
};

/** Cells that have a fill (A2, B2 share one), a note (B3), nothing (C4, F10: beyond the used range). */
const DECORATED = ["A2", "B3", "C4", "F10"] as const;

const RESULT_ROWS: readonly (readonly OutCell[])[] = [
  [
    { text: "规则", bold: true },
    { text: "单元格", bold: true },
    { text: "数量", bold: true },
  ],
  ["finance/unapproved-fee", { text: "收费明细!C3", link: { sheet: USER, cell: "C3" } }, 3],
  ["safety/x", { text: "Sheet 3!B1", link: { sheet: OTHER, cell: "$B$1" } }, null],
  ["money", "金额", { value: 1234.5, format: "¥#,##0.00" }],
];

/**
 * Registers the contract tests every {@link Workbook} adapter must pass, as a vitest `describe` block:
 * values of each type read back as stored, serial dates in both date systems, sheet order and
 * visibility, sheets written and replaced (never piled up), links, marks that keep values, and
 * decorations restored exactly. With `reopen` (e.g. save to bytes and open again) each test also
 * checks that its outcome survives a save.
 *
 * @param name - the adapter's name, shown in the test report
 * @param create - builds a workbook from a spec (plain values or cells; fills as ARGB; notes)
 * @param reopen - saves a workbook and opens the saved copy, when the adapter saves
 * @param options - probes for what the interface cannot read back (links)
 * @example
 * workbookContract("XlsxWorkbook", xlsxFromSpec, async (wb) => XlsxWorkbook.fromBuffer(await wb.toBuffer()), {
 *   readLinks: (wb, sheet) => wb.readLinks(sheet),
 * });
 */
export function workbookContract<W extends Workbook>(
  name: string,
  create: (spec: MemoryWorkbookSpec) => Promise<W>,
  reopen?: (workbook: W) => Promise<W>,
  options: WorkbookContractOptions<W> = {},
): void {
  /** The workbook itself and, with `reopen`, its saved and reopened copy. */
  async function andReopened(workbook: W): Promise<[string, W][]> {
    return reopen
      ? [
          ["", workbook],
          [" (reopened)", await reopen(workbook)],
        ]
      : [["", workbook]];
  }

  async function userSheets(workbook: W) {
    return Promise.all([USER, SETTINGS, OTHER].map((sheet) => workbook.readSheet(sheet)));
  }

  describe(`Workbook contract: ${name}`, () => {
    it("reads text, numbers, booleans, errors and blanks as they are stored", async () => {
      for (const [, wb] of await andReopened(await create(SPEC))) {
        const { rows } = await wb.readSheet(USER);
        expect(rows).toHaveLength(6);
        for (const row of rows) expect(row.length).toBeLessThanOrEqual(5);
        expect(rows[1]?.[0]).toMatchObject({ value: "项目", text: "项目" });
        expect(rows[2]?.[1]).toMatchObject({ value: 1234.5, text: "1234.5" });
        expect(rows[3]?.[1]).toMatchObject({ value: -20, text: "-20" });
        expect(rows[2]?.[3]).toMatchObject({ value: true, text: "TRUE" });
        expect(rows[3]?.[3]).toMatchObject({ value: false, text: "FALSE" });
        expect(rows[2]?.[4]).toMatchObject({ value: { error: "#REF!" }, text: "#REF!" });
        expect(rows[3]?.[4]).toMatchObject({ value: { error: "#N/A" }, text: "#N/A" });
        expect(rows[5]?.[4]).toMatchObject({ value: "备注 'quoted' & <tagged>" });
        for (const cell of rows[4] ?? []) expect(cell).toMatchObject({ value: null, text: "" });
        expect(rows[5]?.[2]).toMatchObject({ value: null, text: "" });
      }
    });

    it("reads a merged range with its value in the top-left cell", async () => {
      for (const [, wb] of await andReopened(await create(SPEC))) {
        const sheet = await wb.readSheet(USER);
        expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 5 }]);
        expect(sheet.rows[0]?.[0]).toMatchObject({ value: "2024学年收费明细表" });
        for (let c = 1; c < 5; c++) expect(sheet.rows[0]?.[c]?.value ?? null).toBeNull();
      }
    });

    it("reads dates as serial numbers of the 1900 system, with their format", async () => {
      for (const [, wb] of await andReopened(await create(SPEC))) {
        expect(wb.dateSystem).toBe("1900");
        const { rows } = await wb.readSheet(USER);
        expect(rows[2]?.[2]).toMatchObject({ value: 45536, format: "yyyy-mm-dd" });
        expect(rows[2]?.[2]?.text).toMatch(/^2024-0?9-0?1$/);
        expect(rows[3]?.[2]).toMatchObject({ value: 45537.5, format: "yyyy-mm-dd hh:mm" });
        expect(rows[3]?.[2]?.text).toMatch(/^2024-0?9-0?2 12:00/);
      }
    });

    it("reads dates of a 1904 workbook as serial numbers of the 1904 system", async () => {
      for (const [, wb] of await andReopened(await create(SPEC_1904))) {
        expect(wb.dateSystem).toBe("1904");
        const { rows } = await wb.readSheet("Dates");
        expect(rows[0]?.[1]).toMatchObject({ value: 44074, format: "yyyy-mm-dd" });
        expect(rows[0]?.[1]?.text).toMatch(/^2024-0?9-0?1$/);
      }
    });

    it("lists the sheets in workbook order with their visibility", async () => {
      for (const [, wb] of await andReopened(await create(SPEC))) {
        expect(await wb.listSheets()).toEqual([
          { name: USER, visible: true },
          { name: SETTINGS, visible: false },
          { name: OTHER, visible: true },
        ]);
      }
    });

    it("writes a new sheet after the others, and a hidden one hidden", async () => {
      const workbook = await create(SPEC);
      await workbook.writeSheet(RESULTS, RESULT_ROWS, { columnWidths: [24, 16, 8], frozenRows: 1 });
      await workbook.writeSheet("houqin-state", [["state"]], { hidden: true });
      for (const [, wb] of await andReopened(workbook)) {
        expect((await wb.listSheets()).slice(3)).toEqual([
          { name: RESULTS, visible: true },
          { name: "houqin-state", visible: false },
        ]);
        const { rows } = await wb.readSheet(RESULTS);
        expect(rows.map((row) => Array.from({ length: 3 }, (_, c) => row[c]?.value ?? null))).toEqual([
          ["规则", "单元格", "数量"],
          ["finance/unapproved-fee", "收费明细!C3", 3],
          ["safety/x", "Sheet 3!B1", null],
          ["money", "金额", 1234.5],
        ]);
        // A number written with a format keeps it, so Excel shows ¥1,234.50 and can still add it up.
        expect(rows[3]?.[2]).toMatchObject({ value: 1234.5, format: "¥#,##0.00" });
        expect(rows[1]?.[2]?.text).toBe("3");
      }
    });

    it("replaces a sheet written again, in its place, instead of adding a second one", async () => {
      const workbook = await create(SPEC);
      await workbook.writeSheet(RESULTS, RESULT_ROWS);
      await workbook.writeSheet("其他", [["other"]]);
      await workbook.writeSheet(RESULTS, [["第二次", 2]]);
      for (const [, wb] of await andReopened(workbook)) {
        const names = (await wb.listSheets()).map((sheet) => sheet.name);
        expect(names).toEqual([USER, SETTINGS, OTHER, RESULTS, "其他"]);
        const { rows } = await wb.readSheet(RESULTS);
        expect(rows.map((row) => Array.from({ length: 2 }, (_, c) => row[c]?.value ?? null))).toEqual([
          ["第二次", 2],
        ]);
      }
    });

    it("refuses a sheet name that Excel does not allow", async () => {
      const workbook = await create(SPEC);
      for (const bad of ["a/b", "[x]", "", "x".repeat(32)]) {
        await expect(workbook.writeSheet(bad, [["x"]])).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
      }
      expect(await workbook.listSheets()).toHaveLength(3);
    });

    it("keeps the target sheet and cell of each link", async () => {
      const workbook = await create(SPEC);
      await workbook.writeSheet(RESULTS, RESULT_ROWS);
      for (const [, wb] of await andReopened(workbook)) {
        const { rows } = await wb.readSheet(RESULTS);
        expect(rows[1]?.[1]).toMatchObject({ value: "收费明细!C3", text: "收费明细!C3" });
        if (options.readLinks) {
          expect(await options.readLinks(wb, RESULTS)).toEqual({
            B2: { sheet: USER, cell: "C3" },
            B3: { sheet: OTHER, cell: "B1" },
          });
        }
      }
    });

    it("sets cells of an existing sheet, keeping the others, and creates a missing sheet at the end", async () => {
      const workbook = await create(SPEC);
      const before = await workbook.readSheet(SETTINGS);
      await workbook.setCells(SETTINGS, [
        { address: "A3", value: "列:收费明细:金额" },
        { address: "B3", value: "B" },
        { address: "C1", value: 3 },
      ]);
      await workbook.setCells("设置2", [{ address: "B2", value: "=not a formula" }]);
      await workbook.setCells(OTHER, [{ address: "B1", value: null }]);
      for (const [label, wb] of await andReopened(workbook)) {
        expect(await wb.listSheets(), label).toEqual([
          { name: USER, visible: true },
          { name: SETTINGS, visible: false },
          { name: OTHER, visible: true },
          { name: "设置2", visible: true },
        ]);
        const { rows } = await wb.readSheet(SETTINGS);
        const values = rows.map((row) => Array.from({ length: 3 }, (_, c) => row[c]?.value ?? null));
        expect(values, label).toEqual([
          ["学校名称", "实验小学", 3],
          [null, null, null],
          ["列:收费明细:金额", "B", null],
        ]);
        expect(rows[0]?.[0], label).toEqual(before.rows[0]?.[0]);
        expect((await wb.readSheet("设置2")).rows[1]?.[1]?.value, label).toBe("=not a formula");
        const other = await wb.readSheet(OTHER);
        expect(other.rows[0]?.[0]?.value, label).toBe("x");
        expect(other.rows[0]?.[1]?.value ?? null, label).toBeNull();
        expect(await wb.readSheet(USER), label).toEqual(await (await create(SPEC)).readSheet(USER));
      }
    });

    it("deletes a sheet it wrote, and does nothing for a sheet that does not exist", async () => {
      const workbook = await create(SPEC);
      await workbook.writeSheet(RESULTS, RESULT_ROWS);
      await workbook.deleteSheet(RESULTS);
      await workbook.deleteSheet("没有这个表");
      for (const [, wb] of await andReopened(workbook)) {
        expect((await wb.listSheets()).map((sheet) => sheet.name)).toEqual([USER, SETTINGS, OTHER]);
      }
    });

    it("marks cells with a fill and a note and leaves their values and their neighbours alone", async () => {
      const workbook = await create(SPEC);
      const before = await workbook.readSheet(USER);
      const neighbour = await workbook.readDecorations(USER, ["B2"]);
      await workbook.markCells(USER, [
        { address: "A2", color: MARK, note: "表头应为“收费项目”" },
        { address: "B3", color: MARK, note: "金额超出标准" },
        { address: "C4", color: MARK, note: "日期在假期" },
        { address: "C6", color: MARK, note: "缺少日期" },
      ]);
      for (const [label, wb] of await andReopened(workbook)) {
        const marks = await wb.readDecorations(USER, ["A2", "B3", "C4", "C6"]);
        expect(
          marks.map((mark) => mark.note),
          label,
        ).toEqual(["表头应为“收费项目”", "金额超出标准", "日期在假期", "缺少日期"]);
        for (const mark of marks) expect(mark.fill?.toUpperCase(), label).toContain(MARK.slice(2));
        expect((await wb.readSheet(USER)).rows, label).toEqual(before.rows);
      }
      expect(await workbook.readDecorations(USER, ["B2"])).toEqual(neighbour);
      expect(neighbour[0]?.fill).not.toBeNull();
    });

    it("restores exactly the fills and notes read before marking", async () => {
      const workbook = await create(SPEC);
      const original = await workbook.readDecorations(USER, DECORATED);
      expect(original.map((d) => d.fill === null)).toEqual([false, true, true, true]);
      expect(original.map((d) => d.note)).toEqual([null, "经办人：王老师", null, null]);
      await workbook.markCells(
        USER,
        DECORATED.map((address) => ({ address, color: MARK, note: "houqin" })),
      );
      await workbook.restoreDecorations(USER, original);
      expect(await workbook.readDecorations(USER, DECORATED)).toEqual(original);
      if (reopen) {
        const untouched: CellDecoration[] = await (await reopen(await create(SPEC))).readDecorations(
          USER,
          DECORATED,
        );
        expect(await (await reopen(workbook)).readDecorations(USER, DECORATED)).toEqual(untouched);
      }
    });

    it("restores fills and notes in a later session, after the marked workbook was saved", async () => {
      if (!reopen) return;
      const workbook = await create(SPEC);
      const original = await workbook.readDecorations(USER, DECORATED);
      await workbook.markCells(
        USER,
        DECORATED.map((address) => ({ address, color: MARK, note: "houqin" })),
      );
      const later = await reopen(workbook);
      await later.restoreDecorations(USER, original);
      const restored = await (await reopen(later)).readDecorations(USER, DECORATED);
      expect(restored.map((d) => d.note)).toEqual(original.map((d) => d.note));
      expect(restored.map((d) => d.fill === null)).toEqual(original.map((d) => d.fill === null));
    });

    it("never changes the values of the user's sheets", async () => {
      const workbook = await create(SPEC);
      const before = await userSheets(workbook);
      const decorations = await workbook.readDecorations(USER, DECORATED);
      await workbook.writeSheet(RESULTS, RESULT_ROWS, { frozenRows: 1 });
      await workbook.markCells(USER, [{ address: "B3", color: MARK, note: "金额超出标准" }]);
      await workbook.writeSheet(RESULTS, RESULT_ROWS.slice(0, 2));
      await workbook.restoreDecorations(USER, decorations);
      await workbook.deleteSheet(RESULTS);
      for (const [label, wb] of await andReopened(workbook)) {
        expect(await userSheets(wb), label).toEqual(before);
      }
    });
  });
}
