import {
  type Bilingual,
  type Fen,
  type Finding,
  formatMoney,
  type IsoDate,
  localize,
  median,
  sumFen,
} from "@houqin/core";
import { type Check, type CheckContext, cellOf, cells, type Report } from "@houqin/workbook";
import { repairTickets } from "./useKinds.js";

const CLAUSE = "三(二)2";

const MSG = {
  slowResponse: {
    "zh-CN":
      "{date} 报修的{subject}在 {handled} 才受理，用了 {days} 个上学日，超过响应时限（{limit} 个上学日）",
    en: "{subject}, reported on {date}, was handled on {handled}, after {days} school days (target: {limit})",
  },
  notHandled: {
    "zh-CN":
      "{date} 报修的{subject}到 {asOf} 仍未受理，已过 {days} 个上学日，超过响应时限（{limit} 个上学日）",
    en: "{subject}, reported on {date}, was still not handled on {asOf}, after {days} school days (target: {limit})",
  },
  slowRepair: {
    "zh-CN":
      "{date} 报修的{subject}在 {repaired} 才修复，用了 {days} 个上学日，超过维修时限（{limit} 个上学日）",
    en: "{subject}, reported on {date}, was repaired on {repaired}, after {days} school days (target: {limit})",
  },
  open: {
    "zh-CN":
      "{date} 报修的{subject}到 {asOf} 仍未修复，已过 {days} 个上学日，超过维修时限（{limit} 个上学日）",
    en: "{subject}, reported on {date}, was still not repaired on {asOf}, after {days} school days (target: {limit})",
  },
  noFeedback: {
    "zh-CN": "{date} 报修的{subject}已于 {repaired} 修复，但没有反馈日期，请登记向报修人反馈的日期",
    en: "{subject}, reported on {date}, was repaired on {repaired} but has no feedback date; record when the reporter was told",
  },
  noFeedbackColumn: {
    "zh-CN": "报修登记没有“反馈日期”一栏，无法核对修复后是否向报修人反馈",
    en: "The repair log has no “fed back on” column, so feedback to the reporter cannot be checked",
  },
  dateOrder: {
    "zh-CN": "“{field}”{value}早于报修日期 {date}，请核对",
    en: "“{field}” {value} is before the report date {date}; please check it",
  },
  subject: { "zh-CN": "“{problem}”", en: "“{problem}”" },
  total: { "zh-CN": "合计", en: "Total" },
  subjectAt: { "zh-CN": "{place}“{problem}”", en: "“{problem}” at {place}" },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

interface MonthTally {
  month: string;
  tickets: number;
  repaired: number;
  responseDays: number[];
  repairDays: number[];
  slowResponse: number;
  slowRepair: number;
  costs: Fen[];
}

function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10;
}

/**
 * Checks repair tickets against the "at once" (第一时间) targets of 三(二)2, counting school days:
 * `assets/repair-slow-response` (handled later than 报修响应时限 school days after the report,
 * default 1; or not handled yet and already past it), `assets/repair-slow` (repaired later than
 * 维修时限, default 5), `assets/repair-open` (not repaired and past 维修时限 as of "today"),
 * `assets/repair-no-feedback` (repaired, no feedback date) and `assets/repair-date-order` (a date
 * before the report). It publishes "报修月度统计": per month of report, tickets, repaired, median and
 * average response and repair days, tickets over target, and the total cost.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkRepairs(ctx); // and ctx.report({ id: "assets.repair-monthly", … })
 */
