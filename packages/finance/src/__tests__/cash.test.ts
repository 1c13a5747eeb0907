import type { Cell, CellValue } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cashCount, cashJournal } from "../cashKinds.js";
import { cashCheck } from "../checkCash.js";

const finance: HouqinModule = {
  id: "finance",
  title: { "zh-CN": "财务", en: "Finance" },
  kinds: [cashJournal, cashCount],
  checks: [cashCheck],
};

type Row = readonly (CellValue | Cell)[];

const HEADER: CellValue[] = ["日期", "凭证号", "摘要", "收入", "支出", "余额"];
const COUNT_HEADER: CellValue[] = ["盘点日期", "实存金额", "盘点人"];

/** A clean week: carried in, fees banked the same day, spending out of cash on hand or a withdrawal. */
const CLEAN: Row[] = [
  ["2023-09-01", null, "上月结转", null, null, 2000],
  ["2023-09-01", "现收1", "收取课后服务费", 3000, null, 5000],
  ["2023-09-01", "现付1", "送存银行", null, 3000, 2000],
  ["2023-09-01", "现付2", "购买办公用品", null, 1500, 500],
  ["2023-09-04", "银付1", "提取现金", 1000, null, 1500],
  ["2023-09-04", "现付3", "支付水管维修费", null, 800, 700],
  ["2023-09-05", "现付4", "报销差旅费", null, 500, 200],
];
const CLEAN_COUNTS: Row[] = [
  ["2023-09-01", 500, "李会计"],
  ["2023-09-04", 700, "李会计"],
  ["2023-09-05", 200, "李会计"],
];

interface Options {
  counts?: Row[] | null;
  settings?: Row[];
  asOf?: string;
  lang?: "zh-CN" | "en";
  above?: Row[];
  header?: CellValue[];
}

