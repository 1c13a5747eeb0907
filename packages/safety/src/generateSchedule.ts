import {
  addDaysIso,
  HouqinError,
  type IsoDate,
  isIsoDate,
  type SchoolCalendar,
  type SchoolDayDirection,
  type SchoolWeek,
  type SemesterSpan,
  semesterSpans,
  wholeSemesters,
} from "@houqin/core";
import type { Cadence, Duty, SafetyPlan } from "./plan.js";
import { themedDate } from "./themedDays.js";

/** A date range, both ends inclusive. */
export interface DateWindow {
  start: IsoDate;
  end: IsoDate;
}

/** One dated task of the schedule. */
export interface ScheduledTask {
  /** The school day the task is planned for. */
  date: IsoDate;
  duty: Duty;
  /**
   * The period the task belongs to, within the schedule's range: the day, the school week
   * (Monday–Sunday), the half month, the month, the semester, or a week either side of a themed day.
   * A record anywhere in the window fulfils the task.
   */
  window: DateWindow;
  /** The class on duty, for a rotating-class duty when classes were given. */
  className?: string;
}

/** One turn of a class in the 1530 rotation. */
export interface RosterEntry {
  date: IsoDate;
  className: string;
  /** The round of the rotation, 1-based: every class has turn 1 before any has turn 2. */
  turn: number;
}

/** The dated tasks of a safety plan, and the roster of the rotating classes. */
export interface SafetySchedule {
  /** Sorted by date, then by the duty's place in the plan. */
  tasks: ScheduledTask[];
  /** The rotating-class tasks with their classes, in date order; empty without classes. */
  roster1530: RosterEntry[];
}

/** What to schedule. */
export interface GenerateScheduleOptions {
  /** The first date, inclusive. */
  from: IsoDate;
  /** The last date, inclusive. */
  to: IsoDate;
  /** The classes that take turns at the rotating-class duties (the 1530 radio talk), in order. */
  classes?: readonly string[];
  /** Where a themed day that is not a school day moves: `"before"` (the default) or `"after"`. */
  themedDirection?: SchoolDayDirection;
}

interface Range {
  from: IsoDate;
  to: IsoDate;
}

const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
const clip = (start: IsoDate, end: IsoDate, range: Range): DateWindow => ({
  start: maxDate(start, range.from),
  end: minDate(end, range.to),
});

