import type { Cell, CellValue } from "@houqin/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCellAddress } from "../address.js";
import type { TableOverride } from "../recognizeTables.js";
import { readSettings } from "../settings.js";
import { type OverrideEdit, settingsEdits } from "../settingsEdits.js";
import type { CellWrite, SheetData } from "../workbook.js";
import { sheetOf } from "./sheetOf.js";

/** The settings sheet after the edits, as setCells would leave it. */
function apply(sheet: SheetData | undefined, edits: readonly CellWrite[]): SheetData {
  const rows: Cell[][] = (sheet?.rows ?? []).map((r) => r.map((c) => ({ ...c })));
  for (const { address, value } of edits) {
    const at = parseCellAddress(address);
    if (!at) throw new Error(address);
    while (rows.length < at.row) rows.push([]);
    const row = rows[at.row - 1] as Cell[];
    while (row.length < at.column) row.push({ value: null, text: "" });
    row[at.column - 1] = { value, text: value === null ? "" : String(value) };
  }
  return { name: sheet?.name ?? "设置", rows, merges: [] };
}

/** The correction readSettings finds for a sheet, without where it came from. */
function overrideOf(sheet: SheetData, name: string): Omit<TableOverride, "source"> | undefined {
  const found = readSettings(sheet, "1900", "zh-CN").settings.overrides.get(name);
  if (!found) return undefined;
  const { source: _, ...rest } = found;
  return rest;
}

