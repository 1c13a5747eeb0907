import { ASSET_CLASSES, classifyAsset, depreciate } from "@houqin/assets";
import type { IsoDate } from "@houqin/core";
import ExcelJS from "exceljs";
import type { GeneratedWorkbook, PlantedFinding } from "./feeWorkbook.js";

/** Options of {@link generateAssetsWorkbook}. */
export interface AssetsWorkbookOptions {
  /** Plant the defects (default true); without them everything is in order. */
  defects?: boolean;
}

const AS_OF = "2023-12-29";
const utc = (iso: IsoDate) =>
  new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  header: string[],
  rows: ExcelJS.CellValue[][],
  widths: number[],
) {
  const ws = wb.addWorksheet(name);
  ws.columns = widths.map((width) => ({ width }));
  ws.getRow(1).values = header;
  ws.getRow(1).font = { bold: true };
  rows.forEach((row, i) => {
    ws.getRow(2 + i).values = row.map((v) =>
      typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? utc(v) : v,
    );
    row.forEach((v, c) => {
      if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v))
        ws.getCell(2 + i, c + 1).numFmt = "yyyy-mm-dd";
    });
  });
  return ws;
}

interface Asset {
  no: string;
  name: string;
  category: string;
  model: string;
  quantity: number;
  unitPrice: number;
  acquired: IsoDate;
  department: string;
  room: string;
  keeper: string;
}

const ASSETS: Asset[] = [
  {
    no: "ZC-2019-001",
    name: "台式计算机",
    category: "计算机",
    model: "联想 启天M437",
    quantity: 1,
    unitPrice: 4850,
    acquired: "2019-08-20",
    department: "信息中心",
    room: "计算机教室",
    keeper: "周立新",
  },
  {
    no: "ZC-2019-002",
    name: "台式计算机",
    category: "计算机",
    model: "联想 启天M437",
    quantity: 1,
    unitPrice: 4850,
    acquired: "2019-08-20",
    department: "信息中心",
    room: "计算机教室",
    keeper: "周立新",
  },
  {
    no: "ZC-2020-011",
    name: "投影仪",
    category: "视听设备",
    model: "爱普生 CB-X06",
    quantity: 1,
    unitPrice: 3680,
    acquired: "2020-03-15",
    department: "教务处",
    room: "三(1)班教室",
    keeper: "王芳",
  },
  {
    no: "ZC-2020-012",
    name: "投影仪",
    category: "视听设备",
    model: "爱普生 CB-X06",
    quantity: 1,
    unitPrice: 3680,
    acquired: "2020-03-15",
    department: "教务处",
    room: "三(2)班教室",
    keeper: "李敏",
  },
  {
    no: "ZC-2018-021",
    name: "立式钢琴",
    category: "文体设备",
    model: "珠江 UP118",
    quantity: 1,
    unitPrice: 16800,
    acquired: "2018-09-01",
    department: "艺术组",
    room: "音乐教室",
    keeper: "陈静",
  },
  {
    no: "ZC-2021-031",
    name: "柜式空调",
    category: "电气设备",
    model: "格力 3匹",
    quantity: 1,
    unitPrice: 7200,
    acquired: "2021-06-10",
    department: "总务处",
    room: "图书馆",
    keeper: "刘海",
  },
  {
    no: "ZC-2016-041",
    name: "办公桌",
    category: "家具",
    model: "1.4米",
    quantity: 6,
    unitPrice: 1200,
    acquired: "2016-08-25",
    department: "总务处",
    room: "行政办公室",
    keeper: "张建国",
  },
  {
    no: "ZC-2022-051",
    name: "学生课桌椅",
    category: "学生课桌椅",
    model: "升降式",
    quantity: 45,
    unitPrice: 380,
    acquired: "2022-08-20",
    department: "总务处",
    room: "三(1)班教室",
    keeper: "王芳",
  },
  {
    no: "ZC-2022-052",
    name: "学生课桌椅",
    category: "学生课桌椅",
    model: "升降式",
    quantity: 45,
    unitPrice: 380,
    acquired: "2022-08-20",
    department: "总务处",
    room: "三(2)班教室",
    keeper: "李敏",
  },
  {
    no: "ZC-2023-061",
    name: "激光打印机",
    category: "办公设备",
    model: "惠普 M1005",
    quantity: 1,
    unitPrice: 1650,
    acquired: "2023-03-01",
    department: "行政办",
    room: "行政办公室",
    keeper: "张建国",
  },
  {
    no: "ZC-2015-071",
    name: "图书",
    category: "图书",
    model: "中文图书",
    quantity: 3200,
    unitPrice: 30,
    acquired: "2015-09-01",
    department: "图书馆",
    room: "图书馆",
    keeper: "刘海",
  },
];

