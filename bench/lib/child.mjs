/**
 * Runs one scenario at one size in this (fresh) process, so its peak RSS is its own, and writes the
 * ScenarioResult as JSON to a file. run.mjs spawns it:
 *   node lib/child.mjs SCENARIO_FILE RESULT_FILE OPTIONS_JSON
 * OPTIONS_JSON: { size, seed, runs, workDir, python, quick }.
 */
import { writeFileSync } from "node:fs";
import { loadScenario } from "./discover.mjs";

const [file, resultFile, optionsJson] = process.argv.slice(2);
if (!file || !resultFile || !optionsJson) {
  console.error("usage: node child.mjs SCENARIO_FILE RESULT_FILE OPTIONS_JSON");
  process.exit(2);
}
const options = JSON.parse(optionsJson);
let out;
try {
  const scenario = await loadScenario(file);
  const result = await scenario.run(options);
  out = { ok: true, result, childPeakRssMb: process.resourceUsage().maxRSS / 1024 };
} catch (error) {
  out = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
writeFileSync(resultFile, JSON.stringify(out));
process.exitCode = out.ok ? 0 : 1;
