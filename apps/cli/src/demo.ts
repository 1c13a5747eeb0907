import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { type Lang, localize } from "@houqin/core";
import { SAMPLES } from "@houqin/samples";
import { checkFile } from "./checkFile.js";
import type { CliIo } from "./io.js";
import { reportText } from "./printReport.js";
import { runRoster } from "./rosterCommand.js";
import { runSchedule } from "./scheduleCommand.js";

/**
 * Writes the bundled sample workbooks into a folder, checks each, writes its annotated copy beside
 * it, and prints what was found.
 */
export async function runDemo(dir: string, lang: Lang, io: CliIo): Promise<void> {
  const target = resolve(io.cwd, dir);
  await mkdir(target, { recursive: true });
  const t = (zh: string, en: string, params: Record<string, unknown> = {}) =>
    localize({ "zh-CN": zh, en }, lang, params);
  const color = Boolean(io.stdout.isTTY);
  for (const sample of SAMPLES) {
    const { workbook, planted } = sample.generate();
    const file = join(target, sample.fileName);
    await workbook.xlsx.writeFile(file);
    const outName = sample.fileName.replace(/\.xlsx$/, lang === "en" ? ".checked.xlsx" : "（检查结果）.xlsx");
    const out = join(target, outName);
    io.stdout.write(
      `${t(
        "示例工作簿：{file}\n  {desc}\n  埋设的问题：{n} 处",
        "Sample workbook: {file}\n  {desc}\n  Planted defects: {n}",
        {
          file,
          desc: localize(sample.description, lang),
          n: planted.length,
        },
      )}\n\n`,
    );
    const { report } = await checkFile(file, { lang, today: io.today(), out, cwd: io.cwd });
    io.stdout.write(reportText(sample.fileName, report, lang, color));
    io.stdout.write(
      `\n${t(
        "已写入带标注的副本：{out}\n打开它，查看“检查结果”工作表，点击单元格地址可跳到问题所在；有问题的单元格已填色并加了批注，原数据未改动。",
        "Annotated copy written: {out}\nOpen it and look at the “Check results” sheet; each cell address links to the problem; offending cells are filled and carry a note; your data is unchanged.",
        { out },
      )}\n`,
    );
  }
  // The safety sample's settings also drive a schedule: the plan's dated tasks and the 1530 roster.
  const safetySample = SAMPLES.find((sample) => sample.fileName === "安全管理.xlsx");
  if (safetySample) {
    io.stdout.write(
      `\n${t("由“安全管理.xlsx”的设置生成第一学期安全工作日程：", "The first semester's safety schedule, from the settings of 安全管理.xlsx:")}\n`,
    );
    await runSchedule(
      {
        from: "2023-09-01",
        to: "2024-01-26",
        settings: join(target, safetySample.fileName),
        out: join(target, t("安全工作日程.xlsx", "safety-schedule.xlsx")),
        ics: join(target, t("安全工作日程.ics", "safety-schedule.ics")),
        lang,
      },
      io,
    );
  }
  // The sports sample's track team, coaches and programme also make the meet's roster.
  const sportsSample = SAMPLES.find((sample) => sample.fileName === "体育工作.xlsx");
  if (sportsSample) {
    io.stdout.write(
      `\n${t("由“体育工作.xlsx”生成田径运动会训练安排（人盯人）：", "The track meet's roster (one coach per athlete), from 体育工作.xlsx:")}\n`,
    );
    await runRoster(
      {
        file: join(target, sportsSample.fileName),
        out: join(target, t("田径训练安排.xlsx", "track-roster.xlsx")),
        lang,
      },
      io,
    );
  }
}
