import type { Bilingual } from "@houqin/core";
import { cells, defineTableKind, field } from "@houqin/workbook";

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

const CODE = [
  "经济分类编码",
  "经济分类代码",
  "经济科目编码",
  "科目编码",
  "科目代码",
  "分类编码",
  "分类代码",
  "编码",
  "代码",
  "economic code",
  "code",
];
const CLASSIFICATION = [
  "经济分类",
  "支出经济分类",
  "部门预算支出经济分类",
  "政府预算支出经济分类",
  "经济分类科目",
  "经济科目",
  "经济分类名称",
  "类款",
  "支出类别",
  "类别",
  "economic classification",
  "classification",
];
const LINE = [
  "预算项目",
  "预算科目",
  "预算明细",
  "项目名称",
  "支出项目",
  "科目名称",
  "明细科目",
  "预算项目名称",
  "项目",
  "budget line",
  "line",
];

/**
 * `finance.budget`: the school's annual budget (部门预算, 三(四)3 严格执行财务预算制度): one row per
 * budget line, with its economic classification (支出经济分类, e.g. 302 商品和服务支出 / 30201
 * 办公费) and the year's amount. A column 调整后预算 is read in preference to 年初预算.
 *
 * A row whose code heads the codes of other rows (302 above 30201, 30202) is a classification row:
 * its amount is the classification's budget, not another line.
 *
 * @example
 * for (const { values } of ctx.tablesOf(budget)[0]?.rows ?? []) values.budget // 12000000 (fen)
 */
export const budget = defineTableKind({
  id: "finance.budget",
  title: t("年度预算", "Annual budget"),
  sheetHints: ["预算", "budget"],
  fields: {
    code: field({ title: t("科目编码", "Code"), synonyms: CODE, required: false, schema: cells.text() }),
    classification: field({
      title: t("经济分类", "Economic classification"),
      synonyms: CLASSIFICATION,
      required: false,
      schema: cells.text(),
    }),
    line: field({
      title: t("预算项目", "Budget line"),
      synonyms: LINE,
      required: true,
      schema: cells.text(),
    }),
    budget: field({
      title: t("年度预算", "Annual budget"),
      synonyms: [
        "调整后预算",
        "调整后预算数",
        "年度预算",
        "全年预算",
        "年初预算",
        "预算金额",
        "预算数",
        "批复预算",
        "批复数",
        "预算",
        "annual budget",
        "budget",
      ],
      required: true,
      schema: cells.nonNegativeMoney(),
    }),
  },
});

/**
 * `finance.expenses`: spending as booked (支出明细, 报销登记), each with the budget line or economic
 * classification it is charged to (收支两条线: spending only through the budget).
 *
 * Recognised when it has a voucher, line, classification or code column, or a sheet name such as
 * 支出明细, so that any table of dates and amounts is not taken for it.
 *
 * @example
 * for (const { values } of ctx.tablesOf(expenses)[0]?.rows ?? []) values.amount // 35000 (fen)
 */
export const expenses = defineTableKind({
  id: "finance.expenses",
  title: t("支出明细", "Expenses"),
  sheetHints: ["支出", "报销", "经费使用", "expenses", "expenditure"],
  requiresOneOf: ["voucher", "line", "classification", "code"],
  fields: {
    date: field({
      title: t("支出日期", "Date"),
      synonyms: ["支出日期", "付款日期", "报销日期", "记账日期", "凭证日期", "日期", "date", "paid on"],
      required: true,
      schema: cells.date(),
    }),
    voucher: field({
      title: t("凭证号", "Voucher no."),
      synonyms: ["凭证号", "凭证编号", "记账凭证号", "凭证字号", "凭证号码", "voucher", "voucher no"],
      required: false,
      schema: cells.text(),
    }),
    summary: field({
      title: t("摘要", "Description"),
      synonyms: ["摘要", "用途", "事由", "支出内容", "说明", "description", "memo"],
      required: false,
      schema: cells.text(),
    }),
    code: field({ title: t("科目编码", "Code"), synonyms: CODE, required: false, schema: cells.text() }),
    classification: field({
      title: t("经济分类", "Economic classification"),
      synonyms: CLASSIFICATION,
      required: false,
      schema: cells.text(),
    }),
    line: field({
      title: t("预算项目", "Budget line"),
      synonyms: LINE,
      required: false,
      schema: cells.text(),
    }),
    amount: field({
      title: t("支出金额", "Amount"),
      synonyms: [
        "支出金额",
        "报销金额",
        "付款金额",
        "支付金额",
        "实付金额",
        "发生额",
        "金额",
        "amount",
        "amount paid",
      ],
      required: true,
      schema: cells.money(),
    }),
  },
});

/**
 * `finance.income`: income received and when it went to the bank (收入登记, 收入送存登记; 收支两条线:
 * all income deposited in full, the same day by 《现金管理暂行条例》).
 *
 * Recognised when it has a deposit column (送存日期 or 送存金额), or a sheet name such as 收入登记.
 *
 * @example
 * for (const { values } of ctx.tablesOf(income)[0]?.rows ?? []) values.depositedOn // "2023-09-04"
 */
export const income = defineTableKind({
  id: "finance.income",
  title: t("收入登记", "Income"),
  sheetHints: ["收入登记", "收入送存", "收入明细", "送存", "income"],
  requiresOneOf: ["depositedOn", "depositedAmount"],
  fields: {
    date: field({
      title: t("收入日期", "Received on"),
      synonyms: ["收入日期", "收款日期", "收到日期", "取得日期", "日期", "received on", "date"],
      required: true,
      schema: cells.date(),
    }),
    source: field({
      title: t("收入来源", "Source"),
      synonyms: [
        "收入来源",
        "款项来源",
        "收入项目",
        "收入类别",
        "缴款单位",
        "缴款人",
        "交款人",
        "付款单位",
        "来源",
        "摘要",
        "source",
        "from",
      ],
      required: false,
      schema: cells.text(),
    }),
    amount: field({
      title: t("收入金额", "Amount"),
      synonyms: ["收入金额", "收款金额", "实收金额", "金额", "amount", "amount received"],
      required: true,
      schema: cells.nonNegativeMoney(),
    }),
    receipt: field({
      title: t("票据号", "Receipt no."),
      synonyms: ["票据号", "票据号码", "收据号", "收据编号", "凭证号", "receipt", "receipt no"],
      required: false,
      schema: cells.text(),
    }),
    depositedOn: field({
      title: t("送存日期", "Deposited on"),
      synonyms: [
        "送存日期",
        "送存银行日期",
        "存入日期",
        "存银行日期",
        "缴存日期",
        "解缴日期",
        "上缴日期",
        "缴库日期",
        "送存时间",
        "deposited on",
        "deposited",
        "banked on",
      ],
      required: false,
      schema: cells.date(),
    }),
    depositedAmount: field({
      title: t("送存金额", "Amount deposited"),
      synonyms: ["送存金额", "存入金额", "缴存金额", "解缴金额", "上缴金额", "amount deposited", "banked"],
      required: false,
      schema: cells.nonNegativeMoney(),
    }),
  },
});
