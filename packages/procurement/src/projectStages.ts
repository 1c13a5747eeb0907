import type { Bilingual } from "@houqin/core";

/** The ids of the stages a project goes through, in order (三(二)4). */
export type ProjectStageId =
  | "decision"
  | "approval"
  | "review"
  | "procurement"
  | "acceptance"
  | "audit"
  | "settlement";

/** One stage of a project: its id and its titles, short and in full. */
export interface ProjectStage {
  readonly id: ProjectStageId;
  /** The short name used in messages: 三重一大, 立项审批… */
  readonly title: Bilingual;
  /** The name as the work plan gives it. */
  readonly fullTitle: Bilingual;
}

/**
 * The stages of an infrastructure (基建) or equipment (装备) project, in the order the work plan
 * sets (三(二)4): 三重一大 collective decision, 立项审批, 专家组论证, 委托代理机构实施政府采购,
 * 专家组验收, 审计, 结算. Each stage may only follow the one before it.
 *
 * @example
 * PROJECT_STAGES.map((s) => s.title["zh-CN"]).join(" → ")
 * // "三重一大 → 立项审批 → 专家论证 → 委托代理采购 → 专家验收 → 审计 → 结算"
 */
export const PROJECT_STAGES: readonly ProjectStage[] = Object.freeze([
  {
    id: "decision",
    title: { "zh-CN": "三重一大", en: "collective decision" },
    fullTitle: { "zh-CN": "三重一大集体决策", en: "Collective decision (三重一大)" },
  },
  {
    id: "approval",
    title: { "zh-CN": "立项审批", en: "project approval" },
    fullTitle: { "zh-CN": "项目立项审批", en: "Project approval (立项审批)" },
  },
  {
    id: "review",
    title: { "zh-CN": "专家论证", en: "expert review" },
    fullTitle: { "zh-CN": "专家组论证", en: "Expert review (专家组论证)" },
  },
  {
    id: "procurement",
    title: { "zh-CN": "委托代理采购", en: "agency procurement" },
    fullTitle: {
      "zh-CN": "委托代理机构实施政府采购",
      en: "Government procurement through an agency (委托代理机构采购)",
    },
  },
  {
    id: "acceptance",
    title: { "zh-CN": "专家验收", en: "expert acceptance" },
    fullTitle: { "zh-CN": "专家组验收", en: "Acceptance by an expert panel (专家组验收)" },
  },
  {
    id: "audit",
    title: { "zh-CN": "审计", en: "audit" },
    fullTitle: { "zh-CN": "审计", en: "Audit (审计)" },
  },
  {
    id: "settlement",
    title: { "zh-CN": "结算", en: "settlement" },
    fullTitle: { "zh-CN": "及时结算", en: "Settlement (结算)" },
  },
] as const satisfies readonly ProjectStage[]);
