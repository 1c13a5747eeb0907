import { createSchoolCalendar, type IsoDate } from "@houqin/core";
import ExcelJS from "exceljs";
import type { GeneratedWorkbook, PlantedFinding } from "./feeWorkbook.js";
import { primaryClasses } from "./people.js";
import { createRandom } from "./random.js";

/** Options of {@link generateSafetyWorkbook}. */
export interface SafetyWorkbookOptions {
  seed?: number;
  /** Plant the safety defects (default true); without them the logs are complete. */
  defects?: boolean;
}

const SEMESTER_1 = { name: "第一学期", start: "2023-09-01", end: "2024-01-26" } as const;
const SEMESTER_2 = { name: "第二学期", start: "2024-02-19", end: "2024-07-05" } as const;
/** The sample is checked as of this day (the settings' 检查日期). */
const AS_OF = "2023-12-29";

const INSPECTORS = ["张建国", "李卫东", "王志强", "刘海"];
const GUARDS = ["陈师傅", "赵师傅"];

const utc = (iso: IsoDate) =>
  new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));

/** Rows of one log, kept in date order; planted defects point at the first row after a gap. */
class Log {
  readonly rows: { date: IsoDate; cells: ExcelJS.CellValue[] }[] = [];
  add(date: IsoDate, cells: ExcelJS.CellValue[]): void {
    this.rows.push({ date, cells });
  }
  sorted(): { date: IsoDate; cells: ExcelJS.CellValue[] }[] {
    return [...this.rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
}

function writeLog(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  header: string[],
  log: Log,
  widths: number[],
): {
  sheet: string;
  rowOf(date: IsoDate, match?: (cells: ExcelJS.CellValue[]) => boolean): number;
  firstAfter(date: IsoDate): number;
} {
  const ws = wb.addWorksheet(name);
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell("A1").value = title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getRow(3).values = header;
  ws.getRow(3).font = { bold: true };
  const rows = log.sorted();
  rows.forEach((r, i) => {
    ws.getRow(4 + i).values = r.cells;
    ws.getCell(4 + i, 1).numFmt = "yyyy-mm-dd";
  });
  return {
    sheet: name,
    rowOf: (date, match) => 4 + rows.findIndex((r) => r.date === date && (!match || match(r.cells))),
    firstAfter: (date) => {
      const i = rows.findIndex((r) => r.date > date);
      return 4 + (i < 0 ? rows.length - 1 : i);
    },
  };
}

/**
 * A school's safety workbook for the first semester of 2023–2024 (三(一)): the daily, weekly and
 * monthly inspection log, the guard's log, drills, safety education with the 1530 radio talk, and
 * the extinguisher register — complete, but for the gaps and faults planted at known cells.
 *
 * @example
 * const { workbook, planted } = generateSafetyWorkbook();
 * await workbook.xlsx.writeFile("安全管理.xlsx");
 */
export function generateSafetyWorkbook(options: SafetyWorkbookOptions = {}): GeneratedWorkbook {
  const random = createRandom(options.seed ?? 20231229);
  const defects = options.defects ?? true;
  const planted: PlantedFinding[] = [];
  const calendar = createSchoolCalendar({ semesters: [SEMESTER_1, SEMESTER_2] });
  const days = calendar.schoolDays(SEMESTER_1.start, AS_OF);
  const weeks = calendar.schoolWeeks(SEMESTER_1.start, AS_OF);
  const classes = primaryClasses(2);

  const wb = new ExcelJS.Workbook();
  wb.creator = "houqin samples";
  wb.created = utc(AS_OF);
  wb.modified = utc(AS_OF);

  const settings = wb.addWorksheet("设置");
  settings.columns = [{ width: 16 }, { width: 60 }];
  settings.addRows([
    ["设置项", "值"],
    ["学校名称", "示例市实验小学"],
    ["学年", "2023-2024"],
    ["第一学期开始", utc(SEMESTER_1.start)],
    ["第一学期结束", utc(SEMESTER_1.end)],
    ["第二学期开始", utc(SEMESTER_2.start)],
    ["第二学期结束", utc(SEMESTER_2.end)],
    ["检查日期", utc(AS_OF)],
    ["班级", classes.join("、")],
  ]);
  for (const r of [4, 5, 6, 7, 8]) settings.getCell(`B${r}`).numFmt = "yyyy-mm-dd";

  // Gaps and faults to plant (dates are school days of the semester).
  const missedDaily = "2023-10-17";
  const missedUtilitiesWeek = weeks.find((w) => w.weekStart === "2023-11-13");
  const missedFireMonth = "2023-11";
  const openProblemDay = "2023-12-04";
  const missedGuardDay = "2023-11-21";
  const noPatrolDay = "2023-12-05";
  const missed1530Week = weeks.find((w) => w.weekStart === "2023-12-11");
  const missedTalk = {
    week: weeks.find((w) => w.weekStart === "2023-10-23"),
    className: classes[3] as string,
  };

  // Inspection log: the daily check every school day, water/electricity/gas weekly, fire equipment monthly.
  const inspections = new Log();
  const inspect = (date: IsoDate, item: string, problem = "无", action = "", closed: IsoDate | null = null) =>
    inspections.add(date, [
      utc(date),
      item,
      random.pick(INSPECTORS),
      problem === "无" ? "正常" : "异常",
      problem,
      action,
      closed ? utc(closed) : null,
    ]);
  for (const day of days)
    if (!(defects && day === missedDaily)) inspect(day, "日常安全检查（教室门窗、电器、消防通道）");
  for (const week of weeks) {
    if (defects && week === missedUtilitiesWeek) continue;
    inspect(week.days[0] as IsoDate, "水电煤气线路检查");
  }
  const months = [...new Set(days.map((d) => d.slice(0, 7)))];
  for (const month of months) {
    if (defects && month === missedFireMonth) continue;
    const day =
      days.find((d) => d.startsWith(month) && d >= `${month}-05`) ?? days.find((d) => d.startsWith(month));
    inspect(day as IsoDate, "消防设施及电器设备检查（灭火器压力、应急灯）");
  }
  inspect("2023-10-11", "水电煤气线路复查", "二楼男厕水管渗漏", "更换阀门", "2023-10-12");
  if (defects) inspect(openProblemDay, "水电煤气线路抽查", "三楼配电箱门锁损坏", "", null);
  const inspectionSheet = writeLog(
    wb,
    "安全检查记录",
    "2023学年第一学期校园安全检查记录",
    ["检查日期", "检查项目", "检查人", "检查结果", "发现问题", "处理措施", "整改完成日期"],
    inspections,
    [12, 40, 10, 10, 24, 16, 14],
  );

  // The guard's log: a row a school day.
  const guard = new Log();
  for (const week of weeks) {
    for (const day of week.days) {
      if (defects && day === missedGuardDay) continue;
      const lastOfWeek = day === week.days[week.days.length - 1];
      const trainingDay = days.find((d) => d.startsWith(day.slice(0, 7)) && d >= `${day.slice(0, 7)}-10`);
      guard.add(day, [
        utc(day),
        random.pick(GUARDS),
        "√",
        defects && day === noPatrolDay ? "×" : "√",
        "√",
        lastOfWeek ? "√" : "",
        day === trainingDay ? "√" : "",
      ]);
    }
  }
  const guardSheet = writeLog(
    wb,
    "门卫工作记录",
    "门卫（保安）工作记录",
    ["日期", "值班人", "出门证", "夜巡图", "卫生", "设施设备检查", "培训或演练"],
    guard,
    [12, 10, 8, 8, 8, 14, 12],
  );

  // Drills: 9.18 air defence, an earthquake drill, 11.9 fire.
  const drills = new Log();
  drills.add("2023-09-18", [utc("2023-09-18"), "9·18防空疏散演练", 1120, "警报识别、疏散有序"]);
  drills.add("2023-10-20", [utc("2023-10-20"), "地震逃生演练", 1108, "用时3分12秒"]);
  drills.add("2023-11-09", [utc("2023-11-09"), "11·9消防逃生演练", 1115, "无拥挤踩踏"]);
  writeLog(
    wb,
    "演练记录",
    "应急疏散演练记录",
    ["演练日期", "演练类型", "参加人数", "备注"],
    drills,
    [12, 24, 10, 24],
  );

  // Safety education: each class's weekly talk, its poster, and the Friday 1530 radio talk by rota.
  const education = new Log();
  let turn = 0;
  for (const week of weeks) {
    const first = week.days[0] as IsoDate;
    const last = week.days[week.days.length - 1] as IsoDate;
    for (const cls of classes) {
      if (defects && week === missedTalk.week && cls === missedTalk.className) continue;
      education.add(first, [utc(first), cls, "晨会安全教育：防火、防电、防交通事故", 10]);
    }
    const onDuty = classes[turn % classes.length] as string;
    turn++;
    if (defects && week === missed1530Week) continue;
    education.add(last, [utc(last), onDuty, "1530安全教育（红领巾广播）", 5]);
  }
  for (const cls of classes) education.add("2023-10-27", [utc("2023-10-27"), cls, "安全主题墙报", 0]);
  const educationSheet = writeLog(
    wb,
    "安全教育记录",
    "安全教育记录（含1530红领巾广播）",
    ["日期", "班级", "教育主题", "时长（分钟）"],
    education,
    [12, 10, 40, 12],
  );

  // The extinguisher register.
  const ext = wb.addWorksheet("灭火器台账");
  ext.columns = [10, 18, 16, 12, 14, 10, 14, 12, 12].map((width) => ({ width }));
  ext.getRow(1).values = [
    "编号",
    "位置",
    "类型",
    "生产日期",
    "最近维修日期",
    "压力状态",
    "最近检查日期",
    "处理情况",
    "处理日期",
  ];
  ext.getRow(1).font = { bold: true };
  const extinguishers: ExcelJS.CellValue[][] = [
    ["MH-01", "教学楼一楼东", "MFZ/ABC4 干粉", utc("2021-03-10"), null, "绿区", utc("2023-12-05"), "", null],
    ["MH-02", "教学楼二楼东", "MFZ/ABC4 干粉", utc("2021-03-10"), null, "绿区", utc("2023-12-05"), "", null],
    [
      "MH-03",
      "教学楼三楼东",
      "MFZ/ABC4 干粉",
      utc("2013-05-20"),
      utc("2022-05-18"),
      "绿区",
      utc("2023-12-05"),
      "",
      null,
    ],
    ["MH-04", "食堂操作间", "二氧化碳 MT3", utc("2019-08-01"), null, "绿区", utc("2023-12-05"), "", null],
    ["MH-05", "图书馆", "水基型 MSWZ/3", utc("2020-06-01"), null, "绿区", utc("2023-12-05"), "", null],
    ["MH-06", "行政楼一楼", "MFZ/ABC4 干粉", utc("2022-01-15"), null, "红区", utc("2023-12-01"), "", null],
    ["MH-07", "行政楼二楼", "MFZ/ABC4 干粉", utc("2022-01-15"), null, "绿区", utc("2023-10-20"), "", null],
    [
      "MH-08",
      "体育馆",
      "MFZ/ABC4 干粉",
      utc("2022-01-15"),
      null,
      "黄区",
      utc("2023-12-05"),
      "已更换",
      utc("2023-12-06"),
    ],
  ];
  if (!defects) {
    // Clean: within age, serviced, green, checked this month.
    for (const row of extinguishers) {
      row[3] = utc("2022-01-15");
      row[5] = "绿区";
      row[6] = utc("2023-12-05");
    }
  }
  extinguishers.forEach((row, i) => {
    ext.getRow(2 + i).values = row;
    for (const col of [4, 5, 7, 9]) ext.getCell(2 + i, col).numFmt = "yyyy-mm-dd";
  });

  if (defects) {
    const p = (rule: string, sheet: string, cell: string) => planted.push({ rule, sheet, cell });
    p("safety/missed-check", inspectionSheet.sheet, `A${inspectionSheet.firstAfter(missedDaily)}`);
    p(
      "safety/missed-check",
      inspectionSheet.sheet,
      `A${inspectionSheet.firstAfter(missedUtilitiesWeek?.weekEnd as IsoDate)}`,
    );
    p(
      "safety/missed-check",
      inspectionSheet.sheet,
      `A${inspectionSheet.firstAfter(`${missedFireMonth}-30`)}`,
    );
    p(
      "safety/problem-not-closed",
      inspectionSheet.sheet,
      `F${inspectionSheet.rowOf(openProblemDay, (c) => c[4] !== "无")}`,
    );
    for (let i = 0; i < 3; i++)
      p("safety/guard-duty-missing", guardSheet.sheet, `A${guardSheet.firstAfter(missedGuardDay)}`);
    p("safety/guard-duty-missing", guardSheet.sheet, `D${guardSheet.rowOf(noPatrolDay)}`);
    p(
      "safety/1530-missed",
      educationSheet.sheet,
      `A${educationSheet.firstAfter(missed1530Week?.weekEnd as IsoDate)}`,
    );
    p(
      "safety/missed-check",
      educationSheet.sheet,
      `A${educationSheet.firstAfter(missedTalk.week?.weekEnd as IsoDate)}`,
    );
    p("safety/extinguisher-scrap", "灭火器台账", "D4");
    p("safety/extinguisher-service-due", "灭火器台账", "D6");
    p("safety/extinguisher-pressure", "灭火器台账", "F7");
    p("safety/extinguisher-unchecked", "灭火器台账", "G8");
  }
  planted.sort(
    (a, b) => a.sheet.localeCompare(b.sheet) || a.cell.localeCompare(b.cell) || a.rule.localeCompare(b.rule),
  );
  return { workbook: wb, planted };
}
