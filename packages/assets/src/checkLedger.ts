import {
  type Bilingual,
  type Fen,
  type Finding,
  fenToYuan,
  formatMoney,
  localize,
  multiplyFen,
  normalizeText,
  sumFen,
} from "@houqin/core";
import {
  type CellIssueParams,
  type CellSchema,
  type Check,
  type CheckContext,
  cellOf,
  cells,
  type Report,
} from "@houqin/workbook";
import {
  ASSET_CLASSES,
  type AssetClassId,
  classifyAsset,
  type DepreciatedClass,
  depreciationLives,
  isDepreciated,
} from "./categories.js";
import {
  DEFAULT_DEPRECIATION_START,
  type Depreciation,
  type DepreciationStart,
  depreciate,
} from "./depreciation.js";
import { assetLedger, ledgerLineValue, ledgerUnitPrice } from "./ledgerKinds.js";

const CLAUSE = "三(二)2";
const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

const MSG = {
  mismatch: tr(
    "{subject}台账{field} {own}，按直线法计算应为 {computed}（相差 {diff}，容差 {tolerance}）。计算：{working}",
    "{subject}: the ledger's {field} is {own}, straight-line depreciation gives {computed} (off by {diff}; tolerance {tolerance}). Working: {working}",
  ),
  working: tr(
    "原值 {cost}，{cls}折旧年限 {life} 年（{lifeMonths} 个月{lifeSource}），自 {first} 起至 {asOf} 已提 {months} 个月，月折旧额 {monthly}，累计折旧 {accumulated}，净值 {net}",
    "cost {cost}, {cls} life {life} years ({lifeMonths} months{lifeSource}), {months} months from {first} to {asOf} at {monthly} a month: accumulated {accumulated}, net {net}",
  ),
  ownLife: tr("，台账所填", ", from the ledger"),
  notDepreciatedWorking: tr(
    "原值 {cost}，{cls}不计提折旧，累计折旧 ¥0.00，净值 {net}",
    "cost {cost}; {cls} are not depreciated: accumulated ¥0.00, net {net}",
  ),
  accumulated: tr("累计折旧", "accumulated depreciation"),
  net: tr("净值", "net value"),
  belowThreshold: tr(
    "{subject}单位价值 {unit}，低于{special}固定资产起点 {threshold}，不属于固定资产（可作低值易耗品管理），未计提折旧",
    "{subject}: unit value {unit} is below the {special}capitalisation threshold of {threshold}; it is not a fixed asset (manage it as a low-value consumable) and is not depreciated",
  ),
  special: tr("专用设备", "special-equipment "),
  unknownCategory: tr(
    "资产类别“{category}”无法对应到折旧分类（共 {count} 项，如{subject}），未计算折旧；请写明如“计算机设备”“家具”“学生课桌椅”",
    "Category “{category}” matches no depreciation class ({count} lines, e.g. {subject}); they were not depreciated. Name the class, e.g. 计算机设备, 家具, 学生课桌椅",
  ),
  noCategory: tr(
    "{subject}没有填资产类别，名称也看不出折旧分类（共 {count} 项这样的资产），未计算折旧",
    "{subject} has no category and its name does not tell the depreciation class ({count} such lines); not depreciated",
  ),
  duplicate: tr(
    "资产编号“{no}”重复：与{where}第 {first} 行相同，一个编号只能对应一项资产",
    "Asset number “{no}” is used twice: also on row {first}{where}; one number identifies one asset",
  ),
  subject: tr("“{name}”（{no}）", "“{name}” ({no})"),
  subjectNoNumber: tr("“{name}”", "“{name}”"),
  otherSheet: tr("“{sheet}”表", " of “{sheet}”"),
} satisfies Record<string, Bilingual>;

const NOTES = {
  notDepreciated: tr("不计提折旧", "not depreciated"),
  belowThreshold: tr("未达固定资产起点", "below the threshold"),
  unknownCategory: tr("类别无法识别", "unknown category"),
  noDate: tr("缺少取得日期", "no acquisition date"),
  noValue: tr("缺少原值", "no value"),
  fully: tr("已提足折旧", "fully depreciated"),
  ownLife: tr("按台账所填年限", "life from the ledger"),
} satisfies Record<string, Bilingual>;

const START_WORDS: readonly [DepreciationStart, RegExp][] = [
  ["next-month", /次月|下月|下个月|next/i],
  ["same-month", /当月|本月|same|this/i],
];

/** The 折旧起始 setting: 当月 (the default) or 次月. */
const startSchema: CellSchema<DepreciationStart> = cells
  .text()
  .refine((text) => START_WORDS.some(([, re]) => re.test(text)), {
    message: "Write 当月 (same month) or 次月 (next month)",
    params: {
      houqin: true,
      code: "not-understood",
      message: tr("请填写“当月”或“次月”", "Write 当月 (same month) or 次月 (next month)"),
    } satisfies CellIssueParams,
  })
  .transform((text) => START_WORDS.find(([, re]) => re.test(text))?.[0] ?? DEFAULT_DEPRECIATION_START);

