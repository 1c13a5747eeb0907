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
import { expiryCell } from "./expiry.js";
import { priceCell } from "./priceCell.js";

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** A count or quantity that may not be negative (text numbers, full-width digits and units accepted). */
export function nonNegativeNumber(): CellSchema<number> {
  return cells.number().refine((n) => n >= 0, {
    message: "Cannot be negative",
    params: {
      houqin: true,
      code: "out-of-range",
      message: t("不能为负数", "Cannot be negative"),
    } satisfies CellIssueParams,
  });
}

/** A whole number of people that may not be negative. */
export function headcount(): CellSchema<number> {
  return cells.integer().refine((n) => n >= 0, {
    message: "A headcount cannot be negative",
    params: {
      houqin: true,
      code: "out-of-range",
      message: t("人数不能为负数", "A headcount cannot be negative"),
    } satisfies CellIssueParams,
  });
}

/** Words that say a thing is missing: 未索证, 未存档, 没有, 无, 缺, 缺失, 不齐全, 漏, 已过期. */
const NO_RE = /^(未|没|无|否|缺|不|漏|非)|缺失|缺少|不全|不齐|过期|失效|missing|^no\b/i;
/** Words that say it is there: 已索证, 已存档, 有, 是, 齐全, 完整. */
const YES_RE = /^(已|有|是|齐|全)|齐全|完整|^(yes|ok|done)\b/i;

/**
 * A yes/no cell of a register or log, read with the words clerks write: the usual 是/否, √/×, Y/N,
 * and 已索证 / 未索证, 已存档 / 未存档, 齐全 / 不齐全, 有 / 无, 缺, 缺失. A "missing" word wins
 * ("有缺失" is no).
 *
 * @returns the cell schema
 * @example
 * yesNoCell() // reads "已索证" as true, "未存档" as false, "齐全" as true, "缺" as false
 */
export function yesNoCell(): CellSchema<boolean> {
  return z
    .custom<CellInput>((v) => typeof v === "object" && v !== null && "value" in v)
    .transform((cell, ctx) => {
      const parsed = parseBooleanCell(cell);
      if (parsed.ok) return parsed.value;
      const text = typeof cell.value === "string" ? normalizeText(cell.value) : "";
      if (parsed.code === "not-a-boolean" && text !== "") {
        if (NO_RE.test(text)) return false;
        if (YES_RE.test(text)) return true;
      }
      const params: CellIssueParams = { houqin: true, code: parsed.code, message: parsed.message };
      ctx.addIssue({ code: "custom", message: parsed.message.en, params: { ...params } });
      return z.NEVER;
    });
}

const SUPPLIER = [
  "供货商",
  "供应商",
  "供货单位",
  "供应单位",
  "供货商名称",
  "供应商名称",
  "supplier",
  "vendor",
];

/**
 * `canteen.purchases`: the purchase and acceptance log (食品采购验收记录, 三(三)3): what was bought, from
 * whom, at what price, who of the inspection group accepted it, whether the licence and certificate
 * were checked (索证索票, 《食品安全法》§50, §53), and how rejected goods were handled.
 *
 * @example
 * const lines = ctx.tablesOf(purchases); // rows: { date, supplier, item, category?, quantity?, unitPrice?, amount?, … }
 */
export const purchases = defineTableKind({
  id: "canteen.purchases",
  title: t("食品采购验收记录", "Purchases and acceptance"),
  sheetHints: ["采购", "验收", "进货", "入库", "purchases", "purchase"],
  fields: {
    date: field({
      title: t("采购日期", "Date"),
      synonyms: ["采购日期", "进货日期", "验收日期", "入库日期", "购进日期", "日期", "date"],
      required: true,
      schema: cells.date(),
    }),
    supplier: field({
      title: t("供货商", "Supplier"),
      synonyms: SUPPLIER,
      required: true,
      schema: cells.text(),
    }),
    item: field({
      title: t("品名", "Item"),
      synonyms: [
        "品名",
        "食品名称",
        "商品名称",
        "货品名称",
        "原料名称",
        "名称",
        "采购品种",
        "品种",
        "item",
        "food",
      ],
      required: true,
      schema: cells.text(),
    }),
    category: field({
      title: t("类别", "Category"),
      synonyms: ["类别", "品类", "分类", "食品类别", "类型", "category"],
      required: false,
      schema: cells.text(),
    }),
    quantity: field({
      title: t("数量", "Quantity"),
      synonyms: ["数量", "采购数量", "进货数量", "重量", "quantity", "qty"],
      required: false,
      // A return line is written with a negative quantity (and a negative amount).
      schema: cells.number(),
    }),
    unit: field({
      title: t("单位", "Unit"),
      synonyms: ["单位", "计量单位", "unit"],
      required: false,
      schema: cells.text(),
    }),
    unitPrice: field({
      title: t("单价", "Unit price"),
      synonyms: ["单价", "单价(元)", "价格", "unit price", "price"],
      required: false,
      schema: priceCell(),
    }),
    amount: field({
      title: t("金额", "Amount"),
      synonyms: ["金额", "金额(元)", "采购金额", "合计金额", "amount", "total"],
      required: false,
      schema: cells.money(),
    }),
    inspectors: field({
      title: t("验收人", "Inspectors"),
      synonyms: ["验收人", "验收人员", "验收小组", "检验人", "验收签字", "inspectors", "inspected by"],
      required: false,
      schema: cells.text(),
    }),
    acceptance: field({
      title: t("验收结果", "Acceptance"),
      synonyms: ["验收结果", "验收情况", "验收结论", "质量情况", "感官检查", "acceptance", "result"],
      required: false,
      schema: cells.text(),
    }),
    certificateChecked: field({
      title: t("索证索票", "Certificate checked"),
      synonyms: [
        "索证索票",
        "索证情况",
        "查验合格证明",
        "合格证明",
        "检验合格证",
        "证件查验",
        "certificate checked",
        "certificate",
      ],
      required: false,
      schema: yesNoCell(),
    }),
    disposal: field({
      title: t("不合格处理", "Disposal of rejects"),
      synonyms: [
        "不合格处理",
        "不合格品处理",
        "处理情况",
        "处理结果",
        "处理措施",
        "处理方式",
        "disposal",
        "rejects",
      ],
      required: false,
      schema: cells.text(),
    }),
  },
});

