import type { Fen, IsoDate } from "@houqin/core";
import { type CellIssueParams, type CellSchema, type CheckContext, cells } from "@houqin/workbook";
import { DEFAULT_PLAN_DURATIONS, type PlanDurations, type PlanStepId } from "./planProject.js";

/** The settings the project check reads, with their defaults applied. */
export interface ProjectSettings {
  /** 结算期限（天）: calendar days from acceptance to settlement. */
  settlementDays: number;
  /** 政府采购限额: an amount at or above it is procured through an agency. */
  procurementThreshold: Fen;
  /** 假期开始 / 假期结束: the holiday window, when the school fixes it. */
  holidayStart: IsoDate | undefined;
  holidayEnd: IsoDate | undefined;
  /** The minimum working days of each step of the holiday plan. */
  durations: PlanDurations;
}

/**
 * The default 政府采购限额 (government-procurement threshold), ¥1,000,000 in fen: a common level for
 * goods and services, but each province or city sets its own, so a school sets 政府采购限额 in 设置.
 *
 * @example formatMoney(DEFAULT_PROCUREMENT_THRESHOLD) // "¥1,000,000.00"
 */
export const DEFAULT_PROCUREMENT_THRESHOLD: Fen = 100_000_000;
/**
 * The default 结算期限（天）: settle within 30 calendar days of acceptance.
 *
 * @example addDaysIso("2024-04-01", DEFAULT_SETTLEMENT_DAYS) // "2024-05-01", the last day to settle
 */
export const DEFAULT_SETTLEMENT_DAYS = 30;

const positiveInteger = (): CellSchema<number> =>
  cells.integer().refine((n) => n >= 1, {
    message: "Should be a whole number of 1 or more",
    params: {
      houqin: true,
      code: "out-of-range",
      message: { "zh-CN": "应为不小于 1 的整数", en: "Should be a whole number of 1 or more" },
    } satisfies CellIssueParams,
  });

/** Setting names of each step's working days; a unit in brackets is ignored ("专家论证（工作日）"). */
const DURATION_NAMES: Readonly<Record<PlanStepId, readonly string[]>> = {
  decision: ["三重一大所需工作日", "三重一大工作日", "三重一大", "decision workdays"],
  approval: ["立项审批所需工作日", "立项审批工作日", "立项所需工作日", "立项审批", "approval workdays"],
  review: ["专家论证所需工作日", "论证所需工作日", "专家论证工作日", "专家论证", "论证", "review workdays"],
  procurement: [
    "委托采购所需工作日",
    "采购所需工作日",
    "采购工作日",
    "委托代理采购",
    "采购",
    "procurement workdays",
  ],
  implementation: [
    "施工所需工作日",
    "实施所需工作日",
    "施工工作日",
    "施工",
    "实施",
    "供货安装",
    "implementation workdays",
    "works workdays",
  ],
  acceptance: ["验收所需工作日", "验收工作日", "专家验收", "验收", "acceptance workdays"],
};

/**
 * Reads the project settings from the 设置 sheet; an unreadable value is reported at its cell and
 * the default used.
 *
 * @example
 * const { durations } = readProjectSettings(ctx); // durations.procurement === 20 unless set
 */
export function readProjectSettings(ctx: CheckContext): ProjectSettings {
  const durations = Object.fromEntries(
    (Object.keys(DURATION_NAMES) as PlanStepId[]).map((id) => [
      id,
      ctx.setting(DURATION_NAMES[id], positiveInteger(), DEFAULT_PLAN_DURATIONS[id]),
    ]),
  ) as Record<PlanStepId, number>;
  const date = (names: readonly string[]) => ctx.setting<IsoDate | undefined>(names, cells.date(), undefined);
  return {
    settlementDays: ctx.setting(
      ["结算期限", "结算期限天数", "结算时限", "settlement days", "settlement deadline"],
      positiveInteger(),
      DEFAULT_SETTLEMENT_DAYS,
    ),
    procurementThreshold: ctx.setting(
      ["政府采购限额", "政府采购限额标准", "采购限额", "采购限额标准", "government procurement threshold"],
      cells.nonNegativeMoney(),
      DEFAULT_PROCUREMENT_THRESHOLD,
    ),
    holidayStart: date(["假期开始", "假期开始日期", "项目假期开始", "holiday start"]),
    holidayEnd: date(["假期结束", "假期结束日期", "项目假期结束", "holiday end"]),
    durations,
  };
}
