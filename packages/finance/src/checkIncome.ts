import { type Bilingual, type Finding, formatMoney, type IsoDate, localize } from "@houqin/core";
import { type CellIssueParams, type Check, type CheckContext, cellOf, cells } from "@houqin/workbook";
import { income } from "./budgetKinds.js";

const CLAUSE = "三(四)3";
const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

const MSG = {
  notDeposited: tr(
    "{received}，未登记送存日期，视为未送存银行；收入应及时足额送存（{limit}），不得坐支",
    "{received} has no deposit date, so it counts as not banked; income is banked in full ({limit}) and never spent out of receipts",
  ),
  noDateWithAmount: tr(
    "{received}，登记了送存金额 {deposited}，却没有送存日期，无法确认已送存银行；请补登送存日期",
    "{received} shows {deposited} deposited but no deposit date, so the banking cannot be confirmed; record the date",
  ),
  notDepositedAmount: tr(
    "{received}，未登记送存金额，视为未送存银行；收入应全额送存，不得坐支",
    "{received} has no amount deposited, so it counts as not banked; income is banked in full and never spent out of receipts",
  ),
  short: tr(
    "{received}，只送存 {deposited}，少存 {short}；收入应全额送存，不得坐支",
    "{received} was banked only {deposited}, {short} short; income is banked in full and never spent out of receipts",
  ),
  late: tr(
    "{received}，{depositedOn} 才送存，隔了 {days} 天，超过送存期限（{limit}）",
    "{received} was banked on {depositedOn}, {days} days later, past the deposit limit ({limit})",
  ),
  dateOrder: tr(
    "送存日期 {depositedOn} 早于收入日期 {date}，请核对",
    "Deposited on {depositedOn}, before the income was received on {date}; please check",
  ),
  noColumn: tr(
    "收入登记没有“送存日期”或“送存金额”一栏，无法核对收入是否及时足额送存",
    "The income record has no “deposited on” or “amount deposited” column, so banking in full and on time cannot be checked",
  ),
  receivedFrom: tr("{date} 收到“{source}”{amount}", "{amount} from “{source}” received on {date}"),
  received: tr("{date} 收到的 {amount}", "{amount} received on {date}"),
  sameDay: tr("当日送存", "the same day"),
  withinDays: tr("{days} 天内送存", "within {days} days"),
  limitIssue: tr("应为不小于 0 的整数天数", "Should be a whole number of days, 0 or more"),
} satisfies Record<string, Bilingual>;

/** A whole number of days, 0 or more. */
const daysSetting = cells.integer().refine((n) => n >= 0, {
  message: MSG.limitIssue.en,
  params: { houqin: true, code: "out-of-range", message: MSG.limitIssue } satisfies CellIssueParams,
});

/** Calendar days from a to b. */
function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

/**
 * Checks that income is banked in full and on time (三(四)3 收支两条线; 《现金管理暂行条例》: receipts
 * deposited the same day, no 坐支), from the income record (`finance.income`):
 *
 * - `finance/income-not-deposited` (error): no 送存日期 (once the deposit limit has passed as of
 *   "today"), or a 送存金额 below the amount received; with a 送存金额 column but no 送存日期 column,
 *   a blank 送存金额. A blank 送存金额 beside a 送存日期 is taken as the whole amount. Without either
 *   column, one info finding. An unreadable cell is reported by the row parser, not again here.
 * - `finance/income-deposited-late` (warning): banked more than the limit after it was received,
 *   counting calendar days.
 * - `finance/income-date-order` (warning): a deposit date before the income was received.
 *
 * Setting: 收入送存期限 (days; default 0, the same day).
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkIncome(ctx);
 */
export function checkIncome(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const limit = ctx.setting(
    ["收入送存期限", "收入送存期限(天)", "送存期限", "income deposit days"],
    daysSetting,
    0,
  );
  const limitText = limit === 0 ? t(MSG.sameDay) : t(MSG.withinDays, { days: limit });
  const findings: Finding[] = [];

  for (const parsed of ctx.tablesOf(income)) {
    const { table } = parsed;
    const columns = table.columns as Record<string, number | undefined>;
    const hasDate = columns.depositedOn !== undefined;
    const hasAmount = columns.depositedAmount !== undefined;
    if (!hasDate && !hasAmount) {
      if (parsed.rows.length > 0)
        findings.push({
          rule: "finance/income-not-deposited",
          severity: "info",
          message: t(MSG.noColumn),
          clause: CLAUSE,
          sheet: table.sheet,
          cell: cellOf(table, table.headerRow, "amount"),
          row: table.headerRow,
        });
      continue;
    }
    for (const { row, values, unreadable } of parsed.rows) {
      const at = (field: string) => ({ sheet: table.sheet, cell: cellOf(table, row, field), row });
      const { date, amount, source, depositedOn, depositedAmount } = values;
      if (amount === 0) continue;
      const received = t(source ? MSG.receivedFrom : MSG.received, {
        date,
        source: source ?? "",
        amount: formatMoney(amount),
      });
      const data = { date, amount, ...(source === undefined ? {} : { source }) };
      const unread = (field: string) => unreadable?.includes(field) === true;
      // Still within the limit today: not yet due.
      const due = daysBetween(date, ctx.asOf) > limit;

      if (depositedOn !== undefined && depositedOn < date) {
        findings.push({
          rule: "finance/income-date-order",
          severity: "warning",
          message: t(MSG.dateOrder, { depositedOn, date }),
          clause: CLAUSE,
          ...at("depositedOn"),
          data: { ...data, depositedOn },
        });
      } else if (depositedOn !== undefined) {
        const days = daysBetween(date, depositedOn);
        if (days > limit)
          findings.push({
            rule: "finance/income-deposited-late",
            severity: "warning",
            message: t(MSG.late, { received, depositedOn, days, limit: limitText }),
            clause: CLAUSE,
            ...at("depositedOn"),
            data: { ...data, depositedOn, days, limit },
          });
      }

      if (depositedAmount !== undefined && depositedAmount < amount) {
        findings.push({
          rule: "finance/income-not-deposited",
          severity: "error",
          message: t(MSG.short, {
            received,
            deposited: formatMoney(depositedAmount),
            short: formatMoney(amount - depositedAmount),
          }),
          clause: CLAUSE,
          ...at("depositedAmount"),
          data: { ...data, depositedAmount, short: amount - depositedAmount },
        });
        continue;
      }
      if (!due) continue;
      if (hasDate && depositedOn === undefined && !unread("depositedOn")) {
        findings.push({
          rule: "finance/income-not-deposited",
          severity: "error",
          message:
            depositedAmount === undefined
              ? t(MSG.notDeposited, { received, limit: limitText })
              : t(MSG.noDateWithAmount, { received, deposited: formatMoney(depositedAmount) }),
          clause: CLAUSE,
          ...at("depositedOn"),
          data: {
            ...data,
            asOf: ctx.asOf,
            limit,
            ...(depositedAmount === undefined ? {} : { depositedAmount }),
          },
        });
      } else if (!hasDate && depositedAmount === undefined && !unread("depositedAmount")) {
        findings.push({
          rule: "finance/income-not-deposited",
          severity: "error",
          message: t(MSG.notDepositedAmount, { received }),
          clause: CLAUSE,
          ...at("depositedAmount"),
          data: { ...data, asOf: ctx.asOf },
        });
      }
    }
  }
  return findings;
}

/** The income check as the apps run it (三(四)3 收支两条线). */
export const incomeCheck: Check = {
  id: "finance/income",
  title: tr("收入送存", "Income banked"),
  kinds: [income],
  run: checkIncome,
};
