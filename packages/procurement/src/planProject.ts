import {
  addDaysIso,
  type Bilingual,
  HouqinError,
  type IsoDate,
  isIsoDate,
  type SchoolCalendar,
} from "@houqin/core";

/**
 * The steps of a holiday project's plan: the stages up to 专家组验收, with the works themselves
 * (施工 or delivery and installation, 实施) between procurement and acceptance. Audit and settlement
 * follow acceptance and may run into the term.
 */
export type PlanStepId = "decision" | "approval" | "review" | "procurement" | "implementation" | "acceptance";

/** One step of {@link PLAN_STEPS}. */
export interface PlanStep {
  readonly id: PlanStepId;
  readonly title: Bilingual;
}

/**
 * The steps a holiday project is planned in, in order.
 *
 * @example PLAN_STEPS.map((s) => s.id) // ["decision", "approval", "review", "procurement", "implementation", "acceptance"]
 */
export const PLAN_STEPS: readonly PlanStep[] = Object.freeze([
  { id: "decision", title: { "zh-CN": "三重一大", en: "collective decision" } },
  { id: "approval", title: { "zh-CN": "立项审批", en: "project approval" } },
  { id: "review", title: { "zh-CN": "专家论证", en: "expert review" } },
  { id: "procurement", title: { "zh-CN": "委托代理采购", en: "agency procurement" } },
  {
    id: "implementation",
    title: { "zh-CN": "施工（供货安装）", en: "works (or delivery and installation)" },
  },
  { id: "acceptance", title: { "zh-CN": "专家验收", en: "expert acceptance" } },
] as const satisfies readonly PlanStep[]);

/** The working days each step needs at least. */
export type PlanDurations = Readonly<Record<PlanStepId, number>>;

/**
 * The default minimum working days of each step: 三重一大 3, 立项审批 10, 专家论证 5,
 * 委托代理采购 20 (a public tender alone gives bidders 20 days), 施工 20, 验收 3. Schools change them
 * in the settings; they are minimums, not norms.
 *
 * @example DEFAULT_PLAN_DURATIONS.procurement // 20
 */
export const DEFAULT_PLAN_DURATIONS: PlanDurations = Object.freeze({
  decision: 3,
  approval: 10,
  review: 5,
  procurement: 20,
  implementation: 20,
  acceptance: 3,
});

/** What {@link planProject} plans from. */
export interface PlanProjectOptions {
  /** The first day work can begin (usually today). */
  start: IsoDate;
  /** The last day of the holiday: acceptance is done by then, and the term starts the day after. */
  holidayEnd: IsoDate;
  /** Working days come from its State Council calendar (weekends and holidays off, 调休 days on). */
  calendar: SchoolCalendar;
  /** Minimum working days per step; the ones left out keep {@link DEFAULT_PLAN_DURATIONS}. */
  durations?: Partial<PlanDurations>;
  /** The first day of the holiday: the works may not begin before it (teaching is not disturbed). */
  holidayStart?: IsoDate;
  /** The first step still to do; the steps before it are done. Default: the first step. */
  from?: PlanStepId;
}

/** One step of a {@link ProjectPlan}, with its latest and its earliest dates (all working days). */
export interface PlannedStep {
  id: PlanStepId;
  title: Bilingual;
  /** The working days it needs. */
  workdays: number;
  /** The last day it may begin, and the last day it may end, for acceptance to be done in time. */
  latestStart: IsoDate;
  latestFinish: IsoDate;
  /** The first day it can begin, and the first day it can end, going as fast as the durations allow. */
  earliestStart: IsoDate;
  earliestFinish: IsoDate;
}

/** A backward plan of a project's stage deadlines. */
export interface ProjectPlan {
  steps: PlannedStep[];
  /** Whether every step fits between `start` and the end of the holiday. */
  fits: boolean;
  /** The last day acceptance may end: the last working day of the holiday. */
  deadline: IsoDate;
  /** The first day acceptance can end, going as fast as the durations allow. */
  earliestFinish: IsoDate;
  /** Working days to spare (0 or more when it fits) or missing (negative). */
  slack: number;
  /** The working days the steps need in all. */
  workdays: number;
}

/** Calendar days a search for a working day may go before the dates are surely wrong. */
const SEARCH_LIMIT = 400;

function workdayFrom(calendar: SchoolCalendar, date: IsoDate, step: 1 | -1): IsoDate {
  let d = date;
  for (let i = 0; i < SEARCH_LIMIT; i++) {
    if (calendar.isWorkday(d)) return d;
    d = addDaysIso(d, step);
  }
  throw new HouqinError("INVALID_CALENDAR", `No working day within ${SEARCH_LIMIT} days of ${date}`);
}

