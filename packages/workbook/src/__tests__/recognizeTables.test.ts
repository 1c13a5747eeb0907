import { describe, expect, it } from "vitest";
import { cells } from "../cellSchemas.js";
import { recognizeTables } from "../recognizeTables.js";
import { defineTableKind, field } from "../tableKind.js";
import { sheetOf } from "./sheetOf.js";

const journal = defineTableKind({
  id: "test.journal",
  title: { "zh-CN": "日记账", en: "Journal" },
  fields: {
    date: field({
      title: { "zh-CN": "日期", en: "Date" },
      synonyms: ["日期", "date"],
      required: true,
      schema: cells.date(),
    }),
    summary: field({
      title: { "zh-CN": "摘要", en: "Summary" },
      synonyms: ["摘要", "summary"],
      required: false,
      schema: cells.text(),
    }),
    debit: field({
      title: { "zh-CN": "借方", en: "Debit" },
      synonyms: ["借方", "借方金额", "收入", "debit"],
      required: true,
      schema: cells.money(),
    }),
    credit: field({
      title: { "zh-CN": "贷方", en: "Credit" },
      synonyms: ["贷方", "贷方金额", "支出", "credit"],
      required: true,
      schema: cells.money(),
    }),
    balance: field({
      title: { "zh-CN": "余额", en: "Balance" },
      synonyms: ["余额", "balance"],
      required: false,
      schema: cells.money(),
    }),
  },
});

const roster = defineTableKind({
  id: "test.roster",
  title: { "zh-CN": "名单", en: "Roster" },
  fields: {
    name: field({
      title: { "zh-CN": "姓名", en: "Name" },
      synonyms: ["姓名", "name"],
      required: true,
      schema: cells.text(),
    }),
    className: field({
      title: { "zh-CN": "班级", en: "Class" },
      synonyms: ["班级", "class"],
      required: true,
      schema: cells.text(),
    }),
  },
});

