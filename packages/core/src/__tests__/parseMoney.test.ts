import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numberToDecimal, roundHalfAwayFromZero } from "../decimalParts.js";
import { formatMoney } from "../formatMoney.js";
import { parseMoney } from "../parseMoney.js";

function fen(input: string | number): number | string {
  const result = parseMoney(input);
  return result.ok ? result.value : result.code;
}

describe("parseMoney", () => {
  it.each([
    ["¥1,234.50", 123450],
    ["￥1,234.50", 123450],
    ["￥１，２３４．５０", 123450],
    ["１２３４.５０", 123450],
    ["1234.5元", 123450],
    ["1234.5 元", 123450],
    ["1234元整", 123400],
    ["RMB 12", 1200],
    ["rmb12", 1200],
    ["CNY 12.3", 1230],
    ["12 RMB", 1200],
    ["人民币100", 10000],
    ["1,234,567.89", 123456789],
    ["1，234", 123400],
    ["  12.3  ", 1230],
    ["0.5", 50],
    [".5", 50],
    ["5.", 500],
    ["0", 0],
    ["-0", 0],
    ["3角", 30],
    ["5分", 5],
    ["12块", 1200],
  ])("reads %s as %i fen", (input, expected) => {
    expect(fen(input)).toBe(expected);
  });

  it.each([
    ["(100.00)", -10000],
    ["（100.00）", -10000],
    ["(¥1,234.50)", -123450],
    ["¥(1,234.50)", -123450],
    ["-100", -10000],
    ["－100", -10000],
    ["\u2212100", -10000],
    ["-¥1,234.50", -123450],
    ["¥-1,234.50", -123450],
    ["- 5", -500],
    ["+5", 500],
  ])("reads the negative or signed amount %s as %i fen", (input, expected) => {
    expect(fen(input)).toBe(expected);
  });

  it.each([
    ["1.2万", 1200000],
    ["1.2万元", 1200000],
    ["３万", 3000000],
    ["0.5亿元", 5000000000],
  ])("reads %s with 万 or 亿 as %i fen", (input, expected) => {
    expect(fen(input)).toBe(expected);
  });

  it.each([
    ["1.005", 101],
    ["1.004", 100],
    ["-1.005", -101],
    ["0.0049", 0],
    ["2.675", 268],
    ["1.23456万", 1234560],
  ])("rounds %s half away from zero to %i fen", (input, expected) => {
    expect(fen(input)).toBe(expected);
  });

  it.each([
    [1234.5, 123450],
    [0.1, 10],
    [0.1 + 0.2, 30],
    [1.005, 101],
    [-2.675, -268],
    [1e-7, 0],
    [12, 1200],
    [-0, 0],
  ])("reads the number %d through its shortest decimal text as %i fen", (input, expected) => {
    expect(fen(input)).toBe(expected);
  });

  it.each(["", "   ", "\u3000\n"])("calls %j blank", (input) => {
    expect(fen(input)).toBe("blank");
  });

  it.each(["#REF!", "#n/a", "＃ＤＩＶ／０！"])("calls the error literal %s an error value", (input) => {
    expect(fen(input)).toBe("error-value");
  });

  it.each([
    "abc",
    "1,5",
    "12,34.5",
    "1.2.3",
    "1e3",
    "Infinity",
    "NaN",
    "0x10",
    "--5",
    "(-5)",
    "¥",
    ".",
    "12/31",
    "3角5分",
    "1 234",
    "$12",
    "1万亿",
  ])("refuses %j as not money", (input) => {
    expect(fen(input)).toBe("not-money");
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])("refuses the number %d as not money", (input) => {
    expect(fen(input)).toBe("not-money");
  });

  it.each(["90071992547409.92", "90071992547409.915", "100000000000000000000", "9".repeat(5000)])(
    "calls %s out of range",
    (input) => {
      expect(fen(input)).toBe("out-of-range");
    },
  );

  it("reads the largest safe amount", () => {
    expect(fen("90071992547409.91")).toBe(Number.MAX_SAFE_INTEGER);
    expect(fen("-90,071,992,547,409.91")).toBe(-Number.MAX_SAFE_INTEGER);
    expect(fen(1e21)).toBe("out-of-range");
  });

  it("explains a refusal in Chinese and English, quoting the text", () => {
    expect(parseMoney("十二块")).toMatchInlineSnapshot(`
      {
        "code": "not-money",
        "message": {
          "en": ""十二块" is not an amount houqin can read (write it like ¥1,234.50 or 1234.5元)",
          "zh-CN": "“十二块”不是可识别的金额（可写作 ¥1,234.50 或 1234.5元）",
        },
        "ok": false,
      }
    `);
  });

  it("cuts a long offending text in the message", () => {
    const result = parseMoney(`x${"9".repeat(10_000)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message["zh-CN"].length).toBeLessThan(100);
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })), (s) => {
        const result = parseMoney(s);
        expect(typeof result.ok).toBe("boolean");
        if (result.ok) expect(Number.isSafeInteger(result.value)).toBe(true);
      }),
    );
  });

  it("never throws on strings built from money characters", () => {
    const moneyChar = fc.constantFrom(..."0123456789,.，．-－+()（）¥￥元万亿角分 RMB人民币e");
    fc.assert(
      fc.property(fc.string({ unit: moneyChar, maxLength: 30 }), (s) => {
        const result = parseMoney(s);
        if (result.ok) expect(Number.isSafeInteger(result.value)).toBe(true);
      }),
    );
  });

  it("never throws on any number and yields safe integers", () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        const result = parseMoney(n);
        if (result.ok) expect(Number.isSafeInteger(result.value)).toBe(true);
      }),
    );
  });

  it("reads a number in float arithmetic exactly as through its shortest decimal text", () => {
    // The decimal way, which parseMoney takes for every number its float way does not answer.
    const byDecimal = (n: number): number | undefined => {
      const parts = numberToDecimal(n);
      const fen = parts && roundHalfAwayFromZero({ ...parts, exponent: parts.exponent + 2 }, 16);
      return fen === undefined ||
        fen > BigInt(Number.MAX_SAFE_INTEGER) ||
        -fen > BigInt(Number.MAX_SAFE_INTEGER)
        ? undefined
        : Number(fen);
    };
    const twoPlaces = fc.integer({ min: -(10 ** 15), max: 10 ** 15 }).map((cents) => cents / 100);
    const threePlaces = fc.integer({ min: -(10 ** 12), max: 10 ** 12 }).map((mills) => mills / 1000);
    const edges = fc.constantFrom(
      0,
      -0,
      0.01,
      -0.01,
      0.005,
      1.005,
      2.675,
      0.1 + 0.2,
      999_999_999_999.99,
      -999_999_999_999.99,
      1e12,
      1e12 - 0.01,
      1e12 + 0.01,
      9_007_199_254_740.99,
      1e-7,
      5e-324,
      Number.MAX_VALUE,
    );
    fc.assert(
      fc.property(fc.oneof(twoPlaces, threePlaces, fc.double(), edges), (n) => {
        const result = parseMoney(n);
        const expected = byDecimal(n);
        if (expected === undefined) expect(result.ok).toBe(false);
        else expect(result).toEqual({ ok: true, value: expected });
        if (result.ok) expect(Object.is(result.value, -0)).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });

  it("reads back every amount formatMoney writes, with and without symbol and grouping", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1_000_000, max: 1_000_000 }),
          fc.bigInt({ min: -9_000_000_000_000_000n, max: 9_000_000_000_000_000n }).map(Number),
        ),
        fc.boolean(),
        fc.boolean(),
        (amount, symbol, grouping) => {
          expect(parseMoney(formatMoney(amount, { symbol, grouping }))).toEqual({ ok: true, value: amount });
        },
      ),
    );
  });

  it("reads back the largest safe amounts formatMoney writes", () => {
    for (const amount of [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0, 1, -1, 99, -100]) {
      expect(parseMoney(formatMoney(amount))).toEqual({ ok: true, value: amount });
    }
  });
});
