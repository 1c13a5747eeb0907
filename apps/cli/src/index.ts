export type { CheckFileOptions } from "./checkFile.js";
export { checkFile, UsageError } from "./checkFile.js";
export type { CliIo } from "./io.js";
export { processIo, shanghaiToday } from "./io.js";
export { main } from "./main.js";
export { reportJson, reportText } from "./printReport.js";