describe("recognizeTables", () => {
  it("finds the header row under a merged title, a note line and blank rows", () => {
    const sheet = sheetOf(
      "现金日记账",
      [
        ["示例小学2023年现金日记账", null, null, null, null],
        [null, null, null, null, null],
        ["单位：元", null, null, null, null],
        ["日期", "摘要", "借方", "贷方", "余额"],
        ["2023-09-01", "期初", null, null, 100],
        ["2023-09-02", "收课后服务费", 600, null, 700],
      ],
      ["A1:E1"],
    );
    const [table] = recognizeTables(sheet, [journal, roster]);
    expect(table?.kind.id).toBe("test.journal");
    expect(table).toMatchObject({ headerRow: 4, firstRow: 5, lastRow: 6 });
    expect(table?.columns).toEqual({ date: 1, summary: 2, debit: 3, credit: 4, balance: 5 });
  });

  it("reads a two-row header: a merged group over its sub-headers", () => {
    const sheet = sheetOf(
      "银行日记账",
      [
        ["日期", "摘要", "金额", null, "余额"],
        [null, null, "借方", "贷方", null],
        [45170, "拨款", 10000, null, 10000],
      ],
      ["A1:A2", "B1:B2", "C1:D1", "E1:E2"],
    );
    const [table] = recognizeTables(sheet, [journal]);
    expect(table).toMatchObject({ headerRow: 2, firstRow: 3, lastRow: 3 });
    expect(table?.columns).toEqual({ date: 1, summary: 2, debit: 3, credit: 4, balance: 5 });
  });

  it("keeps reading past one blank row and ends at a totals row", () => {
    const sheet = sheetOf("账", [
      ["日期", "摘要", "借方", "贷方"],
      ["2023-09-01", "a", 1, null],
      [null, null, null, null],
      ["2023-09-02", "b", 2, null],
      ["合 计", null, 3, null],
      ["2023-09-03", "not data", 4, null],
    ]);
    const [table] = recognizeTables(sheet, [journal]);
    expect(table).toMatchObject({ headerRow: 1, firstRow: 2, lastRow: 4, totalsRow: 5 });
  });

  it("skips subtotal rows and repeated headers but keeps the rows after them", () => {
    const sheet = sheetOf("账", [
      ["日期", "摘要", "借方", "贷方"],
      ["2023-09-01", "a", 1, null],
      ["小计", null, 1, null],
      ["日期", "摘要", "借方", "贷方"],
      ["2023-10-01", "b", 2, null],
      ["总计", null, 3, null],
    ]);
    const [table] = recognizeTables(sheet, [journal]);
    expect(table).toMatchObject({ firstRow: 2, lastRow: 5, totalsRow: 6, skippedRows: [3, 4] });
  });

  it("knows a repeated header, a subtotal and a total however they are spaced, cased or widened", () => {
    const sheet = sheetOf("账", [
      ["日期", "摘要（说明）", "借方", "Credit"],
      ["2023-09-01", "a", 1, null],
      ["Sub Total", null, 1, null],
      ["日　期", "摘 要", "借方：", "CREDIT"],
      ["2023-10-01", "b", 2, null],
      ["ＴＯＴＡＬ", null, 3, null],
    ]);
    const [table] = recognizeTables(sheet, [journal]);
    expect(table).toMatchObject({ firstRow: 2, lastRow: 5, totalsRow: 6, skippedRows: [3, 4] });
  });

  it("ends a table at a gap of blank rows and finds the next table below", () => {
    const sheet = sheetOf("混合", [
      ["日期", "摘要", "借方", "贷方"],
      ["2023-09-01", "a", 1, null],
      [null],
      [null],
      ["姓名", "班级"],
      ["王小明", "三(2)班"],
    ]);
    const tables = recognizeTables(sheet, [journal, roster]);
    expect(tables.map((t) => [t.kind.id, t.headerRow, t.lastRow])).toEqual([
      ["test.journal", 1, 2],
      ["test.roster", 5, 6],
    ]);
  });

  it("knows 本月合计 and 三(2)班小计 as totals, but not a pupil called Summer", () => {
    const sheet = sheetOf("账", [
      ["日期", "摘要", "借方", "贷方"],
      ["2023-09-01", "Summer Li", 1, null],
      ["三(2)班小计", null, 1, null],
      ["2023-09-02", "b", 2, null],
      ["本月合计", null, 3, null],
    ]);
    const [table] = recognizeTables(sheet, [journal]);
    expect(table).toMatchObject({ firstRow: 2, lastRow: 4, totalsRow: 5, skippedRows: [3] });
  });

  it("reads on past a gap of blank rows when the rows after it are plainly more data", () => {
    const sheet = sheetOf("账", [
      ["日期", "摘要", "借方", "贷方"],
      ["2023-09-01", "a", 1, 0],
      [null],
      [null],
      ["2023-09-03", "乱收费", 999, 0],
      [null],
      [null],
      ["备注：本表由总务处填写"],
    ]);
    const [table] = recognizeTables(sheet, [journal]);
    expect(table).toMatchObject({ firstRow: 2, lastRow: 5 });
  });

  it("ends a table at the signature lines under it", () => {
    const sheet = sheetOf("账", [
      ["日期", "摘要", "借方", "贷方"],
      ["2023-09-01", "a", 1, 0],
      [null],
      ["制表人：王老师", null, "审核人：李主任", null],
    ]);
    expect(recognizeTables(sheet, [journal])[0]).toMatchObject({ firstRow: 2, lastRow: 2 });
  });

  it("treats pre-numbered template rows with nothing in the table's columns as blank", () => {
    const sheet = sheetOf("账", [
      ["序号", "日期", "摘要", "借方", "贷方"],
      [1, "2023-09-01", "a", 1, 0],
      [2, null, null, null, null],
      [3, null, null, null, null],
      [4, null, null, null, null],
    ]);
    const [table] = recognizeTables(sheet, [journal]);
    expect(table).toMatchObject({ firstRow: 2, lastRow: 2 });
  });

  it("lets the sheet's name decide between kinds that map as many columns", () => {
    const a = defineTableKind({
      ...roster,
      id: "test.roster-a",
      title: { "zh-CN": "学生名单", en: "Pupils" },
    });
    const b = defineTableKind({
      ...roster,
      id: "test.roster-b",
      title: { "zh-CN": "教师", en: "Staff" },
      sheetHints: ["教师名单"],
    });
    const rows = [
      ["姓名", "班级"],
      ["王小明", "三(2)班"],
    ];
    expect(recognizeTables(sheetOf("教师名单", rows), [a, b])[0]?.kind.id).toBe("test.roster-b");
    expect(recognizeTables(sheetOf("学生名单", rows), [a, b])[0]?.kind.id).toBe("test.roster-a");
  });

  it("finds a header deep under a long preamble", () => {
    const preamble = Array.from({ length: 60 }, (_, i) => [`说明第${i + 1}条`]);
    const sheet = sheetOf("账", [...preamble, ["日期", "摘要", "借方", "贷方"], ["2023-09-01", "a", 1, 0]]);
    expect(recognizeTables(sheet, [journal])[0]).toMatchObject({ headerRow: 61, lastRow: 62 });
  });

  it("maps English headers and headers with units in brackets", () => {
    const sheet = sheetOf("Journal", [
      ["Date", "Summary", "Debit (yuan)", "Credit（元）"],
      ["2023-09-01", "a", 1, null],
    ]);
    const [table] = recognizeTables(sheet, [journal]);
    expect(table?.columns).toEqual({ date: 1, summary: 2, debit: 3, credit: 4 });
  });

  it("recognises nothing when a required column is missing", () => {
    const sheet = sheetOf("账", [
      ["日期", "摘要", "借方"],
      ["2023-09-01", "a", 1],
    ]);
    expect(recognizeTables(sheet, [journal])).toEqual([]);
  });

  it("lets the settings name the kind, the header row and a column", () => {
    const sheet = sheetOf("流水", [
      ["发生时间", "说明", "进", "出"],
      ["2023-09-01", "a", 1, 0],
    ]);
    expect(recognizeTables(sheet, [journal])).toEqual([]);
    const [table] = recognizeTables(sheet, [journal], {
      kind: "test.journal",
      headerRow: 1,
      columns: { date: "A", 借方: "C", credit: "D" },
    });
    expect(table).toMatchObject({ headerRow: 1, firstRow: 2, lastRow: 2 });
    expect(table?.columns).toEqual({ date: 1, debit: 3, credit: 4 });
  });

  it("reads nothing from a sheet the settings say to ignore", () => {
    const sheet = sheetOf("账", [
      ["日期", "借方", "贷方"],
      ["2023-09-01", 1, 2],
    ]);
    expect(recognizeTables(sheet, [journal], { ignore: true })).toEqual([]);
  });
});

