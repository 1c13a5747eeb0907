import type { Bilingual } from "@houqin/core";

/** Who carries a duty out. */
export type Role = "class-teacher" | "logistics" | "guard" | "student-affairs" | "rotating-class" | "school";

/** The roles' names in both languages. */
export const ROLE_TITLES: Readonly<Record<Role, Bilingual>> = {
  "class-teacher": { "zh-CN": "班主任", en: "Class teacher" },
  logistics: { "zh-CN": "后勤", en: "Logistics" },
  guard: { "zh-CN": "门卫/保安", en: "Guard" },
  "student-affairs": { "zh-CN": "学生发展处", en: "Student affairs" },
  "rotating-class": { "zh-CN": "轮值班级", en: "Rotating class" },
  school: { "zh-CN": "全校", en: "Whole school" },
};

/** Ids of the themed days a plan can name. */
export type ThemedDayId =
  | "disaster-prevention" // 5.12 防灾减灾日
  | "air-defence" // 9.18 防空（local custom）
  | "fire-safety" // 11.9 消防日
  | "student-safety-education" // 全国中小学生安全教育日: Monday of the last week of March
  | "national-security" // 4.15 全民国家安全教育日
  | "national-defence-education"; // 全民国防教育日: third Saturday of September

/**
 * How often a duty falls due:
 * - `daily`: every school day;
 * - `weekly`: once a school week, on `weekday` (1 = Monday … 5 = Friday) or the nearest school day
 *   of that week (a late weekday moves back to the week's last school day, an early one forward);
 * - `half-monthly`: once in each half of a month (1st–15th, 16th–end);
 * - `monthly`: once a month, on the first school day on or after `day` (default 1);
 * - `semester`: once a semester, on the first school day of its `week`-th school week (default 3);
 * - `themed`: on a themed day, moved to the nearest school day.
 */
export type Cadence =
  | { kind: "daily" }
  | { kind: "weekly"; weekday?: 1 | 2 | 3 | 4 | 5 }
  | { kind: "half-monthly" }
  | { kind: "monthly"; day?: number }
  | { kind: "semester"; week?: number }
  | { kind: "themed"; day: ThemedDayId };

/**
 * How rows of a log are told apart by what they say: `keywords` (the one standing first in the
 * text wins), `decisive` words that settle it wherever they stand ("日常", "1530"), and `fallback`
 * for the duty that takes the rows no other duty claims.
 */
export interface KeywordMatch {
  keywords: readonly string[];
  decisive?: readonly string[];
  fallback?: boolean;
}

/** Which log records a duty, and how its rows are told apart from other duties' rows. */
export type DutyLog =
  | ({ kind: "safety.inspection-log" } & KeywordMatch)
  | ({ kind: "safety.drill-log" } & KeywordMatch)
  | ({ kind: "safety.education-log" } & KeywordMatch)
  | {
      kind: "safety.guard-log";
      field: "exitPass" | "nightPatrolPhoto" | "cleaning" | "weeklyCheck" | "training";
    }
  | { kind: "safety.extinguisher-register" };

/** One duty of the safety plan. */
export interface Duty {
  /** Stable id, kebab-case. */
  id: string;
  /** The work-plan clause, e.g. "三(一)3". */
  clause: string;
  title: Bilingual;
  role: Role;
  cadence: Cadence;
  /** What to check or do, item by item. */
  checklist: readonly Bilingual[];
  /** Where it is recorded; a duty without a log is only scheduled. */
  log?: DutyLog;
}

/** A school's safety plan: its duties, in the order they are listed. */
export interface SafetyPlan {
  duties: readonly Duty[];
}

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/**
 * The safety duties of the 2023–2024 logistics work plan, 三(一)1–6. A school edits them in its
 * 安全检查计划 sheet; the edited plan wins.
 */
