import { type Bilingual, normalizeText, parseBooleanCell } from "@houqin/core";
import {
  type CellInput,
  type CellIssueParams,
  type CellSchema,
  cells,
  defineTableKind,
  field,
} from "@houqin/workbook";
import { z } from "zod";

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** Words that say an upload failed or was not made: 未上传, 没传, 漏传, 失败. */
const NOT_UPLOADED_RE = /^(未|没|漏|否|无|缺)|失败|fail/i;
/** Words that say it was made: 已上传, 已传, 上传成功, 正常上传. */
const UPLOADED_RE = /^(已|是|有)|成功|正常|done|ok/i;

/**
 * Whether a day's upload was made: the usual yes/no words (是/否, √/×, Y/N) and the words of an
 * upload log (已上传, 未上传, 上传成功, 漏传).
 */
function uploadedCell(): CellSchema<boolean> {
  return z
    .custom<CellInput>((v) => typeof v === "object" && v !== null && "value" in v)
    .transform((cell, ctx) => {
      const parsed = parseBooleanCell(cell);
      if (parsed.ok) return parsed.value;
      const text = typeof cell.value === "string" ? normalizeText(cell.value) : "";
      if (parsed.code === "not-a-boolean" && text !== "") {
        if (NOT_UPLOADED_RE.test(text)) return false;
        if (UPLOADED_RE.test(text)) return true;
      }
      const params: CellIssueParams = { houqin: true, code: parsed.code, message: parsed.message };
      ctx.addIssue({ code: "custom", message: parsed.message.en, params: { ...params } });
      return z.NEVER;
    });
}

/**
 * `canteen.disinfection-log`: the daily disinfection record of kitchenware and tableware
 * (餐具、厨具消毒记录, 三(三)4 "每天定时消毒"): when, what, how and by whom.
 *
 * @example
 * const log = ctx.tablesOf(disinfectionLog); // rows: { date, time?, meal?, items?, method?, person? }
 */
export const disinfectionLog = defineTableKind({
  id: "canteen.disinfection-log",
  title: t("餐具消毒记录", "Disinfection log"),
  sheetHints: ["消毒", "disinfection"],
  fields: {
    date: field({
      title: t("消毒日期", "Date"),
      synonyms: ["消毒日期", "日期", "date", "disinfection date"],
      required: true,
      schema: cells.date(),
    }),
    time: field({
      title: t("消毒时间", "Time"),
      synonyms: ["消毒时间", "消毒时段", "时段", "时间段", "disinfection time", "time of day"],
      required: false,
      schema: cells.text(),
    }),
    meal: field({
      title: t("餐次", "Meal"),
      synonyms: ["餐次", "餐别", "meal"],
      required: false,
      schema: cells.text(),
    }),
    items: field({
      title: t("消毒对象", "Items disinfected"),
      synonyms: [
        "消毒对象",
        "消毒物品",
        "消毒餐具",
        "消毒用具",
        "消毒内容",
        "消毒项目",
        "消毒范围",
        "餐具名称",
        "餐(厨)具",
        "餐厨具",
        "items disinfected",
        "disinfected items",
      ],
      required: false,
      schema: cells.text(),
    }),
    method: field({
      title: t("消毒方式", "Method"),
      synonyms: ["消毒方式", "消毒方法", "消毒方式方法", "消毒措施", "method", "disinfection method"],
      required: false,
      schema: cells.text(),
    }),
    person: field({
      title: t("消毒人", "Disinfected by"),
      synonyms: ["消毒人", "消毒人员", "消毒员", "消毒负责人", "消毒人签字", "disinfected by"],
      required: false,
      schema: cells.text(),
    }),
  },
});

/**
 * `canteen.upload-log`: the daily upload to the 明厨亮灶 / 阳光食堂 management platform (三(三)7
 * "每天上传管理平台"): the date, the platform, what was uploaded, whether it was, and by whom.
 *
 * @example
 * const log = ctx.tablesOf(uploadLog); // rows: { date, platform?, content?, uploaded?, person? }
 */
