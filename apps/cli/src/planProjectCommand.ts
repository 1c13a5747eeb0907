import { type IsoDate, type Lang, localize } from "@houqin/core";
import { planProject, procurement, readProjectSettings } from "@houqin/procurement";
import { readWorkbook } from "@houqin/workbook";
import { openSettings, UsageError } from "./checkFile.js";
import type { CliIo } from "./io.js";
import { textTable } from "./textTable.js";

/** Options of `houqin plan-project`. */
export interface PlanProjectCommandOptions {
  start: IsoDate;
  holidayEnd: IsoDate;
  holidayStart?: IsoDate;
  settings?: string;
  lang: Lang;
}

/**
 * Prints a backward plan of a holiday project's stages (三(二)4): the latest day each stage may
 * start and end for acceptance to be done before the term, and whether it fits from `start`.
 *
 * @returns whether the plan fits
 */
export async function runPlanProject(options: PlanProjectCommandOptions, io: CliIo): Promise<boolean> {
  const t = (zh: string, en: string, params: Record<string, unknown> = {}) =>
    localize({ "zh-CN": zh, en }, options.lang, params);
  if (options.start > options.holidayEnd)
    throw new UsageError(t("--start 不能晚于 --holiday-end", "--start must not be after --holiday-end"));
  const source = await openSettings(options.settings, io.cwd, options.lang);
  const { ctx } = await readWorkbook(source, {
    modules: [procurement],
    lang: options.lang,
    today: io.today(),
  });
  const settings = readProjectSettings(ctx);
  const plan = planProject({
    start: options.start,
    holidayEnd: options.holidayEnd,
    calendar: ctx.calendar,
    durations: settings.durations,
    ...(options.holidayStart === undefined ? {} : { holidayStart: options.holidayStart }),
  });
  const out: string[] = [
    t(
      "项目倒排计划：专家验收须在 {deadline} 前完成（开学前最后一个工作日）",
      "Project plan: expert acceptance by {deadline} (the last working day before term)",
      {
        deadline: plan.deadline,
      },
    ),
    "",
    textTable(
      [
        [
          t("步骤", "Step"),
          t("工作日", "Days"),
          t("最晚开始", "Latest start"),
          t("最晚完成", "Latest end"),
          t("最早开始", "Earliest start"),
          t("最早完成", "Earliest end"),
        ],
        ...plan.steps.map((s) => [
          localize(s.title, options.lang),
          String(s.workdays),
          s.latestStart,
          s.latestFinish,
          s.earliestStart,
          s.earliestFinish,
        ]),
      ],
      ["left", "right", "left", "left", "left", "left"],
    ),
    "",
    plan.fits
      ? t(
          "来得及：从 {start} 开始，最早 {finish} 验收，尚余 {slack} 个工作日。",
          "It fits: starting {start}, acceptance can end on {finish}, with {slack} working days to spare.",
          {
            start: options.start,
            finish: plan.earliestFinish,
            slack: plan.slack,
          },
        )
      : t(
          "来不及：从 {start} 开始，最早要到 {finish} 才能验收，还差 {short} 个工作日。请提前启动或压缩工期。",
          "It does not fit: starting {start}, acceptance cannot end before {finish}, {short} working days short.",
          {
            start: options.start,
            finish: plan.earliestFinish,
            short: -plan.slack,
          },
        ),
  ];
  io.stdout.write(`${out.join("\n")}\n`);
  return plan.fits;
}
