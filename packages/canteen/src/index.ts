export { assessments } from "./assessmentKinds.js";
export { canteen } from "./canteenModule.js";
export type { AssessmentItem } from "./checkAssessment.js";
export { assessmentCheck, checkAssessment, parseAssessmentItem } from "./checkAssessment.js";
export { checkCosts, costCheck } from "./checkCosts.js";
export { checkDailyLogs, dailyLogsCheck } from "./checkDailyLogs.js";
export { checkDispensers, DEFAULT_DISPENSER_REMINDER_DAYS, dispenserCheck } from "./checkDispensers.js";
export { checkFeedback, feedbackCheck } from "./checkFeedback.js";
export { checkHazards, hazardsCheck } from "./checkHazards.js";
export { checkHealthCertificates, healthCertificatesCheck } from "./checkHealthCertificates.js";
export type { PurchaseMoney } from "./checkPurchases.js";
export {
  acceptanceFailed,
  checkPurchases,
  inspectorNames,
  isSeasoning,
  purchaseAmount,
  purchaseCheck,
} from "./checkPurchases.js";
export { checkSuppliers, supplierCheck } from "./checkSuppliers.js";
export { stock } from "./costKinds.js";
export type { DispenserType, ReportPosted } from "./dispenserKinds.js";
export { dispensers, dispenserTypeOf } from "./dispenserKinds.js";
export type { ExpiryState } from "./expiry.js";
export {
  DEFAULT_EXPIRY_WARNING_DAYS,
  expiryCell,
  expiryState,
  expiryWarningDays,
  isLongTerm,
  LONG_TERM_EXPIRY,
} from "./expiry.js";
export { disinfectionLog, feedback, hazardInspections, sampleLog, uploadLog } from "./hygieneKinds.js";
export { headcount, meals, nonNegativeNumber, purchases, staff, suppliers, yesNoCell } from "./kinds.js";
export type { PriceValue, UnitPrice } from "./priceCell.js";
export { formatPrice, multiplyPrice, priceCell } from "./priceCell.js";
export type { PurchaseLine, PurchaseRollUp, RollUpBy, RollUpGroup } from "./rollUp.js";
export { monthlyCost, rollUpPurchases } from "./rollUp.js";
export type { DateSpan } from "./servingDays.js";
export { servingDays, servingPeriod } from "./servingDays.js";
export type { SupplierEntry, SupplierField, SupplierRegister, SupplierValues } from "./supplierRegister.js";
export { LICENCE_EXPIRIES, readSupplierRegister, supplierKey } from "./supplierRegister.js";
