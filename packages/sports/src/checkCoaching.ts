import { type Bilingual, type Finding, localize } from "@houqin/core";
import { type Check, type CheckContext, cellOf, type Report } from "@houqin/workbook";
import { assignCoaches, eventGroupOf } from "./assignCoaches.js";
import { athletes, coaches } from "./kinds.js";
import { eventsCellOf, eventText, readTeam, type TeamAthlete, type TeamCoach } from "./team.js";

const CLAUSE = "三(五)2";

const MSG = {
  uncovered: { "zh-CN": "{cls}{reason}", en: "{cls}{reason}" },
  noCoaches: {
    "zh-CN": "有 {count} 名运动员，但工作簿里没有教练员名单（教练员、执教项目），无法落实“人盯人”分工",
    en: "There are {count} athletes but no coaches table (coach, events coached), so no coach can be made responsible for each athlete",
  },
  idle: {
    "zh-CN": "教练{coach}（执教{events}）没有分到运动员：{why}",
    en: "Coach {coach} ({events}) was given no athlete: {why}",
  },
  idleNoEvent: {
    "zh-CN": "没有运动员报这些项目",
    en: "no athlete is entered in these events",
  },
  idleOthers: {
    "zh-CN": "报这些项目的运动员已由其他教练带训",
    en: "the athletes in these events are coached by others",
  },
  unassigned: { "zh-CN": "（未安排）", en: "(none)" },
  unlimited: { "zh-CN": "不限", en: "no limit" },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

const CN_DIGITS: Readonly<Record<string, string>> = {
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

/** A sort key for a class: Chinese numerals as digits, so 三(2)班 < 四(1)班 < 五(10)班. */
function classSortKey(className: string | undefined): string {
  return (className ?? "").normalize("NFKC").replace(/[一二三四五六七八九]/g, (d) => CN_DIGITS[d] ?? d);
}

const collator = new Intl.Collator("zh-CN", { numeric: true });

/**
 * Orders people by class (三年级 before 四年级, 2班 before 10班), then by name.
 *
 * @example [...rows].sort(byClassThenName) // 三(2)班 李四, 四(1)班 张三, 四(1)班 赵丽
 */
export function byClassThenName(
  a: { className?: string | undefined; name: string },
  b: { className?: string | undefined; name: string },
): number {
  return (
    collator.compare(classSortKey(a.className), classSortKey(b.className)) || collator.compare(a.name, b.name)
  );
}

/**
 * Checks that every athlete has a responsible coach for each event group they compete in (人盯人,
 * 三(五)2), using {@link assignCoaches} on the athletes and coaches tables:
 *
 * - `sports/athlete-without-coach` (error), at the athlete's events cell: an athlete-group no coach can
 *   take, because no coach coaches the events or the coaches who do are all full (named with their
 *   limits);
 * - `sports/no-coaches` (info, once, at the athletes table's header): athletes but no coach at all;
 * - `sports/coach-without-athletes` (info), at the coach's name cell: a coach who was given nobody,
 *   saying whether any athlete is entered in their events.
 *
 * It publishes "人盯人分工" (coach, athlete, class, gender, group, events, best marks; by coach, class
 * and name; athlete-groups without a coach last) and "教练带训人数" (per coach: events, limit,
 * athlete-groups assigned). Settings (through {@link readTeam}): 项目分组 (event → group overrides),
 * 教练带训人数上限 (the limit for a coach whose row gives none; default no limit).
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkCoaching(ctx); // and the reports sports.coach-assignment, sports.coach-load
 */
export function checkCoaching(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const team = readTeam(ctx);
  const findings: Finding[] = [];
  const sep = t(tr("、", ", "));
  const ev = (event: string) => eventText(event, ctx.lang);
  if (team.athletes.length === 0) return findings;

  if (team.coaches.length === 0) {
    const first = ctx.tablesOf(athletes)[0]?.table;
    findings.push({
      rule: "sports/no-coaches",
      severity: "info",
      message: t(MSG.noCoaches, { count: team.athletes.length }),
      clause: CLAUSE,
      ...(first
        ? { sheet: first.sheet, cell: cellOf(first, first.headerRow, "name"), row: first.headerRow }
        : {}),
      data: { athletes: team.athletes.length },
    });
    return findings;
  }

  const result = assignCoaches(team.athletes, team.coaches, { groups: team.groups });
  const athleteById = new Map(team.athletes.map((a) => [a.id, a]));
  const coachById = new Map(team.coaches.map((c) => [c.id, c]));

  for (const u of result.uncovered) {
    const athlete = athleteById.get(u.athleteId);
    if (!athlete) continue;
    const cls = athlete.className ? t(tr("{c}", "{c}: "), { c: athlete.className }) : "";
    findings.push({
      rule: "sports/athlete-without-coach",
      severity: "error",
      message: t(MSG.uncovered, { cls, reason: t(u.message) }),
      clause: CLAUSE,
      ...eventsCellOf(athlete, u.events),
      data: {
        athlete: athlete.name,
        ...(athlete.className ? { className: athlete.className } : {}),
        group: u.group,
        events: u.events,
        reason: u.reason,
      },
    });
  }

  const assignedEvents = new Set(team.athletes.flatMap((a) => a.events));
  const coversAny = (coach: TeamCoach) =>
    coach.events.some(
      (e) => assignedEvents.has(e) || [...assignedEvents].some((a) => eventGroupOf(a, team.groups) === e),
    );
  for (const coach of team.coaches) {
    if ((result.load[coach.id] ?? 0) > 0) continue;
    const noEvent = !coversAny(coach);
    findings.push({
      rule: "sports/coach-without-athletes",
      severity: "info",
      message: t(MSG.idle, {
        coach: coach.name,
        events: coach.events.map(ev).join(sep),
        why: t(noEvent ? MSG.idleNoEvent : MSG.idleOthers),
      }),
      clause: CLAUSE,
      ...coach.at,
      data: { coach: coach.name, events: [...coach.events], athletesInEvents: !noEvent },
    });
  }

  // Reports.
  const rows = result.assignments.flatMap((a) => {
    const athlete = athleteById.get(a.athleteId);
    const coach = coachById.get(a.coachId);
    return athlete && coach ? [{ coach: coach.name, athlete, group: a.group, events: a.events }] : [];
  });
  rows.sort(
    (a, b) =>
      collator.compare(a.coach, b.coach) ||
      byClassThenName(a.athlete, b.athlete) ||
      collator.compare(a.group, b.group),
  );
  const unassigned = result.uncovered.flatMap((u) => {
    const athlete = athleteById.get(u.athleteId);
    return athlete ? [{ coach: t(MSG.unassigned), athlete, group: u.group, events: u.events }] : [];
  });
  unassigned.sort((a, b) => byClassThenName(a.athlete, b.athlete) || collator.compare(a.group, b.group));
  ctx.report(assignmentReport([...rows, ...unassigned], sep, ev));
  ctx.report(loadReport(team.coaches, result.load, sep, ev, t(MSG.unlimited)));
  return findings;
}

interface AssignmentRow {
  coach: string;
  athlete: TeamAthlete;
  group: string;
  events: readonly string[];
}

/** "人盯人分工": one row per athlete-group. */
function assignmentReport(
  rows: readonly AssignmentRow[],
  sep: string,
  ev: (event: string) => string,
): Report {
  return {
    id: "sports.coach-assignment",
    title: tr("人盯人分工", "Coach assignment"),
    sheetName: tr("人盯人分工", "Coach assignment"),
    columns: [
      { key: "coach", title: tr("教练", "Coach") },
      { key: "athlete", title: tr("运动员", "Athlete") },
      { key: "className", title: tr("班级", "Class") },
      { key: "gender", title: tr("性别", "Gender") },
      { key: "group", title: tr("项目组", "Event group") },
      { key: "events", title: tr("项目", "Events"), width: 16 },
      { key: "bestMarks", title: tr("最好成绩", "Best marks"), width: 16 },
    ],
    rows: rows.map((r) => ({
      coach: r.coach,
      athlete: r.athlete.name,
      className: r.athlete.className ?? null,
      gender: r.athlete.gender ?? null,
      group: r.group,
      events: r.events.map(ev).join(sep),
      bestMarks: r.athlete.bestMarks ?? null,
    })),
  };
}

/** "教练带训人数": per coach, the events coached, the limit and the athlete-groups assigned. */
function loadReport(
  list: readonly TeamCoach[],
  load: Readonly<Record<string, number>>,
  sep: string,
  ev: (event: string) => string,
  unlimited: string,
): Report {
  return {
    id: "sports.coach-load",
    title: tr("教练带训人数", "Coach load"),
    sheetName: tr("教练带训人数", "Coach load"),
    columns: [
      { key: "coach", title: tr("教练", "Coach") },
      { key: "events", title: tr("执教项目", "Events coached"), width: 16 },
      { key: "max", title: tr("带训上限", "Max") },
      { key: "assigned", title: tr("已分配（人·项目组）", "Assigned athlete-groups") },
    ],
    rows: list.map((c) => ({
      coach: c.name,
      events: c.events.map(ev).join(sep),
      max: Number.isFinite(c.maxAthletes) ? c.maxAthletes : unlimited,
      assigned: load[c.id] ?? 0,
    })),
  };
}

/** The coaching check as the apps run it (三(五)2, 人盯人). */
export const coachingCheck: Check = {
  id: "sports/coaching",
  title: tr("人盯人带训分工", "One coach per athlete"),
  kinds: [athletes, coaches],
  run: checkCoaching,
};
