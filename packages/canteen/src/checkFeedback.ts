import { type Bilingual, type Finding, localize, median, normalizeText } from "@houqin/core";
import { type Check, type CheckContext, cellOf, cells, type Report, saysNothing } from "@houqin/workbook";
import { feedback } from "./hygieneKinds.js";

const CLAUSE = "三(三)6";

const MSG = {
  unanswered: {
    "zh-CN":
      "{date} 收到的{from}意见“{content}”到 {asOf} 仍未回复，已过 {days} 个上学日（回复时限 {limit} 个上学日）",
    en: "Feedback{from} received on {date}, “{content}”, was still not answered on {asOf}, after {days} school days (limit: {limit})",
  },
  answeredLate: {
    "zh-CN":
      "{date} 收到的{from}意见“{content}”在 {answered} 才回复，用了 {days} 个上学日（回复时限 {limit} 个上学日）",
    en: "Feedback{from} received on {date}, “{content}”, was answered on {answered}, after {days} school days (limit: {limit})",
  },
  noAnswerColumns: {
    "zh-CN": "意见反馈记录没有“回复内容”或“回复日期”一栏，无法核对意见是否得到回复",
    en: "The feedback log has no answer or answered-on column, so answers cannot be checked",
  },
  total: { "zh-CN": "合计", en: "Total" },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

interface MonthTally {
  month: string;
  received: number;
  answered: number;
  days: number[];
}

/**
 * Whether a 回复内容 cell records no answer: blank, 无/暂无/-, or a status such as 未回复, 待回复,
 * 暂未回复, 尚未答复, 未处理, 处理中.
 *
 * @param text - the cell text
 * @returns true when the feedback has not been answered
 */
export function saysNoAnswer(text: string | undefined): boolean {
  if (saysNothing(text)) return true;
  const s = normalizeText(text ?? "")
    .replace(/[\s。.，,！!;；]+/gu, "")
    .toLowerCase();
  return (
    /^(未|待|暂未|尚未|还未|还没|还没有|没有|暂无|无|未曾|未予|未及时)(回复|答复|回应|处理|反馈|解决|落实|办理)?(中)?$/u.test(
      s,
    ) ||
    /^(正在|尚在)?(处理|核实|调查|办理)中$/u.test(s) ||
    /^(正在)(处理|核实|调查|办理)$/u.test(s) ||
    /^(pending|unanswered|notanswered|noreply|noanswer|open)$/u.test(s)
  );
}

/** A quoted excerpt of a long text. */
function excerpt(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

/**
 * Checks that the opinions of students and parents are answered (三(三)6, 三(三)1), counting school
 * days from the day the feedback was received:
 *
 * - `canteen/feedback-unanswered` (warning): no answer date and no answer text (无/暂无 and
 *   未回复/待回复/暂未回复/尚未答复/未处理/处理中 count as none) after more than 意见回复时限 school days as of ctx.asOf; info once at the header when the
 *   log has neither an answer nor an answered-on column;
 * - `canteen/feedback-answered-late` (info): answered later than the limit.
 *
 * It publishes "意见反馈处理情况": per month received, feedback received, answered, unanswered, and
 * the median school days to an answer. Setting: 意见回复时限 (school days, default 5).
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkFeedback(ctx); // and ctx.report({ id: "canteen.feedback-monthly", … })
 */
export function checkFeedback(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const limit = ctx.setting(
    ["意见回复时限", "意见回复时限(上学日)", "反馈回复时限", "feedback answer limit"],
    cells.integer(),
    5,
  );
  const findings: Finding[] = [];
  const months = new Map<string, MonthTally>();

  for (const parsed of ctx.tablesOf(feedback)) {
    const { table } = parsed;
    const columns = table.columns as Record<string, number | undefined>;
    const canJudge = columns.answer !== undefined || columns.answeredAt !== undefined;
    if (!canJudge && parsed.rows.length > 0)
      findings.push({
        rule: "canteen/feedback-unanswered",
        severity: "info",
        message: t(MSG.noAnswerColumns),
        clause: CLAUSE,
        sheet: table.sheet,
        cell: cellOf(table, table.headerRow, "content"),
        row: table.headerRow,
      });
    for (const { row, values, unreadable } of parsed.rows) {
      const { date } = values;
      const month = date.slice(0, 7);
      const tally = months.get(month) ?? { month, received: 0, answered: 0, days: [] };
      months.set(month, tally);
      tally.received++;
      const from = values.from ? t({ "zh-CN": "{from}的", en: " from {from}" }, { from: values.from }) : "";
      const content = excerpt(values.content);
      const data = { date, content: values.content, limit, ...(values.from ? { from: values.from } : {}) };
      const answered = values.answeredAt;
      const unclear = unreadable?.includes("answeredAt") || unreadable?.includes("answer");
      if (answered !== undefined || !saysNoAnswer(values.answer) || unclear) {
        tally.answered++;
        if (answered === undefined) continue;
        const days = ctx.calendar.schoolDaysBetween(date, answered);
        // A reply dated before the feedback is a typo; it is not timed.
        if (days < 0) continue;
        tally.days.push(days);
        if (days <= limit) continue;
        findings.push({
          rule: "canteen/feedback-answered-late",
          severity: "info",
          message: t(MSG.answeredLate, { date, from, content, answered, days, limit }),
          clause: CLAUSE,
          sheet: table.sheet,
          cell: cellOf(table, row, "answeredAt"),
          row,
          data: { ...data, answeredAt: answered, schoolDays: days },
        });
        continue;
      }
      if (!canJudge) continue;
      const days = ctx.calendar.schoolDaysBetween(date, ctx.asOf);
      if (days <= limit) continue;
      findings.push({
        rule: "canteen/feedback-unanswered",
        severity: "warning",
        message: t(MSG.unanswered, { date, from, content, asOf: ctx.asOf, days, limit }),
        clause: CLAUSE,
        sheet: table.sheet,
        cell: cellOf(table, row, columns.answeredAt !== undefined ? "answeredAt" : "answer"),
        row,
        data: { ...data, asOf: ctx.asOf, schoolDays: days },
      });
    }
  }
  if (months.size > 0) ctx.report(monthlyReport([...months.values()], t(MSG.total)));
  return findings;
}

/** "意见反馈处理情况": per month, received, answered, unanswered, median days to answer; a total row. */
function monthlyReport(tallies: readonly MonthTally[], totalLabel: string): Report {
  const sorted = [...tallies].sort((a, b) => (a.month < b.month ? -1 : 1));
  const total: MonthTally = { month: totalLabel, received: 0, answered: 0, days: [] };
  for (const m of sorted) {
    total.received += m.received;
    total.answered += m.answered;
    total.days.push(...m.days);
  }
  const row = (m: MonthTally) => ({
    month: m.month,
    received: m.received,
    answered: m.answered,
    unanswered: m.received - m.answered,
    medianDays: median(m.days),
  });
  return {
    id: "canteen.feedback-monthly",
    title: tr("意见反馈处理情况", "Feedback handling"),
    sheetName: tr("意见反馈处理情况", "Feedback by month"),
    columns: [
      { key: "month", title: tr("月份", "Month") },
      { key: "received", title: tr("收到意见", "Received") },
      { key: "answered", title: tr("已回复", "Answered") },
      { key: "unanswered", title: tr("未回复", "Unanswered") },
      { key: "medianDays", title: tr("回复天数中位数", "Median days to answer (school days)") },
    ],
    rows: [...sorted.map(row), row(total)],
  };
}

/** The feedback check as the apps run it (三(三)6). */
export const feedbackCheck: Check = {
  id: "canteen/feedback",
  title: tr("师生家长意见反馈", "Feedback from students and parents"),
  kinds: [feedback],
  run: checkFeedback,
};
