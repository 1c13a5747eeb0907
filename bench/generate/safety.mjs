/**
 * A seeded school year of safety records for the safety benchmark, as the sheets of a MemoryWorkbook
 * (@houqin/workbook): the settings (two semesters, 2025-09-01..2026-01-23 and 2026-03-02..2026-07-10,
 * "today" at the end of the year), a class list, and, for the log checks, a year of logs (the inspection
 * log alone, or all four):
 * - 安全检查记录 (inspection log): each school day the daily check of five buildings, each week's first school day the
 *   water, power and gas lines, each month the fire equipment; 3% of the daily checks are missing, 5%
 *   of the rows find a problem (most closed within days, some left open), 2% are entered late;
 * - 门卫工作记录 (guard log): each school day exit passes, night patrol and cleaning; the facility
 *   check on the week's last school day, the training on the first school day of a month;
 * - 安全教育记录 (education log): on the week's first school day every class's safety talk, on its last the 1530 radio talk
 *   of the class on duty (the rotation over the class list);
 * - 演练记录 (drill log): the themed-day and semester drills.
 * The same classes and seed give the same sheets.
 */
import { createSchoolCalendar } from "@houqin/core";
import { createRandom } from "@houqin/samples";

export const SCHOOL_YEAR = { from: "2025-09-01", to: "2026-07-10" };
const SEMESTERS = [
  { name: "2025–2026 第一学期", start: "2025-09-01", end: "2026-01-23" },
  { name: "2025–2026 第二学期", start: "2026-03-02", end: "2026-07-10" },
];
const GRADES = ["一", "二", "三", "四", "五", "六"];
const BUILDINGS = ["教学楼", "实验楼", "综合楼", "食堂", "操场"];
const INSPECTORS = ["张建国", "李明", "王芳", "赵强"];
const GUARDS = ["刘师傅", "陈师傅"];

/** `count` classes over six grades: 一(1)班, 一(2)班, … */
export function classNames(count) {
  const perGrade = Math.ceil(count / GRADES.length);
  const names = [];
  for (let g = 0; names.length < count; g++)
    for (let c = 1; c <= perGrade && names.length < count; c++)
      names.push(
        `${GRADES[g % GRADES.length]}${g >= GRADES.length ? `${Math.floor(g / GRADES.length) + 1}` : ""}(${c})班`,
      );
  return names;
}

/** The school's calendar, as the settings sheet defines it. */
function schoolCalendar() {
  return createSchoolCalendar({ semesters: SEMESTERS });
}

/** The 设置 sheet and the class list. */
export function settingsSheets(classes) {
  return [
    {
      name: "设置",
      rows: [
        ["项目", "内容"],
        ["学校名称", "实验小学"],
        ["学年", "2025-2026"],
        ["第一学期开始", SEMESTERS[0].start],
        ["第一学期结束", SEMESTERS[0].end],
        ["第二学期开始", SEMESTERS[1].start],
        ["第二学期结束", SEMESTERS[1].end],
        ["检查日期", SCHOOL_YEAR.to],
      ],
    },
    {
      name: "班级名单",
      rows: [["班级", "班主任", "人数"], ...classes.map((c, i) => [c, `教师${i + 1}`, 40 + (i % 6)])],
    },
  ];
}

function addDays(iso, days) {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The settings, the class list and a school year of safety logs.
 *
 * @param {number} classCount - classes of the school
 * @param {number} seed - the seed
 * @returns the workbook's sheets with the inspection log only (`inspection`) and with every log (`all`),
 *   each with its count of log rows; the school days; the rows of each log
 */
export function safetyYear(classCount, seed) {
  const rnd = createRandom(seed).next;
  const classes = classNames(classCount);
  const days = schoolCalendar().schoolDays(SCHOOL_YEAR.from, SCHOOL_YEAR.to);
  const weekday = (iso) => new Date(`${iso}T00:00:00Z`).getUTCDay();

  const inspection = [
    ["检查日期", "检查项目", "检查人", "检查结果", "发现问题", "处理措施", "整改完成日期", "登记日期"],
  ];
  const inspect = (date, item) => {
    const inspector = INSPECTORS[Math.floor(rnd() * INSPECTORS.length)];
    const recorded = rnd() < 0.02 ? addDays(date, 7 + Math.floor(rnd() * 7)) : date;
    if (rnd() < 0.05) {
      const open = rnd() < 0.2;
      inspection.push([
        date,
        item,
        inspector,
        "发现问题",
        "灯管损坏",
        open ? "" : "已更换",
        open ? "" : addDays(date, 1 + Math.floor(rnd() * 3)),
        recorded,
      ]);
    } else inspection.push([date, item, inspector, "正常", "无", "", "", recorded]);
  };
  const guard = [["日期", "值班人", "出门证", "夜巡图", "卫生", "设施设备检查", "培训或演练"]];
  const education = [["日期", "班级", "主题", "时长（分钟）"]];
  let month = "";
  let turn = 0;
  let week = "";
  days.forEach((date, i) => {
    for (const building of BUILDINGS) if (rnd() >= 0.03) inspect(date, `${building}日常安全检查`);
    const wd = weekday(date);
    // The week's first and last school days (Monday and Friday, unless a holiday moves them).
    const monday = addDays(date, -((wd + 6) % 7));
    const firstOfWeek = monday !== week;
    week = monday;
    const next = days[i + 1];
    const lastOfWeek = next === undefined || addDays(next, -((weekday(next) + 6) % 7)) !== monday;
    if (firstOfWeek) {
      inspect(date, "水电煤气线路检查");
      for (const c of classes) if (rnd() >= 0.02) education.push([date, c, "晨会安全教育：防溺水", 10]);
    }
    const firstOfMonth = date.slice(0, 7) !== month;
    if (firstOfMonth) {
      month = date.slice(0, 7);
      inspect(date, "消防设备及电器设备检查");
    }
    if (lastOfWeek) {
      education.push([date, classes[turn % classes.length], "1530安全教育广播", 5]);
      turn++;
    }
    guard.push([
      date,
      GUARDS[Math.floor(rnd() * GUARDS.length)],
      rnd() < 0.99 ? "是" : "否",
      rnd() < 0.98 ? "是" : "否",
      "是",
      lastOfWeek ? "是" : "",
      firstOfMonth ? "是" : "",
    ]);
  });
  const drills = [
    ["演练日期", "演练类型", "参加人数"],
    ["2025-09-18", "防空演练", 1800],
    ["2025-10-15", "消防逃生演练", 1800],
    ["2025-11-07", "消防日逃生演练", 1800],
    ["2026-03-25", "地震逃生演练", 1800],
    ["2026-05-12", "防灾减灾日地震逃生演练", 1800],
  ];
  const settings = settingsSheets(classes);
  const inspectionSheet = { name: "安全检查记录", rows: inspection };
  return {
    /** The settings, the class list and the inspection log only. */
    inspection: { sheets: [...settings, inspectionSheet], rows: inspection.length - 1 },
    /** The settings, the class list and every log. */
    all: {
      sheets: [
        ...settings,
        inspectionSheet,
        { name: "门卫工作记录", rows: guard },
        { name: "安全教育记录", rows: education },
        { name: "演练记录", rows: drills },
      ],
      rows: inspection.length + guard.length + education.length + drills.length - 4,
    },
    schoolDays: days.length,
    logRows: {
      inspection: inspection.length - 1,
      guard: guard.length - 1,
      education: education.length - 1,
      drills: drills.length - 1,
    },
  };
}