/**
 * The month depreciation starts in, from the 折旧起始 setting (当月, the default, or 次月); an
 * unreadable value is reported once at its cell.
 *
 * @example depreciationStartOf(ctx) // "same-month"
 */
export function depreciationStartOf(ctx: Pick<CheckContext, "setting">): DepreciationStart {
  return ctx.setting(
    ["折旧起始", "折旧起始月份", "折旧开始月份", "depreciation start"],
    startSchema,
    DEFAULT_DEPRECIATION_START,
  );
}

/** The key asset numbers are compared in: half-width, no spaces, upper case. */
function numberKey(no: string): string {
  return normalizeText(no).replace(/\s+/g, "").toUpperCase();
}

/** One ledger line valued as of the date. */
interface Valuation {
  classId?: AssetClassId;
  cost?: Fen;
  lifeYears?: number;
  depreciation?: Depreciation;
  note?: Bilingual;
}

/**
 * Checks the fixed-asset ledger (三(二)2) and publishes its depreciation schedule (资产折旧表, as of
 * ctx.asOf):
 * - `assets/book-value-mismatch` (warning): the ledger's own 累计折旧 or 净值 is off the straight-line
 *   figure by more than the tolerance (setting 折旧核对容差, default ¥1.00); the message shows the working;
 * - `assets/below-threshold` (info): a unit value below the capitalisation threshold (固定资产起点,
 *   default ¥1,000; 专用设备固定资产起点 ¥1,500) — not a fixed asset; furniture in batches and books
 *   are fixed assets whatever their unit value (政府会计准则第3号 §2);
 * - `assets/unknown-category` (info): once per category that matches no depreciation class;
 * - `assets/duplicate-number` (error): an asset number used on two lines.
 *
 * Settings: 折旧年限:<class> (e.g. 折旧年限:家具 = 15), 折旧起始 (当月 or 次月, default 当月),
 * 折旧核对容差, 固定资产起点, 专用设备固定资产起点.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkLedger(ctx);
 */
