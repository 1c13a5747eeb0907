import type { HouqinModule } from "@houqin/workbook";
import { bankJournal, bankStatement } from "./bankKinds.js";
import { budget, expenses, income } from "./budgetKinds.js";
import { cashCount, cashJournal } from "./cashKinds.js";
import { charges } from "./charges.js";
import { budgetCheck } from "./checkBudget.js";
import { cashCheck } from "./checkCash.js";
import { feeCheck } from "./checkFees.js";
import { incomeCheck } from "./checkIncome.js";
import { publicityCheck } from "./checkPublicity.js";
import { reconciliationCheck } from "./checkReconciliation.js";
import { feeSchedule } from "./feeSchedule.js";
import { fixedAssetAccount, fixedAssetAccountCheck } from "./fixedAssetAccount.js";
import { feePublicity } from "./publicityKinds.js";

export { bankJournal, bankStatement } from "./bankKinds.js";
export { budget, expenses, income } from "./budgetKinds.js";
export { cashCount, cashJournal } from "./cashKinds.js";
export { charges } from "./charges.js";
export { budgetCheck, checkBudget } from "./checkBudget.js";
export { cashCheck, checkCash } from "./checkCash.js";
export { checkFees, feeCheck } from "./checkFees.js";
export { checkIncome, incomeCheck } from "./checkIncome.js";
export { checkPublicity, publicityCheck, publicityPostedOn } from "./checkPublicity.js";
export { checkReconciliation, reconciliationCheck } from "./checkReconciliation.js";
export { feeItemKey } from "./feeItemKey.js";
export { feeSchedule } from "./feeSchedule.js";
export { checkFixedAssetAccount, fixedAssetAccount, fixedAssetAccountCheck } from "./fixedAssetAccount.js";
export { feePublicity } from "./publicityKinds.js";
export type {
  AdjustedBalances,
  BankLine,
  BankLineId,
  BankMatch,
  BankReconciliation,
  MatchPass,
  OutstandingClass,
  OutstandingLine,
  ReconcileOptions,
} from "./reconcile.js";
export { adjustBalances, reconcileBank } from "./reconcile.js";

/** The finance domain as the apps load it (三(四)): its table kinds and checks. */
export const finance: HouqinModule = {
  id: "finance",
  title: { "zh-CN": "财务", en: "Finance" },
  kinds: [
    feeSchedule,
    charges,
    feePublicity,
    cashJournal,
    cashCount,
    // The journal before the statement: an unnamed sheet that fits both is the school's own book.
    bankJournal,
    bankStatement,
    budget,
    expenses,
    income,
    fixedAssetAccount,
  ],
  checks: [
    feeCheck,
    publicityCheck,
    cashCheck,
    reconciliationCheck,
    incomeCheck,
    budgetCheck,
    fixedAssetAccountCheck,
  ],
};
