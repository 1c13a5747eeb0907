import type { HouqinModule } from "@houqin/workbook";
import { assessments } from "./assessmentKinds.js";
import { assessmentCheck } from "./checkAssessment.js";
import { costCheck } from "./checkCosts.js";
import { dailyLogsCheck } from "./checkDailyLogs.js";
import { dispenserCheck } from "./checkDispensers.js";
import { feedbackCheck } from "./checkFeedback.js";
import { hazardsCheck } from "./checkHazards.js";
import { healthCertificatesCheck } from "./checkHealthCertificates.js";
import { purchaseCheck } from "./checkPurchases.js";
import { supplierCheck } from "./checkSuppliers.js";
import { stock } from "./costKinds.js";
import { dispensers } from "./dispenserKinds.js";
import { disinfectionLog, feedback, hazardInspections, sampleLog, uploadLog } from "./hygieneKinds.js";
import { meals, purchases, staff, suppliers } from "./kinds.js";

/**
 * The canteen domain as the apps load it (三(三)2–8): its table kinds and checks.
 *
 * @example
 * const report = await runChecks(await openXlsx("食堂管理.xlsx"), { modules: [canteen] });
 */
export const canteen: HouqinModule = {
  id: "canteen",
  title: { "zh-CN": "食堂管理", en: "Canteen" },
  kinds: [
    purchases,
    suppliers,
    meals,
    stock,
    staff,
    disinfectionLog,
    uploadLog,
    hazardInspections,
    sampleLog,
    feedback,
    assessments,
    dispensers,
  ],
  checks: [
    purchaseCheck,
    supplierCheck,
    costCheck,
    healthCertificatesCheck,
    dailyLogsCheck,
    hazardsCheck,
    feedbackCheck,
    assessmentCheck,
    dispenserCheck,
  ],
};
