import type { Cell, CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bankJournal, bankStatement } from "../bankKinds.js";
import { reconciliationCheck } from "../checkReconciliation.js";
import { finance } from "../index.js";

// The finance module's other kinds stay in, so recognition is tested against them (the cash journal
// has the same columns as the bank journal).
const module: HouqinModule = {
  ...finance,
  kinds: [...finance.kinds, bankJournal, bankStatement],
  checks: [reconciliationCheck],
};

type Row = (CellValue | Cell)[];

const JOURNAL_HEADER: Row = ["日期", "凭证号", "摘要", "结算方式", "结算号", "借方", "贷方", "余额"];
// Amounts in yuan, as a clerk types them.
const JOURNAL: Row[] = [
  JOURNAL_HEADER,
  ["2023-09-01", null, "期初余额", null, null, null, null, 5000],
  ["2023-09-04", "记-1", "收课后服务费", "转账", "ZP001", 1200, null, 6200],
  ["2023-09-08", "记-2", "支付电费", "转账支票", "ZZ1002", null, 300, 5900],
  ["2023-09-12", "记-3", "收午餐费", "网银", null, 800, null, 6700],
  ["2023-09-20", "记-4", "购办公用品", "转账", null, null, 450, 6250],
  ["2023-09-29", "记-5", "支付维修费", "转账支票", "ZZ1003", null, 120, 6130],
];
const STATEMENT_HEADER: Row = ["交易日期", "摘要", "收入金额", "支出金额", "余额", "流水号", "对方户名"];
const STATEMENT: Row[] = [
  STATEMENT_HEADER,
  ["2023-09-01", "上日余额", null, null, 5000, null, null],
  ["2023-09-04", "转账收入", 1200, null, 6200, "ZP001", "家长委员会"],
  ["2023-09-08", "支票支出", null, 300, 5900, "ZZ1002", "供电公司"],
  ["2023-09-14", "网银收入", 800, null, 6700, "B0003", "食堂"],
  ["2023-09-20", "转账支出", null, 200, 6500, "B0004", "文具店"],
  ["2023-09-21", "转账支出", null, 250, 6250, "B0005", "文具店"],
  ["2023-09-25", "利息收入", 15.25, null, 6265.25, "B0006", null],
  ["2023-09-28", "手续费", null, 0.5, 6264.75, "B0007", null],
];

