import { addDaysIso, isoToSerial, serialToIso } from "@houqin/core";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  depreciation,
  fen,
  isSchoolDay,
  netValue,
  nextDueDate,
  nextSchoolDay,
} from "../functions/functions.js";
import { InvalidValueError, invalidValue } from "../functions/valueError.js";

const serial = (iso: string) => isoToSerial(iso, "1900");
const iso = (value: number) => serialToIso(value, "1900");

/** The error a call throws, as Excel would see it: its code and message. */
function errorOf(call: () => unknown): { code: unknown; message: unknown } {
  try {
    call();
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return { code, message };
  }
  throw new Error("the call did not throw");
}

/** Excel passes null for an omitted argument or an empty cell; the signatures do not say so. */
const NULL = null as unknown as string;

describe("ISSCHOOLDAY", () => {
  it("follows National Day 2024: 1–7 October off, the 调休 Sunday before and Saturday after on", () => {
    expect(isSchoolDay("2024-09-27")).toBe(true);
    expect(isSchoolDay("2024-09-28")).toBe(false);
    expect(isSchoolDay("2024-09-29")).toBe(true);
    expect(isSchoolDay("2024-09-30")).toBe(true);
    for (let day = 1; day <= 7; day++) expect(isSchoolDay(`2024-10-0${day}`)).toBe(false);
    expect(isSchoolDay("2024-10-08")).toBe(true);
    expect(isSchoolDay("2024-10-12")).toBe(true);
    expect(isSchoolDay("2024-10-13")).toBe(false);
  });

  it("reads a date serial and date text alike", () => {
    expect(serial("2024-09-02")).toBe(45537);
    expect(isSchoolDay(45537)).toBe(true);
    expect(isSchoolDay(45537.75)).toBe(true);
    expect(isSchoolDay(serial("2024-10-05"))).toBe(false);
    expect(isSchoolDay("2024年10月12日")).toBe(true);
    expect(isSchoolDay("２０２４年１０月５日")).toBe(false);
    expect(isSchoolDay("2024/10/12（周六）")).toBe(true);
    expect(isSchoolDay("2024-10-06 08:30")).toBe(false);
    expect(isSchoolDay(20241012)).toBe(true);
  });

  it("reads an Excel data type by its basic value", () => {
    const formatted = { type: "FormattedNumber", basicValue: 45537, numberFormat: "yyyy/m/d" };
    expect(isSchoolDay(formatted as unknown as number)).toBe(true);
  });

  it("gives #VALUE! with a message in both languages for what is not a date", () => {
    expect(errorOf(() => isSchoolDay("abc"))).toMatchInlineSnapshot(`
      {
        "code": "#VALUE!",
        "message": "日期无法识别：“abc”，可写作 2024-09-02 或 2024年9月2日（cannot read the date: "abc"; write a date like 2024-09-02）",
      }
    `);
    expect(errorOf(() => isSchoolDay(NULL)).message).toBe("日期为空（the date is blank）");
    expect(errorOf(() => isSchoolDay("  ")).message).toBe("日期为空（the date is blank）");
    expect(errorOf(() => isSchoolDay("10月1日")).message).toBe(
      '日期“10月1日”没有写年份，请写完整日期，如 2024年9月2日（the date "10月1日" has no year; write the full date, like 2024-09-02）',
    );
    expect(errorOf(() => isSchoolDay("2300-01-01")).message).toContain("不在 1900–2200 年之间");
    expect(errorOf(() => isSchoolDay("#REF!")).message).toBe(
      "日期是错误值“#REF!”（the date is the error value #REF!）",
    );
    expect(errorOf(() => isSchoolDay(60)).code).toBe("#VALUE!");
    expect(errorOf(() => isSchoolDay(-1)).code).toBe("#VALUE!");
    expect(errorOf(() => isSchoolDay(true as unknown as number)).message).toContain("“true”");
  });
});

