import ExcelJS from "exceljs";
import type { GeneratedWorkbook, PlantedFinding } from "./feeWorkbook.js";
import { studentName } from "./people.js";
import { createRandom } from "./random.js";
import { utc, writeSheet } from "./sheetWriter.js";

/** Options of {@link generateSportsWorkbook}. */
export interface SportsWorkbookOptions {
  seed?: number;
  /** Plant the sports defects (default true); without them the team and clubs are in order. */
  defects?: boolean;
}

/** The sample is checked as of this day (the settings' 检查日期). */
const AS_OF = "2023-10-27";
const MEET = "2023-09-28";

type Sex = "男" | "女";

/** The athletes of a team: gender and events, as the PE teachers entered them. */
const TEAM: readonly [Sex, string][] = [
  ["男", "100米、200米"],
  ["男", "100米、4×100米"],
  ["男", "100米、跳远"],
  ["男", "200米、4×100米"],
  ["男", "200米、400米"],
  ["男", "400米、800米"],
  ["男", "800米"],
  ["男", "800米、4×100米"],
  ["男", "跳远、4×100米"],
  ["男", "跳远"],
  ["男", "跳远、实心球"],
  ["男", "实心球"],
  ["男", "实心球、100米"],
  ["男", "跳高"],
  ["女", "100米、200米"],
  ["女", "100米、4×100米"],
  ["女", "100米、跳远"],
  ["女", "200米、4×100米"],
  ["女", "200米、400米"],
  ["女", "400米、800米"],
  ["女", "800米"],
  ["女", "800米、4×100米"],
  ["女", "跳远、4×100米"],
  ["女", "跳远"],
  ["女", "实心球、400米"],
  ["女", "实心球"],
];

/** The meet's programme: division, event, athletes a school may enter. */
const PROGRAMME: readonly [string, string, number][] = [
  ["男子", "100米", 4],
  ["女子", "100米", 4],
  ["男子", "200米", 4],
  ["女子", "200米", 4],
  ["男子", "400米", 3],
  ["女子", "400米", 3],
  ["男子", "800米", 3],
  ["女子", "800米", 3],
  ["男子", "跳远", 4],
  ["女子", "跳远", 4],
  ["男子", "跳高", 2],
  ["男子", "实心球", 3],
  ["女子", "实心球", 3],
  ["男子", "4×100米", 6],
  ["女子", "4×100米", 6],
];

const CLUBS: readonly [string, string, string, number, string][] = [
  ["田径", "王建国", "田径场", 80, "周三社团"],
  ["篮球", "李红", "篮球场", 30, "周三社团"],
  ["羽毛球", "张伟", "体育馆", 24, "周三社团"],
  ["啦啦操", "陈静", "舞蹈室", 30, "周五课后"],
  ["轮滑", "赵磊", "风雨操场", 20, "周五课后"],
  ["棒垒球", "刘洋", "操场东侧", 24, "周三社团"],
  ["足球", "孙强", "足球场", 30, "周五课后"],
];

/** The Monday–Friday training days of September before the meet, as the register's columns. */
const SESSIONS = [
  "2023-09-04",
  "2023-09-06",
  "2023-09-08",
  "2023-09-11",
  "2023-09-13",
  "2023-09-15",
  "2023-09-18",
  "2023-09-20",
  "2023-09-22",
  "2023-09-25",
];

const monthDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/**
 * A school's sports workbook for the autumn of 2023 (三(五)): the track team entered for the
 * end-of-September meet, the PE teachers who coach it, the meet's programme, the clubs with their
 * signups, and the track team's attendance register — in order, but for the defects planted at
 * known cells. `houqin roster` turns the same workbook into the coaches' rosters.
 *
 * @example
 * const { workbook, planted } = generateSportsWorkbook();
 * await workbook.xlsx.writeFile("体育工作.xlsx");
 */
