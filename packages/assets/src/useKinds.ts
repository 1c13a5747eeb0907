import { type Bilingual, normalizeText, parseNumberCell } from "@houqin/core";
import { type CellIssueParams, type CellSchema, cells, defineTableKind, field } from "@houqin/workbook";
import { z } from "zod";

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** Words that mean the whole item is gone or ruined: a damage share of 100%. */
const TOTAL_LOSS_RE = /^(全损|全部损坏|完全损坏|报废|丢失|遗失|灭失|全部|全额)$/;
/** Words that mean no damage: a share of 0. */
const NO_DAMAGE_RE = /^(无|没有|完好|无损坏|未损坏|正常|none|no|-+|\/|—+)$/i;

function shareIssue(text: string) {
  const message = t(
    `“${text}”不是可识别的比例，请填写如 50% 或 0.5`,
    `"${text}" is not a share; write one such as 50% or 0.5`,
  );
  const params: CellIssueParams = { houqin: true, code: "not-a-number", message };
  return { code: "custom" as const, message: message.en, params: { ...params } };
}

/**
 * A damage share as a fraction from 0 to 1: "50%", 0.5 and 50 all read as one half (a number above 1
 * and up to 100 is a percentage); 全损/报废/丢失 is 1, 无/完好 is 0.
 */
function damageShareCell(): CellSchema<number> {
  return cells.text().transform((text, ctx) => {
    const plain = normalizeText(text).toLowerCase();
    if (TOTAL_LOSS_RE.test(plain)) return 1;
    if (NO_DAMAGE_RE.test(plain)) return 0;
    const parsed = parseNumberCell({ value: plain, text: plain });
    const n = parsed.ok ? parsed.value : Number.NaN;
    if (n >= 0 && n <= 1) return n;
    // 50 means 50%; exact through its decimal text ("12.5" -> 0.125).
    if (n > 1 && n <= 100 && !plain.endsWith("%")) return Number(`${n}e-2`);
    ctx.addIssue(shareIssue(text));
    return z.NEVER;
  });
}

/** A count of items that may not be negative. */
function countCell(): CellSchema<number> {
  return cells.integer().refine((n) => n >= 0, {
    message: "A count cannot be negative",
    params: {
      houqin: true,
      code: "out-of-range",
      message: t("数量不能为负数", "A count cannot be negative"),
    } satisfies CellIssueParams,
  });
}

/**
 * `assets.loans`: the borrowing and return register (借用登记, 三(二)3): what was lent, to whom, when
 * it is due back, when it came back and in what state.
 *
 * @example
 * const loans = ctx.tablesOf(loanRegister); // rows: { asset, borrower, lent, due?, returned?, … }
 */
export const loanRegister = defineTableKind({
  id: "assets.loans",
  title: t("借用登记", "Loans"),
  sheetHints: ["借用", "借还", "外借", "loans", "loan"],
  fields: {
    asset: field({
      title: t("资产名称", "Asset"),
      synonyms: [
        "资产名称",
        "物品名称",
        "借用物品",
        "借用物品名称",
        "物品",
        "资产",
        "设备名称",
        "名称",
        "asset",
        "item",
        "asset name",
      ],
      required: true,
      schema: cells.text(),
    }),
    assetNo: field({
      title: t("资产编号", "Asset no."),
      synonyms: ["资产编号", "资产编码", "物品编号", "设备编号", "编号", "asset no", "asset number", "tag"],
      required: false,
      schema: cells.text(),
    }),
    borrower: field({
      title: t("借用人", "Borrower"),
      synonyms: ["借用人", "借用人姓名", "借用者", "借用部门", "借用单位", "借用人/部门", "borrower"],
      required: true,
      schema: cells.text(),
    }),
    lent: field({
      title: t("借出日期", "Lent on"),
      synonyms: ["借出日期", "借用日期", "借出时间", "借用时间", "借出", "lent", "lent on", "loan date"],
      required: true,
      schema: cells.date(),
    }),
    due: field({
      title: t("应还日期", "Due"),
      synonyms: [
        "应还日期",
        "归还期限",
        "约定归还日期",
        "应归还日期",
        "预计归还日期",
        "到期日期",
        "借用期限",
        "due",
        "due date",
      ],
      required: false,
      schema: cells.date(),
    }),
    returned: field({
      title: t("归还日期", "Returned on"),
      synonyms: [
        "归还日期",
        "实际归还日期",
        "归还时间",
        "还回日期",
        "returned",
        "returned on",
        "return date",
      ],
      required: false,
      schema: cells.date(),
    }),
    condition: field({
      title: t("归还状况", "Condition on return"),
      synonyms: [
        "归还状况",
        "归还情况",
        "完好情况",
        "归还时状况",
        "物品状况",
        "完好状况",
        "验收情况",
        "condition",
        "condition on return",
      ],
      required: false,
      schema: cells.text(),
    }),
    damageShare: field({
      title: t("损坏程度", "Damage share"),
      synonyms: ["损坏程度", "损坏比例", "损毁程度", "损坏率", "damage share", "damage", "damage %"],
      required: false,
      schema: damageShareCell(),
    }),
  },
});

