import type { Bilingual } from "@houqin/core";
import { cells, defineTableKind, field } from "@houqin/workbook";

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/**
 * `canteen.assessment`: the monthly assessment of canteen staff (食堂员工考核表, 三(三)2). The school
 * sets its own scoring items (考核细则), so besides month, name, post and total the sheet holds any
 * number of score columns (卫生, 服务, 安全…), kept as the table's other columns. An item's
 * maximum may be written in its header ("卫生（30分）") or in the setting 考核项目.
 *
 * @example
 * const sheets = ctx.tablesOf(assessments); // rows: { month: "2023-09", name, post?, total? }
 */
export const assessments = defineTableKind({
  id: "canteen.assessment",
  title: t("食堂员工考核", "Canteen staff assessment"),
  sheetHints: ["考核", "考评", "评分", "assessment"],
  otherColumns: true,
  fields: {
    month: field({
      title: t("考核月份", "Month"),
      synonyms: ["考核月份", "月份", "考核月", "考核时间", "考核日期", "考评月份", "月度", "month"],
      required: true,
      schema: cells.month(),
    }),
    name: field({
      title: t("姓名", "Name"),
      synonyms: ["姓名", "员工姓名", "被考核人", "被考核人员", "考核对象", "人员姓名", "name", "staff"],
      required: true,
      schema: cells.text(),
    }),
    post: field({
      title: t("岗位", "Post"),
      synonyms: ["岗位", "工种", "职务", "岗位名称", "post", "role"],
      required: false,
      schema: cells.text(),
    }),
    total: field({
      title: t("总分", "Total"),
      synonyms: [
        "总分",
        "合计",
        "总得分",
        "合计得分",
        "得分合计",
        "考核总分",
        "最终得分",
        "综合得分",
        "total",
        "total score",
      ],
      required: false,
      schema: cells.number(),
    }),
  },
});
