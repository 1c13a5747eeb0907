import type { CellValue } from "@houqin/core";
import { MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { procurement } from "../index.js";

/** A school year: the summer holiday runs 2024-07-06 to 2024-08-31, the winter one 2024-01-27 to 2024-02-25. */
const SETTINGS: CellValue[][] = [
  ["设置项", "值"],
  ["第一学期开始", "2023-09-01"],
  ["第一学期结束", "2024-01-26"],
  ["第二学期开始", "2024-02-26"],
  ["第二学期结束", "2024-07-05"],
];

// A: project, B: category, C: amount, D: period, then each stage's date and 文号:
// E/F 三重一大, G/H 立项, I/J 论证, K/L 采购, M/N 验收, O/P 审计, Q/R 结算.
const HEADER: CellValue[] = [
  "项目名称",
  "类别",
  "预算金额（元）",
  "实施时段",
  "三重一大决策日期",
  "文号",
  "立项批复日期",
  "文号",
  "专家论证日期",
  "文号",
  "委托代理采购日期",
  "文号",
  "验收日期",
  "文号",
  "审计日期",
  "文号",
  "结算日期",
  "文号",
];

type Dates = [
  decision?: string | null,
  approval?: string | null,
  review?: string | null,
  procurement?: string | null,
  acceptance?: string | null,
  audit?: string | null,
  settlement?: string | null,
];

function project(
  name: string,
  dates: Dates,
  options: { amount?: number | string; period?: string; category?: string; docs?: (string | null)[] } = {},
): CellValue[] {
  const cells: CellValue[] = [
    name,
    options.category ?? "基建",
    options.amount ?? 300_000,
    options.period ?? "学期中",
  ];
  for (let i = 0; i < 7; i++) cells.push(dates[i] ?? null, options.docs?.[i] ?? null);
  return cells;
}

/** A project done by the book, well before "today". */
const CLEAN = project("操场塑胶跑道改造", [
  "2023-10-09",
  "2023-10-20",
  "2023-11-02",
  "2023-11-20",
  "2024-01-10",
  "2024-01-20",
  "2024-02-01",
]);

async function check(
  rows: CellValue[][],
  options: { asOf?: string; settings?: CellValue[][]; lang?: "zh-CN" | "en"; header?: CellValue[] } = {},
) {
  const report = await runChecks(
    new MemoryWorkbook({
      sheets: [
        { name: "设置", rows: options.settings ?? SETTINGS },
        { name: "基建项目", rows: [options.header ?? HEADER, ...rows] },
      ],
    }),
    {
      modules: [procurement],
      today: "2030-01-01",
      asOf: options.asOf ?? "2024-06-03",
      lang: options.lang ?? "zh-CN",
    },
  );
  return report;
}

const found = (report: Awaited<ReturnType<typeof check>>) =>
  report.findings.map((f) => [f.rule, f.severity, f.cell] as const);

describe("checkProjects", () => {
  it("finds nothing wrong with a project that went through every stage in order", async () => {
    const report = await check([CLEAN]);
    expect(report.findings).toEqual([]);
    expect(report.tables[0]?.columns).toEqual({
      project: "A",
      category: "B",
      amount: "C",
      period: "D",
      decisionDate: "E",
      decisionDoc: "F",
      approvalDate: "G",
      approvalDoc: "H",
      reviewDate: "I",
      reviewDoc: "J",
      procurementDate: "K",
      procurementDoc: "L",
      acceptanceDate: "M",
      acceptanceDoc: "N",
      auditDate: "O",
      auditDoc: "P",
      settlementDate: "Q",
      settlementDoc: "R",
    });
  });

  it("reports a stage dated before the stage before it, at the later stage's date", async () => {
    const report = await check([
      project("教学楼屋面防水维修", [
        "2024-03-12",
        "2024-03-05",
        "2024-03-20",
        "2024-04-10",
        "2024-04-30",
        "2024-05-10",
        "2024-05-20",
      ]),
    ]);
    expect(found(report)).toEqual([["procurement/stage-out-of-order", "error", "G2"]]);
    expect(report.findings[0]?.message).toBe(
      "项目“教学楼屋面防水维修”的立项审批日期 2024-03-05 早于上一环节三重一大的日期 2024-03-12，环节顺序颠倒",
    );
    expect(report.findings[0]?.clause).toBe("三(二)4");
  });

  it("compares a stage with the nearest dated stage before it when one between is blank", async () => {
    const report = await check([project("围墙加固", ["2024-03-12", null, "2024-03-01"])]);
    expect(found(report)).toEqual([
      ["procurement/stage-skipped", "error", "G2"],
      ["procurement/stage-out-of-order", "error", "I2"],
    ]);
  });

  it("reports a skipped stage at the missing stage's cell, naming the later stage", async () => {
    const report = await check([
      project("食堂排烟管道更换", ["2024-03-12", "2024-03-20", null, "2024-04-15"]),
    ]);
    expect(found(report)).toEqual([["procurement/stage-skipped", "error", "I2"]]);
    expect(report.findings[0]?.message).toBe(
      "项目“食堂排烟管道更换”已于 2024-04-15 办理委托代理采购，但没有专家论证的日期：该环节缺失或漏登记",
    );
  });

  it("warns instead when the skipped stage has a document number but no date", async () => {
    const report = await check([
      project("食堂排烟管道更换", ["2024-03-12", null, "2024-03-25"], {
        docs: [null, "示例区教育局〔2024〕12号"],
      }),
    ]);
    expect(found(report)).toEqual([["procurement/stage-skipped", "warning", "G2"]]);
    expect(report.findings[0]?.message).toBe(
      "项目“食堂排烟管道更换”的立项审批已有文号“示例区教育局〔2024〕12号”，但未填日期，无法核对环节顺序",
    );
  });

  it("does not ask for agency procurement below the threshold", async () => {
    const report = await check([
      project(
        "办公桌椅添置",
        ["2024-03-01", "2024-03-08", "2024-03-15", null, "2024-04-20", "2024-04-25", "2024-05-06"],
        {
          amount: 86_000,
          category: "装备",
        },
      ),
    ]);
    expect(report.findings).toEqual([]);
  });

  it("reports a project accepted and not settled within 30 days, at the settlement cell", async () => {
    const report = await check([
      project("学生宿舍热水改造", [
        "2024-01-08",
        "2024-01-15",
        "2024-01-22",
        "2024-02-28",
        "2024-04-01",
        "2024-04-20",
      ]),
    ]);
    expect(found(report)).toEqual([["procurement/settlement-overdue", "warning", "Q2"]]);
    expect(report.findings[0]?.message).toBe(
      "项目“学生宿舍热水改造”已于 2024-04-01 验收，至 2024-06-03 已 63 天仍未结算（应在验收后 30 天内、即 2024-05-01 前结算）",
    );
  });

  it("takes the settlement period from the settings", async () => {
    const rows = [
      project("学生宿舍热水改造", ["2024-01-08", "2024-01-15", "2024-01-22", "2024-02-28", "2024-04-01"]),
    ];
    const settings = [...SETTINGS, ["结算期限（天）", 90]];
    expect((await check(rows, { settings })).findings).toEqual([]);
    expect(found(await check(rows, { settings, asOf: "2024-07-01" }))).toEqual([
      ["procurement/settlement-overdue", "warning", "Q2"],
    ]);
  });

  it("reports a project at the threshold that went past procurement without an agency", async () => {
    const report = await check([
      project("综合楼电梯加装", ["2024-01-08", "2024-01-15", "2024-01-22", null, "2024-05-20"], {
        amount: "100万",
      }),
    ]);
    expect(found(report)).toEqual([["procurement/agency-missing", "error", "K2"]]);
    expect(report.findings[0]?.message).toBe(
      "项目“综合楼电梯加装”金额 ¥1,000,000.00，达到政府采购限额 ¥1,000,000.00，应委托代理机构实施政府采购，但没有采购日期，却已办理专家验收",
    );
  });

  it("reminds of agency procurement for a large project not yet at that stage, as info", async () => {
    const report = await check([project("综合楼电梯加装", ["2024-05-08"], { amount: 1_250_000 })]);
    expect(found(report)).toEqual([["procurement/agency-missing", "info", "K2"]]);
  });

  it("takes the government-procurement threshold from the settings", async () => {
    const rows = [
      project("多媒体教室设备", ["2024-01-08", "2024-01-15", "2024-01-22", null, "2024-05-20"], {
        amount: 600_000,
      }),
    ];
    expect((await check(rows)).findings).toEqual([]);
    const settings = [...SETTINGS, ["政府采购限额", "50万元"]];
    expect(found(await check(rows, { settings }))).toEqual([["procurement/agency-missing", "error", "K2"]]);
  });

  it("reports a summer project whose remaining stages cannot fit before the term starts", async () => {
    // From 1 July: approval 10 + review 5 + procurement 20 working days end on 16 August; the works
    // end on 13 September and acceptance on the 19th (the Saturday 14th is a 调休 working day, the
    // 15th–17th 中秋节), 13 working days after 30 August, the last working day of the holiday.
    const report = await check([project("风雨操场建设", ["2024-06-24"], { period: "暑假" })], {
      asOf: "2024-07-01",
    });
    expect(found(report)).toEqual([["procurement/holiday-window", "warning", "G2"]]);
    expect(report.findings[0]?.message).toBe(
      "项目“风雨操场建设”安排在暑假实施，须在 2024-08-30 前完成验收（2024-09-01 开学）；从 2024-07-01 起，尚需立项审批 10 天、专家论证 5 天、委托代理采购 20 天、施工（供货安装） 20 天、专家验收 3 天，至少 58 个工作日，最早 2024-09-19 才能验收完毕，差 13 个工作日。请尽早办理或改在以后的假期实施",
    );
  });

  it("says the same in English", async () => {
    const report = await check([project("Sports hall", ["2024-06-24"], { period: "暑假" })], {
      asOf: "2024-07-01",
      lang: "en",
    });
    expect(report.findings[0]?.message).toBe(
      "Project “Sports hall” is planned for the summer holiday and must be accepted by 2024-08-30 (term starts 2024-09-01); counting from 2024-07-01, the steps left (project approval 10, expert review 5, agency procurement 20, works (or delivery and installation) 20, expert acceptance 3) need at least 58 working days, so acceptance can end on 2024-09-19 at the earliest, 13 working days too late. Start sooner or move the project to a later holiday",
    );
  });

  it("lets a summer project procured before the holiday be built in it", async () => {
    const report = await check(
      [project("风雨操场建设", ["2024-04-01", "2024-04-15", "2024-04-22", "2024-06-20"], { period: "暑假" })],
      { asOf: "2024-07-01" },
    );
    expect(report.findings).toEqual([]);
  });

  it("finds the winter holiday too short for 20 working days of works, even when procured", async () => {
    const report = await check(
      [project("锅炉房改造", ["2023-10-09", "2023-10-20", "2023-11-02", "2023-12-20"], { period: "寒假" })],
      { asOf: "2024-01-10" },
    );
    expect(found(report)).toEqual([["procurement/holiday-window", "warning", "M2"]]);
    expect(report.findings[0]?.data).toMatchObject({ holidayStart: "2024-01-27", holidayEnd: "2024-02-25" });
  });

  it("uses the holiday of the settings and the working days they set", async () => {
    const rows = [project("风雨操场建设", ["2024-06-24"], { period: "假期" })];
    const settings = [
      ...SETTINGS,
      ["假期开始", "2024-07-10"],
      ["假期结束", "2024-09-10"],
      ["立项审批所需工作日", 5],
      ["委托采购所需工作日", 10],
    ];
    expect((await check(rows, { settings, asOf: "2024-07-01" })).findings).toEqual([]);
  });

  it("leaves term-time projects and accepted projects out of the holiday check", async () => {
    const report = await check(
      [
        project("风雨操场建设", ["2024-06-24"], { period: "学期中" }),
        project("图书馆书架", ["2024-03-01", "2024-03-08", "2024-03-15", "2024-04-01", "2024-06-28"], {
          period: "暑假",
        }),
      ],
      { asOf: "2024-07-01" },
    );
    expect(report.findings).toEqual([]);
  });

  it("treats every unaccepted project as a holiday project when the register has no 实施时段 column", async () => {
    const header = HEADER.filter((h) => h !== "实施时段");
    const row = project("风雨操场建设", ["2024-06-24"]);
    row.splice(3, 1);
    const report = await check([row], { asOf: "2024-07-01", header });
    expect(found(report)).toEqual([["procurement/holiday-window", "warning", "F2"]]);
  });

  it("says once which stages the register has no column for, and judges the rest", async () => {
    const header = ["项目名称", "金额", "三重一大", "立项", "验收日期", "结算日期"];
    const report = await check([["校门改造", 200_000, "2024-03-01", null, "2024-05-01", "2024-05-20"]], {
      header,
    });
    expect(found(report)).toEqual([
      ["procurement/stage-skipped", "error", "D2"],
      ["procurement/stage-column-missing", "info", "A1"],
    ]);
    expect(report.findings[1]?.message).toBe(
      "项目登记表没有专家论证、委托代理采购、审计的日期列，这些环节未核对",
    );
  });

  it("reads a two-row header with each stage merged over its 日期 and 文号", async () => {
    const top: CellValue[] = [
      "项目名称",
      "预算金额",
      "三重一大",
      null,
      "立项审批",
      null,
      "委托代理采购",
      null,
    ];
    const sub: CellValue[] = [null, null, "日期", "文号", "日期", "文号", "日期", "文号"];
    const report = await runChecks(
      new MemoryWorkbook({
        sheets: [
          {
            name: "项目台账",
            rows: [
              top,
              sub,
              [
                "校园监控升级",
                450_000,
                "2024-03-01",
                "纪要〔2024〕2号",
                "2024-02-20",
                "批复12号",
                null,
                "合同-7",
              ],
            ],
            merges: [
              { top: 1, left: 1, bottom: 2, right: 1 },
              { top: 1, left: 2, bottom: 2, right: 2 },
              { top: 1, left: 3, bottom: 1, right: 4 },
              { top: 1, left: 5, bottom: 1, right: 6 },
              { top: 1, left: 7, bottom: 1, right: 8 },
            ],
          },
        ],
      }),
      { modules: [procurement], today: "2024-06-03" },
    );
    expect(report.tables[0]?.columns).toMatchObject({
      decisionDate: "C",
      decisionDoc: "D",
      approvalDate: "E",
      approvalDoc: "F",
      procurementDate: "G",
      procurementDoc: "H",
    });
    expect(report.findings.filter((f) => f.severity !== "info").map((f) => [f.rule, f.cell])).toEqual([
      ["procurement/stage-out-of-order", "E3"],
    ]);
  });

  it("keeps checking the other projects when a date cannot be read", async () => {
    const report = await check([
      project("校门改造", ["2024-03-01", "三月中旬", "2024-03-20"]),
      project("食堂排烟管道更换", ["2024-03-12", "2024-03-20", null, "2024-04-15"]),
    ]);
    expect(found(report)).toEqual([
      ["procurement/stage-skipped", "error", "I3"],
      ["workbook/unreadable-cell", "warning", "G2"],
    ]);
  });

  it("reads 类别 as 基建 or 装备 and reports any other word at its cell", async () => {
    const report = await check([
      CLEAN,
      project("多媒体教室设备", [], { category: "信息化设备" }),
      project("校史馆布展", [], { category: "文化" }),
    ]);
    expect(found(report)).toEqual([["workbook/unreadable-cell", "warning", "B4"]]);
    expect(report.findings[0]?.message).toBe("“类别”：类别“文化”无法识别，应为“基建”或“装备”");
  });

  it("reports an unreadable setting at its cell and uses the default", async () => {
    const settings = [...SETTINGS, ["结算期限（天）", "一个月"]];
    const report = await check([CLEAN], { settings });
    expect(found(report)).toEqual([["settings/invalid-value", "warning", "B6"]]);
  });
});
