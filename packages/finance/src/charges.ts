import { cells, defineTableKind, field } from "@houqin/workbook";

/** `finance.charges`: fees actually charged to students or classes (收费明细). */
export const charges = defineTableKind({
  id: "finance.charges",
  title: { "zh-CN": "收费明细", en: "Charges" },
  sheetHints: ["收费明细", "缴费", "charges"],
  fields: {
    student: field({
      title: { "zh-CN": "学生", en: "Student" },
      synonyms: ["学生姓名", "学生", "姓名", "缴费人", "缴费学生", "student", "name", "payer"],
      required: false,
      schema: cells.text(),
    }),
    className: field({
      title: { "zh-CN": "班级", en: "Class" },
      synonyms: ["班级", "班别", "class"],
      required: false,
      schema: cells.text(),
    }),
    item: field({
      title: { "zh-CN": "收费项目", en: "Fee item" },
      synonyms: ["收费项目", "缴费项目", "项目名称", "项目", "fee item", "item", "fee"],
      required: true,
      schema: cells.text(),
    }),
    amount: field({
      title: { "zh-CN": "金额", en: "Amount" },
      synonyms: ["金额", "收费金额", "实收金额", "缴费金额", "实缴金额", "amount", "amount paid"],
      required: true,
      schema: cells.money(),
    }),
    date: field({
      title: { "zh-CN": "收费日期", en: "Date" },
      synonyms: ["收费日期", "缴费日期", "收款日期", "日期", "date", "paid on"],
      required: true,
      schema: cells.date(),
    }),
    receipt: field({
      title: { "zh-CN": "票据号", en: "Receipt no." },
      synonyms: ["票据号", "票据号码", "收据号", "收据编号", "receipt", "receipt no"],
      required: false,
      schema: cells.text(),
    }),
  },
});