/**
 * `assets.furniture-check`: the periodic check of the desks and chairs of each class and office
 * (课桌椅检查, 三(二)3): counts, damaged and missing items, and who checked.
 *
 * @example
 * const checks = ctx.tablesOf(furnitureCheckLog); // rows: { place, date, desks?, chairs?, damaged?, missing? }
 */
export const furnitureCheckLog = defineTableKind({
  id: "assets.furniture-check",
  title: t("课桌椅检查", "Furniture check"),
  sheetHints: ["课桌椅", "桌椅", "班级财产", "班级校产", "furniture"],
  fields: {
    place: field({
      title: t("班级/办公室", "Class or office"),
      synonyms: [
        "班级/办公室",
        "班级或办公室",
        "班级",
        "办公室",
        "班级名称",
        "教室",
        "科室",
        "部门",
        "class",
        "office",
        "room",
      ],
      required: true,
      schema: cells.text(),
    }),
    date: field({
      title: t("检查日期", "Date"),
      synonyms: ["检查日期", "检查时间", "日期", "date", "checked on"],
      required: true,
      schema: cells.date(),
    }),
    desks: field({
      title: t("课桌", "Desks"),
      synonyms: ["课桌", "课桌数", "课桌数量", "桌子", "desks", "desk"],
      required: false,
      schema: countCell(),
    }),
    chairs: field({
      title: t("课椅", "Chairs"),
      synonyms: ["课椅", "椅子", "课椅数", "椅子数", "凳子", "chairs", "chair"],
      required: false,
      schema: countCell(),
    }),
    damaged: field({
      title: t("损坏", "Damaged"),
      synonyms: ["损坏", "损坏数", "损坏数量", "破损", "损坏件数", "damaged"],
      required: false,
      schema: countCell(),
    }),
    missing: field({
      title: t("丢失", "Missing"),
      synonyms: ["丢失", "缺失", "丢失数", "缺失数", "丢失数量", "缺少", "missing", "lost"],
      required: false,
      schema: countCell(),
    }),
    checker: field({
      title: t("检查人", "Checked by"),
      synonyms: ["检查人", "检查人员", "检查者", "checker", "checked by"],
      required: false,
      schema: cells.text(),
    }),
  },
});

/**
 * `assets.repairs`: repair tickets (报修登记, 三(二)2): reported, handled, reported back and repaired
 * "at once" (第一时间), with the cost.
 *
 * @example
 * const tickets = ctx.tablesOf(repairTickets); // rows: { reportedAt, problem, handledAt?, repairedAt?, cost? }
 */
