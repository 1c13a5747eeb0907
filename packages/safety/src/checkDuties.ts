import { type Bilingual, type Finding, type IsoDate, localize, normalizeText } from "@houqin/core";
import {
  type CheckContext,
  cellOf,
  cells,
  gapLocation,
  judgedPeriod,
  type ParsedTable,
  type RecognizedTable,
  type Report,
  type TableKind,
  windowText,
} from "@houqin/workbook";
import { generateSchedule } from "./generateSchedule.js";
import { drillLog, educationLog, guardLog, inspectionLog } from "./kinds.js";
import { type Duty, type DutyLog, ROLE_TITLES, type SafetyPlan } from "./plan.js";
import { CADENCE_TEXT, schoolClasses } from "./safetyContext.js";

type LogKind = DutyLog["kind"];
type AnyTable = ParsedTable;

/** One row of a log that records a duty. */
interface DutyRecord {
  date: IsoDate;
  recordedAt?: IsoDate;
  className?: string;
  table: AnyTable;
  row: number;
}

/** How a duty's planned occurrences turned out. */
export interface DutyCompliance {
  duty: Duty;
  planned: number;
  onTime: number;
  late: number;
  missed: number;
  /** No record of this duty anywhere in the workbook. */
  unlogged: boolean;
}

const KIND_OF: Record<Exclude<LogKind, "safety.extinguisher-register">, TableKind> = {
  "safety.inspection-log": inspectionLog as unknown as TableKind,
  "safety.drill-log": drillLog as unknown as TableKind,
  "safety.education-log": educationLog as unknown as TableKind,
  "safety.guard-log": guardLog as unknown as TableKind,
};

/** The text of a row that says which duty it records. */
function describing(kind: LogKind, values: Record<string, unknown>): string {
  const text =
    kind === "safety.inspection-log" ? values.item : kind === "safety.drill-log" ? values.type : values.topic;
  return typeof text === "string" ? normalizeText(text).toLowerCase() : "";
}

/** Words that say a check was not done ("未检查", "未完成"). */
const NOT_DONE = /^(未|没有?|缺|否|×|✗|x$|no$|not )/i;

/**
 * Whether an inspection row says the check was done: a row of a printed schedule with neither a
 * result nor a signature is a blank form, not a check.
 */
function recordsDone(table: AnyTable, values: Record<string, unknown>): boolean {
  const columns = table.table.columns as Record<string, number | undefined>;
  const result = typeof values.result === "string" ? normalizeText(values.result) : "";
  if (result !== "" && NOT_DONE.test(result)) return false;
  if (columns.result !== undefined && columns.inspector !== undefined)
    return result !== "" || (typeof values.inspector === "string" && values.inspector.trim() !== "");
  return true;
}

/**
 * The duties a row's text records: a decisive word settles it ("消防通道日常检查" is the daily
 * check); else the duty whose keyword stands first (the longer at the same place); else the
 * fallback duty. Duties without keywords (any drill) take every row.
 */
function matchDuties(duties: readonly Duty[], text: string): Duty[] {
  const words = (d: Duty) => (d.log && "keywords" in d.log ? d.log : undefined);
  let matched: Duty[] = duties.filter((d) => words(d)?.decisive?.some((k) => text.includes(k.toLowerCase())));
  if (matched.length === 0) {
    let best: [number, number] | undefined;
    for (const d of duties) {
      let mine: [number, number] | undefined;
      for (const k of words(d)?.keywords ?? []) {
        const at = text.indexOf(k.toLowerCase());
        if (at < 0) continue;
        if (!mine || at < mine[0] || (at === mine[0] && k.length > mine[1])) mine = [at, k.length];
      }
      if (!mine) continue;
      if (!best || mine[0] < best[0] || (mine[0] === best[0] && mine[1] > best[1])) {
        best = mine;
        matched = [d];
      } else if (mine[0] === best[0] && mine[1] === best[1]) matched.push(d);
    }
  }
  if (matched.length === 0) matched = duties.filter((d) => words(d)?.fallback);
  for (const d of duties) if (words(d)?.keywords.length === 0 && !matched.includes(d)) matched.push(d);
  return matched;
}

/**
 * The rows of each keyword-matched duty: a row belongs to the duty whose keyword comes first in its
 * text (the longer keyword at the same place); a duty without keywords takes every row of its log.
 */