/** The date n - 1 working days away from a working day: the other end of an n-day step. */
function spanEnd(calendar: SchoolCalendar, from: IsoDate, n: number, step: 1 | -1): IsoDate {
  let d = from;
  for (let i = 1; i < n; i++) d = workdayFrom(calendar, addDaysIso(d, step), step);
  return d;
}

/** Working days after `a` up to and including `b` (negative when b is before a). */
function workdaysBetween(calendar: SchoolCalendar, a: IsoDate, b: IsoDate): number {
  const [from, to, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = addDaysIso(from, 1); d <= to; d = addDaysIso(d, 1)) if (calendar.isWorkday(d)) count++;
  return sign * count;
}

function checkOptions(options: PlanProjectOptions, durations: PlanDurations): void {
  for (const [name, date] of [
    ["start", options.start],
    ["holidayEnd", options.holidayEnd],
    ["holidayStart", options.holidayStart],
  ] as const) {
    if (date !== undefined && !isIsoDate(date))
      throw new HouqinError("INVALID_DATE", `${name} is not an ISO date: ${String(date)}`);
  }
  for (const [id, days] of Object.entries(durations)) {
    if (!Number.isInteger(days) || days < 1)
      throw new HouqinError(
        "INVALID_ARGUMENT",
        `The working days of "${id}" must be a positive integer: ${days}`,
      );
  }
  if (options.from !== undefined && !PLAN_STEPS.some((s) => s.id === options.from))
    throw new HouqinError("INVALID_ARGUMENT", `Unknown plan step: ${String(options.from)}`);
}

/**
 * Plans a holiday project backwards from the term: acceptance ends by the last working day of the
 * holiday, the works end before acceptance begins, and so on back to 三重一大, each step taking its
 * minimum working days. Each step gets the last day it may begin and end; going forwards from `start`
 * (the works not before `holidayStart`), it also gets the first day it can begin and end. The project
 * fits when acceptance can end by the deadline. Pure: the calendar says which days are working days.
 *
 * @param options - Start, end of the holiday, calendar; optionally durations, start of the holiday,
 * and the first step still to do.
 * @returns The steps in order with their dates, whether they fit, and the working days to spare.
 * @throws HouqinError `INVALID_DATE` for a date that is not an ISO date, `INVALID_ARGUMENT` for a
 * duration that is not a positive whole number or an unknown step.
 * @example
 * const plan = planProject({ start: "2024-05-06", holidayEnd: "2024-08-31", calendar: createSchoolCalendar() });
 * plan.fits // true
 * plan.steps.at(-1)?.latestFinish // "2024-08-30", the last working day of the holiday
 * plan.steps[0]?.latestStart // "2024-06-06": 三重一大 must begin by then (端午 on 06-10 is off)
 */
export function planProject(options: PlanProjectOptions): ProjectPlan {
  const { calendar, start, holidayEnd, holidayStart } = options;
  const durations: PlanDurations = { ...DEFAULT_PLAN_DURATIONS, ...options.durations };
  checkOptions(options, durations);
  const first = options.from === undefined ? 0 : PLAN_STEPS.findIndex((s) => s.id === options.from);
  const steps = PLAN_STEPS.slice(first);

  // Backwards: each step ends on the working day before the next one begins.
  const latest: { start: IsoDate; finish: IsoDate }[] = [];
  let finish = workdayFrom(calendar, holidayEnd, -1);
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i] as PlanStep;
    const begin = spanEnd(calendar, finish, durations[step.id], -1);
    latest[i] = { start: begin, finish };
    finish = workdayFrom(calendar, addDaysIso(begin, -1), -1);
  }

  // Forwards: each step begins on the working day after the previous one ends.
  const planned: PlannedStep[] = [];
  let next = start;
  steps.forEach((step, i) => {
    const from =
      step.id === "implementation" && holidayStart !== undefined && holidayStart > next ? holidayStart : next;
    const earliestStart = workdayFrom(calendar, from, 1);
    const earliestFinish = spanEnd(calendar, earliestStart, durations[step.id], 1);
    const bounds = latest[i] as { start: IsoDate; finish: IsoDate };
    planned.push({
      id: step.id,
      title: step.title,
      workdays: durations[step.id],
      latestStart: bounds.start,
      latestFinish: bounds.finish,
      earliestStart,
      earliestFinish,
    });
    next = addDaysIso(earliestFinish, 1);
  });

  const last = planned[planned.length - 1] as PlannedStep;
  return {
    steps: planned,
    fits: last.earliestFinish <= last.latestFinish,
    deadline: last.latestFinish,
    earliestFinish: last.earliestFinish,
    slack: workdaysBetween(calendar, last.earliestFinish, last.latestFinish),
    workdays: steps.reduce((sum, s) => sum + durations[s.id], 0),
  };
}
