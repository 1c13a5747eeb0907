import type { ParsedRow } from "@houqin/workbook";
import { describe, expect, it } from "vitest";
import { DEFAULT_SAFETY_PLAN, type Duty } from "../plan.js";
import { type PlanRow, planFromRows } from "../planFromTable.js";

const row = (n: number, values: PlanRow): ParsedRow<PlanRow> => ({ row: n, values });
const base = (id: string): Duty => DEFAULT_SAFETY_PLAN.duties.find((d) => d.id === id) as Duty;
const cadenceOf = (text: string) =>
  planFromRows([row(2, { title: "新检查", cadence: text })]).plan.duties[0]?.cadence;

describe("planFromRows", () => {
  it("keeps exactly the rows, in order, matched to the base duties by title", () => {
    const { plan, problems } = planFromRows([
      row(2, { title: "保安培训或演练", cadence: "每月" }),
      row(3, { title: " 水电煤气线路检查 ", cadence: "每周三", role: "总务处" }),
    ]);
    expect(problems).toEqual([]);
    expect(plan.duties.map((d) => d.id)).toEqual(["guard-training", "utilities-inspection"]);
    const utilities = plan.duties[1] as Duty;
    expect(utilities.cadence).toEqual({ kind: "weekly", weekday: 3 });
    expect(utilities.role).toBe("logistics");
    expect(utilities.log).toEqual(base("utilities-inspection").log);
    expect(utilities.title).toEqual(base("utilities-inspection").title);
    expect(utilities.checklist).toEqual(base("utilities-inspection").checklist);
    expect(utilities.clause).toBe("三(一)3");
  });

  it("matches by the id column, and takes the school's new title", () => {
    const { plan } = planFromRows([
      row(2, {
        id: "fire-equipment-inspection",
        title: "消防器材月检",
        cadence: "每月5日",
        clause: "三(一)4",
      }),
    ]);
    expect(plan.duties[0]).toMatchObject({
      id: "fire-equipment-inspection",
      title: { "zh-CN": "消防器材月检", en: "消防器材月检" },
      cadence: { kind: "monthly", day: 5 },
      role: "logistics",
      log: base("fire-equipment-inspection").log,
    });
  });

  it("makes a new duty of an unmatched row: custom-<row>, inspection log under its title", () => {
    const { plan } = planFromRows([
      row(7, {
        title: "食堂燃气检查",
        cadence: "每天",
        role: "后勤",
        checklist: "阀门、软管；报警器\n排风扇",
      }),
      row(8, { id: "Canteen Knives", title: "刀具管理检查", cadence: "每周五" }),
    ]);
    expect(plan.duties).toEqual([
      {
        id: "custom-7",
        clause: "",
        title: { "zh-CN": "食堂燃气检查", en: "食堂燃气检查" },
        role: "logistics",
        cadence: { kind: "daily" },
        checklist: [
          { "zh-CN": "阀门", en: "阀门" },
          { "zh-CN": "软管", en: "软管" },
          { "zh-CN": "报警器", en: "报警器" },
          { "zh-CN": "排风扇", en: "排风扇" },
        ],
        log: { kind: "safety.inspection-log", keywords: ["食堂燃气检查"] },
      },
      {
        id: "canteen-knives",
        clause: "",
        title: { "zh-CN": "刀具管理检查", en: "刀具管理检查" },
        role: "school",
        cadence: { kind: "weekly", weekday: 5 },
        checklist: [],
        log: { kind: "safety.inspection-log", keywords: ["刀具管理检查"] },
      },
    ]);
  });

  it("keeps the base plan's English for checklist items it knows", () => {
    const { plan } = planFromRows([
      row(2, { title: "晨会/班队课安全教育", cadence: "每周一", checklist: "1. 防火，2. 防电，3. 防溺水" }),
    ]);
    expect(plan.duties[0]?.checklist).toEqual([
      { "zh-CN": "防火", en: "Fire" },
      { "zh-CN": "防电", en: "Electricity" },
      { "zh-CN": "防溺水", en: "防溺水" },
    ]);
  });

  it("reports a cadence it cannot read: a matched row keeps the base cadence, a new row is left out", () => {
    const { plan, problems } = planFromRows([
      row(2, { title: "日常安全检查", cadence: "随时" }),
      row(3, { title: "食堂燃气检查", cadence: "每两天" }),
    ]);
    expect(problems).toEqual([
      { row: 2, field: "cadence", text: "随时" },
      { row: 3, field: "cadence", text: "每两天" },
    ]);
    expect(plan.duties.map((d) => [d.id, d.cadence])).toEqual([["daily-safety-check", { kind: "daily" }]]);
  });

  it("reports a role it cannot read and keeps the base role, or the whole school", () => {
    const { plan, problems } = planFromRows([
      row(4, { title: "日常安全检查", cadence: "每日", role: "校长" }),
      row(5, { title: "食堂燃气检查", cadence: "每日", role: "食堂经理" }),
    ]);
    expect(problems).toEqual([
      { row: 4, field: "role", text: "校长" },
      { row: 5, field: "role", text: "食堂经理" },
    ]);
    expect(plan.duties.map((d) => d.role)).toEqual(["class-teacher", "school"]);
  });

  it("reads the roles as schools write them", () => {
    const roles = [
      "班主任",
      "后勤处",
      "总务处",
      "门卫",
      "保安",
      "学生发展处",
      "德育处",
      "轮值班级",
      "全校",
    ].map(
      (role, i) =>
        planFromRows([row(i + 2, { title: "新检查", cadence: "每天", role })]).plan.duties[0]?.role,
    );
    expect(roles).toEqual([
      "class-teacher",
      "logistics",
      "logistics",
      "guard",
      "guard",
      "student-affairs",
      "student-affairs",
      "rotating-class",
      "school",
    ]);
  });

  it("reads the cadences as schools write them", () => {
    expect(cadenceOf("每天")).toEqual({ kind: "daily" });
    expect(cadenceOf("每日")).toEqual({ kind: "daily" });
    expect(cadenceOf("每个上学日")).toEqual({ kind: "daily" });
    expect(cadenceOf("每周")).toEqual({ kind: "weekly" });
    expect(cadenceOf("每周一次")).toEqual({ kind: "weekly" });
    expect(cadenceOf("每周一")).toEqual({ kind: "weekly", weekday: 1 });
    expect(cadenceOf("每周五下午")).toEqual({ kind: "weekly", weekday: 5 });
    expect(cadenceOf("每星期三")).toEqual({ kind: "weekly", weekday: 3 });
    expect(cadenceOf("每半月")).toEqual({ kind: "half-monthly" });
    expect(cadenceOf("半月")).toEqual({ kind: "half-monthly" });
    expect(cadenceOf("每月")).toEqual({ kind: "monthly" });
    expect(cadenceOf("每月15日")).toEqual({ kind: "monthly", day: 15 });
    expect(cadenceOf("每月十五日")).toEqual({ kind: "monthly", day: 15 });
    expect(cadenceOf("每学期")).toEqual({ kind: "semester" });
    expect(cadenceOf("学期初")).toEqual({ kind: "semester", week: 1 });
    expect(cadenceOf("每学期第6周")).toEqual({ kind: "semester", week: 6 });
    expect(cadenceOf("每学期第六周")).toEqual({ kind: "semester", week: 6 });
    expect(cadenceOf("5.12")).toEqual({ kind: "themed", day: "disaster-prevention" });
    expect(cadenceOf("５月１２日")).toEqual({ kind: "themed", day: "disaster-prevention" });
    expect(cadenceOf("防灾减灾日")).toEqual({ kind: "themed", day: "disaster-prevention" });
    expect(cadenceOf("9·18")).toEqual({ kind: "themed", day: "air-defence" });
    expect(cadenceOf("9.18")).toEqual({ kind: "themed", day: "air-defence" });
    expect(cadenceOf("11.9")).toEqual({ kind: "themed", day: "fire-safety" });
    expect(cadenceOf("消防日")).toEqual({ kind: "themed", day: "fire-safety" });
    expect(cadenceOf("4.15")).toEqual({ kind: "themed", day: "national-security" });
    expect(cadenceOf("全民国家安全教育日")).toEqual({ kind: "themed", day: "national-security" });
    expect(cadenceOf("安全教育日")).toEqual({ kind: "themed", day: "student-safety-education" });
    expect(cadenceOf("全国中小学生安全教育日")).toEqual({ kind: "themed", day: "student-safety-education" });
    expect(cadenceOf("国防教育日")).toEqual({ kind: "themed", day: "national-defence-education" });
    for (const unknown of ["每两天", "每周六", "每月32日", "6.1", "随时", "每学期第零周"]) {
      expect(cadenceOf(unknown)).toBeUndefined();
    }
  });

  it("gives a second row with the same title its own id", () => {
    const { plan } = planFromRows([
      row(2, { title: "日常安全检查", cadence: "每天" }),
      row(3, { title: "日常安全检查", cadence: "每周五" }),
    ]);
    expect(plan.duties.map((d) => d.id)).toEqual(["daily-safety-check", "custom-3"]);
  });

  it("edits another base plan when given one, and an empty sheet gives an empty plan", () => {
    const custom = { duties: [{ ...base("guard-training"), id: "guard-drill" }] };
    expect(
      planFromRows([row(2, { title: "保安培训或演练", cadence: "每月" })], custom).plan.duties[0]?.id,
    ).toBe("guard-drill");
    expect(planFromRows([])).toEqual({ plan: { duties: [] }, problems: [] });
  });
});
