import { addDaysIso, type Bilingual, type Lang, localize, type Severity } from "@houqin/core";
import { type OutCell, type SheetToWrite, uniqueSheetName } from "@houqin/workbook";
import { weekdayList, weekdayName } from "./bigRecess.js";
import { isoWeekdayOf, type RosterDateSource, type RosterSession, type TrackRoster } from "./roster.js";
import { eventsCellOf, eventText, type TeamAthlete, type TeamCoach } from "./team.js";
import { type TrainingIntensity, trainingContent } from "./trainingPlan.js";

const INTENSITY: Readonly<Record<TrainingIntensity, Bilingual>> = {
  moderate: { "zh-CN": "中等", en: "moderate" },
  high: { "zh-CN": "高", en: "high" },
};

const SEVERITY: Readonly<Record<Severity, Bilingual>> = {
  error: { "zh-CN": "错误", en: "error" },
  warning: { "zh-CN": "提醒", en: "warning" },
  info: { "zh-CN": "提示", en: "info" },
};

const SOURCE: Readonly<Record<RosterDateSource, Bilingual>> = {
  option: { "zh-CN": "命令行指定", en: "given on the command line" },
  setting: { "zh-CN": "设置", en: "from the settings" },
  programme: { "zh-CN": "比赛项目表中最早的比赛日期", en: "the earliest date of the meet programme" },
  semester: { "zh-CN": "运动会所在学期的开学日", en: "the first day of the meet's semester" },
  default: { "zh-CN": "运动会前四周（默认）", en: "four weeks before the meet (default)" },
};

/**
 * The roster as sheets to print and hand out: 总览 (dates, phases, counts, athletes without a coach,
 * warnings, links to every sheet), 训练计划（按周）, one sheet per coach (教练 王老师: their athletes,
 * then their sessions), 报名检查 (the entry findings, "无问题" when none), and one sheet per training
 * day ("9月4日 周一": slot, group, venue, coach, athletes, content, minutes, note). Sheet names are
 * valid in Excel and unique; English names and headers when `lang` is "en".
 *
 * @param roster - from {@link rosterFor}
 * @param lang - the language of names and headers
 * @returns the sheets in order
 * @example
 * for (const s of rosterSheets(roster, "zh-CN")) await out.writeSheet(s.name, s.rows, s.options);
 */
