import { createSchoolCalendar, type IsoDate } from "@houqin/core";
import ExcelJS from "exceljs";
import type { GeneratedWorkbook, PlantedFinding } from "./feeWorkbook.js";
import { createRandom, type Random } from "./random.js";
import { utc, writeSheet, yuan } from "./sheetWriter.js";

/** Options of {@link generateCanteenWorkbook}. */
export interface CanteenWorkbookOptions {
  seed?: number;
  /** Plant the canteen defects (default true); without them everything is in order. */
  defects?: boolean;
}

/** The sample is checked as of this day (the settings' 检查日期). */
const AS_OF = "2023-11-30";
/** Meals are served from the first school day after the National Day holiday. */
const FIRST_DAY = "2023-10-07";

interface Supplier {
  name: string;
  category: string;
  licenceNo: string;
  licenceExpiry: IsoDate | "长期";
  foodLicenceNo: string;
  foodLicenceExpiry: IsoDate;
}

const SUPPLIERS: Supplier[] = [
  {
    name: "绿源蔬菜配送中心",
    category: "蔬菜",
    licenceNo: "91320105MA1N2K3L4P",
    licenceExpiry: "长期",
    foodLicenceNo: "JY13201050012345",
    foodLicenceExpiry: "2026-05-31",
  },
  {
    name: "鑫华肉类食品有限公司",
    category: "肉类",
    licenceNo: "91320106MA1P8Q7R6S",
    licenceExpiry: "2030-12-31",
    foodLicenceNo: "JY13201060023456",
    foodLicenceExpiry: "2023-11-15",
  },
  {
    name: "恒发冷鲜肉配送有限公司",
    category: "肉类",
    licenceNo: "91320111MA1R5S4T3U",
    licenceExpiry: "2032-06-30",
    foodLicenceNo: "JY13201110034567",
    foodLicenceExpiry: "2027-03-31",
  },
  {
    name: "康源粮油商行",
    category: "粮油",
    licenceNo: "92320104MA1T2U1V0W",
    licenceExpiry: "长期",
    foodLicenceNo: "JY13201040045678",
    foodLicenceExpiry: "2025-09-30",
  },
  {
    name: "味美调味品商行",
    category: "调味品",
    licenceNo: "92320102MA1V9W8X7Y",
    licenceExpiry: "长期",
    foodLicenceNo: "JY13201020056789",
    foodLicenceExpiry: "2026-01-31",
  },
  {
    name: "新鲜禽蛋批发部",
    category: "蛋类",
    licenceNo: "92320113MA1X6Y5Z4A",
    licenceExpiry: "2028-08-31",
    foodLicenceNo: "JY13201130067890",
    foodLicenceExpiry: "2023-12-20",
  },
  {
    name: "阳光豆制品厂",
    category: "豆制品",
    licenceNo: "91320115MA1Z3A2B1C",
    licenceExpiry: "2031-04-30",
    foodLicenceNo: "SC12432011500789",
    foodLicenceExpiry: "2026-10-31",
  },
  {
    name: "鲜丰水产水果行",
    category: "水产",
    licenceNo: "92320114MA1C8D7E6F",
    licenceExpiry: "2029-10-31",
    foodLicenceNo: "JY13201140089012",
    foodLicenceExpiry: "2026-07-31",
  },
  {
    name: "晨光乳业配送站",
    category: "奶类",
    licenceNo: "91320116MA1B0C9D8E",
    licenceExpiry: "长期",
    foodLicenceNo: "JY13201160078901",
    foodLicenceExpiry: "2025-06-30",
  },
];

interface Good {
  item: string;
  category: string;
  unit: string;
  /** Unit price in fen. */
  price: number;
  /** Daily quantity range. */
  min: number;
  max: number;
  /** How often it is bought: every day, or on Mondays. */
  cadence: "daily" | "monday";
}