export const uploadLog = defineTableKind({
  id: "canteen.upload-log",
  title: t("平台上传记录", "Platform upload log"),
  sheetHints: ["上传", "明厨亮灶", "阳光食堂", "upload"],
  fields: {
    date: field({
      title: t("上传日期", "Date"),
      // Not an exact 上传时间: in "日期, 上传时间 (12:30)" that column holds the time of day. A bare
      // 时间 still finds the date in "上传时间" when the log has no other date column (a substring
      // scores below the exact 日期).
      synonyms: ["上传日期", "日期", "时间", "date", "upload date"],
      required: true,
      schema: cells.date(),
    }),
    platform: field({
      title: t("上传平台", "Platform"),
      synonyms: ["上传平台", "管理平台", "平台名称", "平台", "platform"],
      required: false,
      schema: cells.text(),
    }),
    content: field({
      title: t("上传内容", "Content"),
      synonyms: [
        "上传内容",
        "上传资料",
        "上传事项",
        "上传项目",
        "公示内容",
        "uploaded content",
        "upload content",
      ],
      required: false,
      schema: cells.text(),
    }),
    uploaded: field({
      title: t("是否上传", "Uploaded"),
      synonyms: ["是否上传", "上传情况", "上传状态", "是否已上传", "上传结果", "uploaded", "upload status"],
      required: false,
      schema: uploadedCell(),
    }),
    person: field({
      title: t("上传人", "Uploaded by"),
      synonyms: ["上传人", "上传人员", "上传者", "uploaded by"],
      required: false,
      schema: cells.text(),
    }),
  },
});

/**
 * `canteen.hazard-inspections`: food-safety hazard inspections (食品安全隐患排查记录, 三(三)7
 * "定期开展食品安全隐患排查，及时发现问题及时纠正"): what was inspected, the problem found, the
 * rectification and the day it was completed.
 *
 * @example
 * const log = ctx.tablesOf(hazardInspections); // rows: { date, item, problem?, action?, rectifiedAt?, person? }
 */
export const hazardInspections = defineTableKind({
  id: "canteen.hazard-inspections",
  title: t("食品安全隐患排查记录", "Food-safety hazard inspections"),
  // 食堂, 食品, 自查: a canteen's self-inspection written with 检查日期, 检查项目 ties with the school's
  // safety inspection log, and the sheet's name decides.
  // A hazard log of the whole school (安全隐患排查) is the safety domain's; the canteen's says so.
  sheetHints: ["食品安全", "食堂", "食品", "厨房", "后厨", "餐饮", "hazard"],
  fields: {
    date: field({
      title: t("排查日期", "Date"),
      // Not an exact 排查时间: in "日期, 排查时间 (10:00)" that column holds the time of day; a bare 时间
      // still finds the date in "排查时间" when there is no other date column.
      synonyms: ["排查日期", "检查日期", "自查日期", "日期", "时间", "date", "inspection date"],
      required: true,
      schema: cells.date(),
    }),
    item: field({
      title: t("排查项目", "Item"),
      synonyms: [
        "排查项目",
        "排查内容",
        "排查部位",
        "排查事项",
        "排查环节",
        "隐患排查项目",
        "隐患排查内容",
        "检查项目",
        "检查内容",
        "自查项目",
        "自查内容",
        "hazard item",
        "inspected item",
      ],
      required: true,
      schema: cells.text(),
    }),
    problem: field({
      title: t("发现问题", "Problem found"),
      synonyms: [
        "发现问题",
        "发现隐患",
        "存在问题",
        "存在隐患",
        "隐患描述",
        "隐患情况",
        "隐患",
        "问题",
        "hazard",
        "hazard found",
        "problem found",
      ],
      required: false,
      schema: cells.text(),
    }),
    action: field({
      title: t("整改措施", "Rectification"),
      synonyms: [
        "整改措施",
        "整改情况",
        "整改意见",
        "处理措施",
        "纠正措施",
        "rectification",
        "corrective action",
      ],
      required: false,
      schema: cells.text(),
    }),
    rectifiedAt: field({
      title: t("整改完成日期", "Rectified on"),
      synonyms: [
        "整改完成日期",
        "整改完成时间",
        "整改日期",
        "整改时间",
        "完成整改日期",
        "销号日期",
        "rectified",
        "rectified on",
      ],
      required: false,
      schema: cells.date(),
    }),
    person: field({
      title: t("排查人", "Inspected by"),
      synonyms: [
        "排查人",
        "排查人员",
        "排查负责人",
        "排查人签字",
        "检查人",
        "检查人员",
        "自查人",
        "inspected by",
      ],
      required: false,
      schema: cells.text(),
    }),
  },
});

