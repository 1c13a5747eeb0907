// Runs `office-addin-usage-data off` before any Office tooling: the tools then send nothing. (Since
// office-addin-usage-data 2.1 and 3.0 reporting is removed anyway; this keeps it off if a version that
// still reports is ever installed.) Run through node, so it works whether or not npm made the bin
// executable.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve("office-addin-usage-data/package.json")), "cli.js");
const result = spawnSync(process.execPath, [cli, "off"], { stdio: ["ignore", "ignore", "inherit"] });
process.exit(result.status ?? 1);
