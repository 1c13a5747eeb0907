import { type Bilingual, type Finding, type IsoDate, localize } from "@houqin/core";
import { type Check, type CheckContext, cellOf, gapLocation, type ParsedTable } from "@houqin/workbook";
import { disinfectionLog, uploadLog } from "./hygieneKinds.js";
import { servingDays, servingPeriod } from "./servingDays.js";

const MSG = {
  disinfection: {
    "zh-CN": "{date} 没有餐具、厨具消毒记录",
    en: "No disinfection of tableware and kitchenware recorded on {date}",
  },
  upload: {
    "zh-CN": "{date} 没有“明厨亮灶”/“阳光食堂”平台上传记录",
    en: "No upload to the kitchen-monitoring platform recorded on {date}",
  },
  noDisinfectionLog: {
    "zh-CN": "工作簿中没有找到餐具、厨具消毒记录，无法核对食堂厨具、餐具是否每天定时消毒",
    en: "No tableware and kitchenware disinfection log was found in the workbook, so daily disinfection cannot be checked",
  },
  noUploadLog: {
    "zh-CN": "工作簿中没有找到“明厨亮灶”/“阳光食堂”平台上传记录，无法核对是否每天上传管理平台",
    en: "No kitchen-monitoring platform upload log was found in the workbook, so daily uploads cannot be checked",
  },
  notUploaded: {
    "zh-CN": "{date} 记录为未上传管理平台",
    en: "The log says nothing was uploaded to the platform on {date}",
  },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/**
 * Whether a row records something: a line with a date and every other column blank is a line of a
 * printed form not filled in yet, not a record.
 */
function recordsSomething(
  values: Record<string, unknown>,
  unreadable: readonly string[] | undefined,
): boolean {
  if (unreadable && unreadable.length > 0) return true;
  return Object.entries(values).some(([key, value]) => key !== "date" && value !== undefined);
}

/**
 * Checks the canteen's two daily logs, one finding for each serving day without a record:
 * `canteen/disinfection-missing` (error, 三(三)4 "食堂厨具、餐具每天定时消毒") and
 * `canteen/upload-missing` (error, 三(三)7 "每天上传管理平台"; also a day whose 是否上传 cell says no,
 * pointed at that cell). A missing day points at the date cell of the first record after it.
 *
 * Each log is judged over {@link servingPeriod}: the period its own dates cover joined with that of
 * the meals tables (a log begun weeks after the canteen began serving is short of those weeks),
 * on the serving days of {@link servingDays}. "Today" (ctx.asOf) is still open and days after it
 * are not due: only days before it are judged. A log that is not in the workbook is not judged day
 * by day: when the other log is there (the check runs only then), the missing one is a single info
 * finding under its rule, without a cell.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkDailyLogs(ctx); // [{ rule: "canteen/disinfection-missing", data: { date: "2023-10-17" }, … }]
 */
export function checkDailyLogs(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const findings: Finding[] = [];

  const judge = (
    tables: readonly ParsedTable[],
    rule: "canteen/disinfection-missing" | "canteen/upload-missing",
    clause: string,
    message: Bilingual,
    missingLog: Bilingual,
    done: (values: Record<string, unknown>) => boolean | undefined,
  ) => {
    if (tables.length === 0) {
      findings.push({ rule, severity: "info", message: t(missingLog), clause });
      return;
    }
    const dates: IsoDate[] = [];
    const recorded = new Set<IsoDate>();
    // A day whose only rows say "not uploaded": where they are.
    const saidNo = new Map<IsoDate, { table: ParsedTable; row: number }>();
    for (const table of tables)
      for (const { row, values, unreadable } of table.rows) {
        const v = values as Record<string, unknown>;
        const date = v.date as IsoDate;
        dates.push(date);
        if (!recordsSomething(v, unreadable)) continue;
        const result = done(v);
        if (result === false) {
          if (!saidNo.has(date)) saidNo.set(date, { table, row });
        } else recorded.add(date);
      }
    const period = servingPeriod(ctx, dates);
    if (!period) return;
    for (const date of servingDays(ctx, period.from, period.to)) {
      if (date >= ctx.asOf || recorded.has(date)) continue;
      const no = saidNo.get(date);
      if (no) {
        findings.push({
          rule,
          severity: "error",
          message: t(MSG.notUploaded, { date }),
          clause,
          sheet: no.table.table.sheet,
          cell: cellOf(no.table.table, no.row, "uploaded"),
          row: no.row,
          data: { date },
        });
        continue;
      }
      findings.push({
        rule,
        severity: "error",
        message: t(message, { date }),
        clause,
        ...gapLocation(tables, date),
        data: { date },
      });
    }
  };

  judge(
    ctx.tablesOf(disinfectionLog) as readonly ParsedTable[],
    "canteen/disinfection-missing",
    "三(三)4",
    MSG.disinfection,
    MSG.noDisinfectionLog,
    () => true,
  );
  judge(
    ctx.tablesOf(uploadLog) as readonly ParsedTable[],
    "canteen/upload-missing",
    "三(三)7",
    MSG.upload,
    MSG.noUploadLog,
    (values) => values.uploaded as boolean | undefined,
  );
  return findings;
}

/** The daily disinfection and platform-upload check as the apps run it (三(三)4, 三(三)7). */
export const dailyLogsCheck: Check = {
  id: "canteen/daily-logs",
  title: tr("每日消毒与平台上传", "Daily disinfection and platform uploads"),
  kinds: [disinfectionLog, uploadLog],
  run: checkDailyLogs,
};
