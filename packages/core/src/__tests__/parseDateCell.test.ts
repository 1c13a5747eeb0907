import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cell } from "../cell.js";
import { isoToSerial } from "../excelSerial.js";
import { parseDateCell } from "../parseDateCell.js";

const textCell = (text: string): Cell => ({ value: text, text });

function read(cell: Cell, options?: Parameters<typeof parseDateCell>[1]): string {
  const result = parseDateCell(cell, options);
  return result.ok ? result.value : result.code;
}

describe("parseDateCell", () => {
  it.each([
    "2023年9月1日",
    "2023年09月01日",
    "2023 年 9 月 1 日",
    "2023年9月1号",
    "2023/9/1",
    "2023/09/01",
    "2023.9.1",
    "2023-09-01",
    "2023-9-1",
    "20230901",
    "２０２３－０９－０１",
    "２０２３年９月１日",
    " 2023-09-01 ",
  ])("reads the text %s as 2023-09-01", (text) => {
    expect(read(textCell(text))).toBe("2023-09-01");
  });

  it.each([
    "2023-09-01 08:30",
    "2023/9/1 8:30:00",
    "2023-09-01T08:30:00",
    "2023-09-01T08:30:00Z",
    "2023-09-01 8:30 AM",
    "2023年9月1日 下午3:15",
    "2023年9月1日8时30分",
    "2023年9月1日(周五)",
    "2023年9月1日（周五）",
    "2023年9月1日 星期五",
    "2023/9/1 星期五 08:30",
    "2023-09-01(周五) 08:30",
  ])("ignores the time and weekday in %s", (text) => {
    expect(read(textCell(text))).toBe("2023-09-01");
  });

  it.each(["9月1日", "9/1", "09-01", "9.1", "9 月 1 日"])(
    "reads %s without a year in the default year",
    (text) => {
      expect(read(textCell(text), { defaultYear: 2024 })).toBe("2024-09-01");
    },
  );

  it("calls a date without a year ambiguous when no default year is given", () => {
    expect(parseDateCell(textCell("9月1日"))).toMatchInlineSnapshot(`
      {
        "code": "ambiguous-date",
        "message": {
          "en": ""9月1日" has no year, so houqin cannot tell which day it is (write the full date, like 2023-09-01)",
          "zh-CN": "“9月1日”没有写年份，无法确定是哪一天（请写成 2023年9月1日 这样的完整日期）",
        },
        "ok": false,
      }
    `);
  });

  it("refuses February 29 without a year in a common default year", () => {
    expect(read(textCell("2月29日"), { defaultYear: 2023 })).toBe("not-a-date");
    expect(read(textCell("2月29日"), { defaultYear: 2024 })).toBe("2024-02-29");
  });

  it.each([
    ["23年9月1日", "2023-09-01"],
    ["85年3月12日", "1985-03-12"],
    ["23/9/1", "2023-09-01"],
    ["23-09-01", "2023-09-01"],
    ["85.3.12", "1985-03-12"],
  ])("reads the two-digit year in %s as %s", (text, iso) => {
    expect(read(textCell(text))).toBe(iso);
  });

  it.each(["9/1/23", "12/31/23", "1/2/03"])("refuses %s, which could be American month/day/year", (text) => {
    expect(read(textCell(text))).toBe("not-a-date");
  });

  it.each(["12/31/2023", "31/12/2023", "1/9/2023", "9-1-2023"])(
    "refuses %s rather than guess the order",
    (text) => {
      expect(read(textCell(text))).toBe("not-a-date");
    },
  );

  it.each([
    "2023-02-30",
    "2023年13月1日",
    "2023/4/31",
    "20230230",
    "2023-9/1",
    "2023年9月",
    "明天",
    "abc",
    "45170",
  ])("refuses %s as not a date", (text) => {
    expect(read(textCell(text))).toBe("not-a-date");
  });

  it("explains a refusal in Chinese and English, quoting the text", () => {
    expect(parseDateCell(textCell("12/31/2023"))).toMatchInlineSnapshot(`
      {
        "code": "not-a-date",
        "message": {
          "en": ""12/31/2023" is not a date houqin can read (write it like 2023-09-01 or 2023年9月1日)",
          "zh-CN": "“12/31/2023”不是可识别的日期（可写作 2023-09-01 或 2023年9月1日）",
        },
        "ok": false,
      }
    `);
  });

  it("calls a real date outside 1900–2200 out of range", () => {
    expect(read(textCell("1899-12-31"))).toBe("out-of-range");
    expect(read(textCell("2201-01-01"))).toBe("out-of-range");
  });

  it("reads a 1900-system serial", () => {
    expect(read({ value: 45170, text: "2023/9/1" })).toBe("2023-09-01");
    expect(read({ value: 45170.354, text: "2023/9/1 8:30" })).toBe("2023-09-01");
    expect(read({ value: 61, text: "1900/3/1" })).toBe("1900-03-01");
    expect(read({ value: 1, text: "1900/1/1" })).toBe("1900-01-01");
  });

  it("refuses serial 60, Excel's phantom 1900-02-29", () => {
    expect(parseDateCell({ value: 60, text: "1900/2/29" })).toMatchInlineSnapshot(`
      {
        "code": "not-a-date",
        "message": {
          "en": ""1900/2/29" is Excel's phantom date 1900-02-29, a day that never existed",
          "zh-CN": "“1900/2/29”是 Excel 虚构的日期 1900年2月29日（1900年没有2月29日）",
        },
        "ok": false,
      }
    `);
  });

  it("reads a serial of a 1904-system file", () => {
    expect(read({ value: 43708, text: "2023/9/1" }, { dateSystem: "1904" })).toBe("2023-09-01");
    expect(read({ value: 60, text: "1904/3/1" }, { dateSystem: "1904" })).toBe("1904-03-01");
    expect(read({ value: 0, text: "1904/1/1" }, { dateSystem: "1904" })).toBe("1904-01-01");
  });

  it("reads an 8-digit number as yyyymmdd", () => {
    expect(read({ value: 20230901, text: "20230901" })).toBe("2023-09-01");
    expect(read({ value: 20230230, text: "20230230" })).toBe("not-a-date");
  });

  it.each([0, -1, 0.5, 1e9, 2958465, Number.NaN, Number.POSITIVE_INFINITY])(
    "refuses the number %d as a 1900-system date",
    (value) => {
      expect(read({ value, text: "" })).toBe("not-a-date");
    },
  );

  it("accepts serials up to the end of 2200", () => {
    const last = isoToSerial("2200-12-31", "1900");
    expect(read({ value: last, text: "" })).toBe("2200-12-31");
    expect(read({ value: last + 1, text: "" })).toBe("not-a-date");
  });

  it("reports an error value with its code", () => {
    expect(parseDateCell({ value: { error: "#REF!" }, text: "#REF!" })).toEqual({
      ok: false,
      code: "error-value",
      message: { "zh-CN": "单元格是错误值 #REF!", en: "The cell holds the error value #REF!" },
    });
    expect(read(textCell("#N/A"))).toBe("error-value");
  });

  it("calls an empty cell or white-space text blank", () => {
    expect(read({ value: null, text: "" })).toBe("blank");
    expect(read(textCell(" \u3000 "))).toBe("blank");
  });

  it("refuses a boolean", () => {
    expect(read({ value: true, text: "TRUE" })).toBe("not-a-date");
  });

  it("throws INVALID_ARGUMENT for a default year that is not a year", () => {
    expect(() => parseDateCell(textCell("9月1日"), { defaultYear: 2023.5 })).toThrow(/defaultYear/);
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })), (s) => {
        const result = parseDateCell(textCell(s), { defaultYear: 2023 });
        expect(typeof result.ok).toBe("boolean");
      }),
    );
  });

  it("never throws on strings built from date characters", () => {
    const dateChar = fc.constantFrom(..."0123456789年月日号/.-: 周星期五()（）TZ上午");
    fc.assert(
      fc.property(fc.string({ unit: dateChar, maxLength: 25 }), (s) => {
        const result = parseDateCell(textCell(s));
        if (result.ok) expect(result.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });

  it("never throws on any number", () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom("1900" as const, "1904" as const), (value, dateSystem) => {
        const result = parseDateCell({ value, text: "" }, { dateSystem });
        expect(typeof result.ok).toBe("boolean");
      }),
    );
  });

  it("reads back any date from 1900 to 2200 written as yyyy年M月d日, yyyy/M/d, yyyy.M.d or yyyy-MM-dd", () => {
    const date = fc.record({
      year: fc.integer({ min: 1900, max: 2200 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    });
    fc.assert(
      fc.property(date, ({ year, month, day }) => {
        const utc = new Date(Date.UTC(year, month - 1, day));
        fc.pre(utc.getUTCDate() === day);
        const mm = String(month).padStart(2, "0");
        const dd = String(day).padStart(2, "0");
        const iso = `${year}-${mm}-${dd}`;
        for (const text of [
          `${year}年${month}月${day}日`,
          `${year}/${month}/${day}`,
          `${year}.${month}.${day}`,
          iso,
        ]) {
          expect(read(textCell(text))).toBe(iso);
        }
      }),
    );
  });
});