describe("NEXTSCHOOLDAY", () => {
  it("gives the next school day as a date serial, past National Day and onto a 调休 Saturday", () => {
    expect(nextSchoolDay("2024-09-30")).toBe(45573);
    expect(iso(nextSchoolDay("2024-09-30"))).toBe("2024-10-08");
    expect(iso(nextSchoolDay("2024-10-11"))).toBe("2024-10-12");
    expect(iso(nextSchoolDay(serial("2024-10-12")))).toBe("2024-10-14");
    expect(iso(nextSchoolDay("2024年9月28日"))).toBe("2024-09-29");
  });

  it("counts n school days forward, back for a negative n, and stays put or moves on for 0", () => {
    expect(iso(nextSchoolDay("2024-09-27", 3))).toBe("2024-10-08");
    expect(iso(nextSchoolDay("2024-10-08", -1))).toBe("2024-09-30");
    expect(iso(nextSchoolDay("2024-10-08", -3))).toBe("2024-09-27");
    expect(iso(nextSchoolDay("2024-10-03", 0))).toBe("2024-10-08");
    expect(iso(nextSchoolDay("2024-10-08", 0))).toBe("2024-10-08");
  });

  it("takes 1 for an omitted n and cuts a fraction off toward zero, as WORKDAY does", () => {
    expect(nextSchoolDay("2024-09-30", NULL as unknown as number)).toBe(serial("2024-10-08"));
    expect(nextSchoolDay("2024-09-30", undefined)).toBe(serial("2024-10-08"));
    expect(iso(nextSchoolDay("2024-09-30", 2.9))).toBe("2024-10-09");
    expect(iso(nextSchoolDay("2024-10-08", -1.5))).toBe("2024-09-30");
  });

  it("gives #VALUE! for a bad date or n", () => {
    expect(errorOf(() => nextSchoolDay("2024-13-01")).message).toContain("日期无法识别");
    expect(errorOf(() => nextSchoolDay("2024-09-30", "两" as unknown as number))).toMatchInlineSnapshot(`
      {
        "code": "#VALUE!",
        "message": "天数 n应为整数：“两”（n must be a whole number: "两"）",
      }
    `);
    expect(errorOf(() => nextSchoolDay("2024-09-30", Number.NaN)).code).toBe("#VALUE!");
    expect(errorOf(() => nextSchoolDay("2024-09-30", 1e6)).message).toBe(
      "天数 n超出范围：1000000（最多 ±10000）（n is out of range: 1000000 (at most ±10000)）",
    );
    expect(errorOf(() => nextSchoolDay("1900-01-02", -5)).message).toContain("早于 1900年1月1日");
  });

  it("always lands on a school day, after the date for n > 0 and before it for n < 0", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: -40, max: 40 }), (offset, n) => {
        const date = addDaysIso("2024-01-01", offset);
        const result = nextSchoolDay(date, n);
        expect(isSchoolDay(result)).toBe(true);
        if (n > 0) expect(result).toBeGreaterThan(serial(date));
        if (n < 0) expect(result).toBeLessThan(serial(date));
        if (n === 0) expect(result).toBeGreaterThanOrEqual(serial(date));
      }),
      { numRuns: 200 },
    );
  });
});

