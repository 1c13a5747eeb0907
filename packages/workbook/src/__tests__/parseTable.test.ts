import { describe, expect, it } from "vitest";
import { cells } from "../cellSchemas.js";
import { parseTable } from "../parseTable.js";
import { recognizeTables } from "../recognizeTables.js";
import { defineTableKind, field } from "../tableKind.js";
import { sheetOf } from "./sheetOf.js";

const payments = defineTableKind({
  id: "test.payments",
  title: { "zh-CN": "缴费", en: "Payments" },
  fields: {
    name: field({
      title: { "zh-CN": "姓名", en: "Name" },
      synonyms: ["姓名"],
      required: true,
      schema: cells.text(),
    }),
    amount: field({
      title: { "zh-CN": "金额", en: "Amount" },
      synonyms: ["金额"],
      required: true,
      schema: cells.money(),
    }),
    date: field({
      title: { "zh-CN": "日期", en: "Date" },
      synonyms: ["日期"],
      required: true,
      schema: cells.date(),
    }),
    paid: field({
      title: { "zh-CN": "已缴", en: "Paid" },
      synonyms: ["已缴"],
      required: false,
      schema: cells.boolean(),
    }),
  },
});

function parse(
  rows: Parameters<typeof sheetOf>[1],
  lang: "zh-CN" | "en" = "zh-CN",
  merges: string[] = [],
  schoolYearStart?: number,
) {
  const sheet = sheetOf("缴费", rows, merges);
  const [table] = recognizeTables(sheet, [payments]);
  if (!table) throw new Error("no table");
  return parseTable(sheet, table, {
    dateSystem: "1900",
    lang,
    ...(schoolYearStart === undefined ? {} : { schoolYearStart }),
  });
}

describe("parseTable", () => {
  it("reads full-width digits, money text, serial and text dates, and 是/否", () => {
    const { parsed, findings } = parse([
      ["姓名", "金额", "日期", "已缴"],
      ["王小明", "１２３４.５０", 45170, "是"],
      ["李华", "¥1,200.00", "2023年9月4日", "√"],
      ["张三", "600元", "9月5日", "否"],
    ]);
    expect(findings).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.values])).toEqual([
      [2, { name: "王小明", amount: 123450, date: "2023-09-01", paid: true }],
      [3, { name: "李华", amount: 120000, date: "2023-09-04", paid: true }],
      [4, { name: "张三", amount: 60000, date: "2023-09-05", paid: false }],
    ]);
  });

  it("reports an error value, an unreadable cell and a missing value at their cells and keeps the other rows", () => {
    const { parsed, findings } = parse([
      ["姓名", "金额", "日期", "已缴"],
      ["王小明", { error: "#REF!" }, 45170, null],
      ["李华", "一百元", 45171, null],
      ["张三", 500, null, null],
      ["赵四", 300, 45173, "也许"],
      ["钱五", 300, 45174, null],
    ]);
    expect(findings.map((f) => [f.rule, f.severity, f.cell, f.row])).toEqual([
      ["workbook/error-value", "error", "B2", 2],
      ["workbook/unreadable-cell", "warning", "B3", 3],
      ["workbook/missing-value", "warning", "C4", 4],
      ["workbook/unreadable-cell", "warning", "D5", 5],
    ]);
    expect(findings[0]?.message).toContain("#REF!");
    expect(findings[0]?.message).toContain("金额");
    expect(findings[1]?.message).toMatchInlineSnapshot(
      `"“金额”：“一百元”不是可识别的金额（可写作 ¥1,234.50 或 1234.5元），此行未参与检查"`,
    );
    expect(findings[3]?.message).toMatchInlineSnapshot(
      `"“已缴”：“也许”不是可识别的是/否值（可写作 是、否、√、× 等）"`,
    );
    // Rows that lack a required value are left out; an unreadable optional value only drops that value.
    expect(parsed.rows.map((r) => r.row)).toEqual([5, 6]);
    expect(parsed.rows[0]?.values).toEqual({ name: "赵四", amount: 30000, date: "2023-09-04" });
  });

  it("writes its messages in English on request", () => {
    const { findings } = parse(
      [
        ["姓名", "金额", "日期"],
        ["张三", 500, null],
      ],
      "en",
    );
    expect(findings[0]?.message).toBe("“Date” is missing; this row was not checked");
  });

  it("gives every row of a merged cell the merged value", () => {
    const { parsed, findings } = parse(
      [
        ["姓名", "金额", "日期"],
        ["王小明", 600, "2023-09-01"],
        ["李华", null, null],
        ["张三", null, null],
      ],
      "zh-CN",
      ["B2:B4", "C2:C4"],
    );
    expect(findings).toEqual([]);
    expect(parsed.rows.map((r) => [r.values.name, r.values.amount, r.values.date])).toEqual([
      ["王小明", 60000, "2023-09-01"],
      ["李华", 60000, "2023-09-01"],
      ["张三", 60000, "2023-09-01"],
    ]);
  });

  it("places dates without a year next to the table's dates, across the new year", () => {
    const { parsed } = parse([
      ["姓名", "金额", "日期"],
      ["王小明", 1, "11月30日"],
      ["李华", 1, "2023年12月1日"],
      ["张三", 1, "1月5日"],
      ["赵四", 1, "2024/1/8"],
      ["钱五", 1, "12月28日"],
    ]);
    expect(parsed.rows.map((r) => r.values.date)).toEqual([
      "2023-11-30",
      "2023-12-01",
      "2024-01-05",
      "2024-01-08",
      "2023-12-28",
    ]);
  });

  it("places dates without a year by the school year when the table has no full date", () => {
    const { parsed } = parse(
      [
        ["姓名", "金额", "日期"],
        ["王小明", 1, "9月1日"],
        ["李华", 1, "3月4日"],
      ],
      "zh-CN",
      [],
      2023,
    );
    expect(parsed.rows.map((r) => r.values.date)).toEqual(["2023-09-01", "2024-03-04"]);
  });

  it("records which optional values could not be read, so checks do not misjudge them", () => {
    const { parsed } = parse([
      ["姓名", "金额", "日期", "已缴"],
      ["王小明", 1, "2023-09-01", "也许"],
    ]);
    expect(parsed.rows[0]?.unreadable).toEqual(["paid"]);
  });
});

