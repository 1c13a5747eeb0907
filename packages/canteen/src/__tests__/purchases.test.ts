import type { Cell, CellValue } from "@houqin/core";
import { type CellInput, type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import {
  acceptanceFailed,
  inspectorNames,
  isSeasoning,
  purchaseAmount,
  purchaseCheck,
} from "../checkPurchases.js";
import { purchases, suppliers } from "../kinds.js";
import { formatPrice, multiplyPrice, priceCell } from "../priceCell.js";

const canteen: HouqinModule = {
  id: "canteen",
  title: { "zh-CN": "食堂", en: "Canteen" },
  kinds: [purchases, suppliers],
  checks: [purchaseCheck],
};

// A date B supplier C item D category E quantity F unit G unit price H amount I inspectors
// J acceptance K certificate checked L disposal
const HEADER: CellValue[] = [
  "采购日期",
  "供货商",
  "品名",
  "类别",
  "数量",
  "单位",
  "单价",
  "金额",
  "验收人",
  "验收结果",
  "索证索票",
  "不合格处理",
];

const REGISTER: CellValue[][] = [
  ["供货商", "营业执照号", "营业执照有效期至", "食品经营许可证有效期至", "检验合格证存档"],
  ["绿源蔬菜", "91320100MA1XXXX01", "2025-12-31", "2024-06-30", "是"],
  ["海天调味品商行", "91320100MA1XXXX02", "2026-01-01", "2025-01-01", "是"],
  ["城南粮油店", "91320100MA1XXXX03", "2026-01-01", "2025-01-01", "否"],
];

/** A purchase line with sensible defaults; `over` replaces columns by letter. */
function line(over: Partial<Record<string, CellValue | Cell>> = {}): (CellValue | Cell)[] {
  const base: Record<string, CellValue | Cell> = {
    A: "2023-09-01",
    B: "绿源蔬菜",
    C: "青菜",
    D: "蔬菜",
    E: 20,
    F: "斤",
    G: 2.5,
    H: 50,
    I: "张三、李四",
    J: "合格",
    K: "是",
    L: null,
    ...over,
  };
  return "ABCDEFGHIJKL".split("").map((c) => base[c] ?? null);
}

/** The purchases kind with unit prices read exactly, as kinds.ts is to read them. */
const pricedPurchases = {
  ...purchases,
  fields: { ...purchases.fields, unitPrice: { ...purchases.fields.unitPrice, schema: priceCell() } },
};

const pricedCanteen: HouqinModule = { ...canteen, kinds: [pricedPurchases, suppliers] };

async function check(
  rows: (CellValue | Cell)[][],
  options: {
    register?: CellValue[][] | null;
    header?: CellValue[];
    lang?: "zh-CN" | "en";
    module?: HouqinModule;
  } = {},
) {
  const register = options.register === undefined ? REGISTER : options.register;
  const sheets = [
    { name: "采购验收", rows: [options.header ?? HEADER, ...rows] },
    ...(register ? [{ name: "供货商", rows: register }] : []),
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [options.module ?? canteen],
    today: "2024-12-31",
    asOf: "2024-12-31",
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

type Report = Awaited<ReturnType<typeof check>>;
const found = (r: Report) => r.findings.map((f) => [f.rule, f.cell]);
const only = (r: Report, rule: string) => r.findings.filter((f) => f.rule === rule);

describe("checkPurchases", () => {
  it("finds nothing wrong with a clean purchase log", async () => {
    const report = await check([
      line(),
      line({ A: "2023-09-02", B: "海天调味品商行", C: "酱油", D: "调味品", E: 6, F: "瓶", G: 12.8, H: 76.8 }),
      // 2.5 kg at ¥3.99 is 997.5 fen: rounded half up to ¥9.98.
      line({ A: "2023-09-04", C: "土豆", E: 2.5, F: "公斤", G: 3.99, H: 9.98 }),
      line({ A: "2023-09-05", C: "西红柿", J: "部分腐烂", L: "已退回供货商" }),
      line({ A: "2023-09-06", C: "黄瓜", J: "变质，拒收" }),
      line({ A: "2023-09-07", C: "芹菜", J: "新鲜，无异味", I: "张三和李四" }),
      // A return: a credit line with a negative amount.
      line({ A: "2023-09-08", C: "青菜(退货)", E: 4, H: -10, J: "正常" }),
      // A return written with a negative quantity and a negative amount.
      line({ A: "2023-09-08", C: "土豆(退货)", E: -10, G: 2.5, H: -25, J: "正常" }),
      // A quantity from a formula (=0.7*3) that a float stores as 2.0999999999999996.
      line({ A: "2023-09-08", C: "香菜", E: 0.7 * 3, G: 0.05, H: 0.11 }),
      line({ A: "2023-09-08", B: "城南粮油店", C: "食用油", D: null, E: 2, F: "桶", G: 65, H: 130 }),
    ]);
    expect(report.findings).toEqual([]);
  });

  describe("canteen/supplier-unlicensed", () => {
    it("reports a supplier missing from the register at the supplier cell, once per line", async () => {
      const report = await check([
        line({ B: "绿源蔬菜配送有限公司" }),
        line({ B: "绿源　蔬菜" }), // full-width space: the same supplier
        line({ A: "2023-09-02", B: "张记肉铺", C: "猪肉", D: "肉类", G: 15, H: 300 }),
        line({ A: "2023-09-03", B: "张记肉铺", C: "排骨", D: "肉类", G: 25, H: 500 }),
      ]);
      expect(found(report)).toEqual([
        ["canteen/supplier-unlicensed", "B2"],
        ["canteen/supplier-unlicensed", "B4"],
        ["canteen/supplier-unlicensed", "B5"],
      ]);
      expect(report.findings[0]?.severity).toBe("error");
      expect(report.findings[0]?.clause).toBe("三(三)3");
      expect(report.findings[0]?.message).toBe(
        "2023-09-01 从“绿源蔬菜配送有限公司”采购“青菜”，但供货商资质档案中没有这家供货商，无法确认其证照有效",
      );
      expect(report.findings[0]?.data).toMatchObject({ reason: "not-registered" });
    });

    it("reports a licence that expired before the purchase date, but not on its last day", async () => {
      const report = await check([line({ A: "2024-06-30" }), line({ A: "2024-07-01" })]);
      expect(found(report)).toEqual([["canteen/supplier-unlicensed", "B3"]]);
      expect(report.findings[0]?.message).toBe(
        "2024-07-01 从“绿源蔬菜”采购“青菜”时，其食品经营许可证（有效期至 2024-06-30）已过期（见“供货商”第 2 行）",
      );
      expect(report.findings[0]?.data).toMatchObject({
        reason: "expired",
        expired: [{ licence: "foodLicenceExpiry", expires: "2024-06-30" }],
        registerSheet: "供货商",
        registerRow: 2,
      });
    });

    it("names both licences when both expired", async () => {
      const report = await check([
        line({ A: "2026-01-02", B: "海天调味品商行", C: "醋", D: "调味品", G: 2.5 }),
      ]);
      expect(only(report, "canteen/supplier-unlicensed")[0]?.message).toContain(
        "其营业执照（有效期至 2026-01-01）、食品经营许可证（有效期至 2025-01-01）已过期",
      );
    });

    it("reports a registered supplier with no licence number or expiry", async () => {
      const register = [...REGISTER, ["李记豆腐坊", null, null, null, "是"]];
      const report = await check([line({ B: "李记豆腐坊", C: "豆腐", D: "豆制品" })], { register });
      expect(found(report)).toEqual([["canteen/supplier-unlicensed", "B2"]]);
      expect(report.findings[0]?.message).toBe(
        "2023-09-01 从“李记豆腐坊”采购“豆腐”，但供货商资质档案（“供货商”第 5 行）没有登记其营业执照或食品经营许可证",
      );
    });

    it("accepts a supplier listed twice when one of its rows has a valid licence", async () => {
      const register = [...REGISTER, ["绿源蔬菜", "91320100MA1XXXX01", "2025-12-31", "2026-06-30", "是"]];
      const report = await check([line({ A: "2024-07-01" })], { register });
      expect(report.findings).toEqual([]);
    });

    it("says once, at the purchase log's header, that there is no supplier register", async () => {
      const report = await check([line(), line({ B: "张记肉铺" }), line({ B: "王记" })], { register: null });
      expect(report.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
        ["canteen/no-supplier-register", "info", "B1"],
      ]);
    });
  });

  describe("canteen/seasoning-without-certificate", () => {
    it("reports a seasoning bought without 索证索票 at that cell, as an error and not also a warning", async () => {
      const report = await check([
        line({ B: "海天调味品商行", C: "酱油", D: "调味品", G: 2.5, K: "否" }),
        line({ B: "海天调味品商行", C: "味精", D: null, G: 2.5, K: null }),
      ]);
      expect(report.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
        ["canteen/seasoning-without-certificate", "error", "K2"],
        ["canteen/seasoning-without-certificate", "error", "K3"],
      ]);
      expect(report.findings[0]?.message).toBe(
        "2023-09-01 采购的调味品“酱油”（海天调味品商行）：本次采购未索证索票（未查验营业执照和产品检验合格证）；三(三)3 要求调味品供货商提供营业执照和产品检验合格证并复印存档",
      );
      expect(report.findings[1]?.message).toContain("“索证索票”栏空白");
    });

    it("reports a seasoning from a supplier whose inspection certificate is not on file, at the item cell", async () => {
      const report = await check([line({ B: "城南粮油店", C: "食盐", D: null, G: 2.5 })]);
      expect(found(report)).toEqual([["canteen/seasoning-without-certificate", "C2"]]);
      expect(report.findings[0]?.message).toContain(
        "供货商资质档案（“供货商”第 4 行）中没有产品检验合格证复印存档",
      );
      expect(report.findings[0]?.data).toMatchObject({ certificatesOnFile: false, registerRow: 4 });
    });

    it("names both gaps when the line was not checked and nothing is on file", async () => {
      const report = await check([line({ B: "城南粮油店", C: "花椒", D: "调料", G: 2.5, K: "×" })]);
      expect(found(report)).toEqual([["canteen/seasoning-without-certificate", "K2"]]);
      expect(report.findings[0]?.message).toContain("本次采购未索证索票");
      expect(report.findings[0]?.message).toContain("没有产品检验合格证复印存档");
    });

    it("treats an unreadable register cell as unknown: neither on file nor a finding of its own", async () => {
      const register: CellValue[][] = [
        ...REGISTER.slice(0, 3),
        ["城南粮油店", "91320100MA1XXXX03", "2026-01-01", "2025-01-01", { error: "#REF!" }],
      ];
      const report = await check(
        [
          line({ B: "城南粮油店", C: "食用盐", D: null, G: 2.5 }),
          line({ B: "城南粮油店", C: "海盐", D: null, K: "否" }),
        ],
        { register },
      );
      expect(report.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
        ["canteen/seasoning-without-certificate", "采购验收", "K3"],
        ["workbook/error-value", "供货商", "E4"],
      ]);
      expect(report.findings[0]?.message).not.toContain("复印存档；");
      expect(report.findings[0]?.data).toMatchObject({ certificateChecked: false, certificatesOnFile: null });
    });

    it("knows salt by its usual names", async () => {
      const report = await check([
        line({ B: "城南粮油店", C: "食用盐", D: null }),
        line({ B: "城南粮油店", C: "加碘盐", D: null }),
      ]);
      expect(found(report)).toEqual([
        ["canteen/seasoning-without-certificate", "C2"],
        ["canteen/seasoning-without-certificate", "C3"],
      ]);
    });

    it("does not treat edible oil from the same supplier as a seasoning", async () => {
      const report = await check([line({ B: "城南粮油店", C: "食用油", D: null, G: 2.5 })]);
      expect(report.findings).toEqual([]);
    });
  });

  describe("canteen/certificate-not-checked", () => {
    it("warns at the 索证索票 cell of any other purchase that says no or is blank", async () => {
      const report = await check([line({ K: "否" }), line({ K: null }), line({ K: "√" })]);
      expect(report.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
        ["canteen/certificate-not-checked", "warning", "K2"],
        ["canteen/certificate-not-checked", "warning", "K3"],
      ]);
      expect(report.findings[0]?.message).toBe(
        "2023-09-01 采购“青菜”（绿源蔬菜）未索证索票；《食品安全法》第五十条、第五十三条要求每次采购查验供货者的许可证和产品合格证明",
      );
    });

    it("says once that the log has no 索证索票 column", async () => {
      const header = HEADER.slice(0, 10);
      const report = await check([line().slice(0, 10), line().slice(0, 10)], { header });
      expect(report.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
        ["canteen/certificate-not-checked", "info", "B1"],
      ]);
    });
  });

  describe("canteen/reject-not-handled", () => {
    it("reports failed goods with a blank disposal cell at that cell", async () => {
      const report = await check([
        line({ J: "部分腐烂" }),
        line({ J: "不合格", L: "无" }),
        line({ J: "有异味", L: "待处理" }),
        line({ J: "不合格", L: "已销毁" }),
        line({ J: "未发现霉变、无异味" }),
      ]);
      expect(found(report)).toEqual([
        ["canteen/reject-not-handled", "L2"],
        ["canteen/reject-not-handled", "L3"],
        ["canteen/reject-not-handled", "L4"],
      ]);
      expect(report.findings[0]?.message).toBe(
        "2023-09-01 验收“青菜”（绿源蔬菜）的结果是“部分腐烂”，但没有记录如何处理（退货、销毁或更换），请在“不合格处理”栏登记",
      );
    });

    it("does not read a negated list of defects as a failure", async () => {
      const report = await check([
        line({ J: "无腐烂变质" }),
        line({ J: "无质量问题" }),
        line({ J: "未发现不合格" }),
        line({ J: "无霉变、虫蛀" }),
      ]);
      expect(report.findings).toEqual([]);
    });

    it("reports at the acceptance cell when there is no disposal column", async () => {
      const header = HEADER.slice(0, 11);
      const report = await check(
        [line({ J: "变质" }).slice(0, 11), line({ J: "变质，已退货" }).slice(0, 11)],
        {
          header,
        },
      );
      expect(found(report)).toEqual([["canteen/reject-not-handled", "J2"]]);
    });
  });

  describe("canteen/single-inspector", () => {
    it("reports fewer than two inspectors at the inspectors cell", async () => {
      const report = await check([
        line({ I: "张三" }),
        line({ I: null }),
        line({ I: "王和平" }),
        line({ I: "张三和李四" }),
        line({ I: "张三 李四" }),
        line({ I: "张三/李四/王五" }),
      ]);
      expect(found(report)).toEqual([
        ["canteen/single-inspector", "I2"],
        ["canteen/single-inspector", "I3"],
        ["canteen/single-inspector", "I4"],
      ]);
      expect(report.findings[0]?.message).toBe(
        "2023-09-01 验收“青菜”只有 张三 一人签字，验收应由采购检验小组两人以上共同完成",
      );
      expect(report.findings[1]?.message).toBe(
        "2023-09-01 验收“青菜”无人签字，验收应由采购检验小组两人以上共同完成",
      );
    });

    it("says once that the log has no inspectors column", async () => {
      const header = HEADER.filter((_, i) => i !== 8);
      const rows = [line(), line({ A: "2023-09-02" })].map((r) => r.filter((_, i) => i !== 8));
      const report = await check(rows, { header });
      expect(report.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
        ["canteen/single-inspector", "info", "C1"],
      ]);
    });
  });

  describe("canteen/amount-mismatch", () => {
    it("shows the working at the amount cell", async () => {
      const report = await check([line({ E: 20.5, G: 2.5, H: 52 })]);
      expect(found(report)).toEqual([["canteen/amount-mismatch", "H2"]]);
      expect(report.findings[0]?.message).toBe(
        "2023-09-01“青菜”：金额 ¥52.00 ≠ 数量 20.5 斤 × 单价 ¥2.50 = ¥51.25",
      );
      expect(report.findings[0]?.data).toMatchObject({ amount: 5200, expected: 5125, quantity: 20.5 });
    });

    it("rounds half up to the fen, and is exact to the fen", async () => {
      const report = await check([
        line({ E: 2.5, G: 3.99, H: 9.98 }),
        line({ E: 2.5, G: 3.99, H: 9.97 }),
        line({ E: 4, H: -11 }), // a return of 4 斤 at ¥2.50 is -¥10.00
      ]);
      expect(found(report)).toEqual([
        ["canteen/amount-mismatch", "H3"],
        ["canteen/amount-mismatch", "H4"],
      ]);
      expect(report.findings[1]?.message).toBe(
        "2023-09-01“青菜”：金额 -¥11.00 ≠ 数量 4 斤 × 单价 ¥2.50 = -¥10.00",
      );
    });

    it("multiplies a sub-fen unit price exactly and rounds once (unit prices read by priceCell)", async () => {
      const rows = [
        line({ E: 100, G: 2.375, H: 237.5 }),
        line({ E: 200, G: "¥1.285", H: "257.00" }),
        line({ E: "１００", G: "２.３７５元", H: 237.5 }),
        line({ E: 3, G: "0.335元/斤", H: 1.01 }), // 100.5 fen → ¥1.01
        line({ E: 100, G: 2.375, H: 238 }),
      ];
      const report = await check(rows, { module: pricedCanteen });
      expect(found(report)).toEqual([["canteen/amount-mismatch", "H6"]]);
      expect(report.findings[0]?.message).toBe(
        "2023-09-01“青菜”：金额 ¥238.00 ≠ 数量 100 斤 × 单价 ¥2.375 = ¥237.50",
      );
      expect(report.findings[0]?.data).toMatchObject({ amount: 23800, expected: 23750, unitPrice: "2.375" });
    });

    it("reports an unreadable or negative unit price once, at its cell, and does not compare", async () => {
      const report = await check(
        [line({ G: "两块五" }), line({ G: -2.5 }), line({ G: { error: "#REF!" } })],
        {
          module: pricedCanteen,
        },
      );
      expect(report.findings.map((f) => [f.rule, f.cell, (f.data as { code?: string }).code])).toEqual([
        ["workbook/error-value", "G4", undefined],
        ["workbook/unreadable-cell", "G2", "not-money"],
        ["workbook/unreadable-cell", "G3", "out-of-range"],
      ]);
      expect(report.findings[2]?.message).toContain("单价不能为负数");
    });

    it("speaks English when asked", async () => {
      const report = await check([line({ E: 20.5, G: 2.5, H: 52 })], { lang: "en" });
      expect(report.findings[0]?.message).toBe(
        "2023-09-01 青菜: amount ¥52.00 ≠ quantity 20.5 斤 × unit price ¥2.50 = ¥51.25",
      );
    });
  });

  it("reads messy input: serial and text dates, full-width digits, text money, blank rows, #REF!", async () => {
    const report = await check([
      line({
        A: { value: 45170, text: "2023/9/1", format: "yyyy/m/d" },
        E: "２０斤",
        F: null,
        G: "￥2.50",
        H: "50元",
      }),
      line(Object.fromEntries("ABCDEFGHIJKL".split("").map((c) => [c, null]))),
      line({ A: "2023年9月2日", E: "２０", G: 2.5, H: { error: "#REF!" } }),
      line({ A: "2023.9.3", E: "20", G: "2.5", H: "５１" }),
      line({ A: "2023-09-04", E: { error: "#N/A" }, H: 7 }),
    ]);
    expect(found(report)).toEqual([
      ["workbook/error-value", "H4"],
      ["canteen/amount-mismatch", "H5"],
      ["workbook/error-value", "E6"],
    ]);
    expect(only(report, "canteen/amount-mismatch")[0]?.message).toBe(
      "2023-09-03“青菜”：金额 ¥51.00 ≠ 数量 20 斤 × 单价 ¥2.50 = ¥50.00",
    );
  });

  it("reads licence dates in the register written as serials and as text", async () => {
    const register: CellValue[][] = [
      REGISTER[0] as CellValue[],
      ["绿源蔬菜", "91320100MA1XXXX01", 46022, "2024年6月30日", "是"], // 46022 = 2025-12-31
    ];
    const report = await check([line({ A: "2024-06-30" }), line({ A: "2024-07-01" })], { register });
    expect(found(report)).toEqual([["canteen/supplier-unlicensed", "B3"]]);
  });
});