describe("DEPRECIATION and NETVALUE", () => {
  it("depreciate 通用设备 over 5 years from the month acquired, booked at each month's end", () => {
    // ¥7,200 over 60 months is ¥120 a month; September 2023 to August 2024 is 12 months.
    expect(depreciation(7200, "通用设备", "2023-09-10", "2024-08-31")).toBe(1440);
    expect(netValue(7200, "通用设备", "2023-09-10", "2024-08-31")).toBe(5760);
    // On 15 August, August is not booked yet.
    expect(depreciation(7200, "通用设备", "2023-09-10", "2024-08-15")).toBe(1320);
    // 次月: from October 2023.
    expect(depreciation(7200, "通用设备", "2023-09-10", "2024-08-31", "次月")).toBe(1320);
    expect(depreciation(7200, "通用设备", "2023-09-10", "2024-08-31", "当月")).toBe(1440);
  });

  it("spread a cost that does not divide evenly, the first months taking the odd fen", () => {
    // 家具: 15 years, 180 months. 1,000,000 fen = 180 × 5,555 + 100: the first 100 months take 5,556.
    expect(depreciation("¥10,000.00", "家具", serial("2024-01-05"), serial("2024-12-31"))).toBe(666.72);
    expect(netValue("¥10,000.00", "家具", serial("2024-01-05"), serial("2024-12-31"))).toBe(9333.28);
  });

  it("take a life in years instead of a category", () => {
    // 6 years = 72 months of ¥100.
    expect(depreciation(7200, 6, "2023-09-10", "2024-08-31")).toBe(1200);
    expect(depreciation(7200, "6年", "2023-09-10", "2024-08-31")).toBe(1200);
    expect(depreciation(7200, "0.5", "2023-09-10", "2024-08-31")).toBe(7200);
  });

  it("use the class of the category: buildings 50 years, computers 6, books not at all", () => {
    // 房屋及构筑物: 600 months of ¥1,000.
    expect(depreciation(600000, "房屋及构筑物", "2020-01-01", "2020-12-31")).toBe(12000);
    // 计算机设备: 72 months of ¥100; fully depreciated after 6 years.
    expect(depreciation(7200, "计算机设备", "2015-03-01", "2024-08-31")).toBe(7200);
    expect(netValue(7200, "计算机设备", "2015-03-01", "2024-08-31")).toBe(0);
    expect(depreciation(5000, "图书", "2020-01-01", "2024-08-31")).toBe(0);
    expect(netValue(5000, "图书", "2020-01-01", "2024-08-31")).toBe(5000);
  });

  it("give nothing before the asset is acquired", () => {
    expect(depreciation(7200, "通用设备", "2024-09-01", "2024-08-31")).toBe(0);
    expect(netValue(7200, "通用设备", "2024-09-01", "2024-08-31")).toBe(7200);
  });

  it("add up to the cost and never exceed it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.constantFrom("通用设备", "家具", "计算机设备", "车辆", 3, 12.5),
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 0, max: 7300 }),
        (costFen, category, acquired, held) => {
          const from = addDaysIso("2010-01-01", acquired);
          const asOf = addDaysIso(from, held);
          const dep = Math.round(depreciation(costFen / 100, category, from, asOf) * 100);
          const net = Math.round(netValue(costFen / 100, category, from, asOf) * 100);
          expect(dep + net).toBe(costFen);
          expect(dep).toBeGreaterThanOrEqual(0);
          expect(dep).toBeLessThanOrEqual(costFen);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("give #VALUE! for a bad cost, category, life, date or start", () => {
    expect(errorOf(() => depreciation(-1, "家具", "2024-01-01", "2024-12-31")).message).toBe(
      '原值不能为负数：“-1”（the cost cannot be negative: "-1"）',
    );
    expect(errorOf(() => depreciation("七千", "家具", "2024-01-01", "2024-12-31")).message).toContain(
      "原值无法识别：“七千”",
    );
    expect(errorOf(() => netValue(7200, "杂物", "2024-01-01", "2024-12-31"))).toMatchInlineSnapshot(`
      {
        "code": "#VALUE!",
        "message": "资产类别无法识别：“杂物”，可写作 通用设备、计算机设备、家具、房屋及构筑物，或折旧年限（年数）（unknown asset category "杂物"; write e.g. 通用设备, 计算机设备, 家具, or the life in years）",
      }
    `);
    expect(errorOf(() => depreciation(7200, NULL, "2024-01-01", "2024-12-31")).message).toBe(
      "资产类别为空（the asset category is blank）",
    );
    expect(errorOf(() => depreciation(7200, 0, "2024-01-01", "2024-12-31")).message).toContain("折旧年限");
    expect(errorOf(() => depreciation(7200, 6.01, "2024-01-01", "2024-12-31")).code).toBe("#VALUE!");
    expect(errorOf(() => depreciation(7200, 120, "2024-01-01", "2024-12-31")).code).toBe("#VALUE!");
    expect(errorOf(() => depreciation(7200, "家具", "去年", "2024-12-31")).message).toContain(
      "购置日期无法识别",
    );
    expect(errorOf(() => netValue(7200, "家具", "2024-01-01", NULL)).message).toBe(
      "计算日期为空（the as-of date is blank）",
    );
    expect(errorOf(() => depreciation(7200, "家具", "2024-01-01", "2024-12-31", "上月")).message).toBe(
      '折旧起始应为“当月”或“次月”：“上月”（the depreciation start is 当月 (same month) or 次月 (next month): "上月"）',
    );
  });
});

