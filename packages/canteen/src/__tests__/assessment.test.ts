import type { Cell, CellValue } from "@houqin/core";
import { cells, type HouqinModule, MemoryWorkbook, runChecks } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { assessments } from "../assessmentKinds.js";
import { assessmentCheck, parseAssessmentItem } from "../checkAssessment.js";
import { meals, staff } from "../kinds.js";

const canteen: HouqinModule = {
  id: "canteen",
  title: { "zh-CN": "食堂", en: "Canteen" },
  kinds: [assessments, staff, meals],
  checks: [assessmentCheck],
};

const SEMESTERS: CellValue[][] = [
  ["第一学期开始", "2023-09-01"],
  ["第一学期结束", "2024-01-19"],
  ["第二学期开始", "2024-02-19"],
  ["第二学期结束", "2024-07-05"],
];

const REGISTER: CellValue[][] = [
  ["姓名", "岗位", "健康证号", "入职日期", "离职日期"],
  ["张三", "厨师", "J001", "2020-03-01", null],
  ["李四", "帮厨", "J002", "2021-08-15", null],
  ["王五", "保洁", "J003", "2022-02-01", null],
  ["赵六", "厨师", "J004", "2023-11-01", null],
  ["钱七", "配菜", "J005", "2019-05-01", "2023-09-30"],
];

const HEADER: CellValue[] = [
  "考核月份",
  "姓名",
  "岗位",
  "卫生（30分）",
  "服务（30分）",
  "安全（25分）",
  "节约（15分）",
  "总分",
  "备注",
];

type Scores = [number, number, number, number];
const SCORES: Record<string, Scores> = {
  张三: [28, 27, 24, 14],
  李四: [26, 28, 23, 13],
  王五: [27, 27, 23, 13],
  赵六: [25, 26, 22, 12],
  钱七: [25, 25, 20, 10],
};
const POSTS: Record<string, string> = {
  张三: "厨师",
  李四: "帮厨",
  王五: "保洁",
  赵六: "厨师",
  钱七: "配菜",
};

/** One line of the sheet, its total the sum of its scores unless given. */
function line(
  month: CellValue,
  name: string,
  scores: Scores = SCORES[name] as Scores,
  total?: number,
): CellValue[] {
  return [month, name, POSTS[name] ?? null, ...scores, total ?? scores.reduce((a, b) => a + b, 0), null];
}

/** September to November, everyone at work each month. */
function cleanLines(): CellValue[][] {
  return [
    ...["张三", "李四", "王五", "钱七"].map((n) => line("2023-09", n)),
    ...["张三", "李四", "王五"].map((n) => line("2023-10", n)),
    ...["张三", "李四", "王五", "赵六"].map((n) => line("2023-11", n)),
  ];
}

async function check(
  rows: readonly (readonly (CellValue | Cell)[])[],
  asOf: string,
  options: {
    settings?: CellValue[][];
    register?: CellValue[][] | null;
    meals?: CellValue[][];
    lang?: "zh-CN" | "en";
    header?: CellValue[] | null;
  } = {},
) {
  const settings = options.settings === undefined ? SEMESTERS : options.settings;
  const register = options.register === undefined ? REGISTER : options.register;
  const header = options.header === undefined ? HEADER : options.header;
  const sheets = [
    ...(settings.length > 0 ? [{ name: "设置", rows: settings }] : []),
    ...(register ? [{ name: "从业人员", rows: register }] : []),
    ...(options.meals ? [{ name: "就餐", rows: options.meals }] : []),
    { name: "员工考核", rows: header ? [header, ...rows] : rows },
  ];
  return runChecks(new MemoryWorkbook({ sheets }), {
    modules: [canteen],
    today: "2030-01-01",
    asOf,
    ...(options.lang ? { lang: options.lang } : {}),
  });
}

type Report = Awaited<ReturnType<typeof check>>;
const found = (r: Report) => r.findings.map((f) => [f.rule, f.severity, f.cell]);
const ranking = (r: Report) => r.reports.find((x) => x.id === "canteen.assessment-ranking");