export function rosterSheets(roster: TrackRoster, lang: Lang): SheetToWrite[] {
  const tr = (zh: string, en: string) => (lang === "en" ? en : zh);
  const L = (text: Bilingual) => localize(text, lang);
  const sep = tr("、", ", ");
  const ev = (event: string) => eventText(event, lang);
  const header = (titles: string[]): OutCell[] => titles.map((text) => ({ text, bold: true as const }));
  const bold = (text: string): OutCell => ({ text, bold: true });
  const weekday = (date: string) => L(weekdayName(isoWeekdayOf(date)));
  const athleteName = (a: TeamAthlete) =>
    a.className ? tr(`${a.name}（${a.className}）`, `${a.name} (${a.className})`) : a.name;
  const cap = (c: TeamCoach) => (Number.isFinite(c.maxAthletes) ? c.maxAthletes : tr("不限", "no limit"));
  const days = (c: TeamCoach) => (c.days ? L(weekdayList(c.days)) : tr("不限", "any day"));
  const phaseName = (id: string) => {
    const phase = roster.plan.phases.find((p) => p.id === id);
    return phase ? L(phase.name) : id;
  };

  const taken: string[] = [];
  const name = (wanted: string) => {
    const n = uniqueSheetName(wanted, taken);
    taken.push(n);
    return n;
  };
  const overviewName = name(tr("总览", "Overview"));
  const planName = name(tr("训练计划（按周）", "Plan by week"));
  const coachNames = roster.coachRosters.map((r) =>
    name(tr(`教练 ${r.coach.name}`, `Coach ${r.coach.name}`)),
  );
  const entriesName = name(tr("报名检查", "Entry check"));
  const dayNames = roster.days.map((d) => {
    const [, m, dd] = d.date.split("-").map(Number) as [number, number, number];
    const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1];
    return name(tr(`${m}月${dd}日 ${weekday(d.date)}`, `${weekday(d.date)} ${dd} ${month}`));
  });

  // 总览
  const entryErrors = roster.entries.filter((f) => f.severity === "error").length;
  const overview: OutCell[][] = [
    [bold(tr("田径运动会训练安排（三(五)2，人盯人）", "Track-meet roster (三(五)2, one coach per athlete)"))],
    [],
    [tr("运动会日期", "Meet day"), roster.meet, L(SOURCE[roster.meetSource])],
    [tr("训练开始日期", "Training starts"), roster.start, L(SOURCE[roster.startSource])],
    [tr("运动员", "Athletes"), roster.athletes.length],
    [tr("教练", "Coaches"), roster.coaches.length],
    [tr("需安排教练的项目组（人次）", "Athlete-groups to coach"), roster.athleteGroups],
    [tr("已安排教练", "With a coach"), roster.assignments.length],
    [tr("未安排教练", "Without a coach"), roster.uncovered.length],
    [tr("训练日", "Training days"), roster.days.length],
    [tr("训练课", "Sessions"), roster.sessions.length],
    [tr("需安排代训的训练课", "Sessions needing cover"), roster.coverNeeded],
    [
      tr("报名问题", "Entry problems"),
      roster.entries.length,
      tr(`其中错误 ${entryErrors} 个`, `${entryErrors} errors`),
    ],
    [],
    [bold(tr("训练阶段", "Phases"))],
    header([
      tr("阶段", "Phase"),
      tr("开始", "From"),
      tr("结束", "To"),
      tr("训练量(%)", "Volume (%)"),
      tr("强度", "Intensity"),
    ]),
    ...roster.plan.phases.map((p) => [L(p.name), p.start, p.end, p.volumePercent, L(INTENSITY[p.intensity])]),
    [],
    [bold(tr("教练与带训人数", "Coaches and their load"))],
    header([
      tr("教练", "Coach"),
      tr("执教项目", "Events coached"),
      tr("可带训日", "Days available"),
      tr("带训人次", "Athlete-groups"),
      tr("上限", "Max"),
      tr("需代训课次", "Sessions needing cover"),
      tr("工作表", "Sheet"),
    ]),
    ...roster.coachRosters.map((r, i) => [
      r.coach.name,
      r.coach.events.map(ev).join(sep),
      days(r.coach),
      r.load,
      cap(r.coach),
      r.coverNeeded,
      { text: coachNames[i] as string, link: { sheet: coachNames[i] as string, cell: "A1" } },
    ]),
    [],
    [bold(tr("未安排教练的运动员", "Athletes without a coach"))],
    ...(roster.uncovered.length === 0
      ? [[tr("无", "None")]]
      : [
          header([
            tr("姓名", "Name"),
            tr("班级", "Class"),
            tr("项目组", "Group"),
            tr("项目", "Events"),
            tr("原因", "Reason"),
            tr("位置", "Cell"),
          ]),
          ...roster.uncovered.map((u) => [
            u.athlete.name,
            u.athlete.className ?? "",
            u.group,
            u.events.map(ev).join(sep),
            L(u.message),
            `${eventsCellOf(u.athlete, u.events).sheet}!${eventsCellOf(u.athlete, u.events).cell}`,
          ]),
        ]),
    [],
    [bold(tr("提醒", "Warnings"))],
    ...(roster.warnings.length === 0 ? [[tr("无", "None")]] : roster.warnings.map((w) => [L(w)])),
    [],
    [bold(tr("工作表", "Sheets"))],
    ...[planName, entriesName, ...coachNames, ...dayNames].map((n) => [
      { text: n, link: { sheet: n, cell: "A1" } },
    ]),
  ];

  // 训练计划（按周）
  const planRows: OutCell[][] = [
    header([
      tr("周次", "Week"),
      tr("周一", "Monday"),
      tr("周日", "Sunday"),
      tr("阶段", "Phase"),
      tr("训练课", "Sessions"),
      tr("训练分钟", "Minutes"),
      tr("训练量(%)", "Volume (%)"),
      tr("强度", "Intensity"),
      ...roster.groups.map((g) => tr(`${g}训练重点`, `${g}: focus`)),
    ]),
    ...roster.plan.weeks.map((w, i) => {
      const phase = roster.plan.phases.find((p) => p.id === w.phase);
      return [
        i + 1,
        w.weekStart,
        addDaysIso(w.weekStart, 6),
        phaseName(w.phase),
        w.sessions,
        w.minutes,
        w.sessions === 0 ? "" : w.volumePercent,
        phase ? L(INTENSITY[phase.intensity]) : "",
        ...roster.groups.map((g) => L(trainingContent(g, w.phase))),
      ];
    }),
  ];

  // 教练 …
  const sessionHeader = header([
    tr("日期", "Date"),
    tr("星期", "Day"),
    tr("时段", "Slot"),
    tr("项目组", "Group"),
    tr("场地", "Venue"),
    tr("训练内容", "Content"),
    tr("时长（分钟）", "Minutes"),
    tr("队员", "Athletes"),
    tr("需安排代训", "Cover needed"),
    tr("备注", "Note"),
  ]);
  const alsoNote = (groups: string[]) =>
    groups.length === 0
      ? ""
      : tr(`同一时段还带${groups.join("、")}`, `also has ${groups.join(", ")} at this time`);
  const coachSheets: SheetToWrite[] = roster.coachRosters.map((r, i) => ({
    name: coachNames[i] as string,
    rows: [
      [bold(tr("教练", "Coach")), r.coach.name],
      [tr("执教项目", "Events coached"), r.coach.events.map(ev).join(sep)],
      [tr("可带训日", "Days available"), days(r.coach)],
      [tr("带训人次 / 上限", "Athlete-groups / max"), r.load, cap(r.coach)],
      [],
      [bold(tr("负责的运动员", "Athletes"))],
      header([
        tr("姓名", "Name"),
        tr("班级", "Class"),
        tr("性别", "Gender"),
        tr("项目组", "Group"),
        tr("参赛项目", "Events"),
        tr("最好成绩", "Best marks"),
      ]),
      ...(r.assignments.length === 0
        ? [[tr("（未分到运动员）", "(no athletes)")]]
        : r.assignments.map((a) => [
            a.athlete.name,
            a.athlete.className ?? "",
            a.athlete.gender ?? "",
            a.group,
            a.events.map(ev).join(sep),
            a.athlete.bestMarks ?? "",
          ])),
      [],
      [bold(tr("训练安排", "Sessions"))],
      sessionHeader,
      ...r.sessions.map((s) => [
        s.session.date,
        weekday(s.session.date),
        s.session.slot,
        s.session.group,
        L(s.session.venue),
        L(s.session.content),
        s.session.minutes,
        s.athletes.map(athleteName).join(sep),
        s.coverNeeded ? tr("是", "yes") : "",
        alsoNote(s.alsoGroups),
      ]),
    ],
    options: { columnWidths: [12, 8, 16, 10, 12, 40, 10, 40, 10, 20] },
  }));

  // 报名检查
  const entryRows: OutCell[][] = [
    header([tr("位置", "Cell"), tr("严重程度", "Severity"), tr("问题", "Problem"), tr("规则", "Rule")]),
    ...(roster.entries.length === 0
      ? [[tr("无问题", "No problems")]]
      : roster.entries.map((f) => [
          f.sheet === undefined ? "" : `${f.sheet}!${f.cell ?? ""}`,
          L(SEVERITY[f.severity]),
          f.message,
          f.rule,
        ])),
  ];

  // 9月4日 周一 …
  const dayRows = (session: RosterSession): OutCell[][] => {
    const base = [session.slot, session.group, L(session.venue)];
    const rows: OutCell[][] = session.coaches.map((c) => [
      ...base,
      c.coach.name,
      c.athletes.map(athleteName).join(sep),
      c.athletes.length,
      L(session.content),
      session.minutes,
      [
        c.available
          ? ""
          : tr(
              `需安排代训：${c.coach.name}只能${days(c.coach)}带训`,
              `cover needed: ${c.coach.name} trains only on ${days(c.coach)}`,
            ),
        alsoNote(c.alsoGroups),
      ]
        .filter(Boolean)
        .join(tr("；", "; ")),
    ]);
    if (session.unassigned.length > 0 || rows.length === 0)
      rows.push([
        ...base,
        tr("（未安排教练）", "(no coach)"),
        session.unassigned.map(athleteName).join(sep),
        session.unassigned.length,
        L(session.content),
        session.minutes,
        tr("这些运动员还没有负责教练", "these athletes have no coach yet"),
      ]);
    return rows;
  };
  const daySheets: SheetToWrite[] = roster.days.map((d, i) => {
    const phase = d.sessions[0] ? phaseName(d.sessions[0].phase) : "";
    return {
      name: dayNames[i] as string,
      rows: [
        [bold(`${d.date} ${weekday(d.date)} ${phase}`)],
        header([
          tr("时段", "Slot"),
          tr("项目组", "Group"),
          tr("场地", "Venue"),
          tr("教练", "Coach"),
          tr("队员", "Athletes"),
          tr("人数", "Count"),
          tr("训练内容", "Content"),
          tr("时长（分钟）", "Minutes"),
          tr("备注", "Note"),
        ]),
        ...d.sessions.flatMap(dayRows),
      ],
      options: { frozenRows: 2, columnWidths: [16, 10, 12, 10, 48, 6, 40, 10, 30] },
    };
  });

  return [
    { name: overviewName, rows: overview, options: { columnWidths: [28, 24, 36, 12, 10, 14, 16] } },
    {
      name: planName,
      rows: planRows,
      options: { frozenRows: 1, columnWidths: [6, 12, 12, 14, 8, 10, 10, 8, ...roster.groups.map(() => 36)] },
    },
    ...coachSheets,
    { name: entriesName, rows: entryRows, options: { frozenRows: 1, columnWidths: [18, 10, 70, 26] } },
    ...daySheets,
  ];
}
