import type { Cell, CellValue } from "@houqin/core";
import { cells, type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { costCheck } from "../checkCosts.js";
import { stock } from "../costKinds.js";
import { meals, purchases } from "../kinds.js";

const canteen: HouqinModule = {
  id: "canteen",
  title: { "zh-CN": "食堂", en: "Canteen" },
  kinds: [purchases, meals, stock],
  checks: [costCheck],
};

type Row = (CellValue | Cell)[];

const PURCHASE_HEADER: Row = ["采购日期", "供货商", "品名", "类别", "数量", "单位", "单价", "金额", "验收人"];
const MEALS_HEADER: Row = ["日期", "餐次", "学生人数", "教职工人数", "餐标"];
const STOCK_HEADER: Row = ["月份", "月初库存", "月末库存", "盘点人"];

async function check(
  sheets: { purchases?: Row[]; meals?: Row[]; stock?: Row[]; settings?: Row[] },
  options: { asOf?: string; lang?: "zh-CN" | "en" } = {},
) {
  const list = [
    ...(sheets.settings ? [{ name: "设置", rows: sheets.settings }] : []),
    ...(sheets.purchases ? [{ name: "采购验收", rows: sheets.purchases }] : []),
    ...(sheets.meals ? [{ name: "就餐统计", rows: sheets.meals }] : []),
    ...(sheets.stock ? [{ name: "库存盘点", rows: sheets.stock }] : []),
  ];
  return runChecks(new MemoryWorkbook({ sheets: list }), {
    modules: [canteen],
    today: "2030-01-01",
    asOf: options.asOf ?? "2023-12-20",
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

type Result = Awaited<ReturnType<typeof check>>;
const found = (r: Result) => r.findings.map((f) => [f.rule, f.cell]);
const settlement = (r: Result) => r.reports.find((x) => x.id === "canteen.settlement");
const byCategory = (r: Result) => r.reports.find((x) => x.id === "canteen.purchases-by-category");

/** Seeded generator (mulberry32), so the month is the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) as number;
  };
}

/** Yuan text the way a clerk types it, written independently of formatMoney: 123456 -> "¥1,234.56". */
function yuanText(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ",");
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, "0")}`;
}

/** Half-up division of non-negative integers (money per head), independent of the code under test. */
const divHalfUp = (a: number, b: number) => Number((2n * BigInt(a) + BigInt(b)) / (2n * BigInt(b)));

const FOODS: { item: string; category: string; unit: string; price: number; max: number }[] = [
  { item: "大米", category: "粮油", unit: "kg", price: 320, max: 2000 },
  { item: "面粉", category: "粮油", unit: "kg", price: 285, max: 1000 },
  { item: "食用油", category: "粮油", unit: "L", price: 1390, max: 400 },
  { item: "猪肉", category: "肉类", unit: "kg", price: 2680, max: 1200 },
  { item: "鸡腿", category: "肉类", unit: "kg", price: 1750, max: 1000 },
  { item: "牛肉", category: "肉类", unit: "kg", price: 6800, max: 400 },
  { item: "鸡蛋", category: "蛋奶", unit: "kg", price: 1120, max: 800 },
  { item: "牛奶", category: "蛋奶", unit: "盒", price: 250, max: 8000 },
  { item: "白菜", category: "蔬菜", unit: "kg", price: 185, max: 1500 },
  { item: "土豆", category: "蔬菜", unit: "kg", price: 260, max: 1500 },
  { item: "西红柿", category: "蔬菜", unit: "kg", price: 399, max: 1000 },
  { item: "青椒", category: "蔬菜", unit: "kg", price: 455, max: 800 },
  { item: "豆腐", category: "豆制品", unit: "kg", price: 360, max: 800 },
  { item: "酱油", category: "调味品", unit: "瓶", price: 1250, max: 200 },
  { item: "苹果", category: "", unit: "kg", price: 680, max: 1200 },
];

const PRICES = { 早餐: 300, 午餐: 800, 晚餐: 600 } as const;

/** The first 20 weekdays of November 2023: the serving days. */
const SERVING_DAYS = Array.from({ length: 30 }, (_, i) => `2023-11-${String(i + 1).padStart(2, "0")}`)
  .filter((d) => {
    const day = new Date(`${d}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6;
  })
  .slice(0, 20);

