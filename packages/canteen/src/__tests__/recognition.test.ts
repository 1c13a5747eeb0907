import { assets } from "@houqin/assets";
import type { Cell, CellValue } from "@houqin/core";
import { finance } from "@houqin/finance";
import { procurement } from "@houqin/procurement";
import { safety } from "@houqin/safety";
import { type Check, type HouqinModule, MemoryWorkbook, runChecks, type TableKind } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { canteen } from "../canteenModule.js";
import { purchases, suppliers } from "../kinds.js";

type Rows = (CellValue | Cell)[][];

const ALL: HouqinModule[] = [safety, assets, procurement, canteen, finance];

async function recognise(sheets: Record<string, Rows>, asOf = "2024-12-31") {
  const wb = new MemoryWorkbook({ sheets: Object.entries(sheets).map(([name, rows]) => ({ name, rows })) });
  return runChecks(wb, { modules: ALL, today: asOf, asOf });
}

function kindOf(report: Awaited<ReturnType<typeof recognise>>, sheet: string): string | undefined {
  return report.tables.find((t) => t.sheet === sheet)?.kind;
}

function columnsOf(report: Awaited<ReturnType<typeof recognise>>, sheet: string): Record<string, string> {
  return (report.tables.find((t) => t.sheet === sheet)?.columns ?? {}) as Record<string, string>;
}

/** Runs only the given kinds and hands back the parsed values of each kind's rows. */
async function valuesOf(kinds: readonly TableKind[], sheets: Record<string, Rows>) {
  const seen: Record<string, Record<string, unknown>[]> = {};
  const probe: Check = {
    id: "canteen/probe",
    title: { "zh-CN": "读取", en: "Probe" },
    kinds,
    run(ctx) {
      for (const kind of kinds)
        seen[kind.id] = ctx.tablesOf(kind).flatMap((t) => t.rows.map((r) => ({ ...r.values })));
      return [];
    },
  };
  const wb = new MemoryWorkbook({ sheets: Object.entries(sheets).map(([name, rows]) => ({ name, rows })) });
  const report = await runChecks(wb, {
    modules: [{ id: "canteen", title: { "zh-CN": "食堂", en: "Canteen" }, kinds, checks: [probe] }],
    today: "2024-12-31",
    asOf: "2024-12-31",
  });
  return { seen, report };
}

describe("health certificate and licence columns", () => {
  it.each(["健康证有效期", "健康证到期日", "健康证有效期限", "健康证有效日期", "有效期限"])(
    "reads %s as the certificate's expiry, not its number",
    async (header) => {
      const report = await recognise({
        食堂员工: [
          ["序号", "姓名", "岗位", header],
          [1, "陈桂芳", "厨师长", "2025-06-30"],
        ],
      });
      expect(kindOf(report, "食堂员工")).toBe("canteen.staff");
      expect(columnsOf(report, "食堂员工")).toMatchObject({ name: "B", post: "C", expires: "D" });
      expect(columnsOf(report, "食堂员工").certificateNo).toBeUndefined();
    },
  );

  it("still reads a certificate number column next to the expiry", async () => {
    const report = await recognise({
      食堂员工: [
        ["姓名", "健康证号", "健康证有效期"],
        ["陈桂芳", "JK001", "2025-06-30"],
      ],
    });
    expect(columnsOf(report, "食堂员工")).toMatchObject({ name: "A", certificateNo: "B", expires: "C" });
  });

  it("reads 营业执照到期日期 and 食品经营许可证到期日期 as expiry dates", async () => {
    const report = await recognise({
      供货商: [
        ["供货商", "营业执照", "营业执照到期日期", "食品经营许可证", "食品经营许可证到期日期"],
        ["绿源", "X1", "2024-06-30", "JY1", "2024-06-30"],
      ],
    });
    expect(kindOf(report, "供货商")).toBe("canteen.suppliers");
    const columns = columnsOf(report, "供货商");
    expect(columns).toMatchObject({ supplier: "A", licenceExpiry: "C", foodLicenceExpiry: "E" });
    expect(columns.licenceNo).toBeUndefined();
    expect(columns.foodLicenceNo).toBeUndefined();
    expect(report.findings.filter((f) => f.rule === "canteen/licence-expired").map((f) => f.cell)).toEqual([
      "C2",
      "E2",
    ]);
  });

  it("reads 营业执照有效期限 and 许可证到期日", async () => {
    const report = await recognise({
      供货商: [
        ["供货商", "营业执照号", "营业执照有效期限", "许可证号", "许可证到期日"],
        ["绿源", "X1", "2030-06-30", "JY1", "2030-06-30"],
      ],
    });
    expect(columnsOf(report, "供货商")).toEqual({
      supplier: "A",
      licenceNo: "B",
      licenceExpiry: "C",
      foodLicenceNo: "D",
      foodLicenceExpiry: "E",
    });
  });
});

