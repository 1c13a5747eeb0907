import { addDaysIso, createSchoolCalendar, type IsoDate } from "@houqin/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateSchedule, type ScheduledTask } from "../generateSchedule.js";
import { DEFAULT_SAFETY_PLAN, type Duty, type SafetyPlan } from "../plan.js";

const SEMESTERS = [
  { name: "2023–2024 第一学期", start: "2023-09-01", end: "2024-01-26" },
  { name: "2023–2024 第二学期", start: "2024-02-19", end: "2024-07-05" },
];
const calendar = createSchoolCalendar({ semesters: SEMESTERS });
const noSemesters = createSchoolCalendar();

const dates = (tasks: readonly ScheduledTask[], id: string): IsoDate[] =>
  tasks.filter((t) => t.duty.id === id).map((t) => t.date);

const duty = (id: string, cadence: Duty["cadence"], role: Duty["role"] = "logistics"): Duty => ({
  id,
  clause: "三(一)4",
  title: { "zh-CN": id, en: id },
  role,
  cadence,
  checklist: [],
});

const WEEKLY_IDS = DEFAULT_SAFETY_PLAN.duties.filter((d) => d.cadence.kind === "weekly").map((d) => d.id);
const CLASSES = ["一(1)班", "一(2)班", "二(1)班", "二(2)班", "三(1)班"];

/** A random range in 2023–2026 and a calendar with the real semesters plus random closures and extra days. */
const scenario = fc.record({
  start: fc.integer({ min: 0, max: 4 * 365 }),
  length: fc.integer({ min: 0, max: 240 }),
  closures: fc.uniqueArray(fc.integer({ min: 0, max: 700 }), { maxLength: 12 }),
  extraDays: fc.uniqueArray(fc.integer({ min: 0, max: 700 }), { maxLength: 6 }),
  semesters: fc.boolean(),
});

function build(s: {
  start: number;
  length: number;
  closures: number[];
  extraDays: number[];
  semesters: boolean;
}) {
  const cal = createSchoolCalendar({
    semesters: s.semesters ? SEMESTERS : [],
    closures: s.closures.map((n) => addDaysIso("2023-06-01", n)),
    extraDays: s.extraDays.map((n) => addDaysIso("2023-06-01", n)),
  });
  const from = addDaysIso("2023-01-01", s.start);
  const to = addDaysIso(from, s.length);
  return { cal, from, to };
}