function recordsByDuty(ctx: CheckContext, duties: readonly Duty[]): Map<string, DutyRecord[]> {
  const out = new Map<string, DutyRecord[]>(duties.map((d) => [d.id, []]));
  const byKind = new Map<LogKind, Duty[]>();
  for (const d of duties) if (d.log) byKind.set(d.log.kind, [...(byKind.get(d.log.kind) ?? []), d]);
  for (const [kind, kindDuties] of byKind) {
    if (kind === "safety.extinguisher-register") continue;
    for (const table of ctx.tablesOf(KIND_OF[kind]) as readonly AnyTable[]) {
      for (const { row, values } of table.rows) {
        const v = values as Record<string, unknown>;
        const record: DutyRecord = {
          date: v.date as IsoDate,
          table,
          row,
          ...(typeof v.recordedAt === "string" ? { recordedAt: v.recordedAt } : {}),
          ...(typeof v.className === "string" ? { className: v.className } : {}),
        };
        if (kind === "safety.guard-log") {
          for (const d of kindDuties)
            if (d.log?.kind === kind && v[d.log.field] === true) out.get(d.id)?.push(record);
          continue;
        }
        if (!recordsDone(table, v)) continue;
        const matched = matchDuties(kindDuties, describing(kind, v));
        for (const d of matched) out.get(d.id)?.push(record);
      }
    }
  }
  return out;
}

/** A class column entry that means every class. */
const WHOLE_SCHOOL = /^(全校|全体|各班|所有班级|all|whole school)$/i;

const MSG = {
  run: {
    "zh-CN": "{class}“{duty}”从 {from} 到 {to} 共 {count} 次没有记录（{edge}）",
    en: "{count} occurrences of “{duty}”{class} from {from} to {to} have no record ({edge})",
  },
  runBefore: { "zh-CN": "记录从 {date} 才开始", en: "the log starts on {date}" },
  runAfter: { "zh-CN": "记录止于 {date}", en: "the log stops on {date}" },
  missed: {
    "zh-CN": "“{duty}”在 {window} 没有记录（{cadence}，{role}）",
    en: "No record of “{duty}” in {window} ({cadence}, {role})",
  },
  missedClass: {
    "zh-CN": "{class}“{duty}”在 {window} 没有记录（{cadence}）",
    en: "No record of “{duty}” for {class} in {window} ({cadence})",
  },
  guardItem: {
    "zh-CN": "{date} 门卫“{item}”未完成或未记录",
    en: "{date}: the guard's “{item}” was not done or not recorded",
  },
  radio: {
    "zh-CN": "{date} 这周没有“1530”红领巾广播安全教育记录{class}",
    en: "No “1530” radio safety talk recorded in the week of {date}{class}",
  },
  unlogged: {
    "zh-CN": "工作簿的{log}中没有“{duty}”的记录，未逐次检查",
    en: "The {log} holds no record of “{duty}”; its occurrences were not checked one by one",
  },
  noColumn: {
    "zh-CN": "{log}中没有“{column}”一栏，无法检查“{duty}”",
    en: "The {log} has no “{column}” column, so “{duty}” cannot be checked",
  },
  late: {
    "zh-CN": "{date} 的“{item}”检查到 {recorded} 才登记，晚了 {days} 个上学日（应在 {limit} 个上学日内登记）",
    en: "The {date} check of “{item}” was recorded on {recorded}, {days} school days later (limit {limit})",
  },
} satisfies Record<string, Bilingual>;

/** The rule a missed occurrence of a duty breaks. */
function missedRule(
  duty: Duty,
): "safety/guard-duty-missing" | "safety/1530-missed" | "safety/missed-check" | undefined {
  if (duty.log?.kind === "safety.guard-log") return "safety/guard-duty-missing";
  if (duty.cadence.kind === "weekly" && duty.role === "rotating-class") return "safety/1530-missed";
  // The once-a-semester evacuation drill is judged with the drill counts (safety/drill-missing).
  if (duty.log?.kind === "safety.drill-log" && duty.cadence.kind === "semester") return undefined;
  return "safety/missed-check";
}

/**
 * Checks each duty of the plan that a log in the workbook records: every planned occurrence (a
 * school day, a school week, a month, a semester, a themed day) needs a record in its window.
 * Returns the findings and each duty's compliance.
 */
