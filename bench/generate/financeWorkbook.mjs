/**
 * A seeded finance workbook for the end-to-end check benchmark (scenario check-e2e): `rows` data rows
 * in two 10-column tables, half a cash journal (现金日记账) and half a term's charges (收费明细), beside a
 * small settings sheet (设置) and the approved fee schedule (收费标准). It is in order but for errors
 * planted at known cells, which both houqin and the pandas baseline must find:
 *
 * - `finance/cash-balance-mismatch`: a written balance off by ¥0.01–¥99.99 (carried on, as a clerk
 *   would, so only its own row is out): one in 1,000 journal rows, at least one;
 * - `finance/unapproved-fee`: a charge for an item not in the schedule (资料费, 补课费): one in 2,000
 *   charges, at least one;
 * - `finance/over-standard`: a charge above its standard: one in 2,000 charges, at least one.
 *
 * The journal is otherwise clean by houqin's other cash rules: each school day starts with a
 * withdrawal (提取现金) that covers the day's payments, the day's receipts are banked (送存银行) at its
 * end, every row carries its balance, the cash on hand ends each day at ¥3,000 (the limit is ¥5,000),
 * and the 现收/现付/银付 vouchers run without gaps within a month. Charges are dated after the fees
 * were publicised. Written with exceljs's streaming writer (shared strings and styles, as Excel does).
 *
 * Usage as a script: node financeWorkbook.mjs OUT.xlsx ROWS [SEED]
 */
import { createRandom, primaryClasses, studentName } from "@houqin/samples";
import ExcelJS from "exceljs";

const DAY_MS = 86_400_000;
/** The cash journal covers the school days (weekdays) of 2023; charges the autumn term. */
const YEAR_START = Date.UTC(2023, 0, 2);
const TERM_START = Date.UTC(2023, 8, 1);
const TERM_END = Date.UTC(2023, 11, 29);
/** The fees were publicised before the term. */
const PUBLICISED = Date.UTC(2023, 7, 25);
/** Cash on hand at the end of every day, and the limit set in 设置. */
const OPENING_FEN = 300_000;
const LIMIT_YUAN = 5000;

/** The approved fees (yuan). */
const FEES = [
  { item: "课后服务费", standard: 600, unit: "元/生·学期", document: "示例区发改〔2023〕18号" },
  { item: "午餐费", standard: 1300, unit: "元/生·学期", document: "示例区教育局〔2023〕21号" },
  { item: "校服费（代收）", standard: 260, unit: "元/套", document: "家委会议定，区教育局备案" },
  { item: "作业本费", standard: 24, unit: "元/生·学期", document: "示例区发改〔2022〕9号" },
  { item: "研学实践费", standard: 150, unit: "元/生·次", document: "示例区教育局〔2023〕30号" },
];
const UNAPPROVED = ["资料费", "补课费"];

const CASH_HEADER = [
  "日期",
  "凭证号",
  "摘要",
  "对方科目",
  "收入",
  "支出",
  "余额",
  "经办人",
  "附件张数",
  "备注",
];
const CHARGES_HEADER = [
  "序号",
  "班级",
  "学生姓名",
  "学号",
  "收费项目",
  "金额",
  "收费日期",
  "票据号",
  "缴费方式",
  "经手人",
];
const SPEND = [
  ["购买办公用品", "商品和服务支出/办公费"],
  ["报销市内交通费", "商品和服务支出/差旅费"],
  ["支付快递费", "商品和服务支出/邮电费"],
  ["购买清洁用品", "商品和服务支出/办公费"],
  ["支付水管维修费", "商品和服务支出/维修（护）费"],
  ["购买打印纸", "商品和服务支出/印刷费"],
  ["报销邮寄费", "商品和服务支出/邮电费"],
];
const TAKINGS = [
  ["收取复印费", "其他收入"],
  ["收取场地使用费", "其他收入"],
  ["收回个人借款", "其他应收款"],
];
const CLERKS = ["王会计", "李出纳", "张老师", "陈主任"];
const METHODS = ["微信", "支付宝", "银行转账", "现金"];

/** Weekdays from `from` to `to` (UTC ms), at most `limit` of them, evenly spread. */
function schoolDays(from, to, limit) {
  const all = [];
  for (let t = from; t <= to; t += DAY_MS) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) all.push(t);
  }
  if (all.length <= limit) return all;
  return Array.from({ length: limit }, (_, i) => all[Math.floor((i * all.length) / limit)]);
}

