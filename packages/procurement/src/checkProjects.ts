import { addDaysIso, type Bilingual, type Finding, formatMoney, type IsoDate, localize } from "@houqin/core";
import {
  type Check,
  type CheckContext,
  cellOf,
  type ParsedRow,
  type RecognizedTable,
  type RowOf,
} from "@houqin/workbook";
import { holidayWindowFor } from "./holidayWindow.js";
import { PLAN_STEPS, type PlanStepId, planProject } from "./planProject.js";
import { type ProjectSettings, readProjectSettings } from "./projectSettings.js";
import { PROJECT_STAGES, type ProjectStage } from "./projectStages.js";
import { projects } from "./projects.js";

const CLAUSE = "三(二)4";

const MSG = {
  outOfOrder: {
    "zh-CN": "项目“{project}”的{stage}日期 {date} 早于上一环节{previous}的日期 {previousDate}，环节顺序颠倒",
    en: "Project “{project}”: {stage} is dated {date}, before the {previous} of {previousDate}; the stages are out of order",
  },
  skipped: {
    "zh-CN": "项目“{project}”已于 {laterDate} 办理{later}，但没有{stage}的日期：该环节缺失或漏登记",
    en: "Project “{project}” reached {later} on {laterDate}, but has no {stage} date: the stage was skipped or not recorded",
  },
  undated: {
    "zh-CN": "项目“{project}”的{stage}已有文号“{doc}”，但未填日期，无法核对环节顺序",
    en: "Project “{project}”: {stage} has the document no. “{doc}” but no date, so the order of the stages cannot be checked",
  },
  settlementOverdue: {
    "zh-CN":
      "项目“{project}”已于 {accepted} 验收，至 {asOf} 已 {days} 天仍未结算（应在验收后 {limit} 天内、即 {due} 前结算）",
    en: "Project “{project}” was accepted on {accepted} and is still not settled {days} days later, on {asOf} (settlement is due within {limit} days, by {due})",
  },
  agencyMissing: {
    "zh-CN":
      "项目“{project}”金额 {amount}，达到政府采购限额 {threshold}，应委托代理机构实施政府采购，但没有采购日期，却已办理{later}",
    en: "Project “{project}” of {amount} is at or above the government-procurement threshold of {threshold} and must be procured through an agency, yet it has no procurement date and has already reached {later}",
  },
  agencyAhead: {
    "zh-CN": "项目“{project}”金额 {amount}，达到政府采购限额 {threshold}，采购时须委托代理机构实施政府采购",
    en: "Project “{project}” of {amount} is at or above the government-procurement threshold of {threshold}: it must be procured through an agency",
  },
  holidayWindow: {
    "zh-CN":
      "项目“{project}”安排在{holiday}实施，须在 {deadline} 前完成验收（{termStart} 开学）；从 {start} 起，尚需{steps}，至少 {workdays} 个工作日，最早 {finish} 才能验收完毕，差 {short} 个工作日。请尽早办理或改在以后的假期实施",
    en: "Project “{project}” is planned for {holiday} and must be accepted by {deadline} (term starts {termStart}); counting from {start}, the steps left ({steps}) need at least {workdays} working days, so acceptance can end on {finish} at the earliest, {short} working days too late. Start sooner or move the project to a later holiday",
  },
  stepDays: { "zh-CN": "{step} {days} 天", en: "{step} {days}" },
  columnMissing: {
    "zh-CN": "项目登记表没有{stages}的日期列，这些环节未核对",
    en: "The project register has no date column for {stages}; these stages were not checked",
  },
} satisfies Record<string, Bilingual>;

type ProjectRow = ParsedRow<RowOf<typeof projects.fields>>;

/** What a row says about one stage. */
interface StageState {
  stage: ProjectStage;
  index: number;
  /** The table has a date column for it. */
  column: boolean;
  date: IsoDate | undefined;
  doc: string | undefined;
  /** Its date cell holds something unreadable (already reported). */
  unreadable: boolean;
}

function stageStates(table: RecognizedTable, row: ProjectRow): StageState[] {
  const values = row.values as Record<string, unknown>;
  return PROJECT_STAGES.map((stage, index) => {
    const date = values[`${stage.id}Date`];
    const doc = values[`${stage.id}Doc`];
    return {
      stage,
      index,
      column: (table.columns as Record<string, number | undefined>)[`${stage.id}Date`] !== undefined,
      date: typeof date === "string" ? date : undefined,
      doc: typeof doc === "string" && doc !== "" ? doc : undefined,
      unreadable: row.unreadable?.includes(`${stage.id}Date`) ?? false,
    };
  });
}

/** A stage is done when it is dated, or has a document no., or a date that could not be read. */
const done = (s: StageState) => s.date !== undefined || s.doc !== undefined || s.unreadable;

/** Calendar days from a to b. */
function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

