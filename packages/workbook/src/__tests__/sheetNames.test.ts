import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertSheetName, safeSheetName, uniqueSheetName } from "../sheetNames.js";

describe("safeSheetName", () => {
  it("replaces the characters Excel forbids and keeps 31 characters", () => {
    expect(safeSheetName("教练 王/李[助理]:*?\\")).toBe("教练 王_李_助理_____");
    expect(safeSheetName("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三")).toHaveLength(
      31,
    );
    expect(safeSheetName("'引号'")).toBe("引号");
    expect(safeSheetName("  ")).toBe("Sheet");
    expect(safeSheetName("history")).toBe("history_");
    expect(safeSheetName("a\u0001b")).toBe("ab");
    // A character outside the BMP is never cut in half.
    expect(safeSheetName(`${"a".repeat(30)}𠀀`)).toBe("a".repeat(30));
  });

  it("makes names unique the way Excel compares them", () => {
    expect(uniqueSheetName("总览", ["总览"])).toBe("总览(2)");
    expect(uniqueSheetName("Coach A", ["coach a", "Coach A(2)"])).toBe("Coach A(3)");
    const long = "一".repeat(40);
    const first = uniqueSheetName(long, []);
    const second = uniqueSheetName(long, [first]);
    expect(second).toBe(`${"一".repeat(28)}(2)`);
  });

  it("always gives a valid name, unique among those taken (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), (wanted) => {
        const taken: string[] = [];
        for (const w of wanted) {
          const n = uniqueSheetName(w, taken);
          expect(n.length).toBeGreaterThan(0);
          expect(n.length).toBeLessThanOrEqual(31);
          expect(() => assertSheetName(n)).not.toThrow();
          expect(taken.map((x) => x.toLowerCase())).not.toContain(n.toLowerCase());
          taken.push(n);
        }
      }),
    );
  });
});

describe("assertSheetName", () => {
  it("refuses History in any case, as Excel does", () => {
    for (const name of ["History", "history", "HISTORY"])
      expect(() => assertSheetName(name)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => assertSheetName("History 2")).not.toThrow();
  });
});
