import { describe, expect, it } from "vitest";
import { cells } from "../cellSchemas.js";
import { readSetting, readSettings } from "../settings.js";
import { sheetOf } from "./sheetOf.js";

describe("readSettings", () => {
  it("reads the school, semesters, closures and extra days", () => {
    const sheet = sheetOf("设置", [
      ["设置项", "值", "说明"],
      ["学校名称", "示例市实验小学"],
      ["第一学期开始", 45170],
      ["第一学期结束日期", "2024年1月26日"],
      ["第二学期开始", "2024-02-19"],
      ["第二学期结束", "2024/7/5"],
      ["停课日", "2023-10-09~2023-10-10、2023-11-20"],
      ["停课日", 45260],
      ["补课日", "2023-10-14"],
      ["检查日期", "2023-12-01"],
      ["补课日", null, "空值表示未设置"],
    ]);
    const { settings, findings } = readSettings(sheet, "1900", "zh-CN");
    expect(findings).toEqual([]);
    expect(settings.schoolName).toBe("示例市实验小学");
    expect(settings.asOf).toBe("2023-12-01");
    expect(settings.calendar).toEqual({
      semesters: [
        { name: "第一学期", start: "2023-09-01", end: "2024-01-26" },
        { name: "第二学期", start: "2024-02-19", end: "2024-07-05" },
      ],
      closures: ["2023-10-09", "2023-10-10", "2023-11-20", "2023-11-30"],
      extraDays: ["2023-10-14"],
    });
  });

  it("reports a bad date at its cell and ignores a semester with only a start", () => {
    const sheet = sheetOf("设置", [
      ["第一学期开始", "九月一日"],
      ["第二学期开始", "2024-02-19"],
    ]);
    const { settings, findings } = readSettings(sheet, "1900", "zh-CN");
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([
      ["settings/invalid-value", "B1"],
      ["settings/invalid-value", "B2"],
    ]);
    expect(settings.calendar.semesters).toEqual([]);
  });

  it("reads recognition corrections per sheet", () => {
    const sheet = sheetOf("设置", [
      ["表格类型:流水", "finance.charges"],
      ["表头行：流水", 3],
      ["列:流水:金额", "e"],
      ["忽略:草稿", "是"],
    ]);
    const { settings } = readSettings(sheet, "1900", "zh-CN");
    expect(settings.overrides.get("流水")).toEqual({
      kind: "finance.charges",
      headerRow: 3,
      columns: { 金额: "E" },
      source: [
        { key: "表格类型:流水", cell: "B1", row: 1 },
        { key: "表头行:流水", cell: "B2", row: 2 },
        { key: "列:流水:金额", cell: "B3", row: 3 },
      ],
    });
    expect(settings.overrides.get("草稿")).toMatchObject({ ignore: true });
  });
});

describe("readSetting", () => {
  it("returns the default when absent and a finding when unreadable", () => {
    const { settings } = readSettings(sheetOf("设置", [["现金限额天数", "五天"]]), "1900", "zh-CN");
    expect(readSetting(settings, ["缺少的设置"], cells.number(), 5, "1900", "zh-CN")).toEqual({ value: 5 });
    const { value, finding } = readSetting(settings, ["现金限额天数"], cells.number(), 5, "1900", "zh-CN");
    expect(value).toBe(5);
    expect(finding).toMatchObject({ rule: "settings/invalid-value", sheet: "设置", cell: "B1", row: 1 });
  });
});
