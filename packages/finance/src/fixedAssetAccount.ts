import {
  ASSET_CLASSES,
  type AssetClassId,
  assetLedger,
  classifyAsset,
  ledgerLineValue,
} from "@houqin/assets";
import {
  type Bilingual,
  type Fen,
  type Finding,
  formatMoney,
  HouqinError,
  localize,
  normalizeText,
} from "@houqin/core";
import {
  type Check,
  type CheckContext,
  cellOf,
  cells,
  defineTableKind,
  field,
  type RecognizedTable,
} from "@houqin/workbook";

const CLAUSE = "三(四)3";
const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/**
 * `finance.fixed-asset-account`: the balances of the finance fixed-asset account by category
 * (固定资产明细账 / 总账余额, 三(四)3 规范固定资产的帐目): one row per category (房屋及构筑物, 通用设备,
 * 专用设备, 家具用具…) with its balance at original value. A row 固定资产 alone is the account's
 * total; rows of 累计折旧 are not original value and are left out. Recognised by its balance column
 * (余额, 期末余额), or a sheet name such as 固定资产明细账; a blank balance reads as zero.
 *
 * @example
 * for (const { values } of ctx.tablesOf(fixedAssetAccount)[0]?.rows ?? []) values.balance // 125000000
 */
export const fixedAssetAccount = defineTableKind({
  id: "finance.fixed-asset-account",
  title: tr("固定资产账", "Fixed-asset account"),
  sheetHints: ["固定资产明细账", "固定资产总账", "固定资产账", "固定资产余额", "fixed asset account"],
  requiresOneOf: ["balance"],
  fields: {
    code: field({
      title: tr("科目编码", "Account code"),
      synonyms: ["科目编码", "科目代码", "会计科目编码", "编码", "account code", "code"],
      required: false,
      schema: cells.text(),
    }),
    category: field({
      title: tr("类别", "Category"),
      synonyms: [
        "固定资产类别",
        "资产类别",
        "明细科目",
        "科目名称",
        "会计科目",
        "资产分类",
        "类别",
        "科目",
        "分类",
        "category",
        "account",
      ],
      required: true,
      schema: cells.text(),
    }),
    balance: field({
      title: tr("余额", "Balance"),
      synonyms: [
        "期末余额",
        "账面余额",
        "原值余额",
        "借方余额",
        "余额",
        "balance",
        "closing balance",
        "book balance",
      ],
      required: false,
      schema: cells.money(),
    }),
  },
});

/** The categories a finance fixed-asset account keeps (政府会计准则第3号 §3), plus land and nominal value. */
type AccountGroupId =
  | "buildings"
  | "special"
  | "general"
  | "relics"
  | "books"
  | "furniture"
  | "land"
  | "nominal";

const GROUP_TITLES: Readonly<Record<AccountGroupId, Bilingual>> = {
  buildings: tr("房屋及构筑物", "Buildings and structures"),
  special: tr("专用设备", "Special equipment"),
  general: tr("通用设备", "General equipment"),
  relics: tr("文物和陈列品", "Relics and exhibits"),
  books: tr("图书、档案", "Books and archives"),
  furniture: tr("家具、用具、装具及动植物", "Furniture, utensils, fittings, plants and animals"),
  land: tr("土地", "Land"),
  nominal: tr("以名义金额计量的资产", "Assets at nominal value"),
};

/** The account category of each asset class of the ledger (every class has one: the compiler checks). */
const GROUP_OF: Readonly<Record<AssetClassId, AccountGroupId>> = {
  "steel-building": "buildings",
  "brick-building": "buildings",
  "simple-building": "buildings",
  "teaching-equipment": "special",
  "computer-office": "general",
  vehicle: "general",
  "general-equipment": "general",
  machinery: "general",
  relics: "relics",
  "books-archives": "books",
  furniture: "furniture",
  "student-desks": "furniture",
  utensils: "furniture",
  "plants-animals": "furniture",
  land: "land",
  nominal: "nominal",
};

/** The asset classes (with the ledger's titles) in an account category, for a finding's data. */
function classesOf(group: AccountGroupId): string[] {
  return (Object.keys(GROUP_OF) as AssetClassId[])
    .filter((id) => GROUP_OF[id] === group)
    .map((id) => ASSET_CLASSES[id].title["zh-CN"]);
}

