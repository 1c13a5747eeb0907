import {
  type Bilingual,
  type Fen,
  type Finding,
  formatMoney,
  type IsoDate,
  localize,
  normalizeText,
} from "@houqin/core";
import {
  type CellIssueParams,
  type CellSchema,
  type Check,
  type CheckContext,
  cellOf,
  cells,
  type ParsedRow,
  type ParsedTable,
  type Report,
  type RowOf,
} from "@houqin/workbook";
import { z } from "zod";
import { ASSET_CLASSES, classifyAsset, depreciationLives, isDepreciated } from "./categories.js";
import { depreciationStartOf } from "./checkLedger.js";
import {
  type Compensation,
  type CompensationBasis,
  type CompensationPolicy,
  compensation,
  DEFAULT_COMPENSATION_POLICY,
} from "./compensation.js";
import { type DepreciationStart, depreciate } from "./depreciation.js";
import { assetLedger, ledgerUnitPrice } from "./ledgerKinds.js";
import { loanRegister } from "./useKinds.js";

const CLAUSE = "三(二)3";

const MSG = {
  overdue: {
    "zh-CN": "{borrower}借用的“{asset}”应于 {due} 归还，到 {asOf} 仍未归还，已逾期 {days} 天",
    en: "“{asset}” lent to {borrower} was due back on {due} and is still not returned on {asOf}: {days} days overdue",
  },
  notInLedger: {
    "zh-CN": "借出的“{asset}”{no}在资产台账中找不到（按编号和名称都未找到），请核对或补登入账",
    en: "The lent item “{asset}”{no} is not in the asset ledger (neither its number nor its name); check it or enter it in the books",
  },
  number: { "zh-CN": "（编号 {no}）", en: " (no. {no})" },
  severalLoans: {
    "zh-CN": "{borrower}目前有 {count} 件借用物品未归还：{items}",
    en: "{borrower} has {count} loans not yet returned: {items}",
  },
  severalOverdue: { "zh-CN": "，其中 {overdue} 件已逾期", en: ", {overdue} of them overdue" },
  item: { "zh-CN": "“{asset}”（第 {row} 行）", en: "“{asset}” (row {row})" },
  noShare: {
    "zh-CN": "“{asset}”归还时登记为“{condition}”，但没有填写损坏程度，无法计算赔偿",
    en: "“{asset}” came back “{condition}” but no damage share is given, so the compensation cannot be worked out",
  },
  compensation: {
    "zh-CN": "{borrower}归还的“{asset}”损坏，按学校赔偿办法应赔偿 {amount}：{working}",
    en: "“{asset}” returned damaged by {borrower}: compensation {amount} by the school's policy: {working}",
  },
  // Where the value came from, for the report.
  ledgerNet: {
    "zh-CN": "台账“{sheet}”第 {row} 行的净值",
    en: "net value in the ledger “{sheet}”, row {row}",
  },
  perUnit: { "zh-CN": "（按数量 {quantity} 折为单件）", en: " (per unit of {quantity})" },
  depreciated: {
    "zh-CN": "原值 {cost} 按 {life} 年直线法折旧至 {date}（已提 {months} 个月），台账第 {row} 行",
    en: "cost {cost} depreciated straight-line over {life} years to {date} ({months} months), ledger row {row}",
  },
  notDepreciated: {
    "zh-CN": "{class}不计提折旧，净值即原值，台账第 {row} 行",
    en: "{class} are not depreciated: the net value is the cost, ledger row {row}",
  },
  originalByPolicy: {
    "zh-CN": "按学校赔偿办法以原值计算，台账第 {row} 行",
    en: "on the original value by the school's policy, ledger row {row}",
  },
  originalFallback: {
    "zh-CN": "台账第 {row} 行没有净值，且{reason}，无法计算折旧，暂按原值计算",
    en: "ledger row {row} has no net value and {reason}, so depreciation cannot be worked out; the original value is used",
  },
  noAcquired: { "zh-CN": "没有取得日期", en: "no acquisition date" },
  noClass: { "zh-CN": "无法判断资产类别", en: "its asset class is not known" },
  sameName: {
    "zh-CN": "；台账中有 {count} 条同名资产，取第一条",
    en: "; the ledger has {count} lines of that name, the first is used",
  },
  noValue: {
    "zh-CN": "台账第 {row} 行没有原值或单价，无法计算赔偿",
    en: "ledger row {row} has no value or unit price, so no compensation can be worked out",
  },
  notFound: {
    "zh-CN": "资产台账中找不到此物品，无法计算赔偿",
    en: "the item is not in the asset ledger, so no compensation can be worked out",
  },
  noLedger: {
    "zh-CN": "工作簿中没有资产台账，无法计算赔偿",
    en: "the workbook has no asset ledger, so no compensation can be worked out",
  },
  noShareNote: {
    "zh-CN": "未填损坏程度，无法计算赔偿",
    en: "no damage share, so no compensation can be worked out",
  },
  netLabel: { "zh-CN": "净值", en: "Net value" },
  originalLabel: { "zh-CN": "原值", en: "Original value" },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** Words of a return condition that mean the item is gone. */
const LOST_RE = /丢失|遗失|灭失|未找到|找不到|lost|missing/i;
/** Words of a return condition that mean damage. */
const DAMAGED_RE = /损坏|损毁|破损|坏|故障|划伤|划痕|裂|断|缺损|缺件|不完好|不能用|无法使用|damaged|broken/i;
/** A condition that says all is well. */
const FINE_RE = /^(完好|完好无损|完好无缺|良好|正常|无损坏|无|合格|ok|good|fine|-+|\/|—+)$/i;

type LedgerRow = ParsedRow<RowOf<(typeof assetLedger)["fields"]>>;
type LedgerTable = ParsedTable<(typeof assetLedger)["fields"]>;
interface LedgerLine {
  table: LedgerTable;
  row: LedgerRow;
}

/** The form asset numbers and names are matched in: half-width, no spaces, lower case. */
function matchKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, "").toLowerCase();
}