describe("purchaseAmount", () => {
  it("is the amount when recorded", () => {
    expect(purchaseAmount({ quantity: 20, unitPrice: 250, amount: 5200 })).toBe(5200);
  });
  it("is quantity × unit price, rounded half up to the fen, without an amount", () => {
    expect(purchaseAmount({ quantity: 20.5, unitPrice: 250 })).toBe(5125);
    expect(purchaseAmount({ quantity: 2.5, unitPrice: 399 })).toBe(998);
    expect(purchaseAmount({ quantity: 0.1, unitPrice: 5 })).toBe(1); // 0.5 fen → 1
  });
  it("multiplies an exact unit price with sub-fen decimals, rounding once", () => {
    expect(purchaseAmount({ quantity: 1000, unitPrice: { numerator: 855, scale: 1 } })).toBe(85500);
    expect(purchaseAmount({ quantity: 100, unitPrice: { numerator: 2375, scale: 1 } })).toBe(23750);
    expect(purchaseAmount({ quantity: 3, unitPrice: { numerator: 335, scale: 1 } })).toBe(101); // 100.5 fen
    expect(purchaseAmount({ quantity: 1e-7, unitPrice: { numerator: 5, scale: 8 } })).toBe(0);
    expect(purchaseAmount({ quantity: 1e300, unitPrice: { numerator: 855, scale: 1 } })).toBeUndefined();
  });
  it("is undefined when it cannot be known", () => {
    expect(purchaseAmount({ quantity: 3 })).toBeUndefined();
    expect(purchaseAmount({ unitPrice: 250 })).toBeUndefined();
    expect(purchaseAmount({ quantity: 1e300, unitPrice: 250 })).toBeUndefined();
  });
});

