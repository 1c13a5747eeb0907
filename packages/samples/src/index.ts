export type { FeeWorkbookOptions, GeneratedWorkbook, PlantedFinding } from "./feeWorkbook.js";
export { generateFeeWorkbook } from "./feeWorkbook.js";
export { primaryClasses, studentName } from "./people.js";
export type { Random } from "./random.js";
export { createRandom } from "./random.js";
export type { SafetyWorkbookOptions } from "./safetyWorkbook.js";
export { generateSafetyWorkbook } from "./safetyWorkbook.js";
export type { Sample } from "./samples.js";
export { SAMPLES } from "./samples.js";