interface Month {
  purchaseRows: Row[];
  mealRows: Row[];
  /** Expected values, computed here from the generated rows. */
  purchases: number;
  byCategory: Map<string, { amount: number; lines: number }>;
  lines: number;
  served: number;
  studentDays: number;
  revenue: number;
}

/**
 * A realistic month: 20 serving days, three meals a day for about 760 students and 40 staff, 15
 * purchase lines a day (quantities × unit prices; some amounts typed as numbers, some as "¥1,234.50"
 * text, the rest left to compute; one return a week), and a 合计 row under the purchases.
 */
function november(seed = 20231101): Month {
  const r = random(seed);
  const purchaseRows: Row[] = [PURCHASE_HEADER];
  const mealRows: Row[] = [MEALS_HEADER];
  let purchases = 0;
  let lines = 0;
  const byCategory = new Map<string, { amount: number; lines: number }>();
  const add = (category: string, amount: number) => {
    const key = category === "" ? "未分类" : category;
    const c = byCategory.get(key) ?? { amount: 0, lines: 0 };
    c.amount += amount;
    c.lines++;
    byCategory.set(key, c);
    purchases += amount;
    lines++;
  };
  let served = 0;
  let studentDays = 0;
  let revenue = 0;
  SERVING_DAYS.forEach((day, d) => {
    for (let i = 0; i < 15; i++) {
      const food = FOODS[i] as (typeof FOODS)[number];
      const tenths = 50 + r(food.max * 10); // 5.0 to max kg, one decimal
      const amount = Math.floor((tenths * food.price + 5) / 10); // half up to the fen
      const quantity = tenths / 10;
      const price = food.price / 100;
      const kind = (d * 15 + i) % 3;
      const typed: CellValue = kind === 0 ? amount / 100 : kind === 1 ? yuanText(amount) : null;
      purchaseRows.push([
        day,
        "城东农贸公司",
        food.item,
        food.category || null,
        quantity,
        food.unit,
        price,
        typed,
        "王明 李华",
      ]);
      add(food.category, amount);
    }
    if (d % 5 === 4) {
      // A return: a negative amount, no quantity.
      const amount = -(1000 + r(20000));
      purchaseRows.push([
        day,
        "城东农贸公司",
        "白菜（退货）",
        "蔬菜",
        null,
        "kg",
        null,
        yuanText(amount),
        "王明",
      ]);
      add("蔬菜", amount);
    }
    let most = 0;
    for (const [meal, price] of Object.entries(PRICES)) {
      const students = meal === "午餐" ? 760 : 700 + r(61);
      const staff = 36 + r(9);
      mealRows.push([day, meal, students, staff, `${price / 100}元`]);
      served += students + staff;
      revenue += (students + staff) * price;
      most = Math.max(most, students);
    }
    studentDays += most;
  });
  purchaseRows.push(["合计", null, null, null, null, null, null, purchases / 100, null]);
  return { purchaseRows, mealRows, purchases, byCategory, lines, served, studentDays, revenue };
}

