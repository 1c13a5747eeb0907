/**
 * Finds the Python the baselines run under: the first of $PYTHON, python3, /usr/bin/python3, python
 * that imports pandas (and, preferably, openpyxl), with the versions, or the reason there is none and
 * how to install what is missing. houqin is timed either way.
 */
import { spawnSync } from "node:child_process";

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
 * @returns {{ path?: string, python?: string, pandas?: string, openpyxl?: string, missing: string[], hint?: string, tried: string[] }}
 */
export function detectPython() {
  const tried = [...new Set([process.env.PYTHON, "python3", "/usr/bin/python3", "python"].filter(Boolean))];
  let partial;
  for (const candidate of tried) {
    const probe = spawnSync(candidate, ["-c", PROBE], { encoding: "utf8", timeout: 60_000 });
    if (probe.error || probe.status !== 0) continue;
    let info;
    try {
      info = JSON.parse(probe.stdout.trim().split("\n").pop() ?? "");
    } catch {
      continue;
    }
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
