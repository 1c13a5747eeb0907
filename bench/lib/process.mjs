/**
 * Whole processes: timing one (wall time from spawn to exit, and, for a Node process, its peak RSS and
 * CPU time as the process itself saw them at exit: rssProbe.mjs, preloaded with --import), and reading
 * the one JSON line a helper process or a Python baseline prints.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const PROBE = fileURLToPath(new URL("./rssProbe.mjs", import.meta.url));
let probeFiles = 0;

/**
 * Runs a command to its end and times it.
 *
 * @param {string} command - the program (process.execPath for Node)
 * @param {string[]} args - its arguments
 * @param {{ node?: boolean, cwd?: string, env?: Record<string, string>, workDir: string, timeoutMs?: number }} options -
 *   `node`: preload the probe, for peak RSS and CPU time; `workDir`: where the probe writes
 * @returns {{ ms: number, status: number | null, stdout: string, stderr: string, peakRssMb?: number, cpuMs?: number, error?: string }}
 */
export function timeProcess(command, args, options) {
  const probeFile = join(options.workDir, `probe-${process.pid}-${++probeFiles}.json`);
  const fullArgs = options.node ? ["--import", PROBE, ...args] : args;
  const env = {
    ...process.env,
    ...options.env,
    ...(options.node ? { HOUQIN_BENCH_RSS_FILE: probeFile } : {}),
  };
  const start = performance.now();
  const result = spawnSync(command, fullArgs, {
    cwd: options.cwd,
    env,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    timeout: options.timeoutMs ?? 30 * 60 * 1000,
  });
  const ms = performance.now() - start;
  const out = {
    ms,
    status: result.status,
    stdout: result.stdout ?? "",
    stderr: result.stderr ?? "",
    ...(result.error ? { error: result.error.message } : {}),
  };
  if (options.node) {
    try {
      const probe = JSON.parse(readFileSync(probeFile, "utf8"));
      out.peakRssMb = probe.maxRssKb / 1024;
      out.cpuMs = probe.cpuMs;
    } catch {
      // The process died before its exit handler ran: no figures.
    }
    rmSync(probeFile, { force: true });
  }
  return out;
}

/**
 * The last line of a process's output parsed as JSON, or undefined.
 *
 * @param {string} stdout
 */
export function lastJsonLine(stdout) {
  const lines = stdout.trim().split("\n");
  try {
    return JSON.parse(lines[lines.length - 1] ?? "");
  } catch {
    return undefined;
  }
}

/**
 * Runs a command to its end and parses the last line of its output as JSON (a baseline's
 * {"error": "missing", …} line included: the caller decides what it means).
 *
 * @param {string} command - the program (process.execPath for Node, the harness's `python`)
 * @param {string[]} args - its arguments
 * @returns {any} the parsed line
 * @throws {Error} when the process cannot start or prints no JSON line
 */
export function runJson(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const json = lastJsonLine(result.stdout ?? "");
  if (result.error || json === undefined)
    throw new Error(
      `${args[0]} failed (status ${result.status}): ${result.error?.message ?? (result.stderr || result.stdout).slice(-2000)}`,
    );
  return json;
}