describe("NEXTDUE", () => {
  it("plans the next occurrence on school days, as the safety schedule does", () => {
    expect(iso(nextDueDate("每天", serial("2024-09-30")))).toBe("2024-10-08");
    expect(iso(nextDueDate("每日", "2024-10-11"))).toBe("2024-10-12");
    // Done on Tuesday the 8th: this week's Friday is fulfilled; the next is Friday the 18th.
    expect(nextDueDate("每周五", "2024-10-08")).toBe(serial("2024-10-18"));
    // The week of 30 September has one school day, the Monday.
    expect(iso(nextDueDate("每周五下午", "2024-09-27"))).toBe("2024-09-30");
    expect(iso(nextDueDate("每月15日", "2024-10-15"))).toBe("2024-11-15");
    expect(iso(nextDueDate("每月", "2024-09-20"))).toBe("2024-10-08");
    expect(iso(nextDueDate("每学期第6周", "2024-09-02"))).toBe("2025-03-10");
    // 9 November 2024 is a Saturday: the fire drill is held on Friday the 8th.
    expect(iso(nextDueDate("消防日", "2024-10-20"))).toBe("2024-11-08");
  });

  it("gives #VALUE! for a cadence it cannot read or a bad date", () => {
    expect(errorOf(() => nextDueDate("每两天", "2024-10-08"))).toMatchInlineSnapshot(`
      {
        "code": "#VALUE!",
        "message": "周期无法识别：“每两天”，可写作 每天、每周五、每半月、每月15日、每学期第6周、5.12（the cadence is not understood: "每两天"; write e.g. 每天, 每周五, 每月15日, 每学期第6周）",
      }
    `);
    expect(errorOf(() => nextDueDate(NULL, "2024-10-08")).message).toBe("周期为空（the cadence is blank）");
    expect(errorOf(() => nextDueDate(5 as unknown as string, "2024-10-08")).message).toContain(
      "周期无法识别：“5”",
    );
    expect(errorOf(() => nextDueDate("每天", "昨天")).message).toContain("上次日期无法识别：“昨天”");
  });
});

describe("FEN", () => {
  it("reads money text and numbers of yuan into whole fen", () => {
    expect(fen("¥1,234.50")).toBe(123450);
    expect(fen("1234.5元")).toBe(123450);
    expect(fen("￥１，２３４．５０")).toBe(123450);
    expect(fen("1.2万元")).toBe(1200000);
    expect(fen("（100.00）")).toBe(-10000);
    expect(fen("5角")).toBe(50);
    expect(fen("0.125")).toBe(13);
    expect(fen(1234.5)).toBe(123450);
    expect(fen(0.1 + 0.2)).toBe(30);
  });

  it("gives #VALUE! for what is not an amount, 大写 amounts among them", () => {
    expect(errorOf(() => fen("abc"))).toMatchInlineSnapshot(`
      {
        "code": "#VALUE!",
        "message": "金额无法识别：“abc”，可写作 ¥1,234.50 或 1234.5元（cannot read the amount: "abc"; write an amount like ¥1,234.50 or 1234.5元）",
      }
    `);
    expect(errorOf(() => fen("壹仟贰佰叁拾肆元伍角")).message).toContain("金额无法识别");
    expect(errorOf(() => fen("")).message).toBe("金额为空（the amount is blank）");
    expect(errorOf(() => fen("1e30")).code).toBe("#VALUE!");
    expect(errorOf(() => fen(true as unknown as number)).message).toContain("金额无法识别：“true”");
  });
});

describe("invalidValue", () => {
  const global = globalThis as { CustomFunctions?: unknown };
  afterEach(() => {
    delete global.CustomFunctions;
  });

  it("is an Error with code #VALUE! outside Excel", () => {
    const error = invalidValue({ "zh-CN": "日期为空", en: "the date is blank" });
    expect(error).toBeInstanceOf(InvalidValueError);
    expect(error).toMatchObject({ code: "#VALUE!", message: "日期为空（the date is blank）" });
  });

  it("is a CustomFunctions.Error inside Excel's runtime", () => {
    class RuntimeError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    global.CustomFunctions = { Error: RuntimeError, ErrorCode: { invalidValue: "#VALUE!" } };
    const thrown = errorOf(() => fen("abc"));
    expect(thrown.code).toBe("#VALUE!");
    const error = invalidValue({ "zh-CN": "金额为空", en: "the amount is blank" });
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error).toMatchObject({ code: "#VALUE!", message: "金额为空（the amount is blank）" });
  });
});