const GOODS: Good[] = [
  { item: "青菜", category: "蔬菜", unit: "斤", price: 250, min: 120, max: 160, cadence: "daily" },
  { item: "土豆", category: "蔬菜", unit: "斤", price: 180, min: 80, max: 120, cadence: "daily" },
  { item: "西红柿", category: "蔬菜", unit: "斤", price: 420, min: 60, max: 90, cadence: "daily" },
  { item: "猪肉", category: "肉类", unit: "斤", price: 1450, min: 90, max: 120, cadence: "daily" },
  { item: "鸡腿", category: "肉类", unit: "斤", price: 1180, min: 60, max: 90, cadence: "daily" },
  { item: "鸡蛋", category: "蛋类", unit: "斤", price: 560, min: 70, max: 90, cadence: "daily" },
  { item: "豆腐", category: "豆制品", unit: "斤", price: 300, min: 50, max: 70, cadence: "daily" },
  { item: "牛肉", category: "肉类", unit: "斤", price: 3800, min: 40, max: 60, cadence: "daily" },
  { item: "草鱼", category: "水产", unit: "斤", price: 1200, min: 60, max: 80, cadence: "daily" },
  { item: "西兰花", category: "蔬菜", unit: "斤", price: 650, min: 60, max: 80, cadence: "daily" },
  { item: "苹果", category: "水果", unit: "斤", price: 450, min: 150, max: 200, cadence: "daily" },
  { item: "面条", category: "粮油", unit: "斤", price: 300, min: 50, max: 70, cadence: "daily" },
  { item: "纯牛奶", category: "奶类", unit: "箱", price: 6000, min: 30, max: 34, cadence: "daily" },
  { item: "大米", category: "粮油", unit: "袋", price: 14500, min: 30, max: 36, cadence: "monday" },
  { item: "面粉", category: "粮油", unit: "袋", price: 9800, min: 12, max: 16, cadence: "monday" },
  { item: "食用油", category: "粮油", unit: "桶", price: 16800, min: 10, max: 14, cadence: "monday" },
  { item: "酱油", category: "调味品", unit: "瓶", price: 1250, min: 20, max: 30, cadence: "monday" },
  { item: "食盐", category: "调味品", unit: "袋", price: 300, min: 20, max: 30, cadence: "monday" },
];

const INSPECTION_GROUP = ["张建国", "刘海", "周丽"];
const KITCHEN = [
  { name: "陈桂芳", post: "厨师长" },
  { name: "王德明", post: "厨师" },
  { name: "赵秀英", post: "厨师" },
  { name: "孙立群", post: "面点师" },
  { name: "李春兰", post: "切配工" },
  { name: "周红梅", post: "切配工" },
  { name: "吴国强", post: "采购员" },
  { name: "郑玉珍", post: "保洁员" },
  { name: "冯建华", post: "洗消员" },
  { name: "何小燕", post: "售饭员" },
];
/** The school's own scoring items and their maximum points. */
const SCORING = [
  { item: "卫生", max: 30 },
  { item: "服务", max: 30 },
  { item: "安全", max: 25 },
  { item: "节约", max: 15 },
];
const MEALS = [
  { meal: "早餐", price: 250 },
  { meal: "午餐", price: 700 },
  { meal: "晚餐", price: 500 },
];

function supplierFor(category: string, date: IsoDate): string {
  // The meat supplier changed when 鑫华's food licence ran out on 15 November.
  if (category === "肉类") return date <= "2023-11-15" ? "鑫华肉类食品有限公司" : "恒发冷鲜肉配送有限公司";
  const s = SUPPLIERS.find((x) => x.category === (category === "水果" ? "水产" : category));
  return s ? s.name : "绿源蔬菜配送中心";
}

function inspectors(random: Random): string {
  const a = random.int(0, INSPECTION_GROUP.length - 1);
  const b = (a + random.int(1, INSPECTION_GROUP.length - 1)) % INSPECTION_GROUP.length;
  return `${INSPECTION_GROUP[a]}、${INSPECTION_GROUP[b]}`;
}

/**
 * A school canteen's workbook for October and November 2023 (三(三)): the supplier register, the
 * purchase and acceptance log, meals served (three meals a day for about 800), month-end stock,
 * staff and health certificates, disinfection and 明厨亮灶 upload logs, hazard inspections,
 * feedback, the staff assessment and the water-dispenser register — in order, but for the defects
 * planted at known cells.
 *
 * @example
 * const { workbook, planted } = generateCanteenWorkbook();
 * await workbook.xlsx.writeFile("食堂管理.xlsx");
 */