/**
 * `canteen.feedback`: opinions of students and parents on the canteen and the answers given
 * (意见反馈, 三(三)1, 三(三)6 "向学生和家长征求意见和建议").
 *
 * @example
 * const log = ctx.tablesOf(feedback); // rows: { date, from?, content, answer?, answeredAt? }
 */
export const feedback = defineTableKind({
  id: "canteen.feedback",
  title: t("意见反馈", "Feedback"),
  sheetHints: ["意见", "反馈", "建议", "feedback"],
  fields: {
    date: field({
      title: t("反馈日期", "Date"),
      synonyms: [
        "反馈日期",
        "收到日期",
        "提出日期",
        "征求日期",
        "来信日期",
        "日期",
        "date",
        "received",
        "received on",
      ],
      required: true,
      schema: cells.date(),
    }),
    from: field({
      title: t("反馈人", "From"),
      synonyms: [
        "反馈人",
        "反馈对象",
        "反馈来源",
        "意见来源",
        "提出人",
        "反映人",
        "建议人",
        "来源",
        "from",
        "source",
      ],
      required: false,
      schema: cells.text(),
    }),
    content: field({
      title: t("反馈内容", "Feedback"),
      synonyms: [
        "反馈内容",
        "意见内容",
        "意见建议",
        "意见和建议",
        "意见或建议",
        "反馈意见",
        "反映问题",
        "意见",
        "建议",
        "content",
        "opinion",
      ],
      required: true,
      schema: cells.text(),
    }),
    answer: field({
      title: t("回复内容", "Answer"),
      synonyms: [
        "回复内容",
        "答复内容",
        "回复情况",
        "处理结果",
        "采纳情况",
        "回复",
        "答复",
        "answer",
        "reply",
      ],
      required: false,
      schema: cells.text(),
    }),
    answeredAt: field({
      title: t("回复日期", "Answered on"),
      synonyms: ["回复日期", "答复日期", "回复时间", "答复时间", "answered", "answered on", "reply date"],
      required: false,
      schema: cells.date(),
    }),
  },
});

/**
 * `canteen.samples`: the food sample log (食品留样记录): each meal's dishes kept as samples, how much,
 * when and by whom, and when they were discarded. No check reads it yet; it is recognised so that a
 * sample log (日期, 餐次, 留样菜品…) is not taken for the meals-served table, whose days are the
 * canteen's serving days.
 *
 * @example
 * const log = ctx.tablesOf(sampleLog); // rows: { date, meal?, dishes?, weight?, time?, person?, discarded? }
 */
export const sampleLog = defineTableKind({
  id: "canteen.samples",
  title: t("食品留样记录", "Food sample log"),
  sheetHints: ["留样", "samples"],
  fields: {
    date: field({
      title: t("留样日期", "Date"),
      synonyms: ["留样日期", "日期", "date", "sample date"],
      required: true,
      schema: cells.date(),
    }),
    meal: field({
      title: t("餐次", "Meal"),
      synonyms: ["餐次", "餐别", "meal"],
      required: false,
      schema: cells.text(),
    }),
    dishes: field({
      title: t("留样菜品", "Dishes kept"),
      synonyms: [
        "留样菜品",
        "留样食品",
        "留样品种",
        "留样名称",
        "留样品名",
        "菜品名称",
        "菜品",
        "菜名",
        "dishes",
        "sampled dishes",
      ],
      required: false,
      schema: cells.text(),
    }),
    weight: field({
      title: t("留样量", "Weight"),
      synonyms: ["留样量", "留样数量", "留样重量", "sample weight"],
      required: false,
      schema: cells.text(),
    }),
    time: field({
      title: t("留样时间", "Time kept"),
      synonyms: ["留样时间", "留样时段", "sample time"],
      required: false,
      schema: cells.text(),
    }),
    person: field({
      title: t("留样人", "Kept by"),
      synonyms: ["留样人", "留样人员", "留样人签字", "kept by"],
      required: false,
      schema: cells.text(),
    }),
    discarded: field({
      title: t("销样时间", "Discarded"),
      synonyms: ["销样时间", "销样日期", "处理时间", "销毁时间", "discarded", "discarded on"],
      required: false,
      schema: cells.text(),
    }),
  },
});
