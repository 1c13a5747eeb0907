import { createSchoolCalendar } from "@houqin/core";
import { describe, expect, it } from "vitest";
import { generateSchedule, type ScheduledTask } from "../generateSchedule.js";
import { DEFAULT_SAFETY_PLAN, type Duty } from "../plan.js";
import { toICalendar } from "../toICalendar.js";

const calendar = createSchoolCalendar({
  semesters: [{ name: "2023–2024 第一学期", start: "2023-09-01", end: "2024-01-26" }],
});
const STAMP = "20230825T080000Z";
const encoder = new TextEncoder();

const physicalLines = (ics: string): string[] => ics.slice(0, -2).split("\r\n");
/** Content lines, unfolded (RFC 5545 §3.1). */
const contentLines = (ics: string): string[] => ics.replace(/\r\n /g, "").slice(0, -2).split("\r\n");
const values = (ics: string, name: string): string[] =>
  contentLines(ics)
    .filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
    .map((l) => l.slice(l.indexOf(":") + 1));

const longDuty: Duty = {
  id: "canteen-gas",
  clause: "三(三)2",
  title: { "zh-CN": "食堂燃气, 电器; 排烟\\检查", en: "Canteen gas check" },
  role: "logistics",
  cadence: { kind: "daily" },
  checklist: [
    {
      "zh-CN": "燃气管道、阀门、软管无老化破损，燃气报警器通电并每月测试一次，排风设施运转正常🔥",
      en: "Gas",
    },
    { "zh-CN": "电器线路无私拉乱接，配电箱上锁，插座无烧焦痕迹，操作间内不存放易燃易爆物品", en: "Wiring" },
  ],
};
const task = (date: string, duty: Duty, className?: string): ScheduledTask => ({
  date,
  duty,
  window: { start: date, end: date },
  ...(className === undefined ? {} : { className }),
});

