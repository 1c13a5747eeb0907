import {
  addDaysIso,
  type Bilingual,
  type Finding,
  type IsoDate,
  localize,
  makeIsoDate,
  wholeSemesters,
} from "@houqin/core";
import { type Check, type CheckContext, cellOf } from "@houqin/workbook";
import { expiryState, expiryWarningDays } from "./expiry.js";
import { staff } from "./kinds.js";
import { type DateSpan, servingDays, servingPeriod } from "./servingDays.js";

const CLAUSE = "三(三)4";

/** Above this many days worked with an expired certificate, each finding says which day of how many it is. */
const NUMBERED_ABOVE = 5;

const MSG = {
  expired: {
    "zh-CN": "{name}的健康证已于 {expires} 到期，{date} 仍持过期健康证上岗",
    en: "{name}'s health certificate expired on {expires}; {name} still worked on {date}",
  },
  expiredNumbered: {
    "zh-CN": "{name}的健康证已于 {expires} 到期，{date} 仍持过期健康证上岗（第 {n} 天，共 {total} 天）",
    en: "{name}'s health certificate expired on {expires}; {name} still worked on {date} (day {n} of {total})",
  },
  expiredNotWorked: {
    "zh-CN": "{name}的健康证已于 {expires} 到期，须换证后方可上岗",
    en: "{name}'s health certificate expired on {expires}; it must be renewed before {name} works again",
  },
  expiring: {
    "zh-CN": "{name}的健康证将于 {expires} 到期（还有 {days} 天），请及时安排体检换证",
    en: "{name}'s health certificate expires on {expires} (in {days} days); arrange the yearly check in time",
  },
  expiringToday: {
    "zh-CN": "{name}的健康证今天（{expires}）到期，请尽快安排体检换证，明天起不得持过期健康证上岗",
    en: "{name}'s health certificate expires today ({expires}); arrange the yearly check now, as {name} may not work with it from tomorrow",
  },
  missing: {
    "zh-CN": "{name}没有登记健康证（无证号、无发证或有效期日期），从业人员须持健康证上岗",
    en: "{name} has no health certificate recorded (no number, no dates); canteen staff must hold one",
  },
  noColumns: {
    "zh-CN": "从业人员名单没有健康证号、发证日期或有效期一栏，无法核对健康证",
    en: "The staff list has no health certificate number, issue or expiry column, so certificates cannot be checked",
  },
  fromIssue: { "zh-CN": "（按发证日期起一年计）", en: " (a year from issue)" },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/**
 * The last valid day of a certificate known only by its issue date: one year after it, less a day
 * (the yearly check of 《食品安全法》§45). Issued on 29 February, it runs to 28 February.
 */
function yearAfter(issued: IsoDate): IsoDate {
  const y = Number(issued.slice(0, 4)) + 1;
  const m = Number(issued.slice(5, 7));
  const d = Number(issued.slice(8, 10));
  const anniversary = makeIsoDate(y, m, d) ?? makeIsoDate(y, m + 1, 1) ?? issued;
  return addDaysIso(anniversary, -1);
}

/** The number of calendar days from one date to a later one. */
function daysUntil(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/**
 * The period certificates are judged over: the meals tables' period (see {@link servingPeriod})
 * joined with the semester of "today" (the conventional half-year without semesters in the
 * settings), up to "today".
 */
function certificatePeriod(ctx: CheckContext): DateSpan {
  const semesters = wholeSemesters(ctx.calendar, ctx.asOf, ctx.asOf);
  const started = ctx.calendar.semesters.filter((s) => s.start <= ctx.asOf);
  const semesterStart = semesters[0]?.start ?? started[started.length - 1]?.start ?? ctx.asOf;
  const meals = servingPeriod(ctx, []);
  const from = meals && meals.from < semesterStart ? meals.from : semesterStart;
  return { from, to: ctx.asOf };
}

/**
 * Checks the health certificates of canteen staff (三(三)4 "工作人员持健康证上岗", 《食品安全法》§45):
 *
 * - `canteen/health-certificate-expired` (error): one finding for each serving day a person worked
 *   with an expired certificate — serving days ({@link servingDays}) from the day after expiry, from
 *   the start date if later, to the leave date if earlier and to ctx.asOf — at the expiry cell (or
 *   the issue cell when the expiry is a year from issue), naming the person and the day; over five
 *   days each message says which day of how many it is. A current member whose certificate has
 *   expired but who has worked no serving day since: one warning.
 * - `canteen/health-certificate-expiring` (warning): a current member's certificate expires within
 *   the warning period ({@link expiryWarningDays}, setting 证照到期提醒天数, default 30 days).
 * - `canteen/health-certificate-missing` (error): a member working in the period with no
 *   certificate number and no dates; info once at the header when the list has no certificate
 *   column at all.
 *
 * A certificate expires on 有效期至, or a year after 发证日期 less a day when only that is known.
 * The period judged runs from the start of the meals tables' period or of the semester of "today",
 * whichever is earlier, to "today"; people who left before it are not checked.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkHealthCertificates(ctx);
 * // [{ rule: "canteen/health-certificate-expired", cell: "D5", data: { name: "王芳", expires: "2023-10-09", date: "2023-10-10" } }, …]
 */
export function checkHealthCertificates(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const warningDays = expiryWarningDays(ctx);
  const period = certificatePeriod(ctx);
  const findings: Finding[] = [];

  for (const parsed of ctx.tablesOf(staff)) {
    const { table } = parsed;
    const columns = table.columns as Record<string, number | undefined>;
    if (
      columns.certificateNo === undefined &&
      columns.issued === undefined &&
      columns.expires === undefined
    ) {
      if (parsed.rows.length > 0)
        findings.push({
          rule: "canteen/health-certificate-missing",
          severity: "info",
          message: t(MSG.noColumns),
          clause: CLAUSE,
          sheet: table.sheet,
          cell: cellOf(table, table.headerRow, "name"),
          row: table.headerRow,
        });
      continue;
    }
    for (const { row, values, unreadable } of parsed.rows) {
      const { name } = values;
      if (values.left !== undefined && values.left < period.from) continue;
      const current = values.left === undefined || values.left >= ctx.asOf;
      const unclear = (field: string) => unreadable?.includes(field) ?? false;
      const field = values.expires !== undefined ? "expires" : "issued";
      const at = { sheet: table.sheet, cell: cellOf(table, row, field), row };

      if (values.expires === undefined && values.issued === undefined) {
        if (
          values.certificateNo !== undefined ||
          unclear("certificateNo") ||
          unclear("issued") ||
          unclear("expires")
        )
          continue;
        if (values.started !== undefined && values.started > ctx.asOf) continue;
        const column = ["certificateNo", "expires", "issued"].find((f) => columns[f] !== undefined) ?? "name";
        findings.push({
          rule: "canteen/health-certificate-missing",
          severity: "error",
          message: t(MSG.missing, { name }),
          clause: CLAUSE,
          sheet: table.sheet,
          cell: cellOf(table, row, column),
          row,
          data: { name },
        });
        continue;
      }
      // An unreadable expiry cell (already reported) leaves the expiry unknown.
      if (values.expires === undefined && unclear("expires")) continue;
      const expires = values.expires ?? yearAfter(values.issued as IsoDate);
      const data = {
        name,
        expires,
        ...(values.expires === undefined ? { issued: values.issued, expiresFromIssue: true } : {}),
      };
      const fromIssue = values.expires === undefined ? t(MSG.fromIssue) : "";
      const state = expiryState(expires, ctx.asOf, warningDays);
      if (state === "expiring") {
        if (current)
          findings.push({
            rule: "canteen/health-certificate-expiring",
            severity: "warning",
            message:
              t(expires === ctx.asOf ? MSG.expiringToday : MSG.expiring, {
                name,
                expires,
                days: daysUntil(ctx.asOf, expires),
              }) + fromIssue,
            clause: CLAUSE,
            ...at,
            data,
          });
        continue;
      }
      if (state !== "expired") continue;
      const candidates = [addDaysIso(expires, 1), period.from, values.started].filter(
        (d): d is IsoDate => d !== undefined,
      );
      const from = candidates.reduce((a, b) => (a > b ? a : b));
      const to = values.left !== undefined && values.left < ctx.asOf ? values.left : ctx.asOf;
      const worked = servingDays(ctx, from, to);
      if (worked.length === 0) {
        if (current && (values.started === undefined || values.started <= ctx.asOf))
          findings.push({
            rule: "canteen/health-certificate-expired",
            severity: "warning",
            message: t(MSG.expiredNotWorked, { name, expires }) + fromIssue,
            clause: CLAUSE,
            ...at,
            data,
          });
        continue;
      }
      const numbered = worked.length > NUMBERED_ABOVE;
      worked.forEach((date, i) => {
        findings.push({
          rule: "canteen/health-certificate-expired",
          severity: "error",
          message:
            t(numbered ? MSG.expiredNumbered : MSG.expired, {
              name,
              expires,
              date,
              n: i + 1,
              total: worked.length,
            }) + fromIssue,
          clause: CLAUSE,
          ...at,
          data: { ...data, date },
        });
      });
    }
  }
  return findings;
}

/** The health certificate check as the apps run it (三(三)4). */
export const healthCertificatesCheck: Check = {
  id: "canteen/health-certificates",
  title: tr("从业人员健康证", "Staff health certificates"),
  kinds: [staff],
  run: checkHealthCertificates,
};
