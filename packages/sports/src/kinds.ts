import { type Bilingual, normalizeText } from "@houqin/core";
import { type CellSchema, cells, defineTableKind, field } from "@houqin/workbook";
import { normalizeEvent } from "./assignCoaches.js";

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/**
 * Splits a cell listing events as people write them: "100米、跳远", "100m,200m", "4 x 100米 / 跳高",
 * "跳远 铅球". Each event is normalised ({@link normalizeEvent}: "４×１００米" → "4×100m").
 *
 * @example splitEvents("100米、 4 x 100米 跳远") // ["100m", "4×100m", "跳远"]
 */
export function splitEvents(text: string): string[] {
  const joined = text
    .normalize("NFKC")
    // Keep "4 x 100 米" and "100 米" whole before splitting on spaces.
    .replace(/(\d)\s*[xX×*]\s*(\d)/g, "$1×$2")
    .replace(/(\d)\s+(米|m\b|M\b)/g, "$1$2");
  const out: string[] = [];
  for (const part of joined.split(/[、,，;；/|\n\s]+|(?:和|及)(?=\S)/)) {
    const event = normalizeEvent(part);
    if (event !== "" && !out.includes(event)) out.push(event);
  }
  return out;
}

/** A cell listing one or more events: a list of normalised event names, never empty. */
export function eventsCell(): CellSchema<string[]> {
  return cells.fromText(
    (text) => {
      const events = splitEvents(text);
      return events.length > 0 ? events : undefined;
    },
    "not-an-event",
    t("读不出项目名称", "no event could be read here"),
  );
}

const WEEKDAY_CHARS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  "5": 5,
  "6": 6,
  "7": 7,
};
const WEEKDAY_EN: Readonly<Record<string, number>> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
};

/**
 * Reads the weekdays a coach can train, as ISO weekdays (1 = Monday): "周一至周五", "一、三、五",
 * "周二 周四", "星期一到星期三", "每天"/"工作日", "Mon-Fri", "1,3,5". Undefined when nothing reads.
 *
 * @example parseWeekdays("周一至周三、周五") // [1, 2, 3, 5]
 */
export function parseWeekdays(text: string): number[] | undefined {
  const s = normalizeText(text)
    .toLowerCase()
    .replace(/\s+/g, "")
    // Words around the days: 每周二、四, 周二、周四下午, 周一至周五（课后）, 均可.
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(/上午|下午|中午|晚上|课后|放学后|均可|都可以|可以|带训|训练/g, "")
    .replace(/^每(?!天|日)周?/, "");
  if (s === "") return undefined;
  if (/^(每天|每日|天天|全周|daily|everyday)$/.test(s)) return [1, 2, 3, 4, 5, 6, 7];
  if (/^(工作日|上学日|周一至周五|weekdays?)$/.test(s)) return [1, 2, 3, 4, 5];
  const days = new Set<number>();
  // English: mon-fri, mon/wed/fri
  const en = [
    ...s.matchAll(/(mon|tue|wed|thu|fri|sat|sun)[a-z]*(?:(?:-|–|to)(mon|tue|wed|thu|fri|sat|sun)[a-z]*)?/g),
  ];
  for (const m of en) {
    const from = WEEKDAY_EN[m[1] as string] as number;
    const to = m[2] === undefined ? from : (WEEKDAY_EN[m[2]] as number);
    for (let d = from; d <= to; d++) days.add(d);
  }
  if (days.size > 0) return [...days].sort((a, b) => a - b);
  const body = s.replace(/星期|礼拜|周/g, "");
  const range = /([一二三四五六日天1-7])(?:至|到|-|–|~|～)([一二三四五六日天1-7])/g;
  let rest = body;
  for (const m of body.matchAll(range)) {
    const from = WEEKDAY_CHARS[m[1] as string] as number;
    const to = WEEKDAY_CHARS[m[2] as string] as number;
    for (let d = from; d <= to; d++) days.add(d);
    rest = rest.replace(m[0], "、");
  }
  for (const ch of rest) {
    const d = WEEKDAY_CHARS[ch];
    if (d !== undefined) days.add(d);
    else if (!/[、,，;；/|和及]/.test(ch)) return undefined;
  }
  return days.size > 0 ? [...days].sort((a, b) => a - b) : undefined;
}