export function checkLedger(ctx: CheckContext): Finding[] {
  const tables = ctx.tablesOf(assetLedger);
  if (tables.length === 0) return [];
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const money = (fen: Fen) => formatMoney(fen);
  const lives = depreciationLives(ctx);
  const start = depreciationStartOf(ctx);
  const tolerance = ctx.setting(
    ["折旧核对容差", "净值核对容差", "book value tolerance"],
    cells.nonNegativeMoney(),
    100,
  );
  const threshold = ctx.setting(
    ["固定资产起点", "固定资产标准", "固定资产单位价值标准", "capitalisation threshold"],
    cells.nonNegativeMoney(),
    100_000,
  );
  const specialThreshold = ctx.setting(
    ["专用设备固定资产起点", "专用设备起点", "专用设备单位价值标准", "special equipment threshold"],
    cells.nonNegativeMoney(),
    150_000,
  );

  const findings: Finding[] = [];
  const numbers = new Map<string, { sheet: string; row: number }>();
  const unknown = new Map<string, { count: number; finding: Finding; name: string; no?: string }>();
  const reportRows: Record<string, string | number | null>[] = [];
  const costs: Fen[] = [];
  const accumulatedAll: Fen[] = [];

  for (const parsed of tables) {
    const { table } = parsed;
    for (const { row, values: v, unreadable } of parsed.rows) {
      const at = (field: string) => ({ sheet: table.sheet, cell: cellOf(table, row, field), row });
      const subject = t(v.assetNo === undefined ? MSG.subjectNoNumber : MSG.subject, {
        name: v.name,
        no: v.assetNo,
      });
      const data = { assetNo: v.assetNo ?? null, name: v.name };

      // A number identifies one asset.
      if (v.assetNo !== undefined) {
        const k = numberKey(v.assetNo);
        const first = numbers.get(k);
        if (first) {
          findings.push({
            rule: "assets/duplicate-number",
            severity: "error",
            message: t(MSG.duplicate, {
              no: v.assetNo,
              first: first.row,
              where: first.sheet === table.sheet ? "" : t(MSG.otherSheet, { sheet: first.sheet }),
            }),
            clause: CLAUSE,
            ...at("assetNo"),
            data: { ...data, firstSheet: first.sheet, firstRow: first.row },
          });
        } else numbers.set(k, { sheet: table.sheet, row });
      }

      const valuation: Valuation = {};
      const classId = classifyAsset(v.category, v.name);
      if (classId) valuation.classId = classId;
      const cost = ledgerLineValue(v);
      if (cost !== undefined) valuation.cost = cost;
      const quantity = v.quantity ?? 1;

      if (!classId) {
        const k = v.category === undefined ? "" : normalizeText(v.category).replace(/\s+/g, "");
        const seen = unknown.get(k);
        if (seen) seen.count++;
        else
          unknown.set(k, {
            count: 1,
            name: v.name,
            ...(v.assetNo === undefined ? {} : { no: v.assetNo }),
            finding: {
              rule: "assets/unknown-category",
              severity: "info",
              message: "",
              clause: CLAUSE,
              ...at("category"),
              data: { ...data, category: v.category ?? null },
            },
          });
      }

      // Below the capitalisation threshold: not a fixed asset (books, relics and batches of furniture are).
      const cls = classId ? ASSET_CLASSES[classId] : undefined;
      const exempt =
        classId !== undefined && (!isDepreciated(classId) || (cls?.batch === true && quantity > 1));
      const special = cls?.special === true || /专用/.test(v.category ?? "");
      const limit = special ? specialThreshold : threshold;
      const unit = ledgerUnitPrice(v);
      const below =
        !exempt &&
        cost !== undefined &&
        (unit !== undefined ? unit < limit : cost < multiplyFen(limit, quantity));
      if (below) {
        valuation.note = NOTES.belowThreshold;
        findings.push({
          rule: "assets/below-threshold",
          severity: "info",
          message: t(MSG.belowThreshold, {
            subject,
            unit: unit === undefined ? money(cost) : money(unit),
            special: special ? t(MSG.special) : "",
            threshold: money(limit),
          }),
          clause: CLAUSE,
          ...at(v.unitPrice !== undefined ? "unitPrice" : "originalValue"),
          data: { ...data, unitValue: unit ?? cost, threshold: limit },
        });
      }

      // Depreciation as of the date.
      if (!below && classId !== undefined) {
        if (cost === undefined) valuation.note = NOTES.noValue;
        else if (!isDepreciated(classId)) valuation.note = NOTES.notDepreciated;
        else if (v.acquired === undefined) valuation.note = NOTES.noDate;
        else {
          const life = v.lifeYears ?? lives[classId as DepreciatedClass];
          valuation.lifeYears = life;
          valuation.depreciation = depreciate({
            cost,
            acquired: v.acquired,
            lifeYears: life,
            asOf: ctx.asOf,
            start,
          });
          if (v.lifeYears !== undefined) valuation.note = NOTES.ownLife;
          const minimum = ASSET_CLASSES[classId].lifeYears;
          if (v.lifeYears !== undefined && minimum !== undefined && v.lifeYears < minimum)
            findings.push({
              rule: "assets/life-below-minimum",
              severity: "warning",
              message: localize(
                {
                  "zh-CN":
                    "“{name}”台账折旧年限 {own} 年，低于{cls}的最低折旧年限 {min} 年（财会〔2017〕4号）",
                  en: "“{name}” is depreciated over {own} years in the ledger, below the {min}-year minimum for {cls}",
                },
                ctx.lang,
                {
                  name: v.name,
                  own: v.lifeYears,
                  min: minimum,
                  cls: localize(ASSET_CLASSES[classId].title, ctx.lang),
                },
              ),
              clause: CLAUSE,
              ...at("lifeYears"),
              data: { ...data, lifeYears: v.lifeYears, minimum },
            });
          if (valuation.depreciation.fullyDepreciated) valuation.note = NOTES.fully;
        }
      } else if (!below && classId === undefined) valuation.note = NOTES.unknownCategory;

      // The ledger's own figures against the computed ones.
      const dep = valuation.depreciation;
      const expected =
        cost === undefined || below || classId === undefined
          ? undefined
          : dep
            ? { accumulated: dep.accumulated, net: dep.net }
            : isDepreciated(classId)
              ? undefined
              : { accumulated: 0, net: cost };
      if (expected && cost !== undefined && classId !== undefined) {
        const checks = [
          ["accumulated", v.accumulated, expected.accumulated, MSG.accumulated],
          ["netValue", v.netValue, expected.net, MSG.net],
        ] as const;
        for (const [field, own, computed, label] of checks) {
          if (own === undefined || unreadable?.includes(field)) continue;
          const diff = own - computed;
          if (Math.abs(diff) <= tolerance) continue;
          const clsTitle = t(ASSET_CLASSES[classId].title);
          const working = dep
            ? t(MSG.working, {
                cost: money(cost),
                cls: clsTitle,
                life: valuation.lifeYears,
                lifeMonths: dep.lifeMonths,
                lifeSource: v.lifeYears !== undefined ? t(MSG.ownLife) : "",
                first: dep.firstMonth,
                asOf: ctx.asOf,
                months: dep.months,
                monthly: money(dep.monthly),
                accumulated: money(dep.accumulated),
                net: money(dep.net),
              })
            : t(MSG.notDepreciatedWorking, { cost: money(cost), cls: clsTitle, net: money(cost) });
          findings.push({
            rule: "assets/book-value-mismatch",
            severity: "warning",
            message: t(MSG.mismatch, {
              subject,
              field: t(label),
              own: money(own),
              computed: money(computed),
              diff: money(Math.abs(diff)),
              tolerance: money(tolerance),
              working,
            }),
            clause: CLAUSE,
            ...at(field),
            data: { ...data, field, own, computed, asOf: ctx.asOf },
          });
          break;
        }
      }

      if (cost !== undefined) costs.push(cost);
      if (dep) accumulatedAll.push(dep.accumulated);
      reportRows.push(reportRow(v, valuation, ctx, table.sheet, row));
    }
  }

  for (const [k, u] of unknown) {
    const subject = t(u.no === undefined ? MSG.subjectNoNumber : MSG.subject, { name: u.name, no: u.no });
    u.finding.message =
      k === ""
        ? t(MSG.noCategory, { subject, count: u.count })
        : t(MSG.unknownCategory, { category: u.finding.data?.category, count: u.count, subject });
    u.finding.data = { ...u.finding.data, count: u.count };
    findings.push(u.finding);
  }

  const totalCost = sumFen(costs);
  const totalAccumulated = sumFen(accumulatedAll);
  reportRows.push({
    assetNo: null,
    name: t(tr("合计", "Total")),
    category: null,
    cls: null,
    cost: fenToYuan(totalCost),
    life: null,
    months: null,
    accumulated: fenToYuan(totalAccumulated),
    net: fenToYuan(totalCost - totalAccumulated),
    asOf: ctx.asOf,
    note: null,
    costFen: totalCost,
    accumulatedFen: totalAccumulated,
    netFen: totalCost - totalAccumulated,
  });
  ctx.report(depreciationReport(reportRows, ctx.asOf));
  return findings;
}

