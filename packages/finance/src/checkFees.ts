import { type Bilingual, type Finding, formatMoney, localize, normalizeText } from "@houqin/core";
import { type Check, type CheckContext, cellOf, type ParsedRow, type RowOf } from "@houqin/workbook";
import { charges } from "./charges.js";
import { feeSchedule } from "./feeSchedule.js";

const CLAUSE = "三(四)1";

const MSG = {
  unapproved: {
    "zh-CN": "收费项目“{item}”不在批准的收费标准中（{sheet}），不得收取",
    en: "Fee item “{item}” is not in the approved fee schedule ({sheet}) and may not be charged",
  },
  overStandard: {
    "zh-CN": "“{item}”收取 {amount}，超过批准标准 {standard}（超出 {excess}）",
    en: "“{item}” charged {amount}, above the approved standard of {standard} (by {excess})",
  },
  beforePublicity: {
    "zh-CN": "“{item}”于 {date} 收取，早于公示日期 {posted}",
    en: "“{item}” was charged on {date}, before it was publicised on {posted}",
  },
  neverPublicised: {
    "zh-CN": "收费项目“{item}”没有公示日期，未见公示；已收取 {count} 笔",
    en: "Fee item “{item}” has no publicity date and was never publicised; {count} charges made",
  },
  noSchedule: {
    "zh-CN": "工作簿中未找到收费标准表，无法核对收费项目和金额",
    en: "No fee schedule was found in the workbook; charges cannot be checked against approved standards",
  },
  duplicate: {
    "zh-CN": "收费项目“{item}”在收费标准中出现多次（另见第 {first} 行），以第一次为准",
    en: "Fee item “{item}” appears more than once in the fee schedule (also row {first}); the first one is used",
  },
} satisfies Record<string, Bilingual>;

/** The form fee items are matched in: normalised text without spaces or brackets' contents. */
export function feeItemKey(item: string): string {
  return normalizeText(item)
    .replace(/[([（【][^)\]）】]*[)\]）】]/g, "")
    .replace(/\s+/g, "")
    .toLowerCase();
}

interface ScheduleEntry {
  sheet: string;
  table: Parameters<typeof cellOf>[0];
  row: ParsedRow<RowOf<typeof feeSchedule.fields>>;
  charged: number;
}

/**
 * Checks charges against the approved fee schedule (三(四)1): every fee approved
 * (`finance/unapproved-fee`), never above its standard (`finance/over-standard`), and publicised
 * before it is charged (`finance/not-publicised`).
 *
 * @example
 * const findings = checkFees(ctx);
 */
export function checkFees(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const t = (text: Bilingual, params: Record<string, unknown>) => localize(text, ctx.lang, params);
  const money = (fen: number) => formatMoney(fen);

  const schedule = new Map<string, ScheduleEntry>();
  for (const parsed of ctx.tablesOf(feeSchedule)) {
    for (const row of parsed.rows) {
      const key = feeItemKey(row.values.item);
      const first = schedule.get(key);
      if (first) {
        findings.push({
          rule: "finance/duplicate-fee-item",
          severity: "warning",
          message: t(MSG.duplicate, { item: row.values.item, first: first.row.row }),
          clause: CLAUSE,
          sheet: parsed.table.sheet,
          cell: cellOf(parsed.table, row.row, "item"),
          row: row.row,
        });
        continue;
      }
      schedule.set(key, { sheet: parsed.table.sheet, table: parsed.table, row, charged: 0 });
    }
  }
  const chargeTables = ctx.tablesOf(charges);
  const scheduleTables = ctx.tablesOf(feeSchedule);
  if (scheduleTables.length === 0) {
    const first = chargeTables[0];
    findings.push({
      rule: "finance/no-fee-schedule",
      severity: "info",
      message: t(MSG.noSchedule, {}),
      clause: CLAUSE,
      ...(first
        ? {
            sheet: first.table.sheet,
            cell: cellOf(first.table, first.table.headerRow, "item"),
            row: first.table.headerRow,
          }
        : {}),
    });
    return findings;
  }
  const scheduleSheets = [...new Set(scheduleTables.map((p) => p.table.sheet))].join("、");

  for (const parsed of chargeTables) {
    const { table } = parsed;
    for (const { row, values } of parsed.rows) {
      const at = (fieldKey: string) => ({ sheet: table.sheet, cell: cellOf(table, row, fieldKey), row });
      const entry = schedule.get(feeItemKey(values.item));
      if (!entry) {
        findings.push({
          rule: "finance/unapproved-fee",
          severity: "error",
          message: t(MSG.unapproved, { item: values.item, sheet: scheduleSheets }),
          clause: CLAUSE,
          ...at("item"),
          data: { item: values.item, amount: values.amount },
        });
        continue;
      }
      entry.charged++;
      const standard = entry.row.values.standard;
      if (values.amount > standard) {
        findings.push({
          rule: "finance/over-standard",
          severity: "error",
          message: t(MSG.overStandard, {
            item: values.item,
            amount: money(values.amount),
            standard: money(standard),
            excess: money(values.amount - standard),
          }),
          clause: CLAUSE,
          ...at("amount"),
          data: { item: values.item, amount: values.amount, standard },
        });
      }
      const posted = entry.row.values.publicityDate;
      if (posted !== undefined && values.date < posted) {
        findings.push({
          rule: "finance/not-publicised",
          severity: "warning",
          message: t(MSG.beforePublicity, { item: values.item, date: values.date, posted }),
          clause: CLAUSE,
          ...at("date"),
          data: { item: values.item, date: values.date, publicityDate: posted },
        });
      }
    }
  }
  for (const entry of schedule.values()) {
    if (entry.row.values.publicityDate !== undefined) continue;
    const row = entry.row.row;
    findings.push({
      rule: "finance/not-publicised",
      severity: "warning",
      message: t(MSG.neverPublicised, { item: entry.row.values.item, count: entry.charged }),
      clause: CLAUSE,
      sheet: entry.sheet,
      cell: cellOf(entry.table, row, "publicityDate"),
      row,
      data: { item: entry.row.values.item, charges: entry.charged },
    });
  }
  return findings;
}

/** The fee check as the apps run it. */
export const feeCheck: Check = {
  id: "finance/fees",
  title: { "zh-CN": "收费核对", en: "Fee check" },
  kinds: [feeSchedule, charges],
  run: checkFees,
};
