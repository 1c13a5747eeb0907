/** The machine a run was made on, for results.json. */
import { cpus, loadavg, release, totalmem, type } from "node:os";

/**
 * @param {{ python?: string, pandas?: string, openpyxl?: string, path?: string }} python - from detectPython
 */
export function machineInfo(python) {
  const list = cpus();
  return {
    cpus: list.length,
    model: list[0]?.model?.trim() ?? "unknown",
    memGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${type()} ${release()} ${process.arch}`,
    node: process.version,
    python: python.python ?? null,
    pandas: python.pandas ?? null,
    openpyxl: python.openpyxl ?? null,
    pythonPath: python.path ?? null,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