const MSG = {
  mismatch: tr(
    "固定资产账“{categories}”余额 {balance}，资产台账中{group}原值合计 {ledger}（{count} 项），相差 {diff}；财务账与资产台账应当相符",
    "The fixed-asset account “{categories}” shows {balance}, but the asset ledger's lines in “{group}” add up to {ledger} at original value ({count} lines), {diff} apart; the account and the ledger should agree",
  ),
  accountOnly: tr(
    "固定资产账“{categories}”余额 {balance}，资产台账中却没有{group}类资产",
    "The fixed-asset account “{categories}” shows {balance}, but the asset ledger has nothing in “{group}”",
  ),
  ledgerOnly: tr(
    "资产台账中{group}原值合计 {ledger}（{count} 项，如{example}），财务固定资产账中却没有这一类别",
    "The asset ledger holds {ledger} at original value in “{group}” ({count} lines, e.g. {example}), but the fixed-asset account has no such category",
  ),
  totalMismatch: tr(
    "固定资产账总额 {balance}，资产台账原值合计 {ledger}（{count} 项），相差 {diff}；财务账与资产台账应当相符",
    "The fixed-asset account totals {balance}, but the asset ledger adds up to {ledger} at original value ({count} lines), {diff} apart; they should agree",
  ),
  unknownCategory: tr(
    "固定资产账类别“{category}”无法对应到资产分类（房屋及构筑物、通用设备、专用设备、文物和陈列品、图书档案、家具用具等），未与资产台账核对",
    "Account category “{category}” matches no asset class (buildings, general or special equipment, relics, books, furniture…), so it was not compared with the asset ledger",
  ),
  unclassifiedLedger: tr(
    "资产台账中有 {count} 项资产（原值合计 {sum}）看不出资产分类，未参与分类核对",
    "{count} asset ledger lines ({sum} at original value) have no recognisable class and were left out of the comparison by category",
  ),
  noLedger: tr(
    "工作簿中未找到资产台账（资产名称、类别、原值），无法与财务固定资产账核对",
    "No asset ledger (name, category, original value) was found in the workbook, so the fixed-asset account cannot be reconciled with it",
  ),
} satisfies Record<string, Bilingual>;

/** A ledger status that says the asset has left the books: 已报废, 已处置, 已调出… (not 待报废). */
const DISPOSED_RE = /(已|经)?(报废|处置|核销|调出|出售|转让|捐赠|销账|盘亏|调拨出)/;
const PENDING_RE = /待|拟|申请|未/;

/** An account row that is the account's total: 固定资产, 固定资产原值, 固定资产合计. */
const TOTAL_RE = /^固定资产(原值)?(合计|总额|总计|小计)?$/;
/** An account row of depreciation, not of original value. */
const DEPRECIATION_RE = /折旧|摊销/;

/** The category text with its leading code and "固定资产—" prefix taken off. */
function accountCategory(text: string): string {
  return normalizeText(text)
    .replace(/\s+/g, "")
    .replace(/^\d{3,}[.\-—_:：、]*/, "")
    .replace(/^固定资产(原值)?[-—–_:：/、]+/, "");
}

/** An account code with its separators taken off (1601.02 → 160102); undefined when blank. */
function accountCode(code: string | undefined): string | undefined {
  const digits = code === undefined ? "" : normalizeText(code).replace(/[\s.\-—–_:：、/]+/g, "");
  return digits === "" ? undefined : digits;
}

interface AccountSide {
  rows: { table: RecognizedTable; row: number; category: string }[];
  balance: bigint;
}

interface LedgerSide {
  first: { table: RecognizedTable; row: number; name: string };
  value: bigint;
  count: number;
}

function toFen(value: bigint): Fen {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new HouqinError("MONEY_OVERFLOW", "checkFixedAssetAccount: a sum is too large");
  return Number(value);
}

/**
 * Reconciles the finance fixed-asset account (`finance.fixed-asset-account`) with the asset ledger of
 * @houqin/assets (`assets.ledger`, 三(四)3 规范固定资产的帐目): both sides are put in the categories
 * of 政府会计准则第3号 (房屋及构筑物, 通用设备, 专用设备, 文物和陈列品, 图书档案, 家具用具装具及动植物,
 * plus 土地 and assets at nominal value) through the ledger's own classification (`classifyAsset`), so
 * that "计算机设备" in the account and a 台式计算机 under 通用设备 in the ledger meet.
 *
 * - `finance/fixed-asset-account-mismatch` (error): a category whose account balance differs from the
 *   ledger's original value (原值, else 单价 × 数量) of that category, at the account's balance cell;
 *   a category with a balance in the account and no asset in the ledger, or assets in the ledger and
 *   no row in the account (at the ledger's first such line); the account's total row (固定资产) against
 *   the whole ledger. Ledger lines whose status says they have left the books (已报废, 已处置, 调出…;
 *   not 待报废) are not counted. A category (or the total) with a cell that could not be read, on
 *   either side, is not compared: the row parser has reported the cell.
 * - `finance/fixed-asset-category-unknown` (info): an account category no asset class matches; ledger
 *   lines without a recognisable class (once, with their value).
 * - `finance/no-asset-ledger` (info): an account but no asset ledger in the workbook.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkFixedAssetAccount(ctx);
 */
