import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type IsoDate, type Lang, localize } from "@houqin/core";
import { safety, scheduleFor, scheduleSheets, scheduleWarnings, toICalendar } from "@houqin/safety";
import { readWorkbook } from "@houqin/workbook";
import { XlsxWorkbook } from "@houqin/workbook/xlsx";
import { openSettings, sameFile, saveWorkbook, UsageError } from "./checkFile.js";
import type { CliIo } from "./io.js";

/** Options of `houqin schedule`. */
export interface ScheduleOptions {
  from: IsoDate;
  to: IsoDate;
  settings?: string;
  out?: string;
  ics?: string;
  lang: Lang;
}

/**
 * Generates the safety schedule and the 1530 roster for a range of dates, from the school's
 * settings (semesters, closures, classes, its own 安全检查计划), and writes them as a workbook and
 * as an iCalendar file.
 */
export async function runSchedule(options: ScheduleOptions, io: CliIo): Promise<void> {
  const t = (zh: string, en: string, params: Record<string, unknown> = {}) =>
    localize({ "zh-CN": zh, en }, options.lang, params);
  if (options.from > options.to)
    throw new UsageError(t("--from 不能晚于 --to", "--from must not be after --to"));
  if (options.out === undefined && options.ics === undefined)
    throw new UsageError(t("请用 --out 或 --ics 指定输出文件", "give --out or --ics to say where to write"));
  for (const out of [options.out, options.ics])
    if (
      out !== undefined &&
      options.settings !== undefined &&
      (await sameFile(resolve(io.cwd, options.settings), resolve(io.cwd, out)))
    )
      throw new UsageError(t("输出文件不能与设置文件相同", "the output must differ from the settings file"));

  const source = await openSettings(options.settings, io.cwd, options.lang);
  const { ctx, findings } = await readWorkbook(source, {
    modules: [safety],
    lang: options.lang,
    today: io.today(),
  });
  for (const f of findings.filter((x) => x.severity !== "info"))
    io.stderr.write(`${t("设置", "settings")} ${f.sheet ?? ""}!${f.cell ?? ""}: ${f.message}\n`);
  const schedule = scheduleFor(ctx, options.from, options.to);
  for (const warning of scheduleWarnings(ctx, schedule, options.from, options.to))
    io.stderr.write(
      `${t("注意：", "Note: ")}${localize(warning.message, options.lang)}${
        warning.code === "no-semesters"
          ? t(
              "（可用 --settings 指定含“设置”工作表的工作簿）",
              " (give --settings with a workbook that has a 设置 sheet)",
            )
          : ""
      }\n`,
    );
  if (options.out !== undefined) {
    const out = XlsxWorkbook.empty();
    for (const sheet of scheduleSheets(schedule, options.lang))
      await out.writeSheet(sheet.name, sheet.rows, sheet.options);
    await saveWorkbook(out, resolve(io.cwd, options.out), options.out, options.lang);
  }
  if (options.ics !== undefined) {
    const ics = toICalendar(schedule.tasks, {
      calendarName: t("安全工作日程", "Safety schedule"),
      stamp: io.stamp(),
      lang: options.lang,
    });
    try {
      await writeFile(resolve(io.cwd, options.ics), ics, "utf8");
    } catch (error) {
      throw new UsageError(
        t("无法写入 {file}：{reason}", "Cannot write {file}: {reason}", {
          file: options.ics,
          reason: (error as Error).message,
        }),
      );
    }
  }
  const days = ctx.calendar.schoolDays(options.from, options.to).length;
  io.stdout.write(
    `${t(
      "已生成 {from} 至 {to} 的安全工作日程：{days} 个上学日，{tasks} 项任务，1530 轮值 {turns} 次",
      "Safety schedule for {from} to {to}: {days} school days, {tasks} tasks, {turns} 1530 turns",
      {
        from: options.from,
        to: options.to,
        days,
        tasks: schedule.tasks.length,
        turns: schedule.roster1530.length,
      },
    )}\n${[options.out, options.ics]
      .filter(Boolean)
      .map((f) => `  → ${f}`)
      .join("\n")}\n`,
  );
}
