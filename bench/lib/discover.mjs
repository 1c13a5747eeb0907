/**
 * The scenarios: bench/scenarios/<id>.mjs, each exporting `scenario = { id, title, sizes, target, run }`.
 * Helper files (a leading "_") and a scenario's own parts (a second dot: check-e2e.stream-read.mjs) are
 * not scenarios. The known ids come first, in the order.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const SCENARIO_DIR = join(BENCH_DIR, "scenarios");
/** The scenarios, in its order. */
const KNOWN = ["check-e2e", "reconcile", "stocktake", "canteen-rollup", "safety", "office-adapter"];

/**
 * @returns {{ id: string, file?: string }[]} every known id (file undefined when it is missing) and any other scenario found
 */
export function listScenarios() {
  const files = existsSync(SCENARIO_DIR) ? readdirSync(SCENARIO_DIR) : [];
  const ids = new Map();
  for (const name of files) {
    const id = /^([a-z0-9][a-z0-9-]*)\.mjs$/.exec(name)?.[1];
    if (id) ids.set(id, join(SCENARIO_DIR, name));
  }
  const order = [...KNOWN, ...[...ids.keys()].filter((id) => !KNOWN.includes(id)).sort()];
  return order.map((id) => ({ id, ...(ids.has(id) ? { file: ids.get(id) } : {}) }));
}

/**
 * Imports a scenario module.
 *
 * @param {string} file
 * @returns {Promise<{ id: string, title: string, sizes: number[], target: string, run: Function, sizeUnit?: string }>}
 */
export async function loadScenario(file) {
  const mod = await import(pathToFileURL(file).href);
  const scenario = mod.scenario ?? mod.default;
  if (!scenario || typeof scenario.run !== "function")
    throw new Error(`${file} does not export scenario = { id, title, sizes, target, run }`);
  return scenario;
}