/** Calendar days from a to b. */
function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

function shareIssue(text: string, what: Bilingual) {
  const message = tr(
    `${what["zh-CN"]}“${text}”无法识别，请填写比例，如 80% 或 0.8`,
    `${what.en} "${text}" is not understood; write a share such as 80% or 0.8`,
  );
  const params: CellIssueParams = { houqin: true, code: "invalid", message };
  return { code: "custom" as const, message: message.en, params: { ...params } };
}

/** A rate setting from 0 to 1: "80%", 0.8 or 80. */
function rateCell(): CellSchema<number> {
  return cells.text().transform((text, ctx) => {
    const plain = normalizeText(text);
    const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(plain);
    const n = m ? Number(m[1]) : Number.NaN;
    if (m?.[2] === "%" && n <= 100) return Number(`${m[1]}e-2`);
    if (m?.[2] === "" && n <= 1) return n;
    if (m?.[2] === "" && n <= 100) return Number(`${m[1]}e-2`);
    ctx.addIssue(shareIssue(text, tr("赔偿系数", "Compensation rate")));
    return z.NEVER;
  });
}

/** The basis setting: 净值 or 原值. */
function basisCell(): CellSchema<CompensationBasis> {
  return cells.text().transform((text, ctx) => {
    const plain = normalizeText(text).toLowerCase();
    if (/净值|账面价值|net/.test(plain)) return "net-value";
    if (/原值|原价|购置价|original|cost/.test(plain)) return "original-value";
    const message = tr(
      `赔偿计价“${text}”无法识别，可填写：净值、原值`,
      `Compensation basis "${text}" is not understood; write 净值 or 原值`,
    );
    const params: CellIssueParams = { houqin: true, code: "invalid", message };
    ctx.addIssue({ code: "custom", message: message.en, params: { ...params } });
    return z.NEVER;
  });
}

/** The school's compensation policy from its settings (赔偿计价 净值/原值, 赔偿系数). */
export function compensationPolicyOf(ctx: Pick<CheckContext, "setting">): CompensationPolicy {
  return {
    basis: ctx.setting(
      ["赔偿计价", "赔偿基数", "赔偿依据", "compensation basis"],
      basisCell(),
      DEFAULT_COMPENSATION_POLICY.basis,
    ),
    rate: ctx.setting(
      ["赔偿系数", "赔偿比例", "compensation rate"],
      rateCell(),
      DEFAULT_COMPENSATION_POLICY.rate,
    ),
  };
}