/**
 * Checks the project register against the order of 三(二)4 (三重一大 → 立项审批 → 专家论证 →
 * 委托代理采购 → 专家验收 → 审计 → 结算), each finding at its cell:
 *
 * - `procurement/stage-out-of-order` (error): a stage dated before the stage before it;
 * - `procurement/stage-skipped` (error): a later stage dated while an earlier one has no date (a
 *   warning when the earlier one has a document no. but no date);
 * - `procurement/settlement-overdue` (warning): accepted, and not settled 结算期限 days later (30);
 * - `procurement/agency-missing`: an amount at or above 政府采购限额 (¥1,000,000) without agency
 *   procurement — an error once the project is past it, an info reminder before;
 * - `procurement/holiday-window` (warning): a holiday project whose remaining steps cannot be done,
 *   at their minimum working days, before the term starts (see {@link planProject});
 * - `procurement/stage-column-missing` (info): the register has no date column for a stage.
 *
 * @param ctx - The check context: tables, settings, calendar, language and "today".
 * @returns The findings.
 * @example
 * const findings = checkProjects(ctx);
 */
export function checkProjects(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const title = (s: ProjectStage) => t(s.title);
  const settings = readProjectSettings(ctx);
  const findings: Finding[] = [];

  for (const parsed of ctx.tablesOf(projects)) {
    const table = parsed.table as RecognizedTable;
    const columns = table.columns as Record<string, number | undefined>;
    const withColumn = PROJECT_STAGES.filter((s) => columns[`${s.id}Date`] !== undefined);
    // A table with a project column and no stage at all is not a project register.
    if (withColumn.length === 0) continue;
    if (withColumn.length < PROJECT_STAGES.length) {
      const missing = PROJECT_STAGES.filter((s) => !withColumn.includes(s));
      findings.push({
        rule: "procurement/stage-column-missing",
        severity: "info",
        message: t(MSG.columnMissing, { stages: missing.map(title).join(ctx.lang === "en" ? ", " : "、") }),
        clause: CLAUSE,
        sheet: table.sheet,
        cell: cellOf(table, table.headerRow, "project"),
        row: table.headerRow,
        data: { stages: missing.map((s) => s.id) },
      });
    }

    for (const row of parsed.rows) {
      const project = row.values.project;
      const at = (fieldKey: string) => ({
        sheet: table.sheet,
        cell: cellOf(table, row.row, fieldKey),
        row: row.row,
      });
      const stages = stageStates(table, row);
      const push = (finding: Omit<Finding, "clause" | "sheet" | "cell" | "row">, fieldKey: string) =>
        findings.push({ ...finding, clause: CLAUSE, ...at(fieldKey) });
      const stageOf = (id: string) => stages.find((s) => s.stage.id === id) as StageState;

      // The order: each dated stage against the nearest dated stage before it.
      let previous: StageState | undefined;
      for (const s of stages) {
        if (s.date === undefined) continue;
        if (previous?.date !== undefined && s.date < previous.date)
          push(
            {
              rule: "procurement/stage-out-of-order",
              severity: "error",
              message: t(MSG.outOfOrder, {
                project,
                stage: title(s.stage),
                date: s.date,
                previous: title(previous.stage),
                previousDate: previous.date,
              }),
              data: {
                project,
                stage: s.stage.id,
                date: s.date,
                previous: previous.stage.id,
                previousDate: previous.date,
              },
            },
            `${s.stage.id}Date`,
          );
        previous = s;
      }

      // Skipped stages: an earlier stage without a date while a later one is dated.
      for (const s of stages) {
        if (s.date !== undefined || s.unreadable || !s.column) continue;
        const later = stages.find((l) => l.index > s.index && l.date !== undefined);
        if (!later?.date) continue;
        if (s.doc !== undefined) {
          push(
            {
              rule: "procurement/stage-skipped",
              severity: "warning",
              message: t(MSG.undated, { project, stage: title(s.stage), doc: s.doc }),
              data: { project, stage: s.stage.id, doc: s.doc },
            },
            `${s.stage.id}Date`,
          );
          continue;
        }
        // Agency procurement is required only at or above the threshold: agency-missing says so.
        if (s.stage.id === "procurement") continue;
        push(
          {
            rule: "procurement/stage-skipped",
            severity: "error",
            message: t(MSG.skipped, {
              project,
              stage: title(s.stage),
              later: title(later.stage),
              laterDate: later.date,
            }),
            data: { project, stage: s.stage.id, later: later.stage.id, laterDate: later.date },
          },
          `${s.stage.id}Date`,
        );
      }

      // Settlement in time after acceptance.
      const acceptance = stageOf("acceptance");
      const settlement = stageOf("settlement");
      if (acceptance.date !== undefined && !done(settlement)) {
        const due = addDaysIso(acceptance.date, settings.settlementDays);
        if (ctx.asOf > due)
          push(
            {
              rule: "procurement/settlement-overdue",
              severity: "warning",
              message: t(MSG.settlementOverdue, {
                project,
                accepted: acceptance.date,
                asOf: ctx.asOf,
                days: daysBetween(acceptance.date, ctx.asOf),
                limit: settings.settlementDays,
                due,
              }),
              data: { project, accepted: acceptance.date, due, limit: settings.settlementDays },
            },
            settlement.column ? "settlementDate" : "acceptanceDate",
          );
      }

      // Agency procurement at or above the threshold.
      const procurement = stageOf("procurement");
      const amount = row.values.amount;
      if (amount !== undefined && amount >= settings.procurementThreshold && !done(procurement)) {
        const past = stages.find((s) => s.index > procurement.index && done(s));
        const money = {
          project,
          amount: formatMoney(amount),
          threshold: formatMoney(settings.procurementThreshold),
        };
        push(
          past
            ? {
                rule: "procurement/agency-missing",
                severity: "error",
                message: t(MSG.agencyMissing, { ...money, later: title(past.stage) }),
                data: { project, amount, threshold: settings.procurementThreshold, later: past.stage.id },
              }
            : {
                rule: "procurement/agency-missing",
                severity: "info",
                message: t(MSG.agencyAhead, money),
                data: { project, amount, threshold: settings.procurementThreshold },
              },
          procurement.column ? "procurementDate" : "amount",
        );
      }

      const holiday = holidayFinding(ctx, settings, table, row, stages, t);
      if (holiday) push(holiday.finding, holiday.fieldKey);
    }
  }
  return findings;
}

