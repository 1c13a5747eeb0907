import type { HouqinModule } from "@houqin/workbook";
import { attendanceCheck } from "./checkAttendance.js";
import { clubsCheck } from "./checkClubs.js";
import { coachingCheck } from "./checkCoaching.js";
import { entriesCheck } from "./checkEntries.js";
import { recessCheck } from "./checkRecess.js";
import { athletes, attendance, attendanceSheet, clubs, coaches, meet, signups } from "./kinds.js";
import { afterSchool, gradeSizes, peTimetable, recessSegments, venues } from "./recessKinds.js";

/**
 * The sports domain as the apps load it (三(五)): its table kinds and checks.
 *
 * @example
 * const report = await runChecks(await openXlsx("体育工作.xlsx"), { modules: [sports] });
 */
export const sports: HouqinModule = {
  id: "sports",
  title: { "zh-CN": "体育工作", en: "Sports" },
  kinds: [
    athletes,
    coaches,
    meet,
    clubs,
    signups,
    attendance,
    attendanceSheet,
    recessSegments,
    venues,
    gradeSizes,
    peTimetable,
    afterSchool,
  ],
  checks: [entriesCheck, coachingCheck, clubsCheck, attendanceCheck, recessCheck],
};