describe("staff lists of other departments", () => {
  it("does not judge a guard roster's medical examination as a canteen health certificate", async () => {
    const report = await recognise({
      保安人员名册: [
        ["姓名", "岗位", "性别", "联系电话", "入职日期", "体检日期"],
        ["王保安", "门卫", "男", "139", "2020-01-01", "2023-03-01"],
      ],
      教职工体检: [
        ["姓名", "部门", "职务", "体检日期", "体检结果"],
        ["李老师", "语文组", "教师", "2023-05-01", "合格"],
      ],
    });
    expect(report.findings.filter((f) => f.rule === "canteen/health-certificate-expired")).toEqual([]);
    expect(columnsOf(report, "保安人员名册").issued).toBeUndefined();
    expect(report.findings.filter((f) => f.severity !== "info" && f.rule.startsWith("canteen/"))).toEqual([]);
  });
});

describe("a time column next to the date", () => {
  it("keeps 日期 as an upload log's date when it also has 上传时间", async () => {
    const report = await recognise(
      {
        明厨亮灶上传记录: [
          ["日期", "上传时间", "上传内容", "上传人"],
          ["2024-09-02", "12:30", "后厨视频", "王"],
          ["2024-09-03", { value: 0.52083333, text: "12:30", format: "hh:mm" }, "后厨视频", "王"],
        ],
      },
      "2024-09-04",
    );
    expect(kindOf(report, "明厨亮灶上传记录")).toBe("canteen.upload-log");
    expect(columnsOf(report, "明厨亮灶上传记录").date).toBe("A");
    expect(report.findings.filter((f) => f.rule === "workbook/unreadable-cell")).toEqual([]);
  });

  it("still finds the date in 上传时间 when the log has no other date column", async () => {
    const report = await recognise({
      明厨亮灶上传记录: [
        ["上传时间", "上传内容", "上传人"],
        ["2024-09-02", "后厨视频", "王"],
      ],
    });
    expect(columnsOf(report, "明厨亮灶上传记录").date).toBe("A");
  });

  it("leaves the whole school's hazard log to safety, and takes the one whose sheet names food", async () => {
    const header = ["排查日期", "排查项目", "发现问题", "整改措施", "整改完成日期", "排查人"];
    const row = ["2024-09-02", "教学楼楼梯", "扶手松动", "加固", "2024-09-03", "张建国"];
    const report = await recognise({ 安全隐患排查: [header, row], 食堂隐患排查: [header, row] });
    expect(kindOf(report, "安全隐患排查")).toBe("safety.inspection-log");
    expect(kindOf(report, "食堂隐患排查")).toBe("canteen.hazard-inspections");
  });

  it("keeps 日期 as a hazard log's date when it also has 排查时间", async () => {
    const report = await recognise({
      食品安全隐患排查: [
        ["日期", "排查时间", "排查项目", "发现问题", "整改完成日期"],
        ["2024-09-02", "10:00", "后厨", "地漏堵塞", "2024-09-03"],
      ],
    });
    expect(kindOf(report, "食品安全隐患排查")).toBe("canteen.hazard-inspections");
    expect(columnsOf(report, "食品安全隐患排查").date).toBe("A");
    expect(report.findings.filter((f) => f.rule === "workbook/unreadable-cell")).toEqual([]);
  });

  it("still finds the date in 排查时间 alone", async () => {
    const report = await recognise({
      食品安全隐患排查: [
        ["排查时间", "排查项目", "发现问题"],
        ["2024-09-02", "后厨", "无"],
      ],
    });
    expect(columnsOf(report, "食品安全隐患排查").date).toBe("A");
  });
});