export const repairTickets = defineTableKind({
  id: "assets.repairs",
  title: t("报修登记", "Repair tickets"),
  sheetHints: ["报修", "维修登记", "维修记录", "repairs"],
  fields: {
    reportedAt: field({
      title: t("报修日期", "Reported on"),
      synonyms: ["报修日期", "报修时间", "报修日", "日期", "reported", "reported on", "date"],
      required: true,
      schema: cells.date(),
    }),
    place: field({
      title: t("地点", "Place"),
      synonyms: ["地点", "报修地点", "维修地点", "位置", "部位", "报修位置", "place", "location"],
      required: false,
      schema: cells.text(),
    }),
    problem: field({
      title: t("故障", "Problem"),
      synonyms: [
        "故障",
        "故障描述",
        "故障情况",
        "问题",
        "问题描述",
        "报修内容",
        "报修事项",
        "维修内容",
        "维修项目",
        "problem",
        "fault",
        "issue",
      ],
      required: true,
      schema: cells.text(),
    }),
    reporter: field({
      title: t("报修人", "Reported by"),
      synonyms: ["报修人", "报修教师", "报告人", "报修部门", "reporter", "reported by"],
      required: false,
      schema: cells.text(),
    }),
    handledAt: field({
      title: t("受理日期", "Handled on"),
      synonyms: [
        "受理日期",
        "受理时间",
        "处理日期",
        "处理时间",
        "响应日期",
        "派工日期",
        "handled",
        "handled on",
      ],
      required: false,
      schema: cells.date(),
    }),
    fedBackAt: field({
      title: t("反馈日期", "Fed back on"),
      synonyms: ["反馈日期", "反馈时间", "回复日期", "回访日期", "fed back", "feedback", "feedback date"],
      required: false,
      schema: cells.date(),
    }),
    repairedAt: field({
      title: t("修复日期", "Repaired on"),
      synonyms: [
        "修复日期",
        "完成日期",
        "维修完成日期",
        "修好日期",
        "维修日期",
        "修复时间",
        "完成时间",
        "repaired",
        "repaired on",
        "completed",
      ],
      required: false,
      schema: cells.date(),
    }),
    cost: field({
      title: t("维修费用", "Cost"),
      synonyms: ["维修费用", "费用", "维修费", "金额", "维修金额", "cost", "amount"],
      required: false,
      schema: cells.nonNegativeMoney(),
    }),
  },
});

/**
 * `assets.building-inspection`: periodic inspections of roofs, roof trusses, walls, wiring and water
 * pipes (校舍检查, 三(二)1), with problems found and the date each was repaired.
 *
 * @example
 * const log = ctx.tablesOf(buildingInspectionLog); // rows: { date, building?, part?, result?, problem?, repairedAt? }
 */
export const buildingInspectionLog = defineTableKind({
  id: "assets.building-inspection",
  title: t("校舍检查", "Building inspection"),
  sheetHints: ["校舍", "房屋", "建筑", "buildings"],
  fields: {
    date: field({
      title: t("检查日期", "Date"),
      synonyms: ["检查日期", "检查时间", "日期", "date"],
      required: true,
      schema: cells.date(),
    }),
    building: field({
      title: t("楼宇", "Building"),
      synonyms: ["楼宇", "建筑", "建筑物", "楼栋", "楼号", "校舍", "校舍名称", "房屋", "building"],
      required: false,
      schema: cells.text(),
    }),
    part: field({
      title: t("部位", "Part"),
      // Not 检查项目 or 检查内容: those name the item of a general safety inspection log.
      synonyms: ["部位", "检查部位", "房屋部位", "结构部位", "部件", "part"],
      required: false,
      schema: cells.text(),
    }),
    result: field({
      title: t("检查结果", "Result"),
      synonyms: ["检查结果", "结果", "检查情况", "情况", "result"],
      required: false,
      schema: cells.text(),
    }),
    problem: field({
      title: t("发现问题", "Problem"),
      synonyms: ["发现问题", "存在问题", "问题", "隐患", "problem", "issue"],
      required: false,
      schema: cells.text(),
    }),
    repairedAt: field({
      title: t("维修日期", "Repaired on"),
      // Not 整改日期 or 完成日期: those close the problems of a general safety inspection log.
      synonyms: [
        "维修日期",
        "修复日期",
        "维修完成日期",
        "修缮日期",
        "repaired",
        "repaired on",
        "repair date",
      ],
      required: false,
      schema: cells.date(),
    }),
    inspector: field({
      title: t("检查人", "Inspector"),
      synonyms: ["检查人", "检查人员", "inspector"],
      required: false,
      schema: cells.text(),
    }),
  },
});
