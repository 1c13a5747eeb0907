import type { HouqinModule } from "@houqin/workbook";
import { buildingCheck } from "./checkBuildings.js";
import { furnitureCheck } from "./checkFurniture.js";
import { ledgerCheck } from "./checkLedger.js";
import { loanCheck } from "./checkLoans.js";
import { repairCheck } from "./checkRepairs.js";
import { stocktakeCheck } from "./checkStocktake.js";
import { assetLedger, stocktake } from "./ledgerKinds.js";
import { buildingInspectionLog, furnitureCheckLog, loanRegister, repairTickets } from "./useKinds.js";

/** The assets domain as the apps load it (三(二)1–3): its table kinds and checks. */
export const assets: HouqinModule = {
  id: "assets",
  title: { "zh-CN": "固定资产与校舍", en: "Assets and buildings" },
  kinds: [assetLedger, stocktake, loanRegister, furnitureCheckLog, repairTickets, buildingInspectionLog],
  checks: [ledgerCheck, stocktakeCheck, loanCheck, furnitureCheck, repairCheck, buildingCheck],
};
