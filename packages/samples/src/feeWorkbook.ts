import ExcelJS from "exceljs";
import { primaryClasses, studentName } from "./people.js";
import { createRandom } from "./random.js";

/** A defect planted on purpose: the finding a correct check must report, at its cell. */
export interface PlantedFinding {
  rule: string;
  sheet: string;
  cell: string;
}

/** A generated sample: the workbook and the findings planted in it. */
export interface GeneratedWorkbook {
  workbook: ExcelJS.Workbook;
  planted: PlantedFinding[];
}

/** Options of {@link generateFeeWorkbook}. */
export interface FeeWorkbookOptions {
  seed?: number;
  /** How many ordinary charges besides the planted ones. */
  charges?: number;
  /** Plant the fee defects (default true); without them the workbook is clean. */
  defects?: boolean;
}

interface Fee {
  item: string;
  standard: number;
  unit: string;
  document: string;
  /** [y, m, d] or undefined when never publicised. */
  posted?: [number, number, number];
  /** How the standard is written in its cell. */
  standardCell: ExcelJS.CellValue;
  /** How the publicity date is written. */
  postedCell?: ExcelJS.CellValue;
  /** First day of charging. */
  from: [number, number, number];
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const FEES: Fee[] = [
  {
    item: "课后服务费",
    standard: 600,
    unit: "元/生·学期",
    document: "示例区发改〔2023〕18号",
    posted: [2023, 8, 25],
    standardCell: 600,
    postedCell: utc(2023, 8, 25),
    from: [2023, 9, 1],
  },
  {
    item: "午餐费",
    standard: 1300,
    unit: "元/生·学期",
    document: "示例区教育局〔2023〕21号",
    posted: [2023, 8, 25],
    standardCell: "1,300.00元",
    postedCell: "2023年8月25日",
    from: [2023, 9, 1],
  },
  {
    item: "校服费（代收）",
    standard: 260,
    unit: "元/套",
    document: "家委会议定，区教育局备案",
    posted: [2023, 8, 28],
    standardCell: 260,
    postedCell: "2023/8/28",
    from: [2023, 9, 4],
  },
  {
    item: "作业本费",
    standard: 24,
    unit: "元/生·学期",
    document: "示例区发改〔2022〕9号",
    standardCell: "２４",
    from: [2023, 9, 1],
  },
  {
    item: "研学实践费",
    standard: 150,
    unit: "元/生·次",
    document: "示例区教育局〔2023〕30号",
    posted: [2023, 10, 10],
    standardCell: 150,
    postedCell: "2023.10.10",
    from: [2023, 10, 11],
  },
];

const SCHEDULE_SHEET = "收费标准";
const CHARGES_SHEET = "收费明细";

/** Weekdays from a start date, skipping the National Day week of 2023. */
function chargeDay(from: [number, number, number], offset: number): Date {
  const d = utc(...from);
  let left = offset;
  while (left > 0 || d.getUTCDay() === 0 || d.getUTCDay() === 6 || isHoliday2023(d)) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !isHoliday2023(d)) left--;
  }
  return d;
}

function isHoliday2023(d: Date): boolean {
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return (m === 9 && day === 29) || (m === 10 && day <= 6);
}

/** A sheet with column widths, a bold merged title in row 1 and a merged note line in row 2. */
function titledSheet(
  wb: ExcelJS.Workbook,
  name: string,
  widths: readonly number[],
  [title, note]: readonly [string, string],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = widths.map((width) => ({ width }));
  const last = String.fromCharCode(64 + widths.length);
  ws.mergeCells(`A1:${last}1`);
  ws.getCell("A1").value = title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.mergeCells(`A2:${last}2`);
  ws.getCell("A2").value = note;
  return ws;
}

function settingsSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("设置");
  ws.columns = [{ width: 18 }, { width: 30 }, { width: 40 }];
  ws.addRows([
    ["设置项", "值", "说明"],
    ["学校名称", "示例市实验小学", ""],
    ["学年", "2023-2024", ""],
    ["第一学期开始", utc(2023, 9, 1), "省校历"],
    ["第一学期结束", utc(2024, 1, 26), ""],
    ["第二学期开始", utc(2024, 2, 19), ""],
    ["第二学期结束", utc(2024, 7, 5), ""],
    ["停课日", "", "学校自定停课日，多个用顿号分隔"],
  ]);
  ws.getRow(1).font = { bold: true };
  for (const r of [4, 5, 6, 7]) ws.getCell(`B${r}`).numFmt = "yyyy-mm-dd";
}

/**
 * A school's fee workbook (三(四)1): settings, the approved fee schedule and a semester of charges,
 * laid out as people really keep them — merged title rows, a two-row header, a blank row, a totals
 * row with a formula, full-width digits, money as text, dates as serials and as text — with fee
 * defects planted at known cells.
 *
 * @example
 * const { workbook, planted } = generateFeeWorkbook({ seed: 7, charges: 200 });
 * await workbook.xlsx.writeFile("收费管理.xlsx");
 */
