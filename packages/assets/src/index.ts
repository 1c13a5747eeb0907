export { assets } from "./assetsModule.js";
export type {
  AssetClass,
  AssetClassId,
  DepreciatedClass,
  DepreciationLives,
  NotDepreciatedClass,
} from "./categories.js";
export {
  ASSET_CLASSES,
  classifyAsset,
  depreciationLives,
  isDepreciated,
  lifeSettingKeys,
} from "./categories.js";
export { buildingCheck, checkBuildings } from "./checkBuildings.js";
export type { FurnitureScoring } from "./checkFurniture.js";
export { checkFurniture, DEFAULT_FURNITURE_SCORING, furnitureCheck } from "./checkFurniture.js";
export { checkLedger, depreciationStartOf, ledgerCheck } from "./checkLedger.js";
export { checkLoans, compensationPolicyOf, loanCheck } from "./checkLoans.js";
export { checkRepairs, repairCheck } from "./checkRepairs.js";
export { checkStocktake, stocktakeCheck } from "./checkStocktake.js";
export type {
  Compensation,
  CompensationBasis,
  CompensationInput,
  CompensationPolicy,
} from "./compensation.js";
export { compensation, DEFAULT_COMPENSATION_POLICY } from "./compensation.js";
export type { DepreciateInput, Depreciation, DepreciationStart } from "./depreciation.js";
export { DEFAULT_DEPRECIATION_START, depreciate } from "./depreciation.js";
export type { LedgerMoney } from "./ledgerKinds.js";
export { assetLedger, ledgerLineValue, ledgerUnitPrice, stocktake } from "./ledgerKinds.js";
export type {
  CountedLine,
  LedgerLine,
  ReconcileStocktakeOptions,
  StocktakeResult,
  StocktakeStatus,
} from "./reconcileStocktake.js";
export { reconcileStocktake } from "./reconcileStocktake.js";
export { buildingInspectionLog, furnitureCheckLog, loanRegister, repairTickets } from "./useKinds.js";