describe("cells.month", () => {
  const read = (value: CellValue, defaultYear?: number) =>
    cells.month().safeParse({
      value,
      text: typeof value === "string" ? value : String(value),
      dateSystem: "1900",
      ...(defaultYear === undefined ? {} : { defaultYear }),
    });

  it("reads a month in the usual forms", () => {
    expect(read("2023-09").data).toBe("2023-09");
    expect(read("2023年9月").data).toBe("2023-09");
    expect(read("２０２３年１０月份").data).toBe("2023-10");
    expect(read("2023.11").data).toBe("2023-11");
    expect(read("23年12月").data).toBe("2023-12");
    expect(read(202401).data).toBe("2024-01");
    expect(read("2023-09-15").data).toBe("2023-09");
    expect(read(45231).data).toBe("2023-11");
  });

  it("reads a month without a year in the default year, and refuses it without one", () => {
    expect(read("9月", 2023).data).toBe("2023-09");
    expect(read("十一月", 2023).data).toBe("2023-11");
    expect(read(3, 2024).data).toBe("2024-03");
    expect(read("9月").success).toBe(false);
    expect(read("十三月", 2023).success).toBe(false);
    expect(read("第二季度", 2023).success).toBe(false);
  });
});

describe("parseAssessmentItem", () => {
  it("reads an item's name and maximum from a header or the setting", () => {
    expect(parseAssessmentItem("卫生(30分)")).toEqual({ name: "卫生", max: 30 });
    expect(parseAssessmentItem("服务质量 25分")).toEqual({ name: "服务质量", max: 25 });
    expect(parseAssessmentItem("安全：满分20")).toEqual({ name: "安全:满分20" });
    expect(parseAssessmentItem("安全：满分20", true)).toEqual({ name: "安全", max: 20 });
    expect(parseAssessmentItem("节约 15", true)).toEqual({ name: "节约", max: 15 });
    expect(parseAssessmentItem("出勤")).toEqual({ name: "出勤" });
    expect(parseAssessmentItem("  ")).toBeUndefined();
  });
});

