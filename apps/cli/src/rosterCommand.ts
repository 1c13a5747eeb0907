import { resolve } from "node:path";
import { type IsoDate, type Lang, localize } from "@houqin/core";
import { athletes, coaches, eventsCellOf, meet, RosterError, rosterFor, rosterSheets } from "@houqin/sports";
import { type HouqinModule, readWorkbook } from "@houqin/workbook";
import { XlsxWorkbook } from "@houqin/workbook/xlsx";
import { openWorkbook, sameFile, saveWorkbook, UsageError } from "./checkFile.js";
import type { CliIo } from "./io.js";

/** Options of `houqin roster`. */
export interface RosterCommandOptions {
  /** The athletes workbook. */
  file: string;
  meet?: IsoDate;
  start?: IsoDate;
  out: string;
  lang: Lang;
}

/** The tables the roster reads: athletes, coaches and the meet's programme. */
const ROSTER_TABLES: HouqinModule = {
  id: "sports",
  title: { "zh-CN": "体育", en: "Sports" },
  kinds: [athletes, coaches, meet],
  checks: [],
};

/**
 * Makes the track-meet roster (三(五)2) of an athletes workbook: one coach per athlete and event group,
 * the training plan up to the meet, a sheet per coach and per training day, and the entry checks,
 * written as a new workbook.
 *
 * @returns the exit code: 0 when every athlete-group has a coach and no entry is in error, else 1
 * @throws UsageError (exit 2) for bad dates, an output that is the input, an unreadable file, a
 *   workbook without an athletes table, or no meet day
 */
export async function runRoster(options: RosterCommandOptions, io: CliIo): Promise<number> {
  const t = (zh: string, en: string, params: Record<string, unknown> = {}) =>
    localize({ "zh-CN": zh, en }, options.lang, params);
  if (options.start !== undefined && options.meet !== undefined && options.start >= options.meet)
    throw new UsageError(t("--start 必须早于 --meet", "--start must be before --meet"));
  const input = resolve(io.cwd, options.file);
  const out = resolve(io.cwd, options.out);
  if (await sameFile(input, out))
    throw new UsageError(
      t(
        "--out 不能与输入文件相同：houqin 不会覆盖原文件",
        "--out must differ from the input: houqin never overwrites it",
      ),
    );

  const workbook = await openWorkbook(input, options.file, options.lang);
  const contents = await readWorkbook(workbook, {
    modules: [ROSTER_TABLES],
    lang: options.lang,
    today: io.today(),
  });
  const { ctx } = contents;
  if (!contents.has(athletes.id))
    throw new UsageError(
      t(
        "{file} 中没有找到运动员名单（需要有“姓名”“参赛项目”两列的工作表）",
        "{file} has no athletes table (a sheet with 姓名 and 参赛项目 columns)",
        { file: options.file },
      ),
    );

  let roster: ReturnType<typeof rosterFor>;
  try {
    roster = rosterFor(ctx, {
      ...(options.meet === undefined ? {} : { meet: options.meet }),
      ...(options.start === undefined ? {} : { start: options.start }),
    });
  } catch (error) {
    if (error instanceof RosterError) throw new UsageError(localize(error.text, options.lang));
    throw error;
  }

  // Problems in reading the workbook (unreadable cells, settings), then the roster's own warnings.
  for (const f of contents.findings.filter((x) => x.severity !== "info"))
    io.stderr.write(`${f.sheet ?? ""}${f.cell ? `!${f.cell}` : ""}: ${f.message}\n`);
  for (const w of roster.warnings) io.stderr.write(`${t("注意：", "Note: ")}${localize(w, options.lang)}\n`);

  const book = XlsxWorkbook.empty();
  for (const sheet of rosterSheets(roster, options.lang))
    await book.writeSheet(sheet.name, sheet.rows, sheet.options);
  await saveWorkbook(book, out, options.out, options.lang);

  const entryErrors = roster.entries.filter((f) => f.severity === "error");
  const severity = { error: t("错误", "error"), warning: t("提醒", "warning"), info: t("提示", "info") };
  const lines = [
    t(
      "田径训练安排（{start} 至 {meet} 运动会）：运动员 {athletes} 人，教练 {coaches} 人，项目组 {groups} 人次（已安排教练 {covered}，未安排 {uncovered}），训练课 {sessions} 次，训练日 {days} 天，报名问题 {entries} 个",
      "Track roster ({start} to the meet on {meet}): {athletes} athletes, {coaches} coaches, {groups} athlete-groups ({covered} with a coach, {uncovered} without), {sessions} sessions on {days} training days, {entries} entry problems",
      {
        start: roster.start,
        meet: roster.meet,
        athletes: roster.athletes.length,
        coaches: roster.coaches.length,
        groups: roster.athleteGroups,
        covered: roster.assignments.length,
        uncovered: roster.uncovered.length,
        sessions: roster.sessions.length,
        days: roster.days.length,
        entries: roster.entries.length,
      },
    ),
    ...roster.uncovered.map(
      (u) =>
        `  ${t("未安排教练", "no coach")} ${eventsCellOf(u.athlete, u.events).sheet}!${eventsCellOf(u.athlete, u.events).cell}: ${localize(u.message, options.lang)}`,
    ),
    ...roster.entries.map(
      (f) =>
        `  ${t("报名", "entry")} ${severity[f.severity]} ${f.sheet ?? ""}${f.cell ? `!${f.cell}` : ""}: ${f.message}`,
    ),
    `  → ${options.out}`,
  ];
  io.stdout.write(`${lines.join("\n")}\n`);
  return roster.uncovered.length === 0 && entryErrors.length === 0 ? 0 : 1;
}
