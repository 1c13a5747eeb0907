import { type Bilingual, normalizeText, parseChineseNumber } from "@houqin/core";
import { type CellSchema, cells, defineTableKind, field } from "@houqin/workbook";
import { weekdaysCell } from "./kinds.js";

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

const NUM = "(\\d{1,2}|[一二两三四五六七八九十]{1,3})";
const NUM_NC = "(?:\\d{1,2}|[一二两三四五六七八九十]{1,3})";
const UNIT = "(?:分钟|分|min|mins|minutes?|m|'|′|’)";

/**
 * Reads a duration in minutes as people write it: "10", "10分钟", "10分", "10'", "10min", "十分钟",
 * "1小时", "1.5小时", "1小时30分", and a clock range "9:30-9:40" (its length). Full-width digits are
 * fine. Undefined when it is not a duration.
 *
 * @example parseMinutes("１０分钟") // 10
 * @example parseMinutes("15:40—16:30") // 50
 */
export function parseMinutes(text: string): number | undefined {
  const s = normalizeText(text)
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/^(约|大约|共|计|每次)/, "");
  if (s === "") return undefined;
  const range = /^(\d{1,2})[:点](\d{2})分?[-–—~至到](\d{1,2})[:点](\d{2})分?$/.exec(s);
  if (range) {
    const [, h1, m1, h2, m2] = range.map(Number) as [number, number, number, number, number];
    const from = h1 * 60 + m1;
    const to = h2 * 60 + m2;
    return m1 < 60 && m2 < 60 && to > from ? to - from : undefined;
  }
  const hours = new RegExp(
    `^(\\d+(?:\\.\\d+)?|${NUM_NC})(?:个)?(?:小时|h|hrs?|hours?)(?:${NUM}${UNIT}?)?$`,
  ).exec(s);
  if (hours) {
    const h = /^\d/.test(hours[1] as string) ? Number(hours[1]) : parseChineseNumber(hours[1] as string);
    const m = hours[2] === undefined ? 0 : parseChineseNumber(hours[2]);
    return h === undefined || m === undefined ? undefined : Math.round(h * 60 + m);
  }
  const plain = new RegExp(`^(-?\\d+(?:\\.\\d+)?)${UNIT}?$`).exec(s);
  if (plain) return Number(plain[1]);
  const chinese = new RegExp(`^${NUM}(?:分钟|分)$`).exec(s);
  if (chinese) return parseChineseNumber(chinese[1] as string);
  return undefined;
}

/** A time of day or a duration shown as h:mm or mm:ss: a number that is a fraction of a day. */
const TIME_TEXT_RE = /^\d{1,2}:\d{2}(:\d{2})?$/;

/**
 * A cell holding a duration in minutes ({@link parseMinutes}); a number is minutes, except one Excel
 * shows as a time ("0:10", a fraction of a day), which is converted.
 */
export function minutesCell(): CellSchema<number> {
  return cells.fromText(
    (text, cell) => {
      if (typeof cell.value !== "number" || !Number.isFinite(cell.value)) return parseMinutes(text);
      const shown = normalizeText(cell.text ?? "");
      return TIME_TEXT_RE.test(shown) && cell.value < 1 ? Math.round(cell.value * 1440) : cell.value;
    },
    "not-minutes",
    t(
      "读不出分钟数，可写作“10”“10分钟”或“9:30-9:40”",
      "minutes not understood; write e.g. 10, 10分钟 or 9:30-9:40",
    ),
  );
}

/**
 * The grade a grade's name stands for: 一年级/1年级 → 1, 七年级/初一 → 7, 高二 → 11, "Grade 3" → 3.
 * Undefined for anything else (a class such as 三(2)班 is {@link classGrade}).
 *
 * @example gradeNumber("初一") // 7
 */