function reportRow(
  v: { assetNo?: string; name: string; category?: string },
  valuation: Valuation,
  ctx: CheckContext,
  sheet: string,
  row: number,
): Record<string, string | number | null> {
  const dep = valuation.depreciation;
  const cls = valuation.classId ? ASSET_CLASSES[valuation.classId] : undefined;
  const notDepreciated = valuation.cost !== undefined && cls !== undefined && cls.lifeYears === undefined;
  const net = dep ? dep.net : notDepreciated ? valuation.cost : undefined;
  const yuan = (fen: Fen | undefined) => (fen === undefined ? null : fenToYuan(fen));
  return {
    assetNo: v.assetNo ?? null,
    name: v.name,
    category: v.category ?? null,
    cls: cls ? localize(cls.title, ctx.lang) : null,
    cost: yuan(valuation.cost),
    life: valuation.lifeYears ?? null,
    months: dep?.months ?? null,
    accumulated: dep ? yuan(dep.accumulated) : notDepreciated ? 0 : null,
    net: yuan(net),
    asOf: ctx.asOf,
    note: valuation.note ? localize(valuation.note, ctx.lang) : null,
    classId: valuation.classId ?? null,
    costFen: valuation.cost ?? null,
    accumulatedFen: dep ? dep.accumulated : notDepreciated ? 0 : null,
    netFen: net ?? null,
    sheet,
    row,
  };
}

function depreciationReport(rows: Record<string, string | number | null>[], asOf: string): Report {
  return {
    id: "assets.depreciation",
    title: tr(`资产折旧表（截至 ${asOf}）`, `Depreciation schedule (as of ${asOf})`),
    sheetName: tr("资产折旧表", "Depreciation"),
    columns: [
      { key: "assetNo", title: tr("资产编号", "Asset no.") },
      { key: "name", title: tr("资产名称", "Name"), width: 20 },
      { key: "category", title: tr("资产分类", "Category"), width: 14 },
      { key: "cls", title: tr("折旧分类", "Depreciation class"), width: 24 },
      { key: "cost", title: tr("原值（元）", "Cost (yuan)"), width: 14 },
      { key: "life", title: tr("折旧年限（年）", "Life (years)") },
      { key: "months", title: tr("已提月数", "Months") },
      { key: "accumulated", title: tr("累计折旧（元）", "Accumulated (yuan)"), width: 14 },
      { key: "net", title: tr("净值（元）", "Net value (yuan)"), width: 14 },
      { key: "asOf", title: tr("计算截止日", "As of"), width: 12 },
      { key: "note", title: tr("说明", "Note"), width: 16 },
    ],
    rows,
  };
}

/** The ledger check as the apps run it. */
export const ledgerCheck: Check = {
  id: "assets/ledger",
  title: tr("资产台账与折旧核对", "Asset ledger and depreciation"),
  kinds: [assetLedger],
  run: checkLedger,
};
