import { getDay, getDaysInMonth } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HouqinError } from "../errors.js";
import { isoToDate } from "../isoDate.js";
import { nthWeekdayOfMonth } from "../nthWeekdayOfMonth.js";

describe("nthWeekdayOfMonth", () => {
  it("finds 全民国防教育日, the third Saturday of September", () => {
    expect(nthWeekdayOfMonth(2023, 9, 6, 3)).toBe("2023-09-16");
    expect(nthWeekdayOfMonth(2024, 9, 6, 3)).toBe("2024-09-21");
  });

  it("finds the last Monday of March with n = -1", () => {
    expect(nthWeekdayOfMonth(2024, 3, 1, -1)).toBe("2024-03-25");
    expect(nthWeekdayOfMonth(2023, 3, 1, -1)).toBe("2023-03-27");
    expect(nthWeekdayOfMonth(2024, 3, 0, -1)).toBe("2024-03-31"); // the month's last day itself
  });

  it("finds the first weekday on the 1st when the month starts on it", () => {
    expect(nthWeekdayOfMonth(2023, 9, 5, 1)).toBe("2023-09-01"); // a Friday
  });

  it("gives undefined for a fifth weekday the month does not have", () => {
    expect(nthWeekdayOfMonth(2023, 2, 1, 5)).toBeUndefined();
    expect(nthWeekdayOfMonth(2024, 2, 4, 5)).toBe("2024-02-29"); // leap year: five Thursdays
  });

  it("throws INVALID_ARGUMENT for arguments out of range", () => {
    for (const call of [
      () => nthWeekdayOfMonth(2023, 13, 1, 1),
      () => nthWeekdayOfMonth(2023, 9, 7, 1),
      () => nthWeekdayOfMonth(2023, 9, 1, 0),
      () => nthWeekdayOfMonth(2023, 9, 1, 6),
      () => nthWeekdayOfMonth(2023, 9, 1, -2),
      () => nthWeekdayOfMonth(2023, 9, 1.5, 1),
    ]) {
      expect(call).toThrow(HouqinError);
      expect(call).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    }
  });

  it("returns the asked weekday in the asked month, in the right week", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(1, 2, 3, 4, 5, -1),
        (year, month, weekday, n) => {
          const result = nthWeekdayOfMonth(year, month, weekday, n);
          const daysInMonth = getDaysInMonth(new Date(year, month - 1, 1));
          if (result === undefined) {
            // Only a fifth weekday can be missing, and only when the month has four of it.
            expect(n).toBe(5);
            const fourth = nthWeekdayOfMonth(year, month, weekday, 4);
            expect(Number(fourth?.slice(8)) + 7).toBeGreaterThan(daysInMonth);
            return;
          }
          const date = isoToDate(result);
          expect(date.getFullYear()).toBe(year);
          expect(date.getMonth()).toBe(month - 1);
          expect(getDay(date)).toBe(weekday);
          const day = date.getDate();
          if (n === -1) expect(day + 7).toBeGreaterThan(daysInMonth);
          else expect(Math.ceil(day / 7)).toBe(n);
        },
      ),
      { seed: 20230916, numRuns: 1000 },
    );
  });
});