describe("title rows", () => {
  it("never takes a line merged across the sheet for a header, even when its words name two columns", () => {
    const log = defineTableKind({
      id: "test.log",
      title: { "zh-CN": "记录", en: "Log" },
      fields: {
        date: field({
          title: { "zh-CN": "日期", en: "Date" },
          synonyms: ["日期"],
          required: true,
          schema: cells.date(),
        }),
        students: field({
          title: { "zh-CN": "学生", en: "Students" },
          synonyms: ["学生"],
          required: false,
          schema: cells.integer(),
        }),
      },
    });
    const sheet = sheetOf(
      "明细",
      [
        ["学生收费明细", null, null],
        ["制表日期：2023年10月20日", null, null],
        [],
        ["日期", "学生", "金额"],
        ["2023-10-08", 3, 10],
      ],
      ["A1:C1", "A2:C2"],
    );
    expect(recognizeTables(sheet, [log]).map((t) => t.headerRow)).toEqual([4]);
  });
});

describe("totals inside a table", () => {
  it("skips a month's total with more of the month after it, and ends at the last total", () => {
    const sheet = sheetOf("日记账", [
      ["日期", "摘要", "借方", "贷方"],
      ["2024-09-02", "收餐费", 100, 0],
      ["2024-09-03", "买菜", 0, 60],
      ["9月合计", null, 100, 60],
      ["2024-10-08", "收餐费", 200, 0],
      ["10月合计", null, 200, 0],
      ["制表人：王老师", null, null, null],
    ]);
    const [table] = recognizeTables(sheet, [journal]);
    expect(table).toMatchObject({ firstRow: 2, lastRow: 5, totalsRow: 6, skippedRows: [4] });
  });

  it("skips a day's total whose date cell is filled", () => {
    const sheet = sheetOf("日记账", [
      ["日期", "摘要", "借方", "贷方"],
      ["2024-09-02", "午餐", 100, 0],
      ["2024-09-02", "合计", 100, 0],
      ["2024-09-03", "午餐", 120, 0],
    ]);
    const [table] = recognizeTables(sheet, [journal]);
    expect(table).toMatchObject({ lastRow: 4, skippedRows: [3] });
  });

  it("still ends at a total followed by a blank gap and another table", () => {
    const sheet = sheetOf("日记账", [
      ["日期", "摘要", "借方", "贷方"],
      ["2024-09-02", "午餐", 100, 0],
      ["合计", null, 100, 0],
      [],
      ["日期", "摘要", "借方", "贷方"],
      ["2024-10-02", "午餐", 100, 0],
    ]);
    expect(recognizeTables(sheet, [journal]).map((t) => [t.firstRow, t.lastRow, t.totalsRow])).toEqual([
      [2, 2, 3],
      [6, 6, undefined],
    ]);
  });
});