/** A Date at UTC midnight, written as a date cell. */
const dateOf = (t) => new Date(t);
const yuan = (fen) => fen / 100;

/**
 * Writes the workbook.
 *
 * @param {string} file - the .xlsx to write
 * @param {{ rows: number, seed: number }} options - data rows in all (half journal, half charges) and the seed
 * @returns {Promise<{ file: string, rows: number, cashRows: number, chargeRows: number, planted: Record<string, string[]> }>}
 *   the planted findings by rule, as "sheet!cell"
 */
export async function writeFinanceWorkbook(file, { rows, seed }) {
  const random = createRandom(seed);
  const cashRows = Math.max(8, Math.floor(rows / 2));
  const chargeRows = Math.max(4, rows - cashRows);
  const planted = {
    "finance/cash-balance-mismatch": [],
    "finance/unapproved-fee": [],
    "finance/over-standard": [],
  };

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  wb.creator = "houqin bench";
  wb.created = new Date(Date.UTC(2024, 0, 31));
  wb.modified = wb.created;

  const settings = wb.addWorksheet("设置");
  settings.columns = [{ width: 16 }, { width: 24 }];
  for (const r of [
    ["设置项", "值"],
    ["学校名称", "示例市实验小学"],
    ["第一学期开始", "2023-09-01"],
    ["第一学期结束", "2024-01-26"],
    ["库存现金限额", LIMIT_YUAN],
    ["预算年度", 2023],
  ])
    settings.addRow(r).commit();
  await settings.commit();

  // --- The cash journal: a title row, the header, the carry row, then the days. ---
  const cash = wb.addWorksheet("现金日记账");
  cash.columns = [12, 10, 18, 24, 12, 12, 12, 10, 10, 14].map((width) => ({ width }));
  cash.addRow(["库存现金日记账（2023年）"]).commit();
  const header = cash.addRow(CASH_HEADER);
  header.font = { bold: true };
  header.commit();
  let rowNo = 3;
  cash.addRow([null, null, "上年结转", null, null, null, yuan(OPENING_FEN)]).commit();

  // Days: about 8 entries a day at least, at most a school year of days.
  const entries = cashRows - 1;
  const days = schoolDays(YEAR_START, YEAR_START + 370 * DAY_MS, Math.max(1, Math.floor(entries / 8)));
  const mismatches = Math.max(1, Math.round(cashRows / 1000));
  const plantAt = new Set();
  while (plantAt.size < mismatches) plantAt.add(random.int(0, entries - 1));
  let entry = 0;
  let balance = OPENING_FEN;
  let drift = 0;
  let month = -1;
  const serial = { 现收: 0, 现付: 0, 银付: 0 };
  const dateFmt = "yyyy-mm-dd";
  const writeEntry = (t, series, summary, account, receipt, payment) => {
    if (plantAt.has(entry)) {
      // Off by up to ¥99.99, alternately up and down, so the cash on hand stays near ¥3,000.
      const off = (drift > 0 ? -1 : 1) * random.int(1, 9999);
      drift += off;
      balance += off;
      planted["finance/cash-balance-mismatch"].push(`现金日记账!G${rowNo + 1}`);
    }
    entry++;
    balance += receipt - payment;
    const row = cash.addRow([
      dateOf(t),
      `${series}${++serial[series]}`,
      summary,
      account,
      receipt ? yuan(receipt) : null,
      payment ? yuan(payment) : null,
      yuan(balance),
      random.pick(CLERKS),
      random.int(1, 5),
      random.chance(0.2) ? "附发票" : null,
    ]);
    row.getCell(1).numFmt = dateFmt;
    row.commit();
    rowNo++;
  };
  for (let d = 0; d < days.length; d++) {
    const t = days[d];
    const m = new Date(t).getUTCMonth();
    if (m !== month) {
      month = m;
      serial.现收 = 0;
      serial.现付 = 0;
      serial.银付 = 0;
    }
    // This day's share of the entries: a withdrawal, the movements, a deposit when cash came in.
    const count = Math.floor(((d + 1) * entries) / days.length) - Math.floor((d * entries) / days.length);
    const middle = [];
    for (let i = 0; i < count - 2; i++) {
      if (random.chance(0.3)) {
        const [summary, account] = random.pick(TAKINGS);
        middle.push({ summary, account, receipt: random.int(2000, 50000), payment: 0 });
      } else {
        const [summary, account] = random.pick(SPEND);
        middle.push({ summary, account, receipt: 0, payment: random.int(1000, 80000) });
      }
    }
    const taken = middle.reduce((s, e) => s + e.receipt, 0);
    const spent = middle.reduce((s, e) => s + e.payment, 0);
    // The last entry: the day's takings banked, or one more purchase when nothing came in.
    const last =
      taken > 0
        ? { summary: "送存银行", account: "银行存款", receipt: 0, payment: taken, series: "现付" }
        : {
            summary: SPEND[0][0],
            account: SPEND[0][1],
            receipt: 0,
            payment: random.int(1000, 80000),
            series: "现付",
          };
    const withdrawal = spent + (taken > 0 ? 0 : last.payment);
    if (count >= 2) writeEntry(t, "银付", "提取现金", "银行存款", withdrawal, 0);
    for (const e of middle)
      writeEntry(t, e.receipt ? "现收" : "现付", e.summary, e.account, e.receipt, e.payment);
    if (count >= 1) writeEntry(t, last.series, last.summary, last.account, last.receipt, last.payment);
  }
  await cash.commit();

  // --- The fee schedule. ---
  const schedule = wb.addWorksheet("收费标准");
  schedule.columns = [16, 12, 12, 26, 12].map((width) => ({ width }));
  schedule.addRow(["收费项目", "收费标准", "计费单位", "批准文件", "公示日期"]).commit();
  for (const fee of FEES) {
    const row = schedule.addRow([fee.item, fee.standard, fee.unit, fee.document, dateOf(PUBLICISED)]);
    row.getCell(5).numFmt = dateFmt;
    row.commit();
  }
  await schedule.commit();

  // --- The charges: a title row, the header, then the term's charges. ---
  const charges = wb.addWorksheet("收费明细");
  charges.columns = [8, 10, 10, 12, 16, 10, 12, 12, 10, 10].map((width) => ({ width }));
  charges.addRow(["2023学年第一学期学生收费明细"]).commit();
  const chargesHeader = charges.addRow(CHARGES_HEADER);
  chargesHeader.font = { bold: true };
  chargesHeader.commit();
  const termDays = schoolDays(TERM_START, TERM_END, 1000);
  const classes = primaryClasses(8);
  const each = Math.max(1, Math.round(chargeRows / 2000));
  const wrong = new Map();
  while (wrong.size < 2 * each) {
    const at = random.int(0, chargeRows - 1);
    if (!wrong.has(at)) wrong.set(at, wrong.size < each ? "unapproved" : "over");
  }
  for (let i = 0; i < chargeRows; i++) {
    const r = i + 3;
    const fee = random.pick(FEES);
    let item = fee.item;
    let amount = fee.standard;
    const kind = wrong.get(i);
    if (kind === "unapproved") {
      item = random.pick(UNAPPROVED);
      amount = 50;
      planted["finance/unapproved-fee"].push(`收费明细!E${r}`);
    } else if (kind === "over") {
      amount = fee.standard + random.int(1, 100);
      planted["finance/over-standard"].push(`收费明细!F${r}`);
    }
    const row = charges.addRow([
      i + 1,
      random.pick(classes),
      studentName(random),
      `S${String(random.int(1, 3000)).padStart(6, "0")}`,
      item,
      amount,
      dateOf(random.pick(termDays)),
      `No.${String(2023000000 + i + 1)}`,
      random.pick(METHODS),
      random.pick(CLERKS),
    ]);
    row.getCell(6).numFmt = "#,##0.00";
    row.getCell(7).numFmt = dateFmt;
    row.commit();
  }
  await charges.commit();
  await wb.commit();
  for (const list of Object.values(planted)) list.sort();
  return { file, rows: cashRows + chargeRows, cashRows, chargeRows, planted };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, rows, seed] = process.argv.slice(2);
  if (!file || !rows) {
    console.error("usage: node financeWorkbook.mjs OUT.xlsx ROWS [SEED]");
    process.exit(2);
  }
  const result = await writeFinanceWorkbook(file, { rows: Number(rows), seed: Number(seed ?? 20230901) });
  console.log(
    JSON.stringify({
      ...result,
      planted: Object.fromEntries(Object.entries(result.planted).map(([k, v]) => [k, v.length])),
    }),
  );
}
