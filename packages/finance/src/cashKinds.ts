import type { Bilingual } from "@houqin/core";
import { cells, defineTableKind, field } from "@houqin/workbook";

/** Headers of goods, not money: a stock ledger's 结存数量 is not a cash balance. */
const QUANTITY_WORDS = ["数量", "件数", "重量"];

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/**
 * `finance.cash-journal`: the cash journal (现金日记账, 三(四)3 日清月结), one row per cash receipt or
 * payment in the order they were booked, with the running balance (余额).
 *
 * Only 摘要 is required of a row: a ledger writes the date once for a day's entries (a row without a
 * date is on the date above it), and carries the balance on rows such as 承前页, 过次页, 上年结转 or
 * 期初余额 that have no date and no amounts of their own. For a cash account, 借方 is a receipt and
 * 贷方 a payment. A sheet is read as one only when it has a 余额 or a 收入 column, or its name says so
 * (现金日记账).
 *
 * @example
 * const journals = ctx.tablesOf(cashJournal); // rows: { summary, date?, voucher?, receipt?, payment?, balance? }
 */
export const cashJournal = defineTableKind({
  id: "finance.cash-journal",
  title: t("现金日记账", "Cash journal"),
  sheetHints: [
    "现金日记账",
    "现金日记帐",
    "现金账",
    "现金帐",
    "库存现金",
    "现金流水",
    "cash journal",
    "cash book",
  ],
  // A list of payments alone (日期, 凭证号, 摘要, 支出金额) is an expense list, not a cash journal.
  requiresOneOf: ["balance", "receipt"],
  fields: {
    date: field({
      title: t("日期", "Date"),
      synonyms: ["日期", "记账日期", "业务日期", "凭证日期", "发生日期", "年月日", "date"],
      required: false,
      schema: cells.date(),
    }),
    voucher: field({
      title: t("凭证号", "Voucher no."),
      synonyms: [
        "凭证号",
        "凭证字号",
        "凭证号数",
        "凭证编号",
        "凭证号码",
        "记账凭证号",
        "凭证",
        "voucher",
        "voucher no",
        "voucher number",
      ],
      required: false,
      schema: cells.text(),
    }),
    summary: field({
      title: t("摘要", "Summary"),
      synonyms: [
        "摘要",
        "摘要说明",
        "事由",
        "业务摘要",
        "内容",
        "summary",
        "description",
        "particulars",
        "memo",
      ],
      required: true,
      schema: cells.text(),
    }),
    receipt: field({
      title: t("收入", "Receipts"),
      synonyms: [
        "收入",
        "收入金额",
        "借方",
        "借方金额",
        "收入借方",
        "借方收入",
        "现金收入",
        "收款",
        "收款金额",
        "收入额",
        "receipts",
        "receipt",
        "debit",
        "cash in",
      ],
      excludes: QUANTITY_WORDS,
      required: false,
      schema: cells.money(),
    }),
    payment: field({
      title: t("支出", "Payments"),
      synonyms: [
        "支出",
        "支出金额",
        "贷方",
        "贷方金额",
        "支出贷方",
        "贷方支出",
        "现金支出",
        "付款",
        "付款金额",
        "支出额",
        "payments",
        "payment",
        "credit",
        "cash out",
      ],
      excludes: QUANTITY_WORDS,
      required: false,
      schema: cells.money(),
    }),
    balance: field({
      title: t("余额", "Balance"),
      synonyms: [
        "余额",
        "结余",
        "结存",
        "余额金额",
        "结余金额",
        "结存金额",
        "现金余额",
        "库存现金余额",
        "balance",
      ],
      excludes: QUANTITY_WORDS,
      required: false,
      schema: cells.money(),
    }),
  },
});

/**
 * `finance.cash-count`: the daily count of cash on hand (库存现金盘点, 日清): the date and the amount
 * counted (实存), optionally the book balance the counter wrote beside it and who counted.
 *
 * @example
 * const counts = ctx.tablesOf(cashCount); // rows: { date, counted, book?, countedBy? }
 */
export const cashCount = defineTableKind({
  id: "finance.cash-count",
  title: t("现金盘点", "Cash count"),
  sheetHints: ["现金盘点", "库存现金盘点", "现金清点", "cash count"],
  // A stocktake of goods (账面数, 实存数) is not a cash count: on a sheet not named for cash, the
  // count needs the book balance beside it.
  requiresOneOf: ["book"],
  fields: {
    date: field({
      title: t("盘点日期", "Date"),
      synonyms: ["盘点日期", "清点日期", "盘点时间", "日期", "date", "count date", "counted on"],
      required: true,
      schema: cells.date(),
    }),
    counted: field({
      title: t("实存金额", "Counted"),
      synonyms: [
        "实存金额",
        "实有金额",
        "库存现金实有数",
        "现金实有数",
        "实盘金额",
        "实点金额",
        "清点金额",
        "实存现金",
        "counted",
        "counted amount",
        "cash counted",
        "actual",
      ],
      required: true,
      schema: cells.nonNegativeMoney(),
    }),
    book: field({
      title: t("账面余额", "Book balance"),
      synonyms: ["账面余额", "帐面余额", "账存金额", "日记账余额", "book", "book balance"],
      required: false,
      schema: cells.money(),
    }),
    countedBy: field({
      title: t("盘点人", "Counted by"),
      synonyms: ["盘点人", "清点人", "出纳", "监盘人", "盘点人员", "counted by"],
      required: false,
      schema: cells.text(),
    }),
  },
});