describe("checkCosts: a realistic month", () => {
  const month = november();
  const opening = 1_234_560; // ¥12,345.60
  // A surplus rate of 6.5%: food cost = revenue − 6.5% of revenue.
  const surplus = Math.floor((month.revenue * 65) / 1000);
  const foodCost = month.revenue - surplus;
  const closing = opening + month.purchases - foodCost;
  const stockRows: Row[] = [
    STOCK_HEADER,
    ["2023年10月", "¥9,876.00", "¥12,345.60", "张会计"],
    ["2023年11月", "¥12,345.60", yuanText(closing), "张会计"],
  ];

  it("is a fixture that makes sense", () => {
    expect(SERVING_DAYS).toHaveLength(20);
    expect(month.lines).toBe(304);
    expect(closing).toBeGreaterThan(0);
    expect(month.served).toBeGreaterThan(20 * 3 * 700);
  });

  it("settles the month exactly, and finds the surplus over the default 5% limit", async () => {
    const report = await check({ purchases: month.purchaseRows, meals: month.mealRows, stock: stockRows });
    expect(found(report)).toEqual([["canteen/surplus-over-limit", "A3"]]);
    const finding = report.findings[0];
    expect(finding?.sheet).toBe("库存盘点");
    expect(finding?.clause).toBe("三(三)5");
    expect(finding?.message).toBe(
      `2023年11月食堂餐费收入 ${yuanText(month.revenue)}，伙食成本 ${yuanText(foodCost)}，盈余 ${yuanText(surplus)}，盈余率 6.5%，超过默认上限 5%（可在设置表“盈余率上限”中修改）。食堂应坚持非营利、按成本运行`,
    );
    expect(finding?.data).toMatchObject({
      month: "2023-11",
      revenue: month.revenue,
      surplus,
      foodCost,
      limit: 0.05,
    });

    const rows = settlement(report)?.rows ?? [];
    expect(rows).toHaveLength(2);
    const [nov, total] = rows;
    expect(nov).toEqual({
      month: "2023年11月",
      monthKey: "2023-11",
      opening: "¥12,345.60",
      openingFen: opening,
      purchases: yuanText(month.purchases),
      purchasesFen: month.purchases,
      closing: yuanText(closing),
      closingFen: closing,
      foodCost: yuanText(foodCost),
      foodCostFen: foodCost,
      served: month.served,
      studentDays: month.studentDays,
      costPerMeal: yuanText(divHalfUp(foodCost, month.served)),
      costPerMealFen: divHalfUp(foodCost, month.served),
      costPerStudentDay: yuanText(divHalfUp(foodCost, month.studentDays)),
      costPerStudentDayFen: divHalfUp(foodCost, month.studentDays),
      revenue: yuanText(month.revenue),
      revenueFen: month.revenue,
      surplus: yuanText(surplus),
      surplusFen: surplus,
      surplusRate: "6.5%",
      lines: 304,
      notCosted: 0,
      note: "",
    });
    // The 合计 row: purchases equal the sum of every purchase line to the fen (the sheet's own 合计
    // row is not counted again).
    expect(total?.month).toBe("合计");
    expect(total?.purchasesFen).toBe(month.purchases);
    expect(total?.foodCostFen).toBe(foodCost);
    expect(total?.opening).toBeNull();
    expect(total?.lines).toBe(304);
  });

  it("publishes the settlement with its columns in a settlement sheet's order", async () => {
    const report = await check({ purchases: month.purchaseRows, meals: month.mealRows, stock: stockRows });
    const sheet = settlement(report);
    expect(sheet?.title["zh-CN"]).toBe("食堂月度结算表");
    expect(sheet?.sheetName).toEqual({ "zh-CN": "食堂月度结算", en: "Canteen settlement" });
    expect(sheet?.columns.map((c) => c.title["zh-CN"])).toEqual([
      "月份",
      "月初库存",
      "本月采购",
      "月末库存",
      "伙食成本",
      "就餐人次",
      "学生人日",
      "每餐成本",
      "生均日成本",
      "餐费收入",
      "盈余",
      "盈余率",
      "采购笔数",
      "未计价笔数",
      "备注",
    ]);
  });

  it("sums purchases by category, blank categories as 未分类, tying to the settlement", async () => {
    const report = await check({ purchases: month.purchaseRows, meals: month.mealRows, stock: stockRows });
    const rows = byCategory(report)?.rows ?? [];
    const categories = rows.filter((r) => r.monthKey === "2023-11" && r.category !== "小计");
    expect(Object.fromEntries(categories.map((r) => [r.category, [r.amountFen, r.lines]]))).toEqual(
      Object.fromEntries([...month.byCategory].map(([k, v]) => [k, [v.amount, v.lines]])),
    );
    expect(categories.at(-1)?.category).toBe("未分类");
    const subtotal = rows.find((r) => r.category === "小计");
    expect(subtotal?.amountFen).toBe(month.purchases);
    expect(rows.at(-1)).toMatchObject({
      month: "合计",
      amountFen: month.purchases,
      lines: 304,
      notCosted: 0,
    });
  });

  it("finds nothing when the settings allow an 8% surplus", async () => {
    const report = await check({
      settings: [["盈余率上限", "8%"]],
      purchases: month.purchaseRows,
      meals: month.mealRows,
      stock: stockRows,
    });
    expect(report.findings).toEqual([]);
    expect(settlement(report)?.rows[0]?.surplusRate).toBe("6.5%");
  });

  it.each([
    ["0.07", 0],
    [0.07, 0],
    [7, 0],
    ["7", 0],
    ["6%", 1],
    [0.06, 1],
    [{ value: 0.06, text: "6%", format: "0%" }, 1],
  ] as [CellValue | Cell, number][])("reads the limit %j", async (limit, count) => {
    const report = await check({
      settings: [["食堂盈余率上限", limit]],
      purchases: month.purchaseRows,
      meals: month.mealRows,
      stock: stockRows,
    });
    expect(report.findings.filter((f) => f.rule === "canteen/surplus-over-limit")).toHaveLength(count);
    expect(report.findings.filter((f) => f.rule !== "canteen/surplus-over-limit")).toEqual([]);
  });

  it("reports an unreadable limit once and keeps the default", async () => {
    const report = await check({
      settings: [["盈余率上限", "很高"]],
      purchases: month.purchaseRows,
      meals: month.mealRows,
      stock: stockRows,
    });
    expect(found(report)).toEqual([
      ["settings/invalid-value", "B1"],
      ["canteen/surplus-over-limit", "A3"],
    ]);
  });

  it("speaks English", async () => {
    const report = await check(
      { purchases: month.purchaseRows, meals: month.mealRows, stock: stockRows },
      { lang: "en" },
    );
    expect(report.findings[0]?.message).toBe(
      `In 2023-11 the canteen made a surplus of ${yuanText(surplus)}, a surplus rate of 6.5%, above the default limit of 5% (the “盈余率上限” setting changes it) (revenue ${yuanText(month.revenue)}, food cost ${yuanText(foodCost)}); the canteen is meant to run at cost`,
    );
    expect(settlement(report)?.rows.at(-1)?.month).toBe("Total");
  });
});