describe("requiresOneOf", () => {
  const certificates = defineTableKind({
    id: "test.certificates",
    title: { "zh-CN": "健康证", en: "Certificates" },
    requiresOneOf: ["expires"],
    fields: {
      name: field({
        title: { "zh-CN": "姓名", en: "Name" },
        synonyms: ["姓名"],
        required: true,
        schema: cells.text(),
      }),
      post: field({
        title: { "zh-CN": "岗位", en: "Post" },
        synonyms: ["岗位"],
        required: false,
        schema: cells.text(),
      }),
      expires: field({
        title: { "zh-CN": "有效期至", en: "Expires" },
        synonyms: ["有效期至"],
        required: false,
        schema: cells.date(),
      }),
    },
  });

  it("passes over a sheet with none of the fields the kind cannot do without", () => {
    const roster = sheetOf("名册", [
      ["姓名", "岗位"],
      ["王芳", "保安"],
    ]);
    expect(recognizeTables(roster, [certificates])).toEqual([]);
    const register = sheetOf("健康证", [
      ["姓名", "岗位", "有效期至"],
      ["王芳", "厨师", "2024-06-30"],
    ]);
    expect(recognizeTables(register, [certificates]).map((t) => t.kind.id)).toEqual(["test.certificates"]);
  });
});

describe("totals inside a table: what ends it", () => {
  it("goes on past 本月合计 and 本年累计 to the next month", () => {
    const sheet = sheetOf("日记账", [
      ["日期", "摘要", "借方", "贷方"],
      ["2024-09-02", "收餐费", 100, 0],
      ["本月合计", null, 100, 0],
      ["本年累计", null, 100, 0],
      ["2024-10-08", "收餐费", 200, 0],
      ["本月合计", null, 200, 0],
      ["本年累计", null, 300, 0],
    ]);
    const [table] = recognizeTables(sheet, [journal]);
    expect(table).toMatchObject({ firstRow: 2, lastRow: 5, totalsRow: 6, skippedRows: [3, 4] });
  });

  it("ends at a total followed by a signature line, even one it does not know", () => {
    const sheet = sheetOf("日记账", [
      ["日期", "摘要", "借方", "贷方"],
      ["2024-09-02", "收餐费", 100, 0],
      ["合计", null, 100, 0],
      ["食堂负责人：王芳", null, 50, "校长签字："],
    ]);
    const [table] = recognizeTables(sheet, [journal]);
    expect(table).toMatchObject({ lastRow: 2, totalsRow: 3 });
  });

  it("ends at a total followed by a blank row, whatever comes after", () => {
    const sheet = sheetOf("日记账", [
      ["日期", "摘要", "借方", "贷方"],
      ["2024-09-02", "收餐费", 100, 0],
      ["合计", null, 100, 0],
      [],
      ["2024-10-08", "收餐费", 200, 0],
    ]);
    const [table] = recognizeTables(sheet, [journal]);
    expect(table).toMatchObject({ lastRow: 2, totalsRow: 3 });
  });
});

