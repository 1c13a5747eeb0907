import { describe, expect, it } from "vitest";
import { median, monthEnd, monthLabel, nextMonth } from "../months.js";

describe("months", () => {
  it("finds a month's last day, leap Februaries included", () => {
    expect(monthEnd("2024-02")).toBe("2024-02-29");
    expect(monthEnd("2023-02-10")).toBe("2023-02-28");
    expect(monthEnd("2023-12")).toBe("2023-12-31");
  });

  it("steps to the next month across the new year", () => {
    expect(nextMonth("2023-12")).toBe("2024-01");
    expect(nextMonth("2023-09-30")).toBe("2023-10");
  });

  it("writes a month as people do", () => {
    expect(monthLabel("2023-09", "zh-CN")).toBe("2023年9月");
    expect(monthLabel("2023-09", "en")).toBe("2023-09");
  });

  it("takes the median of odd and even counts, and null of none", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