/**
 * `canteen.suppliers`: the supplier register (供货商资质档案, 三(三)3): each supplier's business licence
 * and food licence with their expiry dates, and whether the product inspection certificates are on
 * file (copied and archived).
 *
 * @example
 * const register = ctx.tablesOf(suppliers); // rows: { supplier, licenceNo?, licenceExpiry?, foodLicenceExpiry?, … }
 */
export const suppliers = defineTableKind({
  id: "canteen.suppliers",
  title: t("供货商资质", "Suppliers"),
  sheetHints: ["供货商", "供应商", "资质", "suppliers"],
  fields: {
    supplier: field({
      title: t("供货商", "Supplier"),
      synonyms: SUPPLIER,
      required: true,
      schema: cells.text(),
    }),
    licenceNo: field({
      title: t("营业执照号", "Business licence no."),
      synonyms: [
        "营业执照号",
        "营业执照编号",
        "营业执照号码",
        "统一社会信用代码",
        // Not a bare 营业执照: it would take "营业执照到期日期" from the expiry field.
        "business licence no",
        "business licence number",
        "business license no",
      ],
      required: false,
      schema: cells.text(),
    }),
    licenceExpiry: field({
      title: t("营业执照有效期至", "Business licence expires"),
      synonyms: [
        "营业执照有效期至",
        "营业执照有效期",
        "执照有效期至",
        "执照有效期",
        "营业执照到期日期",
        "营业执照到期日",
        "营业执照到期时间",
        "营业执照有效期限",
        "营业执照有效日期",
        "营业执照截止日期",
        "执照到期日期",
        "执照到期日",
        "执照有效期限",
        "营业期限至",
        "营业期限",
        "business licence expires",
        "business licence expiry",
        "licence expiry",
      ],
      required: false,
      schema: expiryCell(),
    }),
    foodLicenceNo: field({
      title: t("食品经营许可证号", "Food licence no."),
      synonyms: [
        "食品经营许可证号",
        "食品经营许可证编号",
        "食品经营许可证号码",
        "食品生产许可证号",
        "食品生产许可证编号",
        "许可证号",
        "许可证编号",
        // Not a bare 食品经营许可证: it would take "食品经营许可证到期日期" from the expiry field.
        "food licence no",
        "food licence number",
      ],
      required: false,
      schema: cells.text(),
    }),
    foodLicenceExpiry: field({
      title: t("食品经营许可证有效期至", "Food licence expires"),
      synonyms: [
        "食品经营许可证有效期至",
        "食品经营许可证有效期",
        "食品经营许可证到期日期",
        "食品经营许可证到期日",
        "食品经营许可证有效期限",
        "食品经营许可证有效日期",
        "食品经营许可证截止日期",
        "食品生产许可证有效期至",
        "食品生产许可证有效期",
        "许可证有效期至",
        "许可证有效期",
        "许可证有效期限",
        "许可证到期日期",
        "许可证到期日",
        "food licence expires",
        "food licence expiry",
      ],
      required: false,
      schema: expiryCell(),
    }),
    certificatesOnFile: field({
      title: t("检验合格证存档", "Certificates on file"),
      synonyms: [
        "检验合格证存档",
        "合格证存档",
        "检验合格证",
        "产品检验合格证",
        "复印存档",
        "资料存档",
        "存档",
        "certificates on file",
        "certificates",
      ],
      required: false,
      schema: yesNoCell(),
    }),
  },
});

/**
 * `canteen.meals`: meals served (就餐统计, 三(三)5): per day and meal, how many students and staff ate
 * and at what price. The days in this table are the canteen's serving days.
 *
 * @example
 * const served = ctx.tablesOf(meals); // rows: { date, meal?, students?, staff?, diners?, price?, revenue? }
 */