describe("settingsEdits", () => {
  it("starts a settings sheet with its header row when the workbook has none", () => {
    const edits = settingsEdits(undefined, "收费明细", {
      kind: "finance.charges",
      headerRow: 5,
      columns: { amount: "e" },
    });
    expect(edits).toEqual([
      { address: "A1", value: "设置项" },
      { address: "B1", value: "值" },
      { address: "A2", value: "表格类型:收费明细" },
      { address: "B2", value: "finance.charges" },
      { address: "A3", value: "表头行:收费明细" },
      { address: "B3", value: 5 },
      { address: "A4", value: "列:收费明细:amount" },
      { address: "B4", value: "E" },
    ]);
    expect(overrideOf(apply(undefined, edits), "收费明细")).toEqual({
      kind: "finance.charges",
      headerRow: 5,
      columns: { amount: "E" },
    });
  });

  it("updates the sheet's rows in place and appends the rest after the last used row", () => {
    const sheet = sheetOf("设置", [
      ["设置项", "值", "说明"],
      ["学校名称", "示例小学"],
      ["表格类型：收费明细", "finance.fee-schedule"],
      ["列:收费明细:金额", "D", "旧的"],
      ["表格类型:收费标准", "finance.fee-schedule"],
      [null, null],
      ["第一学期开始", "2023-09-01"],
    ]);
    const edits = settingsEdits(sheet, "收费明细", {
      kind: "finance.charges",
      columns: { 金额: "E", item: "C" },
    });
    expect(edits).toEqual([
      { address: "B3", value: "finance.charges" },
      { address: "B4", value: "E" },
      { address: "A8", value: "列:收费明细:item" },
      { address: "B8", value: "C" },
    ]);
    const after = apply(sheet, edits);
    expect(overrideOf(after, "收费明细")).toEqual({
      kind: "finance.charges",
      columns: { 金额: "E", item: "C" },
    });
    // The other sheet's correction and the other settings are as they were.
    expect(overrideOf(after, "收费标准")).toEqual({ kind: "finance.fee-schedule" });
    expect(readSettings(after, "1900", "zh-CN").settings.schoolName).toBe("示例小学");
    expect(after.rows[3]?.[2]?.value).toBe("旧的");
  });

  it("keeps the keys in the column the sheet has them in", () => {
    const sheet = sheetOf("设置", [
      [null, "设置项", "值"],
      [null, "学校名称", "示例小学"],
    ]);
    const edits = settingsEdits(sheet, "流水", { headerRow: 3 });
    expect(edits).toEqual([
      { address: "B3", value: "表头行:流水" },
      { address: "C3", value: 3 },
    ]);
    const after = apply(sheet, edits);
    expect(overrideOf(after, "流水")).toEqual({ headerRow: 3 });
    expect(readSettings(after, "1900", "zh-CN").settings.schoolName).toBe("示例小学");
  });

  it("removes an entry given as null, and empties a second row of the same key", () => {
    const sheet = sheetOf("设置", [
      ["表头行:流水", 4],
      ["列:流水:金额", "D"],
      ["列:流水:金 额", "F"],
      ["表格类型:流水", "finance.charges"],
    ]);
    const edits = settingsEdits(sheet, "流水", { headerRow: null, columns: { 金额: "E" } });
    expect(edits).toEqual([
      { address: "B1", value: null },
      { address: "B2", value: "E" },
      { address: "B3", value: null },
    ]);
    expect(overrideOf(apply(sheet, edits), "流水")).toEqual({
      kind: "finance.charges",
      columns: { 金额: "E" },
    });
  });

  it("reuses a row whose value was emptied, and writes nothing when nothing changes", () => {
    const sheet = sheetOf("设置", [
      ["表格类型:流水", null],
      ["忽略:草稿", "是"],
    ]);
    const edits = settingsEdits(sheet, "流水", { kind: "finance.charges" });
    expect(edits).toEqual([{ address: "B1", value: "finance.charges" }]);
    expect(settingsEdits(apply(sheet, edits), "流水", { kind: "finance.charges" })).toEqual([]);
    expect(settingsEdits(sheet, "草稿", { ignore: true })).toEqual([]);
    expect(settingsEdits(sheet, "草稿", { ignore: false })).toEqual([{ address: "B2", value: "否" }]);
  });

  it("refuses a column that is not letters A to XFD, a header row below 1 and a bad sheet name", () => {
    expect(() => settingsEdits(undefined, "流水", { columns: { 金额: "XFE" } })).toThrow(/XFE/);
    expect(() => settingsEdits(undefined, "流水", { columns: { 金额: "E1" } })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => settingsEdits(undefined, "流水", { headerRow: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => settingsEdits(undefined, "流水", { headerRow: 2.5 })).toThrow(/2.5/);
    expect(() => settingsEdits(undefined, "a/b", { kind: "finance.charges" })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });

  it("round-trips: after the edits readSettings gives the edited correction, whatever was there", () => {
    const letters = fc.constantFrom("A", "c", "E", "AB", "XFD");
    const fieldName = fc.constantFrom("金额", "项目", "amount", "date");
    const sheetName = fc.constantFrom("流水", "收费明细", "Sheet1");
    const editArb: fc.Arbitrary<OverrideEdit> = fc.record(
      {
        kind: fc.option(fc.constantFrom("finance.charges", "safety.guard-log"), { nil: null }),
        headerRow: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
        columns: fc.dictionary(fieldName, fc.option(letters, { nil: null })),
        ignore: fc.option(fc.boolean(), { nil: null }),
      },
      { requiredKeys: [] },
    );
    // Existing rows: corrections of several sheets, other settings and blank rows, in any order.
    const rowArb = fc.oneof(
      fc
        .tuple(sheetName, fc.constantFrom("finance.charges", "finance.fee-schedule"))
        .map(([s, k]) => [`表格类型:${s}`, k]),
      fc.tuple(sheetName, fc.integer({ min: 1, max: 9 })).map(([s, n]) => [`表头行：${s}`, n]),
      fc.tuple(sheetName, fieldName, letters).map(([s, f, l]) => [`列:${s}:${f}`, l]),
      fc.tuple(sheetName, fc.boolean()).map(([s, b]) => [`忽略:${s}`, b ? "是" : "否"]),
      fc.constant(["学校名称", "示例小学"]),
      fc.constant([null, null]),
    );
    fc.assert(
      fc.property(
        fc.option(fc.array(rowArb, { maxLength: 12 }), { nil: undefined }),
        sheetName,
        editArb,
        (rows, target, edit) => {
          const before = rows === undefined ? undefined : sheetOf("设置", rows as CellValue[][]);
          const after = apply(before, settingsEdits(before, target, edit));
          const old = before ? overrideOf(before, target) : undefined;
          // The expected correction: the old one with the edit laid over it.
          const expected: Record<string, unknown> = {};
          const pick = <K extends "kind" | "headerRow" | "ignore">(key: K) => {
            const value = edit[key] === undefined ? old?.[key] : edit[key];
            if (value !== null && value !== undefined) expected[key] = value;
          };
          pick("kind");
          pick("headerRow");
          const columns = new Map(Object.entries(old?.columns ?? {}));
          for (const [f, l] of Object.entries(edit.columns ?? {}))
            if (l === null) columns.delete(f);
            else columns.set(f, l.toUpperCase());
          if (columns.size > 0) expected.columns = Object.fromEntries(columns);
          pick("ignore");
          const got = overrideOf(after, target) ?? {};
          expect({ ...got, columns: got.columns ?? {} }).toEqual({
            ...expected,
            columns: expected.columns ?? {},
          });
          // Nothing else in the settings changed.
          for (const other of ["流水", "收费明细", "Sheet1"].filter((s) => s !== target))
            expect(before ? overrideOf(after, other) : undefined).toEqual(
              before ? overrideOf(before, other) : undefined,
            );
        },
      ),
      { numRuns: 300 },
    );
  });
});