describe("priceCell", () => {
  const read = (value: CellValue, text = String(value)) =>
    priceCell().safeParse({ value, text, dateSystem: "1900" } satisfies CellInput);

  it("reads a unit price exactly, to any decimals of the fen", () => {
    expect(read(2.375).data).toEqual({ numerator: 2375, scale: 1 });
    expect(read(2.5).data).toEqual({ numerator: 250, scale: 0 });
    expect(read("¥2.375").data).toEqual({ numerator: 2375, scale: 1 });
    expect(read("2.375元").data).toEqual({ numerator: 2375, scale: 1 });
    expect(read("２.３７５").data).toEqual({ numerator: 2375, scale: 1 });
    expect(read("￥1,234.5").data).toEqual({ numerator: 123450, scale: 0 });
    expect(read("8角").data).toEqual({ numerator: 80, scale: 0 });
    expect(read("2.5元/斤").data).toEqual({ numerator: 250, scale: 0 });
    expect(read("3.85元每公斤").data).toEqual({ numerator: 385, scale: 0 });
    expect(read(2.3750000000000004).data).toEqual({ numerator: 2375, scale: 1 }); // float noise
    expect(read("0").data).toEqual({ numerator: 0, scale: 0 });
  });

  it("refuses negative and unreadable prices with houqin's bilingual issue", () => {
    const code = (value: CellValue) =>
      (read(value).error?.issues[0] as { params?: { code?: string } } | undefined)?.params?.code;
    expect(code(-1)).toBe("out-of-range");
    expect(code("(1.00)")).toBe("out-of-range");
    expect(code("两块五")).toBe("not-money");
    expect(code("#REF!")).toBe("error-value");
  });

  it("multiplies and formats exactly", () => {
    expect(multiplyPrice({ numerator: 855, scale: 1 }, 1000)).toBe(85500);
    expect(multiplyPrice(399, 2.5)).toBe(998);
    expect(multiplyPrice({ numerator: 2375, scale: 1 }, -4)).toBe(-950);
    expect(formatPrice({ numerator: 2375, scale: 1 })).toBe("¥2.375");
    expect(formatPrice({ numerator: 5, scale: 2 })).toBe("¥0.0005");
    expect(formatPrice({ numerator: 12345675, scale: 1 })).toBe("¥12,345.675");
    expect(formatPrice(250)).toBe("¥2.50");
  });
});

