import type { IsoDate } from "@houqin/core";
import { type CheckContext, judgedPeriod } from "@houqin/workbook";
import { meals } from "./kinds.js";

/** A span of dates, both ends inclusive. */
export interface DateSpan {
  from: IsoDate;
  to: IsoDate;
}

/** Whether a meals row says nobody ate (every headcount it gives is 0: 停餐). */
function nobodyAte(values: { students?: number; staff?: number; diners?: number }): boolean {
  const counts = [values.students, values.staff, values.diners].filter((n) => n !== undefined);
  return counts.length > 0 && counts.every((n) => n === 0);
}

interface MealDates {
  all: IsoDate[];
  served: Set<IsoDate>;
  span: DateSpan | undefined;
}

const cache = new WeakMap<CheckContext, MealDates>();

/** The meals tables' dates: every row's, the days with a meal served, and the span they cover. */
function mealDates(ctx: CheckContext): MealDates {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const all: IsoDate[] = [];
  const served = new Set<IsoDate>();
  for (const table of ctx.tablesOf(meals))
    for (const { values } of table.rows) {
      all.push(values.date);
      if (!nobodyAte(values)) served.add(values.date);
    }
  const result = { all, served, span: mealsSpan(ctx, all) };
  cache.set(ctx, result);
  return result;
}

/** The span the meals tables cover, stray dates (a mistyped year) left out; undefined without meals. */
function mealsSpan(ctx: CheckContext, all: readonly IsoDate[]): DateSpan | undefined {
  const period = judgedPeriod(ctx, all);
  if (!period) return undefined;
  const kept = all.filter((d) => d >= period.from && d <= period.to).sort();
  const from = kept[0];
  const to = kept[kept.length - 1];
  return from === undefined || to === undefined ? undefined : { from, to };
}

/**
 * The canteen's serving days in a range, in order. Where the workbook's meals tables
 * (`canteen.meals`) cover the range, a serving day is a day with at least one meal row (a row whose
 * headcounts are all 0 is a day without service, 停餐) — a make-up Saturday with lunch is one, a
 * school day without a row is not. Outside the span the meals tables cover, and in a workbook
 * without them, the serving days are the school days of the calendar.
 *
 * @param ctx - the check context
 * @param from - the first date
 * @param to - the last date
 * @returns the serving days from `from` to `to`, both inclusive
 * @example
 * // no meals table; National Day 2023 and its make-up Saturday 10-07
 * servingDays(ctx, "2023-10-01", "2023-10-09") // ["2023-10-07", "2023-10-08", "2023-10-09"]
 */
export function servingDays(ctx: CheckContext, from: IsoDate, to: IsoDate): IsoDate[] {
  if (to < from) return [];
  const { served, span } = mealDates(ctx);
  if (!span) return ctx.calendar.schoolDays(from, to);
  const days = new Set<IsoDate>();
  for (const d of ctx.calendar.schoolDays(from, to)) if (d < span.from || d > span.to) days.add(d);
  for (const d of served) if (d >= from && d <= to && d >= span.from && d <= span.to) days.add(d);
  return [...days].sort();
}

/**
 * The period a canteen log is judged over: the period its own dates cover ({@link judgedPeriod}:
 * whole semesters when the settings give them, else the span of its dates), joined with the period
 * of the meals tables — a log that starts weeks after the canteen began serving is short of those
 * weeks — and ending no later than "today" (ctx.asOf): a day after it is never missing.
 *
 * @param ctx - the check context
 * @param dates - the log's dates (may be empty: then the meals tables alone decide)
 * @returns the period, or undefined when there is nothing to judge
 * @example
 * // meals from 2023-09-01, disinfection log from 2023-09-18, as of 2023-10-31
 * servingPeriod(ctx, logDates) // { from: "2023-09-01", to: "2023-10-31" }
 */
export function servingPeriod(ctx: CheckContext, dates: readonly IsoDate[]): DateSpan | undefined {
  const spans = [judgedPeriod(ctx, dates), judgedPeriod(ctx, mealDates(ctx).all)].filter(
    (s): s is DateSpan => s !== undefined,
  );
  if (spans.length === 0) return undefined;
  const from = spans.map((s) => s.from).reduce((a, b) => (a < b ? a : b));
  const end = spans.map((s) => s.to).reduce((a, b) => (a > b ? a : b));
  const to = end < ctx.asOf ? end : ctx.asOf;
  return from <= to ? { from, to } : undefined;
}