export const meals = defineTableKind({
  id: "canteen.meals",
  title: t("就餐统计", "Meals served"),
  sheetHints: ["就餐", "用餐", "餐次", "meals"],
  fields: {
    date: field({
      title: t("日期", "Date"),
      synonyms: ["日期", "就餐日期", "用餐日期", "供餐日期", "date"],
      required: true,
      schema: cells.date(),
    }),
    meal: field({
      title: t("餐次", "Meal"),
      synonyms: ["餐次", "餐别", "就餐餐次", "meal"],
      required: false,
      schema: cells.text(),
    }),
    students: field({
      title: t("学生人数", "Students"),
      synonyms: ["学生人数", "学生就餐人数", "学生", "学生(人)", "students"],
      required: false,
      schema: headcount(),
    }),
    staff: field({
      title: t("教职工人数", "Staff"),
      synonyms: [
        "教职工人数",
        "教师人数",
        "教工人数",
        "教职工就餐人数",
        "教职工",
        "教师",
        "staff",
        "teachers",
      ],
      required: false,
      schema: headcount(),
    }),
    diners: field({
      title: t("就餐人数", "Diners"),
      synonyms: ["就餐人数", "用餐人数", "合计人数", "总人数", "人数", "diners"],
      required: false,
      schema: headcount(),
    }),
    price: field({
      title: t("餐标", "Price per meal"),
      synonyms: ["餐标", "餐费标准", "伙食标准", "每餐单价", "单价", "价格", "price"],
      required: false,
      schema: cells.nonNegativeMoney(),
    }),
    revenue: field({
      title: t("餐费收入", "Revenue"),
      // Not a bare 金额: with it a class's meal-fee collection sheet (日期, 班级, 学生人数, 金额) reads as meals.
      synonyms: ["餐费收入", "收入", "伙食费收入", "营业收入", "餐费金额", "就餐金额", "revenue", "income"],
      required: false,
      schema: cells.nonNegativeMoney(),
    }),
  },
});

/**
 * `canteen.staff`: canteen staff and their health certificates (从业人员健康证, 三(三)4, 《食品安全法》§45):
 * a certificate is checked every year, so one without an expiry date is valid for a year from issue.
 * Start and leave dates, when kept, bound the days each person worked.
 *
 * @example
 * const people = ctx.tablesOf(staff); // rows: { name, post?, certificateNo?, issued?, expires?, started?, left? }
 */
export const staff = defineTableKind({
  id: "canteen.staff",
  // A list of names and posts alone is a roster of some other kind; this one is about certificates.
  requiresOneOf: ["certificateNo", "issued", "expires"],
  title: t("食堂从业人员", "Canteen staff"),
  // Not 人员 or 员工: a guard roster or a sign-in sheet of another department would take the hint.
  sheetHints: ["从业人员", "健康证", "食堂员工", "食堂人员", "食堂职工", "staff"],
  fields: {
    name: field({
      title: t("姓名", "Name"),
      synonyms: ["姓名", "员工姓名", "从业人员", "人员姓名", "name"],
      required: true,
      schema: cells.text(),
    }),
    post: field({
      title: t("岗位", "Post"),
      synonyms: ["岗位", "工种", "职务", "岗位名称", "post", "role"],
      required: false,
      schema: cells.text(),
    }),
    certificateNo: field({
      title: t("健康证号", "Health certificate no."),
      // Not a bare 健康证: it would take "健康证有效期" from the expiry field.
      synonyms: [
        "健康证号",
        "健康证编号",
        "健康证号码",
        "健康证明编号",
        "health certificate no",
        "health certificate number",
        "certificate no",
      ],
      required: false,
      schema: cells.text(),
    }),
    issued: field({
      title: t("发证日期", "Issued"),
      // Not 体检日期: every staff list of the school has one; it does not make a sheet a canteen staff list.
      synonyms: [
        "发证日期",
        "健康证发证日期",
        "健康证办理日期",
        "健康证体检日期",
        "办证日期",
        "issued",
        "issue date",
      ],
      required: false,
      schema: cells.date(),
    }),
    expires: field({
      title: t("有效期至", "Expires"),
      synonyms: [
        "有效期至",
        "健康证有效期至",
        "健康证有效期",
        "健康证有效期限",
        "健康证有效日期",
        "健康证到期日期",
        "健康证到期日",
        "健康证到期时间",
        "有效期",
        "有效期限",
        "有效日期",
        "到期日期",
        "到期日",
        "health certificate expires",
        "expires",
        "expiry",
      ],
      required: false,
      schema: expiryCell(),
    }),
    started: field({
      title: t("入职日期", "Started"),
      synonyms: ["入职日期", "上岗日期", "到岗日期", "started", "start date"],
      required: false,
      schema: cells.date(),
    }),
    left: field({
      title: t("离职日期", "Left"),
      synonyms: ["离职日期", "离岗日期", "left", "leave date"],
      required: false,
      schema: cells.date(),
    }),
  },
});
