import { describe, expect, it } from "vitest";
import { createProgress } from "../progress.js";

function terminal(isTTY: boolean) {
  let written = "";
  return { stream: { write: (s: string) => (written += s), isTTY }, written: () => written };
}

describe("createProgress", () => {
  it("stays quiet for work that finishes within a second", () => {
    let now = 0;
    const t = terminal(true);
    const progress = createProgress(t.stream, { now: () => now, interval: false });
    progress.update("正在读取工作表 1/2 收费明细");
    now = 900;
    progress.update("正在读取工作表 2/2 收费标准");
    progress.done();
    expect(t.written()).toBe("");
  });

  it("shows the current step once work has taken over a second, and clears it when done", () => {
    let now = 0;
    const t = terminal(true);
    const progress = createProgress(t.stream, { now: () => now, interval: false });
    progress.update("正在打开 大.xlsx…");
    now = 1500;
    progress.update("正在读取工作表 1/3 现金日记账");
    expect(t.written()).toContain("正在读取工作表 1/3 现金日记账");
    progress.done();
    expect(t.written().endsWith("\r\x1b[2K")).toBe(true);
  });

  it("prints nothing when stderr is not a terminal", () => {
    let now = 0;
    const t = terminal(false);
    const progress = createProgress(t.stream, { now: () => now, interval: false });
    now = 5000;
    progress.update("正在检查 1/1 收费核对");
    progress.done();
    expect(t.written()).toBe("");
  });
});
