import { describe, expect, it } from "vitest";
import { parseMonthCell } from "../parseMonthCell.js";

const read = (value: unknown, text = String(value), options = {}) =>
  parseMonthCell({ value: value as never, text }, options);

describe("parseMonthCell", () => {
  it.each([
    ["2023-09", "2023-09"],
    ["2023年9月", "2023-09"],
    ["2023年9月份", "2023-09"],
    ["２０２３年１１月", "2023-11"],
    ["2023.9", "2023-09"],
    ["2023/11", "2023-11"],
    ["202309", "2023-09"],
    ["23年9月", "2023-09"],
    ["2023-09-30", "2023-09"],
    ["2023年9月30日", "2023-09"],
  ])("reads %s as %s", (text, month) => {
    expect(read(text)).toEqual({ ok: true, value: month });
  });

  it("reads a date serial, 202309 typed as a number and 2023.10 kept as 2023.1", () => {
    expect(read(45199, "2023/9/30")).toEqual({ ok: true, value: "2023-09" });
    expect(read(202309)).toEqual({ ok: true, value: "2023-09" });
    expect(read(2023.1, "2023.10")).toEqual({ ok: true, value: "2023-10" });
  });

  it("places a month without a year in the default year, and refuses it without one", () => {
    expect(read("11月", "11月", { defaultYear: 2023 })).toEqual({ ok: true, value: "2023-11" });
    expect(read("十一月", "十一月", { defaultYear: 2023 })).toEqual({ ok: true, value: "2023-11" });
    expect(read(9, "9", { defaultYear: 2024 })).toEqual({ ok: true, value: "2024-09" });
    expect(read("11月")).toMatchObject({ ok: false, code: "ambiguous-date" });
  });

  it("refuses what is not a month, with a message in both languages", () => {
    const out = read("下个月");
    expect(out).toMatchObject({ ok: false, code: "not-a-date" });
    expect(out.ok ? "" : out.message["zh-CN"]).toContain("不是可识别的月份");
    expect(read("2023年13月")).toMatchObject({ ok: false, code: "not-a-date" });
    expect(read(2023)).toMatchObject({ ok: false, code: "not-a-date" });
    expect(read({ error: "#REF!" }, "#REF!")).toMatchObject({ ok: false, code: "error-value" });
    expect(read(null, "")).toMatchObject({ ok: false, code: "blank" });
  });
});
