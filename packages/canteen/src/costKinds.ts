import type { Bilingual } from "@houqin/core";
import { cells, defineTableKind, field } from "@houqin/workbook";

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/**
 * `canteen.stock`: the canteen's monthly stocktake (库存盘点, 三(三)5): per month, the value of the food in
 * store at its start (月初库存) and at its end (月末库存), who counted it and when. The month is
 * "YYYY-MM". A table may give only 月末库存:
 * a month's opening is then the previous month's closing. Several rows of one month (one per store
 * or per item) are added together.
 *
 * @example
 * const counts = ctx.tablesOf(stock); // rows: { month: "2023-11", opening?, closing?, countedBy?, countedOn? }
 */
export const stock = defineTableKind({
  id: "canteen.stock",
  title: t("库存盘点", "Stock count"),
  sheetHints: ["库存", "盘点", "结存", "stock"],
  fields: {
    month: field({
      title: t("月份", "Month"),
      synonyms: [
        "月份",
        "盘点月份",
        "结算月份",
        "所属月份",
        "会计期间",
        "期间",
        "年月",
        "月度",
        "月",
        "month",
        "period",
      ],
      required: true,
      schema: cells.month(),
    }),
    opening: field({
      title: t("月初库存", "Opening stock"),
      synonyms: [
        "月初库存",
        "月初库存金额",
        "期初库存",
        "期初库存金额",
        "月初结存",
        "期初结存",
        "上月结存",
        "上月库存",
        "opening stock",
        "opening",
      ],
      required: false,
      schema: cells.nonNegativeMoney(),
    }),
    closing: field({
      title: t("月末库存", "Closing stock"),
      synonyms: [
        "月末库存",
        "月末库存金额",
        "期末库存",
        "期末库存金额",
        "月末结存",
        "期末结存",
        "本月结存",
        "库存金额",
        "结存金额",
        "closing stock",
        "closing",
      ],
      required: false,
      schema: cells.nonNegativeMoney(),
    }),
    countedBy: field({
      title: t("盘点人", "Counted by"),
      synonyms: ["盘点人", "盘点人员", "盘点人签字", "监盘人", "counted by"],
      required: false,
      schema: cells.text(),
    }),
    countedOn: field({
      title: t("盘点日期", "Counted on"),
      synonyms: ["盘点日期", "盘点时间", "counted on", "count date"],
      required: false,
      schema: cells.date(),
    }),
  },
});
