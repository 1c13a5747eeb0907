import { resolve } from "node:path";
import { isIsoDate, type Lang, parseLang } from "@houqin/core";
import { clearResults } from "@houqin/workbook";
import { Command, CommanderError, Option } from "commander";
import { checkFile, openWorkbook, sameFile, saveWorkbook, UsageError } from "./checkFile.js";
import type { CliIo } from "./io.js";
import { runPlanProject } from "./planProjectCommand.js";
import { reportJson, reportText } from "./printReport.js";
import { createProgress } from "./progress.js";
import { runRoster } from "./rosterCommand.js";
import { runSchedule } from "./scheduleCommand.js";

const VERSION = "0.1.0";

function langOf(value: string | undefined): Lang {
  if (value === undefined) return parseLang(process.env.HOUQIN_LANG) ?? "zh-CN";
  const lang = parseLang(value);
  if (!lang) throw new UsageError(`--lang: zh | en（不认识 “${value}”）`);
  return lang;
}

function isoDate(value: string, option = "--as-of"): string {
  if (!isIsoDate(value))
    throw new UsageError(
      `${option}: “${value}” 不是有效日期，应写作 YYYY-MM-DD / is not a date; expected YYYY-MM-DD`,
    );
  return value;
}

/**
 * Runs the `houqin` command line and returns its exit code: 0 no error finding, 1 at least one
 * error finding, 2 bad usage or a file that cannot be read.
 *
 * @example await main(["check", "school.xlsx", "--json"], processIo())
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command("houqin")
    .description(
      "houqin（后勤）：按学校后勤工作计划检查 Excel 工作簿 / check a school's logistics workbooks against its work plan",
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError();

  program
    .command("check")
    .description("检查工作簿并输出结果 / check a workbook and report what it finds")
    .argument("<file>", "要检查的 .xlsx 文件 / the .xlsx file to check")
    .option(
      "-o, --out <file>",
      "写出带标注的副本（不会覆盖原文件）/ write an annotated copy (never the input)",
    )
    .option("--json", "输出 JSON（版本 1）/ print JSON (version 1)")
    .addOption(new Option("--lang <lang>", "语言 / language").choices(["zh", "zh-CN", "en"]))
    .option("--as-of <date>", "基准日期 YYYY-MM-DD（默认今天）/ the date taken as today")
    .action(async (file: string, opts: { out?: string; json?: boolean; lang?: string; asOf?: string }) => {
      const lang = langOf(opts.lang);
      const progress = createProgress(io.stderr);
      try {
        const { report, written } = await checkFile(file, {
          lang,
          today: io.today(),
          cwd: io.cwd,
          progress,
          ...(opts.out === undefined ? {} : { out: opts.out }),
          ...(opts.asOf === undefined ? {} : { asOf: isoDate(opts.asOf) }),
        });
        progress.done();
        if (opts.json) io.stdout.write(reportJson(file, report, lang));
        else {
          io.stdout.write(reportText(file, report, lang, Boolean(io.stdout.isTTY)));
          if (written && opts.out)
            io.stdout.write(
              lang === "en"
                ? `\nWritten: ${opts.out} (sheet “${written.sheet}”, ${written.markedCells} cells marked)\n`
                : `\n已写入：${opts.out}（“${written.sheet}”工作表，标记 ${written.markedCells} 个单元格）\n`,
            );
        }
        exitCode = report.summary.error > 0 ? 1 : 0;
      } finally {
        progress.done();
      }
    });

  program
    .command("schedule")
    .description("生成安全工作日程和 1530 轮值表 / generate the safety schedule and the 1530 roster")
    .requiredOption("--from <date>", "开始日期 YYYY-MM-DD / first date")
    .requiredOption("--to <date>", "结束日期 YYYY-MM-DD / last date")
    .option(
      "--settings <file>",
      "含“设置”、班级、安全检查计划的工作簿 / a workbook with the settings, classes and plan",
    )
    .option("-o, --out <file>", "写出日程工作簿 (.xlsx) / write the schedule workbook")
    .option("--ics <file>", "写出日历文件 (.ics)，可导入 Outlook 和手机日历 / write an iCalendar file")
    .addOption(new Option("--lang <lang>", "语言 / language").choices(["zh", "zh-CN", "en"]))
    .action(
      async (opts: {
        from: string;
        to: string;
        settings?: string;
        out?: string;
        ics?: string;
        lang?: string;
      }) => {
        await runSchedule(
          {
            from: isoDate(opts.from, "--from"),
            to: isoDate(opts.to, "--to"),
            lang: langOf(opts.lang),
            ...(opts.settings === undefined ? {} : { settings: opts.settings }),
            ...(opts.out === undefined ? {} : { out: opts.out }),
            ...(opts.ics === undefined ? {} : { ics: opts.ics }),
          },
          io,
        );
      },
    );

  program
    .command("roster")
    .description(
      "田径运动会训练安排：人盯人分配教练、训练计划、每位教练和每个训练日的安排表、报名检查 / the track-meet roster: one coach per athlete, training plan, coach and day sheets, entry checks",
    )
    .argument("<file>", "运动员名单 .xlsx（运动员、教练、比赛项目）/ the athletes workbook")
    .option("--meet <date>", "运动会日期 YYYY-MM-DD（默认取设置或比赛项目表）/ the meet day")
    .option("--start <date>", "训练开始日期 YYYY-MM-DD（默认取设置或开学日）/ the first training day")
    .requiredOption("-o, --out <file>", "写出训练安排工作簿 (.xlsx) / write the roster workbook")
    .addOption(new Option("--lang <lang>", "语言 / language").choices(["zh", "zh-CN", "en"]))
    .action(async (file: string, opts: { meet?: string; start?: string; out: string; lang?: string }) => {
      exitCode = await runRoster(
        {
          file,
          out: opts.out,
          lang: langOf(opts.lang),
          ...(opts.meet === undefined ? {} : { meet: isoDate(opts.meet, "--meet") }),
          ...(opts.start === undefined ? {} : { start: isoDate(opts.start, "--start") }),
        },
        io,
      );
    });

  program
    .command("plan-project")
    .description("基建、装备项目的倒排计划（三重一大…验收）/ a backward plan of a holiday project's stages")
    .requiredOption("--start <date>", "最早可以开始的日期 YYYY-MM-DD / the first day work can begin")
    .requiredOption("--holiday-end <date>", "假期最后一天 YYYY-MM-DD / the last day of the holiday")
    .option("--holiday-start <date>", "假期第一天：施工不早于此日 / the first day of the holiday")
    .option("--settings <file>", "含“设置”工作表的工作簿（各步骤所需工作日）/ a workbook with the settings")
    .addOption(new Option("--lang <lang>", "语言 / language").choices(["zh", "zh-CN", "en"]))
    .action(
      async (opts: {
        start: string;
        holidayEnd: string;
        holidayStart?: string;
        settings?: string;
        lang?: string;
      }) => {
        const fits = await runPlanProject(
          {
            start: isoDate(opts.start, "--start"),
            holidayEnd: isoDate(opts.holidayEnd, "--holiday-end"),
            lang: langOf(opts.lang),
            ...(opts.holidayStart === undefined
              ? {}
              : { holidayStart: isoDate(opts.holidayStart, "--holiday-start") }),
            ...(opts.settings === undefined ? {} : { settings: opts.settings }),
          },
          io,
        );
        exitCode = fits ? 0 : 1;
      },
    );

  program
    .command("clear")
    .description("去掉 houqin 的检查结果和标记，恢复单元格原来的格式 / remove houqin's results and marks")
    .argument("<file>", "带标注的 .xlsx 文件 / an annotated .xlsx file")
    .requiredOption("-o, --out <file>", "写出清除后的副本 / write the cleared copy here")
    .action(async (file: string, opts: { out: string }) => {
      if (await sameFile(resolve(io.cwd, file), resolve(io.cwd, opts.out)))
        throw new UsageError(
          "--out 不能与输入文件相同：houqin 不会覆盖原文件 / --out must differ from the input",
        );
      const workbook = await openWorkbook(resolve(io.cwd, file), file, "zh-CN");
      const restored = await clearResults(workbook);
      await saveWorkbook(workbook, resolve(io.cwd, opts.out), opts.out, "zh-CN");
      io.stdout.write(
        `已清除，恢复 ${restored} 个单元格 / cleared, ${restored} cells restored: ${opts.out}\n`,
      );
    });

  program
    .command("demo")
    .description(
      "写出示例工作簿，检查并写出带标注的副本 / write sample workbooks, check them, write annotated copies",
    )
    .argument("[dir]", "输出目录 / output folder", "houqin-demo")
    .addOption(new Option("--lang <lang>", "语言 / language").choices(["zh", "zh-CN", "en"]))
    .action(async (dir: string, opts: { lang?: string }) => {
      // The sample workbooks are built with exceljs: loaded for the demo only, not on every run.
      const { runDemo } = await import("./demo.js");
      await runDemo(dir, langOf(opts.lang), io);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.exitCode === 0
      )
        return 0;
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`houqin: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
