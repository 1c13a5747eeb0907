/**
 * The scenarios: bench/scenarios/<id>.mjs (or <id>.ts, bundled with esbuild), each exporting
 * `scenario = { id, title, sizes, target, run }`. Helper files (a leading "_") and a scenario's own
 * parts (a second dot: check-e2e.stream-read.mjs) are not scenarios. The known ids come first, in
 * the order.
 */
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const SCENARIO_DIR = join(BENCH_DIR, "scenarios");
/** The scenarios, in its order. */
export const KNOWN = ["check-e2e", "reconcile", "stocktake", "canteen-rollup", "safety", "office-adapter"];

/**
 * @returns {{ id: string, file?: string }[]} every known id (file undefined when it is missing) and any other scenario found
 */
export function listScenarios() {
  const files = existsSync(SCENARIO_DIR) ? readdirSync(SCENARIO_DIR) : [];
  const ids = new Map();
  for (const name of files) {
    const m = /^([a-z0-9][a-z0-9-]*)\.(mjs|ts)$/.exec(name);
    if (!m) continue;
    const [, id, ext] = m;
    // An .mjs wins over a .ts of the same id.
    if (!ids.has(id) || ext === "mjs") ids.set(id, join(SCENARIO_DIR, name));
  }
  const order = [...KNOWN, ...[...ids.keys()].filter((id) => !KNOWN.includes(id)).sort()];
  return order.map((id) => ({ id, ...(ids.has(id) ? { file: ids.get(id) } : {}) }));
}

/**
 * Imports a scenario module, bundling a .ts one first (packages stay external, so the measured code is
 * the packages' dist).
 *
 * @param {string} file
 * @returns {Promise<{ id: string, title: string, sizes: number[], target: string, run: Function, sizeUnit?: string }>}
 */
export async function loadScenario(file) {
  let url = pathToFileURL(file).href;
  if (file.endsWith(".ts")) {
    const esbuild = await import("esbuild");
    const outDir = join(BENCH_DIR, "node_modules", ".cache", "houqin-bench");
    mkdirSync(outDir, { recursive: true });
    const outfile = join(outDir, `${file.split("/").pop()?.replace(/\.ts$/, "")}.mjs`);
    await esbuild.build({
      entryPoints: [file],
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      outfile,
      logLevel: "warning",
      define: { "import.meta.url": JSON.stringify(pathToFileURL(file).href) },
    });
    url = pathToFileURL(outfile).href;
  }
  const mod = await import(url);
  const scenario = mod.scenario ?? mod.default;
  if (!scenario || typeof scenario.run !== "function")
    throw new Error(`${file} does not export scenario = { id, title, sizes, target, run }`);
  return scenario;
}
