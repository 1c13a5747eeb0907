import { type Bilingual, normalizeText } from "@houqin/core";
import { type CellIssueParams, type CellSchema, cells, defineTableKind, field } from "@houqin/workbook";
import { z } from "zod";

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** Money in on a statement's direction column: 贷 (the bank owes the school more), 收, 转入… */
const IN_RE = /^(贷|贷方|收|收入|入|转入|存入|来账|c|cr|credit|in)$/i;
/** Money out: 借, 支, 转出… */
const OUT_RE = /^(借|借方|支|支出|出|转出|支取|往账|付|付款|d|dr|debit|out)$/i;

/** A statement's direction (借贷标志): +1 for money in (贷), −1 for money out (借). */
function directionCell(): CellSchema<1 | -1> {
  return cells.text().transform((text, ctx) => {
    const plain = normalizeText(text).replace(/\s+/g, "");
    if (IN_RE.test(plain)) return 1 as const;
    if (OUT_RE.test(plain)) return -1 as const;
    const message = t(
      `“${text}”不是可识别的借贷方向（对账单上“贷”为收入、“借”为支出）`,
      `"${text}" is not a direction houqin can read (on a bank statement 贷 is money in and 借 money out)`,
    );
    const params: CellIssueParams = { houqin: true, code: "not-a-direction", message };
    ctx.addIssue({ code: "custom", message: message.en, params: { ...params } });
    return z.NEVER;
  });
}

/**
 * `finance.bank-journal`: the school's bank journal (银行存款日记账, 三(四)3), one row per receipt (借方,
 * 收入) or payment (贷方, 支出) booked to the bank account, with the settlement reference (结算号, 票据号)
 * and the running balance (余额).
 *
 * As in a hand-kept ledger, only 摘要 is required of a row: a day's entries may write the date once (a row
 * without a date is on the date above it), and rows such as 承前页, 过次页 or 期初余额 carry the balance
 * alone. A sheet is read as one when it has a 结算号 or 结算方式 column, or its name says so (银行存款日记账);
 * other ledgers with 借方/贷方/余额 (the cash journal) look the same.
 *
 * @example
 * const journals = ctx.tablesOf(bankJournal); // rows: { summary, date?, voucher?, reference?, debit?, credit?, balance? }
 */
export const bankJournal = defineTableKind({
  id: "finance.bank-journal",
  title: t("银行存款日记账", "Bank journal"),
  sheetHints: [
    "银行存款日记账",
    "银行存款日记帐",
    "银行日记账",
    "银行日记帐",
    "存款日记账",
    "银行存款",
    "银行账",
    "银行帐",
    "bank journal",
    "bank book",
  ],
  requiresOneOf: ["reference", "method"],
  fields: {
    date: field({
      title: t("日期", "Date"),
      synonyms: ["日期", "记账日期", "业务日期", "凭证日期", "入账日期", "年月日", "date"],
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
        "voucher",
        "voucher no",
        "voucher number",
      ],
      required: false,
      schema: cells.text(),
    }),
    summary: field({
      title: t("摘要", "Summary"),
      synonyms: ["摘要", "摘要说明", "业务摘要", "事由", "summary", "description", "particulars", "memo"],
      required: true,
      schema: cells.text(),
    }),
    method: field({
      title: t("结算方式", "Settlement"),
      synonyms: [
        "结算方式",
        "结算凭证种类",
        "结算凭证",
        "票据种类",
        "结算种类",
        "settlement",
        "payment method",
      ],
      required: false,
      schema: cells.text(),
    }),
    reference: field({
      title: t("结算号", "Reference"),
      synonyms: [
        "结算号",
        "结算号码",
        "结算凭证号",
        "结算凭证号码",
        "结算单据号",
        "票据号",
        "票据号码",
        "支票号",
        "支票号码",
        "参考号",
        "reference",
        "ref",
        "cheque no",
        "check no",
      ],
      required: false,
      schema: cells.text(),
    }),
    debit: field({
      title: t("借方", "Debit (in)"),
      synonyms: [
        "借方",
        "借方金额",
        "收入",
        "收入金额",
        "收入借方",
        "借方收入",
        "银行存款收入",
        "存入",
        "debit",
        "receipts",
        "money in",
      ],
      required: false,
      schema: cells.money(),
    }),
    credit: field({
      title: t("贷方", "Credit (out)"),
      synonyms: [
        "贷方",
        "贷方金额",
        "支出",
        "支出金额",
        "支出贷方",
        "贷方支出",
        "银行存款支出",
        "付出",
        "credit",
        "payments",
        "money out",
      ],
      required: false,
      schema: cells.money(),
    }),
    balance: field({
      title: t("余额", "Balance"),
      synonyms: ["余额", "结余", "结存", "余额金额", "账面余额", "银行存款余额", "balance"],
      required: false,
      schema: cells.money(),
    }),
  },
});