/** A cell naming weekdays ({@link parseWeekdays}). */
export function weekdaysCell(): CellSchema<number[]> {
  return cells.fromText(
    parseWeekdays,
    "not-weekdays",
    t(
      "读不出星期几，可写作“周一至周五”“一、三、五”",
      "weekdays not understood; write e.g. 周一至周五 or 一、三、五",
    ),
  );
}

/** A gender as written: 男/女, 男生/女生, M/F, boy/girl. */
export type Gender = "男" | "女";

/** A gender cell: 男, 女, 男生, 女生, 男子, 女子, M, F, male, female, boy, girl. */
export function genderCell(): CellSchema<Gender> {
  return cells.fromText(
    (text): Gender | undefined => {
      const s = text.toLowerCase().replace(/\s+/g, "");
      if (/^(男|男生|男子|男性|m|male|boy|boys)$/.test(s)) return "男";
      if (/^(女|女生|女子|女性|f|female|girl|girls)$/.test(s)) return "女";
      return undefined;
    },
    "not-a-gender",
    t("性别应为“男”或“女”", "gender should be 男 or 女"),
  );
}

const nameField = (synonyms: string[]) =>
  field({ title: t("姓名", "Name"), synonyms, required: true, schema: cells.text() });

const classField = () =>
  field({
    title: t("班级", "Class"),
    synonyms: ["班级", "所在班级", "班别", "class"],
    required: false,
    schema: cells.text(),
  });

const gradeField = () =>
  field({ title: t("年级", "Grade"), synonyms: ["年级", "grade"], required: false, schema: cells.text() });

const genderField = () =>
  field({
    title: t("性别", "Gender"),
    synonyms: ["性别", "gender", "sex"],
    required: false,
    schema: genderCell(),
  });

const studentIdField = () =>
  field({
    title: t("学号", "Student no."),
    synonyms: ["学号", "学籍号", "编号", "student no", "student id", "id"],
    required: false,
    schema: cells.text(),
  });

/**
 * `sports.athletes`: the track team (田径队运动员名单, 三(五)2): each athlete, their class, grade and
 * gender, the events they enter and their best marks. A row may list several events ("100米、跳远"), or
 * an athlete may have one row per event; rows of the same athlete are read together.
 *
 * @example
 * const [team] = ctx.tablesOf(athletes); // rows: { name, className?, grade?, gender?, events, bestMarks? }
 */
export const athletes = defineTableKind({
  id: "sports.athletes",
  title: t("运动员名单", "Athletes"),
  sheetHints: ["运动员", "田径队", "参赛名单", "报名表", "athletes", "athlete"],
  fields: {
    id: studentIdField(),
    name: nameField(["运动员姓名", "运动员", "学生姓名", "姓名", "athlete", "name"]),
    className: classField(),
    grade: gradeField(),
    gender: genderField(),
    events: field({
      title: t("参赛项目", "Events"),
      synonyms: ["参赛项目", "报名项目", "比赛项目", "训练项目", "主项", "项目", "events", "event"],
      required: true,
      schema: eventsCell(),
    }),
    bestMarks: field({
      title: t("最好成绩", "Best marks"),
      synonyms: [
        "最好成绩",
        "最佳成绩",
        "个人最好成绩",
        "成绩",
        "best marks",
        "best mark",
        "personal best",
        "pb",
      ],
      required: false,
      schema: cells.text(),
    }),
  },
});

/**
 * `sports.coaches`: the PE teachers who coach the team (教练员), the events each coaches, the days they
 * can train and the most athletes each takes.
 *
 * @example
 * const [staff] = ctx.tablesOf(coaches); // rows: { name, events, days?, maxAthletes? }
 */
export const coaches = defineTableKind({
  id: "sports.coaches",
  title: t("教练员", "Coaches"),
  sheetHints: ["教练", "coaches", "coach"],
  fields: {
    name: nameField([
      "教练员姓名",
      "教练员",
      "教练",
      "指导教师",
      "体育教师",
      "教师姓名",
      "姓名",
      "coach",
      "name",
    ]),
    events: field({
      title: t("执教项目", "Events coached"),
      synonyms: [
        "执教项目",
        "负责项目",
        "带训项目",
        "指导项目",
        "擅长项目",
        "events coached",
        "coaches events",
      ],
      required: true,
      schema: eventsCell(),
    }),
    days: field({
      title: t("可带训日", "Days available"),
      synonyms: [
        "可带训日",
        "带训时间",
        "可训练日",
        "训练时间",
        "可带训时间",
        "在岗时间",
        "days available",
        "days",
      ],
      required: false,
      schema: weekdaysCell(),
    }),
    maxAthletes: field({
      title: t("最多带训人数", "Max athletes"),
      synonyms: [
        "最多带训人数",
        "带训人数上限",
        "最多人数",
        "人数上限",
        "带训人数",
        "max athletes",
        "capacity",
      ],
      required: false,
      schema: cells.integer(),
    }),
  },
});