/** A small month: two days of purchases and meals. */
function small(options: { cost?: number } = {}) {
  const purchaseRows: Row[] = [
    PURCHASE_HEADER,
    ["2023-11-06", "城东农贸公司", "大米", "粮油", 100, "kg", 3.2, null, "王明"],
    ["2023-11-07", "城东农贸公司", "猪肉", "肉类", 20, "kg", 26.8, 536, "王明"],
  ];
  // ¥320 + ¥536 = ¥856 of purchases.
  const mealRows: Row[] = [
    MEALS_HEADER,
    ["2023-11-06", "午餐", 100, 10, 8],
    ["2023-11-07", "午餐", 100, 10, 8],
  ];
  // Revenue 220 × ¥8 = ¥1,760; stock ¥1,000 -> ¥1,000 - (cost - 856).
  const cost = options.cost ?? 171_000; // ¥1,710: surplus ¥50, 2.8%
  const closing = 100_000 + 85_600 - cost;
  const stockRows: Row[] = [STOCK_HEADER, ["2023年11月", "¥1,000.00", closing / 100, "张会计"]];
  return { purchaseRows, mealRows, stockRows };
}

describe("checkCosts: clean and failing cases", () => {
  it("finds nothing in a month that runs near cost with its stock counted", async () => {
    const { purchaseRows, mealRows, stockRows } = small();
    const report = await check({ purchases: purchaseRows, meals: mealRows, stock: stockRows });
    expect(report.findings).toEqual([]);
    expect(settlement(report)?.rows[0]).toMatchObject({
      purchasesFen: 85_600,
      foodCostFen: 171_000,
      revenueFen: 176_000,
      surplusFen: 5_000,
      surplusRate: "2.8%",
      served: 220,
      studentDays: 200,
      costPerMealFen: 777, // 171000 / 220 = 777.27
      costPerStudentDayFen: 855,
    });
  });

  it("notes a month that runs at a loss", async () => {
    const { purchaseRows, mealRows, stockRows } = small({ cost: 180_000 });
    const report = await check({ purchases: purchaseRows, meals: mealRows, stock: stockRows });
    expect(found(report)).toEqual([["canteen/deficit", "A2"]]);
    expect(report.findings[0]?.severity).toBe("info");
    expect(report.findings[0]?.message).toBe(
      "2023年11月食堂亏损 ¥40.00：餐费收入 ¥1,760.00 低于伙食成本 ¥1,800.00，请核实成本与收费标准",
    );
    expect(settlement(report)?.rows[0]?.surplusRate).toBe("-2.3%");
  });

  it("lists a purchase line without an amount as not costed, at its amount cell", async () => {
    const { purchaseRows, mealRows, stockRows } = small();
    const report = await check({
      purchases: [
        ...purchaseRows,
        ["2023-11-08", "城东农贸公司", "青菜", "蔬菜", 30, "kg", null, null, "王明"],
      ],
      meals: mealRows,
      stock: stockRows,
    });
    expect(found(report)).toEqual([["canteen/purchase-not-costed", "H4"]]);
    expect(report.findings[0]?.message).toBe(
      "2023-11-08 采购的“青菜”没有金额，也没有数量和单价，未计入2023年11月伙食成本",
    );
    expect(settlement(report)?.rows[0]).toMatchObject({ lines: 3, notCosted: 1, purchasesFen: 85_600 });
  });

  it("does not pile a second finding on a #REF! amount, but computes it from quantity × price when it can", async () => {
    const { mealRows, stockRows } = small();
    const report = await check({
      purchases: [
        PURCHASE_HEADER,
        ["2023-11-06", "城东农贸公司", "大米", "粮油", 100, "kg", 3.2, { error: "#REF!" }, "王明"],
        ["2023-11-07", "城东农贸公司", "猪肉", "肉类", null, "kg", null, { error: "#REF!" }, "王明"],
        ["2023-11-07", "城东农贸公司", "牛肉", "肉类", "８.５", "kg", "68元", null, "王明"],
      ],
      meals: mealRows,
      stock: stockRows,
    });
    expect(
      found(report).filter(([rule]) => rule !== "canteen/deficit" && rule !== "canteen/surplus-over-limit"),
    ).toEqual([
      ["workbook/error-value", "H2"],
      ["workbook/error-value", "H3"],
    ]);
    // ¥320.00 from 100 × ¥3.20, and ¥578.00 from ８.５ × ¥68; the second line is not costed.
    expect(settlement(report)?.rows[0]).toMatchObject({ purchasesFen: 89_800, lines: 3, notCosted: 1 });
  });

  it("says once that a purchase log without any amount or price column cannot be costed", async () => {
    const report = await check({
      purchases: [
        ["采购日期", "供货商", "品名", "验收人"],
        ["2023-11-06", "城东农贸公司", "大米", "王明"],
        ["2023-11-07", "城东农贸公司", "猪肉", "王明"],
      ],
      meals: small().mealRows,
      stock: small().stockRows,
    });
    expect(found(report)).toEqual([["canteen/purchase-not-costed", "A1"]]);
    expect(report.findings[0]?.message).toBe(
      "采购记录没有“金额”栏，也没有“数量”和“单价”栏，其中 2 条采购无法计入伙食成本",
    );
  });

  it("warns of a month with purchases but no stock count, at its last purchase", async () => {
    const { purchaseRows, mealRows } = small();
    const report = await check({
      purchases: purchaseRows,
      meals: mealRows,
      stock: [STOCK_HEADER, ["2023年10月", 90_000, 100_000, "张会计"]],
    });
    const missing = report.findings.filter((f) => f.rule === "canteen/stock-missing");
    expect(missing.map((f) => [f.severity, f.sheet, f.cell])).toEqual([["warning", "采购验收", "A3"]]);
    expect(missing[0]?.message).toBe(
      "2023年11月有采购记录，但库存盘点表中没有该月的月初、月末库存，伙食成本按库存均为 0 计算，即等于本月采购额 ¥856.00",
    );
    expect(settlement(report)?.rows[0]).toMatchObject({
      foodCostFen: 85_600,
      note: "无库存盘点，成本按采购额计",
    });
  });

  it("says once that the workbook has no stock count at all", async () => {
    const { purchaseRows, mealRows } = small();
    const report = await check({ purchases: purchaseRows, meals: mealRows });
    const missing = report.findings.filter((f) => f.rule === "canteen/stock-missing");
    expect(missing.map((f) => [f.severity, f.cell])).toEqual([["info", "A1"]]);
  });

  it("warns when a month's opening stock is not the previous closing, at the opening cell", async () => {
    const { purchaseRows, mealRows } = small();
    const report = await check({
      purchases: purchaseRows,
      meals: mealRows,
      stock: [
        STOCK_HEADER,
        ["2023年10月", "¥900.00", "¥1,050.00", "张会计"],
        ["2023年11月", "¥1,000.00", "¥150.00", "张会计"],
      ],
    });
    expect(found(report)).toEqual([["canteen/stock-not-carried", "B3"]]);
    expect(report.findings[0]?.message).toBe(
      "2023年11月月初库存 ¥1,000.00 与2023年10月月末库存 ¥1,050.00 不一致（相差 ¥50.00），请核对库存结转",
    );
  });

  it("carries the previous closing into a table that gives only the closing stock, and says so", async () => {
    const { purchaseRows, mealRows } = small();
    const report = await check({
      purchases: purchaseRows,
      meals: mealRows,
      stock: [
        ["月份", "月末库存"],
        ["2023年10月", "¥1,000.00"],
        ["11月", "¥150.00"],
      ],
    });
    expect(report.findings).toEqual([]);
    expect(settlement(report)?.rows[0]).toMatchObject({
      month: "2023年11月",
      openingFen: 100_000,
      closingFen: 15_000,
      foodCostFen: 170_600,
      note: "月初库存取自2023年10月月末库存",
    });
  });

  it("warns of a stock row without an opening stock and nothing to carry", async () => {
    const { purchaseRows, mealRows } = small();
    const report = await check({
      purchases: purchaseRows,
      meals: mealRows,
      stock: [STOCK_HEADER, ["2023-11", null, "¥150.00", "张会计"]],
    });
    // With no opening stock the month looks far more profitable than it is.
    expect(found(report)).toEqual([
      ["canteen/surplus-over-limit", "A2"],
      ["canteen/stock-missing", "B2"],
    ]);
    expect(report.findings[1]?.message).toBe(
      "2023年11月的库存盘点没有月初库存，也没有上月月末库存可结转，月初库存按 0 计算",
    );
    expect(settlement(report)?.rows[0]?.note).toBe("无月初库存，按 0 计");
  });

  it("notes a month with purchases and no meals served", async () => {
    const { purchaseRows, stockRows } = small();
    const report = await check({
      purchases: purchaseRows,
      meals: [MEALS_HEADER, ["2023-10-30", "午餐", 100, 10, 8]],
      stock: stockRows,
    });
    expect(found(report)).toEqual([["canteen/meals-missing", "A2"]]);
    expect(report.findings[0]?.message).toBe(
      "2023年11月有采购记录，但就餐统计中没有该月的就餐记录，无法计算每餐成本",
    );
    expect(settlement(report)?.rows.map((r) => r.month)).toEqual(["2023年10月", "2023年11月", "合计"]);
  });

  it("says once that there is no revenue or price column", async () => {
    const { purchaseRows, stockRows } = small();
    const report = await check({
      purchases: purchaseRows,
      meals: [
        ["日期", "餐次", "就餐人数"],
        ["2023-11-06", "午餐", 110],
        ["2023-11-07", "午餐", 110],
      ],
      stock: stockRows,
    });
    expect(found(report)).toEqual([["canteen/revenue-missing", "A1"]]);
    expect(settlement(report)?.rows[0]).toMatchObject({
      served: 220,
      studentDays: 220,
      revenue: null,
      surplusRate: null,
    });
  });

  it("judges a month on its last day", async () => {
    const { purchaseRows, mealRows } = small({ cost: 100_000 });
    const report = await check(
      { purchases: purchaseRows, meals: mealRows, stock: [STOCK_HEADER] },
      { asOf: "2023-11-30" },
    );
    expect(report.findings.map((f) => f.rule)).toContain("canteen/stock-missing");
  });

  it("does not judge a month that is not over yet", async () => {
    const { purchaseRows, mealRows } = small({ cost: 100_000 });
    const report = await check(
      { purchases: purchaseRows, meals: mealRows, stock: [STOCK_HEADER] },
      { asOf: "2023-11-20" },
    );
    expect(report.findings).toEqual([]);
    expect(settlement(report)?.rows[0]?.note).toBe(
      "无库存盘点，成本按采购额计；本月尚未结束（截至 2023-11-20）",
    );
  });

  it("reads messy input: 11月, money as text, serial dates, full-width digits, blank rows", async () => {
    const report = await check({
      purchases: [
        ["食品采购验收记录"],
        PURCHASE_HEADER,
        [
          { value: 45236, text: "2023/11/6" },
          "城东农贸公司",
          "大米",
          "粮油",
          "１００",
          "kg",
          "￥3.20",
          null,
          "王明",
        ],
        [],
        ["2023年11月7日", "城东农贸公司", "猪肉", "肉类", "20kg", "kg", "26.80元", "¥536.00", "王明"],
        ["合计", null, null, null, null, null, null, "¥856.00", null],
      ],
      meals: [
        MEALS_HEADER,
        [{ value: 45236, text: "2023/11/6" }, "午餐", "１００", "10人", "¥8.00"],
        ["11月7日", "午餐", 100, 10, 8],
      ],
      stock: [
        STOCK_HEADER,
        ["2023年10月", "¥900.00", "¥1,000.00", "张会计"],
        ["11月", "¥1,000.00", "¥150.00", "张会计"],
      ],
    });
    expect(report.findings).toEqual([]);
    expect(settlement(report)?.rows[0]).toMatchObject({
      month: "2023年11月",
      purchasesFen: 85_600,
      served: 220,
      revenueFen: 176_000,
      foodCostFen: 170_600,
      lines: 2,
    });
    expect(settlement(report)?.rows.at(-1)?.purchasesFen).toBe(85_600);
  });
});