export function checkDuties(
  ctx: CheckContext,
  plan: SafetyPlan,
): { findings: Finding[]; compliance: DutyCompliance[] } {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const findings: Finding[] = [];
  const compliance: DutyCompliance[] = [];
  const lateLimit = ctx.setting(["补录期限", "登记期限（上学日）", "登记期限"], cells.integer(), 3);
  const logged = plan.duties.filter((d) => d.log && d.log.kind !== "safety.extinguisher-register");
  const records = recordsByDuty(ctx, logged);
  const classes = schoolClasses(ctx);

  for (const duty of logged) {
    const log = duty.log as Exclude<DutyLog, { kind: "safety.extinguisher-register" }>;
    const kind = KIND_OF[log.kind];
    const tables = ctx.tablesOf(kind) as readonly AnyTable[];
    const first = tables[0];
    if (!first) continue;
    const logTitle = t(kind.title);
    if (
      log.kind === "safety.guard-log" &&
      (first.table.columns as Record<string, number | undefined>)[log.field] === undefined
    ) {
      findings.push({
        rule: "safety/log-column-missing",
        severity: "info",
        message: t(MSG.noColumn, {
          log: logTitle,
          column: t(guardLog.fields[log.field].title),
          duty: t(duty.title),
        }),
        clause: duty.clause,
        sheet: first.table.sheet,
        cell: cellOf(first.table as RecognizedTable, first.table.headerRow, "date"),
        row: first.table.headerRow,
      });
      continue;
    }
    const dutyRecords = records.get(duty.id) ?? [];
    const allDates = tables.flatMap((tb) => tb.rows.map((r) => (r.values as { date: IsoDate }).date));
    const period = judgedPeriod(ctx, allDates);
    if (dutyRecords.length === 0 && log.kind !== "safety.guard-log") {
      findings.push({
        rule: "safety/no-log",
        severity: "info",
        message: t(MSG.unlogged, { log: logTitle, duty: t(duty.title) }),
        clause: duty.clause,
        sheet: first.table.sheet,
      });
      compliance.push({ duty, planned: 0, onTime: 0, late: 0, missed: 0, unlogged: true });
      continue;
    }
    if (!period) continue;
    // A class teacher's duty in a log with a class column is owed by every class.
    const perClass =
      duty.role === "class-teacher" &&
      (first.table.columns as Record<string, number | undefined>).className !== undefined &&
      log.kind === "safety.education-log";
    const owners = perClass
      ? classes.length > 0
        ? classes
        : [...new Set(dutyRecords.map((r) => r.className).filter((c): c is string => c !== undefined))]
      : [undefined];
    const schedule = generateSchedule({ duties: [duty] }, ctx.calendar, {
      from: period.from,
      to: period.to,
      ...(duty.role === "rotating-class" && classes.length > 0 ? { classes } : {}),
    });
    const tally: DutyCompliance = { duty, planned: 0, onTime: 0, late: 0, missed: 0, unlogged: false };
    const rule = missedRule(duty);
    const logFrom = allDates.reduce((a, b) => (a < b ? a : b));
    const logTo = allDates.reduce((a, b) => (a > b ? a : b));
    for (const owner of owners) {
      // A row for the whole school (全校) counts for every class.
      const mine =
        owner === undefined
          ? dutyRecords
          : dutyRecords.filter(
              (r) => r.className === owner || (r.className !== undefined && WHOLE_SCHOOL.test(r.className)),
            );
      const missed: typeof schedule.tasks = [];
      for (const task of schedule.tasks) {
        const inWindow = mine.filter((r) => r.date >= task.window.start && r.date <= task.window.end);
        // An occurrence whose window is not over by "today" is judged only once it is done.
        if (inWindow.length === 0 && task.window.end >= ctx.asOf) continue;
        tally.planned++;
        if (inWindow.length > 0) {
          const timely = inWindow.some(
            (r) =>
              r.recordedAt === undefined || ctx.calendar.schoolDaysBetween(r.date, r.recordedAt) <= lateLimit,
          );
          if (timely) tally.onTime++;
          else tally.late++;
          continue;
        }
        tally.missed++;
        missed.push(task);
      }
      if (!rule) continue;
      // Before the log's first record and after its last, a run of misses is one finding.
      const before = missed.filter((task) => task.window.end < logFrom);
      const after = missed.filter((task) => task.window.start > logTo);
      const inside = missed.filter((task) => !before.includes(task) && !after.includes(task));
      for (const [run, edge] of [
        [before, "before"],
        [after, "after"],
      ] as const) {
        if (run.length === 1) inside.push(run[0] as (typeof run)[number]);
        if (run.length < 2) continue;
        findings.push(
          runFinding(ctx, duty, rule, run, owner, tables, edge === "before" ? logFrom : logTo, edge),
        );
      }
      inside.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      for (const task of inside) {
        const finding = missedFinding(ctx, duty, rule, task, owner, tables, log);
        if (finding) findings.push(finding);
      }
    }
    compliance.push(tally);
  }

  // Records entered long after the check they record.
  for (const table of ctx.tablesOf(inspectionLog)) {
    for (const { row, values } of table.rows) {
      if (values.recordedAt === undefined || values.recordedAt <= values.date) continue;
      const days = ctx.calendar.schoolDaysBetween(values.date, values.recordedAt);
      if (days <= lateLimit) continue;
      findings.push({
        rule: "safety/late-record",
        severity: "warning",
        message: t(MSG.late, {
          date: values.date,
          item: values.item,
          recorded: values.recordedAt,
          days,
          limit: lateLimit,
        }),
        clause: "三(一)1",
        sheet: table.table.sheet,
        cell: cellOf(table.table, row, "recordedAt"),
        row,
        data: { date: values.date, recordedAt: values.recordedAt, schoolDays: days },
      });
    }
  }
  return { findings, compliance };
}

