import type { CellValue } from "@houqin/core";
import { HouqinError } from "@houqin/core";
import { type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { loanCheck } from "../checkLoans.js";
import { compensation } from "../compensation.js";
import { assetLedger } from "../ledgerKinds.js";
import { loanRegister } from "../useKinds.js";

const assets: HouqinModule = {
  id: "assets",
  title: { "zh-CN": "校产", en: "Assets" },
  kinds: [assetLedger, loanRegister],
  checks: [loanCheck],
};

const LEDGER: CellValue[][] = [
  ["资产编号", "资产名称", "资产分类", "数量", "单价", "原值", "取得日期", "存放地点", "净值"],
  ["ZC-001", "投影仪", "通用设备", 1, null, 6000, "2020-09-15", "多媒体教室", 2400],
  ["ZC-002", "数码相机", "通用设备", 2, 3000, null, "2022-03-10", "办公室", null],
  ["ZC-003", "篮球", "体育器材", 10, 150, null, null, "器材室", null],
  ["ZC-004", "红楼梦", "图书", 1, 45, null, "2021-09-01", "图书室", null],
];

const HEADER: CellValue[] = [
  "资产名称",
  "资产编号",
  "借用人",
  "借出日期",
  "应还日期",
  "归还日期",
  "归还状况",
  "损坏程度",
];

const LOANS: CellValue[][] = [
  ["投影仪", "ZC-001", "王老师", "2023-11-01", "2023-11-10", "2023-11-09", "镜头损坏", "50%"],
  ["数码相机", "ZC-002", "李老师", "2023-11-01", "2023-11-08", "2023-11-10", "屏幕碎裂", 0.5],
  ["篮球", "ZC-003", "体育组", "2023-10-20", "2023-10-27", null, "丢失1个", null],
  ["笔记本电脑", "ZC-099", "张老师", "2023-11-15", "2023-11-22", null, null, null],
  ["投影仪", "ZC-001", "张老师", "2023-11-20", "2023-12-20", null, null, null],
  ["话筒", null, "王老师", "2023-11-25", "2023-12-05", null, null, null],
  ["红楼梦", "ZC-004", "赵同学", "2023-11-01", "2023-11-15", "2023-11-14", "封面破损", null],
  ["红楼梦", "ZC-004", "钱同学", "2023-11-16", "2023-11-30", "2023-11-28", "完好", null],
];

async function check(
  loans: CellValue[][],
  options: {
    ledger?: CellValue[][] | null;
    settings?: CellValue[][];
    lang?: "zh-CN" | "en";
    asOf?: string;
  } = {},
) {
  const ledger = options.ledger === undefined ? LEDGER : options.ledger;
  const sheets = [
    ...(options.settings ? [{ name: "设置", rows: options.settings }] : []),
    ...(ledger ? [{ name: "资产台账", rows: ledger }] : []),
    { name: "借用登记", rows: [HEADER, ...loans] },
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [assets],
    today: "2030-01-01",
    asOf: options.asOf ?? "2023-12-01",
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

const found = (r: Awaited<ReturnType<typeof check>>) => r.findings.map((f) => [f.rule, f.severity, f.cell]);

describe("compensation", () => {
  it("is the net value times the damage share, with its working", () => {
    const c = compensation({ netValue: 120000, damageShare: 0.5 });
    expect(c.amount).toBe(60000);
    expect(c.working["zh-CN"]).toBe("净值 ¥1,200.00 × 损坏比例 50% = ¥600.00");
    expect(c.working.en).toBe("net value ¥1,200.00 × damage share 50% = ¥600.00");
  });

  it("follows a policy on the original value with a rate, rounding once to the fen", () => {
    const c = compensation({
      netValue: 50000,
      originalValue: 100005,
      damageShare: 0.125,
      policy: { basis: "original-value", rate: 0.8 },
    });
    // 1000.05 × 0.125 × 0.8 = 100.005 -> 100.01
    expect(c).toEqual({
      amount: 10001,
      basis: "original-value",
      base: 100005,
      working: {
        "zh-CN": "原值 ¥1,000.05 × 损坏比例 12.5% × 赔偿系数 80% = ¥100.01",
        en: "original value ¥1,000.05 × damage share 12.5% × rate 80% = ¥100.01",
      },
    });
  });

  it("handles a whole loss and no damage", () => {
    expect(compensation({ netValue: 15000, damageShare: 1 }).working["zh-CN"]).toBe(
      "净值 ¥150.00 × 损坏比例 100% = ¥150.00",
    );
    expect(compensation({ netValue: 15000, damageShare: 0 }).amount).toBe(0);
  });

  it("throws a coded error for a share out of range or a missing original value", () => {
    expect(() => compensation({ netValue: 100, damageShare: 1.5 })).toThrow(HouqinError);
    try {
      compensation({ netValue: 100, damageShare: 0.5, policy: { basis: "original-value", rate: 1 } });
      expect.unreachable();
    } catch (error) {
      expect((error as HouqinError).code).toBe("INVALID_ARGUMENT");
    }
  });
});

describe("checkLoans", () => {
  it("reports each rule at its cell", async () => {
    const report = await check(LOANS);
    expect(found(report)).toEqual([
      ["assets/loan-not-in-ledger", "warning", "B5"],
      ["assets/loan-overdue", "warning", "F5"],
      ["assets/borrower-several-loans", "warning", "C6"],
      ["assets/loan-not-in-ledger", "warning", "A7"],
      ["assets/loan-damage-unassessed", "warning", "H8"],
      ["assets/loan-compensation", "info", "H2"],
      ["assets/loan-compensation", "info", "H3"],
      ["assets/loan-compensation", "info", "H4"],
    ]);
    expect(report.findings.every((f) => f.clause === "三(二)3")).toBe(true);
  });

  it("words its findings for a clerk", async () => {
    const report = await check(LOANS);
    const message = (rule: string) => report.findings.find((f) => f.rule === rule)?.message;
    expect(message("assets/loan-overdue")).toBe(
      "张老师借用的“笔记本电脑”应于 2023-11-22 归还，到 2023-12-01 仍未归还，已逾期 9 天",
    );
    expect(message("assets/loan-not-in-ledger")).toBe(
      "借出的“笔记本电脑”（编号 ZC-099）在资产台账中找不到（按编号和名称都未找到），请核对或补登入账",
    );
    expect(message("assets/borrower-several-loans")).toBe(
      "张老师目前有 2 件借用物品未归还：“笔记本电脑”（第 5 行）、“投影仪”（第 6 行），其中 1 件已逾期",
    );
    expect(message("assets/loan-damage-unassessed")).toBe(
      "“红楼梦”归还时登记为“封面破损”，但没有填写损坏程度，无法计算赔偿",
    );
    expect(message("assets/loan-compensation")).toBe(
      "王老师归还的“投影仪”损坏，按学校赔偿办法应赔偿 ¥1,200.00：净值 ¥2,400.00 × 损坏比例 50% = ¥1,200.00",
    );
  });

  it("says it in English", async () => {
    const report = await check(LOANS, { lang: "en" });
    expect(report.findings.find((f) => f.rule === "assets/loan-overdue")?.message).toBe(
      "“笔记本电脑” lent to 张老师 was due back on 2023-11-22 and is still not returned on 2023-12-01: 9 days overdue",
    );
  });

  it("lists each damaged return with its working: ledger net value, depreciation, or the original value", async () => {
    const report = await check(LOANS);
    const sheet = report.reports.find((r) => r.id === "assets.loan-compensation");
    expect(sheet?.title["zh-CN"]).toBe("损坏赔偿计算");
    expect(sheet?.rows.map((r) => [r.asset, r.damageShare, r.amount, r.working, r.note])).toEqual([
      [
        "投影仪",
        "50%",
        "¥1,200.00",
        "净值 ¥2,400.00 × 损坏比例 50% = ¥1,200.00",
        "台账“资产台账”第 2 行的净值",
      ],
      [
        // ¥3,000 over 5 years (60 months), March 2022 to October 2023: 20 months, ¥1,000 depreciated.
        "数码相机",
        "50%",
        "¥1,000.00",
        "净值 ¥2,000.00 × 损坏比例 50% = ¥1,000.00",
        "原值 ¥3,000.00 按 5 年直线法折旧至 2023-11-10（已提 20 个月），台账第 3 行（按数量 2 折为单件）",
      ],
      [
        "篮球",
        "100%",
        "¥150.00",
        "原值 ¥150.00 × 损坏比例 100% = ¥150.00",
        "台账第 4 行没有净值，且没有取得日期，无法计算折旧，暂按原值计算（按数量 10 折为单件）",
      ],
      ["红楼梦", null, null, null, "未填损坏程度，无法计算赔偿"],
    ]);
  });

  it("takes the compensation policy from the settings", async () => {
    const settings: CellValue[][] = [
      ["赔偿计价", "原值"],
      ["赔偿系数", "80%"],
    ];
    const report = await check(LOANS.slice(0, 1), { settings });
    expect(report.reports[0]?.rows[0]?.working).toBe(
      "原值 ¥6,000.00 × 损坏比例 50% × 赔偿系数 80% = ¥2,400.00",
    );
  });

  it("does not look for a ledger that is not there, and says why it cannot price the damage", async () => {
    const report = await check(LOANS, { ledger: null });
    expect(report.findings.filter((f) => f.rule === "assets/loan-not-in-ledger")).toEqual([]);
    expect(report.reports[0]?.rows[0]?.note).toBe("工作簿中没有资产台账，无法计算赔偿");
  });

  it("matches the ledger by name when the number is missing, and reads messy cells", async () => {
    const loans: CellValue[][] = [
      ["投影仪", null, " 周老师 ", "2023年11月1日", "2023.11.8", null, null, null],
      ["数码相机", "ＺＣ－００２", "周老师", "11月2日", "11月30日", "2023/11/20", "外壳划伤", 20],
    ];
    const report = await check(loans);
    expect(found(report)).toEqual([
      ["assets/loan-overdue", "warning", "F2"],
      ["assets/loan-compensation", "info", "H3"],
    ]);
    expect(report.reports[0]?.rows[0]?.working).toBe("净值 ¥2,000.00 × 损坏比例 20% = ¥400.00");
  });

  it("reports a borrower with several loans as info when none is overdue, up to the limit in the settings", async () => {
    const loans: CellValue[][] = [
      ["投影仪", "ZC-001", "体育组", "2023-11-20", "2023-12-20", null, null, null],
      ["篮球", "ZC-003", "体育组", "2023-11-21", "2023-12-20", null, null, null],
    ];
    expect(found(await check(loans))).toEqual([["assets/borrower-several-loans", "info", "C3"]]);
    expect(found(await check(loans, { settings: [["借用件数上限", 2]] }))).toEqual([]);
  });

  it("reports an unreadable damage share at its cell and keeps going", async () => {
    const loans: CellValue[][] = [
      ["投影仪", "ZC-001", "王老师", "2023-11-01", "2023-11-10", "2023-11-09", "镜头损坏", "很严重"],
      ["数码相机", "ZC-002", "李老师", "2023-11-01", "2023-11-08", "2023-11-10", "完好", null],
    ];
    const report = await check(loans);
    expect(found(report)).toEqual([["workbook/unreadable-cell", "warning", "H2"]]);
    expect(report.findings[0]?.message).toBe("“损坏程度”：“很严重”不是可识别的比例，请填写如 50% 或 0.5");
  });
});