export function checkRepairs(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const respondLimit = ctx.setting(
    ["报修响应时限", "报修响应时限(上学日)", "响应时限", "repair response target"],
    cells.integer(),
    1,
  );
  const repairLimit = ctx.setting(
    ["维修时限", "维修时限(上学日)", "修复时限", "repair target"],
    cells.integer(),
    5,
  );
  const findings: Finding[] = [];
  const months = new Map<string, MonthTally>();
  const between = (a: IsoDate, b: IsoDate) => ctx.calendar.schoolDaysBetween(a, b);

  for (const parsed of ctx.tablesOf(repairTickets)) {
    const { table } = parsed;
    const columns = table.columns as Record<string, number | undefined>;
    if (columns.fedBackAt === undefined && parsed.rows.some((r) => r.values.repairedAt !== undefined))
      findings.push({
        rule: "assets/repair-no-feedback",
        severity: "info",
        message: t(MSG.noFeedbackColumn),
        clause: CLAUSE,
        sheet: table.sheet,
        cell: cellOf(table, table.headerRow, "reportedAt"),
        row: table.headerRow,
      });
    for (const { row, values, unreadable } of parsed.rows) {
      const at = (field: string) => ({ sheet: table.sheet, cell: cellOf(table, row, field), row });
      const date = values.reportedAt;
      const subject = t(values.place ? MSG.subjectAt : MSG.subject, {
        problem: values.problem,
        place: values.place ?? "",
      });
      const data = {
        reportedAt: date,
        problem: values.problem,
        ...(values.place ? { place: values.place } : {}),
      };
      const month = date.slice(0, 7);
      const tally = months.get(month) ?? {
        month,
        tickets: 0,
        repaired: 0,
        responseDays: [],
        repairDays: [],
        slowResponse: 0,
        slowRepair: 0,
        costs: [],
      };
      months.set(month, tally);
      tally.tickets++;
      if (values.cost !== undefined) tally.costs.push(values.cost);

      // A date before the report is a typo: reported, and not used for the times.
      const inOrder = (field: "handledAt" | "fedBackAt" | "repairedAt"): IsoDate | undefined => {
        const value = values[field];
        if (value === undefined || value >= date) return value;
        findings.push({
          rule: "assets/repair-date-order",
          severity: "warning",
          message: t(MSG.dateOrder, { field: t(repairTickets.fields[field].title), value, date }),
          clause: CLAUSE,
          ...at(field),
          data: { ...data, [field]: value },
        });
        return undefined;
      };
      const handled = inOrder("handledAt");
      const repaired = inOrder("repairedAt");
      const fedBack = inOrder("fedBackAt");
      if (values.repairedAt !== undefined) tally.repaired++;

      if (handled !== undefined) {
        const days = between(date, handled);
        tally.responseDays.push(days);
        if (days > respondLimit) {
          tally.slowResponse++;
          findings.push({
            rule: "assets/repair-slow-response",
            severity: "warning",
            message: t(MSG.slowResponse, { date, subject, handled, days, limit: respondLimit }),
            clause: CLAUSE,
            ...at("handledAt"),
            data: { ...data, handledAt: handled, schoolDays: days, limit: respondLimit },
          });
        }
      } else if (
        columns.handledAt !== undefined &&
        values.handledAt === undefined &&
        values.repairedAt === undefined &&
        !unreadable?.includes("handledAt") &&
        date < ctx.asOf
      ) {
        const days = between(date, ctx.asOf);
        if (days > respondLimit) {
          tally.slowResponse++;
          findings.push({
            rule: "assets/repair-slow-response",
            severity: "warning",
            message: t(MSG.notHandled, { date, subject, asOf: ctx.asOf, days, limit: respondLimit }),
            clause: CLAUSE,
            ...at("handledAt"),
            data: { ...data, schoolDays: days, limit: respondLimit, asOf: ctx.asOf },
          });
        }
      }

      if (repaired !== undefined) {
        const days = between(date, repaired);
        tally.repairDays.push(days);
        if (days > repairLimit) {
          tally.slowRepair++;
          findings.push({
            rule: "assets/repair-slow",
            severity: "warning",
            message: t(MSG.slowRepair, { date, subject, repaired, days, limit: repairLimit }),
            clause: CLAUSE,
            ...at("repairedAt"),
            data: { ...data, repairedAt: repaired, schoolDays: days, limit: repairLimit },
          });
        }
        if (
          fedBack === undefined &&
          values.fedBackAt === undefined &&
          columns.fedBackAt !== undefined &&
          !unreadable?.includes("fedBackAt")
        )
          findings.push({
            rule: "assets/repair-no-feedback",
            severity: "warning",
            message: t(MSG.noFeedback, { date, subject, repaired }),
            clause: CLAUSE,
            ...at("fedBackAt"),
            data: { ...data, repairedAt: repaired },
          });
      } else if (
        values.repairedAt === undefined &&
        (table.columns as Record<string, number | undefined>).repairedAt !== undefined &&
        !unreadable?.includes("repairedAt") &&
        date < ctx.asOf
      ) {
        const days = between(date, ctx.asOf);
        if (days > repairLimit) {
          tally.slowRepair++;
          findings.push({
            rule: "assets/repair-open",
            severity: "warning",
            message: t(MSG.open, { date, subject, asOf: ctx.asOf, days, limit: repairLimit }),
            clause: CLAUSE,
            ...at("repairedAt"),
            data: { ...data, schoolDays: days, limit: repairLimit, asOf: ctx.asOf },
          });
        }
      }
    }
  }
  if (months.size > 0) ctx.report(monthlyReport([...months.values()], t(MSG.total)));
  return findings;
}

