import { describe, expect, it } from "vitest";
import { parseChineseNumber } from "../chineseNumber.js";

describe("parseChineseNumber", () => {
  it("reads Arabic digits and Chinese numerals up to 99, and digit runs", () => {
    expect(
      ["3", "12", "三", "两", "十", "十二", "二十", "九十九", "二〇二三"].map(parseChineseNumber),
    ).toEqual([3, 12, 3, 2, 10, 12, 20, 99, 2023]);
  });
  it("says nothing for other text", () => {
    expect(["", "十十", "三年级", "abc", "十两"].map(parseChineseNumber)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
