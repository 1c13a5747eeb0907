import { type Bilingual, type Finding, formatMoney, localize } from "@houqin/core";
import { type Check, type CheckContext, cellOf, type ParsedRow, type RowOf } from "@houqin/workbook";
import { charges } from "./charges.js";
import { publicityPostedOn } from "./checkPublicity.js";
import { feeItemKey } from "./feeItemKey.js";
import { feeSchedule } from "./feeSchedule.js";

const CLAUSE = "三(四)1";

const MSG = {
  unapproved: {
    "zh-CN": "收费项目“{item}”不在“{sheet}”表列出的批准项目中，不得收取",
    en: "Fee item “{item}” is not among the approved items listed in “{sheet}” and may not be charged",
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
    "zh-CN": "收费项目“{item}”未填公示日期，视为未公示，却已收取 {count} 笔",
    en: "Fee item “{item}” has no publicity date, so it counts as never publicised, yet {count} charges were made",
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

/** An item without its bracketed note: "校服费（代收）" -> "校服费". */
function baseItemKey(key: string): string {
  return key.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, "");
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
  // An item matches its own name first; "课后服务费（秋季）" falls back to "课后服务费" only when
  // a single approved item has that base name (校服费（夏季） and 校服费（冬季） stay apart).
  const byBase = new Map<string, ScheduleEntry[]>();
  for (const [key, entry] of schedule) {
    const list = byBase.get(baseItemKey(key)) ?? [];
    list.push(entry);
    byBase.set(baseItemKey(key), list);
  }
  const lookup = (key: string): ScheduleEntry | undefined => {
    const exact = schedule.get(key);
    if (exact) return exact;
    const candidates = byBase.get(baseItemKey(key));
    return candidates?.length === 1 ? candidates[0] : undefined;
  };
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
      const entry = lookup(feeItemKey(values.item));
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
      // The schedule's own 公示日期, else the first notice of the item in the publicity record.
      const posted = entry.row.values.publicityDate ?? publicityPostedOn(ctx, entry.row.values.item);
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
  // An approved item charged without ever being publicised; an unreadable date was reported already.
  for (const entry of schedule.values()) {
    if (entry.row.values.publicityDate !== undefined || entry.charged === 0) continue;
    if (publicityPostedOn(ctx, entry.row.values.item) !== undefined) continue;
    if (entry.row.unreadable?.includes("publicityDate")) continue;
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