export function gradeNumber(text: string): number | undefined {
  const s = normalizeText(text).toLowerCase().replace(/\s+/g, "");
  const stage = /^(初|高)(一|二|三|1|2|3)(年级)?$/.exec(s);
  if (stage) return (stage[1] === "初" ? 6 : 9) + (parseChineseNumber(stage[2] as string) as number);
  const grade = new RegExp(`^${NUM}年级$`).exec(s) ?? /^(?:grade|g)(\d{1,2})$/.exec(s);
  const n = grade ? parseChineseNumber(grade[1] as string) : undefined;
  return n !== undefined && n >= 1 && n <= 12 ? n : undefined;
}

/**
 * The grade of a class as schools name them: 三(2)班, 3(2)班, 三年级2班, 3年级(2)班, 初一(3)班, 高二1班,
 * 3.2班, 3-2班, 302班. Undefined when the text is not a class.
 *
 * @example classGrade("三（2）班") // 3
 */
export function classGrade(text: string): number | undefined {
  const s = normalizeText(text).replace(/\s+/g, "");
  const stage = /^(初|高)(一|二|三|1|2|3)(?:年级)?[(]?(\d{1,2}|[一二三四五六七八九十]{1,3})[)]?班$/.exec(s);
  if (stage) return (stage[1] === "初" ? 6 : 9) + (parseChineseNumber(stage[2] as string) as number);
  const cls =
    /^(\d)(\d{2})班$/.exec(s) ??
    new RegExp(`^${NUM}(?:年级)?[(]?(\\d{1,2}|[一二三四五六七八九十]{1,3})[)]?班$`).exec(s) ??
    /^(\d{1,2})[.\-·](\d{1,2})班?$/.exec(s);
  const n = cls ? parseChineseNumber(cls[1] as string) : undefined;
  return n !== undefined && n >= 1 && n <= 12 ? n : undefined;
}

/** Which grades a cell names: all of them, or these grade numbers and these other names. */
export type GradeSelection = { all: true } | { all: false; grades: number[]; names: string[] };

const BANDS: Readonly<Record<string, readonly number[]>> = {
  低年级: [1, 2],
  低段: [1, 2],
  低年段: [1, 2],
  中年级: [3, 4],
  中段: [3, 4],
  中年段: [3, 4],
  高年级: [5, 6],
  高段: [5, 6],
  高年段: [5, 6],
};

/**
 * Reads the grades a session is for: "全校"/"全体"/"各年级" (all), "一至三年级", "1-3年级", "三、四年级",
 * "低年级" (1–2), "中年级" (3–4), "高年级" (5–6), "初一、初二". Parts that are not grades are kept as
 * names (a class, or a grade named some other way) for matching as written.
 *
 * @example parseGrades("一至三年级、五年级") // { all: false, grades: [1, 2, 3, 5], names: [] }
 */
export function parseGrades(text: string): GradeSelection {
  const s = normalizeText(text).replace(/\s+/g, "");
  if (/^(全校|全体|全部|所有年级|各年级|全年级|全体学生|全校学生|不限|all)$/i.test(s)) return { all: true };
  const grades = new Set<number>();
  const names: string[] = [];
  for (const part of s.split(/[、,，;；/]|和|及/).filter((p) => p !== "")) {
    const band = BANDS[part];
    if (band) {
      for (const g of band) grades.add(g);
      continue;
    }
    const range = new RegExp(`^${NUM}(?:年级)?(?:至|到|-|–|~)${NUM}年级$`).exec(part);
    if (range) {
      const from = parseChineseNumber(range[1] as string);
      const to = parseChineseNumber(range[2] as string);
      if (from !== undefined && to !== undefined && from <= to && to <= 12) {
        for (let g = from; g <= to; g++) grades.add(g);
        continue;
      }
    }
    // "三、四年级": a bare numeral takes the 年级 of the list.
    const grade =
      gradeNumber(part) ??
      (/年级/.test(s) && parseChineseNumber(part) !== undefined ? parseChineseNumber(part) : undefined);
    if (grade !== undefined && grade >= 1 && grade <= 12) grades.add(grade);
    else names.push(part);
  }
  return { all: false, grades: [...grades].sort((a, b) => a - b), names };
}

