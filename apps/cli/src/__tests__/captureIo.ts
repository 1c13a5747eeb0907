import type { CliIo } from "../io.js";

/** A CliIo that records what the CLI writes, with a fixed date. */
export function captureIo(cwd: string, today = "2023-10-20"): CliIo & { out(): string; err(): string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    today: () => today,
    stamp: () => "20231020T080000Z",
    cwd,
    out: () => out,
    err: () => err,
  };
}