describe("requiresOneOf on a hinted sheet", () => {
  const register = defineTableKind({
    id: "test.register",
    title: { "zh-CN": "从业人员", en: "Staff" },
    sheetHints: ["从业人员"],
    requiresOneOf: ["expires"],
    fields: {
      name: field({
        title: { "zh-CN": "姓名", en: "Name" },
        synonyms: ["姓名"],
        required: true,
        schema: cells.text(),
      }),
      post: field({
        title: { "zh-CN": "岗位", en: "Post" },
        synonyms: ["岗位"],
        required: false,
        schema: cells.text(),
      }),
      expires: field({
        title: { "zh-CN": "有效期至", en: "Expires" },
        synonyms: ["有效期至"],
        required: false,
        schema: cells.date(),
      }),
    },
  });

  it("takes a sheet without the columns when its name says what it is", () => {
    const rows = [
      ["姓名", "岗位"],
      ["王芳", "厨师"],
    ];
    expect(recognizeTables(sheetOf("从业人员名册", rows), [register]).map((t) => t.kind.id)).toEqual([
      "test.register",
    ]);
    expect(recognizeTables(sheetOf("保安名册", rows), [register])).toEqual([]);
  });
});

describe("a total labelled outside the table's columns", () => {
  it("is skipped when more of the table follows, and ends it otherwise", () => {
    const sheet = sheetOf("日记账", [
      ["序号", "日期", "摘要", "借方", "贷方"],
      [1, "2024-09-02", "收餐费", 100, 0],
      ["9月合计", null, null, null, null],
      [2, "2024-10-08", "收餐费", 200, 0],
      ["10月合计", null, null, null, null],
    ]);
    const [table] = recognizeTables(sheet, [journal]);
    expect(table).toMatchObject({ firstRow: 2, lastRow: 4, totalsRow: 5, skippedRows: [3] });
  });
});

describe("field excludes", () => {
  it("keeps a quantity column out of a money field that would match it by a substring", () => {
    const book = defineTableKind({
      id: "test.book",
      title: { "zh-CN": "账", en: "Book" },
      fields: {
        date: field({
          title: { "zh-CN": "日期", en: "Date" },
          synonyms: ["日期"],
          required: true,
          schema: cells.date(),
        }),
        summary: field({
          title: { "zh-CN": "摘要", en: "Summary" },
          synonyms: ["摘要"],
          required: true,
          schema: cells.text(),
        }),
        balance: field({
          title: { "zh-CN": "结存", en: "Balance" },
          synonyms: ["结存"],
          excludes: ["数量"],
          required: false,
          schema: cells.money(),
        }),
      },
    });
    const sheet = sheetOf("库存", [
      ["日期", "摘要", "结存数量"],
      ["2023-09-01", "购入", 5],
    ]);
    expect(recognizeTables(sheet, [book])[0]?.columns).toEqual({ date: 1, summary: 2 });
  });
});

describe("what a totals label is", () => {
  it("reads a line whose summary merely ends in 合计 as data", () => {
    const sheet = sheetOf("日记账", [
      ["日期", "摘要", "借方", "贷方"],
      ["2024-09-10", "发放9月工资合计", 0, 5000],
      ["2024-09-11", "收餐费", 100, 0],
      ["三年级合计", null, 100, 5000],
    ]);
    const [table] = recognizeTables(sheet, [journal]);
    expect(table).toMatchObject({ firstRow: 2, lastRow: 3, totalsRow: 4, skippedRows: [] });
  });
});
