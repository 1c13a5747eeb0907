import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateToIso, isoText, makeIsoDate } from "../isoDate.js";

/** "YYYY-MM-DD" padded the slow way, as the writers wrote it before isoText. */
function padded(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

describe("isoText", () => {
  it.each([
    [1, 1, 1, "0001-01-01"],
    [999, 12, 31, "0999-12-31"],
    [2023, 9, 1, "2023-09-01"],
    [9999, 10, 10, "9999-10-10"],
  ])("writes %i, %i, %i as %s", (y, m, d, iso) => {
    expect(isoText(y, m, d)).toBe(iso);
  });

  it("pads as padStart does for every year, month and day of a real date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          expect(isoText(y, m, d)).toBe(padded(y, m, d));
        },
      ),
    );
  });
});

describe("makeIsoDate and dateToIso", () => {
  it("give undefined for what is not a day, whatever the padding", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20, max: 10_020 }),
        fc.integer({ min: -20, max: 120 }),
        fc.integer({ min: -20, max: 120 }),
        (y, m, d) => {
          const iso = makeIsoDate(y, m, d);
          if (iso !== undefined) expect(iso).toBe(padded(y, m, d));
          if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) expect(iso).toBeUndefined();
        },
      ),
    );
  });

  it("writes a Date's local day", () => {
    const date = new Date(2023, 8, 1);
    expect(dateToIso(date)).toBe("2023-09-01");
    const early = new Date(5, 0, 2);
    early.setFullYear(5);
    expect(dateToIso(early)).toBe("0005-01-02");
  });
});
