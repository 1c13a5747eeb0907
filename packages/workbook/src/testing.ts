// Contract tests any Workbook adapter must pass (uses vitest).
export type { ContractLinkTarget, WorkbookContractOptions } from "./testing/workbookContract.js";
export { workbookContract } from "./testing/workbookContract.js";