export function generateSportsWorkbook(options: SportsWorkbookOptions = {}): GeneratedWorkbook {
  const defects = options.defects ?? true;
  const random = createRandom(options.seed ?? 20230928);
  const planted: PlantedFinding[] = [];
  const p = (rule: string, sheet: string, cell: string) => planted.push({ rule, sheet, cell });
  const wb = new ExcelJS.Workbook();
  wb.creator = "houqin samples";
  wb.created = utc(AS_OF);
  wb.modified = utc(AS_OF);

  writeSheet(
    wb,
    "设置",
    undefined,
    ["设置项", "值"],
    [
      ["学校名称", "示例市实验小学"],
      ["学年", "2023-2024"],
      ["第一学期开始", "2023-09-01"],
      ["第一学期结束", "2024-01-26"],
      ["检查日期", AS_OF],
      ["运动会日期", MEET],
      ["训练开始日期", "2023-09-01"],
      ["社团抽签种子", "2023秋"],
      ["连续缺勤次数", 3],
    ],
    [16, 30],
  );

  // --- The track team: four classes in each of grades 4 to 6. ---
  const used = new Set<string>();
  const uniqueName = () => {
    for (;;) {
      const name = studentName(random);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const grades = ["四", "五", "六"];
  const team = TEAM.map(([sex, events], i) => {
    const grade = grades[i % 3] as string;
    return { sex, events, grade, className: `${grade}(${(i % 4) + 1})班`, name: uniqueName() };
  });
  if (defects) {
    // A girl entered for three events where the limit is two.
    team.push({
      sex: "女",
      events: "100米、200米、跳远",
      grade: "六",
      className: "六(2)班",
      name: uniqueName(),
    });
    // A fifth boy in the 100 m, which takes four from a school.
    team.push({ sex: "男", events: "100米", grade: "五", className: "五(3)班", name: uniqueName() });
    // Hurdles: not on the programme, and no PE teacher coaches them.
    team.push({ sex: "男", events: "跨栏", grade: "六", className: "六(1)班", name: uniqueName() });
  }
  const mark = (events: string, sex: Sex) => {
    const first = events.split("、")[0] as string;
    if (first.endsWith("米") && !first.includes("×")) {
      const m = Number(first.replace("米", ""));
      const base = m <= 100 ? 14.2 : m <= 200 ? 30.5 : m <= 400 ? 72 : 170;
      const secs = base + (sex === "女" ? base * 0.06 : 0) + random.int(0, 20) / 10;
      return secs >= 60 ? `${Math.floor(secs / 60)}′${(secs % 60).toFixed(1)}″` : `${secs.toFixed(1)}″`;
    }
    if (first === "跳远") return `${(3.4 + random.int(0, 60) / 100).toFixed(2)}m`;
    if (first === "跳高") return `${(1.05 + random.int(0, 15) / 100).toFixed(2)}m`;
    if (first === "实心球") return `${(6.5 + random.int(0, 200) / 100).toFixed(2)}m`;
    return "";
  };
  const athletes = writeSheet(
    wb,
    "运动员名单",
    "2023年秋季田径运动会参赛运动员名单",
    ["序号", "姓名", "性别", "年级", "班级", "参赛项目", "最好成绩"],
    team.map((a, i) => [
      i + 1,
      a.name,
      a.sex,
      `${a.grade}年级`,
      a.className,
      a.events,
      mark(a.events, a.sex),
    ]),
    [6, 10, 6, 8, 10, 22, 12],
  );
  const athleteRow = (events: string) => athletes.rowOf(team.findIndex((a) => a.events === events));
  if (defects) {
    p("sports/over-events-limit", athletes.sheet, `F${athleteRow("100米、200米、跳远")}`);
    p("sports/unknown-event", athletes.sheet, `F${athleteRow("跨栏")}`);
    p("sports/athlete-without-coach", athletes.sheet, `F${athleteRow("跨栏")}`);
    p("sports/athlete-without-coach", athletes.sheet, `F${athleteRow("跳高")}`);
  }

  // --- The coaches: the school's PE teachers. Nobody coaches the high jump in the planted variant. ---
  writeSheet(
    wb,
    "教练员",
    undefined,
    ["姓名", "执教项目", "可带训日", "最多带训人数"],
    [
      ["王建国", "100米、200米", "周一至周五", 10],
      ["李红", "100米、200米、4×100米", "周一至周五", 10],
      ["张伟", "400米、800米", "周一至周五", 8],
      ["孙强", "400米、800米、4×100米", "周二、周四", 8],
      ["刘洋", defects ? "跳远" : "跳远、跳高", "周一、周三、周五", 10],
      ["陈静", "实心球、跳远", "周一至周五", 8],
      ["赵磊", "4×100米、100米", "周一至周五", 10],
    ],
    [10, 24, 16, 14],
  );

  // --- The meet's programme. In the planted variant the girls' high jump has no entrant. ---
  const programme = PROGRAMME.concat(defects ? [["女子", "跳高", 2]] : []);
  const meet = writeSheet(
    wb,
    "比赛项目",
    "区中小学生田径运动会竞赛规程（小学组）",
    ["序号", "组别", "比赛项目", "比赛日期", "每项限报人数", "每人限报项数"],
    programme.map(([division, event, max], i) => [i + 1, division, event, MEET, max, 2]),
    [6, 8, 12, 12, 14, 16],
  );
  if (defects) {
    p("sports/event-over-entries", meet.sheet, `C${meet.rowOf(0)}`);
    p("sports/event-without-entrants", meet.sheet, `C${meet.rowOf(programme.length - 1)}`);
  }

  // --- Clubs and their signups: 田径 takes everyone who asks, so every form can be honoured. ---
  writeSheet(
    wb,
    "社团设置",
    undefined,
    ["社团名称", "指导教师", "活动场地", "限报人数", "活动时间"],
    CLUBS.map((c) => [...c]),
    [10, 10, 12, 10, 12],
  );
  const popular = ["篮球", "足球", "羽毛球", "轮滑", "啦啦操", "棒垒球"];
  const forms: { id: string; name: string; className: string; grade: string; sex: Sex; choices: string[] }[] =
    [];
  const allGrades = ["三", "四", "五", "六"];
  for (let i = 0; i < 140; i++) {
    const grade = allGrades[i % 4] as string;
    const className = `${grade}(${(i % 3) + 1})班`;
    const first = popular[random.int(0, popular.length - 1)] as string;
    let second = popular[random.int(0, popular.length - 1)] as string;
    if (second === first) second = popular[(popular.indexOf(first) + 1) % popular.length] as string;
    const choices = random.chance(0.2) ? ["田径", first, second] : [first, second, "田径"];
    forms.push({
      id: `2023${String(100 + i).padStart(4, "0")}`,
      name: uniqueName(),
      className,
      grade: `${grade}年级`,
      sex: random.chance(0.5) ? "男" : "女",
      choices,
    });
  }
  const signupRows: ExcelJS.CellValue[][] = forms.map((f, i) => [
    i + 1,
    f.id,
    f.name,
    f.className,
    f.grade,
    f.sex,
    ...f.choices,
  ]);
  if (defects) {
    // 乒乓球 is not offered this term; 篮球 written twice; one student handed in two different forms.
    (signupRows[10] as ExcelJS.CellValue[])[7] = "乒乓球";
    (signupRows[20] as ExcelJS.CellValue[])[7] = (signupRows[20] as ExcelJS.CellValue[])[6] as string;
    const twice = forms[30] as (typeof forms)[number];
    signupRows.push([
      signupRows.length + 1,
      twice.id,
      twice.name,
      twice.className,
      twice.grade,
      twice.sex,
      "田径",
      "足球",
      "篮球",
    ]);
  }
  const signups = writeSheet(
    wb,
    "社团报名",
    "2023学年第一学期体育社团报名表",
    ["序号", "学号", "姓名", "班级", "年级", "性别", "第一志愿", "第二志愿", "第三志愿"],
    signupRows,
    [6, 12, 10, 10, 8, 6, 10, 10, 10],
  );
  if (defects) {
    p("sports/unknown-club", signups.sheet, `H${signups.rowOf(10)}`);
    p("sports/repeated-choice", signups.sheet, `H${signups.rowOf(20)}`);
    p("sports/duplicate-signup", signups.sheet, `B${signups.rowOf(signupRows.length - 1)}`);
    p("sports/student-unplaced", signups.sheet, `C${signups.rowOf(30)}`);
  }

  // --- The track team's attendance register: one row a runner, one column a session. ---
  const register = team.slice(0, 12);
  const absentee = 4;
  const registerRows = register.map((a, i) => [
    a.name,
    a.className,
    "田径队",
    ...SESSIONS.map((_, s) => {
      if (defects && i === absentee && s >= 3 && s <= 5) return "×";
      if (i === 7 && s === 2) return "假";
      return "√";
    }),
  ]);
  const att = writeSheet(
    wb,
    "田径队考勤",
    "田径队训练考勤表（9月）",
    ["姓名", "班级", "运动队", ...SESSIONS.map(monthDay)],
    registerRows,
    [10, 10, 8, ...SESSIONS.map(() => 7)],
  );
  if (defects) p("sports/absent-in-a-row", att.sheet, `${String.fromCharCode(68 + 5)}${att.rowOf(absentee)}`);

  // --- The big recess (三(五)1): the programme, the venues, the grades, PE lessons and after-school sport. ---
  writeSheet(
    wb,
    "大课间安排",
    "阳光体育大课间活动安排",
    ["序号", "环节", "时长（分钟）", "场地"],
    [
      [1, "入场", 3, "轮换"],
      [2, "广播体操", 8, "轮换"],
      [3, "跑操", 10, "轮换"],
      [4, "跳绳", 7, "轮换"],
      [5, "自选活动", 4, "轮换"],
      [6, "放松退场", 3, "轮换"],
    ],
    [6, 12, 12, 10],
  );
  writeSheet(
    wb,
    "活动场地",
    undefined,
    ["场地名称", "容纳人数"],
    [
      ["田径场", 900],
      ["风雨操场", 400],
      ["篮球场", 350],
      ["体育馆", 300],
    ],
    [12, 10],
  );
  const gradeSizes: [string, number, number][] = [
    ["一年级", 6, 270],
    ["二年级", 6, 282],
    ["三年级", 6, 295],
    ["四年级", 7, 310],
    ["五年级", 7, 318],
    ["六年级", 6, 288],
  ];
  const gradeSheet = writeSheet(
    wb,
    "年级人数",
    undefined,
    ["年级", "班级数", "人数"],
    gradeSizes,
    [10, 8, 8],
  );
  // A PE lesson every school day; in the planted variant 六年级 has three a week, so three of its days fall short.
  writeSheet(
    wb,
    "体育课安排",
    undefined,
    ["年级", "星期", "体育课节数"],
    gradeSizes.map(([grade]) => [
      grade,
      defects && grade === "六年级" ? "周一、周三、周五" : "周一至周五",
      1,
    ]),
    [10, 16, 12],
  );
  if (defects) p("sports/daily-activity-short", gradeSheet.sheet, `A${gradeSheet.rowOf(5)}`);
  writeSheet(
    wb,
    "课后服务体育活动",
    undefined,
    ["星期", "活动项目", "时长（分钟）", "参加年级"],
    [["周一至周五", "课后服务体育活动（分年级轮换）", 50, "全校"]],
    [12, 28, 12, 10],
  );

  return { workbook: wb, planted };
}