async function check(
  sheets: { journal?: Row[]; statement?: Row[]; settings?: Row[]; extra?: { name: string; rows: Row[] }[] },
  options: { asOf?: string; lang?: "zh-CN" | "en" } = {},
) {
  const list = [
    ...(sheets.settings ? [{ name: "设置", rows: sheets.settings }] : []),
    ...(sheets.journal ? [{ name: "银行存款日记账", rows: sheets.journal }] : []),
    ...(sheets.statement ? [{ name: "银行对账单", rows: sheets.statement }] : []),
    ...(sheets.extra ?? []),
  ];
  return runChecks(new MemoryWorkbook({ sheets: list }), {
    modules: [module],
    today: "2030-01-01",
    asOf: options.asOf ?? "2023-10-10",
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

type Result = Awaited<ReturnType<typeof check>>;
const found = (r: Result) => r.findings.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`]);
const balance = (r: Result) => r.reports.find((x) => x.id === "finance.bank-reconciliation");
const matches = (r: Result) => r.reports.find((x) => x.id === "finance.bank-matches");

describe("checkReconciliation", () => {
  it("publishes the 银行存款余额调节表 with both adjusted balances equal, and every outstanding item at its row", async () => {
    const r = await check({ journal: JOURNAL, statement: STATEMENT });
    expect(r.tables.map((t) => [t.sheet, t.kind])).toEqual([
      ["银行存款日记账", "finance.bank-journal"],
      ["银行对账单", "finance.bank-statement"],
    ]);
    expect(found(r)).toEqual([
      ["finance/outstanding-item", "info", "银行存款日记账!G7"],
      ["finance/outstanding-item", "info", "银行对账单!C8"],
      ["finance/outstanding-item", "info", "银行对账单!D9"],
    ]);
    expect(r.findings.map((f) => f.message)).toEqual([
      "2023-09-29 银行存款日记账（凭证 记-5）“支付维修费”支出 ¥120.00，银行对账单上没有对应的记录，属于未达账项“企业已付、银行未付”",
      "2023-09-25 银行对账单（流水号 B0006）“利息收入”收入 ¥15.25，银行存款日记账中没有对应的记录，属于未达账项“银行已收、企业未收”",
      "2023-09-28 银行对账单（流水号 B0007）“手续费”支出 ¥0.50，银行存款日记账中没有对应的记录，属于未达账项“银行已付、企业未付”",
    ]);
    expect(r.findings[0]).toMatchObject({
      clause: "三(四)3",
      row: 7,
      data: {
        side: "journal",
        class: "booked-payment-not-in-bank",
        date: "2023-09-29",
        amount: -12000,
        // Aged to the reconciliation date (the later side's last day, 09-29), not to asOf.
        days: 0,
      },
    });
    expect(balance(r)?.columns.map((c) => [c.title["zh-CN"], c.format ?? ""])).toEqual([
      ["项目", ""],
      ["金额", "money"],
      ["项目", ""],
      ["金额", "money"],
    ]);
    expect(balance(r)?.rows).toEqual([
      {
        leftItem: "银行存款日记账余额",
        leftAmount: 613000,
        rightItem: "银行对账单余额",
        rightAmount: 626475,
      },
      {
        leftItem: "加：银行已收、企业未收",
        leftAmount: 1525,
        rightItem: "加：企业已收、银行未收",
        rightAmount: 0,
      },
      {
        leftItem: "减：银行已付、企业未付",
        leftAmount: 50,
        rightItem: "减：企业已付、银行未付",
        rightAmount: 12000,
      },
      { leftItem: "调节后余额", leftAmount: 614475, rightItem: "调节后余额", rightAmount: 614475 },
      {
        leftItem: "日记账记至 2023-09-29",
        leftAmount: null,
        rightItem: "对账单记至 2023-09-28",
        rightAmount: null,
      },
    ]);
    expect(matches(r)?.rows).toEqual([
      {
        pass: "结算号相同",
        journalDate: "2023-09-04",
        journalRows: "3",
        statementDate: "2023-09-04",
        statementRows: "3",
        amount: 120000,
      },
      {
        pass: "结算号相同",
        journalDate: "2023-09-08",
        journalRows: "4",
        statementDate: "2023-09-08",
        statementRows: "4",
        amount: -30000,
      },
      {
        pass: "金额相同，日期相近（±5 天）",
        journalDate: "2023-09-12",
        journalRows: "5",
        statementDate: "2023-09-14",
        statementRows: "5",
        amount: 80000,
      },
      {
        pass: "一笔对多笔",
        journalDate: "2023-09-20",
        journalRows: "6",
        statementDate: "2023-09-20、2023-09-21",
        statementRows: "6、7",
        amount: -45000,
      },
    ]);
  });

  it("finds nothing to report when every line matches", async () => {
    const r = await check({
      journal: JOURNAL.slice(0, 6),
      statement: [...STATEMENT.slice(0, 7)],
    });
    expect(r.findings).toEqual([]);
    expect(balance(r)?.rows[3]).toEqual({
      leftItem: "调节后余额",
      leftAmount: 625000,
      rightItem: "调节后余额",
      rightAmount: 625000,
    });
  });

  it("warns about an outstanding item older than 90 days on the reconciliation date, in both languages", async () => {
    // Both sides run on to `date` with a matched receipt: the reconciliation date is then `date`.
    const until = (date: string) => ({
      journal: [...JOURNAL, [date, "记-9", "收房租", "转账", "ZP009", 100, null, 6230]],
      statement: [...STATEMENT, [date, "转账收入", 100, null, 6364.75, "ZP009", "租户"]],
    });
    const late = await check(until("2024-01-05"), { asOf: "2024-01-05" });
    expect(found(late)).toEqual([
      ["finance/outstanding-item", "warning", "银行存款日记账!G7"],
      ["finance/outstanding-item", "warning", "银行对账单!C8"],
      ["finance/outstanding-item", "warning", "银行对账单!D9"],
    ]);
    expect(late.findings[1]?.message).toBe(
      "2023-09-25 银行对账单（流水号 B0006）“利息收入”收入 ¥15.25，银行存款日记账中没有对应的记录，属于未达账项“银行已收、企业未收”，至 2024-01-05 已挂账 102 天，超过 90 天，请查明原因并及时处理",
    );
    const en = await check(until("2024-01-05"), { asOf: "2024-01-05", lang: "en" });
    expect(en.findings[0]?.message).toBe(
      "2023-09-29: the bank journal's payment of ¥120.00 (voucher 记-5) for “支付维修费” is not on the bank statement: an outstanding item (booked as paid, not yet through the bank); it has been outstanding for 98 days on 2024-01-05, more than 90: find out why and clear it",
    );
    // Exactly 90 days is not yet past the limit; the setting moves it.
    const day90 = await check(until("2023-12-27"), { asOf: "2024-06-01" });
    // (09-29: 89 days, 09-25: 93, 09-28: 90; findings come warnings first.)
    expect(found(day90)).toEqual([
      ["finance/outstanding-item", "warning", "银行对账单!C8"],
      ["finance/outstanding-item", "info", "银行存款日记账!G7"],
      ["finance/outstanding-item", "info", "银行对账单!D9"],
    ]);
    // Sides that run past "today" are judged on "today".
    const capped = await check(until("2024-01-05"), { asOf: "2023-12-27" });
    expect(found(capped)).toEqual(found(day90));
    expect(capped.findings[0]?.data).toMatchObject({ days: 93 });
    const longer = await check(
      { ...until("2024-01-05"), settings: [["未达账项超期天数", 120]] },
      { asOf: "2024-01-05" },
    );
    expect(longer.findings.map((f) => f.severity)).toEqual(["info", "info", "info"]);
  });

  it("ages outstanding items to the reconciliation date, so an archived workbook is not all overdue", async () => {
    // The September reconciliation opened years later: the items are days old on 09-29, not years.
    const r = await check({ journal: JOURNAL, statement: STATEMENT }, { asOf: "2026-11-20" });
    expect(found(r)).toEqual([
      ["finance/outstanding-item", "info", "银行存款日记账!G7"],
      ["finance/outstanding-item", "info", "银行对账单!C8"],
      ["finance/outstanding-item", "info", "银行对账单!D9"],
    ]);
    expect(r.findings.map((f) => f.data?.days)).toEqual([0, 4, 1]);
  });

  it("closes each side on its latest date: a statement listed newest first, journal sheets out of order", async () => {
    const journal: Row[] = [
      JOURNAL_HEADER,
      ["2023-09-01", null, "期初余额", null, null, null, null, 10000],
      ["2023-09-02", "记-1", "收课后服务费", "转账", "ZP001", 5000, null, 15000],
      ["2023-09-03", "记-2", "支付电费", "转账", "ZZ002", null, 2000, 13000],
    ];
    // Newest first, as many banks export it.
    const statement: Row[] = [
      STATEMENT_HEADER,
      ["2023-09-03", "转账支出", null, 2000, 13000, "ZZ002", "供电公司"],
      ["2023-09-02", "转账收入", 5000, null, 15000, "ZP001", "家长委员会"],
    ];
    const r = await check({ journal, statement });
    expect(r.findings).toEqual([]);
    expect(balance(r)?.rows[0]).toMatchObject({ leftAmount: 1300000, rightAmount: 1300000 });

    // October's journal sheet before September's: the closing balance is October's.
    const september: Row[] = [
      JOURNAL_HEADER,
      ["2023-09-01", null, "期初余额", null, null, null, null, 10000],
      ["2023-09-02", "记-1", "收课后服务费", "转账", "ZP001", 5000, null, 15000],
    ];
    const october: Row[] = [
      JOURNAL_HEADER,
      [null, null, "承前页", null, null, null, null, 15000],
      ["2023-10-08", "记-1", "支付电费", "转账", "ZZ002", null, 2000, 13000],
    ];
    const statement2: Row[] = [
      STATEMENT_HEADER,
      ["2023-09-02", "转账收入", 5000, null, 15000, "ZP001", "家长委员会"],
      ["2023-10-08", "转账支出", null, 2000, 13000, "ZZ002", "供电公司"],
    ];
    const sheets = await check({
      statement: statement2,
      extra: [
        { name: "10月银行存款日记账", rows: october },
        { name: "9月银行存款日记账", rows: september },
      ],
    });
    expect(sheets.findings).toEqual([]);
    expect(balance(sheets)?.rows[0]).toMatchObject({ leftAmount: 1300000, rightAmount: 1300000 });
  });

  it("reads a dash in the empty money column as blank", async () => {
    const dashed = (rows: Row[], debit: number, credit: number, dashes: string[]) =>
      rows.map((row, i): Row => {
        if (i < 2) return row;
        const dash = dashes[i % dashes.length] ?? "-";
        return row.map((cell, c) => ((c === debit || c === credit) && cell === null ? dash : cell));
      });
    const r = await check({
      journal: dashed(JOURNAL, 5, 6, ["-", "--", "—"]),
      statement: dashed(STATEMENT, 2, 3, ["—", "-", "--"]),
    });
    // The parser may flag the dash itself; the reconciliation reads every line.
    expect(r.findings.filter((f) => f.rule.startsWith("finance/"))).toEqual(
      (await check({ journal: JOURNAL, statement: STATEMENT })).findings,
    );
    expect(balance(r)?.rows).toEqual(balance(await check({ journal: JOURNAL, statement: STATEMENT }))?.rows);
    // A dash with nothing readable beside it is still left out.
    const empty = await check({
      journal: [...JOURNAL, ["2023-09-30", "记-6", "作废", null, null, "-", "-", 6130]],
      statement: STATEMENT,
    });
    expect(matches(empty)?.rows).toEqual(
      matches(await check({ journal: JOURNAL, statement: STATEMENT }))?.rows,
    );
  });

  it("reads a line whose summary ends in 合计 as a line, and only a totals label as a total", async () => {
    // 摘要 after the reference columns, as some ledgers and bank exports lay it out.
    const journal: Row[] = [
      ["日期", "凭证号", "结算方式", "结算号", "摘要", "借方", "贷方", "余额"],
      ["2023-09-01", null, null, null, "期初余额", null, null, 5000],
      ["2023-09-04", "记-1", "转账", "ZP001", "收课后服务费", 1200, null, 6200],
      ["2023-09-10", "记-6", "转账", "GZ09", "发放9月工资合计", null, 800, 5400],
      ["2023-09-30", "记-7", "转账", "SD09", "9月水电费合计", null, 100, 5300],
    ];
    const statement: Row[] = [
      ["交易日期", "流水号", "对方户名", "摘要", "收入金额", "支出金额", "余额"],
      ["2023-09-04", "ZP001", "家长委员会", "转账收入", 1200, null, 6200],
      ["2023-09-10", "GZ09", "工资户", "代发工资合计", null, 800, 5400],
      ["2023-09-30", "SD09", "供电公司", "水电费合计", null, 100, 5300],
    ];
    const r = await check({ journal, statement });
    expect(r.findings).toEqual([]);
    expect(matches(r)?.rows.map((m) => [m.journalRows, m.statementRows, m.amount])).toEqual([
      ["3", "2", 120000],
      ["4", "3", -80000],
      ["5", "4", -10000],
    ]);
    expect(balance(r)?.rows[0]).toMatchObject({ leftAmount: 530000, rightAmount: 530000 });
  });

  it("skips rows that are only a totals label", async () => {
    const journal: Row[] = [
      ["日期", "凭证号", "结算方式", "结算号", "摘要", "借方", "贷方", "余额"],
      ["2023-09-04", "记-1", "转账", "ZP001", "收课后服务费", 1200, null, 1200],
      ...["本日合计", "本月合计", "9月合计", "本年累计", "合计", "总计"].map(
        (label): Row => ["2023-09-04", "-", "-", "-", label, 1200, null, 1200],
      ),
    ];
    const statement: Row[] = [
      ["交易日期", "流水号", "对方户名", "摘要", "收入金额", "支出金额", "余额"],
      ["2023-09-04", "ZP001", "家长委员会", "转账收入", 1200, null, 1200],
    ];
    const r = await check({ journal, statement });
    expect(r.findings).toEqual([]);
  });

  it("reports an error when the adjusted balances differ, at the journal's closing balance", async () => {
    const statement = STATEMENT.map((row, i) =>
      i === 8 ? [...row.slice(0, 4), 6265.75, ...row.slice(5)] : row,
    );
    const r = await check({ journal: JOURNAL, statement });
    const error = r.findings.find((f) => f.rule === "finance/reconciliation-unbalanced");
    expect(error).toMatchObject({
      severity: "error",
      sheet: "银行存款日记账",
      cell: "H7",
      row: 7,
      message:
        "银行存款余额调节表不平：日记账调节后余额 ¥6,144.75，对账单调节后余额 ¥6,145.75，相差 ¥1.00。请核对两边余额与未达账项",
      data: { adjustedBook: 614475, adjustedStatement: 614575, difference: -100 },
    });
    expect(balance(r)?.rows[4]).toEqual({
      leftItem: "调节后差额（日记账 − 对账单）",
      leftAmount: -100,
      rightItem: null,
      rightAmount: null,
    });
    const en = await check({ journal: JOURNAL, statement }, { lang: "en" });
    expect(en.findings.find((f) => f.rule === "finance/reconciliation-unbalanced")?.message).toBe(
      "The bank reconciliation does not balance: the adjusted book balance is ¥6,144.75 and the adjusted statement balance ¥6,145.75, ¥1.00 apart. Check both balances and the outstanding items",
    );
  });

  it("takes the balances from the settings when the sheets have no balance column", async () => {
    const withoutBalance = (rows: Row[], column: number) =>
      rows.map((row) => row.filter((_, i) => i !== column));
    const journal = withoutBalance(JOURNAL, 7);
    const statement = withoutBalance(STATEMENT, 4);
    // Openings: each side's movements from the same opening balance.
    const opened = await check({
      journal,
      statement,
      settings: [
        ["银行存款日记账期初余额", "¥5,000.00"],
        ["银行对账单期初余额", 5000],
      ],
    });
    expect(opened.findings.filter((f) => f.rule !== "finance/outstanding-item")).toEqual([]);
    expect(balance(opened)?.rows[0]).toMatchObject({ leftAmount: 613000, rightAmount: 626475 });
    // Closing balances given outright; a wrong one is reported at its settings cell.
    const closed = await check({
      journal,
      statement,
      settings: [
        ["银行存款日记账余额", 6130],
        ["银行对账单余额", "6,264.00"],
      ],
    });
    expect(found(closed).filter(([rule]) => rule === "finance/reconciliation-unbalanced")).toEqual([
      ["finance/reconciliation-unbalanced", "error", "设置!B1"],
    ]);
  });

  it("reads the window, the iteration cap and the parts of a split from the settings", async () => {
    const narrow = await check({ journal: JOURNAL, statement: STATEMENT, settings: [["对账日期窗口", 1]] });
    expect(found(narrow)).toEqual([
      ["finance/outstanding-item", "info", "银行存款日记账!F5"],
      ["finance/outstanding-item", "info", "银行存款日记账!G7"],
      ["finance/outstanding-item", "info", "银行对账单!C5"],
      ["finance/outstanding-item", "info", "银行对账单!C8"],
      ["finance/outstanding-item", "info", "银行对账单!D9"],
    ]);
    // The 午餐费 line is outstanding on both sides now: still balanced, at 6,130 + 800 + 15.25 − 0.50.
    expect(balance(narrow)?.rows[3]).toMatchObject({ leftAmount: 694475, rightAmount: 694475 });

    const capped = await check({ journal: JOURNAL, statement: STATEMENT, settings: [["对账迭代上限", 0]] });
    expect(found(capped)).toEqual([
      ["finance/reconciliation-capped", "warning", "银行存款日记账!C1"],
      ["finance/outstanding-item", "info", "银行存款日记账!G6"],
      ["finance/outstanding-item", "info", "银行存款日记账!G7"],
      ["finance/outstanding-item", "info", "银行对账单!D6"],
      ["finance/outstanding-item", "info", "银行对账单!D7"],
      ["finance/outstanding-item", "info", "银行对账单!C8"],
      ["finance/outstanding-item", "info", "银行对账单!D9"],
    ]);
    expect(capped.findings[0]?.message).toBe(
      "拆分匹配尝试了 0 次，达到“对账迭代上限”，一笔对多笔的匹配没有做完，剩下的行暂按未达账项列出；可在设置表中调高“对账迭代上限”",
    );

    const twoParts = [JOURNAL_HEADER, ["2023-09-20", "记-4", "购办公用品", "转账", null, null, 450, null]];
    const threeParts = [
      STATEMENT_HEADER,
      ["2023-09-20", "转账支出", null, 200, null, "B0004", null],
      ["2023-09-20", "转账支出", null, 150, null, "B0005", null],
      ["2023-09-21", "转账支出", null, 100, null, "B0006", null],
    ];
    const two = await check({
      journal: twoParts,
      statement: threeParts,
      settings: [["对账拆分笔数上限", 2]],
    });
    expect(found(two)).toHaveLength(4);
    const three = await check({ journal: twoParts, statement: threeParts });
    expect(three.findings).toEqual([]);
  });

  it("says once that it cannot reconcile without the other side", async () => {
    const journalOnly = await check({ journal: JOURNAL });
    expect(found(journalOnly)).toEqual([["finance/reconciliation-incomplete", "info", "银行存款日记账!C1"]]);
    expect(journalOnly.findings[0]?.message).toBe(
      "工作簿中有银行存款日记账，但没有银行对账单，无法编制银行存款余额调节表",
    );
    expect(journalOnly.reports).toEqual([]);
    const statementOnly = await check({ statement: STATEMENT });
    expect(found(statementOnly)).toEqual([["finance/reconciliation-incomplete", "info", "银行对账单!A1"]]);
  });

  it("reads messy input: title rows, 合计 rows, text money, full-width digits, serial dates, dates carried down", async () => {
    const journal: Row[] = [
      ["示例小学银行存款日记账"],
      ["2023年9月", null, null, null, null, null, null, "单位：元"],
      [],
      JOURNAL_HEADER,
      [null, null, "承前页", null, null, "９９９９", "８８８８", "5,000.00"],
      [
        { value: 45173, text: "2023/9/4" },
        "记-1",
        "收课后服务费",
        "转账",
        " zp 001 ",
        "¥1,200.00",
        null,
        "6,200.00",
      ],
      ["2023年9月8日", "记-2", "支付电费", "转账支票", "ZZ1002", null, "３００", null],
      [null, "记-3", "收午餐费", "网银", null, "８００.００元", null, null],
      ["2023/9/20", "记-4", "购办公用品", "转账", "-", null, "450", "6,250.00"],
      ["本月合计", null, null, null, null, "2,000.00", "750.00", "6,250.00"],
    ];
    const statement: Row[] = [
      ["中国某银行 账户交易明细"],
      ["交易日期", "摘要", "借方发生额", "贷方发生额", "余额", "交易流水号", "对方户名"],
      ["2023/9/4", "转账收入", null, "¥1,200.00", "6,200.00", "ZP001", "家长委员会"],
      [{ value: 45177, text: "2023/9/8" }, "支票支出", "300.00", null, "5,900.00", "ZZ1002", "供电公司"],
      ["2023.9.10", "网银收入", null, "８００", "6,700.00", "B0003", "食堂"],
      ["2023-09-20", "转账支出", "200.00", null, "6,500.00", "B0004", "文具店"],
      ["2023-09-21", "转账支出", "250.00", null, "6,250.00", "B0005", "文具店"],
      ["合计", null, "750.00", "2,000.00", null, null, null],
    ];
    const r = await check({ journal, statement });
    expect(r.tables.map((t) => [t.sheet, t.kind, t.headerRow, t.lastRow])).toEqual([
      ["银行存款日记账", "finance.bank-journal", 4, 9],
      ["银行对账单", "finance.bank-statement", 2, 7],
    ]);
    expect(r.findings).toEqual([]);
    expect(matches(r)?.rows.map((m) => [m.pass, m.journalRows, m.statementRows, m.amount])).toEqual([
      ["结算号相同", "6", "3", 120000],
      ["结算号相同", "7", "4", -30000],
      ["金额相同，日期相近（±5 天）", "8", "5", 80000],
      ["一笔对多笔", "9", "6、7", -45000],
    ]);
    expect(balance(r)?.rows[0]).toMatchObject({ leftAmount: 625000, rightAmount: 625000 });
  });

  it("does not pile a finding on a #REF! amount, and says the row was left out when the balances differ", async () => {
    const journal = JOURNAL.map(
      (row, i): Row => (i === 3 ? [...row.slice(0, 6), { error: "#REF!" }, row[7] ?? null] : row),
    );
    const r = await check({ journal, statement: STATEMENT });
    expect(found(r).filter(([, , cell]) => cell === "银行存款日记账!G4")).toEqual([
      ["workbook/error-value", "error", "银行存款日记账!G4"],
    ]);
    const error = r.findings.find((f) => f.rule === "finance/reconciliation-unbalanced");
    expect(error?.message).toContain("（另有 1 行的金额或日期无法读取或缺失，未参与对账）");
    // The bank's payment of the unreadable line stays outstanding on the statement.
    expect(found(r)).toContainEqual(["finance/outstanding-item", "info", "银行对账单!D4"]);
  });

  it("reports a journal line with amounts and no date above it", async () => {
    const journal: Row[] = [
      JOURNAL_HEADER,
      [null, "记-1", "收课后服务费", "转账", "ZP001", 1200, null, null],
      ["2023-09-08", "记-2", "支付电费", "转账支票", "ZZ1002", null, 300, null],
    ];
    const statement = STATEMENT.slice(0, 4).map((row) => [...row.slice(0, 4), null, ...row.slice(5)]);
    const r = await check({ journal, statement });
    // The line is in the book balance but could not be matched, so the reconciliation cannot balance.
    expect(found(r)).toEqual([
      ["finance/reconciliation-unbalanced", "error", "银行存款日记账!H1"],
      ["finance/bank-line-undated", "warning", "银行存款日记账!A2"],
      ["finance/outstanding-item", "info", "银行对账单!C3"],
    ]);
    expect(r.findings[0]?.message).toContain("（另有 1 行的金额或日期无法读取或缺失，未参与对账）");
    expect(r.findings[1]?.message).toBe("这一笔收入 ¥1,200.00 没有日期，上面也没有可沿用的日期，未参与对账");
  });

  it("reads a statement with one amount column, signed or with a 借贷标志", async () => {
    const statement: Row[] = [
      ["交易日期", "摘要", "交易金额", "借贷标志", "流水号"],
      ["2023-09-04", "转账收入", 1200, "贷", "ZP001"],
      ["2023-09-08", "支票支出", 300, "借", "ZZ1002"],
      ["2023-09-14", "网银收入", 800, null, "B0003"],
      ["2023-09-20", "转账支出", -450, null, "B0004"],
      ["2023-09-21", "转账支出", 10, "收付", "B0005"],
    ];
    const journal = JOURNAL.slice(0, 6).map((row) => [...row.slice(0, 7), null]);
    const r = await check({ journal, statement });
    expect(found(r)).toEqual([["workbook/unreadable-cell", "warning", "银行对账单!D6"]]);
    expect(matches(r)?.rows.map((m) => m.pass)).toEqual([
      "结算号相同",
      "结算号相同",
      "金额、日期相同",
      "金额相同，日期相近（±5 天）",
    ]);
  });

  it("leaves a cash journal to the cash checks, and reads a sheet named for a bank statement by its name", async () => {
    const cash: Row[] = [
      ["日期", "凭证号", "摘要", "借方", "贷方", "余额"],
      ["2023-09-01", "记-9", "提现备用", 500, null, 500],
    ];
    const plainStatement: Row[] = [
      ["日期", "摘要", "借方", "贷方", "余额"],
      ["2023-09-04", "转账收入", null, 1200, 6200],
      ["2023-09-08", "支票支出", 300, null, 5900],
    ];
    const r = await check({
      journal: JOURNAL.slice(0, 4),
      extra: [
        { name: "现金日记账", rows: cash },
        { name: "9月对账单", rows: plainStatement },
      ],
    });
    expect(r.tables.map((t) => [t.sheet, t.kind])).toEqual([
      ["银行存款日记账", "finance.bank-journal"],
      ["现金日记账", "finance.cash-journal"],
      ["9月对账单", "finance.bank-statement"],
    ]);
    // On the statement 贷方 is money in: both lines match the journal.
    expect(matches(r)?.rows.map((m) => m.amount)).toEqual([120000, -30000]);
  });
});

describe("checkReconciliation on arbitrary grids", () => {
  // Cells as spreadsheets hold them: money and date text, full-width digits, serials, directions,
  // carry and totals words, errors and blanks.
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constantFrom<CellValue>(
      "¥1,234.50",
      "１２００",
      "(100.00)",
      "-450",
      "2023年9月1日",
      "2023/9/4",
      "9月5日",
      "2023/13/45",
      "承前页",
      "期初余额",
      "本月合计",
      "合计",
      "贷",
      "借",
      "ZP001",
      " zp 001 ",
      "无",
      "",
      null,
      null,
    ),
    fc.constantFrom<CellValue>({ error: "#REF!" }, { error: "#VALUE!" }),
    fc.integer({ min: -2_000_000, max: 2_000_000 }),
    fc.integer({ min: 45100, max: 45300 }),
    fc.double({ noNaN: false }),
    fc.string({ maxLength: 8 }),
  );
  const rows = fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 30 });
  const headers: Row[] = [
    JOURNAL_HEADER,
    STATEMENT_HEADER,
    ["交易日期", "摘要", "交易金额", "借贷标志", "流水号"],
    ["日期", "摘要", "借方", "贷方", "余额"],
  ];
  const sheet = fc.record({
    name: fc.constantFrom("银行存款日记账", "银行对账单", "设置", "Sheet1"),
    rows: fc
      .tuple(rows, fc.constantFrom(...headers), rows)
      .map(([above, header, below]) => [...above.slice(0, 2), header, ...below]),
  });

  it("never throws, and puts every finding at a cell", async () => {
    let reconciled = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(sheet, { selector: (s) => s.name, maxLength: 4 }), async (sheets) => {
        const report = await runChecks(new MemoryWorkbook({ sheets }), {
          modules: [module],
          today: "2023-11-01",
        });
        if (report.reports.some((r) => r.id === "finance.bank-reconciliation")) reconciled++;
        for (const f of report.findings) {
          expect(f.rule).toMatch(/^[a-z]+\/[a-z-]+$/);
          expect(f.message.length).toBeGreaterThan(0);
          if (f.cell !== undefined) expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
        }
      }),
      { seed: 20230901, numRuns: 300 },
    );
    expect(reconciled).toBeGreaterThan(20); // real reconciliations ran, not just noise
  });
});
