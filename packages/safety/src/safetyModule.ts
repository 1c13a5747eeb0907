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