/** The value of one unit of a ledger line for a compensation, and where it came from. */
interface Valuation {
  netValue?: Fen;
  originalValue?: Fen;
  /** The basis used: the policy's, or the original value when the net value cannot be known. */
  basis: CompensationBasis;
  source: string;
}

/**
 * Checks the borrowing and return register (三(二)3): `assets/loan-overdue` (not returned after its
 * due date, as of "today"), `assets/loan-not-in-ledger` (a lent item whose number and name are both
 * missing from the asset ledger; only when the workbook has a ledger), `assets/borrower-several-loans`
 * (a borrower with more open loans than 借用件数上限, default 1: info, or a warning when one of them is
 * overdue), `assets/loan-damage-unassessed` (returned damaged with no damage share) and
 * `assets/loan-compensation` (info: the compensation for a damaged return, with its working).
 *
 * Compensation follows the school's policy ({@link compensationPolicyOf}; default: net value × damage
 * share). The net value of one unit is the ledger's own, else the cost depreciated to the return date
 * by the asset's class, else (said so) the original value. The report "损坏赔偿计算" lists every
 * damaged or lost return with its working.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkLoans(ctx); // and ctx.report({ id: "assets.loan-compensation", … })
 */
export function checkLoans(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const limit = ctx.setting(["借用件数上限", "同时借用上限", "loans per borrower"], cells.integer(), 1);
  const findings: Finding[] = [];

  const ledgerTables = ctx.tablesOf(assetLedger);
  const byNumber = new Map<string, LedgerLine>();
  const byName = new Map<string, LedgerLine[]>();
  for (const table of ledgerTables)
    for (const row of table.rows) {
      const line = { table, row };
      if (row.values.assetNo !== undefined && !byNumber.has(matchKey(row.values.assetNo)))
        byNumber.set(matchKey(row.values.assetNo), line);
      const list = byName.get(matchKey(row.values.name)) ?? [];
      list.push(line);
      byName.set(matchKey(row.values.name), list);
    }
  const lookup = (
    asset: string,
    no: string | undefined,
  ): { line: LedgerLine; sameName: number } | undefined => {
    const numbered = no === undefined ? undefined : byNumber.get(matchKey(no));
    if (numbered) return { line: numbered, sameName: 1 };
    const named = byName.get(matchKey(asset));
    return named?.[0] ? { line: named[0], sameName: named.length } : undefined;
  };

  let policy: CompensationPolicy | undefined;
  let lives: ReturnType<typeof depreciationLives> | undefined;
  let start: DepreciationStart | undefined;
  const value = (line: LedgerLine, at: IsoDate): Valuation | undefined => {
    policy ??= compensationPolicyOf(ctx);
    const v = line.row.values;
    const row = line.row.row;
    const quantity = v.quantity ?? 1;
    const original = ledgerUnitPrice(v);
    const perUnit =
      quantity !== 1 && Number.isInteger(quantity) && quantity > 0 ? t(MSG.perUnit, { quantity }) : "";
    if (policy.basis === "original-value") {
      if (original === undefined) return undefined;
      return {
        originalValue: original,
        netValue: original,
        basis: "original-value",
        source: t(MSG.originalByPolicy, { row }) + perUnit,
      };
    }
    if (v.netValue !== undefined) {
      const net = ledgerUnitPrice({ originalValue: v.netValue, quantity });
      if (net !== undefined && net >= 0)
        return {
          netValue: net,
          basis: "net-value",
          source: t(MSG.ledgerNet, { sheet: line.table.table.sheet, row }) + perUnit,
        };
    }
    if (original === undefined) return undefined;
    const cls = classifyAsset(v.category, v.name);
    if (v.lifeYears === undefined && cls !== undefined && !isDepreciated(cls))
      return {
        netValue: original,
        basis: "net-value",
        source: t(MSG.notDepreciated, { class: t(ASSET_CLASSES[cls].title), row }) + perUnit,
      };
    lives ??= depreciationLives(ctx);
    const lifeYears = v.lifeYears ?? (cls !== undefined && isDepreciated(cls) ? lives[cls] : undefined);
    if (v.acquired === undefined || lifeYears === undefined)
      return {
        originalValue: original,
        netValue: original,
        basis: "original-value",
        source:
          t(MSG.originalFallback, {
            row,
            reason: t(v.acquired === undefined ? MSG.noAcquired : MSG.noClass),
          }) + perUnit,
      };
    start ??= depreciationStartOf(ctx);
    const d = depreciate({ cost: original, acquired: v.acquired, lifeYears, asOf: at, start });
    return {
      netValue: d.net,
      basis: "net-value",
      source:
        t(MSG.depreciated, {
          cost: formatMoney(original),
          life: lifeYears,
          date: at,
          months: d.months,
          row,
        }) + perUnit,
    };
  };

  interface OpenLoan {
    table: ParsedTable<(typeof loanRegister)["fields"]>;
    row: number;
    asset: string;
    lent: IsoDate;
    overdue: boolean;
  }
  const open = new Map<string, { borrower: string; loans: OpenLoan[] }>();
  const compensationRows: Record<string, string | number | null>[] = [];

  for (const parsed of ctx.tablesOf(loanRegister)) {
    const { table } = parsed;
    const columns = table.columns as Record<string, number | undefined>;
    for (const { row, values, unreadable } of parsed.rows) {
      const at = (field: string) => ({ sheet: table.sheet, cell: cellOf(table, row, field), row });
      const { asset, borrower } = values;
      const data = {
        asset,
        borrower,
        lent: values.lent,
        ...(values.assetNo ? { assetNo: values.assetNo } : {}),
      };
      const condition = values.condition ?? "";
      const plainCondition = normalizeText(condition).replace(/\s+/g, "");
      const lost = LOST_RE.test(plainCondition) && !FINE_RE.test(plainCondition);
      const damaged =
        (values.damageShare !== undefined && values.damageShare > 0) ||
        lost ||
        (plainCondition !== "" && !FINE_RE.test(plainCondition) && DAMAGED_RE.test(plainCondition));

      const found = ledgerTables.length > 0 ? lookup(asset, values.assetNo) : undefined;
      if (ledgerTables.length > 0 && !found)
        findings.push({
          rule: "assets/loan-not-in-ledger",
          severity: "warning",
          message: t(MSG.notInLedger, {
            asset,
            no: values.assetNo ? t(MSG.number, { no: values.assetNo }) : "",
          }),
          clause: CLAUSE,
          ...at(values.assetNo !== undefined ? "assetNo" : "asset"),
          data,
        });

      const returned = values.returned;
      if (returned === undefined && !lost && !unreadable?.includes("returned") && values.lent <= ctx.asOf) {
        const overdue = values.due !== undefined && values.due < ctx.asOf;
        if (overdue && values.due !== undefined) {
          const days = daysBetween(values.due, ctx.asOf);
          findings.push({
            rule: "assets/loan-overdue",
            severity: "warning",
            message: t(MSG.overdue, { borrower, asset, due: values.due, asOf: ctx.asOf, days }),
            clause: CLAUSE,
            ...at(columns.returned !== undefined ? "returned" : "due"),
            data: { ...data, due: values.due, daysOverdue: days, asOf: ctx.asOf },
          });
        }
        const key = matchKey(borrower);
        const entry = open.get(key) ?? { borrower, loans: [] };
        entry.loans.push({ table: parsed, row, asset, lent: values.lent, overdue });
        open.set(key, entry);
      }

      if (!damaged || (returned === undefined && !lost)) continue;
      const share =
        values.damageShare !== undefined && values.damageShare > 0
          ? values.damageShare
          : lost
            ? 1
            : undefined;
      const when = returned ?? values.due ?? ctx.asOf;
      const base = {
        borrower,
        asset,
        assetNo: values.assetNo ?? null,
        returned: returned ?? null,
        condition: condition === "" ? null : condition,
        damageShare: share === undefined ? null : `${Math.round(share * 10000) / 100}%`,
        sheet: table.sheet,
        row,
      };
      const noRow = (note: string) =>
        compensationRows.push({
          ...base,
          basis: null,
          value: null,
          amount: null,
          amountFen: null,
          working: null,
          note,
        });
      if (share === undefined) {
        if (unreadable?.includes("damageShare")) {
          noRow(t(MSG.noShareNote));
          continue;
        }
        findings.push({
          rule: "assets/loan-damage-unassessed",
          severity: "warning",
          message: t(MSG.noShare, { asset, condition }),
          clause: CLAUSE,
          ...at(columns.damageShare !== undefined ? "damageShare" : "condition"),
          data: { ...data, condition },
        });
        noRow(t(MSG.noShareNote));
        continue;
      }
      if (ledgerTables.length === 0) {
        noRow(t(MSG.noLedger));
        continue;
      }
      if (!found) {
        noRow(t(MSG.notFound));
        continue;
      }
      const valuation = value(found.line, when);
      if (!valuation) {
        noRow(t(MSG.noValue, { row: found.line.row.row }));
        continue;
      }
      const result: Compensation = compensation({
        netValue: valuation.netValue ?? 0,
        damageShare: share,
        ...(valuation.originalValue === undefined ? {} : { originalValue: valuation.originalValue }),
        policy: { basis: valuation.basis, rate: policy?.rate ?? 1 },
      });
      const working = t(result.working);
      const source =
        valuation.source + (found.sameName > 1 ? t(MSG.sameName, { count: found.sameName }) : "");
      compensationRows.push({
        ...base,
        basis: t(result.basis === "net-value" ? MSG.netLabel : MSG.originalLabel),
        value: formatMoney(result.base),
        amount: formatMoney(result.amount),
        amountFen: result.amount,
        working,
        note: source,
      });
      findings.push({
        rule: "assets/loan-compensation",
        severity: "info",
        message: t(MSG.compensation, { borrower, asset, amount: formatMoney(result.amount), working }),
        clause: CLAUSE,
        ...at(columns.damageShare !== undefined ? "damageShare" : "condition"),
        data: { ...data, damageShare: share, amount: result.amount, base: result.base, basis: result.basis },
      });
    }
  }

  for (const { borrower, loans } of open.values()) {
    if (loans.length <= limit) continue;
    const sorted = [...loans].sort((a, b) => (a.lent < b.lent ? -1 : a.lent > b.lent ? 1 : a.row - b.row));
    const latest = sorted[sorted.length - 1] as OpenLoan;
    const overdue = loans.filter((l) => l.overdue).length;
    const items = sorted
      .map((l) => t(MSG.item, { asset: l.asset, row: l.row }))
      .join(ctx.lang === "en" ? ", " : "、");
    findings.push({
      rule: "assets/borrower-several-loans",
      severity: overdue > 0 ? "warning" : "info",
      message:
        t(MSG.severalLoans, { borrower, count: loans.length, items }) +
        (overdue > 0 ? t(MSG.severalOverdue, { overdue }) : ""),
      clause: CLAUSE,
      sheet: latest.table.table.sheet,
      cell: cellOf(latest.table.table, latest.row, "borrower"),
      row: latest.row,
      data: { borrower, openLoans: loans.length, overdue, limit, rows: sorted.map((l) => l.row) },
    });
  }

  if (compensationRows.length > 0) ctx.report(compensationReport(compensationRows));
  return findings;
}

