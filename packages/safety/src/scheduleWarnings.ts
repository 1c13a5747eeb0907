import { type Bilingual, type IsoDate, localize } from "@houqin/core";
import type { CheckContext } from "@houqin/workbook";
import type { SafetySchedule } from "./generateSchedule.js";

/** What a {@link ScheduleWarning} is about; front ends branch on it, never on the text. */
export type ScheduleWarningCode = "no-semesters" | "uncovered-year" | "no-classes";

/** Something the school should know about a generated schedule, in both languages. */
export interface ScheduleWarning {
  code: ScheduleWarningCode;
  message: Bilingual;
}

const MESSAGES = {
  "no-semesters": {
    "zh-CN": "没有学期日期，寒暑假的工作日也会排入日程；请在“设置”中填写第一、第二学期的开始和结束日期",
    en: "No semester dates, so weekdays in the holidays are scheduled too; add the semesters' start and end dates to 设置",
  },
  "uncovered-year": {
    "zh-CN": "暂无 {year} 年的法定节假日和调休数据，该年按周一至周五上学计算",
    en: "No statutory holiday data for {year} yet; Monday to Friday are taken as school days",
  },
  "no-classes": {
    "zh-CN": "没有班级名单，1530 轮值表为空（在“设置”中填写“班级”，或加一张有“班级”“班主任”列的工作表）",
    en: "No class list, so the 1530 roster is empty (add 班级 to the settings, or a sheet with 班级 and 班主任 columns)",
  },
} satisfies Record<ScheduleWarningCode, Bilingual>;

function warning(code: ScheduleWarningCode, params: Record<string, unknown> = {}): ScheduleWarning {
  const text = MESSAGES[code];
  return {
    code,
    message: { "zh-CN": localize(text, "zh-CN", params), en: localize(text, "en", params) },
  };
}

/**
 * What the school should know about a schedule from {@link scheduleFor}: no semester dates (so the
 * holidays' weekdays are scheduled), a year without statutory holiday data, no class list for the
 * 1530 roster. The texts name no front end; each app may add its own hint.
 *
 * @param ctx - The workbook's context (its calendar).
 * @param schedule - The schedule made for `from`–`to`.
 * @param from - The first date of the schedule.
 * @param to - The last date of the schedule.
 * @returns The warnings in order: semesters, then each uncovered year, then classes; empty when all is well.
 *
 * @example
 * const schedule = scheduleFor(ctx, "2023-09-01", "2024-01-31");
 * for (const w of scheduleWarnings(ctx, schedule, "2023-09-01", "2024-01-31")) console.warn(w.message["zh-CN"]);
 */
export function scheduleWarnings(
  ctx: Pick<CheckContext, "calendar">,
  schedule: SafetySchedule,
  from: IsoDate,
  to: IsoDate,
): ScheduleWarning[] {
  const warnings: ScheduleWarning[] = [];
  if (ctx.calendar.semesters.length === 0) warnings.push(warning("no-semesters"));
  for (const year of ctx.calendar.uncoveredYears(from, to))
    warnings.push(warning("uncovered-year", { year }));
  if (schedule.roster1530.length === 0 && schedule.tasks.some((task) => task.duty.role === "rotating-class"))
    warnings.push(warning("no-classes"));
  return warnings;
}
