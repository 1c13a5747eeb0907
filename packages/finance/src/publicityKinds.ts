import type { Bilingual } from "@houqin/core";
import { cells, defineTableKind, field } from "@houqin/workbook";

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/**
 * `finance.publicity`: the record of fee publicity (收费公示记录, 三(四)1): which fee items were
 * posted, where, when the notice went up and when it came down. A blank 撤下日期 means the notice is
 * still up.
 *
 * Told from the fee schedule (which also has 收费项目 and 公示日期) by its 撤下日期 or 公示地点
 * column, or by a sheet name such as 收费公示记录. One row may name several items ("校服费、
 * 课后服务费") or all of them ("全部收费项目").
 *
 * @example
 * for (const { values } of ctx.tablesOf(feePublicity)[0]?.rows ?? []) values.postedOn // "2023-08-28"
 */
export const feePublicity = defineTableKind({
  id: "finance.publicity",
  title: t("收费公示记录", "Fee publicity record"),
  sheetHints: ["公示记录", "公示登记", "公示台账", "公示情况", "publicity record", "publicity"],
  requiresOneOf: ["takenDownOn", "place"],
  fields: {
    item: field({
      title: t("公示项目", "Fee item"),
      synonyms: [
        "公示项目",
        "收费项目",
        "公示内容",
        "公示收费项目",
        "项目名称",
        "项目",
        "fee item",
        "item",
        "items posted",
      ],
      required: true,
      schema: cells.text(),
    }),
    standard: field({
      title: t("收费标准", "Standard"),
      synonyms: ["收费标准", "公示标准", "标准", "standard"],
      required: false,
      schema: cells.nonNegativeMoney(),
    }),
    postedOn: field({
      title: t("公示日期", "Posted on"),
      synonyms: [
        "公示日期",
        "公示时间",
        "公示开始日期",
        "开始公示日期",
        "公示起始日期",
        "张贴日期",
        "张贴时间",
        "上墙日期",
        "发布日期",
        "开始日期",
        "posted",
        "posted on",
      ],
      required: true,
      schema: cells.date(),
    }),
    takenDownOn: field({
      title: t("撤下日期", "Taken down on"),
      synonyms: [
        "撤下日期",
        "撤除日期",
        "撤销日期",
        "撤下时间",
        "下墙日期",
        "公示结束日期",
        "公示截止日期",
        "结束日期",
        "截止日期",
        "taken down",
        "taken down on",
        "removed on",
      ],
      required: false,
      schema: cells.date(),
    }),
    place: field({
      title: t("公示地点", "Place"),
      synonyms: [
        "公示地点",
        "公示位置",
        "公示方式",
        "公示载体",
        "张贴地点",
        "张贴位置",
        "地点",
        "位置",
        "place",
        "where",
      ],
      required: false,
      schema: cells.text(),
    }),
  },
});
