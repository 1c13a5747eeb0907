import {
  addDaysIso,
  HouqinError,
  type IsoDate,
  isIsoDate,
  type SchoolCalendar,
  type SchoolDayDirection,
} from "@houqin/core";
import { generateSchedule } from "./generateSchedule.js";
import type { Cadence, Duty } from "./plan.js";

/** How {@link nextDue} places a themed day. */
export interface NextDueOptions {
  /** Where a themed day that is not a school day moves: `"before"` (the default) or `"after"`. */
  themedDirection?: SchoolDayDirection;
}

const LAST_DATE: IsoDate = "9999-12-31";

/**
 * How far ahead to schedule, in days, growing until the next period lies wholly inside: a week
 * or two for daily and weekly duties, a year and more for semester and themed ones.
 */
const HORIZONS = [21, 100, 400, 1200] as const;

/** The date `days` after `date`, or the last date there is. */
function ahead(date: IsoDate, days: number): IsoDate {
  return date >= addDaysIso(LAST_DATE, -days) ? LAST_DATE : addDaysIso(date, days);
}

/**
 * When a duty of a cadence falls due next, given the date it was last done: the planned date of
 * the first period after the one that date fulfils, exactly as {@link generateSchedule} plans it.
 *
 * A record anywhere in a task's window fulfils the task, so the next due date is the date of the
 * first task whose window starts after `last`: the next school day for a daily duty; the planned
 * day of the next school week for a weekly one (done on Monday, a Friday duty is next due on the
 * Friday of the week after); the first school day of the next half month; the first school day on
 * or after the day of the next month; the `week`-th school week of the next semester; the themed
 * day of the next year, once the week either side of this year's is reached. Holidays, 调休
 * make-up days, the semesters, closures and extra days all come from the calendar.
 *
 * @param cadence - The duty's cadence (see `parseCadence` for the words schools use).
 * @param last - The date the duty was last done.
 * @param calendar - The school calendar.
 * @param options - Where themed days move.
 * @returns The school day it is next due, always after `last`; undefined when no school day is
 *   left (after the calendar's last semester).
 * @throws HouqinError `INVALID_DATE` when `last` is not an ISO date.
 * @example
 * const calendar = createSchoolCalendar();
 * nextDue({ kind: "daily" }, "2024-09-30", calendar) // "2024-10-08": 1–7 October is National Day
 * nextDue({ kind: "weekly", weekday: 5 }, "2024-10-08", calendar) // "2024-10-18"
 * nextDue({ kind: "monthly", day: 15 }, "2024-10-15", calendar) // "2024-11-15"
 */
export function nextDue(
  cadence: Cadence,
  last: IsoDate,
  calendar: SchoolCalendar,
  options: NextDueOptions = {},
): IsoDate | undefined {
  if (!isIsoDate(last)) throw new HouqinError("INVALID_DATE", `Not an ISO date: ${String(last)}`);
  const duty: Duty = {
    id: "next-due",
    clause: "",
    title: { "zh-CN": "", en: "" },
    role: "school",
    cadence,
    checklist: [],
  };
  const plan = { duties: [duty] };
  for (const days of HORIZONS) {
    const to = ahead(last, days);
    const { tasks } = generateSchedule(plan, calendar, {
      from: last,
      to,
      ...(options.themedDirection === undefined ? {} : { themedDirection: options.themedDirection }),
    });
    // Windows are clipped to the range, so one that starts after `last` starts after it unclipped
    // too; one that reaches `to` may be cut short, and its date with it: look further then.
    const next = tasks.find((task) => task.window.start > last);
    if (next !== undefined && (next.window.end < to || to === LAST_DATE)) return next.date;
    if (to === LAST_DATE) return undefined;
  }
  return undefined;
}
