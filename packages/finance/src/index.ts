import type { HouqinModule } from "@houqin/workbook";
import { charges } from "./charges.js";
import { feeCheck } from "./checkFees.js";
import { feeSchedule } from "./feeSchedule.js";

export { charges } from "./charges.js";
export { checkFees, feeCheck, feeItemKey } from "./checkFees.js";
export { feeSchedule } from "./feeSchedule.js";

/** The finance domain as the apps load it: its table kinds and checks. */
export const finance: HouqinModule = {
  id: "finance",
  title: { "zh-CN": "财务", en: "Finance" },
  kinds: [feeSchedule, charges],
  checks: [feeCheck],
};