function missedFinding(
  ctx: CheckContext,
  duty: Duty,
  rule: "safety/guard-duty-missing" | "safety/1530-missed" | "safety/missed-check",
  task: ReturnType<typeof generateSchedule>["tasks"][number],
  owner: string | undefined,
  tables: readonly AnyTable[],
  log: Exclude<DutyLog, { kind: "safety.extinguisher-register" }>,
): Finding | undefined {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const window = windowText(task.window.start, task.window.end, ctx.lang);
  const base = {
    clause: duty.clause,
    data: { duty: duty.id, window: task.window, ...(owner ? { className: owner } : {}) },
  };
  // A guard's day that has a row: point at the item's own cell in it.
  if (log.kind === "safety.guard-log" && duty.cadence.kind === "daily") {
    for (const table of tables) {
      const hit = table.rows.find((r) => (r.values as { date: IsoDate }).date === task.date);
      // An unreadable cell was reported already; it is not also a missing duty.
      if (hit?.unreadable?.includes(log.field)) return undefined;
      if (hit)
        return {
          rule,
          severity: "warning",
          message: t(MSG.guardItem, { date: task.date, item: t(guardLog.fields[log.field].title) }),
          sheet: table.table.sheet,
          cell: cellOf(table.table, hit.row, log.field),
          row: hit.row,
          ...base,
        };
    }
  }
  const where = gapLocation(tables, task.window.end);
  if (rule === "safety/1530-missed") {
    const cls = task.className
      ? t({ "zh-CN": "（轮值班级：{c}）", en: " (class on duty: {c})" }, { c: task.className })
      : "";
    return {
      rule,
      severity: "warning",
      message: t(MSG.radio, { date: task.date, class: cls }),
      ...where,
      ...base,
    };
  }
  const params = {
    duty: t(duty.title),
    window,
    cadence: t(CADENCE_TEXT[duty.cadence.kind] as Bilingual),
    role: t(ROLE_TITLES[duty.role]),
    class: owner ?? "",
  };
  return {
    rule,
    severity: rule === "safety/missed-check" ? "error" : "warning",
    message: t(owner ? MSG.missedClass : MSG.missed, params),
    ...where,
    ...base,
  };
}

/** One finding for a run of misses before a log starts or after it stops. */
function runFinding(
  ctx: CheckContext,
  duty: Duty,
  rule: "safety/guard-duty-missing" | "safety/1530-missed" | "safety/missed-check",
  run: readonly ReturnType<typeof generateSchedule>["tasks"][number][],
  owner: string | undefined,
  tables: readonly AnyTable[],
  edgeDate: IsoDate,
  edge: "before" | "after",
): Finding {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const first = run[0] as (typeof run)[number];
  const last = run[run.length - 1] as (typeof run)[number];
  return {
    rule,
    severity: rule === "safety/missed-check" ? "error" : "warning",
    message: t(MSG.run, {
      duty: t(duty.title),
      class: owner ?? "",
      from: first.window.start,
      to: last.window.end,
      count: run.length,
      edge: t(edge === "before" ? MSG.runBefore : MSG.runAfter, { date: edgeDate }),
    }),
    clause: duty.clause,
    ...gapLocation(tables, edge === "before" ? last.window.end : first.window.start),
    data: {
      duty: duty.id,
      windows: run.length,
      from: first.window.start,
      to: last.window.end,
      ...(owner ? { className: owner } : {}),
    },
  };
}

/** The compliance summary as a report sheet: per duty, planned, on time, late, missed. */
export function complianceReport(compliance: readonly DutyCompliance[], lang: CheckContext["lang"]): Report {
  const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });
  return {
    id: "safety.compliance",
    title: tr("安全工作完成情况", "Safety duty compliance"),
    sheetName: tr("安全工作完成情况", "Safety compliance"),
    columns: [
      { key: "duty", title: tr("工作内容", "Duty"), width: 36 },
      { key: "clause", title: tr("条款", "Clause") },
      { key: "planned", title: tr("应做次数", "Planned") },
      { key: "onTime", title: tr("按时完成", "On time") },
      { key: "late", title: tr("补登", "Late") },
      { key: "missed", title: tr("缺失", "Missed") },
      { key: "rate", title: tr("完成率", "Rate") },
    ],
    rows: compliance.map((c) => ({
      duty: localize(c.duty.title, lang),
      dutyId: c.duty.id,
      clause: c.duty.clause,
      planned: c.unlogged ? null : c.planned,
      onTime: c.unlogged ? null : c.onTime,
      late: c.unlogged ? null : c.late,
      missed: c.unlogged ? null : c.missed,
      rate:
        c.unlogged || c.planned === 0
          ? null
          : `${Math.round(((c.onTime + c.late) / c.planned) * 1000) / 10}%`,
    })),
  };
}