export function generateFeeWorkbook(options: FeeWorkbookOptions = {}): GeneratedWorkbook {
  const random = createRandom(options.seed ?? 20230901);
  const count = options.charges ?? 120;
  const defects = options.defects ?? true;
  const planted: PlantedFinding[] = [];
  const wb = new ExcelJS.Workbook();
  wb.creator = "houqin samples";
  wb.created = utc(2023, 9, 30);
  wb.modified = utc(2023, 9, 30);

  settingsSheet(wb);

  // The fee schedule: a merged title, a note line, a blank row, then the header.
  const fs = titledSheet(
    wb,
    SCHEDULE_SHEET,
    [6, 16, 14, 14, 28, 14, 16],
    [
      "示例市实验小学2023学年第一学期收费项目公示表",
      "（公示地点：校门口公示栏、学校网站；监督电话：0000-12345678）",
    ],
  );
  fs.getRow(4).values = ["序号", "收费项目", "收费标准（元）", "计费单位", "批准文件", "公示日期", "备注"];
  fs.getRow(4).font = { bold: true };
  // Without defects every fee is publicised (the planted one gets its date back).
  const fees = defects
    ? FEES
    : FEES.map((fee) =>
        fee.posted
          ? fee
          : { ...fee, posted: [2023, 8, 25] as [number, number, number], postedCell: "2023-08-25" },
      );
  fees.forEach((fee, i) => {
    const r = 5 + i;
    fs.getRow(r).values = [
      i + 1,
      fee.item,
      fee.standardCell,
      fee.unit,
      fee.document,
      fee.postedCell ?? null,
      "",
    ];
    if (fee.postedCell instanceof Date) fs.getCell(`F${r}`).numFmt = "yyyy-mm-dd";
    if (typeof fee.standardCell === "number") fs.getCell(`C${r}`).numFmt = "#,##0.00";
    if (!fee.posted && defects)
      planted.push({ rule: "finance/not-publicised", sheet: SCHEDULE_SHEET, cell: `F${r}` });
  });

  // The charges: merged titles, a two-row header with a merged group, data, a blank row, totals.
  const cs = titledSheet(
    wb,
    CHARGES_SHEET,
    [6, 10, 10, 16, 12, 14, 14],
    ["2023学年第一学期学生收费明细", "制表：总务处    制表日期：2023年10月20日"],
  );
  for (const col of ["A", "B", "C", "D", "G"]) cs.mergeCells(`${col}4:${col}5`);
  cs.mergeCells("E4:F4");
  cs.getCell("A4").value = "序号";
  cs.getCell("B4").value = "班级";
  cs.getCell("C4").value = "学生姓名";
  cs.getCell("D4").value = "收费项目";
  cs.getCell("E4").value = "缴费信息";
  cs.getCell("E5").value = "金额（元）";
  cs.getCell("F5").value = "缴费日期";
  cs.getCell("G4").value = "票据号";
  for (const r of [4, 5]) cs.getRow(r).font = { bold: true };

  const classes = primaryClasses(4);
  const ordinaryFees = FEES;
  type Line = {
    item: string;
    amount: ExcelJS.CellValue;
    date: ExcelJS.CellValue;
    plant?: (r: number) => void;
  };
  const lines: Line[] = [];
  for (let i = 0; i < count; i++) {
    const fee = random.pick(ordinaryFees);
    const day = chargeDay(fee.from, random.int(0, 12));
    // Amount as people type it: mostly a number, sometimes text, full-width or with a currency sign.
    const style = random.int(0, 9);
    const amount: ExcelJS.CellValue =
      style < 6
        ? fee.standard
        : style === 6
          ? String(fee.standard)
          : style === 7
            ? `¥${fee.standard.toLocaleString("en-US")}.00`
            : style === 8
              ? [...String(fee.standard)].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join("")
              : `${fee.standard}元`;
    const dateStyle = random.int(0, 9);
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth() + 1;
    const d = day.getUTCDate();
    const date: ExcelJS.CellValue =
      dateStyle < 6
        ? day
        : dateStyle === 6
          ? `${y}年${m}月${d}日`
          : dateStyle === 7
            ? `${y}/${m}/${d}`
            : dateStyle === 8
              ? `${y}.${m}.${d}`
              : `${m}月${d}日`;
    lines.push({ item: fee.item, amount, date });
  }
  if (defects) {
    const at = (n: number) => Math.min(lines.length, Math.floor((lines.length * n) / 7));
    lines.splice(at(1), 0, {
      item: "资料费",
      amount: 50,
      date: utc(2023, 9, 12),
      plant: (r) => planted.push({ rule: "finance/unapproved-fee", sheet: CHARGES_SHEET, cell: `D${r}` }),
    });
    lines.splice(at(3), 0, {
      item: "课后服务费",
      amount: 650,
      date: utc(2023, 9, 13),
      plant: (r) => planted.push({ rule: "finance/over-standard", sheet: CHARGES_SHEET, cell: `E${r}` }),
    });
    lines.splice(at(4), 0, {
      item: "研学实践费",
      amount: 150,
      date: "2023年10月8日",
      plant: (r) => planted.push({ rule: "finance/not-publicised", sheet: CHARGES_SHEET, cell: `F${r}` }),
    });
    lines.splice(at(5), 0, {
      item: "午餐费",
      amount: { error: "#REF!" } as ExcelJS.CellErrorValue,
      date: utc(2023, 9, 15),
      plant: (r) => planted.push({ rule: "workbook/error-value", sheet: CHARGES_SHEET, cell: `E${r}` }),
    });
  }

  let r = 6;
  const blankAfter = Math.floor(lines.length / 3);
  lines.forEach((line, i) => {
    if (i === blankAfter) r++; // a stray blank row inside the data
    cs.getRow(r).values = [
      i + 1,
      random.pick(classes),
      studentName(random),
      line.item,
      line.amount,
      line.date,
      `No.${String(2023000 + i + 1)}`,
    ];
    if (typeof line.amount === "number") cs.getCell(`E${r}`).numFmt = "#,##0.00";
    if (line.date instanceof Date) cs.getCell(`F${r}`).numFmt = "yyyy-mm-dd";
    line.plant?.(r);
    r++;
  });
  const lastData = r - 1;
  cs.getRow(r).values = ["合计", null, null, null, { formula: `SUM(E6:E${lastData})`, result: 0 }];
  cs.getRow(r).font = { bold: true };
  cs.getCell(`A${r + 2}`).value = "备注：代收费项目按实际发生收取，多退少补。";

  planted.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.cell.localeCompare(b.cell));
  return { workbook: wb, planted };
}