/** The monthly statistics sheet, months in order, with a total row. */
function monthlyReport(tallies: readonly MonthTally[], totalLabel: string): Report {
  const sorted = [...tallies].sort((a, b) => (a.month < b.month ? -1 : 1));
  const total: MonthTally = {
    month: totalLabel,
    tickets: 0,
    repaired: 0,
    responseDays: [],
    repairDays: [],
    slowResponse: 0,
    slowRepair: 0,
    costs: [],
  };
  for (const m of sorted) {
    total.tickets += m.tickets;
    total.repaired += m.repaired;
    total.responseDays.push(...m.responseDays);
    total.repairDays.push(...m.repairDays);
    total.slowResponse += m.slowResponse;
    total.slowRepair += m.slowRepair;
    total.costs.push(...m.costs);
  }
  const row = (m: MonthTally) => {
    const cost = sumFen(m.costs);
    return {
      month: m.month,
      tickets: m.tickets,
      repaired: m.repaired,
      open: m.tickets - m.repaired,
      medianResponse: median(m.responseDays),
      averageResponse: average(m.responseDays),
      medianRepair: median(m.repairDays),
      averageRepair: average(m.repairDays),
      slowResponse: m.slowResponse,
      slowRepair: m.slowRepair,
      cost: formatMoney(cost),
      costFen: cost,
    };
  };
  return {
    id: "assets.repair-monthly",
    title: tr("报修月度统计", "Monthly repair statistics"),
    sheetName: tr("报修月度统计", "Repairs by month"),
    columns: [
      { key: "month", title: tr("月份", "Month") },
      { key: "tickets", title: tr("报修数", "Tickets") },
      { key: "repaired", title: tr("已修复", "Repaired") },
      { key: "open", title: tr("未修复", "Open") },
      { key: "medianResponse", title: tr("响应天数中位数", "Median response (school days)") },
      { key: "averageResponse", title: tr("平均响应天数", "Average response (school days)") },
      { key: "medianRepair", title: tr("维修天数中位数", "Median repair (school days)") },
      { key: "averageRepair", title: tr("平均维修天数", "Average repair (school days)") },
      { key: "slowResponse", title: tr("响应超时", "Slow responses") },
      { key: "slowRepair", title: tr("维修超时", "Slow repairs") },
      { key: "costFen", title: tr("维修费用", "Cost"), width: 14, format: "money" },
    ],
    rows: [...sorted.map(row), row(total)],
  };
}

/** The repair-ticket check as the apps run it (三(二)2). */
export const repairCheck: Check = {
  id: "assets/repairs",
  title: tr("报修响应与维修", "Repair tickets"),
  kinds: [repairTickets],
  run: checkRepairs,
};