/**
 * A school's assets workbook (三(二)): the fixed-asset ledger with its own depreciation columns, a
 * stocktake, the lending register, furniture checks, repair tickets, building inspections and the
 * infrastructure project register — with defects planted at known cells.
 *
 * @example
 * const { workbook, planted } = generateAssetsWorkbook();
 * await workbook.xlsx.writeFile("资产管理.xlsx");
 */
export function generateAssetsWorkbook(options: AssetsWorkbookOptions = {}): GeneratedWorkbook {
  const defects = options.defects ?? true;
  const planted: PlantedFinding[] = [];
  const p = (rule: string, sheetName: string, cell: string) => planted.push({ rule, sheet: sheetName, cell });
  const wb = new ExcelJS.Workbook();
  wb.creator = "houqin samples";
  wb.created = utc(AS_OF);
  wb.modified = utc(AS_OF);

  sheet(
    wb,
    "设置",
    ["设置项", "值"],
    [
      ["学校名称", "示例市实验小学"],
      ["第一学期开始", "2023-09-01"],
      ["第一学期结束", "2024-01-26"],
      ["第二学期开始", "2024-02-19"],
      ["第二学期结束", "2024-07-05"],
      ["检查日期", AS_OF],
    ],
    [16, 30],
  );

  // The ledger, with the school's own accumulated depreciation and net value.
  const ledgerRows = ASSETS.map((a) => {
    const cost = Math.round(a.unitPrice * 100) * a.quantity;
    const cls = classifyAsset(a.category, a.name);
    const life = cls === undefined ? undefined : ASSET_CLASSES[cls].lifeYears;
    const d =
      life === undefined
        ? undefined
        : depreciate({ cost, acquired: a.acquired, lifeYears: life, asOf: AS_OF });
    const accumulated = d ? d.accumulated / 100 : 0;
    const net = (cost - (d?.accumulated ?? 0)) / 100;
    return [
      a.no,
      a.name,
      a.category,
      a.model,
      a.quantity,
      a.unitPrice,
      cost / 100,
      a.acquired,
      a.department,
      a.room,
      a.keeper,
      "在用",
      accumulated,
      net,
    ] as ExcelJS.CellValue[];
  });
  if (defects) {
    (ledgerRows[5] as ExcelJS.CellValue[])[13] = 6800; // the air conditioner's net value written wrong
    (ledgerRows[10] as ExcelJS.CellValue[])[0] = "ZC-2021-031"; // a number used twice
  }
  sheet(
    wb,
    "资产台账",
    [
      "资产编号",
      "资产名称",
      "分类",
      "规格型号",
      "数量",
      "单价",
      "原值",
      "取得日期",
      "使用部门",
      "存放地点",
      "保管人",
      "使用状况",
      "累计折旧",
      "净值",
    ],
    ledgerRows,
    [14, 12, 12, 16, 6, 10, 12, 12, 10, 12, 8, 8, 12, 12],
  );
  if (defects) {
    p("assets/duplicate-number", "资产台账", "A12");
    p("assets/book-value-mismatch", "资产台账", "N7");
    // Two rooms were left out of the count: said once each, at the room's first ledger line.
    p("assets/stocktake-room-not-counted", "资产台账", "J5");
    p("assets/stocktake-room-not-counted", "资产台账", "J7");
  }

  // The stocktake of four rooms.
  const counted: ExcelJS.CellValue[][] = [
    ["计算机教室", "ZC-2019-001", "台式计算机", "联想 启天M437", defects ? 1 : 1, "周立新", "2023-12-20"],
    ["计算机教室", "ZC-2019-002", "台式计算机", "联想 启天M437", 1, "周立新", "2023-12-20"],
    ["三(1)班教室", "ZC-2020-011", "投影仪", "爱普生 CB-X06", 1, "王芳", "2023-12-20"],
    ["三(1)班教室", "ZC-2022-051", "学生课桌椅", "升降式", defects ? 43 : 45, "王芳", "2023-12-20"],
    ["音乐教室", "ZC-2018-021", "立式钢琴", "珠江 UP118", 1, "陈静", "2023-12-21"],
    ["行政办公室", "ZC-2016-041", "办公桌", "1.4米", 6, "张建国", "2023-12-21"],
    ["行政办公室", "ZC-2023-061", "激光打印机", "惠普 M1005", 1, "张建国", "2023-12-21"],
  ];
  if (defects) counted.push(["音乐教室", "", "电子琴", "雅马哈 PSR-E373", 1, "陈静", "2023-12-21"]);
  else
    counted.push(
      ["三(2)班教室", "ZC-2020-012", "投影仪", "爱普生 CB-X06", 1, "李敏", "2023-12-20"],
      ["三(2)班教室", "ZC-2022-052", "学生课桌椅", "升降式", 45, "李敏", "2023-12-20"],
      ["图书馆", "ZC-2021-031", "柜式空调", "格力 3匹", 1, "刘海", "2023-12-21"],
      ["图书馆", "ZC-2015-071", "图书", "中文图书", 3200, "刘海", "2023-12-21"],
    );
  sheet(
    wb,
    "盘点表",
    ["存放地点", "资产编号", "资产名称", "规格型号", "实盘数量", "盘点人", "盘点日期"],
    counted,
    [12, 14, 12, 16, 10, 8, 12],
  );
  if (defects) {
    p("assets/stocktake-quantity", "盘点表", "E5");
    p("assets/stocktake-surplus", "盘点表", "C9");
  }

  // Lending.
  const loans: ExcelJS.CellValue[][] = [
    ["投影仪", "ZC-2020-012", "李敏", "2023-10-09", "2023-10-16", "2023-10-13", "完好", null],
    ["立式钢琴", "ZC-2018-021", "陈静", "2023-11-06", "2023-11-10", "2023-11-10", "完好", null],
  ];
  if (defects) {
    loans.push([
      "投影仪",
      "ZC-2020-011",
      "王芳",
      "2023-11-20",
      "2023-11-27",
      "2023-11-30",
      "镜头划伤",
      "30%",
    ]);
    loans.push(["无人机", "", "赵强", "2023-12-01", "2023-12-08", null, null, null]);
  }
  if (defects) {
    p("assets/loan-compensation", "借用登记", "H4");
    p("assets/loan-not-in-ledger", "借用登记", "A5");
    p("assets/loan-overdue", "借用登记", "F5");
  }
  sheet(
    wb,
    "借用登记",
    ["物品名称", "资产编号", "借用人", "借出日期", "应还日期", "归还日期", "归还状况", "损坏程度"],
    loans,
    [12, 14, 8, 12, 12, 12, 12, 10],
  );

  // Furniture checks of two classes, monthly.
  const furniture: ExcelJS.CellValue[][] = [];
  for (const [month, day] of [
    ["09", "2023-09-25"],
    ["10", "2023-10-24"],
    ["11", "2023-11-22"],
    ["12", "2023-12-20"],
  ] as const) {
    furniture.push(["三(1)班", day, 45, 45, month === "11" ? 1 : 0, 0, "王芳"]);
    if (!(defects && month === "11"))
      furniture.push(["三(2)班", day, 45, 45, 0, month === "12" ? 1 : 0, "李敏"]);
  }
  if (defects) p("assets/furniture-check-missing", "课桌椅检查", "B8");
  sheet(
    wb,
    "课桌椅检查",
    ["班级", "检查日期", "课桌", "课椅", "损坏", "丢失", "检查人"],
    furniture,
    [10, 12, 6, 6, 6, 6, 8],
  );

  // Repair tickets.
  const repairs: ExcelJS.CellValue[][] = [
    ["2023-09-11", "三(1)班教室", "日光灯不亮", "王芳", "2023-09-11", "2023-09-12", "2023-09-12", 45],
    ["2023-10-16", "行政办公室", "门锁损坏", "张建国", "2023-10-16", "2023-10-18", "2023-10-17", 80],
  ];
  if (defects) {
    repairs.push([
      "2023-11-06",
      "音乐教室",
      "空调不制冷",
      "陈静",
      "2023-11-09",
      "2023-11-20",
      "2023-11-17",
      650,
    ]);
    repairs.push(["2023-12-11", "二楼男厕", "水龙头漏水", "刘海", "2023-12-11", null, null, null]);
  }
  if (defects) {
    p("assets/repair-slow-response", "报修登记", "E4");
    p("assets/repair-slow", "报修登记", "G4");
    p("assets/repair-open", "报修登记", "G5");
  }
  sheet(
    wb,
    "报修登记",
    ["报修日期", "地点", "故障", "报修人", "受理日期", "反馈日期", "修复日期", "费用"],
    repairs,
    [12, 12, 14, 8, 12, 12, 12, 8],
  );

  // Building inspections: before the term, then monthly.
  const buildings: ExcelJS.CellValue[][] = [
    ["2023-08-25", "教学楼", "屋面、墙体、电线、水管", "正常", "无", null],
    ["2023-09-20", "教学楼", "屋面、屋架、墙体", "正常", "无", null],
    ["2023-10-18", "教学楼", "电线、水管", "异常", "三楼走廊墙面裂缝", "2023-10-25"],
  ];
  if (!defects) buildings.push(["2023-11-15", "教学楼", "屋面、墙体", "正常", "无", null]);
  buildings.push([
    "2023-12-13",
    "综合楼",
    "屋面",
    defects ? "异常" : "正常",
    defects ? "屋面防水层起鼓" : "无",
    null,
  ]);
  if (defects) {
    p("assets/building-inspection-missing", "校舍检查", "A5");
    p("assets/building-problem-unrepaired", "校舍检查", "F5");
  }
  sheet(
    wb,
    "校舍检查",
    ["检查日期", "楼宇", "检查部位", "检查结果", "发现问题", "维修日期"],
    buildings,
    [12, 10, 24, 10, 20, 12],
  );

  // The project register (三(二)4).
  const projects: ExcelJS.CellValue[][] = [
    [
      "教学楼屋面防水改造",
      "基建",
      860000,
      "暑假",
      "2023-05-10",
      "2023-05-25",
      "2023-06-02",
      "2023-06-20",
      "2023-08-28",
      "2023-09-20",
      "2023-10-20",
    ],
    [
      "多媒体教室设备更新",
      "装备",
      420000,
      "暑假",
      defects ? "2023-06-12" : "2023-05-30",
      "2023-06-05",
      "2023-06-15",
      "2023-07-05",
      "2023-08-25",
      "2023-09-15",
      "2023-10-10",
    ],
    [
      "食堂排烟系统改造",
      "基建",
      260000,
      "暑假",
      "2023-05-16",
      "2023-05-30",
      "2023-06-08",
      "2023-06-28",
      "2023-08-30",
      "2023-10-30",
      defects ? null : "2023-11-20",
    ],
  ];
  if (defects) {
    p("procurement/stage-out-of-order", "基建项目", "F3");
    p("procurement/settlement-overdue", "基建项目", "K4");
  }
  sheet(
    wb,
    "基建项目",
    [
      "项目名称",
      "类别",
      "预算金额",
      "实施时段",
      "三重一大决策日期",
      "立项批复日期",
      "专家论证日期",
      "委托代理采购日期",
      "验收日期",
      "审计日期",
      "结算日期",
    ],
    projects,
    [20, 6, 12, 8, 14, 14, 14, 16, 12, 12, 12],
  );

  planted.sort(
    (a, b) => a.sheet.localeCompare(b.sheet) || a.cell.localeCompare(b.cell) || a.rule.localeCompare(b.rule),
  );
  return { workbook: wb, planted };
}
