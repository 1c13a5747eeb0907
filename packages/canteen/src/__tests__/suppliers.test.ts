import type { CellValue } from "@houqin/core";
import { type CellInput, type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { purchaseCheck } from "../checkPurchases.js";
import { supplierCheck } from "../checkSuppliers.js";
import { expiryCell, isLongTerm, LONG_TERM_EXPIRY } from "../expiry.js";
import { purchases, suppliers } from "../kinds.js";
import { supplierKey } from "../supplierRegister.js";

const canteen: HouqinModule = {
  id: "canteen",
  title: { "zh-CN": "食堂", en: "Canteen" },
  kinds: [suppliers],
  checks: [supplierCheck],
};

// A supplier B licence no. C licence expiry D food licence no. E food licence expiry F certificates on file
const HEADER: CellValue[] = [
  "供货商",
  "营业执照号",
  "营业执照有效期至",
  "食品经营许可证号",
  "食品经营许可证有效期至",
  "检验合格证存档",
];

const GOOD: CellValue[] = [
  "绿源蔬菜",
  "91320100MA1XXXX01",
  "2027-12-31",
  "JY13201000001",
  "2026-06-30",
  "是",
];

async function check(
  rows: CellValue[][],
  options: {
    asOf?: string;
    header?: CellValue[];
    settings?: CellValue[][];
    lang?: "zh-CN" | "en";
    module?: HouqinModule;
  } = {},
) {
  const sheets = [
    ...(options.settings ? [{ name: "设置", rows: options.settings }] : []),
    { name: "供货商资质", rows: [options.header ?? HEADER, ...rows] },
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [options.module ?? canteen],
    today: "2030-01-01",
    asOf: options.asOf ?? "2023-09-01",
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

type Report = Awaited<ReturnType<typeof check>>;
const found = (r: Report) => r.findings.map((f) => [f.rule, f.severity, f.cell]);

describe("checkSuppliers", () => {
  it("finds nothing wrong with a register of valid licences", async () => {
    const report = await check([
      GOOD,
      ["海天调味品商行", "91320100MA1XXXX02", "2030-01-01", "JY13201000002", "2025-01-01", "是"],
      // Sellers of farm produce need no food licence.
      ["城郊农户合作社", "93320100MA1XXXX03", "2029-05-01", null, null, "否"],
      // Listed twice with the same data: harmless.
      GOOD,
    ]);
    expect(report.findings).toEqual([]);
  });

  describe("canteen/licence-expired", () => {
    it("reports a licence expired before today at its expiry cell, with the days over", async () => {
      const report = await check([
        ["绿源蔬菜", "91320100MA1XXXX01", "2023-08-01", "JY1", "2026-06-30", "是"],
      ]);
      expect(found(report)).toEqual([["canteen/licence-expired", "error", "C2"]]);
      expect(report.findings[0]?.message).toBe(
        "供货商“绿源蔬菜”的营业执照有效期至 2023-08-01，到 2023-09-01 已过期 31 天，请索取新证并更新资质档案",
      );
      expect(report.findings[0]?.clause).toBe("三(三)3");
      expect(report.findings[0]?.data).toMatchObject({
        supplier: "绿源蔬菜",
        licence: "licenceExpiry",
        expires: "2023-08-01",
        daysOver: 31,
      });
    });

    it("names the food licence, in English too", async () => {
      const report = await check(
        [["绿源蔬菜", "91320100MA1XXXX01", "2027-12-31", "JY1", "2023-08-31", "是"]],
        {
          lang: "en",
        },
      );
      expect(found(report)).toEqual([["canteen/licence-expired", "error", "E2"]]);
      expect(report.findings[0]?.message).toBe(
        "绿源蔬菜's food licence expired on 2023-08-31, 1 days before 2023-09-01; obtain the renewed licence and update the register",
      );
    });

    it("says once that a register without expiry columns cannot be checked for expiry", async () => {
      const report = await check(
        [
          ["绿源蔬菜", "91320100MA1XXXX01"],
          ["海天调味品商行", "91320100MA1XXXX02"],
        ],
        { header: ["供货商", "营业执照号"] },
      );
      expect(found(report)).toEqual([["canteen/licence-expired", "info", "A1"]]);
    });
  });

  describe("canteen/licence-expiring", () => {
    it("warns within the warning period with the days left, and on the last day", async () => {
      const report = await check([
        ["绿源蔬菜", "91320100MA1XXXX01", "2027-12-31", "JY1", "2023-09-21", "是"],
        ["海天调味品商行", "91320100MA1XXXX02", "2023-09-01", "JY2", "2026-01-01", "是"],
        ["城南粮油店", "91320100MA1XXXX03", "2023-10-02", "JY3", "2026-01-01", "是"], // 31 days: not yet
      ]);
      expect(found(report)).toEqual([
        ["canteen/licence-expiring", "warning", "E2"],
        ["canteen/licence-expiring", "warning", "C3"],
      ]);
      expect(report.findings[0]?.message).toBe(
        "供货商“绿源蔬菜”的食品经营许可证将于 2023-09-21 到期，还剩 20 天，请提前索取新证",
      );
      expect(report.findings[1]?.message).toBe(
        "供货商“海天调味品商行”的营业执照今天（2023-09-01）到期，请尽快索取新证",
      );
      expect(report.findings[0]?.data).toMatchObject({ daysLeft: 20, warningDays: 30 });
    });

    it("follows the 证照到期提醒天数 setting", async () => {
      const rows = [["绿源蔬菜", "91320100MA1XXXX01", "2027-12-31", "JY1", "2023-09-21", "是"]];
      expect(found(await check(rows, { settings: [["证照到期提醒天数", 10]] }))).toEqual([]);
      expect(found(await check(rows, { settings: [["证照到期提醒天数", 20]] }))).toEqual([
        ["canteen/licence-expiring", "warning", "E2"],
      ]);
    });
  });

  describe("canteen/licence-missing", () => {
    it("warns at the licence number cell of a supplier with neither number nor expiry", async () => {
      const report = await check([GOOD, ["李记豆腐坊", null, null, "JY4", "2026-01-01", "是"]]);
      expect(found(report)).toEqual([["canteen/licence-missing", "warning", "B3"]]);
      expect(report.findings[0]?.message).toBe(
        "供货商“李记豆腐坊”没有登记营业执照（证号和有效期都是空的），应索取营业执照并复印存档",
      );
    });

    it("uses the expiry cell when there is no number column, and says once when there is neither", async () => {
      const onlyExpiry = await check([["李记豆腐坊", null, "否"]], {
        header: ["供货商", "营业执照有效期至", "检验合格证存档"],
      });
      expect(found(onlyExpiry)).toEqual([["canteen/licence-missing", "warning", "B2"]]);

      const neither = await check(
        [
          ["李记豆腐坊", "2026-01-01"],
          ["王记", "2026-01-01"],
        ],
        { header: ["供货商", "食品经营许可证有效期至"] },
      );
      expect(found(neither)).toEqual([["canteen/licence-missing", "info", "A1"]]);
    });
  });

  describe("canteen/duplicate-supplier", () => {
    it("warns at the later row of a supplier listed again with different licence data", async () => {
      const report = await check([
        GOOD,
        ["海天调味品商行", "91320100MA1XXXX02", "2030-01-01", "JY2", "2025-01-01", "是"],
        ["绿源　蔬菜", "91320100 ma1xxxx01", "2027-12-31", "JY13201000002", "2026-06-30", "是"],
      ]);
      expect(found(report)).toEqual([["canteen/duplicate-supplier", "warning", "A4"]]);
      expect(report.findings[0]?.message).toBe(
        "供货商“绿源 蔬菜”已在“供货商资质”第 2 行登记，此行的资质信息与之不同（食品经营许可证号：JY13201000001 与 JY13201000002），请核对以哪一行为准",
      );
      expect(report.findings[0]?.data).toMatchObject({ firstRow: 2, firstSheet: "供货商资质" });
    });

    it("reads a renewal as history: no expiry finding on the old row, and info instead of a warning", async () => {
      const report = await check(
        [
          ["绿源蔬菜", "X1", "2030-01-01", "JY1", "2024-06-30", "是"],
          ["绿源蔬菜", "X1", "2030-01-01", "JY2", "2029-06-30", "是"], // renewed, with a new number
          ["海天调味品商行", "X2", "2030-01-01", "JY3", "2029-06-30", "是"],
          ["海天调味品商行", "X2", "2030-01-01", "JY3", "2024-06-30", "是"], // the old licence listed after
        ],
        { asOf: "2024-12-31" },
      );
      expect(found(report)).toEqual([
        ["canteen/duplicate-supplier", "info", "A3"],
        ["canteen/duplicate-supplier", "info", "A5"],
      ]);
      expect(report.findings[0]?.message).toBe(
        "供货商“绿源蔬菜”已在“供货商资质”第 2 行登记，此行是换证记录（食品经营许可证有效期 2024-06-30 → 2029-06-30），以有效期较晚的证为准",
      );
      expect(report.findings[0]?.data).toMatchObject({ renewal: true, firstRow: 2 });
    });

    it("still reports the old row when the renewal has expired too, or is no later", async () => {
      const report = await check(
        [
          ["绿源蔬菜", "X1", "2030-01-01", "JY1", "2024-06-30", "是"],
          ["绿源蔬菜", "X1", "2030-01-01", "JY1", "2024-10-31", "是"],
        ],
        { asOf: "2024-12-31" },
      );
      expect(found(report)).toEqual([
        ["canteen/licence-expired", "error", "E2"],
        ["canteen/licence-expired", "error", "E3"],
        ["canteen/duplicate-supplier", "info", "A3"],
      ]);
    });

    it("keeps the warning when a renewal also changes other data or blanks a date", async () => {
      const report = await check([
        ["绿源蔬菜", "X1", "2030-01-01", "JY1", "2024-06-30", "是"],
        ["绿源蔬菜", "X9", "2030-01-01", "JY1", "2029-06-30", "是"],
        ["海天调味品商行", "X2", "2030-01-01", "JY3", "2029-06-30", "是"],
        ["海天调味品商行", "X2", "2030-01-01", "JY3", null, "是"],
      ]);
      expect(found(report)).toEqual([
        ["canteen/duplicate-supplier", "warning", "A3"],
        ["canteen/duplicate-supplier", "warning", "A5"],
      ]);
    });

    it("shows a blank on one side", async () => {
      const report = await check([
        GOOD,
        ["绿源蔬菜", "91320100MA1XXXX01", "2027-12-31", null, "2026-06-30", "是"],
      ]);
      expect(found(report)).toEqual([["canteen/duplicate-supplier", "warning", "A3"]]);
      expect(report.findings[0]?.message).toContain("食品经营许可证号：JY13201000001 与 （空）");
    });
  });

  it("reads messy dates: serials, Chinese text, and leaves a #REF! cell to the row parser", async () => {
    const report = await check([
      ["绿源蔬菜", "91320100MA1XXXX01", 45139, "JY1", "2023年9月11日", "√"], // 45139 = 2023-08-01
      [null, null, null, null, null, null],
      ["海天调味品商行", null, { error: "#REF!" }, "JY2", "2026-01-01", "是"],
      ["城南粮油店", "９１３２０１００", "２０２７-１２-３１", "JY3", "2026-01-01", "是"],
    ]);
    expect(found(report)).toEqual([
      ["canteen/licence-expired", "error", "C2"],
      ["workbook/error-value", "error", "C4"],
      ["canteen/licence-expiring", "warning", "E2"],
    ]);
  });

  it("reads 长期 as a licence that never expires, and not as a missing licence", async () => {
    const report = await check([["绿源蔬菜", null, "长期", "JY1", "2026-01-01", "是"]]);
    expect(found(report)).toEqual([]);
  });

  it("treats 长期 as never expiring once the kind reads expiries with expiryCell()", async () => {
    const longTermSuppliers = {
      ...suppliers,
      fields: {
        ...suppliers.fields,
        licenceExpiry: { ...suppliers.fields.licenceExpiry, schema: expiryCell() },
        foodLicenceExpiry: { ...suppliers.fields.foodLicenceExpiry, schema: expiryCell() },
      },
    };
    const module: HouqinModule = {
      ...canteen,
      kinds: [purchases, longTermSuppliers],
      checks: [supplierCheck, purchaseCheck],
    };
    const sheets = [
      {
        name: "供货商资质",
        rows: [
          HEADER,
          ["绿源蔬菜", null, "长期", "JY1", "2015年3月1日至2026年2月28日", "是"],
          ["海天调味品商行", null, "2015-03-01至长期", "JY2", "2023-09-10", "是"],
        ],
      },
      {
        name: "采购验收",
        rows: [
          ["采购日期", "供货商", "品名", "数量", "单价", "金额", "验收人", "验收结果", "索证索票"],
          ["2023-09-01", "绿源蔬菜", "青菜", 20, 2.5, 50, "张三、李四", "合格", "是"],
          ["2023-09-11", "海天调味品商行", "酱油", 2, 10, 20, "张三、李四", "合格", "是"],
        ],
      },
    ];
    const report = await runChecks(new MemoryWorkbook({ sheets }), {
      modules: [module],
      today: "2023-09-01",
    });
    expect(report.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ["canteen/supplier-unlicensed", "采购验收", "B3"],
      ["canteen/licence-expiring", "供货商资质", "E3"],
    ]);
    expect(report.findings[0]?.message).toContain("食品经营许可证（有效期至 2023-09-10）已过期");
  });
});

describe("expiryCell", () => {
  const read = (value: CellValue, text = String(value)) =>
    expiryCell().safeParse({ value, text, dateSystem: "1900" } satisfies CellInput);

  it("reads long-term licences as never expiring", () => {
    for (const text of [
      "长期",
      "长期有效",
      "永久",
      "无固定期限",
      "Long-term",
      "2015年3月1日至长期",
      "2015-03-01 至 永久",
    ])
      expect(read(text).data, text).toBe(LONG_TERM_EXPIRY);
    expect(isLongTerm(LONG_TERM_EXPIRY)).toBe(true);
  });

  it("reads dates as the date schema does, and a period by its end", () => {
    expect(read(46022, "2025/12/31").data).toBe("2025-12-31");
    expect(read("２０２５年１２月３１日").data).toBe("2025-12-31");
    expect(read("2015-03-01至2035-02-28").data).toBe("2035-02-28");
    expect(read("2015.03.01~2035.02.28").data).toBe("2035-02-28");
    expect(read("2015-03-01 - 2035-02-28").data).toBe("2035-02-28");
  });

  it("reads ranges joined by a bare hyphen and ends with words around them", () => {
    for (const [text, end] of [
      ["2020.01.01-2030.12.31", "2030-12-31"],
      ["2020/1/1-2026/12/31", "2026-12-31"],
      ["2020-01-01-2030-12-31", "2030-12-31"],
      ["2020年1月1日-2030年12月31日", "2030-12-31"],
      ["2030年12月31日止", "2030-12-31"],
      ["至2026年12月31日", "2026-12-31"],
      ["有效期至2026-12-31", "2026-12-31"],
      ["截止2026.12.31", "2026-12-31"],
      ["自2015年3月1日至2035年2月28日", "2035-02-28"],
      ["2021-05-06 至 2026-05-05", "2026-05-05"],
      ["2015.03.01-长期", LONG_TERM_EXPIRY],
      ["2026-12-31", "2026-12-31"],
      ["2026.12.31", "2026-12-31"],
    ])
      expect(read(text as string).data, text).toBe(end);
  });

  it("keeps the date schema's bilingual issue for anything else", () => {
    const out = read("明年");
    expect(out.success).toBe(false);
    const params = (out.error?.issues[0] as { params?: { houqin?: boolean; code?: string } } | undefined)
      ?.params;
    expect(params).toMatchObject({ houqin: true, code: "not-a-date" });
  });
});

describe("supplierKey", () => {
  it("ignores width, spaces and case, and keeps suffixes", () => {
    expect(supplierKey("绿源　蔬菜（城南店）")).toBe("绿源蔬菜(城南店)");
    expect(supplierKey("ＡＢＣ Foods")).toBe(supplierKey("abcfoods"));
    expect(supplierKey("绿源蔬菜配送有限公司")).not.toBe(supplierKey("绿源蔬菜"));
  });
});