/** `procurement/holiday-window`: whether a holiday project's remaining steps fit before the term. */
function holidayFinding(
  ctx: CheckContext,
  settings: ProjectSettings,
  table: RecognizedTable,
  row: ProjectRow,
  stages: readonly StageState[],
  t: (text: Bilingual, params?: Record<string, unknown>) => string,
): { finding: Omit<Finding, "clause" | "sheet" | "cell" | "row">; fieldKey: string } | undefined {
  const columns = table.columns as Record<string, number | undefined>;
  // Without a 实施时段 column every project is a holiday project (the plan: 利用假期); with one,
  // only those it marks.
  const period = columns.period === undefined ? "holiday" : row.values.period;
  if (period === undefined || period === "term") return undefined;
  const planned = stages.filter((s) => PLAN_STEPS.some((p) => p.id === s.stage.id));
  const acceptance = planned[planned.length - 1] as StageState;
  if (done(acceptance)) return undefined;
  const window = holidayWindowFor(period, ctx.calendar, ctx.asOf, {
    start: settings.holidayStart,
    end: settings.holidayEnd,
  });
  if (!window) return undefined;

  const last = [...planned].reverse().find(done);
  let from: PlanStepId;
  let start: IsoDate;
  if (!last) {
    from = "decision";
    start = ctx.asOf;
  } else if (last.stage.id === "procurement") {
    // The works may be under way since procurement.
    from = "implementation";
    start = last.date === undefined ? ctx.asOf : addDaysIso(last.date, 1);
  } else {
    from = PLAN_STEPS[PLAN_STEPS.findIndex((p) => p.id === last.stage.id) + 1]?.id ?? "acceptance";
    const after = last.date === undefined ? ctx.asOf : addDaysIso(last.date, 1);
    start = after > ctx.asOf ? after : ctx.asOf;
  }
  const plan = planProject({
    start,
    holidayEnd: window.end,
    calendar: ctx.calendar,
    durations: settings.durations,
    from,
    ...(window.start === undefined ? {} : { holidayStart: window.start }),
  });
  if (plan.fits) return undefined;
  const steps = plan.steps
    .map((s) => t(MSG.stepDays, { step: t(s.title), days: s.workdays }))
    .join(ctx.lang === "en" ? ", " : "、");
  const project = row.values.project;
  const firstRecorded = plan.steps.find((s) => s.id !== "implementation")?.id ?? "acceptance";
  return {
    finding: {
      rule: "procurement/holiday-window",
      severity: "warning",
      message: t(MSG.holidayWindow, {
        project,
        holiday: t(window.name),
        deadline: plan.deadline,
        termStart: addDaysIso(window.end, 1),
        start,
        steps,
        workdays: plan.workdays,
        finish: plan.earliestFinish,
        short: -plan.slack,
      }),
      data: {
        project,
        holidayStart: window.start ?? null,
        holidayEnd: window.end,
        from,
        start,
        earliestFinish: plan.earliestFinish,
        deadline: plan.deadline,
        slack: plan.slack,
      },
    },
    fieldKey:
      columns[`${firstRecorded}Date`] !== undefined
        ? `${firstRecorded}Date`
        : columns.period !== undefined
          ? "period"
          : "project",
  };
}

/** The project check as the apps run it. */
export const projectsCheck: Check = {
  id: "procurement/projects",
  title: { "zh-CN": "基建装备项目程序", en: "Project procedure" },
  kinds: [projects],
  run: checkProjects,
};