/**
 * `sports.recess-segments`: the big recess programme (大课间安排, 三(五)1): each segment (入场, 广播操,
 * 跑操, 跳绳, 自选活动, 放松退场…) in order, its minutes, and where it takes place. A 场地 of
 * 轮换/分区/按轮换表 (or blank) means each grade's venue of the day; a named place means everyone there.
 *
 * @example
 * const [programme] = ctx.tablesOf(recessSegments); // rows: { segment, minutes, venue? }
 */
export const recessSegments = defineTableKind({
  id: "sports.recess-segments",
  title: t("大课间安排", "Big recess programme"),
  sheetHints: ["大课间", "阳光体育", "阳光大课间", "big recess"],
  fields: {
    segment: field({
      title: t("环节", "Segment"),
      synonyms: [
        "环节",
        "环节名称",
        "活动环节",
        "大课间环节",
        "大课间内容",
        "大课间活动",
        "活动内容",
        "活动项目",
        "内容安排",
        "活动",
        "segment",
      ],
      required: true,
      schema: cells.text(),
    }),
    minutes: field({
      title: t("时长（分钟）", "Minutes"),
      synonyms: ["时长", "活动时长", "所需时间", "所用时间", "用时", "分钟", "分钟数", "minutes", "duration"],
      required: true,
      schema: minutesCell(),
    }),
    venue: field({
      title: t("场地", "Venue"),
      synonyms: ["场地", "活动场地", "活动地点", "地点", "活动区域", "区域", "venue", "place"],
      required: false,
      schema: cells.text(),
    }),
  },
});

/**
 * `sports.venues`: the places the grades use for the big recess (活动场地: 操场, 篮球场, 体育馆, 风雨操场…)
 * and how many pupils each holds at once.
 *
 * @example
 * const [places] = ctx.tablesOf(venues); // rows: { venue, capacity }
 */
export const venues = defineTableKind({
  id: "sports.venues",
  title: t("活动场地", "Venues"),
  sheetHints: ["场地", "场馆", "venues"],
  fields: {
    venue: field({
      title: t("场地名称", "Venue"),
      synonyms: ["场地名称", "场地", "活动场地", "场馆", "场馆名称", "venue"],
      required: true,
      schema: cells.text(),
    }),
    capacity: field({
      title: t("容纳人数", "Capacity"),
      synonyms: [
        "容纳人数",
        "可容纳人数",
        "最多容纳人数",
        "同时容纳人数",
        "最大容纳人数",
        "可容纳",
        "容量",
        "capacity",
      ],
      required: true,
      schema: cells.integer(),
    }),
  },
});

/**
 * `sports.grade-sizes`: the pupils of each grade (年级人数), one row a grade, or one row a class with
 * its grade (rows of a grade are added up).
 *
 * @example
 * const [sizes] = ctx.tablesOf(gradeSizes); // rows: { grade, pupils, classes? }
 */
export const gradeSizes = defineTableKind({
  id: "sports.grade-sizes",
  title: t("年级人数", "Pupils by grade"),
  sheetHints: ["年级人数", "各年级人数", "年级学生", "学生人数", "年级"],
  fields: {
    grade: field({
      title: t("年级", "Grade"),
      synonyms: ["年级", "年级名称", "grade"],
      required: true,
      schema: cells.text(),
    }),
    pupils: field({
      title: t("人数", "Pupils"),
      synonyms: [
        "学生人数",
        "学生数",
        "在校人数",
        "在籍人数",
        "在校生人数",
        "总人数",
        "人数",
        "pupils",
        "students",
      ],
      // Not the headcounts of other lists kept by grade: signups, tests, meals, absences, staff.
      excludes: [
        "报名",
        "测试",
        "参加",
        "参赛",
        "就餐",
        "缺",
        "请假",
        "限报",
        "达标",
        "合格",
        "优秀",
        "良好",
        "及格",
        "男",
        "女",
        "教师",
        "教职工",
      ],
      required: true,
      schema: cells.integer(),
    }),
    classes: field({
      title: t("班级数", "Classes"),
      synonyms: ["班级数", "班数", "班级个数", "教学班数", "classes"],
      required: false,
      schema: cells.integer(),
    }),
  },
});

