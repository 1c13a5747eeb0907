import {
  type Bilingual,
  type Fen,
  type Finding,
  formatMoney,
  HouqinError,
  type IsoDate,
  localize,
  monthEnd,
  monthLabel,
  multiplyFen,
  normalizeText,
  parseNumberCell,
} from "@houqin/core";
import {
  type CellInput,
  type CellIssueParams,
  type CellSchema,
  type Check,
  type CheckContext,
  cellOf,
  type RecognizedTable,
  type Report,
} from "@houqin/workbook";
import { z } from "zod";
import { purchaseAmount } from "./checkPurchases.js";
import { stock } from "./costKinds.js";
import { meals, purchases } from "./kinds.js";
import { monthlyCost, type PurchaseLine, rollUpPurchases } from "./rollUp.js";

const CLAUSE = "三(三)5";

/** The default allowed surplus rate: a school setting, as no national cap exists. */
const DEFAULT_SURPLUS_LIMIT = 0.05;

const MSG = {
  notCosted: {
    "zh-CN": "{date} 采购的“{item}”没有金额，也没有数量和单价，未计入{month}伙食成本",
    en: "The purchase of “{item}” on {date} has no amount and no quantity with unit price, so it is not in the food cost of {month}",
  },
  tableNotCosted: {
    "zh-CN": "采购记录没有“金额”栏，也没有“数量”和“单价”栏，其中 {lines} 条采购无法计入伙食成本",
    en: "The purchase log has no “amount” column, nor “quantity” and “unit price” columns, so its {lines} lines cannot be costed",
  },
  surplusOver: {
    "zh-CN":
      "{month}食堂餐费收入 {revenue}，伙食成本 {cost}，盈余 {surplus}，盈余率 {rate}，超过{limitText}。食堂应坚持非营利、按成本运行{notCosted}",
    en: "In {month} the canteen made a surplus of {surplus}, a surplus rate of {rate}, above {limitText} (revenue {revenue}, food cost {cost}); the canteen is meant to run at cost{notCosted}",
  },
  limitSet: {
    "zh-CN": "本校设定的盈余率上限 {limit}",
    en: "the school's set limit of {limit}",
  },
  limitDefault: {
    "zh-CN": "默认上限 {limit}（可在设置表“盈余率上限”中修改）",
    en: "the default limit of {limit} (the “盈余率上限” setting changes it)",
  },
  deficit: {
    "zh-CN":
      "{month}食堂亏损 {loss}：餐费收入 {revenue} 低于伙食成本 {cost}，请核实成本与收费标准{notCosted}",
    en: "In {month} the canteen ran at a loss of {loss}: revenue {revenue} is below the food cost {cost}; please check costs and prices{notCosted}",
  },
  notCostedNote: {
    "zh-CN": "（另有 {n} 条采购未计价，未计入成本）",
    en: " ({n} purchase lines without an amount are not in the cost)",
  },
  stockMissing: {
    "zh-CN":
      "{month}有采购记录，但库存盘点表中没有该月的月初、月末库存，伙食成本按库存均为 0 计算，即等于本月采购额 {purchases}",
    en: "{month} has purchases but no row in the stock count, so the food cost assumes zero opening and closing stock and equals the month's purchases, {purchases}",
  },
  stockTableMissing: {
    "zh-CN": "工作簿中没有库存盘点表（月初、月末库存），伙食成本按各月采购额计算，未计入库存变化",
    en: "The workbook has no stock count (opening and closing stock), so each month's food cost is taken as its purchases, without the change in stock",
  },
  openingMissing: {
    "zh-CN": "{month}的库存盘点没有月初库存，也没有上月月末库存可结转，月初库存按 0 计算",
    en: "The stock count of {month} has no opening stock and there is no previous closing stock to carry, so the opening stock is taken as zero",
  },
  closingMissing: {
    "zh-CN": "{month}的库存盘点没有月末库存，也没有下月月初库存可对照，月末库存按 0 计算，伙食成本可能偏高",
    en: "The stock count of {month} has no closing stock and there is no next opening stock to go by, so the closing stock is taken as zero and the food cost may be overstated",
  },
  notCarried: {
    "zh-CN": "{month}月初库存 {opening} 与{previous}月末库存 {closing} 不一致（相差 {diff}），请核对库存结转",
    en: "The opening stock of {month}, {opening}, differs from the closing stock of {previous}, {closing} (by {diff}); please check the carry-over",
  },
  mealsMissing: {
    "zh-CN": "{month}有采购记录，但就餐统计中没有该月的就餐记录，无法计算每餐成本",
    en: "{month} has purchases but no meals served in the meals table, so the cost per meal cannot be computed",
  },
  mealsTableMissing: {
    "zh-CN": "工作簿中没有就餐统计表，无法计算每餐成本、餐费收入和盈余率",
    en: "The workbook has no meals-served table, so the cost per meal, the revenue and the surplus rate cannot be computed",
  },
  revenueMissing: {
    "zh-CN": "就餐统计没有“餐费收入”栏，也没有“餐标”栏，无法计算餐费收入和盈余率",
    en: "The meals table has no “revenue” column and no “price per meal” column, so revenue and the surplus rate cannot be computed",
  },
  total: { "zh-CN": "合计", en: "Total" },
  subtotal: { "zh-CN": "小计", en: "Subtotal" },
  uncategorised: { "zh-CN": "未分类", en: "Uncategorised" },
  noteCarried: {
    "zh-CN": "月初库存取自{month}月末库存",
    en: "opening stock carried from the closing of {month}",
  },
  noteCarriedBack: {
    "zh-CN": "月末库存取自{month}月初库存",
    en: "closing stock taken from the opening of {month}",
  },
  noteOpeningZero: { "zh-CN": "无月初库存，按 0 计", en: "no opening stock, taken as zero" },
  noteClosingZero: { "zh-CN": "无月末库存，按 0 计", en: "no closing stock, taken as zero" },
  noteNoStock: {
    "zh-CN": "无库存盘点，成本按采购额计",
    en: "no stock count, cost taken as purchases",
  },
  noteNoPurchases: { "zh-CN": "本月无采购记录", en: "no purchases recorded" },
  noteNoMeals: { "zh-CN": "本月无就餐记录", en: "no meals recorded" },
  noteOpen: { "zh-CN": "本月尚未结束（截至 {asOf}）", en: "month not over (as of {asOf})" },
  rateIssue: {
    "zh-CN": "盈余率上限“{text}”无法识别，请填写比例，如 5% 或 0.05",
    en: "Surplus limit “{text}” is not understood; write a rate such as 5% or 0.05",
  },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

const cellInput = z.custom<CellInput>((v) => typeof v === "object" && v !== null && "value" in v);

/**
 * A rate setting as a fraction: "5%", 0.05 and 5 all read as 5% (a number from 1 to 100 without a "%" is a
 * percentage; a cell formatted as a percentage is read as it shows).
 */
function rateCell(): CellSchema<number> {
  return cellInput.transform((cell, ctx) => {
    const shown = normalizeText(
      typeof cell.value === "string" ? cell.value : cell.text || String(cell.value),
    );
    const parsed = parseNumberCell(cell);
    const percent = /[%‰]$/.test(shown);
    const n = parsed.ok ? parsed.value : Number.NaN;
    if (n >= 0 && (percent || n < 1)) return n;
    // 6.5 means 6.5%, exactly through its decimal text.
    if (n >= 1 && n <= 100) return Number(`${n}e-2`);
    const message = MSG.rateIssue;
    const params: CellIssueParams = {
      houqin: true,
      code: "invalid",
      message: {
        "zh-CN": localize(message, "zh-CN", { text: shown }),
        en: localize(message, "en", { text: shown }),
      },
    };
    ctx.addIssue({ code: "custom", message: params.message.en, params: { ...params } });
    return z.NEVER;
  });
}

/** numerator / denominator rounded half away from zero (exact, in big integers). */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator;
  const r = numerator % denominator;
  const twice = 2n * (r < 0n ? -r : r);
  const d = denominator < 0n ? -denominator : denominator;
  if (twice < d) return q;
  return q + (numerator < 0n !== denominator < 0n ? -1n : 1n);
}

