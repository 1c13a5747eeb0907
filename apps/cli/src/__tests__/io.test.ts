import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shanghaiToday } from "../io.js";

const viaIntl = (now: Date) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);

describe("shanghaiToday", () => {
  it("is the calendar date in Asia/Shanghai, as the time-zone database gives it", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1992-01-01T00:00:00Z"),
          max: new Date("2100-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        (now) => {
          expect(shanghaiToday(now)).toBe(viaIntl(now));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("turns the day over at 16:00 UTC", () => {
    expect(shanghaiToday(new Date("2026-11-23T15:59:59Z"))).toBe("2026-11-23");
    expect(shanghaiToday(new Date("2026-11-23T16:00:00Z"))).toBe("2026-11-24");
  });
});