/** Journal rows start on row 2 (row 1 is the header) unless `above` adds title rows. */
async function check(rows: Row[], options: Options = {}) {
  const counts = options.counts === undefined ? CLEAN_COUNTS : options.counts;
  const sheets = [
    ...(options.settings ? [{ name: "设置", rows: options.settings }] : []),
    { name: "现金日记账", rows: [...(options.above ?? []), options.header ?? HEADER, ...rows] },
    ...(counts ? [{ name: "现金盘点", rows: [COUNT_HEADER, ...counts] }] : []),
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [finance],
    today: "2030-01-01",
    asOf: options.asOf ?? "2023-09-06",
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

type Report = Awaited<ReturnType<typeof check>>;
const found = (r: Report) => r.findings.map((f) => [f.rule, f.cell]);
const only = (r: Report, rule: string) => r.findings.filter((f) => f.rule === rule);

describe("checkCash", () => {
  it("finds nothing wrong with a clean week, and reports each day's close in fen", async () => {
    const report = await check(CLEAN);
    expect(report.findings).toEqual([]);
    const daily = report.reports.find((r) => r.id === "finance.cash-daily");
    expect(daily?.columns.filter((c) => c.format === "money").map((c) => c.key)).toEqual([
      "opening",
      "receipts",
      "payments",
      "closing",
      "counted",
      "difference",
    ]);
    expect(daily?.rows).toEqual([
      {
        date: "2023-09-01",
        opening: 200000,
        receipts: 300000,
        payments: 450000,
        closing: 50000,
        counted: 50000,
        difference: 0,
      },
      {
        date: "2023-09-04",
        opening: 50000,
        receipts: 100000,
        payments: 80000,
        closing: 70000,
        counted: 70000,
        difference: 0,
      },
      {
        date: "2023-09-05",
        opening: 70000,
        receipts: 0,
        payments: 50000,
        closing: 20000,
        counted: 20000,
        difference: 0,
      },
    ]);
  });

  describe("finance/cash-balance-mismatch", () => {
    it("reports a balance that does not follow, showing the working, and goes on from the written one", async () => {
      const rows = CLEAN.map((r) => [...r]);
      rows[3] = ["2023-09-01", "现付2", "购买办公用品", null, 1500, 600]; // should be 500
      // The next rows follow on from the written 600, so they are not wrong too.
      rows[4] = ["2023-09-04", "银付1", "提取现金", 1000, null, 1600];
      rows[5] = ["2023-09-04", "现付3", "支付水管维修费", null, 800, 800];
      rows[6] = ["2023-09-05", "现付4", "报销差旅费", null, 500, 300];
      const report = await check(rows, {
        counts: [
          ["2023-09-01", 600],
          ["2023-09-04", 800],
          ["2023-09-05", 300],
        ],
      });
      expect(found(report)).toEqual([["finance/cash-balance-mismatch", "F5"]]);
      const [f] = report.findings;
      expect(f?.severity).toBe("error");
      expect(f?.clause).toBe("三(四)3");
      expect(f?.message).toBe(
        "余额 ¥600.00 与计算结果不符：第 4 行余额 ¥2,000.00 + 收入 ¥0.00 − 支出 ¥1,500.00 = ¥500.00，相差 ¥100.00",
      );
      expect(f?.data).toMatchObject({ expected: 50000, written: 60000, difference: 10000, previousRow: 4 });
    });

    it("adds in the rows without a balance since the last one", async () => {
      const report = await check(
        [
          ["2023-09-01", null, "期初余额", null, null, 1000],
          ["2023-09-01", "现付1", "购买粉笔", null, 100, null],
          ["2023-09-01", "现付2", "购买墨盒", null, 200, 800],
        ],
        { counts: [["2023-09-01", 800]], asOf: "2023-09-02" },
      );
      expect(found(report)).toEqual([["finance/cash-balance-mismatch", "F4"]]);
      expect(report.findings[0]?.message).toBe(
        "余额 ¥800.00 与计算结果不符：第 2 行余额 ¥1,000.00 + 收入 ¥0.00 − 支出 ¥300.00 = ¥700.00，相差 ¥100.00",
      );
    });

    it("does not judge the first balance when the opening is unknown, and takes the opening from the settings", async () => {
      const rows: Row[] = [
        ["2023-09-01", "现付1", "购买粉笔", null, 100, 900],
        ["2023-09-01", "现付2", "购买墨盒", null, 200, 700],
      ];
      const counts: Row[] = [["2023-09-01", 700]];
      const asOf = "2023-09-02";
      expect((await check(rows, { counts, asOf })).findings).toEqual([]);
      const report = await check(rows, { counts, asOf, settings: [["现金期初余额", "1,200.00"]] });
      expect(found(report)).toEqual([["finance/cash-balance-mismatch", "F2"]]);
      expect(report.findings[0]?.message).toBe(
        "余额 ¥900.00 与计算结果不符：设置中的现金期初余额 ¥1,200.00 + 收入 ¥0.00 − 支出 ¥100.00 = ¥1,100.00，相差 ¥200.00",
      );
    });

    it("reports a carried balance (过次页/承前页) that differs from the one it carries, in English", async () => {
      const report = await check(
        [
          ["2023-09-01", null, "上月结转", null, null, 1000],
          ["2023-09-01", "现付1", "购买粉笔", null, 100, 900],
          ["2023-09-01", null, "过次页", null, 100, 900],
          ["2023-09-01", null, "承前页", null, 100, 990],
          ["2023-09-01", "现付2", "购买墨盒", null, 200, 790],
        ],
        { counts: [["2023-09-01", 790]], asOf: "2023-09-02", lang: "en" },
      );
      expect(found(report)).toEqual([["finance/cash-balance-mismatch", "F5"]]);
      expect(report.findings[0]?.message).toBe(
        "The balance ¥990.00 of “承前页” differs from the balance on row 4, ¥900.00, by ¥90.00",
      );
    });

    it("carries the balance from one month's sheet to the next and reports a carry-over that differs", async () => {
      const sheets = [
        {
          name: "9月现金日记账",
          rows: [HEADER, ["2023-09-29", "现付1", "购买粉笔", null, 100, 900]],
        },
        {
          name: "10月现金日记账",
          rows: [
            HEADER,
            ["2023-10-01", null, "上月结转", null, null, 950],
            ["2023-10-09", "现付1", "购买墨盒", null, 200, 750],
          ],
        },
      ];
      const report = await runChecks(new MemoryWorkbook({ sheets }), {
        modules: [finance],
        today: "2030-01-01",
        asOf: "2023-10-09",
      });
      expect(only(report, "finance/cash-balance-mismatch").map((f) => [f.sheet, f.cell, f.message])).toEqual([
        [
          "10月现金日记账",
          "F2",
          "“上月结转”的余额 ¥950.00 与“9月现金日记账”第 2 行余额 ¥900.00 不符，相差 ¥50.00",
        ],
      ]);
    });
    it("chains each month's sheet to its own account when two cash accounts are kept a sheet a month", async () => {
      const run = (schoolCarry: number) =>
        runChecks(
          new MemoryWorkbook({
            sheets: [
              { name: "学校现金9月", rows: [HEADER, ["2023-09-29", "现付1", "购买粉笔", null, 200, 800]] },
              { name: "食堂现金9月", rows: [HEADER, ["2023-09-29", "现付1", "购买调料", null, 100, 400]] },
              {
                name: "学校现金10月",
                rows: [
                  HEADER,
                  ["2023-10-01", null, "上月结转", null, null, schoolCarry],
                  ["2023-10-09", "现付1", "购买墨盒", null, 100, schoolCarry - 100],
                ],
              },
              {
                name: "食堂现金10月",
                rows: [
                  HEADER,
                  ["2023-10-01", null, "上月结转", null, null, 400],
                  ["2023-10-09", "现付1", "购买餐具", null, 100, 300],
                ],
              },
            ],
          }),
          { modules: [finance], today: "2030-01-01", asOf: "2023-10-09" },
        );
      // Each carry equals its own account's close: nothing is wrong.
      expect(only(await run(800), "finance/cash-balance-mismatch")).toEqual([]);
      // A carry that fits neither close goes with the sheet of the same name, and only it is wrong.
      const report = await run(850);
      expect(only(report, "finance/cash-balance-mismatch").map((f) => [f.sheet, f.cell, f.message])).toEqual([
        [
          "学校现金10月",
          "F2",
          "“上月结转”的余额 ¥850.00 与“学校现金9月”第 2 行余额 ¥800.00 不符，相差 ¥50.00",
        ],
      ]);
    });
  });

  describe("finance/cash-day-not-closed", () => {
    it("reports a day whose last entry has no balance", async () => {
      const rows = CLEAN.map((r) => [...r]);
      rows[5] = ["2023-09-04", "现付3", "支付水管维修费", null, 800, null];
      const report = await check(rows);
      expect(found(report)).toEqual([["finance/cash-day-not-closed", "F7"]]);
      expect(report.findings[0]?.message).toBe(
        "2023-09-04 有现金收付，但当天最后一笔（第 7 行）没有结出余额，未做到日清",
      );
      expect(report.findings[0]?.severity).toBe("warning");
    });

    it("takes a 本日合计 row after the day as its close, and leaves today open", async () => {
      const report = await check(
        [
          ["2023-09-01", null, "上月结转", null, null, 1000],
          ["2023-09-01", "现付1", "购买粉笔", null, 100, null],
          ["2023-09-01", null, "本日合计", null, 100, 900],
          ["2023-09-04", "现付2", "购买墨盒", null, 200, 700],
          ["2023-09-05", "现付3", "购买纸张", null, 100, null],
        ],
        {
          counts: [
            ["2023-09-01", 900],
            ["2023-09-04", 700],
          ],
          asOf: "2023-09-05",
          settings: [["库存现金限额", 5000]],
        },
      );
      expect(report.findings).toEqual([]);
    });

    it("says once that a journal without a balance column cannot be checked for 日清", async () => {
      const report = await check(
        [
          ["2023-09-01", "现收1", "收取资料费", 500, null],
          ["2023-09-01", "现付1", "送存银行", null, 500],
        ],
        {
          header: ["日期", "凭证号", "摘要", "收入", "支出"],
          counts: [["2023-09-01", 0]],
          asOf: "2023-09-02",
        },
      );
      expect(report.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
        ["finance/cash-day-not-closed", "info", "C1"],
      ]);
    });
  });

  describe("finance/cash-count-mismatch and cash-count-missing", () => {
    it("reports a count that differs from the book at the counted cell, 长款 and 短款", async () => {
      const report = await check(CLEAN, {
        counts: [
          ["2023-09-01", 520, "李会计"],
          ["2023-09-04", 650.5, "李会计"],
          ["2023-09-05", 200, "李会计"],
        ],
      });
      expect(report.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
        ["finance/cash-count-mismatch", "现金盘点", "B2"],
        ["finance/cash-count-mismatch", "现金盘点", "B3"],
      ]);
      expect(report.findings.map((f) => f.message)).toEqual([
        "2023-09-01 现金盘点实存 ¥520.00，账面余额 ¥500.00，长款 ¥20.00，请查明原因",
        "2023-09-04 现金盘点实存 ¥650.50，账面余额 ¥700.00，短款 ¥49.50，请查明原因",
      ]);
      expect(report.findings[1]?.data).toMatchObject({ difference: -4950, kind: "shortage" });
      const daily = report.reports.find((r) => r.id === "finance.cash-daily");
      expect(daily?.rows[1]).toMatchObject({ counted: 65050, closing: 70000, difference: -4950 });
    });

    it("reports each day with entries and no count at the day's last date cell, before today only", async () => {
      const report = await check(CLEAN, { counts: [["2023-09-01", 500]], asOf: "2023-09-05" });
      expect(found(report)).toEqual([["finance/cash-count-missing", "A7"]]);
      expect(report.findings[0]?.message).toBe(
        "2023-09-04 有现金收付，但没有当天的现金盘点记录（日清要求每天盘点库存现金，做到账实相符）",
      );
    });

    it("compares a count outside the journal's dates with the count's own book column", async () => {
      const sheets = [
        { name: "现金日记账", rows: [HEADER, ...CLEAN] },
        {
          name: "现金盘点",
          rows: [
            ["盘点日期", "实存金额", "账面余额"],
            ["2023-09-01", 500, 500],
            ["2023-09-04", 700, null],
            ["2023-09-05", 200, 200],
            ["2023-09-08", 190, 200],
          ],
        },
      ];
      const report = await runChecks(new MemoryWorkbook({ sheets }), {
        modules: [finance],
        today: "2030-01-01",
        asOf: "2023-09-11",
      });
      expect(found(report)).toEqual([["finance/cash-count-mismatch", "B5"]]);
      expect(report.findings[0]?.message).toBe(
        "2023-09-08 现金盘点实存 ¥190.00，账面余额 ¥200.00，短款 ¥10.00，请查明原因",
      );
    });

    it("says once, as info, that there is no cash count table", async () => {
      const report = await check(CLEAN, { counts: null });
      expect(report.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
        ["finance/cash-count-missing", "info", undefined],
      ]);
    });
  });

  describe("finance/voucher-duplicate and voucher-gap", () => {
    it("reports a number used twice and numbers missing in a cash series, month by month", async () => {
      const report = await check(
        [
          ["2023-09-01", null, "上月结转", null, null, 5000],
          ["2023-09-01", "现付1", "购买粉笔", null, 100, 4900],
          ["2023-09-01", "现付2", "购买墨盒", null, 100, 4800],
          ["2023-09-04", "现付2", "购买纸张", null, 100, 4700],
          ["2023-09-04", "现付5", "购买胶水", null, 100, 4600],
          ["2023-09-05", "现付６", "购买订书机", null, 100, 4500],
          ["2023-09-05", "现付12", "购买文件夹", null, 100, 4400],
          // A new month starts again at 1: no gap, no duplicate.
          ["2023-10-09", "现付1", "购买扫帚", null, 100, 4300],
        ],
        { counts: null, asOf: "2023-09-01", settings: [["库存现金限额", 100000]] },
      );
      expect(found(report).filter(([rule]) => rule?.startsWith("finance/voucher"))).toEqual([
        ["finance/voucher-duplicate", "B5"],
        ["finance/voucher-gap", "B6"],
        ["finance/voucher-gap", "B8"],
      ]);
      const messages = report.findings
        .filter((f) => f.rule.startsWith("finance/voucher"))
        .map((f) => f.message);
      expect(messages).toEqual([
        "2023年9月凭证号“现付2”重复，第 4 行已用过此号",
        "2023年9月凭证号从“现付2”跳到“现付5”，中间缺 “现付3”、“现付4”",
        "2023年9月凭证号从“现付6”跳到“现付12”，中间缺 “现付7”至“现付11”共 5 个号",
      ]);
    });

    it("takes consecutive lines of one voucher on one day as one use", async () => {
      const report = await check(
        [
          ["2023-09-01", null, "上月结转", null, null, 5000],
          ["2023-09-01", "现付1", "报销：购买粉笔", null, 100, 4900],
          ["2023-09-01", "现付1", "报销：购买墨盒", null, 100, 4800],
          ["2023-09-01", "现付2", "购买纸张", null, 100, 4700],
        ],
        { counts: null, asOf: "2023-09-01" },
      );
      expect(report.findings.filter((f) => f.rule.startsWith("finance/voucher"))).toEqual([]);
    });

    it("checks general (记) vouchers for gaps only when the settings ask for it", async () => {
      const rows: Row[] = [
        ["2023-09-01", null, "上月结转", null, null, 5000],
        ["2023-09-01", "记-003", "购买粉笔", null, 100, 4900],
        ["2023-09-01", "记-007", "购买墨盒", null, 100, 4800],
        ["2023-09-01", "记-007", "购买纸张", null, 100, 4700],
        ["2023-09-01", "记-003", "购买胶水", null, 100, 4600],
      ];
      const base = await check(rows, { counts: null, asOf: "2023-09-01" });
      expect(found(base).filter(([rule]) => rule?.startsWith("finance/voucher"))).toEqual([
        ["finance/voucher-duplicate", "B6"],
      ]);
      const all = await check(rows, {
        counts: null,
        asOf: "2023-09-01",
        settings: [["检查所有凭证断号", "是"]],
      });
      const gap = only(all, "finance/voucher-gap");
      expect(gap.map((f) => [f.cell, f.message])).toEqual([
        ["B4", "2023年9月凭证号从“记-003”跳到“记-007”，中间缺 “记-004”、“记-005”、“记-006”"],
      ]);
    });
  });

  describe("finance/cash-over-limit", () => {
    it("reports a run of days above the limit set in the settings once, at its first day", async () => {
      const report = await check(CLEAN, { settings: [["库存现金限额", 600]] });
      expect(found(report)).toEqual([["finance/cash-over-limit", "F7"]]);
      expect(report.findings[0]?.message).toBe(
        "2023-09-04 库存现金日终余额超过限额 ¥600.00，最高为 ¥700.00（2023-09-04）。限额取自设置“库存现金限额”。超过限额的现金应当天送存银行",
      );
      const two = await check(CLEAN, { settings: [["库存现金限额", 400]] });
      expect(found(two)).toEqual([["finance/cash-over-limit", "F5"]]);
      expect(two.findings[0]?.data).toMatchObject({ from: "2023-09-01", to: "2023-09-04", max: 70000 });
    });

    it("estimates the limit from days of spending, deposits left out, and says how", async () => {
      // Spending 2023-09-01..09-05: 3 × 300 over 3 workdays, 300 a day; the deposit is not spending.
      const report = await check(
        [
          ["2023-09-01", null, "上月结转", null, null, 3000],
          ["2023-09-01", "现付1", "购买粉笔", null, 300, 2700],
          ["2023-09-04", "现付2", "购买墨盒", null, 300, 2400],
          ["2023-09-05", "现付3", "购买纸张", null, 300, 2100],
          ["2023-09-05", "现付4", "送存银行", null, 1000, 1100],
        ],
        {
          counts: [
            ["2023-09-01", 2700],
            ["2023-09-04", 2400],
            ["2023-09-05", 1100],
          ],
        },
      );
      expect(found(report)).toEqual([["finance/cash-over-limit", "F3"]]);
      expect(report.findings[0]?.message).toBe(
        "2023-09-01 至 2023-09-05 库存现金日终余额超过限额 ¥900.00，最高为 ¥2,700.00（2023-09-01）。限额按 3 天日常零星开支估算：2023-09-01 至 2023-09-05 日常支出共 ¥900.00，3 个工作日，日均 ¥300.00，× 3 天 = ¥900.00（可在设置表填写开户银行核定的“库存现金限额”）。超过限额的现金应当天送存银行",
      );
      // Five days of spending make a limit of 1,500: only the first two days are over it.
      const five = await check(
        [
          ["2023-09-01", null, "上月结转", null, null, 3000],
          ["2023-09-01", "现付1", "购买粉笔", null, 300, 2700],
          ["2023-09-04", "现付2", "购买墨盒", null, 300, 2400],
          ["2023-09-05", "现付3", "购买纸张", null, 300, 2100],
          ["2023-09-05", "现付4", "送存银行", null, 1000, 1100],
        ],
        {
          counts: [
            ["2023-09-01", 2700],
            ["2023-09-04", 2400],
            ["2023-09-05", 1100],
          ],
          settings: [["现金限额天数", 5]],
        },
      );
      expect(five.findings.map((f) => [f.cell, f.data?.to, f.data?.limit])).toEqual([
        ["F3", "2023-09-04", 150000],
      ]);
    });
  });

  describe("finance/cash-sitting-payment and receipts-not-deposited", () => {
    it("reports 坐支 at the payment paid out of the day's receipts, and not the same receipts again", async () => {
      const report = await check(
        [
          ["2023-09-01", null, "上月结转", null, null, 100],
          ["2023-09-01", "现收1", "收取校服费", 3000, null, 3100],
          ["2023-09-01", "现付1", "支付食堂临时工工资", null, 500, 2600],
          ["2023-09-01", "现付2", "送存银行", null, 2500, 100],
        ],
        { counts: [["2023-09-01", 100]], asOf: "2023-09-02", settings: [["库存现金限额", 5000]] },
      );
      expect(found(report)).toEqual([["finance/cash-sitting-payment", "E4"]]);
      expect(report.findings[0]?.message).toBe(
        "2023-09-01“支付食堂临时工工资”支出 ¥500.00，此时当天收到的现金 ¥3,000.00 尚未送存银行，而当天原有库存现金（含从银行提取的）只够支付 ¥100.00，其中 ¥400.00 直接用现金收入支付，属于坐支。现金收入应当天送存银行，支出从库存现金或银行提取",
      );
      expect(report.findings[0]?.data).toMatchObject({ sitting: 40000, ownCash: 10000 });
    });

    it("does not call a payment 坐支 when cash on hand or a withdrawal that day covers it", async () => {
      const report = await check(
        [
          ["2023-09-01", null, "上月结转", null, null, 100],
          ["2023-09-01", "现收1", "收取校服费", 3000, null, 3100],
          ["2023-09-01", "现付1", "支付维修费", null, 800, 2300],
          ["2023-09-01", "银付1", "提取现金", 1000, null, 3300],
          ["2023-09-01", "现付2", "送存银行", null, 3000, 300],
        ],
        { counts: [["2023-09-01", 300]], asOf: "2023-09-02", settings: [["库存现金限额", 5000]] },
      );
      expect(report.findings).toEqual([]);
    });

    it("does not call a payment 坐支 out of cash withdrawn from the bank with 取款 wording", async () => {
      for (const summary of ["从基本户取款", "现金支票取现金", "从银行取备用", "开现金支票"]) {
        const report = await check(
          [
            ["2023-09-01", null, "上月结转", null, null, 100],
            ["2023-09-04", "记-3", summary, 2000, null, 2100],
            ["2023-09-04", "记-4", "购办公用品", null, 1500, 600],
          ],
          { counts: [["2023-09-04", 600]], asOf: "2023-09-05", settings: [["库存现金限额", 5000]] },
        );
        expect(only(report, "finance/cash-sitting-payment"), summary).toEqual([]);
      }
    });

    it("does not call a payment 坐支 when the receipts were deposited before it", async () => {
      const report = await check(
        [
          ["2023-09-01", null, "上月结转", null, null, 100],
          ["2023-09-01", "现收1", "收取校服费", 3000, null, 3100],
          ["2023-09-01", "现付1", "送存银行", null, 3000, 100],
          ["2023-09-01", "现付2", "支付维修费", null, 100, 0],
        ],
        { counts: [["2023-09-01", 0]], asOf: "2023-09-02", settings: [["库存现金限额", 5000]] },
      );
      expect(report.findings).toEqual([]);
    });

    it("reports receipts not deposited the same day at the day's first receipt", async () => {
      const rows: Row[] = [
        ["2023-09-01", null, "上月结转", null, null, 500],
        ["2023-09-01", "现收1", "收取资料费", 1200, null, 1700],
        ["2023-09-01", "现收2", "收取校服费", 1800, null, 3500],
        ["2023-09-01", "现付1", "送存银行", null, 1000, 2500],
        ["2023-09-04", "现付2", "送存银行", null, 2000, 500],
      ];
      const counts: Row[] = [
        ["2023-09-01", 2500],
        ["2023-09-04", 500],
      ];
      const settings: Row[] = [["库存现金限额", 5000]];
      const report = await check(rows, { counts, settings });
      expect(found(report)).toEqual([["finance/receipts-not-deposited", "D3"]]);
      expect(report.findings[0]?.message).toBe(
        "2023-09-01 收到现金 ¥3,000.00，当天送存银行 ¥1,000.00，有 ¥2,000.00 未按时送存（现金收入应当日送存开户银行）",
      );
      // Three days to deposit: the Monday deposit is in time.
      const later = await check(rows, { counts, settings: [...settings, ["现金送存期限", 3]] });
      expect(later.findings).toEqual([]);
      // Nothing deposited at all, in English.
      const none = await check(
        [
          ["2023-09-01", null, "上月结转", null, null, 500],
          ["2023-09-01", "现收1", "收取资料费", 1200, null, 1700],
        ],
        { counts: [["2023-09-01", 1700]], settings, lang: "en" },
      );
      expect(none.findings.map((f) => [f.rule, f.cell, f.message])).toEqual([
        [
          "finance/receipts-not-deposited",
          "D3",
          "¥1,200.00 of cash was received on 2023-09-01 and none of it was deposited the same day (cash receipts are to be deposited the same day)",
        ],
      ]);
      // Today is still within the deadline: not judged yet.
      const open = await check(rows.slice(0, 4), {
        counts: counts.slice(0, 1),
        settings,
        asOf: "2023-09-01",
      });
      expect(open.findings).toEqual([]);
    });
  });

  it("reads a messy journal: title rows, serial and text dates, text and full-width money, carry rows, #REF!", async () => {
    const report = await check(
      [
        [null, null, "承前页", null, null, "¥2,000.00"],
        [
          { value: 45170, text: "2023/9/1", format: "yyyy/m/d" },
          "现收字第1号",
          "收取课后服务费",
          "3,000元",
          null,
          "5000",
        ],
        [null, "现付字第1号", "送存银行", null, "３０００", "２０００"],
        [null, null, null, null, null, null],
        ["9月1日", "现付字第2号", "购买办公用品", null, "1500.00", { error: "#REF!" }],
        ["2023年9月4日", "银付1", "提取现金", 1000, null, 1500],
        ["2023.9.4", "现付3", "支付水管维修费", null, 800, 700],
        ["2023/9/5", "现付4", "冲销多报差旅费", null, "(500)", 1200],
      ],
      {
        above: [["2023年现金日记账"], ["单位：某某小学", null, null, null, "单位：元"]],
        counts: [
          ["2023-09-01", 500],
          ["2023-09-04", 700],
          ["2023-09-05", 1200],
        ],
      },
    );
    // Row 3 is the header. The #REF! is reported by the reader, not judged again; the reversal of a
    // payment (a negative payment) adds 500 back, so 1,200 follows.
    expect(found(report)).toEqual([["workbook/error-value", "F8"]]);
    const daily = report.reports.find((r) => r.id === "finance.cash-daily");
    expect(daily?.rows.map((r) => [r.date, r.opening, r.closing, r.difference])).toEqual([
      ["2023-09-01", 200000, 50000, 0],
      ["2023-09-04", 50000, 70000, 0],
      ["2023-09-05", 70000, 120000, 0],
    ]);
  });

  it("never throws on arbitrary cells under a cash journal header", async () => {
    const cell = fc.oneof(
      fc.constantFrom<CellValue>(
        "承前页",
        "过次页",
        "本日合计",
        "送存银行",
        "提取现金",
        "收取资料费",
        "现收1",
        "现付02",
        "记-015",
        "¥1,300.00",
        "６００",
        "(100.00)",
        "2023年9月1日",
        "9月1日",
        "2023/13/45",
        "",
        null,
        null,
      ),
      fc.constantFrom<CellValue>({ error: "#REF!" }, { error: "#N/A" }),
      fc.integer({ min: -1_000_000, max: 3_000_000 }),
      fc.integer({ min: 44_900, max: 45_600 }),
      fc.double({ noNaN: false }),
      fc.string({ maxLength: 8 }),
    );
    const rows = fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(rows, rows, async (journal, counts) => {
        const report = await runChecks(
          new MemoryWorkbook({
            sheets: [
              { name: "现金日记账", rows: [HEADER, ...journal] },
              { name: "现金盘点", rows: [COUNT_HEADER, ...counts.map((r) => r.slice(0, 3))] },
            ],
          }),
          { modules: [finance], today: "2023-11-01" },
        );
        for (const f of report.findings) {
          expect(f.rule).toMatch(/^[a-z]+\/[a-z-]+$/);
          if (f.rule.startsWith("finance/")) expect(f.message).not.toMatch(/\{[a-zA-Z]+\}/);
          if (f.cell !== undefined) expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
        }
        for (const r of report.reports)
          for (const row of r.rows)
            for (const c of r.columns.filter((c) => c.format === "money"))
              expect(row[c.key] === null || Number.isSafeInteger(row[c.key])).toBe(true);
      }),
      { seed: 20230901, numRuns: 200 },
    );
  });
});
