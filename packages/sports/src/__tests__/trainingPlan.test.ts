import { addDaysIso, createSchoolCalendar, HouqinError } from "@houqin/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_TRAINING_SLOTS, planTraining, type TrainingPlan, trainingContent } from "../trainingPlan.js";

const calendar = createSchoolCalendar();
const semesterCalendar = createSchoolCalendar({
  semesters: [{ name: "2023-2024 第一学期", start: "2023-09-01", end: "2024-01-19" }],
});
const GROUPS = ["短跑", "中长跑", "跳跃", "投掷", "接力"];

function checkInvariants(plan: TrainingPlan, start: string, meet: string, cal = calendar): void {
  // Phases cover start .. meet − 1 without gaps or overlaps.
  expect(plan.phases[0]?.start).toBe(start);
  expect(plan.phases.at(-1)?.end).toBe(addDaysIso(meet, -1));
  for (let i = 1; i < plan.phases.length; i++) {
    expect(plan.phases[i]?.start).toBe(addDaysIso(plan.phases[i - 1]?.end as string, 1));
  }
  for (const p of plan.phases) expect(p.start <= p.end).toBe(true);
  // Taper volume is a 40–60% cut of the phase before it, intensity kept.
  const taperIndex = plan.phases.findIndex((p) => p.id === "taper");
  expect(taperIndex).toBe(plan.phases.length - 1);
  const taper = plan.phases[taperIndex];
  const before = plan.phases[taperIndex - 1];
  if (taper && before) {
    const ratio = taper.volumePercent / before.volumePercent;
    expect(ratio).toBeGreaterThanOrEqual(0.4);
    expect(ratio).toBeLessThanOrEqual(0.6);
    expect(taper.intensity).toBe(before.intensity);
  }
  // Sessions only on school days strictly before the meet, inside their phase.
  for (const s of plan.sessions) {
    expect(cal.isSchoolDay(s.date)).toBe(true);
    expect(s.date < meet).toBe(true);
    expect(s.date >= start).toBe(true);
    const phase = plan.phases.find((p) => p.id === s.phase);
    expect(phase && phase.start <= s.date && s.date <= phase.end).toBe(true);
  }
  // Weeks account for every session once.
  expect(plan.weeks.reduce((n, w) => n + w.sessions, 0)).toBe(plan.sessions.length);
}