export function checkFixedAssetAccount(ctx: CheckContext): Finding[] {
  // A sum out of range (MONEY_OVERFLOW) is turned into a finding by runChecks.
  return reconcile(ctx);
}

function reconcile(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const money = (v: bigint) => formatMoney(toFen(v));
  const findings: Finding[] = [];
  const accountTables = ctx.tablesOf(fixedAssetAccount);
  const ledgerTables = ctx.tablesOf(assetLedger);
  if (accountTables.every((p) => p.rows.length === 0)) return findings;
  if (ledgerTables.length === 0) {
    const first = accountTables[0];
    if (first)
      findings.push({
        rule: "finance/no-asset-ledger",
        severity: "info",
        message: t(MSG.noLedger),
        clause: CLAUSE,
        sheet: first.table.sheet,
        cell: cellOf(first.table, first.table.headerRow, "balance"),
        row: first.table.headerRow,
      });
    return findings;
  }

  // Categories (and the total) not compared because a cell of theirs could not be read.
  const uncertain = new Set<AccountGroupId | "total">();
  // The account, by category.
  const account = new Map<AccountGroupId, AccountSide>();
  let total: { table: RecognizedTable; row: number; balance: bigint } | undefined;
  for (const parsed of accountTables) {
    const { table } = parsed;
    // With account codes, a row whose code heads another row's (160102 above 16010201) is the sum of
    // its sub-accounts: only the lowest rows are counted, as they would otherwise count twice.
    const codes = parsed.rows.map((r) => accountCode(r.values.code));
    const isParent = (code: string | undefined) =>
      code !== undefined &&
      codes.some((c) => c !== undefined && c.length > code.length && c.startsWith(code));
    parsed.rows.forEach(({ row, values, unreadable }, index) => {
      const code = codes[index];
      const category = accountCategory(values.category);
      if (DEPRECIATION_RE.test(category)) return;
      // A balance the row parser could not read leaves its category (or the total) unknown.
      const unread = unreadable?.includes("balance") === true;
      const balance = BigInt(values.balance ?? 0);
      if (TOTAL_RE.test(category)) {
        if (!total) total = { table, row, balance };
        if (unread) uncertain.add("total");
        return;
      }
      if (isParent(code)) return;
      // A sub-account named for what it holds (计算机设备, 办公设备) goes under its parent's category.
      const classId =
        classifyAsset(category) ??
        parsed.rows
          .map((r, i) => ({ r, c: codes[i] }))
          .filter(
            ({ c }) => c !== undefined && code !== undefined && c.length < code.length && code.startsWith(c),
          )
          .sort((a, b) => (b.c?.length ?? 0) - (a.c?.length ?? 0))
          .map(({ r }) => classifyAsset(accountCategory(r.values.category)))
          .find((id) => id !== undefined);
      const group = classId === undefined ? undefined : GROUP_OF[classId];
      if (group === undefined) {
        findings.push({
          rule: "finance/fixed-asset-category-unknown",
          severity: "info",
          message: t(MSG.unknownCategory, { category: values.category }),
          clause: CLAUSE,
          sheet: table.sheet,
          cell: cellOf(table, row, "category"),
          row,
          data: { category: values.category, balance: values.balance ?? null },
        });
        return;
      }
      const side = account.get(group) ?? { rows: [], balance: 0n };
      side.rows.push({ table, row, category: values.category });
      side.balance += balance;
      account.set(group, side);
      if (unread) uncertain.add(group);
    });
  }

  // The ledger, by the same categories.
  const ledger = new Map<AccountGroupId, LedgerSide>();
  let ledgerTotal = 0n;
  let ledgerCount = 0;
  const unclassified = {
    value: 0n,
    count: 0,
    first: undefined as { table: RecognizedTable; row: number } | undefined,
  };
  for (const parsed of ledgerTables) {
    const { table } = parsed;
    for (const { row, values, unreadable } of parsed.rows) {
      const status = values.status === undefined ? "" : normalizeText(values.status);
      if (DISPOSED_RE.test(status) && !PENDING_RE.test(status)) continue;
      const classId = classifyAsset(values.category, values.name);
      const group = classId === undefined ? undefined : GROUP_OF[classId];
      const unread = ["originalValue", "unitPrice", "quantity", "status"].some((f) =>
        unreadable?.includes(f),
      );
      if (unread) {
        uncertain.add("total");
        if (group) uncertain.add(group);
      }
      const value = ledgerLineValue(values);
      if (value === undefined) continue;
      ledgerTotal += BigInt(value);
      ledgerCount++;
      if (group === undefined) {
        unclassified.value += BigInt(value);
        unclassified.count++;
        unclassified.first = unclassified.first ?? { table, row };
        continue;
      }
      const side = ledger.get(group) ?? { first: { table, row, name: values.name }, value: 0n, count: 0 };
      side.value += BigInt(value);
      side.count++;
      ledger.set(group, side);
    }
  }

  if (total && !uncertain.has("total")) {
    const diff = total.balance - ledgerTotal;
    if (diff !== 0n)
      findings.push({
        rule: "finance/fixed-asset-account-mismatch",
        severity: "error",
        message: t(MSG.totalMismatch, {
          balance: money(total.balance),
          ledger: money(ledgerTotal),
          count: ledgerCount,
          diff: money(diff < 0n ? -diff : diff),
        }),
        clause: CLAUSE,
        sheet: total.table.sheet,
        cell: cellOf(total.table, total.row, "balance"),
        row: total.row,
        data: { balance: toFen(total.balance), ledger: toFen(ledgerTotal), lines: ledgerCount },
      });
  }
  // An account kept only as a total is not compared by category.
  if (account.size === 0) return findings;

  for (const id of Object.keys(GROUP_TITLES) as AccountGroupId[]) {
    if (uncertain.has(id)) continue;
    const mine = account.get(id);
    const theirs = ledger.get(id);
    const group = t(GROUP_TITLES[id]);
    if (mine) {
      const first = mine.rows[0];
      if (!first) continue;
      const categories = mine.rows.map((r) => r.category).join("、");
      const value = theirs?.value ?? 0n;
      const diff = mine.balance - value;
      if (diff === 0n) continue;
      findings.push({
        rule: "finance/fixed-asset-account-mismatch",
        severity: "error",
        message: theirs
          ? t(MSG.mismatch, {
              categories,
              balance: money(mine.balance),
              group,
              ledger: money(value),
              count: theirs.count,
              diff: money(diff < 0n ? -diff : diff),
            })
          : t(MSG.accountOnly, { categories, balance: money(mine.balance), group }),
        clause: CLAUSE,
        sheet: first.table.sheet,
        cell: cellOf(first.table, first.row, "balance"),
        row: first.row,
        data: {
          category: group,
          classes: classesOf(id),
          balance: toFen(mine.balance),
          ledger: toFen(value),
          lines: theirs?.count ?? 0,
        },
      });
    } else if (theirs && theirs.value !== 0n) {
      const { table, row, name } = theirs.first;
      findings.push({
        rule: "finance/fixed-asset-account-mismatch",
        severity: "error",
        message: t(MSG.ledgerOnly, {
          group,
          ledger: money(theirs.value),
          count: theirs.count,
          example: `“${name}”`,
        }),
        clause: CLAUSE,
        sheet: table.sheet,
        cell: cellOf(
          table,
          row,
          (table.columns as Record<string, number | undefined>).category ? "category" : "name",
        ),
        row,
        data: {
          category: group,
          classes: classesOf(id),
          balance: 0,
          ledger: toFen(theirs.value),
          lines: theirs.count,
        },
      });
    }
  }
  if (unclassified.count > 0 && unclassified.first) {
    const { table, row } = unclassified.first;
    findings.push({
      rule: "finance/fixed-asset-category-unknown",
      severity: "info",
      message: t(MSG.unclassifiedLedger, { count: unclassified.count, sum: money(unclassified.value) }),
      clause: CLAUSE,
      sheet: table.sheet,
      cell: cellOf(
        table,
        row,
        (table.columns as Record<string, number | undefined>).category ? "category" : "name",
      ),
      row,
      data: { lines: unclassified.count, value: toFen(unclassified.value) },
    });
  }
  return findings;
}

/** The fixed-asset account check as the apps run it (三(四)3). */
export const fixedAssetAccountCheck: Check = {
  id: "finance/fixed-asset-account",
  title: tr("固定资产账实核对", "Fixed-asset account vs ledger"),
  kinds: [fixedAssetAccount],
  run: checkFixedAssetAccount,
};
