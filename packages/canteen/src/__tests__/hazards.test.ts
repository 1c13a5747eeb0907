import { type CellValue, isoToSerial } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { hazardsCheck } from "../checkHazards.js";
import { hazardInspections } from "../hygieneKinds.js";
import { meals } from "../kinds.js";

const canteen: HouqinModule = {
  id: "canteen",
  title: { "zh-CN": "食堂", en: "Canteen" },
  kinds: [meals, hazardInspections],
  checks: [hazardsCheck],
};

const HEADER: CellValue[] = ["排查日期", "排查项目", "发现问题", "整改措施", "整改完成日期", "排查人"];

async function check(
  rows: CellValue[][],
  asOf: string,
  options: { header?: CellValue[]; settings?: CellValue[][]; lang?: "zh-CN" | "en" } = {},
) {
  const sheets = [
    ...(options.settings ? [{ name: "设置", rows: options.settings }] : []),
    { name: "隐患排查", rows: [options.header ?? HEADER, ...rows] },
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [canteen],
    today: "2030-01-01",
    asOf,
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

const found = (r: Awaited<ReturnType<typeof check>>) => r.findings.map((f) => [f.rule, f.severity, f.cell]);

describe("checkHazards", () => {
  it("finds nothing wrong with monthly inspections whose problems were rectified in time", async () => {
    const report = await check(
      [
        ["2023-09-05", "食品贮存", "无", null, null, "张校长"],
        ["2023-10-09", "冷藏设备", "冷藏柜温度偏高", "报修压缩机", "2023-10-13", "张校长"],
        ["2023-11-06", "留样", "正常", null, null, "张校长"],
      ],
      "2023-11-20",
    );
    expect(report.tables.map((t) => t.kind)).toEqual(["canteen.hazard-inspections"]);
    expect(report.findings).toEqual([]);
  });

  it("reports a problem not rectified past the limit at its rectification cell, not one still within it", async () => {
    const report = await check(
      [
        ["2023-10-09", "冷藏设备", "冷藏柜温度偏高", "报修压缩机", null, "张校长"],
        ["2023-10-12", "操作间", "防蝇帘破损", "更换", null, "张校长"],
      ],
      "2023-10-17",
    );
    expect(found(report)).toEqual([["canteen/hazard-not-rectified", "error", "E2"]]);
    expect(report.findings[0]?.message).toBe(
      "2023-10-09 排查发现的“冷藏柜温度偏高”到 2023-10-17 仍未整改完成，已过 6 个上学日（整改时限 5 个上学日）",
    );
    expect(report.findings[0]?.clause).toBe("三(三)7");
    expect(report.findings[0]?.data).toMatchObject({ date: "2023-10-09", schoolDays: 6, limit: 5 });
  });

  it("warns of a problem rectified later than the limit", async () => {
    const report = await check(
      [["2023-09-27", "冷藏设备", "冷藏柜温度偏高", "报修压缩机", "2023-10-12", "张校长"]],
      "2023-10-20",
      { lang: "en" },
    );
    // 09-28, then the National Day holiday, then 10-07 … 10-12: seven school days.
    expect(found(report)).toEqual([["canteen/hazard-rectified-late", "warning", "E2"]]);
    expect(report.findings[0]?.message).toBe(
      "“冷藏柜温度偏高”, found on 2023-09-27, was rectified on 2023-10-12, after 7 school days (limit: 5)",
    );
  });

  it("takes the rectification limit from the settings", async () => {
    const report = await check(
      [["2023-09-27", "冷藏设备", "冷藏柜温度偏高", "报修压缩机", "2023-10-12", "张校长"]],
      "2023-10-20",
      { settings: [["隐患整改时限", "10"]] },
    );
    expect(report.findings).toEqual([]);
  });

  it("reports a month with serving days and no inspection, pointing at the next inspection", async () => {
    const report = await check(
      [
        ["2023-09-05", "食品贮存", "无", null, null, "张校长"],
        ["2023-11-06", "留样", "无", null, null, "张校长"],
      ],
      "2023-12-20",
    );
    expect(found(report)).toEqual([["canteen/hazard-inspection-missing", "warning", "A3"]]);
    expect(report.findings[0]?.message).toBe("2023年10月 没有食品安全隐患排查记录（每月至少排查一次）");
    expect(report.findings[0]?.data).toEqual({ cadence: "monthly", from: "2023-10-01", to: "2023-10-31" });
  });

  it("checks every school week with 隐患排查频次 = 每周, the National Day week included", async () => {
    const report = await check(
      [
        ["2023-09-25", "食品贮存", "无", null, null, "张校长"],
        ["2023-10-09", "冷藏设备", "无", null, null, "张校长"],
        ["2023-10-23", "留样", "无", null, null, "张校长"],
      ],
      "2023-11-20",
      { settings: [["隐患排查频次", "每周"]] },
    );
    expect(report.findings.map((f) => [f.rule, f.cell, f.data?.from])).toEqual([
      ["canteen/hazard-inspection-missing", "A3", "2023-10-02"],
      ["canteen/hazard-inspection-missing", "A4", "2023-10-16"],
    ]);
    expect(report.findings[0]?.message).toBe(
      "2023-10-02 至 2023-10-08 这一周没有食品安全隐患排查记录（每周至少排查一次）",
    );
  });

  it("reports a cadence it cannot read at its settings cell and checks monthly", async () => {
    const report = await check(
      [
        ["2023-09-05", "食品贮存", "无", null, null, "张校长"],
        ["2023-11-06", "留样", "无", null, null, "张校长"],
      ],
      "2023-12-20",
      { settings: [["隐患排查频次", "经常"]] },
    );
    expect(report.findings.map((f) => [f.sheet, f.cell, f.rule])).toEqual([
      ["设置", "B1", "settings/invalid-value"],
      ["隐患排查", "A3", "canteen/hazard-inspection-missing"],
    ]);
  });

  it("says once that a log without a rectification-date column cannot be checked for rectification", async () => {
    const report = await check(
      [
        ["2023-10-09", "冷藏设备", "冷藏柜温度偏高", "报修压缩机"],
        ["2023-10-10", "操作间", "防蝇帘破损", "更换"],
      ],
      "2023-11-20",
      { header: ["日期", "排查内容", "存在隐患", "整改情况"] },
    );
    expect(report.tables.map((t) => t.columns)).toEqual([
      { date: "A", item: "B", problem: "C", action: "D" },
    ]);
    expect(found(report)).toEqual([["canteen/hazard-not-rectified", "info", "C1"]]);
  });

  it("reads serial and text dates and leaves an unreadable rectification date to the row parser", async () => {
    const report = await check(
      [
        [isoToSerial("2023-10-09", "1900"), "冷藏设备", "冷藏柜温度偏高", "报修", "2023年10月10日", "张校长"],
        [null, null, null, null, null, null],
        ["2023/10/11", "操作间", "防蝇帘破损", "更换", { error: "#REF!" }, "张校长"],
        ["10月12日", "库房", "离墙离地不足", "整理", "２０２３．１０．２５", "张校长"],
      ],
      "2023-10-31",
    );
    expect(found(report)).toEqual([
      ["workbook/error-value", "error", "E4"],
      ["canteen/hazard-rectified-late", "warning", "E5"],
    ]);
  });

  it("does not take 无隐患, 未发现问题, 无异常, 未发现明显隐患 for open problems", async () => {
    const report = await check(
      [
        ["2024-09-02", "后厨卫生", "无隐患", null, null, "张三"],
        ["2024-10-08", "仓库", "未发现问题", null, null, "张三"],
        ["2024-11-04", "操作间", "无异常", null, null, "张三"],
        ["2024-12-02", "冷库", "未发现明显隐患。", "", null, "张三"],
        ["2024-12-09", "留样", "未见异常", null, null, "张三"],
        ["2024-12-16", "餐具", "未发现隐患", null, null, "张三"],
      ],
      "2024-12-31",
    );
    expect(report.findings).toEqual([]);
  });

  it("asks for the date of a problem marked 已整改完毕 without a rectification date, instead of calling it open", async () => {
    const report = await check(
      [
        ["2024-09-02", "后厨", "地面湿滑", "已整改完毕", null, "张三"],
        ["2024-09-03", "仓库", "防鼠板缺失", "已完成", null, "张三"],
        ["2024-09-04", "操作间", "灯罩破损", "尚未整改完成", null, "张三"],
      ],
      "2024-09-30",
    );
    expect(found(report)).toEqual([
      ["canteen/hazard-not-rectified", "error", "E4"],
      ["canteen/hazard-rectification-undated", "warning", "E2"],
      ["canteen/hazard-rectification-undated", "warning", "E3"],
    ]);
    expect(report.findings[1]?.message).toBe(
      "2024-09-02 排查发现的“地面湿滑”整改情况写的是“已整改完毕”，但没有填整改完成日期，无法核对是否在 5 个上学日内整改，请补填日期",
    );
  });
});