describe("other columns", () => {
  const scores = defineTableKind({
    id: "test.scores",
    title: { "zh-CN": "考核", en: "Scores" },
    otherColumns: true,
    fields: {
      name: field({
        title: { "zh-CN": "姓名", en: "Name" },
        synonyms: ["姓名"],
        required: true,
        schema: cells.text(),
      }),
      total: field({
        title: { "zh-CN": "总分", en: "Total" },
        synonyms: ["总分"],
        required: false,
        schema: cells.number(),
      }),
    },
  });

  it("keeps the columns no field claims, with their headers and raw cells, merged cells filled", () => {
    const sheet = sheetOf(
      "考核",
      [
        ["姓名", "卫生", "服务", "", "总分"],
        ["王芳", 28, "２９", "备注不算", 57],
        ["李敏", 25, null, null, 25],
      ],
      ["B2:B3"],
    );
    const [table] = recognizeTables(sheet, [scores]);
    expect(table?.otherColumns).toEqual([
      { column: 2, header: "卫生" },
      { column: 3, header: "服务" },
    ]);
    const { parsed } = parseTable(sheet, table as NonNullable<typeof table>, {
      dateSystem: "1900",
      lang: "zh-CN",
    });
    expect(parsed.rows.map((r) => r.other?.map((c) => c?.value ?? null))).toEqual([
      [28, "２９"],
      [28, null],
    ]);
  });

  it("leaves them out for kinds that do not ask", () => {
    const sheet = sheetOf("缴费", [
      ["姓名", "金额", "日期", "备注"],
      ["王芳", 100, "2023-09-01", "x"],
    ]);
    const [table] = recognizeTables(sheet, [payments]);
    expect(table?.otherColumns).toBeUndefined();
    const { parsed } = parseTable(sheet, table as NonNullable<typeof table>, {
      dateSystem: "1900",
      lang: "zh-CN",
    });
    expect(parsed.rows[0]?.other).toBeUndefined();
  });
});

describe("months", () => {
  const stock = defineTableKind({
    id: "test.stock",
    title: { "zh-CN": "库存", en: "Stock" },
    fields: {
      month: field({
        title: { "zh-CN": "月份", en: "Month" },
        synonyms: ["月份"],
        required: true,
        schema: cells.month(),
      }),
      closing: field({
        title: { "zh-CN": "月末库存", en: "Closing" },
        synonyms: ["月末库存"],
        required: true,
        schema: cells.money(),
      }),
    },
  });

  it("places a month written without a year by the table's full months, across the new year", () => {
    const sheet = sheetOf("库存", [
      ["月份", "月末库存"],
      ["2023年11月", 100],
      ["12月", 200],
      ["1月", 300],
      ["2024-02", 400],
    ]);
    const [table] = recognizeTables(sheet, [stock]);
    const { parsed, findings } = parseTable(sheet, table as NonNullable<typeof table>, {
      dateSystem: "1900",
      lang: "zh-CN",
    });
    expect(findings).toEqual([]);
    expect(parsed.rows.map((r) => r.values.month)).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
  });

  it("uses the school year when the table has no full month", () => {
    const sheet = sheetOf("库存", [
      ["月份", "月末库存"],
      ["9月", 100],
      ["3月", 200],
    ]);
    const [table] = recognizeTables(sheet, [stock]);
    const { parsed } = parseTable(sheet, table as NonNullable<typeof table>, {
      dateSystem: "1900",
      lang: "zh-CN",
      schoolYearStart: 2023,
    });
    expect(parsed.rows.map((r) => r.values.month)).toEqual(["2023-09", "2024-03"]);
  });
});
