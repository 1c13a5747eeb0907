import { type Bilingual, type Fen, multiplyFen } from "@houqin/core";
import { type CellIssueParams, type CellSchema, cells, defineTableKind, field } from "@houqin/workbook";

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** A quantity that may not be negative (text numbers, full-width digits and units such as "12台" accepted). */
function quantityCell(): CellSchema<number> {
  return cells.number().refine((n) => n >= 0, {
    message: "A quantity cannot be negative",
    params: {
      houqin: true,
      code: "out-of-range",
      message: t("数量不能为负数", "A quantity cannot be negative"),
    } satisfies CellIssueParams,
  });
}

/** A depreciation life in years, above zero. */
function lifeCell(): CellSchema<number> {
  return cells.number().refine((n) => n > 0 && Number.isInteger(n * 12), {
    message: "A depreciation life is a positive number of years (whole months)",
    params: {
      houqin: true,
      code: "out-of-range",
      message: t(
        "折旧年限应为正数（按整月计）",
        "A depreciation life is a positive number of years (whole months)",
      ),
    } satisfies CellIssueParams,
  });
}

const ASSET_NO = [
  "资产编号",
  "资产编码",
  "资产代码",
  "财产编号",
  "卡片编号",
  "资产卡片号",
  "编号",
  "asset no",
  "asset number",
  "tag",
];
const NAME = [
  "资产名称",
  "财产名称",
  "物品名称",
  "设备名称",
  "名称",
  "品名",
  "asset name",
  "name",
  "asset",
  "item",
];
const ROOM = [
  "存放地点",
  "存放位置",
  "存放地",
  "使用地点",
  "所在位置",
  "房间",
  "房间号",
  "位置",
  "地点",
  "教室",
  "room",
  "location",
];
const MODEL = ["规格型号", "型号规格", "型号", "规格", "model", "specification"];

/**
 * `assets.ledger`: the fixed-asset ledger (固定资产台账, 各室财产的配置, 三(二)2): one line per asset
 * or per batch of like assets, with its value, acquisition date and room; optionally the ledger's own
 * accumulated depreciation and net value.
 *
 * Only the name is required: a ledger line's value is its 原值, or else 单价 × 数量 (数量 defaults to 1).
 *
 * @example
 * for (const { values } of ctx.tablesOf(assetLedger)[0]?.rows ?? []) values.name // "台式计算机"
 */
export const assetLedger = defineTableKind({
  id: "assets.ledger",
  title: t("资产台账", "Asset ledger"),
  sheetHints: [
    "资产台账",
    "固定资产",
    "资产明细",
    "资产清单",
    "财产登记",
    "财产台账",
    "asset ledger",
    "assets",
  ],
  fields: {
    assetNo: field({
      title: t("资产编号", "Asset no."),
      synonyms: ASSET_NO,
      required: false,
      schema: cells.text(),
    }),
    name: field({ title: t("资产名称", "Name"), synonyms: NAME, required: true, schema: cells.text() }),
    category: field({
      title: t("资产分类", "Category"),
      synonyms: ["资产分类", "资产类别", "分类名称", "类别名称", "分类", "类别", "category", "class"],
      required: false,
      schema: cells.text(),
    }),
    model: field({ title: t("规格型号", "Model"), synonyms: MODEL, required: false, schema: cells.text() }),
    quantity: field({
      title: t("数量", "Quantity"),
      synonyms: ["数量", "台数", "件数", "套数", "qty", "quantity"],
      required: false,
      schema: quantityCell(),
    }),
    unitPrice: field({
      title: t("单价", "Unit price"),
      synonyms: ["单价", "单位价值", "unit price", "price"],
      required: false,
      schema: cells.nonNegativeMoney(),
    }),
    originalValue: field({
      title: t("原值", "Original value"),
      synonyms: [
        "原值",
        "资产原值",
        "账面原值",
        "价值",
        "金额",
        "总价",
        "总金额",
        "original value",
        "cost",
        "value",
        "amount",
      ],
      required: false,
      schema: cells.nonNegativeMoney(),
    }),
    acquired: field({
      title: t("取得日期", "Acquired on"),
      synonyms: [
        "取得日期",
        "购置日期",
        "入账日期",
        "购入日期",
        "购买日期",
        "取得时间",
        "购置时间",
        "入账时间",
        "acquired",
        "acquired on",
        "purchase date",
      ],
      required: false,
      schema: cells.date(),
    }),
    department: field({
      title: t("使用部门", "Department"),
      synonyms: ["使用部门", "管理部门", "使用单位", "部门", "department"],
      required: false,
      schema: cells.text(),
    }),
    room: field({ title: t("存放地点", "Room"), synonyms: ROOM, required: false, schema: cells.text() }),
    keeper: field({
      title: t("保管人", "Keeper"),
      synonyms: ["保管人", "使用人", "责任人", "领用人", "keeper", "custodian", "user"],
      required: false,
      schema: cells.text(),
    }),
    status: field({
      title: t("使用状况", "Status"),
      synonyms: ["使用状况", "使用状态", "资产状态", "状态", "status"],
      required: false,
      schema: cells.text(),
    }),
    lifeYears: field({
      title: t("折旧年限", "Life (years)"),
      synonyms: ["折旧年限", "使用年限", "预计使用年限", "life", "useful life"],
      required: false,
      schema: lifeCell(),
    }),
    accumulated: field({
      title: t("累计折旧", "Accumulated depreciation"),
      synonyms: ["累计折旧", "累计折旧额", "已提折旧", "accumulated depreciation", "depreciation"],
      required: false,
      schema: cells.money(),
    }),
    netValue: field({
      title: t("净值", "Net value"),
      synonyms: ["账面净值", "资产净值", "净值", "net value", "book value"],
      required: false,
      schema: cells.money(),
    }),
  },
});

