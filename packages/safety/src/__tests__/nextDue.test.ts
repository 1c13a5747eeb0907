import { addDaysIso, createSchoolCalendar, type IsoDate } from "@houqin/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateSchedule } from "../generateSchedule.js";
import { nextDue } from "../nextDue.js";
import type { Cadence } from "../plan.js";
import { parseCadence } from "../planFromTable.js";

const statutory = createSchoolCalendar();
const SEMESTERS = [
  { name: "2024–2025 第一学期", start: "2024-09-01", end: "2025-01-17" },
  { name: "2024–2025 第二学期", start: "2025-02-17", end: "2025-07-04" },
];
const withSemesters = createSchoolCalendar({ semesters: SEMESTERS });

const due = (words: string, last: IsoDate) => nextDue(parseCadence(words) as Cadence, last, statutory);

describe("parseCadence", () => {
  it("reads the cadences schools write", () => {
    expect(parseCadence("每天")).toEqual({ kind: "daily" });
    expect(parseCadence("每周五下午")).toEqual({ kind: "weekly", weekday: 5 });
    expect(parseCadence("每月15日")).toEqual({ kind: "monthly", day: 15 });
    expect(parseCadence("每学期第六周")).toEqual({ kind: "semester", week: 6 });
    expect(parseCadence("11.9")).toEqual({ kind: "themed", day: "fire-safety" });
    expect(parseCadence("每两天")).toBeUndefined();
  });
});

describe("nextDue", () => {
  it("puts a daily duty on the next school day, past National Day and onto a 调休 Saturday", () => {
    expect(due("每天", "2024-09-30")).toBe("2024-10-08");
    expect(due("每天", "2024-10-11")).toBe("2024-10-12");
    expect(due("每天", "2024-10-12")).toBe("2024-10-14");
  });

  it("puts a weekly duty in the next school week, on its weekday or the week's last school day", () => {
    // Done on Tuesday: this week's Friday task is fulfilled, so the next is a week on Friday.
    expect(due("每周五", "2024-10-08")).toBe("2024-10-18");
    // The week of 30 September has one school day, the Monday.
    expect(due("每周五", "2024-09-27")).toBe("2024-09-30");
    expect(due("每周一", "2024-09-30")).toBe("2024-10-08");
  });

  it("puts a monthly duty in the next month, on the first school day on or after its day", () => {
    expect(due("每月15日", "2024-10-15")).toBe("2024-11-15");
    expect(due("每月", "2024-09-20")).toBe("2024-10-08");
    expect(due("每半月", "2024-10-03")).toBe("2024-10-16");
  });

  it("puts a semester duty in the next semester's week, counted with holidays", () => {
    // 2025 spring: 1–4 February are Spring Festival, so week 1 starts on 3 February.
    expect(due("每学期第6周", "2024-09-02")).toBe("2025-03-10");
    expect(due("每学期第6周", "2025-03-01")).toBe("2025-10-09");
    expect(nextDue({ kind: "semester", week: 1 }, "2024-09-03", withSemesters)).toBe("2025-02-17");
  });

  it("puts a themed duty on the next year's day once this year's week is reached", () => {
    // 9 November 2024 is a Saturday: the drill is held on Friday the 8th.
    expect(due("消防日", "2024-10-20")).toBe("2024-11-08");
    expect(due("消防日", "2024-11-08")).toBe("2025-11-07");
    expect(due("5.12", "2024-05-06")).toBe("2025-05-12");
    expect(
      nextDue({ kind: "themed", day: "fire-safety" }, "2024-10-20", statutory, { themedDirection: "after" }),
    ).toBe("2024-11-11");
  });

  it("crosses the gap between semesters and gives undefined after the last one", () => {
    expect(nextDue({ kind: "daily" }, "2025-01-17", withSemesters)).toBe("2025-02-17");
    expect(nextDue({ kind: "daily" }, "2025-07-04", withSemesters)).toBeUndefined();
  });

  it("refuses a date that is not an ISO date", () => {
    expect(() => nextDue({ kind: "daily" }, "2024-02-30", statutory)).toThrow(
      expect.objectContaining({ code: "INVALID_DATE" }),
    );
  });

  it("agrees with a long schedule: the first task whose window starts after the last date", () => {
    const cadences: Cadence[] = [
      { kind: "daily" },
      { kind: "weekly", weekday: 1 },
      { kind: "weekly", weekday: 4 },
      { kind: "half-monthly" },
      { kind: "monthly", day: 20 },
      { kind: "semester", week: 5 },
      { kind: "themed", day: "air-defence" },
    ];
    const calendars = [statutory, withSemesters];
    const reference = calendars.map((calendar) =>
      cadences.map((cadence) => {
        const duty = { id: "x", clause: "", title: { "zh-CN": "x", en: "x" }, role: "school" as const };
        const plan = { duties: [{ ...duty, cadence, checklist: [] }] };
        return generateSchedule(plan, calendar, { from: "2024-01-01", to: "2027-12-31" }).tasks;
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 0, max: cadences.length - 1 }),
        // From 2024-06-29 to 2025-07-24, past the end of the last semester.
        fc.integer({ min: 180, max: 570 }),
        (c, i, offset) => {
          const calendar = calendars[c] ?? statutory;
          const last = addDaysIso("2024-01-01", offset);
          const expected = reference[c]?.[i]?.find((task) => task.window.start > last)?.date;
          const got = nextDue(cadences[i] as Cadence, last, calendar);
          expect(got).toBe(expected);
          if (got !== undefined) {
            expect(got > last).toBe(true);
            expect(calendar.isSchoolDay(got)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
