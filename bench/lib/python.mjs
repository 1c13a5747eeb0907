/**
 * Finds the Python the baselines run under: the first of $PYTHON, python3, /usr/bin/python3, python
 * that imports pandas (and, preferably, openpyxl), with the versions, or the reason there is none and
 * how to install what is missing. houqin is timed either way.
 */
import { spawnSync } from "node:child_process";
import { lastJsonLine } from "./process.mjs";

const PROBE = `
import json, sys
out = {"python": sys.version.split()[0], "executable": sys.executable}
try:
    import pandas
    out["pandas"] = pandas.__version__
except Exception:
    pass
try:
    import openpyxl
    out["openpyxl"] = openpyxl.__version__
except Exception:
    pass
print(json.dumps(out))
`;

/** How to install the baselines' libraries. */
export const INSTALL_HINT =
  "install them with `apt-get install -y python3-pandas python3-openpyxl` (Debian/Ubuntu; then " +
  "PYTHON=/usr/bin/python3 if another python3 comes first on the PATH) or `python3 -m pip install pandas openpyxl`";

/**
 * Why a Python baseline was not run, or undefined when it was: `python` is undefined (the harness found
 * no interpreter that imports pandas), or the script printed the one missing-library line every baseline
 * in bench/baselines prints, {"error": "missing", "missing": ["openpyxl", …], "python": …} (status 3).
 *
 * @param {string | undefined} python - the harness's interpreter
 * @param {any} [json] - the script's last output line, when it ran
 * @returns {string | undefined}
 */
export function baselineSkipped(python, json) {
  if (!python) return `pandas not found; ${INSTALL_HINT}`;
  if (json?.error === "missing") return `${json.missing.join(" and ")} missing in ${python}; ${INSTALL_HINT}`;
  return undefined;
}

/**
 * @returns {{ path?: string, python?: string, pandas?: string, openpyxl?: string, missing: string[], hint?: string, tried: string[] }}
 */
export function detectPython() {
  const tried = [...new Set([process.env.PYTHON, "python3", "/usr/bin/python3", "python"].filter(Boolean))];
  let partial;
  for (const candidate of tried) {
    const probe = spawnSync(candidate, ["-c", PROBE], { encoding: "utf8", timeout: 60_000 });
    if (probe.error || probe.status !== 0) continue;
    const info = lastJsonLine(probe.stdout);
    if (!info) continue;
    const found = { path: candidate, ...info };
    if (info.pandas && info.openpyxl) return { ...found, missing: [], tried };
    if (!partial || (info.pandas && !partial.pandas)) partial = found;
  }
  const missing = ["pandas", "openpyxl"].filter((m) => !partial?.[m]);
  const base = partial ?? {};
  return {
    ...base,
    ...(partial?.pandas ? {} : { path: undefined }),
    missing: partial ? missing : ["python3", ...missing],
    hint: `${partial ? missing.join(" and ") : "Python 3 with pandas and openpyxl"} not found (tried ${tried.join(", ")}): the Python baselines are skipped; ${INSTALL_HINT}, and run the benchmark again.`,
    tried,
  };
}