/**
 * `sports.pe-timetable`: PE lessons by grade or class and weekday (体育课安排): 年级 or 班级, 星期
 * ("周一", "一、三、五"), and 体育课节数 (1 a row when there is no such column). A general timetable list
 * with a 科目 column counts only its PE rows (体育, 体育与健康).
 *
 * @example
 * const [timetable] = ctx.tablesOf(peTimetable); // rows: { grade?, className?, weekday, lessons?, subject? }
 */
export const peTimetable = defineTableKind({
  id: "sports.pe-timetable",
  title: t("体育课安排", "PE timetable"),
  sheetHints: ["体育课", "课表", "课程表", "pe timetable"],
  requiresOneOf: ["lessons", "subject"],
  fields: {
    grade: field({
      title: t("年级", "Grade"),
      synonyms: ["年级", "grade"],
      required: false,
      schema: cells.text(),
    }),
    className: field({
      title: t("班级", "Class"),
      synonyms: ["班级", "班别", "班级名称", "class"],
      excludes: ["班级数"],
      required: false,
      schema: cells.text(),
    }),
    weekday: field({
      title: t("星期", "Weekday"),
      synonyms: ["星期", "星期几", "上课星期", "上课日", "周几", "weekday", "day"],
      required: true,
      schema: weekdaysCell(),
    }),
    lessons: field({
      title: t("体育课节数", "PE lessons"),
      synonyms: [
        "体育课节数",
        "体育课时数",
        "体育课时",
        "节数",
        "课时数",
        "课时",
        "体育课",
        "lessons",
        "periods",
      ],
      excludes: ["节次", "第几节"],
      required: false,
      schema: cells.number(),
    }),
    subject: field({
      title: t("科目", "Subject"),
      synonyms: ["科目", "学科", "课程", "课程名称", "subject", "course"],
      required: false,
      schema: cells.text(),
    }),
  },
});

/**
 * `sports.after-school`: sports sessions in the after-school service time (课后服务体育活动): weekday,
 * activity, minutes ("60", "1小时", "16:30-17:20") and the grades taking part ("全校", "一至三年级";
 * blank = every grade). Recognised by a 年级 column or a sheet named 课后服务….
 *
 * @example
 * const [sessions] = ctx.tablesOf(afterSchool); // rows: { weekday, activity, minutes, grades? }
 */
export const afterSchool = defineTableKind({
  id: "sports.after-school",
  title: t("课后服务体育活动", "After-school sports"),
  sheetHints: ["课后服务", "课后延时", "延时服务", "课后体育", "课后活动", "after-school", "after school"],
  requiresOneOf: ["grades"],
  fields: {
    weekday: field({
      title: t("星期", "Weekday"),
      synonyms: ["星期", "星期几", "活动日", "周几", "weekday", "day"],
      required: true,
      schema: weekdaysCell(),
    }),
    activity: field({
      title: t("活动项目", "Activity"),
      synonyms: ["活动项目", "体育项目", "活动内容", "活动名称", "项目", "活动", "activity"],
      required: true,
      schema: cells.text(),
    }),
    minutes: field({
      title: t("时长（分钟）", "Minutes"),
      synonyms: ["时长", "活动时长", "用时", "分钟", "分钟数", "minutes", "duration"],
      required: true,
      schema: minutesCell(),
    }),
    grades: field({
      title: t("参加年级", "Grades"),
      synonyms: ["参加年级", "参与年级", "年级", "参加对象", "服务对象", "对象", "grades", "grade"],
      required: false,
      schema: cells.text(),
    }),
  },
});