describe("generateSchedule", () => {
  it("never puts a task on a non-school day or outside the range, and its window holds its date", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { cal, from, to } = build(s);
        const { tasks } = generateSchedule(DEFAULT_SAFETY_PLAN, cal, { from, to, classes: CLASSES });
        for (const t of tasks) {
          expect(cal.isSchoolDay(t.date)).toBe(true);
          expect(t.date >= from && t.date <= to).toBe(true);
          expect(t.window.start <= t.date && t.date <= t.window.end).toBe(true);
          expect(t.window.start >= from && t.window.end <= to).toBe(true);
        }
      }),
      { seed: 20230901, numRuns: 150 },
    );
  });

  it("gives every school week exactly one task of each weekly duty", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { cal, from, to } = build(s);
        const { tasks } = generateSchedule(DEFAULT_SAFETY_PLAN, cal, { from, to });
        const weeks = cal.schoolWeeks(from, to);
        for (const id of WEEKLY_IDS) {
          const own = dates(tasks, id);
          expect(own).toHaveLength(weeks.length);
          for (const week of weeks) {
            expect(own.filter((d) => week.days.includes(d))).toHaveLength(1);
          }
        }
      }),
      { seed: 20231002, numRuns: 150 },
    );
  });

  it("gives every school day one task of each daily duty, and every month with school days one monthly task", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { cal, from, to } = build(s);
        const { tasks } = generateSchedule(DEFAULT_SAFETY_PLAN, cal, { from, to });
        expect(dates(tasks, "daily-safety-check")).toEqual(cal.schoolDays(from, to));
        const months = new Set(cal.schoolDays(from, to).map((d) => d.slice(0, 7)));
        expect(dates(tasks, "guard-training").map((d) => d.slice(0, 7))).toEqual([...months]);
      }),
      { seed: 20240219, numRuns: 80 },
    );
  });

  it("rotates the 1530 talk fairly: every class has a turn before any has a second", () => {
    fc.assert(
      fc.property(
        scenario,
        fc.uniqueArray(fc.stringMatching(/^[一二三四五六]\([1-9]\)班$/), { minLength: 1, maxLength: 30 }),
        (s, classes) => {
          const { cal, from, to } = build(s);
          const { tasks, roster1530 } = generateSchedule(DEFAULT_SAFETY_PLAN, cal, { from, to, classes });
          const talks = tasks.filter((t) => t.duty.role === "rotating-class");
          expect(roster1530.map((r) => r.date)).toEqual(talks.map((t) => t.date));
          expect(talks.map((t) => t.className)).toEqual(roster1530.map((r) => r.className));
          const counts = classes.map((c) => roster1530.filter((r) => r.className === c).length);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
          const n = Math.min(classes.length, roster1530.length);
          expect(new Set(roster1530.slice(0, n).map((r) => r.className)).size).toBe(n);
          roster1530.forEach((r, i) => {
            expect(r.turn).toBe(Math.floor(i / classes.length) + 1);
          });
        },
      ),
      { seed: 1530, numRuns: 120 },
    );
  });

  it("sorts tasks by date, then by the duty's place in the plan", () => {
    const { tasks } = generateSchedule(DEFAULT_SAFETY_PLAN, calendar, {
      from: "2023-09-01",
      to: "2023-12-31",
    });
    const order = new Map(DEFAULT_SAFETY_PLAN.duties.map((d, i) => [d.id, i]));
    for (let i = 1; i < tasks.length; i++) {
      const a = tasks[i - 1] as ScheduledTask;
      const b = tasks[i] as ScheduledTask;
      expect(
        a.date < b.date || (a.date === b.date && (order.get(a.duty.id) ?? 0) <= (order.get(b.duty.id) ?? 0)),
      ).toBe(true);
    }
  });

  describe("2023 National Day (10-02..06 off, make-up Saturday 10-07 and Sunday 10-08)", () => {
    const { tasks } = generateSchedule(DEFAULT_SAFETY_PLAN, calendar, {
      from: "2023-09-25",
      to: "2023-10-15",
      classes: CLASSES,
    });

    it("puts Monday duties of the holiday week on Saturday 10-07 and Friday duties on Sunday 10-08", () => {
      expect(dates(tasks, "utilities-inspection")).toEqual(["2023-09-25", "2023-10-07", "2023-10-09"]);
      expect(dates(tasks, "class-safety-talk")).toEqual(["2023-09-25", "2023-10-07", "2023-10-09"]);
      expect(dates(tasks, "radio-1530")).toEqual(["2023-09-28", "2023-10-08", "2023-10-13"]);
      expect(dates(tasks, "guard-weekly-check")).toEqual(["2023-09-28", "2023-10-08", "2023-10-13"]);
    });

    it("gives the holiday week's tasks the whole week as their window", () => {
      const task = tasks.find((t) => t.duty.id === "radio-1530" && t.date === "2023-10-08");
      expect(task?.window).toEqual({ start: "2023-10-02", end: "2023-10-08" });
    });

    it("puts no daily task on the holidays, and the October monthly tasks on 10-07", () => {
      expect(dates(tasks, "daily-safety-check")).not.toContain("2023-09-29");
      expect(
        dates(tasks, "daily-safety-check").filter((d) => d >= "2023-10-01" && d <= "2023-10-08"),
      ).toEqual(["2023-10-07", "2023-10-08"]);
      expect(dates(tasks, "fire-equipment-inspection")).toEqual(["2023-09-25", "2023-10-07"]);
      expect(
        tasks.find((t) => t.duty.id === "fire-equipment-inspection" && t.date === "2023-10-07")?.window,
      ).toEqual({
        start: "2023-10-01",
        end: "2023-10-15",
      });
    });

    it("counts the holiday week as the semester's sixth school week: the drill falls on 10-07", () => {
      const whole = generateSchedule(DEFAULT_SAFETY_PLAN, calendar, { from: "2023-09-01", to: "2024-07-05" });
      expect(dates(whole.tasks, "evacuation-drill")).toEqual(["2023-10-07", "2024-03-25"]);
      expect(dates(whole.tasks, "safety-wall-poster")).toEqual(["2023-09-18", "2024-03-11"]);
      expect(whole.tasks.find((t) => t.duty.id === "evacuation-drill")?.window).toEqual({
        start: "2023-09-01",
        end: "2024-01-26",
      });
    });

    it("gives the rotating classes their turns in list order", () => {
      expect(tasks.filter((t) => t.duty.id === "radio-1530").map((t) => t.className)).toEqual([
        "一(1)班",
        "一(2)班",
        "二(1)班",
      ]);
    });
  });

  describe("2024 Spring Festival (make-up Sundays 02-04 and 02-18)", () => {
    it("schedules nothing between the semesters, make-up Sundays included", () => {
      const { tasks } = generateSchedule(DEFAULT_SAFETY_PLAN, calendar, {
        from: "2024-01-22",
        to: "2024-02-25",
      });
      expect(tasks.filter((t) => t.date > "2024-01-26" && t.date < "2024-02-19")).toEqual([]);
      expect(dates(tasks, "utilities-inspection")).toEqual(["2024-01-22", "2024-02-19"]);
      expect(dates(tasks, "radio-1530")).toEqual(["2024-01-26", "2024-02-23"]);
      expect(dates(tasks, "guard-training")).toEqual(["2024-01-22", "2024-02-19"]);
    });

    it("puts the weekly tasks on Sunday 02-18 when the school makes it an extra day", () => {
      const withExtra = createSchoolCalendar({ semesters: SEMESTERS, extraDays: ["2024-02-18"] });
      const { tasks } = generateSchedule(DEFAULT_SAFETY_PLAN, withExtra, {
        from: "2024-02-12",
        to: "2024-02-25",
      });
      expect(dates(tasks, "utilities-inspection")).toEqual(["2024-02-18", "2024-02-19"]);
      expect(dates(tasks, "radio-1530")).toEqual(["2024-02-18", "2024-02-23"]);
    });

    it("without semesters, uses the make-up Sundays: the holiday week's tasks all fall on 02-18", () => {
      const { tasks } = generateSchedule(DEFAULT_SAFETY_PLAN, noSemesters, {
        from: "2024-01-29",
        to: "2024-02-18",
      });
      expect(dates(tasks, "utilities-inspection")).toEqual(["2024-01-29", "2024-02-05", "2024-02-18"]);
      expect(dates(tasks, "radio-1530")).toEqual(["2024-02-02", "2024-02-09", "2024-02-18"]);
      expect(dates(tasks, "daily-safety-check")).toContain("2024-02-04");
    });
  });

  describe("themed days", () => {
    it("schedules 9.18, 11.9 and 5.12 of the school year, moved to school days", () => {
      const { tasks } = generateSchedule(DEFAULT_SAFETY_PLAN, calendar, {
        from: "2023-09-01",
        to: "2024-07-05",
      });
      expect(dates(tasks, "air-defence-drill")).toEqual(["2023-09-18"]);
      expect(dates(tasks, "fire-day-drill")).toEqual(["2023-11-09"]);
      // 2024-05-12 is a Sunday; Saturday 05-11 is a 调休 make-up school day.
      expect(dates(tasks, "disaster-drill")).toEqual(["2024-05-11"]);
      expect(tasks.find((t) => t.duty.id === "disaster-drill")?.window).toEqual({
        start: "2024-05-04",
        end: "2024-05-18",
      });
    });

    it("moves 11.9 2024 (a Saturday) to Friday 11-08, or to Monday 11-11 when set to after", () => {
      const range = { from: "2024-09-01", to: "2024-12-31" };
      expect(
        dates(generateSchedule(DEFAULT_SAFETY_PLAN, noSemesters, range).tasks, "fire-day-drill"),
      ).toEqual(["2024-11-08"]);
      const after = generateSchedule(DEFAULT_SAFETY_PLAN, noSemesters, {
        ...range,
        themedDirection: "after",
      });
      expect(dates(after.tasks, "fire-day-drill")).toEqual(["2024-11-11"]);
    });

    it("does not move a themed day back across the summer break", () => {
      const { tasks } = generateSchedule(DEFAULT_SAFETY_PLAN, calendar, {
        from: "2024-02-19",
        to: "2024-12-31",
      });
      expect(dates(tasks, "air-defence-drill")).toEqual([]); // not 2024-07-05
      expect(dates(tasks, "fire-day-drill")).toEqual([]);
    });

    it("leaves out a themed day outside every semester and a moved day outside the range", () => {
      const plan: SafetyPlan = {
        duties: [duty("security-day", { kind: "themed", day: "national-security" })],
      };
      expect(generateSchedule(plan, calendar, { from: "2023-01-01", to: "2023-08-31" }).tasks).toEqual([]);
      // 5.12 2024 moves to 05-11, before a range that starts on 05-12.
      const disaster: SafetyPlan = { duties: [duty("d", { kind: "themed", day: "disaster-prevention" })] };
      expect(generateSchedule(disaster, calendar, { from: "2024-05-12", to: "2024-05-31" }).tasks).toEqual(
        [],
      );
    });
  });

  describe("other cadences", () => {
    it("puts half-monthly tasks on the first school day of each half", () => {
      const plan: SafetyPlan = { duties: [duty("boiler-room", { kind: "half-monthly" })] };
      const { tasks } = generateSchedule(plan, calendar, { from: "2024-02-01", to: "2024-03-31" });
      expect(tasks.map((t) => [t.date, t.window.start, t.window.end])).toEqual([
        ["2024-02-19", "2024-02-16", "2024-02-29"],
        ["2024-03-01", "2024-03-01", "2024-03-15"],
        ["2024-03-18", "2024-03-16", "2024-03-31"],
      ]);
    });

    it("puts a monthly task on the first school day on or after its day, else the month's last", () => {
      const plan: SafetyPlan = {
        duties: [duty("mid", { kind: "monthly", day: 15 }), duty("late", { kind: "monthly", day: 31 })],
      };
      const { tasks } = generateSchedule(plan, calendar, { from: "2024-02-01", to: "2024-04-30" });
      expect(dates(tasks, "mid")).toEqual(["2024-02-19", "2024-03-15", "2024-04-15"]);
      expect(dates(tasks, "late")).toEqual(["2024-02-29", "2024-03-29", "2024-04-30"]);
    });

    it("counts semester weeks from the semester's start, and takes the last week when there are fewer", () => {
      const plan: SafetyPlan = {
        duties: [duty("w3", { kind: "semester" }), duty("w40", { kind: "semester", week: 40 })],
      };
      const { tasks } = generateSchedule(plan, calendar, { from: "2023-09-01", to: "2024-07-05" });
      expect(dates(tasks, "w3")).toEqual(["2023-09-11", "2024-03-04"]);
      expect(dates(tasks, "w40")).toEqual(["2024-01-22", "2024-07-01"]);
      // A range starting after the third week has no w3 task in that semester.
      const late = generateSchedule(plan, calendar, { from: "2023-10-01", to: "2024-01-26" });
      expect(dates(late.tasks, "w3")).toEqual([]);
    });

    it("moves an early weekday forward and a late one back when it is not a school day", () => {
      const plan: SafetyPlan = {
        duties: [
          duty("wed", { kind: "weekly", weekday: 3 }),
          duty("thu", { kind: "weekly", weekday: 4 }),
          duty("any", { kind: "weekly" }),
        ],
      };
      // 2024 Qingming: Thursday 04-04 and Friday 04-05 off, make-up Sunday 04-07.
      const { tasks } = generateSchedule(plan, calendar, { from: "2024-04-01", to: "2024-04-07" });
      expect(dates(tasks, "wed")).toEqual(["2024-04-03"]);
      expect(dates(tasks, "thu")).toEqual(["2024-04-07"]);
      expect(dates(tasks, "any")).toEqual(["2024-04-01"]);
    });
  });

  describe("rotation and range", () => {
    it("gives no class and an empty roster without classes", () => {
      const { tasks, roster1530 } = generateSchedule(DEFAULT_SAFETY_PLAN, calendar, {
        from: "2023-09-01",
        to: "2023-09-30",
      });
      expect(roster1530).toEqual([]);
      expect(tasks.some((t) => "className" in t)).toBe(false);
    });

    it("numbers the rounds of the rotation", () => {
      const { roster1530 } = generateSchedule(DEFAULT_SAFETY_PLAN, calendar, {
        from: "2023-09-01",
        to: "2023-09-30",
        classes: ["甲班", "乙班", " 甲班 ", ""],
      });
      expect(roster1530).toEqual([
        { date: "2023-09-01", className: "甲班", turn: 1 },
        { date: "2023-09-08", className: "乙班", turn: 1 },
        { date: "2023-09-15", className: "甲班", turn: 2 },
        { date: "2023-09-22", className: "乙班", turn: 2 },
        { date: "2023-09-28", className: "甲班", turn: 3 },
      ]);
    });

    it("gives an empty schedule for a reversed range and throws INVALID_DATE for a bad date", () => {
      expect(
        generateSchedule(DEFAULT_SAFETY_PLAN, calendar, { from: "2023-10-02", to: "2023-10-01" }),
      ).toEqual({
        tasks: [],
        roster1530: [],
      });
      expect(() =>
        generateSchedule(DEFAULT_SAFETY_PLAN, calendar, { from: "2023-9-1", to: "2023-10-01" }),
      ).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
    });

    it("does not change the plan it is given", () => {
      const plan = structuredClone(DEFAULT_SAFETY_PLAN) as SafetyPlan;
      generateSchedule(plan, calendar, { from: "2023-09-01", to: "2023-12-31", classes: CLASSES });
      expect(plan).toEqual(DEFAULT_SAFETY_PLAN);
    });
  });
});