describe("toICalendar", () => {
  const { tasks } = generateSchedule(DEFAULT_SAFETY_PLAN, calendar, {
    from: "2023-09-25",
    to: "2023-10-15",
    classes: ["三(1)班", "三(2)班", "Class 3-2"],
  });
  const ics = toICalendar(tasks, { calendarName: "安全工作日程, 2023", stamp: STAMP });

  it("writes a VCALENDAR with CRLF line ends only", () => {
    expect(
      ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//houqin//safety schedule//ZH\r\n"),
    ).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(contentLines(ics)).toContain("CALSCALE:GREGORIAN");
    expect(contentLines(ics)).toContain("METHOD:PUBLISH");
    expect(values(ics, "X-WR-CALNAME")).toEqual(["安全工作日程\\, 2023"]);
  });

  it("writes one all-day VEVENT per task", () => {
    expect(values(ics, "BEGIN").filter((v) => v === "VEVENT")).toHaveLength(tasks.length);
    expect(values(ics, "END").filter((v) => v === "VEVENT")).toHaveLength(tasks.length);
    const starts = contentLines(ics).filter((l) => l.startsWith("DTSTART"));
    expect(starts).toHaveLength(tasks.length);
    expect(starts.every((l) => /^DTSTART;VALUE=DATE:\d{8}$/.test(l))).toBe(true);
    expect(contentLines(ics)).toContain("DTEND;VALUE=DATE:20231008"); // an event on 2023-10-07
    expect(contentLines(ics)).toContain("DTEND;VALUE=DATE:20230929"); // the 1530 talk of Thursday 09-28
  });

  it("gives every event a unique UID that stays the same from one run to the next", () => {
    const uids = values(ics, "UID");
    expect(new Set(uids).size).toBe(tasks.length);
    expect(uids).toContain("2023-10-07-utilities-inspection@houqin");
    expect(uids.every((u) => /^[\x21-\x7e]+$/.test(u))).toBe(true);
    const again = generateSchedule(DEFAULT_SAFETY_PLAN, calendar, {
      from: "2023-09-25",
      to: "2023-10-15",
      classes: ["三(1)班", "三(2)班", "Class 3-2"],
    });
    expect(toICalendar(again.tasks, { calendarName: "安全工作日程, 2023", stamp: STAMP })).toBe(ics);
    const radio = uids.filter((u) => u.includes("radio-1530"));
    expect(radio).toHaveLength(3);
    // The class on duty is not in the id, so a changed rota updates the same events.
    expect(radio[2]).toBe("2023-10-13-radio-1530@houqin");
  });

  it("tells apart tasks that would share a UID", () => {
    const twice = toICalendar([task("2023-10-09", longDuty), task("2023-10-09", longDuty)], {
      calendarName: "x",
      stamp: STAMP,
    });
    expect(values(twice, "UID")).toEqual([
      "2023-10-09-canteen-gas@houqin",
      "2023-10-09-canteen-gas-2@houqin",
    ]);
  });

  it("never writes a line longer than 75 octets, nor splits a character or an escape", () => {
    const long = toICalendar([task("2023-10-09", longDuty, "三(2)班")], { calendarName: "x", stamp: STAMP });
    const lines = physicalLines(long);
    expect(lines.length).toBeGreaterThan(contentLines(long).length); // something was folded
    for (const line of lines) {
      expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(line).not.toMatch(/(?<!\\)(\\\\)*\\$/); // no line ends half-way through an escape
    }
    const description = values(long, "DESCRIPTION")[0] ?? "";
    expect(description).toContain("排风设施运转正常🔥");
    expect(description).toContain("操作间内不存放易燃易爆物品");
  });

  it("escapes TEXT (backslash, semicolon, comma, line breaks) and drops control characters", () => {
    const out = toICalendar([task("2023-10-09", longDuty, "三(2)班")], {
      calendarName: "a;b\r\nc\u0007",
      stamp: STAMP,
    });
    expect(values(out, "SUMMARY")).toEqual(["食堂燃气\\, 电器\\; 排烟\\\\检查 · 三(2)班"]);
    expect(values(out, "X-WR-CALNAME")).toEqual(["a\\;b\\nc"]);
    expect(values(out, "DESCRIPTION")[0]).toMatch(
      /^条款：三\(三\)2\\n责任人：后勤\\n轮值班级：三\(2\)班\\n检查要点：\\n- 燃气管道、阀门、软管无老化破损，燃气/, // a full-width comma is not escaped
    );
    expect(values(out, "CATEGORIES")).toEqual(["三(三)2"]);
  });

  it("writes an event exactly so", () => {
    const guard = DEFAULT_SAFETY_PLAN.duties.find((d) => d.id === "guard-weekly-check") as Duty;
    const out = toICalendar(
      [{ date: "2023-10-08", duty: guard, window: { start: "2023-10-02", end: "2023-10-08" } }],
      { calendarName: "Safety", stamp: STAMP, lang: "en" },
    );
    expect(out.split("\r\n")).toMatchInlineSnapshot(`
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//houqin//safety schedule//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Safety",
        "BEGIN:VEVENT",
        "UID:2023-10-08-guard-weekly-check@houqin",
        "DTSTAMP:20230825T080000Z",
        "DTSTART;VALUE=DATE:20231008",
        "DTEND;VALUE=DATE:20231009",
        "SUMMARY:Guard's facility and equipment check",
        "DESCRIPTION:Clause: 三(一)6\\nResponsible: Guard\\nWindow: 2023-10-02 to 20",
        " 23-10-08\\nChecklist:\\n- Gate control\\, CCTV\\, protective equipment",
        "CATEGORIES:三(一)6",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ]
    `);
  });

  it("throws INVALID_ARGUMENT for a stamp that is not UTC YYYYMMDDTHHMMSSZ", () => {
    expect(() => toICalendar([], { calendarName: "x", stamp: "2023-08-25T08:00:00Z" })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});
