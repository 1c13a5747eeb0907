/**
 * Preloaded with `node --import` into a process the benchmark times as a whole (the houqin CLI, the
 * exceljs streaming read): at exit it writes the process's peak resident set (maxRSS) and CPU time
 * (user + system) as JSON to the file named by HOUQIN_BENCH_RSS_FILE. It changes nothing else.
 */
import { writeFileSync } from "node:fs";
import process from "node:process";

const file = process.env.HOUQIN_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }),
    );
  });
}