/**
 * `sports.meet`: the meet's programme (竞赛规程/比赛项目): each event, its group (男子/女子), its day
 * and its entry limits: athletes per event (每项限报人数) and events per athlete (每人限报项数).
 *
 * @example
 * const [programme] = ctx.tablesOf(meet); // rows: { event, gender?, date?, maxEntries?, maxPerAthlete? }
 */
export const meet = defineTableKind({
  id: "sports.meet",
  title: t("比赛项目", "Meet programme"),
  sheetHints: ["竞赛规程", "比赛项目", "竞赛项目", "运动会", "赛程", "meet"],
  requiresOneOf: ["maxEntries", "maxPerAthlete", "date"],
  fields: {
    event: field({
      title: t("比赛项目", "Event"),
      synonyms: ["比赛项目", "竞赛项目", "项目名称", "项目", "event"],
      required: true,
      schema: cells.text(),
    }),
    gender: field({
      title: t("组别", "Division"),
      synonyms: ["组别", "性别", "division", "gender"],
      required: false,
      schema: cells.text(),
    }),
    date: field({
      title: t("比赛日期", "Date"),
      synonyms: ["比赛日期", "比赛时间", "日期", "date"],
      required: false,
      schema: cells.date(),
    }),
    maxEntries: field({
      title: t("每项限报人数", "Max entries"),
      synonyms: ["每项限报人数", "限报人数", "每校限报", "报名人数上限", "max entries", "entries per event"],
      required: false,
      schema: cells.integer(),
    }),
    maxPerAthlete: field({
      title: t("每人限报项数", "Events per athlete"),
      synonyms: ["每人限报项数", "每人限报", "限报项数", "每人最多报", "events per athlete"],
      required: false,
      schema: cells.integer(),
    }),
  },
});

/**
 * `sports.clubs`: the clubs on offer (社团: 田径, 篮球, 羽毛球, 啦啦操, 轮滑, 棒垒球, 足球…), with coach,
 * venue, places and the slots they meet in ("周三社团", "周五课后").
 *
 * @example
 * const [offer] = ctx.tablesOf(clubs); // rows: { club, coach?, venue?, capacity, slots? }
 */
export const clubs = defineTableKind({
  id: "sports.clubs",
  title: t("社团设置", "Clubs"),
  sheetHints: ["社团设置", "社团安排", "社团一览", "社团", "clubs"],
  requiresOneOf: ["capacity", "slots"],
  fields: {
    club: field({
      title: t("社团", "Club"),
      synonyms: ["社团名称", "社团", "俱乐部", "兴趣小组", "club"],
      required: true,
      schema: cells.text(),
    }),
    coach: field({
      title: t("指导教师", "Coach"),
      synonyms: ["指导教师", "辅导教师", "教练", "负责教师", "coach", "teacher"],
      required: false,
      schema: cells.text(),
    }),
    venue: field({
      title: t("活动场地", "Venue"),
      synonyms: ["活动场地", "活动地点", "场地", "地点", "venue"],
      required: false,
      schema: cells.text(),
    }),
    capacity: field({
      title: t("限报人数", "Places"),
      synonyms: ["限报人数", "招收人数", "名额", "容量", "人数上限", "places", "capacity"],
      required: false,
      schema: cells.integer(),
    }),
    slots: field({
      title: t("活动时间", "Slots"),
      synonyms: ["活动时间", "上课时间", "时间段", "时段", "slots", "slot", "time"],
      required: false,
      schema: cells.text(),
    }),
  },
});

/**
 * `sports.signups`: the club signup forms (社团报名表): the student, their class, grade and gender, and
 * their first, second and third choice.
 *
 * @example
 * const [forms] = ctx.tablesOf(signups); // rows: { id?, name, className?, choice1, choice2?, choice3? }
 */
