import { type Bilingual, type Finding, localize, normalizeText } from "@houqin/core";
import { type CheckContext, cellOf, cells } from "@houqin/workbook";
import { classList, planSheet } from "./kinds.js";
import { DEFAULT_SAFETY_PLAN, type SafetyPlan } from "./plan.js";
import { planFromRows } from "./planFromTable.js";

/** The safety plan in force: the school's 安全检查计划 sheet if it has one, else the default. */
export function planInForce(ctx: CheckContext): { plan: SafetyPlan; findings: Finding[] } {
  const tables = ctx.tablesOf(planSheet);
  const first = tables[0];
  if (!first) return { plan: DEFAULT_SAFETY_PLAN, findings: [] };
  const rows = tables.flatMap((t) => t.rows);
  const { plan, problems } = planFromRows(rows);
  const findings = problems.map(
    (p): Finding => ({
      rule: "safety/plan-unreadable",
      severity: "warning",
      message: localize(
        p.field === "cadence"
          ? {
              "zh-CN": "频次“{text}”无法识别（可写：每天、每周五、每月、每学期、5.12 …）",
              en: "Cadence “{text}” is not understood (e.g. 每天, 每周五, 每月, 每学期, 5.12)",
            }
          : {
              "zh-CN": "责任人“{text}”无法识别（可写：班主任、后勤、门卫、学生发展处、轮值班级、全校）",
              en: "Responsible “{text}” is not understood (e.g. 班主任, 后勤, 门卫, 学生发展处, 轮值班级, 全校)",
            },
        ctx.lang,
        { text: p.text },
      ),
      clause: "三(一)",
      sheet: first.table.sheet,
      cell: cellOf(first.table, p.row, p.field),
      row: p.row,
    }),
  );
  return { plan, findings };
}

/** The classes of the school: a class sheet, else the 班级 setting (一(1)班、一(2)班…), else none. */
export function schoolClasses(ctx: CheckContext): string[] {
  const fromSheet = ctx.tablesOf(classList).flatMap((t) => t.rows.map((r) => r.values.className));
  if (fromSheet.length > 0) return [...new Set(fromSheet)];
  const text = ctx.setting(["班级", "班级名单", "classes"], cells.text(), "");
  return [
    ...new Set(
      text
        .split(/[,，、;；\n]+/)
        .map((s) => normalizeText(s))
        .filter((s) => s !== ""),
    ),
  ];
}

/** Bilingual cadence labels for messages. */
export const CADENCE_TEXT: Readonly<Record<string, Bilingual>> = {
  daily: { "zh-CN": "每个上学日一次", en: "every school day" },
  weekly: { "zh-CN": "每周一次", en: "once a week" },
  "half-monthly": { "zh-CN": "每半月一次", en: "twice a month" },
  monthly: { "zh-CN": "每月一次", en: "once a month" },
  semester: { "zh-CN": "每学期一次", en: "once a semester" },
  themed: { "zh-CN": "主题日前后", en: "around the themed day" },
};