/** The first and last day of each calendar month that meets the range, unclipped. */
function monthsOf(range: Range): DateWindow[] {
  const months: DateWindow[] = [];
  let year = Number(range.from.slice(0, 4));
  let month = Number(range.from.slice(5, 7));
  for (;;) {
    const first = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
    if (first > range.to) break;
    let days = 31;
    while (!isIsoDate(`${first.slice(0, 8)}${days}`)) days -= 1;
    months.push({ start: first, end: `${first.slice(0, 8)}${days}` });
    if (year === 9999 && month === 12) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The school days of the range that lie in a window. */
function daysIn(days: readonly IsoDate[], window: DateWindow): IsoDate[] {
  return days.filter((d) => d >= window.start && d <= window.end);
}

type Planned = { date: IsoDate; window: DateWindow };

function weeklyTasks(weeks: readonly SchoolWeek[], weekday: number, range: Range): Planned[] {
  return weeks.map((week) => {
    const preferred = addDaysIso(week.weekStart, weekday - 1);
    const first = week.days[0] as IsoDate;
    const last = week.days[week.days.length - 1] as IsoDate;
    const date = week.days.includes(preferred) ? preferred : weekday >= 4 ? last : first;
    return { date, window: clip(week.weekStart, week.weekEnd, range) };
  });
}

function halfMonthlyTasks(days: readonly IsoDate[], range: Range): Planned[] {
  const planned: Planned[] = [];
  for (const month of monthsOf(range)) {
    const halves = [
      { start: month.start, end: `${month.start.slice(0, 8)}15` },
      { start: `${month.start.slice(0, 8)}16`, end: month.end },
    ];
    for (const half of halves) {
      const window = clip(half.start, half.end, range);
      const date = daysIn(days, window)[0];
      if (date !== undefined) planned.push({ date, window });
    }
  }
  return planned;
}

function monthlyTasks(days: readonly IsoDate[], day: number, range: Range): Planned[] {
  const planned: Planned[] = [];
  const dd = String(Math.min(31, Math.max(1, Math.trunc(day)))).padStart(2, "0");
  for (const month of monthsOf(range)) {
    const window = clip(month.start, month.end, range);
    const inMonth = daysIn(days, window);
    const from = `${month.start.slice(0, 8)}${dd}`;
    const date = inMonth.find((d) => d >= from) ?? inMonth[inMonth.length - 1];
    if (date !== undefined) planned.push({ date, window });
  }
  return planned;
}

function semesterTasks(calendar: SchoolCalendar, week: number, range: Range): Planned[] {
  const planned: Planned[] = [];
  const spans = semesterSpans(calendar, range.from, range.to);
  const wholes = wholeSemesters(calendar, range.from, range.to);
  wholes.forEach((whole, i) => {
    // Weeks are counted from the semester's own start, not from the start of the range.
    const weeks = calendar.schoolWeeks(whole.start, whole.end);
    const n = Math.max(1, Math.trunc(week));
    const chosen = weeks[Math.min(n, weeks.length) - 1];
    const date = chosen?.days[0];
    const span = spans[i] as SemesterSpan;
    if (date !== undefined && date >= range.from && date <= range.to) {
      planned.push({ date, window: { start: span.start, end: span.end } });
    }
  });
  return planned;
}

function themedTasks(
  calendar: SchoolCalendar,
  day: Extract<Cadence, { kind: "themed" }>["day"],
  direction: SchoolDayDirection,
  range: Range,
): Planned[] {
  const planned: Planned[] = [];
  const spans = semesterSpans(calendar, range.from, range.to);
  const firstYear = Math.max(1, Number(range.from.slice(0, 4)) - 1);
  const lastYear = Math.min(9999, Number(range.to.slice(0, 4)) + 1);
  for (let year = firstYear; year <= lastYear; year++) {
    const date = themedDate(day, year, calendar, direction);
    if (date === undefined || date < range.from || date > range.to) continue;
    if (!spans.some((s) => s.start <= date && date <= s.end)) continue;
    if (planned.some((p) => p.date === date)) continue;
    planned.push({ date, window: clip(addDaysIso(date, -7), addDaysIso(date, 7), range) });
  }
  return planned;
}

function plannedFor(
  duty: Duty,
  calendar: SchoolCalendar,
  range: Range,
  days: readonly IsoDate[],
  weeks: readonly SchoolWeek[],
  direction: SchoolDayDirection,
): Planned[] {
  const cadence = duty.cadence;
  switch (cadence.kind) {
    case "daily":
      return days.map((date) => ({ date, window: { start: date, end: date } }));
    case "weekly":
      return weeklyTasks(weeks, cadence.weekday ?? 1, range);
    case "half-monthly":
      return halfMonthlyTasks(days, range);
    case "monthly":
      return monthlyTasks(days, cadence.day ?? 1, range);
    case "semester":
      return semesterTasks(calendar, cadence.week ?? 3, range);
    case "themed":
      return themedTasks(calendar, cadence.day, direction, range);
  }
}

/** The class names to rotate through: trimmed, blanks left out, each once, in order. */
function rotation(classes: readonly string[] | undefined): string[] {
  const names: string[] = [];
  for (const raw of classes ?? []) {
    const name = raw.trim();
    if (name !== "" && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Turns a safety plan into dated tasks on the school days of a range.
 *
 * - `daily`: every school day; the window is the day.
 * - `weekly`: one task in each school week (an ISO week with a school day in the range), on the
 *   preferred weekday (Monday when none is given) when it is a school day, else on the week's last
 *   school day for Thursday or Friday and on its first school day for Monday to Wednesday; the
 *   window is the week, Monday to Sunday.
 * - `half-monthly`: on the first school day of the 1st–15th and of the 16th–end; the window is the half.
 * - `monthly`: on the first school day on or after `day` (default 1), else the month's last school
 *   day; the window is the month.
 * - `semester`: for each semester ({@link semesterSpans}), on the first school day of its `week`-th
 *   school week (default 3; the last school week when it has fewer), counted from the semester's
 *   start, so a range that begins later leaves it out; the window is the semester.
 * - `themed`: the themed day moved to a school day ({@link themedDate}) when that lies in the range
 *   and in a semester; the window is a week either side of it.
 *
 * Every window is clipped to the range. Tasks are sorted by date, then by the duty's place in the
 * plan. The tasks of rotating-class duties (the "1530" radio talk) take the given classes in
 * turn, in list order across all such tasks: every class has a turn before any has a second.
 *
 * @param plan - The safety plan.
 * @param calendar - The school calendar (semesters, holidays, 调休, closures, extra days).
 * @param options - The range, the classes of the rotation, where themed days move.
 * @returns The tasks and the 1530 roster (empty without classes); empty when `to` is before `from`.
 * @throws HouqinError `INVALID_DATE` when `from` or `to` is not an ISO date.
 * @example
 * const calendar = createSchoolCalendar({
 *   semesters: [{ name: "2023–2024 第一学期", start: "2023-09-01", end: "2024-01-26" }],
 * });
 * const { tasks, roster1530 } = generateSchedule(DEFAULT_SAFETY_PLAN, calendar, {
 *   from: "2023-10-02",
 *   to: "2023-10-08",
 *   classes: ["三(1)班", "三(2)班"],
 * });
 * tasks.filter((t) => t.duty.id === "radio-1530").map((t) => t.date) // ["2023-10-08"]
 * roster1530 // [{ date: "2023-10-08", className: "三(1)班", turn: 1 }]
 */
export function generateSchedule(
  plan: SafetyPlan,
  calendar: SchoolCalendar,
  options: GenerateScheduleOptions,
): SafetySchedule {
  const range: Range = { from: options.from, to: options.to };
  for (const d of [range.from, range.to]) {
    if (!isIsoDate(d)) throw new HouqinError("INVALID_DATE", `Not an ISO date: ${String(d)}`);
  }
  if (range.from > range.to) return { tasks: [], roster1530: [] };
  const days = calendar.schoolDays(range.from, range.to);
  const weeks = calendar.schoolWeeks(range.from, range.to);
  const direction = options.themedDirection ?? "before";

  const ordered: { task: ScheduledTask; order: number }[] = [];
  plan.duties.forEach((duty, order) => {
    for (const { date, window } of plannedFor(duty, calendar, range, days, weeks, direction)) {
      ordered.push({ task: { date, duty, window }, order });
    }
  });
  ordered.sort((a, b) =>
    a.task.date < b.task.date ? -1 : a.task.date > b.task.date ? 1 : a.order - b.order,
  );
  const tasks = ordered.map((o) => o.task);

  const classes = rotation(options.classes);
  const roster1530: RosterEntry[] = [];
  if (classes.length > 0) {
    let i = 0;
    tasks.forEach((task, at) => {
      if (task.duty.role !== "rotating-class") return;
      const className = classes[i % classes.length] as string;
      tasks[at] = { ...task, className };
      roster1530.push({ date: task.date, className, turn: Math.floor(i / classes.length) + 1 });
      i += 1;
    });
  }
  return { tasks, roster1530 };
}
