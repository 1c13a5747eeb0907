import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DateSystem } from "../cell.js";
import { isoToSerial, serialToIso } from "../excelSerial.js";
import { isDateFormat, serialText } from "../serialText.js";

describe("isDateFormat", () => {
  it.each([
    "yyyy-mm-dd",
    "yyyy/m/d",
    "m/d/yy h:mm",
    "h:mm",
    "hh:mm:ss",
    "[h]:mm:ss",
    "mm:ss.0",
    "mmm-yy",
    "dddd",
    "YYYY-MM-DD",
    'yyyy"年"m"月"d"日"',
    '[Red]yyyy"年"m"月"d"日"',
    '[DBNum1][$-804]yyyy"年"m"月"d"日"',
    '上午/下午h"时"mm"分"',
    "[$-F400]h:mm:ss AM/PM",
  ])("takes %s for a date or time format", (format) => {
    expect(isDateFormat(format)).toBe(true);
  });

  it.each([
    undefined,
    "",
    "General",
    "general",
    "0",
    "0.00",
    "#,##0.00",
    "¥#,##0.00",
    "[$¥-804]#,##0.00",
    "0%",
    "0.00E+00",
    "@",
    '#,##0 "元"',
    '0 "days"',
    "0.0\\m",
    "_(* #,##0.00_);[Red](* #,##0.00)",
  ])("takes %s for a number format", (format) => {
    expect(isDateFormat(format)).toBe(false);
  });

  it("reads only the first section, the one a positive number shows with", () => {
    expect(isDateFormat("0.00;yyyy-mm-dd")).toBe(false);
    expect(isDateFormat("yyyy-mm-dd;@")).toBe(true);
  });
});

describe("serialText", () => {
  it.each([
    [1, "1900-01-01"],
    [31, "1900-01-31"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [45170, "2023-09-01"],
    [45536, "2024-09-01"],
    [2958465, "9999-12-31"],
  ])("shows the 1900-system serial %d as %s", (serial, text) => {
    expect(serialText(serial, "yyyy-mm-dd", "1900")).toBe(text);
  });

  it("shows serial 60 of the 1900 system as Excel's 1900-02-29, a day that never was", () => {
    expect(serialText(60, "yyyy-mm-dd", "1900")).toBe("1900-02-29");
    expect(serialText(60.5, "yyyy-mm-dd hh:mm", "1900")).toBe("1900-02-29 12:00");
  });

  it.each([
    [0, "1904-01-01"],
    [59, "1904-02-29"],
    [60, "1904-03-01"],
    [1462, "1908-01-02"],
    [43708, "2023-09-01"],
  ])("shows the 1904-system serial %d as %s", (serial, text) => {
    expect(serialText(serial, "yyyy-mm-dd", "1904")).toBe(text);
  });

  it("shows the same day whatever the date format's own layout", () => {
    for (const format of ["yyyy/m/d", "m/d/yy", 'yyyy"年"m"月"d"日"', '[Red]yyyy"年"m"月"d"日"', "dddd"]) {
      expect(serialText(45536, format, "1900")).toBe("2024-09-01");
    }
    expect(serialText(45536, undefined, "1900")).toBe("2024-09-01");
  });

  it("adds the time of day after the date, with seconds only when there are some", () => {
    expect(serialText(45536.75, "yyyy-mm-dd hh:mm", "1900")).toBe("2024-09-01 18:00");
    expect(serialText(45536.75, 'yyyy"年"m"月"d"日" h:mm:ss', "1900")).toBe("2024-09-01 18:00");
    expect(serialText(45536 + 1 / 86_400, "yyyy-mm-dd hh:mm:ss", "1900")).toBe("2024-09-01 00:00:01");
    expect(serialText(45536.5, "yyyy-mm-dd", "1900")).toBe("2024-09-01 12:00");
  });

  it.each([
    [0.5, "h:mm", "12:00"],
    [45536.75, "hh:mm:ss", "18:00"],
    [0.75 + 5 / 86_400, "hh:mm:ss", "18:00:05"],
    [1.5, "[h]:mm:ss", "12:00"],
    [0.5 + 90 / 86_400, "mm:ss", "12:01:30"],
    [0.5, "[$-F400]h:mm:ss AM/PM", "12:00"],
    [0.5, '上午/下午h"时"mm"分"', "12:00"],
    [0.75, '"day "h:mm', "18:00"],
    [0.75, "\\d h:mm", "18:00"],
    [0.75, "h:mm;@", "18:00"],
    [0, "h:mm", "00:00"],
  ])("shows %d with the time-only format %s as %s", (serial, format, text) => {
    expect(serialText(serial, format, "1900")).toBe(text);
  });

  it("rounds to the second, carrying 23:59:59.5 over midnight into the next day", () => {
    const lastMoment = 45536 + (86_400 - 0.4) / 86_400;
    expect(serialText(lastMoment, "yyyy-mm-dd hh:mm:ss", "1900")).toBe("2024-09-02");
    expect(serialText(lastMoment, "hh:mm:ss", "1900")).toBe("00:00");
    expect(serialText(45536 + 59.6 / 86_400, "yyyy-mm-dd hh:mm:ss", "1900")).toBe("2024-09-01 00:01");
    expect(serialText(45536 + 59.4 / 86_400, "yyyy-mm-dd hh:mm:ss", "1900")).toBe("2024-09-01 00:00:59");
    expect(serialText(59.999_999_9, "yyyy-mm-dd", "1900")).toBe("1900-02-29");
    expect(serialText(60.999_999_9, "yyyy-mm-dd", "1900")).toBe("1900-03-01");
    expect(serialText(-0.000_000_1, "yyyy-mm-dd", "1904")).toBe("1904-01-01");
  });

  it("shows a serial before the first day of its system as the proleptic date", () => {
    expect(serialText(0, "yyyy-mm-dd", "1900")).toBe("1899-12-31");
    expect(serialText(0.25, "yyyy-mm-dd hh:mm", "1900")).toBe("1899-12-31 06:00");
    expect(serialText(-1, "yyyy-mm-dd", "1900")).toBe("1899-12-30");
    expect(serialText(-1, "yyyy-mm-dd", "1904")).toBe("1903-12-31");
  });

  const systems = fc.constantFrom<DateSystem>("1900", "1904");

  it("shows every whole serial in range as serialToIso's date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_958_465 }), systems, (serial, system) => {
        const iso = serialToIso(serial, system);
        fc.pre(iso !== undefined);
        expect(serialText(serial, "yyyy-mm-dd", system)).toBe(iso);
        expect(isoToSerial(serialText(serial, "yyyy-mm-dd", system), system)).toBe(serial);
      }),
    );
  });

  it("gives a date and time, or a time alone, for any serial in range", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 2_957_000, noNaN: true }), systems, (serial, system) => {
        expect(serialText(serial, "yyyy-mm-dd hh:mm:ss", system)).toMatch(
          /^\d{4}-\d{2}-\d{2}( ([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?)?$/,
        );
        expect(serialText(serial, "hh:mm:ss", system)).toMatch(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/);
      }),
    );
  });
});