export const DEFAULT_SAFETY_PLAN: SafetyPlan = {
  duties: [
    {
      id: "class-safety-talk",
      clause: "三(一)1",
      title: t("晨会/班队课安全教育", "Safety talk at the morning meeting or class-team lesson"),
      role: "class-teacher",
      cadence: { kind: "weekly", weekday: 1 },
      checklist: [
        t("防火", "Fire"),
        t("防电", "Electricity"),
        t("防交通事故", "Traffic"),
        t("课堂课间活动安全", "Safety in class and at break"),
      ],
      log: {
        kind: "safety.education-log",
        keywords: [
          "晨会",
          "班队",
          "班会",
          "安全教育",
          "防火",
          "防电",
          "交通",
          "防溺水",
          "morning",
          "class-team",
        ],
        fallback: true,
      },
    },
    {
      id: "safety-wall-poster",
      clause: "三(一)1",
      title: t("安全主题墙报", "Safety wall poster"),
      role: "class-teacher",
      cadence: { kind: "semester", week: 4 },
      checklist: [t("每班出一期安全主题墙报", "One safety-themed wall poster per class")],
      log: { kind: "safety.education-log", keywords: ["墙报", "板报", "poster"] },
    },
    {
      id: "daily-safety-check",
      clause: "三(一)1",
      title: t("日常安全检查", "Daily safety check"),
      role: "class-teacher",
      cadence: { kind: "daily" },
      checklist: [
        t("教室门窗、电器、消防通道", "Classroom doors, windows, appliances, fire exits"),
        t("发现问题及时上报", "Report problems at once"),
      ],
      log: {
        kind: "safety.inspection-log",
        keywords: ["日常", "每日", "教室", "daily"],
        decisive: ["日常", "每日", "每天", "daily"],
        fallback: true,
      },
    },
    {
      id: "disaster-drill",
      clause: "三(一)2",
      title: t("防灾减灾日地震逃生演练", "Earthquake evacuation drill on Disaster Prevention Day"),
      role: "student-affairs",
      cadence: { kind: "themed", day: "disaster-prevention" },
      checklist: [
        t("地震灾害逃生演练", "Earthquake evacuation drill"),
        t("不发生拥堵、踩踏", "No crowding or crushing"),
      ],
      log: { kind: "safety.drill-log", keywords: ["地震", "防震", "防灾", "earthquake"] },
    },
    {
      id: "air-defence-drill",
      clause: "三(一)2",
      title: t("9·18 防空安全演练", "Air-raid drill on 18 September"),
      role: "student-affairs",
      cadence: { kind: "themed", day: "air-defence" },
      checklist: [t("防空警报识别与疏散", "Air-raid alarm and evacuation")],
      log: { kind: "safety.drill-log", keywords: ["防空", "air"] },
    },
    {
      id: "fire-day-drill",
      clause: "三(一)2",
      title: t("11·9 消防日逃生演练", "Fire evacuation drill on Fire Safety Day"),
      role: "student-affairs",
      cadence: { kind: "themed", day: "fire-safety" },
      checklist: [
        t("消防逃生演练", "Fire evacuation drill"),
        t("不发生拥堵、踩踏", "No crowding or crushing"),
      ],
      log: { kind: "safety.drill-log", keywords: ["消防", "火", "fire"] },
    },
    {
      id: "radio-1530",
      clause: "三(一)2",
      title: t("红领巾广播“1530”安全教育（5分钟）", "“1530” safety talk on the Red Scarf radio (5 minutes)"),
      role: "rotating-class",
      cadence: { kind: "weekly", weekday: 5 },
      checklist: [t("轮值班级主讲五分钟安全教育", "The class on duty gives a five-minute safety talk")],
      log: { kind: "safety.education-log", keywords: ["1530", "红领巾广播", "广播"], decisive: ["1530"] },
    },
    {
      id: "utilities-inspection",
      clause: "三(一)3",
      title: t("水电煤气线路检查", "Water, electricity and gas lines inspection"),
      role: "logistics",
      cadence: { kind: "weekly", weekday: 1 },
      checklist: [
        t("供水管线", "Water pipes"),
        t("电线、配电箱", "Wiring and distribution boxes"),
        t("燃气管线、阀门", "Gas lines and valves"),
      ],
      log: {
        kind: "safety.inspection-log",
        keywords: [
          "水电",
          "煤气",
          "燃气",
          "线路",
          "电器线路",
          "电路",
          "用电",
          "供电",
          "供水",
          "水管",
          "基础设施",
          "utilities",
        ],
      },
    },
    {
      id: "fire-equipment-inspection",
      clause: "三(一)4",
      title: t("消防设备及电器设备检查", "Fire and electrical equipment inspection"),
      role: "logistics",
      cadence: { kind: "monthly" },
      checklist: [
        t("灭火器压力（指针在绿区）", "Extinguisher pressure (needle in the green)"),
        t("消防栓、应急灯、疏散指示", "Hydrants, emergency lights, exit signs"),
        t("电器设备", "Electrical equipment"),
      ],
      log: { kind: "safety.inspection-log", keywords: ["消防", "灭火器", "电器", "fire"] },
    },
    {
      id: "evacuation-drill",
      clause: "三(一)5",
      title: t("消防或地震逃生演练", "Fire or earthquake evacuation drill"),
      role: "school",
      cadence: { kind: "semester", week: 6 },
      checklist: [
        t("全校疏散演练", "Whole-school evacuation drill"),
        t("不发生拥挤、踩踏", "No crowding or crushing"),
      ],
      log: { kind: "safety.drill-log", keywords: [] },
    },
    {
      id: "guard-exit-pass",
      clause: "三(一)6",
      title: t("收好一张出门证", "Collect the exit pass"),
      role: "guard",
      cadence: { kind: "daily" },
      checklist: [t("出门证收齐存档", "Exit passes collected and filed")],
      log: { kind: "safety.guard-log", field: "exitPass" },
    },
    {
      id: "guard-night-patrol",
      clause: "三(一)6",
      title: t("拍好一张夜巡图", "Photograph the night patrol"),
      role: "guard",
      cadence: { kind: "daily" },
      checklist: [t("夜间巡查并拍照留存", "Night patrol, photographed")],
      log: { kind: "safety.guard-log", field: "nightPatrolPhoto" },
    },
    {
      id: "guard-cleaning",
      clause: "三(一)6",
      title: t("做好一次卫生工作", "Clean the gatehouse"),
      role: "guard",
      cadence: { kind: "daily" },
      checklist: [t("门卫室及门口卫生", "Gatehouse and gate clean")],
      log: { kind: "safety.guard-log", field: "cleaning" },
    },
    {
      id: "guard-weekly-check",
      clause: "三(一)6",
      title: t("门卫设施、设备安全检查", "Guard's facility and equipment check"),
      role: "guard",
      cadence: { kind: "weekly", weekday: 5 },
      checklist: [t("门禁、监控、防卫器械", "Gate control, CCTV, protective equipment")],
      log: { kind: "safety.guard-log", field: "weeklyCheck" },
    },
    {
      id: "guard-training",
      clause: "三(一)6",
      title: t("保安培训或演练", "Guard training or drill"),
      role: "guard",
      cadence: { kind: "monthly" },
      checklist: [t("每月一次培训或演练", "One training or drill a month")],
      log: { kind: "safety.guard-log", field: "training" },
    },
  ],
};
