import { cells, defineTableKind, field } from "@houqin/workbook";

/**
 * `finance.fee-schedule`: the approved fee standards (收费标准), each with its approving document and
 * the date it was publicly posted (三(四)1).
 */
export const feeSchedule = defineTableKind({
  id: "finance.fee-schedule",
  title: { "zh-CN": "收费标准", en: "Fee schedule" },
  sheetHints: ["收费标准", "收费公示", "fee schedule"],
  fields: {
    item: field({
      title: { "zh-CN": "收费项目", en: "Fee item" },
      synonyms: ["收费项目", "项目名称", "收费项目名称", "收费名称", "项目", "fee item", "item", "fee"],
      required: true,
      schema: cells.text(),
    }),
    standard: field({
      title: { "zh-CN": "收费标准", en: "Standard amount" },
      synonyms: [
        "收费标准",
        "标准",
        "标准金额",
        "收费标准金额",
        "金额",
        "收费金额",
        "standard",
        "standard amount",
        "rate",
        "amount",
      ],
      required: true,
      schema: cells.nonNegativeMoney(),
    }),
    unit: field({
      title: { "zh-CN": "计费单位", en: "Unit" },
      synonyms: ["计费单位", "收费单位", "单位", "计量单位", "unit", "per"],
      required: false,
      schema: cells.text(),
    }),
    document: field({
      title: { "zh-CN": "批准文件", en: "Approving document" },
      synonyms: [
        "批准文件",
        "批准文号",
        "审批文件",
        "文件依据",
        "收费依据",
        "依据",
        "文号",
        "approving document",
        "approval",
        "basis",
      ],
      required: false,
      schema: cells.text(),
    }),
    publicityDate: field({
      title: { "zh-CN": "公示日期", en: "Publicity date" },
      synonyms: ["公示日期", "公示时间", "公示", "publicity date", "posted", "posted on", "publicised"],
      required: false,
      schema: cells.date(),
    }),
  },
});
