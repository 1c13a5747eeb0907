import { createRequire } from "node:module";
import { getDay } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HouqinError } from "../errors.js";
import { dateToIso, isoToDate } from "../isoDate.js";
import { holidayDataCovers, holidayName, isWorkday, statutoryDay } from "../statutoryCalendar.js";

/** The package's data as it ships it, keyed by date text: an oracle that does not depend on the time zone. */
const data = createRequire(import.meta.url)("chinese-days/dist/chinese-days.json") as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

function oracleWorkday(date: string): boolean {
  const weekday = getDay(isoToDate(date));
  return Boolean(data.workdays[date]) || (weekday >= 1 && weekday <= 5 && !data.holidays[date]);
}

const anyDate2004To2028 = fc
  .date({ min: new Date(2004, 0, 1), max: new Date(2028, 11, 31), noInvalidDate: true })
  .map(dateToIso);

describe("statutoryDay", () => {
  it("knows the National Day holiday of 2023 and its make-up weekend", () => {
    expect(statutoryDay("2023-10-02")).toEqual({
      date: "2023-10-02",
      kind: "holiday",
      workday: false,
      holiday: { "zh-CN": "国庆节", en: "National Day" },
    });
    expect(statutoryDay("2023-10-07")).toEqual({
      date: "2023-10-07",
      kind: "makeUpWorkday",
      workday: true,
      holiday: { "zh-CN": "国庆节", en: "National Day" },
    });
    expect(statutoryDay("2023-10-08").kind).toBe("makeUpWorkday");
  });

  it("tells plain weekdays from weekends", () => {
    expect(statutoryDay("2023-10-09")).toEqual({ date: "2023-10-09", kind: "weekday", workday: true });
    expect(statutoryDay("2023-10-14")).toEqual({ date: "2023-10-14", kind: "weekend", workday: false });
  });

  it("throws INVALID_DATE for a date that does not exist", () => {
    expect(() => statutoryDay("2023-02-30")).toThrow(HouqinError);
    expect(() => statutoryDay("2023-02-30")).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
  });
});

describe("isWorkday", () => {
  it("follows the 2023–2024 holidays and make-up days", () => {
    expect(isWorkday("2023-09-29")).toBe(false); // Mid-Autumn, a Friday
    expect(isWorkday("2023-10-06")).toBe(false);
    expect(isWorkday("2023-10-07")).toBe(true); // make-up Saturday
    expect(isWorkday("2024-02-04")).toBe(true); // make-up Sunday
    expect(isWorkday("2024-02-18")).toBe(true); // make-up Sunday
    expect(isWorkday("2024-02-12")).toBe(false); // Spring Festival, a Monday
  });

  it("treats every Monday–Friday as a workday in a year without data", () => {
    expect(isWorkday("2030-01-01")).toBe(true); // a Tuesday
    expect(isWorkday("2030-01-05")).toBe(false); // a Saturday
  });

  it("agrees with the package's shipped data on every date", () => {
    fc.assert(
      fc.property(anyDate2004To2028, (date) => isWorkday(date) === oracleWorkday(date)),
      { seed: 20230901, numRuns: 2000 },
    );
  });
});

describe("holidayName", () => {
  it("names holidays in Chinese and English", () => {
    expect(holidayName("2023-10-01")).toEqual({ "zh-CN": "国庆节", en: "National Day" });
    expect(holidayName("2023-09-29")).toEqual({ "zh-CN": "中秋", en: "Mid-autumn Festival" });
    expect(holidayName("2024-02-10")).toEqual({ "zh-CN": "春节", en: "Spring Festival" });
  });

  it("gives nothing for a make-up workday or an ordinary day", () => {
    expect(holidayName("2023-10-07")).toBeUndefined();
    expect(holidayName("2023-10-09")).toBeUndefined();
    expect(holidayName("2023-10-14")).toBeUndefined();
  });
});

describe("holidayDataCovers", () => {
  it("covers exactly the years the package ships data for", () => {
    const shipped = new Set(Object.keys(data.holidays).map((date) => Number(date.slice(0, 4))));
    for (let year = 1990; year <= 2040; year++) {
      expect(holidayDataCovers(year)).toBe(shipped.has(year));
    }
  });

  it("covers 2023 and 2024 and no year before 2004", () => {
    expect(holidayDataCovers(2023)).toBe(true);
    expect(holidayDataCovers(2024)).toBe(true);
    expect(holidayDataCovers(2003)).toBe(false);
    expect(holidayDataCovers(2023.5)).toBe(false);
  });
});