describe("checkAssessment", () => {
  it("finds nothing wrong with three months where everyone at work is assessed", async () => {
    const report = await check(cleanLines(), "2023-12-10");
    expect(report.findings).toEqual([]);
  });

  it("ranks each month's staff, ties sharing a rank", async () => {
    const report = await check(cleanLines(), "2023-12-10");
    const sheet = ranking(report);
    expect(sheet?.title["zh-CN"]).toBe("员工考核排名");
    expect(sheet?.columns.map((c) => c.title["zh-CN"])).toEqual([
      "月份",
      "名次",
      "姓名",
      "岗位",
      "卫生",
      "服务",
      "安全",
      "节约",
      "总分",
    ]);
    expect(sheet?.rows.slice(0, 4)).toEqual([
      {
        month: "2023年9月",
        rank: 1,
        name: "张三",
        post: "厨师",
        item1: 28,
        item2: 27,
        item3: 24,
        item4: 14,
        total: 93,
      },
      {
        month: "2023年9月",
        rank: 2,
        name: "李四",
        post: "帮厨",
        item1: 26,
        item2: 28,
        item3: 23,
        item4: 13,
        total: 90,
      },
      {
        month: "2023年9月",
        rank: 2,
        name: "王五",
        post: "保洁",
        item1: 27,
        item2: 27,
        item3: 23,
        item4: 13,
        total: 90,
      },
      {
        month: "2023年9月",
        rank: 4,
        name: "钱七",
        post: "配菜",
        item1: 25,
        item2: 25,
        item3: 20,
        item4: 10,
        total: 80,
      },
    ]);
    expect(sheet?.rows.map((r) => r.month)).toEqual([
      ...Array(4).fill("2023年9月"),
      ...Array(3).fill("2023年10月"),
      ...Array(4).fill("2023年11月"),
    ]);
  });

  it("reports a total that is not the sum of the item scores, at the total cell", async () => {
    const rows = cleanLines();
    rows[1] = line("2023-09", "李四", [26, 28, 23, 13], 92);
    const report = await check(rows, "2023-12-10");
    expect(found(report)).toEqual([["canteen/assessment-total-mismatch", "error", "H3"]]);
    expect(report.findings[0]?.message).toBe(
      "2023年9月 李四的总分 92 与各项得分之和 90 不符（卫生 26、服务 28、安全 23、节约 13）",
    );
    expect(report.findings[0]?.clause).toBe("三(三)2");
    expect(report.findings[0]?.data).toEqual({ month: "2023-09", name: "李四", total: 92, sum: 90 });
  });

  it("reports a score above the item's maximum from the header, and a negative score", async () => {
    const rows = cleanLines();
    rows[0] = line("2023-09", "张三", [32, 27, 24, 14]);
    rows[5] = line("2023-10", "李四", [26, 28, -3, 13]);
    const report = await check(rows, "2023-12-10", { lang: "en" });
    expect(found(report)).toEqual([
      ["canteen/score-out-of-range", "error", "D2"],
      ["canteen/score-out-of-range", "error", "F7"],
    ]);
    expect(report.findings[0]?.message).toBe(
      "张三's “卫生” score for 2023-09, 32, is above the item's maximum of 30",
    );
    expect(report.findings[0]?.data).toEqual({
      month: "2023-09",
      name: "张三",
      item: "卫生",
      score: 32,
      max: 30,
    });
  });

  it("takes the items and their maximums from the setting 考核项目", async () => {
    const header = ["考核月份", "姓名", "岗位", "卫生", "服务", "安全", "节约", "总分", "出勤天数"];
    const rows = cleanLines().map((r) => [...r.slice(0, 8), 22]);
    rows[2] = [...line("2023-09", "王五", [27, 27, 26, 13]).slice(0, 8), 21];
    const report = await check(rows, "2023-12-10", {
      header,
      settings: [...SEMESTERS, ["考核项目", "卫生 30、服务 30、安全 25、节约 15"]],
    });
    // 出勤天数 is not an item of the setting: it is neither a score nor part of the total.
    expect(found(report)).toEqual([["canteen/score-out-of-range", "error", "F4"]]);
    expect(report.findings[0]?.message).toBe("2023年9月 王五的“安全”得分 26 超过该项满分 25 分");
    expect(ranking(report)?.columns.map((c) => c.key)).toEqual([
      "month",
      "rank",
      "name",
      "post",
      "item1",
      "item2",
      "item3",
      "item4",
      "total",
    ]);
  });

  it("reports a member of staff at work but not assessed, at the month's last line", async () => {
    const rows = cleanLines().filter((r) => !(r[0] === "2023-10" && r[1] === "王五"));
    const report = await check(rows, "2023-12-10");
    // 钱七 left on 30 September and 赵六 started on 1 November: neither is due in October.
    expect(found(report)).toEqual([["canteen/assessment-missing", "warning", "B7"]]);
    expect(report.findings[0]?.message).toBe(
      "2023年10月的员工考核中没有王五（保洁）：从业人员名册显示其当月在岗，应参加考核",
    );
    expect(report.findings[0]?.data).toEqual({ month: "2023-10", name: "王五", post: "保洁" });
  });

  it("reports a month of the semester with no assessment at all, once, at the first line after it", async () => {
    const rows = cleanLines().filter((r) => r[0] !== "2023-10");
    const report = await check(rows, "2023-12-10");
    expect(found(report)).toEqual([["canteen/assessment-missing", "warning", "A6"]]);
    expect(report.findings[0]?.message).toBe(
      "2023年10月没有员工考核记录，计划要求按考核细则对食堂员工进行考核",
    );
  });

  it("judges the months the canteen served meals in, up to the month before today", async () => {
    const mealsRows: CellValue[][] = [
      ["日期", "餐次", "学生人数", "教职工人数"],
      ["2023-09-04", "午餐", 700, 40],
      ["2023-10-09", "午餐", 700, 40],
      ["2023-11-06", "午餐", 700, 40],
      ["2023-12-04", "午餐", 700, 40],
      ["2024-01-08", "午餐", 700, 40],
    ];
    const report = await check(cleanLines(), "2024-01-10", { meals: mealsRows });
    // December had meals and no assessment; January is still under way.
    expect(found(report)).toEqual([["canteen/assessment-missing", "warning", "A12"]]);
    expect(report.findings[0]?.data).toEqual({ month: "2023-12" });
  });

  it("does not ask for an assessment in a month the canteen did not serve (停餐 rows of nobody)", async () => {
    const mealsRows: CellValue[][] = [
      ["日期", "餐次", "学生人数", "教职工人数"],
      ["2023-09-04", "午餐", 700, 40],
      ["2023-10-09", "午餐", 700, 40],
      ["2023-11-06", "午餐", 700, 40],
      ["2023-12-04", "午餐", 0, 0],
      ["2024-01-08", "午餐", 700, 40],
    ];
    const report = await check(cleanLines(), "2024-01-10", { meals: mealsRows });
    expect(found(report)).toEqual([]);
  });

  it("without semesters or meals judges the months between the first and the last assessed", async () => {
    const rows = cleanLines().filter((r) => r[0] !== "2023-10");
    const report = await check(rows, "2024-03-10", { settings: [] });
    expect(found(report)).toEqual([["canteen/assessment-missing", "warning", "A6"]]);
  });

  it("reports the same person assessed twice in a month, at the second line", async () => {
    const rows = cleanLines();
    rows.splice(3, 0, line("2023-09", "李四", [20, 20, 20, 10]));
    const report = await check(rows, "2023-12-10");
    expect(found(report)).toEqual([["canteen/duplicate-assessment", "warning", "B5"]]);
    expect(report.findings[0]?.message).toBe("2023年9月 李四有两条考核记录（另一条在第 3 行），请核对");
    // The first line is the one ranked.
    expect(ranking(report)?.rows.filter((r) => r.name === "李四" && r.month === "2023年9月")).toHaveLength(1);
  });

  it("says once that staff cannot be matched without a staff register", async () => {
    const report = await check(cleanLines(), "2023-12-10", { register: null });
    expect(found(report)).toEqual([["canteen/assessment-missing", "info", "B1"]]);
  });

  it("checks a sheet of deductions against a base of 100", async () => {
    const rows: CellValue[][] = [
      ["2023-09", "张三", 2, 3, 95],
      ["2023-09", "李四", 1, 0, 98],
      ["2023-09", "王五", "-2", 1, 97],
      ["2023-09", "钱七", 0, 0, 100],
    ];
    const report = await check(rows, "2023-10-10", {
      header: ["月份", "姓名", "卫生扣分", "服务扣分", "总分"],
    });
    expect(found(report)).toEqual([["canteen/assessment-total-mismatch", "error", "E3"]]);
    expect(report.findings[0]?.message).toBe(
      "2023年9月 李四的总分 98 与各项得分之和 99 不符（基础分 100、卫生扣分 −1、服务扣分 −0）",
    );
  });

  it("reads messy input: months without a year, serial dates, full-width digits, blank rows, #REF!", async () => {
    const header = [
      "序号",
      "考核月份",
      "姓名",
      "岗位",
      "卫生(30)",
      "服务(30)",
      "安全(25)",
      "节约(15)",
      "合计",
      "考核人签字",
    ];
    const rows: (CellValue | Cell)[][] = [
      ["考核表", null, null],
      header,
      [1, "9月", "张三", "厨师", "２８", "27分", 24, 14, "９３", "刘主任"],
      [2, "9月", " 李 四 ", "帮厨", 26, 28, 23, 13, 90, "刘主任"],
      [3, "2023年9月", "王五", "保洁", 27, 27, 23, 13, 90, "刘主任"],
      [4, "9月", "钱七", "配菜", 25, { error: "#REF!" }, 20, 10, 70, "刘主任"],
      [],
      [5, "２０２３年１０月", "张三", "厨师", 28, 27, 24, 14, 93, "刘主任"],
      [6, "10月", "李四", "帮厨", 26, 28, 23, 13, 90, "刘主任"],
      [7, "10月", "王五", "保洁", 27, 27, 23, 13, 90, "刘主任"],
      [8, 45231, "张三", "厨师", 28, 27, 24, 14, 93, "刘主任"],
      [9, 45231, "李四", "帮厨", 26, 28, 23, 13, 90, "刘主任"],
      [10, 45231, "王五", "保洁", 27, "二十七", 23, 13, 90, "刘主任"],
      [11, 45231, "赵六", "厨师", 25, 26, 22, 12, 85, "刘主任"],
    ];
    const report = await check(rows, "2023-12-10", { header: null });
    // The #REF! and the unreadable score are said once each; those lines' totals are not judged.
    expect(found(report)).toEqual([
      ["workbook/error-value", "error", "F6"],
      ["workbook/unreadable-cell", "warning", "F13"],
    ]);
    expect(report.findings[0]?.message).toBe("“服务”单元格是错误值 #REF!，此值无法使用");
    const sheet = ranking(report);
    expect(sheet?.columns.map((c) => c.title["zh-CN"])).toEqual([
      "月份",
      "名次",
      "姓名",
      "岗位",
      "卫生",
      "服务",
      "安全",
      "节约",
      "总分",
    ]);
    expect(sheet?.rows[0]).toEqual({
      month: "2023年9月",
      rank: 1,
      name: "张三",
      post: "厨师",
      item1: 28,
      item2: 27,
      item3: 24,
      item4: 14,
      total: 93,
    });
    expect(new Set(sheet?.rows.map((r) => r.month))).toEqual(
      new Set(["2023年9月", "2023年10月", "2023年11月"]),
    );
  });

  it("places months written without a year by the settings' school year", async () => {
    const rows = cleanLines().map((r) => [`${Number(String(r[0]).slice(5))}月`, ...r.slice(1)]);
    const report = await check(rows, "2023-12-10");
    expect(report.findings).toEqual([]);
    expect(ranking(report)?.rows[0]?.month).toBe("2023年9月");
  });

  it("does not add a 出勤天数 column to the score, beside items with their points in the header", async () => {
    const header = ["考核月份", "姓名", "岗位", "出勤天数", "卫生(30分)", "服务(30分)", "安全(40分)", "总分"];
    const rows: CellValue[][] = [
      ["2023-09", "张三", "厨师", 21, 28, 27, 38, 93],
      ["2023-09", "李四", "帮厨", 20, 25, 26, 35, 86],
    ];
    const report = await check(rows, "2023-10-10", { header, register: null });
    expect(found(report)).toEqual([["canteen/assessment-missing", "info", "B1"]]);
    expect(ranking(report)?.rows[0]).toMatchObject({ name: "张三", total: 93 });
  });

  it("never takes counts (出勤天数, 请假次数, 迟到) for score items, nor a bare column beside items with points", async () => {
    const header = ["考核月份", "姓名", "请假次数", "迟到", "卫生", "服务", "总分"];
    const rows: CellValue[][] = [
      ["2023-09", "张三", 1, 2, 48, 45, 93],
      ["2023-09", "李四", 0, 0, 40, 46, 86],
    ];
    const report = await check(rows, "2023-10-10", { header, register: null });
    expect(found(report)).toEqual([["canteen/assessment-missing", "info", "B1"]]);
    const withPoints = ["考核月份", "姓名", "工号", "卫生（50分）", "服务（50分）", "星级", "总分"];
    const second = await check(
      [
        ["2023-09", "张三", "A01", 48, 45, 3, 93],
        ["2023-09", "李四", "A02", 40, 46, 2, 86],
      ],
      "2023-10-10",
      { header: withPoints, register: null },
    );
    expect(found(second)).toEqual([["canteen/assessment-missing", "info", "B1"]]);
  });
});
