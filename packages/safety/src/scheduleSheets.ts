import { type Bilingual, type IsoDate, type Lang, localize } from "@houqin/core";
import type { CheckContext, OutCell, SheetToWrite } from "@houqin/workbook";
import { generateSchedule, type SafetySchedule } from "./generateSchedule.js";
import { ROLE_TITLES } from "./plan.js";
import { planInForce, schoolClasses } from "./safetyContext.js";

const WEEKDAYS: readonly Bilingual[] = [
  { "zh-CN": "周日", en: "Sun" },
  { "zh-CN": "周一", en: "Mon" },
  { "zh-CN": "周二", en: "Tue" },
  { "zh-CN": "周三", en: "Wed" },
  { "zh-CN": "周四", en: "Thu" },
  { "zh-CN": "周五", en: "Fri" },
  { "zh-CN": "周六", en: "Sat" },
];

function weekday(date: IsoDate, lang: Lang): string {
  const day = new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))),
  );
  return localize(WEEKDAYS[day.getUTCDay()] as Bilingual, lang);
}

/**
 * The safety schedule of a workbook's school: the plan in force (its 安全检查计划 sheet or the
 * default), its calendar and classes, from one date to another.
 *
 * @example
 * const { ctx } = await readWorkbook(workbook, { modules: [safety], today });
 * const schedule = scheduleFor(ctx, "2023-09-01", "2024-01-31");
 */
export function scheduleFor(ctx: CheckContext, from: IsoDate, to: IsoDate): SafetySchedule {
  const { plan } = planInForce(ctx);
  const classes = schoolClasses(ctx);
  return generateSchedule(plan, ctx.calendar, { from, to, ...(classes.length > 0 ? { classes } : {}) });
}

/**
 * The schedule as sheets to print and fill in: 安全工作日程 (one row per dated task, with an empty
 * result column) and 1530轮值表 (the rotation of the radio talk).
 *
 * @example
 * for (const s of scheduleSheets(schedule, "zh-CN")) await out.writeSheet(s.name, s.rows, s.options);
 */
export function scheduleSheets(schedule: SafetySchedule, lang: Lang): SheetToWrite[] {
  const t = (zh: string, en: string) => localize({ "zh-CN": zh, en }, lang);
  const header = (titles: string[]) => titles.map((text) => ({ text, bold: true as const }));
  const tasks: OutCell[][] = [
    header([
      t("日期", "Date"),
      t("星期", "Day"),
      t("工作内容", "Duty"),
      t("条款", "Clause"),
      t("责任人", "Responsible"),
      t("检查要点", "Checklist"),
      t("完成情况", "Result"),
      t("检查人签字", "Signed"),
    ]),
    ...schedule.tasks.map((task) => [
      task.date,
      weekday(task.date, lang),
      localize(task.duty.title, lang),
      task.duty.clause,
      task.className ?? localize(ROLE_TITLES[task.duty.role], lang),
      task.duty.checklist.map((item) => localize(item, lang)).join(lang === "en" ? "; " : "；"),
      "",
      "",
    ]),
  ];
  const roster: OutCell[][] = [
    header([
      t("日期", "Date"),
      t("星期", "Day"),
      t("轮值班级", "Class on duty"),
      t("轮次", "Round"),
      t("主题", "Topic"),
    ]),
    ...schedule.roster1530.map((r) => [r.date, weekday(r.date, lang), r.className, r.turn, ""]),
  ];
  return [
    {
      name: t("安全工作日程", "Safety schedule"),
      rows: tasks,
      options: { frozenRows: 1, columnWidths: [12, 6, 36, 8, 12, 50, 12, 12] },
    },
    {
      name: t("1530轮值表", "1530 roster"),
      rows: roster,
      options: { frozenRows: 1, columnWidths: [12, 6, 14, 6, 30] },
    },
  ];
}