describe("isSeasoning", () => {
  it("follows a non-blank category", () => {
    expect(isSeasoning("老干妈", "调味品")).toBe(true);
    expect(isSeasoning("八角", "干货")).toBe(false);
    expect(isSeasoning("花椒", "干调")).toBe(true);
  });
  it("lets the name decide under a mixed category such as 粮油调料", () => {
    expect(isSeasoning("大豆油", "粮油调料")).toBe(false);
    expect(isSeasoning("味精", "粮油调料")).toBe(true);
  });
  it("recognises obvious seasonings by name, sugar and salt only as whole names", () => {
    for (const item of [
      "海天酱油",
      "镇江香醋",
      "加碘食盐",
      "盐",
      "白糖 1kg",
      "白砂糖(500g)",
      "鸡精",
      "豆瓣酱",
      "食用盐",
      "海盐",
      "井盐",
      "加碘盐 400g",
      "低钠盐(袋)",
    ])
      expect(isSeasoning(item), item).toBe(true);
    for (const item of ["红糖馒头", "盐焗鸡翅", "食用油", "大米", "青菜", "盐水鸭肉", "大豆油"])
      expect(isSeasoning(item), item).toBe(false);
  });
});

describe("acceptanceFailed", () => {
  it("reads failure words, and their negations as a pass", () => {
    expect(acceptanceFailed("不合格")).toBe(true);
    expect(acceptanceFailed("部分变质")).toBe(true);
    expect(acceptanceFailed("超过保质期")).toBe(true);
    expect(acceptanceFailed("合格")).toBe(false);
    expect(acceptanceFailed("新鲜，无异味，未变质")).toBe(false);
    expect(acceptanceFailed("有异味")).toBe(true);
    expect(acceptanceFailed("无异味，部分腐烂")).toBe(true);
    expect(acceptanceFailed("质量不合格")).toBe(true);
    expect(acceptanceFailed(undefined)).toBe(false);
  });
  it("reads a negated list of defects as a pass", () => {
    for (const text of [
      "无腐烂变质",
      "无质量问题",
      "未发现不合格",
      "无不合格品",
      "无霉变、虫蛀",
      "无过期变质",
      "感官正常，无异味无变质",
      "未过期，包装无破损",
      "不过期",
      "检验合格，没有问题",
      "无霉变和虫蛀现象",
      "未见明显异味及异物",
    ])
      expect(acceptanceFailed(text), text).toBe(false);
  });
});

describe("inspectorNames", () => {
  it("splits on the usual separators and ignores placeholders", () => {
    expect(inspectorNames("张三、李四，王五")).toEqual(["张三", "李四", "王五"]);
    expect(inspectorNames("张三；李四")).toEqual(["张三", "李四"]);
    expect(inspectorNames("张三与李四")).toEqual(["张三", "李四"]);
    expect(inspectorNames("王和平")).toEqual(["王和平"]);
    expect(inspectorNames("无")).toEqual([]);
  });
});