/**
 * `finance.bank-statement`: the bank's statement of the account (银行对账单), one row per transaction
 * as the bank records it. On a statement 贷方 is money in to the school and 借方 money out: receipts
 * (收入, 贷方发生额) and payments (支出, 借方发生额) in two columns, or one 交易金额 column, signed or with a
 * 借贷标志 column. A sheet is read as one when it has a 流水号 or 对方户名 column, or its name says so
 * (对账单, 银行流水).
 *
 * @example
 * const statements = ctx.tablesOf(bankStatement); // rows: { date, summary?, receipt?, payment?, amount?, direction?, balance?, reference? }
 */
export const bankStatement = defineTableKind({
  id: "finance.bank-statement",
  title: t("银行对账单", "Bank statement"),
  sheetHints: ["银行对账单", "对账单", "银行流水", "交易明细", "账户明细", "bank statement", "statement"],
  requiresOneOf: ["reference", "counterparty"],
  fields: {
    date: field({
      title: t("交易日期", "Date"),
      synonyms: [
        "交易日期",
        "日期",
        "记账日期",
        "入账日期",
        "交易时间",
        "发生日期",
        "date",
        "transaction date",
        "value date",
      ],
      required: true,
      schema: cells.date(),
    }),
    summary: field({
      title: t("摘要", "Summary"),
      synonyms: ["摘要", "交易摘要", "用途", "附言", "交易用途", "summary", "description", "narrative"],
      required: false,
      schema: cells.text(),
    }),
    receipt: field({
      title: t("收入", "Money in"),
      synonyms: [
        "收入",
        "收入金额",
        "贷方发生额",
        "贷方金额",
        "贷方",
        "存入",
        "存入金额",
        "转入金额",
        "来账金额",
        "credit",
        "credit amount",
        "deposit",
        "money in",
      ],
      required: false,
      schema: cells.money(),
    }),
    payment: field({
      title: t("支出", "Money out"),
      synonyms: [
        "支出",
        "支出金额",
        "借方发生额",
        "借方金额",
        "借方",
        "支取",
        "支取金额",
        "转出金额",
        "往账金额",
        "debit",
        "debit amount",
        "withdrawal",
        "money out",
      ],
      required: false,
      schema: cells.money(),
    }),
    amount: field({
      title: t("交易金额", "Amount"),
      synonyms: ["交易金额", "发生额", "发生金额", "amount", "transaction amount"],
      required: false,
      schema: cells.money(),
    }),
    direction: field({
      title: t("借贷标志", "Direction"),
      synonyms: ["借贷标志", "借贷方向", "借贷", "收支方向", "收支标志", "交易方向", "direction", "dr/cr"],
      required: false,
      schema: directionCell(),
    }),
    balance: field({
      title: t("余额", "Balance"),
      synonyms: ["余额", "账户余额", "交易后余额", "可用余额", "balance"],
      required: false,
      schema: cells.money(),
    }),
    reference: field({
      title: t("流水号", "Reference"),
      synonyms: [
        "流水号",
        "交易流水号",
        "银行流水号",
        "交易参考号",
        "参考号",
        "交易编号",
        "业务编号",
        "票据号",
        "票据号码",
        "支票号",
        "reference",
        "ref",
        "transaction id",
      ],
      required: false,
      schema: cells.text(),
    }),
    counterparty: field({
      title: t("对方户名", "Counterparty"),
      synonyms: [
        "对方户名",
        "对方账户名称",
        "对方账户名",
        "对方单位",
        "对方单位名称",
        "对方名称",
        "对方账号",
        "收付款人",
        "counterparty",
        "payee",
      ],
      required: false,
      schema: cells.text(),
    }),
  },
});
