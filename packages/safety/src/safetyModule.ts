import { localize } from "@houqin/core";
import type { Check, HouqinModule } from "@houqin/workbook";
import { checkDrills } from "./checkDrills.js";
import { checkDuties, complianceReport } from "./checkDuties.js";
import { checkExtinguishers } from "./checkExtinguishers.js";
import { checkProblems } from "./checkProblems.js";
import {
  classList,
  drillLog,
  educationLog,
  extinguisherRegister,
  guardLog,
  inspectionLog,
  planSheet,
} from "./kinds.js";
import { planInForce } from "./safetyContext.js";

/**
 * The safety checks as the apps run them (三(一)): every duty of the plan in force against its log,
 * open problems, drills per semester, and the extinguisher register; plus a compliance summary.
 */
export const safetyCheck: Check = {
  id: "safety/plan",
  title: { "zh-CN": "校园安全检查", en: "Campus safety" },
  kinds: [inspectionLog, extinguisherRegister, drillLog, guardLog, educationLog],
  run(ctx) {
    const { plan, findings } = planInForce(ctx);
    if (ctx.calendar.semesters.length === 0)
      findings.push({
        rule: "safety/no-semesters",
        severity: "info",
        message: localize(
          {
            "zh-CN":
              "“设置”中没有学期日期：安全记录按各自的日期范围检查，假期里的工作日也算上学日。请在“设置”中填写第一、第二学期的开始和结束日期",
            en: "The settings have no semester dates: the safety logs are judged over their own dates, and weekdays in the holidays count as school days. Add the semesters' start and end dates to the settings",
          },
          ctx.lang,
        ),
        clause: "三(一)",
      });
    const duties = checkDuties(ctx, plan);
    if (duties.compliance.length > 0) ctx.report(complianceReport(duties.compliance, ctx.lang));
    return [
      ...findings,
      ...duties.findings,
      ...checkProblems(ctx),
      ...checkDrills(ctx),
      ...checkExtinguishers(ctx),
    ];
  },
};

/** The safety domain as the apps load it: its table kinds and checks. */
export const safety: HouqinModule = {
  id: "safety",
  title: { "zh-CN": "校园安全", en: "Campus safety" },
  kinds: [inspectionLog, extinguisherRegister, drillLog, guardLog, educationLog, classList, planSheet],
  checks: [safetyCheck],
};