describe("planTraining", () => {
  it("plans the end-of-September meet of 2023 with a short-preparation warning", () => {
    const plan = planTraining({ start: "2023-09-01", meet: "2023-09-28", calendar, groups: GROUPS });
    checkInvariants(plan, "2023-09-01", "2023-09-28");
    expect(plan.phases.map((p) => [p.id, p.start, p.end, p.volumePercent, p.intensity])).toEqual([
      ["general", "2023-09-01", "2023-09-05", 70, "moderate"],
      ["specific", "2023-09-06", "2023-09-13", 100, "high"],
      ["taper", "2023-09-14", "2023-09-27", 50, "high"],
    ]);
    // The taper covers more than half the time: the plan warns about the short preparation.
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]?.["zh-CN"]).toContain("准备时间仅 13 天");
    expect(plan.warnings[0]?.en).toContain("taper is 52% of all 27 days");
    // 19 school days (09-01 .. 09-27, weekdays), 4 Wednesdays with two slots: 23 slot-days × 5 groups.
    expect(plan.sessions).toHaveLength(23 * 5);
    expect(plan.sessions.some((s) => s.date === "2023-09-02" || s.date === "2023-09-28")).toBe(false);
    const wednesday = plan.sessions.filter((s) => s.date === "2023-09-06" && s.group === "短跑");
    expect(wednesday.map((s) => [s.slot, s.minutes])).toEqual([
      ["课后服务 16:30", 60],
      ["周三社团", 90],
    ]);
    const taperSprint = plan.sessions.find(
      (s) => s.date === "2023-09-20" && s.group === "短跑" && s.slot === "周三社团",
    );
    expect(taperSprint).toMatchObject({ phase: "taper", minutes: 45, volumePercent: 50 });
    expect(taperSprint?.content["zh-CN"]).toBe("短跑·赛前调整期：起跑与短距离冲刺，减量保强度");
    expect(plan.weeks.map((w) => [w.weekStart, w.phase, w.sessions, w.volumePercent])).toEqual([
      ["2023-08-28", "general", 5, 70],
      ["2023-09-04", "specific", 30, 91],
      ["2023-09-11", "taper", 30, 85],
      ["2023-09-18", "taper", 30, 50],
      ["2023-09-25", "taper", 20, 50],
    ]);
  });

  it("skips the National Day holiday and uses the make-up days only where a slot falls", () => {
    const slots = [...DEFAULT_TRAINING_SLOTS, { weekday: 6, name: "周六加练", minutes: 60 }];
    const plan = planTraining({ start: "2023-09-20", meet: "2023-10-12", calendar, groups: ["短跑"], slots });
    checkInvariants(plan, "2023-09-20", "2023-10-12");
    const dates = new Set(plan.sessions.map((s) => s.date));
    for (let d = "2023-09-29"; d <= "2023-10-06"; d = addDaysIso(d, 1)) expect(dates.has(d)).toBe(false);
    expect(dates.has("2023-10-07")).toBe(true); // make-up Saturday with a Saturday slot
    expect(dates.has("2023-10-08")).toBe(false); // make-up Sunday, no Sunday slot
  });

  it("makes the whole plan taper, with a warning, when the time is no longer than the taper", () => {
    const plan = planTraining({ start: "2023-09-18", meet: "2023-09-28", calendar, groups: ["跳跃"] });
    checkInvariants(plan, "2023-09-18", "2023-09-28");
    expect(plan.phases.map((p) => p.id)).toEqual(["taper"]);
    expect(plan.sessions.every((s) => s.phase === "taper" && s.volumePercent === 50)).toBe(true);
    expect(plan.warnings.map((w) => w.en)).toEqual([
      "Only 10 days from the start 2023-09-18 to the meet 2023-09-28, no more than the 14-day taper: the whole plan is taper, with no general or specific preparation.",
    ]);
  });

  it("gives no warning for a long enough preparation", () => {
    const plan = planTraining({ start: "2023-08-14", meet: "2023-09-28", calendar, groups: GROUPS });
    checkInvariants(plan, "2023-08-14", "2023-09-28");
    expect(plan.warnings).toEqual([]);
    expect(plan.phases.map((p) => p.end)).toEqual(["2023-08-25", "2023-09-13", "2023-09-27"]);
  });

  it("warns about a phase without sessions, unknown groups and missing holiday data", () => {
    const plan = planTraining({
      start: "2023-07-01",
      meet: "2023-09-28",
      calendar: semesterCalendar,
      groups: ["跳绳", "跳绳"],
    });
    expect(plan.warnings.map((w) => w["zh-CN"])).toEqual([
      "项目组「跳绳」没有预设训练内容，按通用内容安排。",
      "一般准备期（2023-07-01 至 2023-07-30）没有可安排训练的上课日（训练时段：周一、周二、周三、周四、周五）。",
    ]);
    expect(plan.sessions[0]?.content["zh-CN"]).toBe("跳绳·专项准备期：专项技术与专项素质");
    const future = planTraining({ start: "2099-03-01", meet: "2099-05-01", calendar, groups: ["短跑"] });
    expect(future.warnings.some((w) => w.en.includes("Holiday data for 2099"))).toBe(true);
  });

  it("returns an empty plan with a warning when the meet is not after the start", () => {
    const plan = planTraining({ start: "2023-09-28", meet: "2023-09-28", calendar, groups: GROUPS });
    expect(plan).toMatchObject({ phases: [], sessions: [], weeks: [] });
    expect(plan.warnings[0]?.en).toContain("not after the training start");
  });

  it("throws on broken arguments", () => {
    const base = { start: "2023-09-01", meet: "2023-09-28", calendar, groups: GROUPS };
    expect(() => planTraining({ ...base, taperDays: 0 })).toThrow(HouqinError);
    expect(() => planTraining({ ...base, slots: [{ weekday: 8, name: "x", minutes: 60 }] })).toThrow(
      HouqinError,
    );
    expect(() => planTraining({ ...base, slots: [{ weekday: 1, name: "x", minutes: 0 }] })).toThrow(
      HouqinError,
    );
    expect(() => planTraining({ ...base, start: "2023-02-30" })).toThrow(HouqinError);
  });

  it("keeps its invariants for any start, meet and taper length", () => {
    const day = fc.integer({ min: 0, max: 700 }).map((n) => addDaysIso("2022-08-01", n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 30 }),
        (start, length, taperDays) => {
          const meet = addDaysIso(start, length);
          const plan = planTraining({ start, meet, calendar, groups: ["短跑", "投掷"], taperDays });
          checkInvariants(plan, start, meet);
          const taper = plan.phases.at(-1);
          expect(taper?.id).toBe("taper");
          expect(taper?.start).toBe(addDaysIso(meet, -Math.min(taperDays, length)));
          expect(plan.warnings.some((w) => w.en.includes("the whole plan is taper"))).toBe(
            length <= taperDays,
          );
        },
      ),
      { seed: 20230928, numRuns: 150 },
    );
  });
});

describe("trainingContent", () => {
  it("names the group, the phase and the work in both languages", () => {
    expect(trainingContent("短跑", "specific")).toEqual({
      "zh-CN": "短跑·专项准备期：起跑、加速跑、途中跑",
      en: "Sprints · specific preparation: starts, acceleration runs, maximal-speed running",
    });
  });
});
