// Moved to @houqin/core (every domain judges by semester); kept here for existing callers.
export type { SemesterSpan } from "@houqin/core";
export { semesterSpans } from "@houqin/core";
export type { SheetToWrite } from "@houqin/workbook";
export { checkDrills } from "./checkDrills.js";
export type { DutyCompliance } from "./checkDuties.js";
export { checkDuties, complianceReport } from "./checkDuties.js";
export { checkExtinguishers } from "./checkExtinguishers.js";
export { checkProblems } from "./checkProblems.js";
export type { ExtinguisherRule, ExtinguisherType } from "./extinguisherRules.js";
export { EXTINGUISHER_RULES, extinguisherType } from "./extinguisherRules.js";
export type {
  DateWindow,
  GenerateScheduleOptions,
  RosterEntry,
  SafetySchedule,
  ScheduledTask,
} from "./generateSchedule.js";
export { generateSchedule } from "./generateSchedule.js";
export {
  classList,
  drillLog,
  educationLog,
  extinguisherRegister,
  guardLog,
  inspectionLog,
  planSheet,
} from "./kinds.js";
export type { NextDueOptions } from "./nextDue.js";
export { nextDue } from "./nextDue.js";
export type { Cadence, Duty, DutyLog, Role, SafetyPlan, ThemedDayId } from "./plan.js";
export { DEFAULT_SAFETY_PLAN, ROLE_TITLES } from "./plan.js";
export type { PlanFromRows, PlanProblem, PlanRow } from "./planFromTable.js";
export { parseCadence, planFromRows } from "./planFromTable.js";
export { safety, safetyCheck } from "./safetyModule.js";
export { scheduleFor, scheduleSheets } from "./scheduleSheets.js";
export type { ScheduleWarning, ScheduleWarningCode } from "./scheduleWarnings.js";
export { scheduleWarnings } from "./scheduleWarnings.js";
export type { ThemedDay } from "./themedDays.js";
export { THEMED_DAYS, themedDate } from "./themedDays.js";
export type { ToICalendarOptions } from "./toICalendar.js";
export { toICalendar } from "./toICalendar.js";