/** The report of every damaged or lost return and its compensation. */
function compensationReport(rows: readonly Record<string, string | number | null>[]): Report {
  return {
    id: "assets.loan-compensation",
    title: tr("损坏赔偿计算", "Damage compensation"),
    sheetName: tr("损坏赔偿计算", "Damage compensation"),
    columns: [
      { key: "borrower", title: tr("借用人", "Borrower") },
      { key: "asset", title: tr("资产名称", "Asset"), width: 16 },
      { key: "assetNo", title: tr("资产编号", "Asset no.") },
      { key: "returned", title: tr("归还日期", "Returned on"), width: 12 },
      { key: "condition", title: tr("归还状况", "Condition") },
      { key: "damageShare", title: tr("损坏程度", "Damage share") },
      { key: "basis", title: tr("计价依据", "Basis") },
      { key: "value", title: tr("计价金额", "Value"), width: 14 },
      { key: "amount", title: tr("赔偿金额", "Compensation"), width: 14 },
      { key: "working", title: tr("计算过程", "Working"), width: 44 },
      { key: "note", title: tr("说明", "Note"), width: 48 },
    ],
    rows,
  };
}

/** The loan register check as the apps run it (三(二)3). */
export const loanCheck: Check = {
  id: "assets/loans",
  title: tr("借用登记与损坏赔偿", "Loans and damage compensation"),
  kinds: [loanRegister],
  run: checkLoans,
};
