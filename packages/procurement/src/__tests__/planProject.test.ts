import { createSchoolCalendar, HouqinError, type IsoDate } from "@houqin/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN_DURATIONS, PLAN_STEPS, type PlanStepId, planProject } from "../index.js";

const calendar = createSchoolCalendar({
  semesters: [
    { name: "第一学期", start: "2023-09-01", end: "2024-01-26" },
    { name: "第二学期", start: "2024-02-26", end: "2024-07-05" },
  ],
});

describe("planProject", () => {
  it("plans a project started in May back from the last working day of the summer holiday", () => {
    const plan = planProject({
      start: "2024-05-06",
      holidayStart: "2024-07-06",
      holidayEnd: "2024-08-31",
      calendar,
    });
    expect(plan.fits).toBe(true);
    expect(plan.deadline).toBe("2024-08-30");
    expect(plan.workdays).toBe(61);
    expect(plan.steps.map((s) => [s.id, s.workdays, s.latestStart, s.latestFinish])).toEqual([
      // 端午节 (10 June) is not a working day.
      ["decision", 3, "2024-06-06", "2024-06-11"],
      ["approval", 10, "2024-06-12", "2024-06-25"],
      ["review", 5, "2024-06-26", "2024-07-02"],
      ["procurement", 20, "2024-07-03", "2024-07-30"],
      ["implementation", 20, "2024-07-31", "2024-08-27"],
      ["acceptance", 3, "2024-08-28", "2024-08-30"],
    ]);
    // Going as fast as it can, the works wait for the holiday (Monday 8 July).
    const works = plan.steps.find((s) => s.id === "implementation");
    expect([works?.earliestStart, works?.earliestFinish]).toEqual(["2024-07-08", "2024-08-02"]);
    expect(plan.earliestFinish).toBe("2024-08-07");
    expect(plan.slack).toBe(17);
  });

  it("says a project decided at the start of the holiday does not fit, and by how much", () => {
    const plan = planProject({
      start: "2024-07-08",
      holidayStart: "2024-07-06",
      holidayEnd: "2024-08-31",
      calendar,
    });
    expect(plan.fits).toBe(false);
    expect(plan.steps[0]?.latestStart).toBe("2024-06-06");
    expect(plan.earliestFinish).toBe("2024-09-30");
    expect(plan.slack).toBe(-21);
  });

  it("plans only the steps still to do, with the durations given", () => {
    const plan = planProject({
      start: "2024-07-08",
      holidayEnd: "2024-08-31",
      calendar,
      from: "implementation",
      durations: { implementation: 30 },
    });
    expect(plan.steps.map((s) => s.id)).toEqual(["implementation", "acceptance"]);
    expect(plan.steps[0]?.workdays).toBe(30);
    expect(plan.workdays).toBe(33);
    expect(plan.fits).toBe(true);
  });

  it("rejects a duration that is not a positive whole number and a date that is not a date", () => {
    const bad = () =>
      planProject({ start: "2024-07-08", holidayEnd: "2024-08-31", calendar, durations: { review: 0 } });
    expect(bad).toThrow(HouqinError);
    expect(() => planProject({ start: "2024-07-32", holidayEnd: "2024-08-31", calendar })).toThrow(
      expect.objectContaining({ code: "INVALID_DATE" }),
    );
  });

  it("keeps every deadline in stage order, on working days and never after the end of the holiday", () => {
    const day = fc.integer({ min: 0, max: 365 * 6 }).map((n) => {
      const d = new Date(Date.UTC(2020, 0, 1 + n));
      return d.toISOString().slice(0, 10) as IsoDate;
    });
    const durations = fc.record(
      Object.fromEntries(PLAN_STEPS.map((s) => [s.id, fc.integer({ min: 1, max: 40 })])) as Record<
        PlanStepId,
        fc.Arbitrary<number>
      >,
    );
    const from = fc.constantFrom(...PLAN_STEPS.map((s) => s.id));
    const plain = createSchoolCalendar();
    fc.assert(
      fc.property(day, day, durations, from, (start, holidayEnd, durations, from) => {
        const plan = planProject({ start, holidayEnd, calendar: plain, durations, from });
        let previous: IsoDate | undefined;
        for (const step of plan.steps) {
          expect(plain.isWorkday(step.latestStart)).toBe(true);
          expect(plain.isWorkday(step.latestFinish)).toBe(true);
          expect(step.latestStart <= step.latestFinish).toBe(true);
          expect(step.latestFinish <= holidayEnd).toBe(true);
          if (previous !== undefined) expect(previous < step.latestStart).toBe(true);
          previous = step.latestFinish;
          expect(step.earliestStart >= start).toBe(true);
        }
        expect(plan.fits).toBe(plan.slack >= 0);
        expect(plan.workdays).toBe(plan.steps.reduce((sum, s) => sum + s.workdays, 0));
      }),
      { seed: 20240601, numRuns: 200 },
    );
  });

  it("uses the default durations when none are given", () => {
    const plan = planProject({ start: "2024-05-06", holidayEnd: "2024-08-31", calendar });
    expect(plan.steps.map((s) => s.workdays)).toEqual(PLAN_STEPS.map((s) => DEFAULT_PLAN_DURATIONS[s.id]));
  });
});