export const signups = defineTableKind({
  id: "sports.signups",
  title: t("社团报名表", "Club signups"),
  sheetHints: ["社团报名", "报名", "选课", "signups"],
  fields: {
    id: studentIdField(),
    name: nameField(["学生姓名", "姓名", "学生", "student", "name"]),
    className: classField(),
    grade: gradeField(),
    gender: genderField(),
    choice1: field({
      title: t("第一志愿", "First choice"),
      synonyms: ["第一志愿", "志愿一", "志愿1", "首选", "first choice", "choice 1"],
      required: true,
      schema: cells.text(),
    }),
    choice2: field({
      title: t("第二志愿", "Second choice"),
      synonyms: ["第二志愿", "志愿二", "志愿2", "second choice", "choice 2"],
      required: false,
      schema: cells.text(),
    }),
    choice3: field({
      title: t("第三志愿", "Third choice"),
      synonyms: ["第三志愿", "志愿三", "志愿3", "third choice", "choice 3"],
      required: false,
      schema: cells.text(),
    }),
  },
});

/** Whether a student came to a session: present, absent, or excused (on leave, which is not an absence). */
export type AttendanceMark = "present" | "absent" | "excused";

const ABSENT_RE = /^(缺|缺勤|缺席|旷|旷课|未到|没来|×|✗|✘|x|0|否|absent|a)$/i;
const EXCUSED_RE = /^(假|请假|病假|事假|公假|免|leave|excused|e)$/i;
/** Late or leaving early still came. */
const PRESENT_RE = /^(到|出勤|已到|在|√|✓|✔|○|1|是|迟到|迟|早退|present|p|y|yes|late)$/i;

/** Reads an attendance mark: √/到/出勤, ×/缺/旷课, 请假/病假/事假. */
export function parseAttendanceMark(text: string): AttendanceMark | undefined {
  const s = normalizeText(text).replace(/\s+/g, "");
  if (PRESENT_RE.test(s)) return "present";
  if (ABSENT_RE.test(s)) return "absent";
  if (EXCUSED_RE.test(s)) return "excused";
  return undefined;
}

/** An attendance cell ({@link parseAttendanceMark}). */
export function attendanceCell(): CellSchema<AttendanceMark> {
  return cells.fromText(
    parseAttendanceMark,
    "not-attendance",
    t(
      "出勤情况应写“√/到”“×/缺勤”或“请假”",
      "attendance should read √/到 (present), ×/缺勤 (absent) or 请假 (on leave)",
    ),
  );
}

/**
 * `sports.attendance`: a club or training attendance log, one row a student a session (考勤记录: 日期,
 * 姓名, 社团, 出勤情况).
 *
 * @example
 * const [log] = ctx.tablesOf(attendance); // rows: { date, name, className?, club?, mark }
 */
export const attendance = defineTableKind({
  id: "sports.attendance",
  title: t("考勤记录", "Attendance log"),
  sheetHints: ["考勤", "点名", "出勤", "attendance"],
  fields: {
    date: field({
      title: t("日期", "Date"),
      synonyms: ["活动日期", "训练日期", "日期", "date"],
      required: true,
      schema: cells.date(),
    }),
    name: nameField(["学生姓名", "姓名", "学生", "队员", "student", "name"]),
    className: classField(),
    club: field({
      title: t("社团/运动队", "Club or team"),
      synonyms: ["社团名称", "社团", "运动队", "训练队", "队别", "club", "team"],
      required: false,
      schema: cells.text(),
    }),
    mark: field({
      title: t("出勤情况", "Attendance"),
      synonyms: ["出勤情况", "出勤", "考勤", "到课情况", "签到", "attendance", "present"],
      required: true,
      schema: attendanceCell(),
    }),
  },
});

/**
 * `sports.attendance-sheet`: the same log kept as a grid (点名册): a row a student, a column a session
 * date, √ or × in the cells. The date columns are the headed columns no field claims.
 *
 * @example
 * const [grid] = ctx.tablesOf(attendanceSheet); // rows: { name, className?, club? }, dates in row.other
 */
export const attendanceSheet = defineTableKind({
  id: "sports.attendance-sheet",
  title: t("点名册", "Attendance register"),
  sheetHints: ["考勤", "点名", "出勤", "attendance"],
  otherColumns: true,
  requiresOneOf: ["club"],
  fields: {
    name: nameField(["学生姓名", "姓名", "学生", "队员", "student", "name"]),
    className: classField(),
    club: field({
      title: t("社团/运动队", "Club or team"),
      synonyms: ["社团名称", "社团", "运动队", "训练队", "队别", "club", "team"],
      required: false,
      schema: cells.text(),
    }),
  },
});