describe("cells.month", () => {
  const read = (value: CellValue, extra: { text?: string; defaultYear?: number } = {}) =>
    cells.month().safeParse({
      value,
      text: extra.text ?? (value === null ? "" : String(value)),
      dateSystem: "1900",
      ...(extra.defaultYear === undefined ? {} : { defaultYear: extra.defaultYear }),
    });

  it.each([
    ["2023-09", "2023-09"],
    ["2023/9", "2023-09"],
    ["2023.9", "2023-09"],
    ["2023年9月", "2023-09"],
    ["2023年09月份", "2023-09"],
    ["２０２３年１１月", "2023-11"],
    ["23年9月", "2023-09"],
    ["202309", "2023-09"],
    ["2023-09-30", "2023-09"],
    ["2023年9月30日", "2023-09"],
  ])("reads %s as %s", (text, month) => {
    expect(read(text)).toMatchObject({ success: true, data: month });
  });

  it("reads a month without a year in the default year", () => {
    expect(read("11月", { defaultYear: 2023 })).toMatchObject({ success: true, data: "2023-11" });
    expect(read("十一月", { defaultYear: 2023 })).toMatchObject({ success: true, data: "2023-11" });
    expect(read("九月份", { defaultYear: 2024 })).toMatchObject({ success: true, data: "2024-09" });
  });

  it("reads Excel date serials and year-month numbers", () => {
    expect(read(45199, { text: "2023/9/30" })).toMatchObject({ success: true, data: "2023-09" });
    expect(read(202311)).toMatchObject({ success: true, data: "2023-11" });
    expect(read(2023.1, { text: "2023.10" })).toMatchObject({ success: true, data: "2023-10" });
  });

  it("refuses what is not a month, with a bilingual message", () => {
    for (const bad of ["下个月", "2023-13", "13月", 9, 2023]) {
      const out = read(bad);
      expect(out.success).toBe(false);
    }
    const out = read("11月");
    expect(out.success).toBe(false);
    expect(JSON.stringify(out.error?.issues[0])).toContain("没有写年份");
    expect(read("下个月").error?.issues[0]?.message).toBe(
      '"下个月" is not a month houqin can read (write it like 2023-09 or 2023年9月)',
    );
  });

  it("places 11月 in a stock table by the months around it", async () => {
    const report = await check({
      purchases: small().purchaseRows,
      meals: small().mealRows,
      stock: [
        STOCK_HEADER,
        ["2023年10月", "¥900.00", "¥1,000.00", "张会计"],
        ["11月", "¥1,000.00", "¥150.00", "张会计"],
      ],
    });
    expect(report.tables.find((t) => t.kind === "canteen.stock")?.columns).toEqual({
      month: "A",
      opening: "B",
      closing: "C",
      countedBy: "D",
    });
    expect(settlement(report)?.rows[0]).toMatchObject({
      monthKey: "2023-11",
      openingFen: 100_000,
      closingFen: 15_000,
    });
  });

  it("reports an unreadable month at its cell", async () => {
    const report = await check({
      purchases: small().purchaseRows,
      meals: small().mealRows,
      stock: [
        STOCK_HEADER,
        ["2023年11月", "¥1,000.00", "¥150.00", "张会计"],
        ["下个月", "¥150.00", "¥100.00", "张会计"],
      ],
    });
    expect(found(report)).toContainEqual(["workbook/unreadable-cell", "A3"]);
  });

  it("says the limit is the school's own when the settings give one", async () => {
    const { purchaseRows, mealRows, stockRows } = small();
    const report = await check({
      purchases: purchaseRows,
      meals: mealRows,
      stock: stockRows,
      settings: [["盈余率上限", "2%"]],
    });
    expect(found(report)).toEqual([["canteen/surplus-over-limit", "A2"]]);
    expect(report.findings[0]?.message).toContain("超过本校设定的盈余率上限 2%。");
    expect(report.findings[0]?.data).toMatchObject({ limit: 0.02, limitSet: true });
  });

  it("adds up the class rows of one meal for the student-days, and takes the day's largest meal", async () => {
    const report = await check({
      purchases: [PURCHASE_HEADER, ["2023-11-06", "绿源", "大米", "粮油", 100, "kg", 5, 500, "张三"]],
      meals: [
        ["日期", "餐次", "班级", "学生人数", "餐标", "餐费收入"],
        ["2023-11-06", "午餐", "一(1)班", 45, 5, 225],
        ["2023-11-06", "午餐", "一(2)班", 44, 5, 220],
        ["2023-11-06", "午餐", "一(3)班", 46, 5, 230],
        ["2023-11-06", "早餐", "一(1)班", 40, 3, 120],
        ["2023-11-06", "早餐", "一(2)班", 41, 3, 123],
        ["2023-11-07", "午餐", "一(1)班", 45, 5, 225],
      ],
    });
    expect(settlement(report)?.rows[0]).toMatchObject({ served: 261, studentDays: 135 + 45 });
  });

  it("adds up a day's rows for the student-days when the meals table has no meal column", async () => {
    const report = await check({
      purchases: [PURCHASE_HEADER, ["2023-11-06", "绿源", "大米", "粮油", 100, "kg", 5, 500, "张三"]],
      meals: [
        ["日期", "班级", "学生人数", "餐标"],
        ["2023-11-06", "一(1)班", 45, 5],
        ["2023-11-06", "一(2)班", 44, 5],
        ["2023-11-07", "一(1)班", 45, 5],
      ],
    });
    expect(settlement(report)?.rows[0]).toMatchObject({ studentDays: 89 + 45 });
  });
});