describe("sheets of other domains", () => {
  it("reads a canteen self-inspection written with 检查… headers as a canteen hazard log", async () => {
    const report = await recognise({
      食品安全自查: [
        ["食堂食品安全自查记录"],
        ["检查日期", "检查项目", "存在问题", "整改措施", "整改完成日期", "检查人"],
        ["2024-09-02", "后厨卫生", "下水道有异味", "清理", "2024-09-03", "王"],
      ],
      食堂隐患排查: [
        ["日期", "检查内容", "发现问题", "整改情况", "整改日期", "检查人"],
        ["2024-09-02", "冷库温度", "温度偏高", "调整", "2024-09-03", "王"],
      ],
      安全检查记录: [
        ["检查日期", "检查内容", "检查人", "检查结果", "存在问题", "整改措施", "整改完成日期"],
        ["2024-09-02", "消防通道", "王五", "合格", "无", "", null],
      ],
      校舍检查: [
        ["检查日期", "楼宇", "检查部位", "检查结果", "发现问题", "维修日期", "检查人"],
        ["2024-09-02", "教学楼", "屋顶", "漏水", "漏水", "2024-09-05", "王五"],
      ],
    });
    expect(kindOf(report, "食品安全自查")).toBe("canteen.hazard-inspections");
    expect(kindOf(report, "食堂隐患排查")).toBe("canteen.hazard-inspections");
    expect(kindOf(report, "安全检查记录")).toBe("safety.inspection-log");
    expect(kindOf(report, "校舍检查")).toBe("assets.building-inspection");
  });

  it("reads a food sample log as a sample log, not as meals served", async () => {
    const report = await recognise({
      留样记录: [
        ["日期", "餐次", "留样菜品", "留样量", "留样时间", "留样人", "销样时间"],
        ["2024-09-02", "午餐", "红烧肉、青菜", "125克", "11:30", "王", "2024-09-04 11:30"],
      ],
      就餐统计: [
        ["日期", "餐次", "学生人数", "教职工人数", "餐标"],
        ["2024-09-02", "午餐", 760, 40, 6],
      ],
    });
    expect(kindOf(report, "留样记录")).toBe("canteen.samples");
    expect(kindOf(report, "就餐统计")).toBe("canteen.meals");
  });

  it("does not read a class's meal-fee amount as meal revenue", async () => {
    const report = await recognise({
      伙食费收缴: [
        ["日期", "班级", "学生人数", "金额", "经办人"],
        ["2024-09-02", "一(1)班", 45, 9000, "李会计"],
      ],
    });
    expect(columnsOf(report, "伙食费收缴").revenue).toBeUndefined();
  });
});

describe("yes/no columns of the purchase log and the supplier register", () => {
  it("reads 已索证, 未索证, 齐全, 缺, 有, 无, √ and × without unreadable cells", async () => {
    const words: [string, boolean][] = [
      ["已索证", true],
      ["未索证", false],
      ["已索证索票", true],
      ["齐全", true],
      ["不齐全", false],
      ["缺", false],
      ["有", true],
      ["无", false],
      ["√", true],
      ["×", false],
      ["是", true],
      ["否", false],
    ];
    const { seen, report } = await valuesOf([purchases, suppliers], {
      采购验收: [
        ["采购日期", "供货商", "品名", "金额", "索证索票"],
        ...words.map(([w], i) => ["2024-09-02", "绿源", `菜${i}`, 20, w]),
      ],
      供货商: [
        ["供货商", "营业执照号", "检验合格证存档"],
        ["绿源", "X1", "已存档"],
        ["康源", "X2", "未存档"],
        ["丰源", "X3", "缺失"],
        ["福源", "X4", "有缺失"],
        ["禾源", "X5", "已过期"],
      ],
    });
    expect(report.findings.filter((f) => f.rule === "workbook/unreadable-cell")).toEqual([]);
    expect(seen["canteen.purchases"]?.map((v) => v.certificateChecked)).toEqual(words.map(([, b]) => b));
    expect(seen["canteen.suppliers"]?.map((v) => v.certificatesOnFile)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it("still reports a word that says neither", async () => {
    const { report } = await valuesOf([purchases], {
      采购验收: [
        ["采购日期", "供货商", "品名", "索证索票"],
        ["2024-09-02", "绿源", "青菜", "见附件"],
      ],
    });
    expect(report.findings.filter((f) => f.rule === "workbook/unreadable-cell").map((f) => f.cell)).toEqual([
      "D2",
    ]);
  });
});

describe("a return line in the purchase log", () => {
  it("accepts a negative quantity with a negative amount", async () => {
    const { seen, report } = await valuesOf([purchases], {
      采购验收: [
        ["采购日期", "供货商", "品名", "数量", "单价", "金额"],
        ["2024-09-02", "绿源", "青菜", 20, 2.5, 50],
        ["2024-09-03", "绿源", "青菜（退货）", -5, 2.5, -12.5],
      ],
    });
    expect(report.findings.filter((f) => f.rule === "workbook/unreadable-cell")).toEqual([]);
    expect(seen["canteen.purchases"]?.map((v) => v.quantity)).toEqual([20, -5]);
  });
});