export function generateCanteenWorkbook(options: CanteenWorkbookOptions = {}): GeneratedWorkbook {
  const defects = options.defects ?? true;
  const random = createRandom(options.seed ?? 20231130);
  const planted: PlantedFinding[] = [];
  const p = (rule: string, sheet: string, cell: string) => planted.push({ rule, sheet, cell });
  const wb = new ExcelJS.Workbook();
  wb.creator = "houqin samples";
  wb.created = utc(AS_OF);
  wb.modified = utc(AS_OF);

  const calendar = createSchoolCalendar();
  const days = calendar.schoolDays(FIRST_DAY, AS_OF);

  writeSheet(
    wb,
    "设置",
    undefined,
    ["设置项", "值"],
    [
      ["学校名称", "示例市实验小学"],
      ["检查日期", AS_OF],
      ["食堂盈余率上限", "5%"],
      ["考核项目", SCORING.map((s) => `${s.item} ${s.max}`).join("、")],
    ],
    [16, 36],
  );

  // Suppliers.
  const supplierRows = SUPPLIERS.map((s): ExcelJS.CellValue[] => [
    s.name,
    s.category,
    s.licenceNo,
    s.licenceExpiry,
    s.foodLicenceNo,
    !defects && s.foodLicenceExpiry < "2024-06-01"
      ? `${Number(s.foodLicenceExpiry.slice(0, 4)) + 1}${s.foodLicenceExpiry.slice(4)}`
      : s.foodLicenceExpiry,
    "是",
  ]);
  const supplierSheet = writeSheet(
    wb,
    "供货商资质",
    "食堂供货商资质档案",
    [
      "供货商",
      "供货类别",
      "营业执照号",
      "营业执照有效期至",
      "食品经营许可证号",
      "食品经营许可证有效期至",
      "检验合格证存档",
    ],
    supplierRows,
    [22, 10, 22, 16, 20, 20, 14],
  );
  if (defects) {
    p("canteen/licence-expired", supplierSheet.sheet, `F${supplierSheet.rowOf(1)}`);
    p("canteen/licence-expiring", supplierSheet.sheet, `F${supplierSheet.rowOf(5)}`);
  }

  // Purchases: the daily goods every day, the staples on Mondays (or the first serving day of a week).
  const purchaseRows: ExcelJS.CellValue[][] = [];
  const purchaseFen = new Map<string, number>();
  const note = (date: IsoDate, fen: number) =>
    purchaseFen.set(date.slice(0, 7), (purchaseFen.get(date.slice(0, 7)) ?? 0) + fen);
  let lastWeek = "";
  for (const date of days) {
    const week = calendar.schoolWeeks(date, date)[0]?.weekStart ?? date;
    const firstOfWeek = week !== lastWeek;
    lastWeek = week;
    for (const g of GOODS) {
      if (g.cadence === "monday" && !firstOfWeek) continue;
      const quantity = random.int(g.min, g.max);
      const fen = quantity * g.price;
      note(date, fen);
      purchaseRows.push([
        date,
        supplierFor(g.category, date),
        g.item,
        g.category,
        quantity,
        g.unit,
        yuan(g.price),
        yuan(fen),
        inspectors(random),
        "合格",
        "是",
        null,
      ]);
    }
  }
  const at = (date: IsoDate, item: string) => purchaseRows.findIndex((r) => r[0] === date && r[2] === item);
  const planted1: { rule: string; index: number; column: string }[] = [];
  if (defects) {
    // Soy sauce bought without asking for the certificate.
    const soy = at("2023-11-06", "酱油");
    (purchaseRows[soy] as ExcelJS.CellValue[])[10] = "否";
    planted1.push({ rule: "canteen/seasoning-without-certificate", index: soy, column: "K" });
    // Tomatoes rejected as spoiled, with nothing recorded about what was done with them.
    const tomato = at("2023-11-09", "西红柿");
    (purchaseRows[tomato] as ExcelJS.CellValue[])[9] = "部分腐烂，不合格";
    planted1.push({ rule: "canteen/reject-not-handled", index: tomato, column: "L" });
    // One person accepted the tofu alone.
    const tofu = at("2023-11-13", "豆腐");
    (purchaseRows[tofu] as ExcelJS.CellValue[])[8] = "刘海";
    planted1.push({ rule: "canteen/single-inspector", index: tofu, column: "I" });
    // An amount typed wrong: 10 yuan too much.
    const eggs = at("2023-11-16", "鸡蛋");
    const eggRow = purchaseRows[eggs] as ExcelJS.CellValue[];
    eggRow[7] = (eggRow[7] as number) + 10;
    note("2023-11-16", 1000);
    planted1.push({ rule: "canteen/amount-mismatch", index: eggs, column: "H" });
    // Pork bought once more from 鑫华 after its food licence had run out.
    const pork = at("2023-11-20", "猪肉");
    (purchaseRows[pork] as ExcelJS.CellValue[])[1] = "鑫华肉类食品有限公司";
    planted1.push({ rule: "canteen/supplier-unlicensed", index: pork, column: "B" });
  }
  const purchaseSheet = writeSheet(
    wb,
    "采购验收",
    "食品采购验收记录（2023年10—11月）",
    [
      "采购日期",
      "供货商",
      "品名",
      "类别",
      "数量",
      "单位",
      "单价",
      "金额",
      "验收人",
      "验收结果",
      "索证索票",
      "不合格处理",
    ],
    purchaseRows,
    [12, 22, 10, 8, 8, 6, 8, 10, 14, 16, 10, 12],
  );
  for (const x of planted1) p(x.rule, purchaseSheet.sheet, `${x.column}${purchaseSheet.rowOf(x.index)}`);

  // Meals: three a day for about 800 people.
  const mealRows: ExcelJS.CellValue[][] = [];
  const revenueFen = new Map<string, number>();
  for (const date of days) {
    const students = random.int(745, 775);
    for (const m of MEALS) {
      const eating = m.meal === "午餐" ? students : students - random.int(20, 60);
      const staffCount = m.meal === "午餐" ? random.int(38, 46) : random.int(12, 20);
      const month = date.slice(0, 7);
      revenueFen.set(month, (revenueFen.get(month) ?? 0) + (eating + staffCount) * m.price);
      mealRows.push([date, m.meal, eating, staffCount, yuan(m.price)]);
    }
  }
  writeSheet(
    wb,
    "就餐统计",
    "学生及教职工就餐统计",
    ["日期", "餐次", "学生人数", "教职工人数", "餐标"],
    mealRows,
    [12, 8, 10, 10, 8],
  );

  // Month-end stock, chosen so food cost lands on a surplus rate: 2% in October; November 6.5% with
  // the defects (over the 5% limit) and 3% without.
  const stockRows: ExcelJS.CellValue[][] = [];
  let opening = 1_865_040;
  const months = ["2023-10", "2023-11"];
  for (const month of months) {
    const revenue = revenueFen.get(month) ?? 0;
    const rate = month === "2023-11" ? (defects ? 0.065 : 0.03) : 0.02;
    const cost = Math.round(revenue * (1 - rate));
    const closing = opening + (purchaseFen.get(month) ?? 0) - cost;
    stockRows.push([`${month.slice(0, 4)}年${Number(month.slice(5))}月`, yuan(opening), yuan(closing)]);
    opening = closing;
  }
  const stockSheet = writeSheet(
    wb,
    "库存盘点",
    "食堂月末库存盘点",
    ["月份", "月初库存", "月末库存"],
    stockRows,
    [12, 14, 14],
  );
  if (defects) p("canteen/surplus-over-limit", stockSheet.sheet, `A${stockSheet.rowOf(1)}`);

  // Staff and health certificates.
  const staffRows = KITCHEN.map((k, i): ExcelJS.CellValue[] => {
    const issued = `2023-0${1 + (i % 8)}-${String(10 + i).padStart(2, "0")}`;
    let expires = `2024${issued.slice(4)}`;
    expires = `${expires.slice(0, 8)}${String(Number(expires.slice(8)) - 1).padStart(2, "0")}`;
    return [k.name, k.post, `健字${2023_0100 + i * 37}号`, issued, expires, "2021-08-20"];
  });
  if (defects) {
    // 王德明's certificate ran out on 27 November and he kept working.
    const r = staffRows[1] as ExcelJS.CellValue[];
    r[3] = "2022-11-28";
    r[4] = "2023-11-27";
    // 孙立群's runs out before Christmas.
    const s = staffRows[3] as ExcelJS.CellValue[];
    s[3] = "2022-12-21";
    s[4] = "2023-12-20";
  }
  const staffSheet = writeSheet(
    wb,
    "从业人员",
    "食堂从业人员健康证登记",
    ["姓名", "岗位", "健康证号", "发证日期", "有效期至", "入职日期"],
    staffRows,
    [10, 10, 16, 12, 12, 12],
  );
  if (defects) {
    for (let i = 0; i < 3; i++)
      p("canteen/health-certificate-expired", staffSheet.sheet, `E${staffSheet.rowOf(1)}`);
    p("canteen/health-certificate-expiring", staffSheet.sheet, `E${staffSheet.rowOf(3)}`);
  }

  // Disinfection after every meal, one line a day; 14 November left out with the defects.
  const disinfectionRows: ExcelJS.CellValue[][] = [];
  for (const date of days) {
    if (defects && date === "2023-11-14") continue;
    disinfectionRows.push([date, "午餐后", "餐具、厨具", "高温蒸汽 30 分钟", "冯建华"]);
  }
  const disinfectionSheet = writeSheet(
    wb,
    "消毒记录",
    "餐饮具消毒记录",
    ["消毒日期", "消毒时间", "消毒对象", "消毒方式", "消毒人"],
    disinfectionRows,
    [12, 10, 14, 18, 10],
  );
  if (defects)
    p(
      "canteen/disinfection-missing",
      disinfectionSheet.sheet,
      `A${disinfectionSheet.rowOf(disinfectionRows.findIndex((r) => r[0] === "2023-11-15"))}`,
    );

  // 明厨亮灶 uploads, one a day; 22 November marked not uploaded with the defects.
  const uploadRows = days.map((date): ExcelJS.CellValue[] => [
    date,
    "阳光食堂管理平台",
    "后厨操作视频、当日菜谱",
    defects && date === "2023-11-22" ? "否" : "是",
    "何小燕",
  ]);
  const uploadSheet = writeSheet(
    wb,
    "上传记录",
    "明厨亮灶每日上传记录",
    ["上传日期", "上传平台", "上传内容", "是否上传", "上传人"],
    uploadRows,
    [12, 18, 22, 10, 10],
  );
  if (defects)
    p(
      "canteen/upload-missing",
      uploadSheet.sheet,
      `D${uploadSheet.rowOf(uploadRows.findIndex((r) => r[0] === "2023-11-22"))}`,
    );

  // Hazard inspections, monthly.
  const hazardRows: ExcelJS.CellValue[][] = [
    ["2023-10-12", "冷藏冷冻设备", "冷藏柜门封条老化", "更换门封条", "2023-10-16", "张建国"],
    ["2023-10-12", "燃气管道", "无", null, null, "张建国"],
    ["2023-11-09", "操作间防鼠设施", "挡鼠板缺失一处", "补装挡鼠板", "2023-11-10", "刘海"],
  ];
  if (defects) hazardRows.push(["2023-11-21", "冷库温度", "冷库温度计损坏", "更换温度计", null, "刘海"]);
  const hazardSheet = writeSheet(
    wb,
    "食品安全隐患排查",
    "食品安全隐患排查记录",
    ["排查日期", "排查项目", "发现问题", "整改措施", "整改完成日期", "排查人"],
    hazardRows,
    [12, 14, 18, 14, 14, 10],
  );
  if (defects) p("canteen/hazard-not-rectified", hazardSheet.sheet, `E${hazardSheet.rowOf(3)}`);

  // Feedback from students and parents.
  const feedbackRows: ExcelJS.CellValue[][] = [
    ["2023-10-18", "四(2)班学生", "午餐汤太咸", "已调整用盐量", "2023-10-19"],
    ["2023-10-30", "家长", "希望增加水果", "每周二、四午餐增加水果", "2023-11-02"],
    ["2023-11-08", "五(1)班学生", "米饭偏硬", "已调整加水比例", "2023-11-09"],
  ];
  if (defects) feedbackRows.push(["2023-11-15", "家长", "早餐品种单一", null, null]);
  const feedbackSheet = writeSheet(
    wb,
    "意见反馈",
    "师生及家长意见反馈登记",
    ["反馈日期", "反馈人", "反馈内容", "回复内容", "回复日期"],
    feedbackRows,
    [12, 12, 20, 22, 12],
  );
  if (defects) p("canteen/feedback-unanswered", feedbackSheet.sheet, `E${feedbackSheet.rowOf(3)}`);

  // The monthly staff assessment on the school's own items.
  const assessmentRows: ExcelJS.CellValue[][] = [];
  for (const month of ["2023年10月", "2023年11月"]) {
    for (const k of KITCHEN) {
      if (defects && month === "2023年10月" && k.name === "何小燕") continue;
      const scores = SCORING.map((s) => s.max - random.int(0, Math.min(5, s.max - 10)));
      const total = scores.reduce((a, b) => a + b, 0);
      assessmentRows.push([month, k.name, k.post, ...scores, total]);
    }
  }
  let mismatch = -1;
  if (defects) {
    mismatch = assessmentRows.findIndex((r) => r[0] === "2023年11月" && r[1] === "赵秀英");
    const r = assessmentRows[mismatch] as ExcelJS.CellValue[];
    r[7] = (r[7] as number) + 5;
  }
  const assessmentSheet = writeSheet(
    wb,
    "员工考核",
    "食堂员工月度考核表",
    ["考核月份", "姓名", "岗位", ...SCORING.map((s) => s.item), "总分"],
    assessmentRows,
    [12, 10, 10, 8, 8, 8, 8, 8],
  );
  if (defects) {
    // Said at the name cell of October's last line.
    const lastOctober = assessmentRows.map((r) => r[0]).lastIndexOf("2023年10月");
    p("canteen/assessment-missing", assessmentSheet.sheet, `B${assessmentSheet.rowOf(lastOctober)}`);
    p("canteen/assessment-total-mismatch", assessmentSheet.sheet, `H${assessmentSheet.rowOf(mismatch)}`);
  }

  // Water dispensers: a row a semester for each, spring and autumn 2023.
  const dispensers = [
    { no: "YS-01", place: "教学楼一楼", type: "学生" },
    { no: "YS-02", place: "教学楼二楼", type: "学生" },
    { no: "YS-03", place: "教学楼三楼", type: "学生" },
    { no: "YS-04", place: "综合楼一楼", type: "学生" },
    { no: "YS-05", place: "食堂门口", type: "学生" },
    { no: "JS-01", place: "教师办公室", type: "教师" },
    { no: "JS-02", place: "行政楼会议室", type: "教师" },
  ];
  const dispenserRows: ExcelJS.CellValue[][] = [];
  for (const [semester, day] of [
    ["spring", "2023-03-"],
    ["autumn", "2023-09-"],
  ] as const) {
    dispensers.forEach((d, i) => {
      const date = `${day}${String(6 + i).padStart(2, "0")}`;
      const student = d.type === "学生";
      const missFilter = defects && semester === "spring" && d.no === "YS-03";
      const missTest = defects && semester === "spring" && d.no === "YS-05";
      const missClean = defects && semester === "spring" && d.no === "JS-02";
      dispenserRows.push([
        d.no,
        d.place,
        d.type,
        student && !missFilter ? date : null,
        student ? null : missClean ? null : date,
        student && !missTest ? date : null,
        student && !missTest ? "是" : null,
        student && !missTest ? "市疾控中心检测所" : null,
      ]);
    });
  }
  const dispenserSheet = writeSheet(
    wb,
    "饮水机",
    "饮水机维护台账",
    [
      "饮水机编号",
      "位置",
      "类型",
      "更换滤芯日期",
      "清洗消毒日期",
      "水质检测日期",
      "检测报告公示",
      "检测单位",
    ],
    dispenserRows,
    [12, 14, 8, 14, 14, 14, 12, 16],
  );
  if (defects) {
    // Said on the dispenser's spring row; JS-02's spring row has no date at all, so on its last row.
    p("canteen/filter-not-changed", dispenserSheet.sheet, `D${dispenserSheet.rowOf(2)}`);
    p("canteen/water-test-missing", dispenserSheet.sheet, `F${dispenserSheet.rowOf(4)}`);
    p("canteen/dispenser-not-cleaned", dispenserSheet.sheet, `E${dispenserSheet.rowOf(13)}`);
  }

  return { workbook: wb, planted };
}
