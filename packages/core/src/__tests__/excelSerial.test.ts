import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HouqinError } from "../errors.js";
import { isoToSerial, serialToIso } from "../excelSerial.js";
import { makeIsoDate } from "../isoDate.js";

describe("serialToIso", () => {
  it.each([
    [1, "1900-01-01"],
    [31, "1900-01-31"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [45170, "2023-09-01"],
    [45170.75, "2023-09-01"],
    [2958465, "9999-12-31"],
  ])("reads the 1900-system serial %d as %s", (serial, iso) => {
    expect(serialToIso(serial, "1900")).toBe(iso);
  });

  it("returns undefined for serial 60, Excel's phantom 1900-02-29", () => {
    expect(serialToIso(60, "1900")).toBeUndefined();
    expect(serialToIso(60.5, "1900")).toBeUndefined();
  });

  it.each([
    [0, "1904-01-01"],
    [59, "1904-02-29"],
    [43708, "2023-09-01"],
    [2957003, "9999-12-31"],
  ])("reads the 1904-system serial %d as %s", (serial, iso) => {
    expect(serialToIso(serial, "1904")).toBe(iso);
  });

  it.each([
    [0, "1900"],
    [-1, "1900"],
    [-1, "1904"],
    [2958466, "1900"],
    [2957004, "1904"],
    [Number.NaN, "1900"],
    [Number.POSITIVE_INFINITY, "1904"],
    [1e300, "1900"],
  ] as const)("returns undefined for the serial %d in the %s system", (serial, system) => {
    expect(serialToIso(serial, system)).toBeUndefined();
  });
});

describe("serialToIso, as makeIsoDate writes a date", () => {
  it("gives every serial the date makeIsoDate writes for its day", () => {
    const viaMakeIsoDate = (serial: number, system: "1900" | "1904"): string | undefined => {
      const day = Math.floor(serial);
      if (!Number.isFinite(serial) || (system === "1900" ? day < 1 || day === 60 : day < 0)) return undefined;
      const epoch = system === "1904" ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
      const date = new Date(epoch + (system === "1900" && day < 60 ? day + 1 : day) * 86_400_000);
      return makeIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    };
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -5, max: 3_000_000 }), fc.double({ min: -10, max: 3e6 }), fc.double()),
        fc.constantFrom<"1900" | "1904">("1900", "1904"),
        (serial, system) => {
          expect(serialToIso(serial, system)).toBe(viaMakeIsoDate(serial, system));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

describe("isoToSerial", () => {
  it.each([
    ["1900-01-01", 1],
    ["1900-02-28", 59],
    ["1900-03-01", 61],
    ["2023-09-01", 45170],
  ])("gives %s the 1900-system serial %i", (iso, serial) => {
    expect(isoToSerial(iso, "1900")).toBe(serial);
  });

  it("gives 1904 dates their 1904-system serial", () => {
    expect(isoToSerial("1904-01-01", "1904")).toBe(0);
    expect(isoToSerial("2023-09-01", "1904")).toBe(43708);
  });

  it("throws for dates the system cannot hold and for invalid dates", () => {
    expect(() => isoToSerial("1899-12-31", "1900")).toThrow(HouqinError);
    expect(() => isoToSerial("1903-12-31", "1904")).toThrow(HouqinError);
    expect(() => isoToSerial("2023-02-30", "1900")).toThrow(HouqinError);
  });

  it("inverts serialToIso for every 1900-system serial from 61 to 2958465", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const iso = serialToIso(serial, "1900");
        expect(iso).toBeDefined();
        expect(isoToSerial(iso as string, "1900")).toBe(serial);
      }),
    );
  });

  it("inverts serialToIso for every 1904-system serial from 0 to 2957003 (9999-12-31)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2957003 }), (serial) => {
        const iso = serialToIso(serial, "1904");
        expect(iso).toBeDefined();
        expect(isoToSerial(iso as string, "1904")).toBe(serial);
      }),
    );
  });

  it("keeps the two systems 1462 days apart", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1462, max: 2958465 }), (serial) => {
        expect(serialToIso(serial - 1462, "1904")).toBe(serialToIso(serial, "1900"));
      }),
    );
  });
});