/**
 * `assets.stocktake`: a stocktake count (盘点表, 清查表, 三(二)2): what was found in each room, and
 * by whom and when it was counted.
 *
 * @example
 * for (const { values } of ctx.tablesOf(stocktake)[0]?.rows ?? []) values.counted // 38
 */
export const stocktake = defineTableKind({
  id: "assets.stocktake",
  title: t("资产盘点", "Stocktake"),
  sheetHints: ["盘点", "清查", "账物核对", "实物核对", "stocktake", "inventory count"],
  fields: {
    room: field({
      title: t("存放地点", "Room"),
      synonyms: [...ROOM.slice(0, -2), "盘点地点", "清查地点", "room", "location"],
      required: true,
      schema: cells.text(),
    }),
    assetNo: field({
      title: t("资产编号", "Asset no."),
      synonyms: ASSET_NO,
      required: false,
      schema: cells.text(),
    }),
    name: field({ title: t("资产名称", "Name"), synonyms: NAME, required: false, schema: cells.text() }),
    model: field({ title: t("规格型号", "Model"), synonyms: MODEL, required: false, schema: cells.text() }),
    bookQuantity: field({
      title: t("账面数量", "Book quantity"),
      synonyms: ["账面数量", "账存数量", "账载数量", "book quantity"],
      required: false,
      schema: quantityCell(),
    }),
    counted: field({
      title: t("实盘数量", "Counted"),
      synonyms: [
        "实盘数量",
        "盘点数量",
        "实有数量",
        "实存数量",
        "实物数量",
        "清查数量",
        "实盘数",
        "counted",
        "counted quantity",
        // A count sheet headed plainly 数量: told from a ledger by its name (资产盘点表).
        "数量",
      ],
      required: true,
      schema: quantityCell(),
    }),
    unitPrice: field({
      title: t("单价", "Unit price"),
      synonyms: ["单价", "unit price", "price"],
      required: false,
      schema: cells.nonNegativeMoney(),
    }),
    countedBy: field({
      title: t("盘点人", "Counted by"),
      synonyms: ["盘点人", "清查人", "核对人", "盘点人员", "counted by"],
      required: false,
      schema: cells.text(),
    }),
    date: field({
      title: t("盘点日期", "Counted on"),
      synonyms: ["盘点日期", "清查日期", "盘点时间", "核对日期", "counted on", "date"],
      required: false,
      schema: cells.date(),
    }),
  },
});

/** What the value of a ledger line is read from. */
export interface LedgerMoney {
  quantity?: number;
  unitPrice?: Fen;
  originalValue?: Fen;
}

/**
 * The value of a ledger line: its 原值, or else 单价 × 数量 (数量 1 when blank); undefined when the
 * line has neither.
 *
 * @example
 * ledgerLineValue({ quantity: 3, unitPrice: 150000 }) // 450000
 */
export function ledgerLineValue(line: LedgerMoney): Fen | undefined {
  if (line.originalValue !== undefined) return line.originalValue;
  if (line.unitPrice !== undefined) return multiplyFen(line.unitPrice, line.quantity ?? 1);
  return undefined;
}

/**
 * The unit price of a ledger line: its 单价, or else 原值 ÷ 数量 rounded half up to the fen (whole
 * quantities only); undefined when it cannot be known.
 *
 * @example
 * ledgerUnitPrice({ quantity: 3, originalValue: 100000 }) // 33333
 */
export function ledgerUnitPrice(line: LedgerMoney): Fen | undefined {
  if (line.unitPrice !== undefined) return line.unitPrice;
  if (line.originalValue === undefined) return undefined;
  const quantity = line.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity <= 0) return undefined;
  const q = BigInt(quantity);
  return Number((2n * BigInt(line.originalValue) + q) / (2n * q));
}