/** An amount per head, rounded to the fen; null when there is no one to share it. */
function perHead(cost: Fen, heads: number): Fen | null {
  if (heads <= 0) return null;
  return Number(divideRounded(BigInt(cost), BigInt(heads)));
}

/** A ratio as a percentage with the given decimals, rounded half away from zero: "3.2%". */
function percentText(numerator: Fen, denominator: Fen, decimals: number): string {
  const scaled = divideRounded(BigInt(numerator) * 10n ** BigInt(decimals + 2), BigInt(denominator));
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${negative ? "-" : ""}${whole}${decimals > 0 ? `.${fraction}` : ""}%`;
}

/** A rate setting as users write it: 0.05 -> "5%", 0.065 -> "6.5%". */
function limitText(limit: number): string {
  return `${Number((limit * 100).toFixed(6))}%`;
}

/** Millionths, for comparing a rate exactly against amounts in fen. */
const RATE_SCALE = 1_000_000;

interface Where {
  sheet: string;
  cell: string;
  row: number;
}

interface PurchaseMonth {
  lines: number;
  costed: number;
  notCosted: number;
  /** The latest line (by date, later rows winning ties), for findings about the month. */
  last?: { date: IsoDate; where: Where };
}

interface MealMonth {
  rows: number;
  served: number;
  /** The students of each day, per meal ("" for a row without a meal). */
  students: Map<IsoDate, Map<string, number>>;
  revenue: Fen;
  revenueRows: number;
  last?: { date: IsoDate; where: Where };
}

interface StockMonth {
  month: string;
  opening?: Fen;
  closing?: Fen;
  openingUnreadable: boolean;
  closingUnreadable: boolean;
  /** The first row of the month. */
  table: RecognizedTable;
  row: number;
}

type Source = "counted" | "carried" | "zero" | "none";

interface Settlement {
  month: string;
  opening: Fen;
  openingSource: Source;
  openingFrom?: string;
  closing: Fen;
  closingSource: Source;
  closingFrom?: string;
  purchases: Fen;
  foodCost: Fen;
  lines: number;
  notCosted: number;
  served: number;
  studentDays: number;
  mealRows: number;
  revenue: Fen | null;
  surplus: Fen | null;
  closed: boolean;
}

/**
 * Student-days of a month: each day counts its largest meal once (three meals a day are one
 * student-day), a meal being the sum of its rows (one per class or window).
 */
function studentDaysOf(days: ReadonlyMap<IsoDate, ReadonlyMap<string, number>>): number {
  let total = 0;
  for (const byMeal of days.values()) total += Math.max(0, ...byMeal.values());
  return total;
}

function later(a: { date: IsoDate; where: Where } | undefined, date: IsoDate): boolean {
  return !a || date >= a.date;
}

/**
 * Checks the canteen's cost accounting and makes the monthly settlement with finance (三(三)5). For every
 * month with purchases or meals served: food cost (伙食成本) = opening stock + purchases − closing stock;
 * purchases are the sum of the purchase lines' amounts (the amount, else quantity × unit price);
 * meals served is the diners of every meal row (就餐人数, else students + staff); student-days count
 * each day's largest meal once (three meals a day are one student-day), a meal's students being the
 * sum of its rows (one per class or window; without a 餐次 column, the sum of the day's rows); revenue is the
 * revenue column, else diners × price per meal, row by row; surplus = revenue − food cost.
 *
 * Rules (a month is judged from its last day on; one still running as of "today" is reported but not judged):
 * - `canteen/purchase-not-costed` (info): a purchase line with no amount and no quantity with unit
 *   price, at its amount cell (once per line; a line whose cell was unreadable is already reported);
 *   once per purchase table that has no amount column and no quantity and unit-price columns.
 * - `canteen/surplus-over-limit` (warning): the month's surplus rate (surplus / revenue) is above the
 *   school's 盈余率上限. No national cap on a school canteen's surplus exists (DOMAIN.md): the limit is
 *   the school's own setting.
 * - `canteen/deficit` (info): revenue below food cost; the canteen is meant to run at cost.
 * - `canteen/stock-missing` (warning): a month with purchases and no stock-count row (food cost then
 *   assumes zero opening and closing stock), or a stock row with no opening (and no previous closing
 *   to carry) or no closing (and no next opening); once (info) when the workbook has no stock count.
 * - `canteen/stock-not-carried` (warning): a month's opening stock differs from the closing stock of
 *   the previous month counted, at the opening cell.
 * - `canteen/meals-missing` (info): a month with purchases and no meals served; once when the workbook
 *   has no meals table.
 * - `canteen/revenue-missing` (info): once, when the meals table has no revenue or price column.
 *
 * Settings: 盈余率上限 (also 食堂盈余率上限, "surplus limit"): the highest surplus rate allowed, "5%",
 * 0.05 or 5; default 5%.
 *
 * Reports: "食堂月度结算表" (`canteen.settlement`), one row per month and a 合计 row; and "食堂采购月度汇总"
 * (`canteen.purchases-by-category`), purchases per month and category. Money is shown as text
 * ("¥1,234.50") with the exact fen beside it in the row data (`…Fen`).
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkCosts(ctx); // and ctx.report({ id: "canteen.settlement", … })
 */
export function checkCosts(ctx: CheckContext): Finding[] {
  // A sum out of range (MONEY_OVERFLOW) is turned into a finding by runChecks.
  return settle(ctx);
}

function settle(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const monthText = (month: string) => monthLabel(month, ctx.lang);
  const purchaseTables = ctx.tablesOf(purchases);
  if (purchaseTables.length === 0) return [];
  const limitNames = ["盈余率上限", "食堂盈余率上限", "盈余率上限(%)", "surplus limit", "surplus rate limit"];
  const limit = ctx.setting(limitNames, rateCell(), DEFAULT_SURPLUS_LIMIT);
  // Whether the school set the limit (a value it could not read falls back to the default).
  const limitSet = ctx.setting<number | null>(limitNames, rateCell(), null) !== null;
  const findings: Finding[] = [];
  const uncategorised = t(MSG.uncategorised);

  // Purchases: costed lines for the roll-up (item = category), the rest counted.
  const byMonth = new Map<string, PurchaseMonth>();
  const costedLines: PurchaseLine[] = [];
  const notCostedByCategory = new Map<string, number>();
  for (const { table, rows } of purchaseTables) {
    const columns = table.columns as Record<string, number | undefined>;
    const costable =
      columns.amount !== undefined || (columns.quantity !== undefined && columns.unitPrice !== undefined);
    if (!costable && rows.length > 0)
      findings.push({
        rule: "canteen/purchase-not-costed",
        severity: "info",
        message: t(MSG.tableNotCosted, { lines: rows.length }),
        clause: CLAUSE,
        sheet: table.sheet,
        cell: cellOf(table, table.headerRow, "amount"),
        row: table.headerRow,
        data: { lines: rows.length },
      });
    for (const { row, values, unreadable } of rows) {
      const month = values.date.slice(0, 7);
      const tally = byMonth.get(month) ?? { lines: 0, costed: 0, notCosted: 0 };
      byMonth.set(month, tally);
      tally.lines++;
      const where = { sheet: table.sheet, cell: cellOf(table, row, "date"), row };
      if (later(tally.last, values.date)) tally.last = { date: values.date, where };
      const category = values.category ?? uncategorised;
      const amount = purchaseAmount(values);
      if (amount !== undefined) {
        tally.costed++;
        costedLines.push({ date: values.date, item: category, amount });
        continue;
      }
      tally.notCosted++;
      const key = `${month}\t${category}`;
      notCostedByCategory.set(key, (notCostedByCategory.get(key) ?? 0) + 1);
      const brokenCell = ["amount", "quantity", "unitPrice"].some((f) => unreadable?.includes(f));
      if (costable && !brokenCell)
        findings.push({
          rule: "canteen/purchase-not-costed",
          severity: "info",
          message: t(MSG.notCosted, { date: values.date, item: values.item, month: monthText(month) }),
          clause: CLAUSE,
          sheet: table.sheet,
          cell: cellOf(table, row, "amount"),
          row,
          data: { date: values.date, item: values.item, month },
        });
    }
  }
  const rolled = rollUpPurchases(costedLines, "month-item");
  const purchasesOf = new Map(rolled.months.map((m) => [m.period, m.amount]));

  // Meals served.
  const mealTables = ctx.tablesOf(meals);
  const mealsByMonth = new Map<string, MealMonth>();
  let revenueSource = false;
  for (const { table, rows } of mealTables) {
    const columns = table.columns as Record<string, number | undefined>;
    if (columns.revenue !== undefined || columns.price !== undefined) revenueSource = true;
    for (const { row, values } of rows) {
      const month = values.date.slice(0, 7);
      const tally: MealMonth = mealsByMonth.get(month) ?? {
        rows: 0,
        served: 0,
        students: new Map(),
        revenue: 0,
        revenueRows: 0,
      };
      mealsByMonth.set(month, tally);
      tally.rows++;
      const where = { sheet: table.sheet, cell: cellOf(table, row, "date"), row };
      if (later(tally.last, values.date)) tally.last = { date: values.date, where };
      const diners =
        values.diners ??
        (values.students !== undefined || values.staff !== undefined
          ? (values.students ?? 0) + (values.staff ?? 0)
          : undefined);
      if (diners !== undefined) tally.served += diners;
      // The students of a row: counted, else the diners less the staff.
      const students =
        values.students ??
        (values.diners !== undefined ? Math.max(0, values.diners - (values.staff ?? 0)) : undefined);
      if (students !== undefined) {
        // Rows of one meal (one per class or window) add up; without a meal column, a day's rows do.
        const meal = columns.meal === undefined ? "" : normalizeText(values.meal ?? "");
        const day = tally.students.get(values.date) ?? new Map<string, number>();
        tally.students.set(values.date, day);
        day.set(meal, (day.get(meal) ?? 0) + students);
      }
      const revenue =
        values.revenue ??
        (values.price !== undefined && diners !== undefined ? multiplyFen(values.price, diners) : undefined);
      if (revenue !== undefined) {
        tally.revenue = sumSafe(tally.revenue, revenue);
        tally.revenueRows++;
      }
    }
  }

  // Stock counts, by month (several rows of a month are added).
  const stockTables = ctx.tablesOf(stock);
  const stockByMonth = new Map<string, StockMonth>();
  for (const { table, rows } of stockTables) {
    for (const { row, values, unreadable } of rows) {
      const month = values.month.slice(0, 7);
      let s = stockByMonth.get(month);
      if (!s) {
        s = { month, openingUnreadable: false, closingUnreadable: false, table, row };
        stockByMonth.set(month, s);
      }
      if (values.opening !== undefined) s.opening = sumSafe(s.opening ?? 0, values.opening);
      if (values.closing !== undefined) s.closing = sumSafe(s.closing ?? 0, values.closing);
      if (unreadable?.includes("opening")) s.openingUnreadable = true;
      if (unreadable?.includes("closing")) s.closingUnreadable = true;
    }
  }
  const stockMonths = [...stockByMonth.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
  const stockAt = (s: StockMonth, field: string): Where => ({
    sheet: s.table.sheet,
    cell: cellOf(s.table, s.row, field),
    row: s.row,
  });
  /** The closing of the latest month counted before this one, and the opening of the next one after. */
  const previousClosing = (month: string) => {
    for (let i = stockMonths.length - 1; i >= 0; i--) {
      const s = stockMonths[i] as StockMonth;
      if (s.month < month && s.closing !== undefined) return { month: s.month, value: s.closing };
    }
    return undefined;
  };
  const nextOpening = (month: string) => {
    for (const s of stockMonths)
      if (s.month > month && s.opening !== undefined) return { month: s.month, value: s.opening };
    return undefined;
  };

  // Opening stock must carry the previous closing, whether or not the month is settled.
  for (const s of stockMonths) {
    if (s.opening === undefined) continue;
    const previous = previousClosing(s.month);
    if (!previous || previous.value === s.opening) continue;
    findings.push({
      rule: "canteen/stock-not-carried",
      severity: "warning",
      message: t(MSG.notCarried, {
        month: monthText(s.month),
        opening: formatMoney(s.opening),
        previous: monthText(previous.month),
        closing: formatMoney(previous.value),
        diff: formatMoney(Math.abs(s.opening - previous.value)),
      }),
      clause: CLAUSE,
      ...stockAt(s, "opening"),
      data: {
        month: s.month,
        opening: s.opening,
        previousMonth: previous.month,
        previousClosing: previous.value,
      },
    });
  }

  const months = [...new Set([...byMonth.keys(), ...mealsByMonth.keys()])].sort();
  const settlements: Settlement[] = [];
  for (const month of months) {
    const bought = byMonth.get(month);
    const served = mealsByMonth.get(month);
    const s = stockByMonth.get(month);
    // A month is settled on its last day: it is judged once "today" has reached that day.
    const closed = monthEnd(month) <= ctx.asOf;
    const lines = bought?.lines ?? 0;
    const monthWhere = (): Where | Record<string, never> =>
      s ? stockAt(s, "month") : (bought?.last?.where ?? served?.last?.where ?? {});

    let opening = 0;
    let openingSource: Source = "none";
    let openingFrom: string | undefined;
    let closing = 0;
    let closingSource: Source = "none";
    let closingFrom: string | undefined;
    if (s) {
      const previous = previousClosing(month);
      if (s.opening !== undefined) [opening, openingSource] = [s.opening, "counted"];
      else if (previous) [opening, openingSource, openingFrom] = [previous.value, "carried", previous.month];
      else openingSource = "zero";
      const next = nextOpening(month);
      if (s.closing !== undefined) [closing, closingSource] = [s.closing, "counted"];
      else if (next) [closing, closingSource, closingFrom] = [next.value, "carried", next.month];
      else closingSource = "zero";
      if (closed && openingSource === "zero" && !s.openingUnreadable)
        findings.push({
          rule: "canteen/stock-missing",
          severity: "warning",
          message: t(MSG.openingMissing, { month: monthText(month) }),
          clause: CLAUSE,
          ...stockAt(s, "opening"),
          data: { month },
        });
      if (closed && closingSource === "zero" && !s.closingUnreadable)
        findings.push({
          rule: "canteen/stock-missing",
          severity: "warning",
          message: t(MSG.closingMissing, { month: monthText(month) }),
          clause: CLAUSE,
          ...stockAt(s, "closing"),
          data: { month },
        });
    }
    const purchasesFen = purchasesOf.get(month) ?? 0;
    const foodCost = monthlyCost({ opening, purchases: purchasesFen, closing });
    const revenue = served && served.revenueRows > 0 ? served.revenue : null;
    const surplus = revenue === null ? null : sumSafe(revenue, -foodCost);
    const settlement: Settlement = {
      month,
      opening,
      openingSource,
      ...(openingFrom === undefined ? {} : { openingFrom }),
      closing,
      closingSource,
      ...(closingFrom === undefined ? {} : { closingFrom }),
      purchases: purchasesFen,
      foodCost,
      lines,
      notCosted: bought?.notCosted ?? 0,
      served: served?.served ?? 0,
      studentDays: served ? studentDaysOf(served.students) : 0,
      mealRows: served?.rows ?? 0,
      revenue,
      surplus,
      closed,
    };
    settlements.push(settlement);
    if (!closed || lines === 0) continue;

    if (!s && stockTables.length > 0)
      findings.push({
        rule: "canteen/stock-missing",
        severity: "warning",
        message: t(MSG.stockMissing, { month: monthText(month), purchases: formatMoney(purchasesFen) }),
        clause: CLAUSE,
        ...monthWhere(),
        data: { month, purchases: purchasesFen },
      });
    if (!served && mealTables.length > 0)
      findings.push({
        rule: "canteen/meals-missing",
        severity: "info",
        message: t(MSG.mealsMissing, { month: monthText(month) }),
        clause: CLAUSE,
        ...monthWhere(),
        data: { month },
      });
    if (revenue === null || surplus === null || (bought?.costed ?? 0) === 0) continue;
    const notCosted = settlement.notCosted > 0 ? t(MSG.notCostedNote, { n: settlement.notCosted }) : "";
    const data = {
      month,
      opening,
      purchases: purchasesFen,
      closing,
      foodCost,
      revenue,
      surplus,
      notCosted: settlement.notCosted,
    };
    if (surplus < 0) {
      findings.push({
        rule: "canteen/deficit",
        severity: "info",
        message: t(MSG.deficit, {
          month: monthText(month),
          loss: formatMoney(-surplus),
          revenue: formatMoney(revenue),
          cost: formatMoney(foodCost),
          notCosted,
        }),
        clause: CLAUSE,
        ...monthWhere(),
        data,
      });
      continue;
    }
    const limitScaled = BigInt(Math.round(limit * RATE_SCALE));
    if (revenue > 0 && BigInt(surplus) * BigInt(RATE_SCALE) > limitScaled * BigInt(revenue)) {
      // Enough decimals that the rate shown is visibly above the limit.
      let decimals = 1;
      while (
        decimals < 4 &&
        divideRounded(BigInt(surplus) * 10n ** BigInt(decimals + 2), BigInt(revenue)) *
          10n ** BigInt(4 - decimals) <=
          limitScaled
      )
        decimals++;
      findings.push({
        rule: "canteen/surplus-over-limit",
        severity: "warning",
        message: t(MSG.surplusOver, {
          month: monthText(month),
          surplus: formatMoney(surplus),
          rate: percentText(surplus, revenue, decimals),
          limitText: t(limitSet ? MSG.limitSet : MSG.limitDefault, { limit: limitText(limit) }),
          revenue: formatMoney(revenue),
          cost: formatMoney(foodCost),
          notCosted,
        }),
        clause: CLAUSE,
        ...monthWhere(),
        data: { ...data, surplusRate: Number(surplus) / Number(revenue), limit, limitSet },
      });
    }
  }

  if (byMonth.size > 0 && stockTables.length === 0) {
    const first = purchaseTables[0];
    findings.push({
      rule: "canteen/stock-missing",
      severity: "info",
      message: t(MSG.stockTableMissing),
      clause: CLAUSE,
      ...(first
        ? {
            sheet: first.table.sheet,
            cell: cellOf(first.table, first.table.headerRow, "date"),
            row: first.table.headerRow,
          }
        : {}),
    });
  }
  if (byMonth.size > 0 && mealTables.length === 0) {
    const first = purchaseTables[0];
    findings.push({
      rule: "canteen/meals-missing",
      severity: "info",
      message: t(MSG.mealsTableMissing),
      clause: CLAUSE,
      ...(first
        ? {
            sheet: first.table.sheet,
            cell: cellOf(first.table, first.table.headerRow, "date"),
            row: first.table.headerRow,
          }
        : {}),
    });
  }
  const firstMeals = mealTables[0];
  if (firstMeals && !revenueSource && mealsByMonth.size > 0)
    findings.push({
      rule: "canteen/revenue-missing",
      severity: "info",
      message: t(MSG.revenueMissing),
      clause: CLAUSE,
      sheet: firstMeals.table.sheet,
      cell: cellOf(firstMeals.table, firstMeals.table.headerRow, "date"),
      row: firstMeals.table.headerRow,
    });

  if (settlements.length > 0) {
    ctx.report(settlementReport(settlements, rolled.total, t, monthText, ctx.asOf));
    ctx.report(categoryReport(rolled.groups, notCostedByCategory, t, monthText, uncategorised));
  }
  return findings;
}

/** Adds two amounts of fen, refusing to lose a fen. */
function sumSafe(a: Fen, b: Fen): Fen {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new HouqinError("MONEY_OVERFLOW", "checkCosts: a sum is too large");
  return sum;
}

type Translate = (text: Bilingual, params?: Record<string, unknown>) => string;

/** Money as text and as exact fen, under two keys. */
function money(key: string, fen: Fen | null): Record<string, string | number | null> {
  return { [key]: fen === null ? null : formatMoney(fen), [`${key}Fen`]: fen };
}

function settlementReport(
  settlements: readonly Settlement[],
  purchasesTotal: Fen,
  t: Translate,
  monthText: (month: string) => string,
  asOf: IsoDate,
): Report {
  const row = (s: Settlement) => {
    const notes: string[] = [];
    if (s.openingSource === "carried")
      notes.push(t(MSG.noteCarried, { month: monthText(s.openingFrom ?? "") }));
    if (s.openingSource === "zero") notes.push(t(MSG.noteOpeningZero));
    if (s.closingSource === "carried")
      notes.push(t(MSG.noteCarriedBack, { month: monthText(s.closingFrom ?? "") }));
    if (s.closingSource === "zero") notes.push(t(MSG.noteClosingZero));
    if (s.openingSource === "none") notes.push(t(MSG.noteNoStock));
    if (s.lines === 0) notes.push(t(MSG.noteNoPurchases));
    if (s.mealRows === 0) notes.push(t(MSG.noteNoMeals));
    if (!s.closed) notes.push(t(MSG.noteOpen, { asOf }));
    return {
      month: monthText(s.month),
      monthKey: s.month,
      ...money("opening", s.opening),
      ...money("purchases", s.purchases),
      ...money("closing", s.closing),
      ...money("foodCost", s.foodCost),
      served: s.served,
      studentDays: s.studentDays,
      ...money("costPerMeal", perHead(s.foodCost, s.served)),
      ...money("costPerStudentDay", perHead(s.foodCost, s.studentDays)),
      ...money("revenue", s.revenue),
      ...money("surplus", s.surplus),
      surplusRate:
        s.surplus === null || s.revenue === null || s.revenue <= 0
          ? null
          : percentText(s.surplus, s.revenue, 1),
      lines: s.lines,
      notCosted: s.notCosted,
      note: notes.join(t({ "zh-CN": "；", en: "; " })),
    };
  };
  const foodCost = settlements.reduce((sum, s) => sumSafe(sum, s.foodCost), 0);
  const served = settlements.reduce((sum, s) => sum + s.served, 0);
  const studentDays = settlements.reduce((sum, s) => sum + s.studentDays, 0);
  const allRevenue = settlements.every((s) => s.revenue !== null);
  const revenue = settlements.some((s) => s.revenue !== null)
    ? settlements.reduce((sum, s) => sumSafe(sum, s.revenue ?? 0), 0)
    : null;
  const surplus = allRevenue && revenue !== null ? sumSafe(revenue, -foodCost) : null;
  const total = {
    month: t(MSG.total),
    monthKey: null,
    // Stock is a balance, not a flow: it has no total.
    ...money("opening", null),
    ...money("purchases", purchasesTotal),
    ...money("closing", null),
    ...money("foodCost", foodCost),
    served,
    studentDays,
    ...money("costPerMeal", perHead(foodCost, served)),
    ...money("costPerStudentDay", perHead(foodCost, studentDays)),
    ...money("revenue", revenue),
    ...money("surplus", surplus),
    surplusRate:
      surplus === null || revenue === null || revenue <= 0 ? null : percentText(surplus, revenue, 1),
    lines: settlements.reduce((sum, s) => sum + s.lines, 0),
    notCosted: settlements.reduce((sum, s) => sum + s.notCosted, 0),
    note: "",
  };
  return {
    id: "canteen.settlement",
    title: tr("食堂月度结算表", "Canteen monthly settlement"),
    sheetName: tr("食堂月度结算", "Canteen settlement"),
    columns: [
      { key: "month", title: tr("月份", "Month"), width: 10 },
      { key: "openingFen", title: tr("月初库存", "Opening stock"), width: 14, format: "money" },
      { key: "purchasesFen", title: tr("本月采购", "Purchases"), width: 14, format: "money" },
      { key: "closingFen", title: tr("月末库存", "Closing stock"), width: 14, format: "money" },
      { key: "foodCostFen", title: tr("伙食成本", "Food cost"), width: 14, format: "money" },
      { key: "served", title: tr("就餐人次", "Meals served") },
      { key: "studentDays", title: tr("学生人日", "Student-days") },
      { key: "costPerMealFen", title: tr("每餐成本", "Cost per meal"), format: "money" },
      { key: "costPerStudentDayFen", title: tr("生均日成本", "Cost per student-day"), format: "money" },
      { key: "revenueFen", title: tr("餐费收入", "Revenue"), width: 14, format: "money" },
      { key: "surplusFen", title: tr("盈余", "Surplus"), width: 14, format: "money" },
      { key: "surplusRate", title: tr("盈余率", "Surplus rate") },
      { key: "lines", title: tr("采购笔数", "Purchase lines") },
      { key: "notCosted", title: tr("未计价笔数", "Lines not costed") },
      { key: "note", title: tr("备注", "Notes"), width: 30 },
    ],
    rows: [...settlements.map(row), total],
  };
}

function categoryReport(
  groups: readonly { period: string; item?: string; amount: Fen; lines: number }[],
  notCosted: ReadonlyMap<string, number>,
  t: Translate,
  monthText: (month: string) => string,
  uncategorised: string,
): Report {
  // Categories of each month: costed groups, and categories whose lines were all uncosted.
  const cells = new Map<
    string,
    { month: string; category: string; amount: Fen; lines: number; notCosted: number }
  >();
  for (const g of groups) {
    const category = g.item ?? uncategorised;
    cells.set(`${g.period}\t${category}`, {
      month: g.period,
      category,
      amount: g.amount,
      lines: g.lines,
      notCosted: 0,
    });
  }
  for (const [key, count] of notCosted) {
    const [month = "", category = ""] = key.split("\t");
    const cell = cells.get(key) ?? { month, category, amount: 0, lines: 0, notCosted: 0 };
    cell.lines += count;
    cell.notCosted += count;
    cells.set(key, cell);
  }
  const collator = new Intl.Collator("zh-CN");
  const sorted = [...cells.values()].sort(
    (a, b) =>
      (a.month < b.month ? -1 : a.month > b.month ? 1 : 0) ||
      Number(a.category === uncategorised) - Number(b.category === uncategorised) ||
      collator.compare(a.category, b.category),
  );
  const rows: Record<string, string | number | null>[] = [];
  const line = (
    month: string,
    monthKey: string | null,
    category: string,
    c: { amount: Fen; lines: number; notCosted: number },
  ) => ({
    month,
    monthKey,
    category,
    ...money("amount", c.amount),
    lines: c.lines,
    notCosted: c.notCosted,
  });
  let total = { amount: 0, lines: 0, notCosted: 0 };
  for (let i = 0; i < sorted.length; ) {
    const month = (sorted[i] as { month: string }).month;
    let sub = { amount: 0, lines: 0, notCosted: 0 };
    for (; i < sorted.length && (sorted[i] as { month: string }).month === month; i++) {
      const c = sorted[i] as { category: string; amount: Fen; lines: number; notCosted: number };
      rows.push(line(monthText(month), month, c.category, c));
      sub = {
        amount: sumSafe(sub.amount, c.amount),
        lines: sub.lines + c.lines,
        notCosted: sub.notCosted + c.notCosted,
      };
    }
    rows.push(line(monthText(month), month, t(MSG.subtotal), sub));
    total = {
      amount: sumSafe(total.amount, sub.amount),
      lines: total.lines + sub.lines,
      notCosted: total.notCosted + sub.notCosted,
    };
  }
  rows.push(line(t(MSG.total), null, "", total));
  return {
    id: "canteen.purchases-by-category",
    title: tr("食堂采购月度汇总", "Canteen purchases by month and category"),
    sheetName: tr("食堂采购月度汇总", "Canteen purchases"),
    columns: [
      { key: "month", title: tr("月份", "Month"), width: 10 },
      { key: "category", title: tr("类别", "Category"), width: 12 },
      { key: "amountFen", title: tr("金额", "Amount"), width: 14, format: "money" },
      { key: "lines", title: tr("笔数", "Lines") },
      { key: "notCosted", title: tr("未计价笔数", "Lines not costed") },
    ],
    rows,
  };
}

/** The food-cost and monthly-settlement check as the apps run it (三(三)5). */
export const costCheck: Check = {
  id: "canteen/costs",
  title: tr("伙食成本核算与月度结算", "Food cost and monthly settlement"),
  kinds: [purchases, meals, stock],
  run: checkCosts,
};
