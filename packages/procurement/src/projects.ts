import type { Bilingual, IsoDate } from "@houqin/core";
import {
  type CellIssueParams,
  type CellSchema,
  cells,
  defineTableKind,
  type FieldSpec,
  field,
} from "@houqin/workbook";
import { z } from "zod";
import type { ProjectStageId } from "./projectStages.js";

/** What a project is: 基建 (infrastructure, building works) or 装备 (equipment). */
export type ProjectCategory = "construction" | "equipment";

/**
 * When a project is carried out, from its 实施时段 column: in the summer or winter holiday, in "a
 * holiday" without saying which (the summer one is meant), or during term.
 */
export type ProjectPeriod = "summer" | "winter" | "holiday" | "term";

/** Turns a text cell into a value of a closed set, or a bilingual issue at the cell. */
function textChoice<T>(
  read: (text: string) => T | undefined,
  code: string,
  message: Bilingual,
): CellSchema<T> {
  return cells.text().transform((text, ctx) => {
    const value = read(text.replace(/\s+/g, ""));
    if (value !== undefined) return value;
    const fill = (s: string) => s.replace("{text}", text);
    const params: CellIssueParams = {
      houqin: true,
      code,
      message: { "zh-CN": fill(message["zh-CN"]), en: fill(message.en) },
    };
    ctx.addIssue({ code: "custom", message: fill(message.en), params: { ...params } });
    return z.NEVER;
  });
}

function readCategory(text: string): ProjectCategory | undefined {
  if (/基建|基础设施|工程|建设|维修|修缮|改造|土建|施工|construction|building|works?/i.test(text))
    return "construction";
  if (/装备|设备|器材|仪器|信息化|家具|采购|equipment|goods/i.test(text)) return "equipment";
  return undefined;
}

function readPeriod(text: string): ProjectPeriod | undefined {
  if (/暑|summer/i.test(text)) return "summer";
  if (/寒|winter/i.test(text)) return "winter";
  if (/学期|平时|日常|非假期|term|^(否|×|✗|x|n|no|false|0)$/i.test(text)) return "term";
  if (/假|holiday|^(是|√|✓|✔|y|yes|true|1)$/i.test(text)) return "holiday";
  return undefined;
}

/** The date and document-number fields of one stage. */
type StageFields<S extends ProjectStageId> = Record<`${S}Date`, FieldSpec<IsoDate, false>> &
  Record<`${S}Doc`, FieldSpec<string, false>>;

function stageFields<S extends ProjectStageId>(
  stage: S,
  title: Bilingual,
  dateSynonyms: readonly string[],
  docSynonyms: readonly string[],
): StageFields<S> {
  return {
    [`${stage}Date`]: field({
      title: { "zh-CN": `${title["zh-CN"]}日期`, en: `${title.en} date` },
      synonyms: dateSynonyms,
      required: false,
      schema: cells.date(),
    }),
    [`${stage}Doc`]: field({
      title: { "zh-CN": `${title["zh-CN"]}文号`, en: `${title.en} document no.` },
      // A bare 文号 after each date column is read in order: the first 文号 column belongs to the
      // first stage with a 文号 column, and so on.
      synonyms: [...docSynonyms, "文号", "文件号", "文件编号", "document no", "ref"],
      required: false,
      schema: cells.text(),
    }),
  } as StageFields<S>;
}

/**
 * Date synonyms of a stage: each name with 日期, 时间 and 完成日期 after it, then the names that may
 * head a date column on their own (not 采购 or 批复, which head other columns too).
 */
function dated(names: readonly string[], bare: readonly string[], english: readonly string[]): string[] {
  return [
    ...names.flatMap((n) => [`${n}日期`, `${n}时间`, `${n}完成日期`]),
    ...bare,
    ...english.flatMap((n) => [`${n} date`, n]),
  ];
}

/** Document synonyms of a stage: each name with 文号, 编号 and 号 after it, plus its own forms. */
function numbered(names: readonly string[], own: readonly string[]): string[] {
  return [...names.flatMap((n) => [`${n}文号`, `${n}编号`, `${n}号`]), ...own];
}

/**
 * `procurement.projects`: the register of infrastructure and equipment projects (基建、装备项目登记),
 * one row a project, with a date and a document number for each stage of 三(二)4.
 *
 * Headers such as 项目名称, 类别, 预算金额, 三重一大决策日期, 文号, 立项批复日期, 文号, 专家论证日期,
 * 委托代理采购日期, 验收日期, 审计日期, 结算日期 are recognised, and so is a two-row header with
 * a stage merged over its 日期 and 文号 columns. An optional 实施时段 column (暑假, 寒假, 假期,
 * 学期中) says when the project is carried out.
 *
 * @example
 * const rows = ctx.tablesOf(projects).flatMap((t) => t.rows);
 * rows[0]?.values.approvalDate // "2024-05-20"
 */
