import type { IsoDate } from "@houqin/core";
import ExcelJS from "exceljs";
import type { GeneratedWorkbook, PlantedFinding } from "./feeWorkbook.js";
import { utc, writeSheet, yuan as y } from "./sheetWriter.js";

/** Options of {@link generateFinanceWorkbook}. */
export interface FinanceWorkbookOptions {
  /** Plant the finance defects (default true); without them the books are in order. */
  defects?: boolean;
}

/** The sample is checked as of this day (the settings' 检查日期). */
const AS_OF = "2023-12-29";

interface CashEntry {
  date: IsoDate;
  voucher: string | null;
  summary: string;
  receipt: number;
  payment: number;
  /** Leave the balance cell blank. */
  noBalance?: boolean;
  /** Write a balance this many fen off. */
  wrongBy?: number;
}

/**
 * A school's finance workbook for the end of 2023 (三(四)): December's cash journal and counts, the
 * income register, the 2023 budget with a year of expenses, fee publicity, and the fixed-asset
 * account beside the asset ledger — in order, but for the defects planted at known cells.
 *
 * @example
 * const { workbook, planted } = generateFinanceWorkbook();
 * await workbook.xlsx.writeFile("财务管理.xlsx");
 */
export function generateFinanceWorkbook(options: FinanceWorkbookOptions = {}): GeneratedWorkbook {
  const defects = options.defects ?? true;
  const planted: PlantedFinding[] = [];
  const p = (rule: string, sheet: string, cell: string) => planted.push({ rule, sheet, cell });
  const wb = new ExcelJS.Workbook();
  wb.creator = "houqin samples";
  wb.created = utc(AS_OF);
  wb.modified = utc(AS_OF);

  writeSheet(
    wb,
    "设置",
    undefined,
    ["设置项", "值"],
    [
      ["学校名称", "示例市实验小学"],
      ["第一学期开始", "2023-09-01"],
      ["第一学期结束", "2024-01-26"],
      ["检查日期", AS_OF],
      ["库存现金限额", 5000],
      ["预算年度", 2023],
    ],
    [16, 30],
  );

  // --- December's cash journal: spending from cash on hand, receipts banked the same day. ---
  const entries: CashEntry[] = [];
  const weekdays = [
    "2023-12-01",
    "2023-12-04",
    "2023-12-05",
    "2023-12-06",
    "2023-12-07",
    "2023-12-08",
    "2023-12-11",
    "2023-12-12",
    "2023-12-13",
    "2023-12-14",
    "2023-12-15",
    "2023-12-18",
    "2023-12-19",
    "2023-12-20",
    "2023-12-21",
    "2023-12-22",
    "2023-12-25",
    "2023-12-26",
    "2023-12-27",
    "2023-12-28",
  ];
  let receiptNo = 0;
  let paymentNo = 0;
  const spend = [
    "购买办公用品",
    "报销市内交通费",
    "支付快递费",
    "购买清洁用品",
    "支付水管维修费",
    "购买打印纸",
    "报销邮寄费",
  ];
  weekdays.forEach((date, i) => {
    if (i % 5 === 0)
      entries.push({ date, voucher: "银付", summary: "提取现金", receipt: 150000, payment: 0 });
    entries.push({
      date,
      voucher: "现付",
      summary: spend[i % spend.length] as string,
      receipt: 0,
      payment: 12000 + ((i * 3700) % 20000),
    });
    if (i % 4 === 2) {
      entries.push({ date, voucher: "现收", summary: "收取复印费", receipt: 30000, payment: 0 });
      // With the defects, 15 December's takings wait for the next school day to go to the bank.
      if (!(defects && date === "2023-12-15"))
        entries.push({ date, voucher: "现付", summary: "送存银行", receipt: 0, payment: 30000 });
    }
    if (defects && date === "2023-12-18")
      entries.push({ date, voucher: "现付", summary: "送存银行", receipt: 0, payment: 30000 });
  });
  // Number the vouchers: 现收1…, 现付1…; 银付 keeps its bank number.
  let bankNo = 40;
  const rows: ExcelJS.CellValue[][] = [["2023-12-01", null, "上月结转", null, null, y(180000)]];
  const numbered = entries.map((e) => {
    if (e.voucher === "现收") return { ...e, voucher: `现收${++receiptNo}` };
    if (e.voucher === "现付") return { ...e, voucher: `现付${++paymentNo}` };
    return { ...e, voucher: `银付${++bankNo}` };
  });
  const find = (date: IsoDate, summary: string) =>
    numbered.findIndex((e) => e.date === date && e.summary === summary);
  /** The day's spending line. */
  const spendOn = (date: IsoDate) => spend[weekdays.indexOf(date) % spend.length] as string;
  if (defects) {
    // A balance written ¥100.00 too high.
    const wrong = numbered[find("2023-12-06", spendOn("2023-12-06"))];
    if (wrong) wrong.wrongBy = 10000;
    // A day closed without a balance.
    const open = numbered[find("2023-12-12", spendOn("2023-12-12"))];
    if (open) open.noBalance = true;
    // One voucher number skipped (现付8), and one used twice.
    for (const e of numbered)
      if (e.voucher?.startsWith("现付") && Number(e.voucher.slice(2)) >= 8)
        e.voucher = `现付${Number(e.voucher.slice(2)) + 1}`;
    // The month's last payment voucher repeats the one before it (so no number after it is missing).
    const payments = numbered.filter((e) => e.voucher?.startsWith("现付"));
    const dup = payments[payments.length - 1];
    const before = payments[payments.length - 2];
    if (dup && before) dup.voucher = before.voucher;
  }
  let balance = 180000;
  const closing = new Map<IsoDate, number>();
  const rowIndex = new Map<CashEntry, number>();
  for (const e of numbered) {
    // A balance written wrong is carried on, as a clerk would: only its own row is out.
    balance += e.receipt - e.payment + (e.wrongBy ?? 0);
    closing.set(e.date, balance);
    rowIndex.set(e, rows.length);
    rows.push([
      e.date,
      e.voucher,
      e.summary,
      e.receipt ? y(e.receipt) : null,
      e.payment ? y(e.payment) : null,
      e.noBalance ? null : y(balance),
    ]);
  }
  const cash = writeSheet(
    wb,
    "现金日记账",
    "库存现金日记账（2023年12月）",
    ["日期", "凭证号", "摘要", "收入", "支出", "余额"],
    rows,
    [12, 10, 20, 12, 12, 12],
  );
  const cashRow = (date: IsoDate, summary: string) => {
    const e = numbered[find(date, summary)];
    return cash.rowOf(e ? (rowIndex.get(e) ?? 0) : 0);
  };
  if (defects) {
    p("finance/cash-balance-mismatch", cash.sheet, `F${cashRow("2023-12-06", spendOn("2023-12-06"))}`);
    p("finance/cash-day-not-closed", cash.sheet, `F${cashRow("2023-12-12", spendOn("2023-12-12"))}`);
    const payments = numbered.filter((e) => e.voucher?.startsWith("现付"));
    const last = payments[payments.length - 1];
    p("finance/voucher-duplicate", cash.sheet, `B${cash.rowOf(last ? (rowIndex.get(last) ?? 0) : 0)}`);
    p("finance/receipts-not-deposited", cash.sheet, `D${cashRow("2023-12-15", "收取复印费")}`);
    const after = numbered.find((e) => e.voucher === "现付9");
    p("finance/voucher-gap", cash.sheet, `B${cash.rowOf(after ? (rowIndex.get(after) ?? 0) : 0)}`);
  }

  // Daily counts, one short by ¥50.
  const counts = [...closing].map(([date, fen]): ExcelJS.CellValue[] => [
    date,
    y(defects && date === "2023-12-21" ? fen - 5000 : fen),
    "王会计",
  ]);
  const countSheet = writeSheet(
    wb,
    "现金盘点",
    undefined,
    ["盘点日期", "实存金额", "盘点人"],
    counts,
    [12, 12, 10],
  );
  if (defects)
    p(
      "finance/cash-count-mismatch",
      countSheet.sheet,
      `B${countSheet.rowOf(counts.findIndex((c) => c[0] === "2023-12-21"))}`,
    );

  // --- Income: banked the same day, but for one never banked and one three days late. ---
  const incomeRows: ExcelJS.CellValue[][] = [
    ["2023-12-04", "场地租金", 360000, "SJ0101", "2023-12-04", 360000],
    ["2023-12-08", "培训收入", 128000, "SJ0102", "2023-12-08", 128000],
    [
      "2023-12-13",
      "废旧物资处置收入",
      45600,
      "SJ0103",
      defects ? null : "2023-12-13",
      defects ? null : 45600,
    ],
    ["2023-12-18", "场地租金", 360000, "SJ0104", defects ? "2023-12-21" : "2023-12-18", 360000],
    ["2023-12-22", "培训收入", 96000, "SJ0105", "2023-12-22", 96000],
  ].map((r) => [r[0], r[1], y(r[2] as number), r[3], r[4], r[5] === null ? null : y(r[5] as number)]);
  const income = writeSheet(
    wb,
    "收入登记",
    "非税收入登记及送存情况",
    ["收入日期", "收入来源", "收入金额", "票据号", "送存日期", "送存金额"],
    incomeRows,
    [12, 18, 12, 10, 12, 12],
  );
  if (defects) {
    p("finance/income-not-deposited", income.sheet, `E${income.rowOf(2)}`);
    p("finance/income-deposited-late", income.sheet, `E${income.rowOf(3)}`);
  }

  // --- The 2023 budget and a year of expenses. ---
  const lines = [
    { code: "30201", line: "办公费", budget: 4800000 },
    { code: "30202", line: "印刷费", budget: 1200000 },
    { code: "30205", line: "水费", budget: 1800000 },
    { code: "30206", line: "电费", budget: 6000000 },
    { code: "30207", line: "邮电费", budget: 960000 },
    { code: "30211", line: "差旅费", budget: 1500000 },
    { code: "30213", line: "维修（护）费", budget: 3600000 },
    { code: "30216", line: "培训费", budget: 2400000 },
  ];
  const budgetRows = lines.map((l): ExcelJS.CellValue[] => [l.code, "商品和服务支出", l.line, y(l.budget)]);
  const budgetSheet = writeSheet(
    wb,
    "预算",
    "2023年部门预算（商品和服务支出）",
    ["经济分类编码", "经济分类", "预算项目", "年度预算"],
    budgetRows,
    [14, 16, 16, 14],
  );
  const expenseRows: ExcelJS.CellValue[][] = [];
  let voucher = 100;
  for (let month = 1; month <= 12; month++) {
    for (const l of lines) {
      // Spread evenly, a little under the budget; the repairs overrun and training lags with the defects.
      let share = Math.floor((l.budget * 0.96) / 12);
      if (defects && l.code === "30213") share = Math.floor((l.budget * 1.12) / 12);
      if (defects && l.code === "30216") share = Math.floor((l.budget * 0.4) / 12);
      const date = `2023-${String(month).padStart(2, "0")}-${month === 12 ? "20" : "25"}`;
      expenseRows.push([date, `记-${++voucher}`, `${l.line}支出`, l.code, l.line, y(share)]);
    }
  }
  if (defects) expenseRows.push(["2023-11-16", `记-${++voucher}`, "年度工作会议", null, "会议费", y(380000)]);
  const expenseSheet = writeSheet(
    wb,
    "支出明细",
    "2023年经费支出明细",
    ["支出日期", "凭证号", "摘要", "经济分类编码", "预算项目", "支出金额"],
    expenseRows,
    [12, 10, 18, 14, 14, 12],
  );
  if (defects) {
    p("finance/over-budget", budgetSheet.sheet, `D${budgetSheet.rowOf(6)}`);
    p("finance/budget-execution-off-pace", budgetSheet.sheet, `D${budgetSheet.rowOf(7)}`);
    p("finance/expense-without-budget", expenseSheet.sheet, `E${expenseSheet.rowOf(expenseRows.length - 1)}`);
  }

  // --- The bank: the school's bank journal and the bank's statement, from 1 September. ---
  interface BankEntry {
    date: IsoDate;
    summary: string;
    method: string;
    reference: string | null;
    /** Signed fen: + money in, − money out. */
    amount: number;
    /** How the bank shows it: on its own date, split into parts, or not yet. */
    bank: { date: IsoDate; parts?: number[]; reference?: string | null } | null;
  }
  const bankEntries: BankEntry[] = [
    // A cheque to a supplier in September that was never presented: outstanding past 90 days.
    {
      date: "2023-09-12",
      summary: "支付教具款",
      method: "转账支票",
      reference: "ZP0912",
      amount: -268000,
      bank: defects ? null : { date: "2023-09-14" },
    },
    {
      date: "2023-12-04",
      summary: "收到场地租金",
      method: "转账",
      reference: "JS1204",
      amount: 360000,
      bank: { date: "2023-12-04" },
    },
    {
      date: "2023-12-08",
      summary: "缴存培训收入",
      method: "现金缴款单",
      reference: null,
      amount: 128000,
      bank: { date: "2023-12-08", reference: null },
    },
    ...weekdays
      .filter((_, i) => i % 5 === 0)
      .map(
        (date, i): BankEntry => ({
          date,
          summary: "提取现金",
          method: "现金支票",
          reference: `XJ${String(i + 1).padStart(4, "0")}`,
          amount: -150000,
          bank: { date },
        }),
      ),
    {
      date: "2023-12-12",
      summary: "支付电费",
      method: "委托收款",
      reference: "WT1212",
      amount: -520000,
      bank: { date: "2023-12-12" },
    },
    // Deposited as one slip, credited by the bank in two parts a day later.
    {
      date: "2023-12-18",
      summary: "缴存场地租金",
      method: "转账",
      reference: null,
      amount: 480000,
      bank: { date: "2023-12-19", parts: [360000, 120000], reference: null },
    },
    {
      date: "2023-12-20",
      summary: "支付维修费",
      method: "转账",
      reference: "JS1220",
      amount: -356000,
      bank: { date: "2023-12-22" },
    },
    // Issued on the 27th, not yet presented at the month's end.
    {
      date: "2023-12-27",
      summary: "支付图书款",
      method: "转账支票",
      reference: "ZP1227",
      amount: -186000,
      bank: defects ? null : { date: "2023-12-28" },
    },
  ];
  bankEntries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const opening = 12650000;
  let book = opening;
  let bankVoucher = 40;
  const journalRows: ExcelJS.CellValue[][] = [
    ["2023-09-01", null, "上期结转", null, null, null, null, y(opening)],
  ];
  const journalRowOf = new Map<BankEntry, number>();
  for (const e of bankEntries) {
    book += e.amount;
    journalRowOf.set(e, journalRows.length);
    journalRows.push([
      e.date,
      `银${e.amount > 0 ? "收" : "付"}${++bankVoucher}`,
      e.summary,
      e.method,
      e.reference,
      e.amount > 0 ? y(e.amount) : null,
      e.amount < 0 ? y(-e.amount) : null,
      y(book),
    ]);
  }
  const bankJournalSheet = writeSheet(
    wb,
    "银行存款日记账",
    "银行存款日记账（基本户）",
    ["日期", "凭证号", "摘要", "结算方式", "结算号", "借方", "贷方", "余额"],
    journalRows,
    [12, 10, 16, 12, 10, 12, 12, 14],
  );
  // The bank's side, in its own date order; it also credits the quarter's interest on 21 December.
  const statementLines: { date: IsoDate; summary: string; amount: number; reference: string | null }[] = [];
  let serial = 880100;
  for (const e of bankEntries) {
    if (!e.bank) continue;
    const reference = e.bank.reference === null ? null : (e.reference ?? null);
    for (const part of e.bank.parts ?? [Math.abs(e.amount)])
      statementLines.push({
        date: e.bank.date,
        summary: e.summary,
        amount: e.amount > 0 ? part : -part,
        reference,
      });
  }
  if (defects) statementLines.push({ date: "2023-12-21", summary: "结息", amount: 8625, reference: null });
  statementLines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let bankBalance = opening;
  const statementRows = statementLines.map((l): ExcelJS.CellValue[] => {
    bankBalance += l.amount;
    return [
      l.date,
      l.summary,
      l.amount > 0 ? y(l.amount) : null,
      l.amount < 0 ? y(-l.amount) : null,
      y(bankBalance),
      `${++serial}`,
      "示例市实验小学",
    ];
  });
  const statement = writeSheet(
    wb,
    "银行对账单",
    "中国工商银行对账单",
    ["交易日期", "摘要", "收入", "支出", "余额", "流水号", "对方户名"],
    statementRows,
    [12, 16, 12, 12, 14, 10, 16],
  );
  const outstanding = (e: BankEntry | undefined) =>
    `${(e?.amount ?? 0) > 0 ? "F" : "G"}${bankJournalSheet.rowOf(e ? (journalRowOf.get(e) ?? 0) : 0)}`;
  if (defects)
    p(
      "finance/outstanding-item",
      bankJournalSheet.sheet,
      outstanding(bankEntries.find((e) => e.reference === "ZP0912")),
    );
  // With the defects, a cheque issued at the month's end and the bank's interest are outstanding too.
  if (defects) {
    p(
      "finance/outstanding-item",
      bankJournalSheet.sheet,
      outstanding(bankEntries.find((e) => e.reference === "ZP1227")),
    );
    p(
      "finance/outstanding-item",
      statement.sheet,
      `C${statement.rowOf(statementLines.findIndex((l) => l.summary === "结息"))}`,
    );
  }

  // --- Fees: the schedule, its notices, and September's charges. ---
  writeSheet(
    wb,
    "收费标准",
    undefined,
    ["收费项目", "收费标准", "计费单位", "批准文件", "公示日期"],
    [
      ["课后服务费", 600, "元/生·学期", "示例区发改〔2023〕18号", "2023-08-25"],
      ["午餐费", 1300, "元/生·学期", "示例区教育局〔2023〕21号", "2023-08-25"],
    ],
    [14, 10, 12, 24, 12],
  );
  const notices = writeSheet(
    wb,
    "收费公示记录",
    undefined,
    ["公示项目", "公示日期", "撤下日期", "公示地点"],
    [
      ["课后服务费", "2023-08-25", defects ? "2023-11-30" : "2024-01-26", "校门口公示栏"],
      ["午餐费", "2023-08-25", "2024-01-26", "校门口公示栏"],
    ],
    [14, 12, 12, 16],
  );
  if (defects) p("finance/publicity-not-kept", notices.sheet, `C${notices.rowOf(0)}`);
  const pupils = ["王小明", "李华", "张丽", "陈杰", "赵敏", "刘洋"];
  writeSheet(
    wb,
    "收费明细",
    "2023学年第一学期收费明细",
    ["班级", "学生姓名", "收费项目", "金额", "收费日期"],
    pupils.flatMap((name, i) => [
      ["三(2)班", name, "课后服务费", 600, `2023-09-0${4 + (i % 3)}`],
      ["三(2)班", name, "午餐费", 1300, `2023-09-0${4 + (i % 3)}`],
    ]),
    [10, 10, 12, 10, 12],
  );

  // --- The fixed-asset account beside the asset ledger. ---
  const assets = [
    ["ZC-2019-001", "台式计算机", "计算机", 10, 4850, "2019-08-20", "计算机教室"],
    ["ZC-2020-011", "投影仪", "视听设备", 4, 3680, "2020-03-15", "三(1)班教室"],
    ["ZC-2022-051", "学生课桌椅", "家具", 45, 420, "2022-08-10", "三(1)班教室"],
    ["ZC-2016-041", "办公桌", "家具", 6, 1200, "2016-07-01", "行政办公室"],
    ["ZC-2015-071", "图书", "图书", 3200, 25, "2015-09-01", "图书馆"],
  ] as const;
  writeSheet(
    wb,
    "资产台账",
    undefined,
    ["资产编号", "资产名称", "分类", "数量", "单价", "原值", "取得日期", "存放地点"],
    assets.map((a) => [a[0], a[1], a[2], a[3], a[4], a[3] * a[4], a[5], a[6]]),
    [14, 12, 10, 8, 10, 12, 12, 14],
  );
  const ledgerValue = (...names: string[]) =>
    assets.filter((a) => names.includes(a[2])).reduce((sum, a) => sum + a[3] * a[4], 0);
  const account = writeSheet(
    wb,
    "固定资产明细账",
    "固定资产明细账（2023年12月末）",
    ["科目编码", "固定资产类别", "期末余额"],
    [
      ["160103", "通用设备", ledgerValue("计算机", "视听设备")],
      ["160106", "家具和用具", ledgerValue("家具") + (defects ? 2000 : 0)],
      ["160105", "图书和档案", ledgerValue("图书")],
    ],
    [12, 16, 14],
  );
  if (defects) p("finance/fixed-asset-account-mismatch", account.sheet, `C${account.rowOf(1)}`);

  return { workbook: wb, planted };
}