export const projects = defineTableKind({
  id: "procurement.projects",
  title: { "zh-CN": "基建装备项目", en: "Projects" },
  sheetHints: ["基建", "项目", "采购", "projects"],
  fields: {
    project: field({
      title: { "zh-CN": "项目名称", en: "Project" },
      synonyms: [
        "项目名称",
        "项目",
        "工程名称",
        "工程项目",
        "项目内容",
        "采购项目",
        "project",
        "project name",
      ],
      required: true,
      schema: cells.text(),
    }),
    category: field({
      title: { "zh-CN": "类别", en: "Category" },
      synonyms: ["类别", "项目类别", "类型", "项目类型", "项目性质", "category", "type"],
      required: false,
      schema: textChoice(readCategory, "unknown-category", {
        "zh-CN": "类别“{text}”无法识别，应为“基建”或“装备”",
        en: "Category “{text}” is not understood; write 基建 (infrastructure) or 装备 (equipment)",
      }),
    }),
    amount: field({
      title: { "zh-CN": "金额", en: "Amount" },
      synonyms: [
        "金额",
        "预算金额",
        "合同金额",
        "项目金额",
        "项目预算",
        "采购预算",
        "预算",
        "投资额",
        "总投资",
        "amount",
        "budget",
      ],
      required: false,
      schema: cells.nonNegativeMoney(),
    }),
    period: field({
      title: { "zh-CN": "实施时段", en: "Carried out" },
      synonyms: [
        "实施时段",
        "实施时期",
        "实施期间",
        "实施安排",
        "假期",
        "假期实施",
        "是否假期实施",
        "是否假期项目",
        "period",
        "holiday",
      ],
      required: false,
      schema: textChoice(readPeriod, "unknown-period", {
        "zh-CN": "实施时段“{text}”无法识别，可写：暑假、寒假、假期、学期中",
        en: "“{text}” is not understood as a period; write 暑假 (summer), 寒假 (winter), 假期 (holiday) or 学期中 (term)",
      }),
    }),
    ...stageFields(
      "decision",
      { "zh-CN": "三重一大", en: "Collective decision" },
      dated(
        ["三重一大决策", "三重一大", "集体决策", "党组织会议", "党支部会议", "校务会议", "决策"],
        ["三重一大", "三重一大决策", "集体决策", "党组织会议"],
        ["decision"],
      ),
      numbered(["三重一大", "三重一大决策", "决策", "会议纪要"], ["会议纪要", "纪要号"]),
    ),
    ...stageFields(
      "approval",
      { "zh-CN": "立项审批", en: "Approval" },
      dated(
        ["立项审批", "立项批复", "立项", "批复", "审批"],
        ["立项审批", "立项批复", "立项"],
        ["approval", "approved"],
      ),
      numbered(["立项", "立项审批", "立项批复", "批复"], ["批文号"]),
    ),
    ...stageFields(
      "review",
      { "zh-CN": "专家论证", en: "Expert review" },
      dated(
        ["专家组论证", "专家论证", "论证"],
        ["专家组论证", "专家论证", "论证"],
        ["expert review", "review"],
      ),
      numbered(["专家组论证", "专家论证", "论证", "论证报告"], ["论证报告", "论证意见"]),
    ),
    ...stageFields(
      "procurement",
      { "zh-CN": "委托代理采购", en: "Agency procurement" },
      dated(
        ["委托代理采购", "委托代理机构采购", "委托代理", "政府采购", "采购", "招标", "委托招标"],
        ["委托代理采购", "委托代理机构采购", "委托代理", "政府采购"],
        ["procurement", "tender"],
      ),
      numbered(["采购", "委托代理", "采购合同", "合同", "招标"], ["合同编号", "合同号"]),
    ),
    ...stageFields(
      "acceptance",
      { "zh-CN": "专家验收", en: "Acceptance" },
      dated(
        ["专家组验收", "专家验收", "验收"],
        ["专家组验收", "专家验收", "验收"],
        ["acceptance", "accepted"],
      ),
      numbered(["验收", "验收报告", "验收单"], ["验收报告"]),
    ),
    ...stageFields(
      "audit",
      { "zh-CN": "审计", en: "Audit" },
      dated(["审计"], ["审计"], ["audit", "audited"]),
      numbered(["审计", "审计报告"], ["审计报告"]),
    ),
    ...stageFields(
      "settlement",
      { "zh-CN": "结算", en: "Settlement" },
      dated(["结算", "决算"], ["结算", "决算"], ["settlement", "settled"]),
      numbered(["结算", "结算单", "结算审批单"], []),
    ),
  },
});
