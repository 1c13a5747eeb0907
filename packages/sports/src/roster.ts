import {
  addDaysIso,
  type Bilingual,
  type Finding,
  HouqinError,
  type IsoDate,
  isoToDate,
  normalizeText,
  wholeSemesters,
} from "@houqin/core";
import { type CheckContext, cells } from "@houqin/workbook";
import { assignCoaches, eventGroupOf, type UncoveredReason } from "./assignCoaches.js";
import { weekdayList } from "./bigRecess.js";
import { checkEntries } from "./checkEntries.js";
import { parseWeekdays } from "./kinds.js";
import { groupsOfAthlete, readTeam, type TeamAthlete, type TeamCoach } from "./team.js";
import {
  DEFAULT_TRAINING_SLOTS,
  planTraining,
  type TrainingPlan,
  type TrainingSession,
  type TrainingSlot,
} from "./trainingPlan.js";

/**
 * The track-meet roster (三(五)2): one responsible coach per athlete and event group (人盯人), the
 * periodised training plan up to the meet, and who trains whom, where and when on each training day.
 * Pure: reads only the check context.
 */

/** Options of {@link rosterFor}; both dates default from the workbook. */
export interface RosterOptions {
  /** The meet day (the CLI's --meet). */
  meet?: IsoDate;
  /** The first training day (the CLI's --start). */
  start?: IsoDate;
}

/**
 * Where a date of the roster came from: the caller (the CLI's option), the settings, the programme's
 * dates, the first day of the meet's semester, or the default (four weeks before the meet).
 */
export type RosterDateSource = "option" | "setting" | "programme" | "semester" | "default";

/** An athlete-group and its responsible coach. */
export interface RosterAssignment {
  athlete: TeamAthlete;
  group: string;
  /** The athlete's events in the group. */
  events: string[];
  coach: TeamCoach;
}

/** An athlete-group no coach could take, with the reason. */
export interface RosterUncovered {
  athlete: TeamAthlete;
  group: string;
  events: string[];
  reason: UncoveredReason;
  message: Bilingual;
}

/** A coach at a session: the coach's own athletes of the session's group. */
export interface SessionCoach {
  coach: TeamCoach;
  athletes: TeamAthlete[];
  /** False when the session falls on a weekday the coach cannot train (需安排代训). */
  available: boolean;
  /** The coach's other groups training in the same slot of the same day. */
  alsoGroups: string[];
}

/** A session of the plan with its venue, its coaches and their athletes. */
export interface RosterSession extends TrainingSession {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  venue: Bilingual;
  /** The coaches of the group's athletes, in the order of the coaches sheet. */
  coaches: SessionCoach[];
  /** Athletes of the group who have no coach. */
  unassigned: TeamAthlete[];
  /** True when a coach of the session cannot come on its weekday and needs someone to cover. */
  coverNeeded: boolean;
}

/** A coach's session: the session and the coach's part in it. */
export interface CoachSession {
  session: RosterSession;
  athletes: TeamAthlete[];
  coverNeeded: boolean;
  alsoGroups: string[];
}

/** One coach's view: their athlete-groups and their sessions. */
export interface CoachRoster {
  coach: TeamCoach;
  /** Athlete-groups assigned (the load assignCoaches balances). */
  load: number;
  assignments: RosterAssignment[];
  sessions: CoachSession[];
  /** Sessions on weekdays the coach cannot train. */
  coverNeeded: number;
  /** Day-slots in which the coach has athletes of more than one group. */
  clashes: number;
}

/** One training day and its sessions. */
export interface RosterDay {
  date: IsoDate;
  weekday: number;
  sessions: RosterSession[];
}

/** The whole roster of a meet; see {@link rosterFor}. */
export interface TrackRoster {
  meet: IsoDate;
  meetSource: RosterDateSource;
  start: IsoDate;
  startSource: RosterDateSource;
  /** The periodised plan (phases, weeks, sessions) from {@link planTraining}. */
  plan: TrainingPlan;
  /** The event groups that have athletes, in the usual order (短跑, 中长跑, 跳跃, 投掷, 接力, others). */
  groups: string[];
  /** Venue of each group. */
  venues: Record<string, Bilingual>;
  slots: readonly TrainingSlot[];
  athletes: TeamAthlete[];
  coaches: TeamCoach[];
  /** Athlete-groups to coach (covered + uncovered). */
  athleteGroups: number;
  /** Sorted by group order, then by the athletes' order in their sheet. */
  assignments: RosterAssignment[];
  /** Every coach, in the order of the coaches sheet, idle ones included. */
  coachRosters: CoachRoster[];
  /** The plan's sessions, in the same order, with venue, coaches and athletes. */
  sessions: RosterSession[];
  /** The days with sessions, in order. */
  days: RosterDay[];
  uncovered: RosterUncovered[];
  /** Findings of {@link checkEntries} (events per athlete, entries per event, unknown events). */
  entries: Finding[];
  /** Sessions where a coach cannot come on the weekday. */
  coverNeeded: number;
  warnings: Bilingual[];
}

/** Why {@link rosterFor} cannot make a roster. */
export type RosterErrorReason = "no-meet-date" | "start-not-before-meet";

/** No roster can be made from these inputs; `text` says why in both languages. */
export class RosterError extends HouqinError {
  readonly reason: RosterErrorReason;
  readonly text: Bilingual;
  constructor(reason: RosterErrorReason, text: Bilingual) {
    super("INVALID_ARGUMENT", `${text["zh-CN"]} / ${text.en}`);
    this.name = "RosterError";
    this.reason = reason;
    this.text = text;
  }
}

const t = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** The usual order of the event groups. */
const GROUP_ORDER: readonly string[] = ["短跑", "中长跑", "跳跃", "投掷", "接力"];

/** Default venue per event group; anything else trains on the field. */
export const DEFAULT_VENUES: Readonly<Record<string, Bilingual>> = {
  短跑: t("直道", "straight"),
  接力: t("直道", "straight"),
  中长跑: t("环形跑道", "running track"),
  跳跃: t("沙坑", "jumping pit"),
  投掷: t("投掷区", "throwing area"),
};
const FIELD_VENUE = t("田径场", "athletics field");

/** Calendar days before the meet that training starts when nothing else says. */
const DEFAULT_LEAD_DAYS = 28;

/** ISO weekday of a date, 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(date: IsoDate): number {
  const d = isoToDate(date).getDay();
  return d === 0 ? 7 : d;
}

function orderGroups(groups: Iterable<string>): string[] {
  const rank = (g: string) => {
    const i = GROUP_ORDER.indexOf(g);
    return i < 0 ? GROUP_ORDER.length : i;
  };
  return [...new Set(groups)].sort((a, b) => rank(a) - rank(b));
}

function splitPairs(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const pair of text.split(/[;；,，、\n]+/)) {
    const m = /^\s*([^=＝:：]+?)\s*[=＝:：]\s*(.+?)\s*$/.exec(pair);
    if (m) out.push([m[1] as string, m[2] as string]);
  }
  return out;
}

/**
 * Reads the setting 训练时段: entries separated by "；", each "<weekdays> [name] <minutes>分钟", e.g.
 * "周一至周五 课后服务 60分钟；周三 周三社团 90分钟". Undefined when blank; a warning when unreadable.
 */
function readSlots(text: string): { slots?: TrainingSlot[]; warning?: Bilingual } {
  const s = normalizeText(text);
  if (s === "") return {};
  const slots: TrainingSlot[] = [];
  for (const entry of s.split(/[;；]+/)) {
    const e = entry.trim();
    if (e === "") continue;
    const minutesMatch = /(\d+)\s*(?:分钟|分|mins?|minutes?)/i.exec(e);
    const minutes = minutesMatch ? Number(minutesMatch[1]) : 60;
    const rest = minutesMatch ? e.replace(minutesMatch[0], " ").trim() : e;
    const [dayText = "", ...nameParts] = rest.split(/\s+/);
    const days = parseWeekdays(dayText);
    if (!days || minutes <= 0) {
      return {
        warning: {
          "zh-CN": `设置“训练时段”中的“${e}”读不懂（应写作“周一至周五 课后服务 60分钟；周三 社团 90分钟”），已按默认时段安排`,
          en: `The setting 训练时段 entry “${e}” is not understood (write e.g. “周一至周五 课后服务 60分钟；周三 社团 90分钟”); the default slots are used`,
        },
      };
    }
    const name = nameParts.join(" ") || "训练";
    for (const weekday of days) slots.push({ weekday, name, minutes });
  }
  return slots.length > 0 ? { slots } : {};
}

/**
 * Builds the track-meet roster of a workbook (三(五)2): reads the team ({@link readTeam}), gives every
 * athlete-group one coach ({@link assignCoaches}), plans the training up to the meet
 * ({@link planTraining}) for the groups that have athletes, puts each group's session at its venue with
 * its coaches and their athletes, flags sessions on a weekday a coach cannot train (需安排代训), and
 * runs the entry checks ({@link checkEntries}).
 *
 * Dates:
 * - meet: `options.meet`, else the team's meet day (setting 运动会日期, else the earliest date of the
 *   programme); none at all throws {@link RosterError} `no-meet-date`.
 * - start: `options.start`, else the setting 训练开始日期, else the first day of the semester of the meet
 *   (the settings' semesters, else the conventional halves of the school year: 1 September, 1 February)
 *   when it is before the meet, else 4 weeks before the meet. A given start not before the meet throws
 *   {@link RosterError} `start-not-before-meet`.
 *
 * Settings:
 * - 训练开始日期 (training start): a date; default as above.
 * - 训练时段 (training slots): "周一至周五 课后服务 60分钟；周三 周三社团 90分钟"; default
 *   {@link DEFAULT_TRAINING_SLOTS} (after-school service Mon–Fri 60 min, Wednesday club 90 min).
 * - 训练场地 (venues): "短跑=100米直道；投掷=南侧投掷区" (a group or an event name, then the venue);
 *   default {@link DEFAULT_VENUES} (短跑/接力 直道, 中长跑 环形跑道, 跳跃 沙坑, 投掷 投掷区, other 田径场).
 * - Through readTeam: 运动会日期, 项目分组, 每人限报项数, 接力计入限报, 教练带训人数上限.
 *
 * @param ctx - the check context of the athletes workbook
 * @param options - the meet day and first training day, when not from the workbook
 * @returns the roster; problems (an athlete-group without coach, a coach away, a short preparation)
 *   are values in it, never thrown
 * @throws RosterError when there is no meet day, or a given start is not before the meet
 * @example
 * const { ctx } = await readWorkbook(workbook, { modules: [sports], today: "2023-08-25" });
 * const roster = rosterFor(ctx, { meet: "2023-09-28", start: "2023-09-01" });
 * roster.days[0]?.sessions[0]?.coaches[0]?.coach.name // "王老师"
 */
export function rosterFor(ctx: CheckContext, options: RosterOptions = {}): TrackRoster {
  const team = readTeam(ctx);
  const warnings: Bilingual[] = [];

  // Meet day.
  let meet: IsoDate;
  let meetSource: RosterDateSource;
  if (options.meet !== undefined) {
    meet = options.meet;
    meetSource = "option";
  } else if (team.meetDate !== undefined) {
    meet = team.meetDate;
    const fromSetting = ctx.setting<IsoDate | undefined>(
      ["运动会日期", "比赛日期", "meet date"],
      cells.date(),
      undefined,
    );
    meetSource = fromSetting === undefined ? "programme" : "setting";
  } else {
    throw new RosterError(
      "no-meet-date",
      t(
        "不知道运动会哪天举行：请在“设置”中填写“运动会日期”，或在比赛项目表中填写比赛日期，或用 --meet 指定",
        "No meet day: set 运动会日期 in the settings, give the dates in the meet programme, or pass --meet",
      ),
    );
  }

  // First training day.
  let start: IsoDate;
  let startSource: RosterDateSource;
  const startSetting = ctx.setting<IsoDate | undefined>(
    ["训练开始日期", "训练开始", "开始训练日期", "training start"],
    cells.date(),
    undefined,
  );
  if (options.start !== undefined) {
    start = options.start;
    startSource = "option";
  } else if (startSetting !== undefined) {
    start = startSetting;
    startSource = "setting";
  } else {
    const semester = wholeSemesters(ctx.calendar, meet, meet)[0];
    if (semester !== undefined && semester.start < meet) {
      start = semester.start;
      startSource = "semester";
    } else {
      start = addDaysIso(meet, -DEFAULT_LEAD_DAYS);
      startSource = "default";
    }
  }
  if (start >= meet) {
    throw new RosterError("start-not-before-meet", {
      "zh-CN": `训练开始日期 ${start} 不早于运动会日期 ${meet}，无法安排训练`,
      en: `The training start ${start} is not before the meet day ${meet}; no training can be planned`,
    });
  }

  // Coaches for every athlete-group.
  const result = assignCoaches(team.athletes, team.coaches, { groups: team.groups });
  const athleteById = new Map<string, TeamAthlete>();
  for (const a of team.athletes) if (!athleteById.has(a.id)) athleteById.set(a.id, a);
  const coachById = new Map(team.coaches.map((c) => [c.id, c]));
  const teamOrder = new Map(team.athletes.map((a, i) => [a, i]));
  const groups = orderGroups(team.athletes.flatMap((a) => groupsOfAthlete(a, team.groups)));
  const groupRank = (g: string) => groups.indexOf(g);
  const byGroupThenTeam = (a: { group: string; athlete: TeamAthlete }, b: typeof a) =>
    groupRank(a.group) - groupRank(b.group) ||
    (teamOrder.get(a.athlete) ?? 0) - (teamOrder.get(b.athlete) ?? 0);

  const assignments: RosterAssignment[] = [];
  for (const a of result.assignments) {
    const athlete = athleteById.get(a.athleteId);
    const coach = coachById.get(a.coachId);
    if (athlete && coach) assignments.push({ athlete, group: a.group, events: a.events, coach });
  }
  assignments.sort(byGroupThenTeam);
  const uncovered: RosterUncovered[] = [];
  for (const u of result.uncovered) {
    const athlete = athleteById.get(u.athleteId);
    if (athlete)
      uncovered.push({ athlete, group: u.group, events: u.events, reason: u.reason, message: u.message });
  }
  uncovered.sort(byGroupThenTeam);

  // Slots and venues.
  const slotSetting = readSlots(
    ctx.setting<string>(["训练时段", "训练时间安排", "training slots"], cells.text(), ""),
  );
  if (slotSetting.warning) warnings.push(slotSetting.warning);
  const slots = slotSetting.slots ?? DEFAULT_TRAINING_SLOTS;
  const venues: Record<string, Bilingual> = {};
  for (const g of groups) venues[g] = DEFAULT_VENUES[g] ?? FIELD_VENUE;
  for (const [key, venue] of splitPairs(
    ctx.setting<string>(["训练场地", "训练地点", "training venues"], cells.text(), ""),
  )) {
    const group = eventGroupOf(key, team.groups);
    venues[group] = { "zh-CN": venue, en: venue };
  }

  // The plan, and who is where.
  const plan = planTraining({ start, meet, calendar: ctx.calendar, groups, slots });
  warnings.push(...plan.warnings);
  if (team.athletes.length === 0)
    warnings.push(
      t("没有读到运动员名单，训练计划中没有训练课", "No athletes found; the plan has no sessions"),
    );
  if (team.coaches.length === 0 && team.athletes.length > 0)
    warnings.push(
      t(
        "没有读到教练名单（需有“姓名”“执教项目”两列），运动员都未安排教练",
        "No coaches found (a sheet with 姓名 and 执教项目 columns); no athlete has a coach",
      ),
    );

  const byGroupCoach = new Map<string, Map<TeamCoach, TeamAthlete[]>>();
  for (const a of assignments) {
    let perCoach = byGroupCoach.get(a.group);
    if (!perCoach) {
      perCoach = new Map();
      byGroupCoach.set(a.group, perCoach);
    }
    perCoach.set(a.coach, [...(perCoach.get(a.coach) ?? []), a.athlete]);
  }
  const coachRank = new Map(team.coaches.map((c, i) => [c, i]));
  // An athlete in several event groups is in one place at a time: the day-slots take their groups in turn
  // (短跑 on one, 接力 on the next), so no athlete is listed twice in the same slot.
  const slotIndex = new Map<string, number>();
  for (const s of plan.sessions) {
    const key = `${s.date}\u0000${s.slot}`;
    if (!slotIndex.has(key)) slotIndex.set(key, slotIndex.size);
  }
  const athleteGroups = new Map(team.athletes.map((a) => [a, groupsOfAthlete(a, team.groups)]));
  const attends = (athlete: TeamAthlete, s: TrainingSession) => {
    const mine = athleteGroups.get(athlete) ?? [s.group];
    if (mine.length <= 1) return true;
    return mine[(slotIndex.get(`${s.date}\u0000${s.slot}`) ?? 0) % mine.length] === s.group;
  };
  const present = plan.sessions.map((s) =>
    [...(byGroupCoach.get(s.group) ?? [])]
      .sort(([a], [b]) => (coachRank.get(a) ?? 0) - (coachRank.get(b) ?? 0))
      .map(([coach, athletes]) => ({ coach, athletes: athletes.filter((a) => attends(a, s)) }))
      .filter((c) => c.athletes.length > 0),
  );
  // Groups of each coach per day-slot, to say when a coach has two groups at once.
  const groupsAt = new Map<string, string[]>();
  const slotKey = (coach: TeamCoach, s: TrainingSession) => `${coach.id}\u0000${s.date}\u0000${s.slot}`;
  plan.sessions.forEach((s, i) => {
    for (const { coach } of present[i] ?? []) {
      const key = slotKey(coach, s);
      groupsAt.set(key, [...(groupsAt.get(key) ?? []), s.group]);
    }
  });

  const sessions: RosterSession[] = plan.sessions.map((s, i) => {
    const weekday = isoWeekdayOf(s.date);
    const coaches: SessionCoach[] = (present[i] ?? []).map(({ coach, athletes }) => ({
      coach,
      athletes,
      available: coach.days === undefined || coach.days.includes(weekday),
      alsoGroups: (groupsAt.get(slotKey(coach, s)) ?? []).filter((g) => g !== s.group),
    }));
    return {
      ...s,
      weekday,
      venue: venues[s.group] ?? FIELD_VENUE,
      coaches,
      unassigned: uncovered.filter((u) => u.group === s.group && attends(u.athlete, s)).map((u) => u.athlete),
      coverNeeded: coaches.some((c) => !c.available),
    };
  });

  const days: RosterDay[] = [];
  for (const s of sessions) {
    const last = days.at(-1);
    if (last?.date === s.date) last.sessions.push(s);
    else days.push({ date: s.date, weekday: s.weekday, sessions: [s] });
  }

  const coachRosters: CoachRoster[] = team.coaches.map((coach) => {
    const mine = assignments.filter((a) => a.coach === coach);
    const own: CoachSession[] = [];
    for (const session of sessions) {
      const part = session.coaches.find((c) => c.coach === coach);
      if (part)
        own.push({
          session,
          athletes: part.athletes,
          coverNeeded: !part.available,
          alsoGroups: part.alsoGroups,
        });
    }
    const clashSlots = new Set(
      own.filter((s) => s.alsoGroups.length > 0).map((s) => `${s.session.date}\u0000${s.session.slot}`),
    );
    return {
      coach,
      load: mine.length,
      assignments: mine,
      sessions: own,
      coverNeeded: own.filter((s) => s.coverNeeded).length,
      clashes: clashSlots.size,
    };
  });

  for (const r of coachRosters) {
    if (r.coverNeeded > 0) {
      const away = [...new Set(r.sessions.filter((s) => s.coverNeeded).map((s) => s.session.date))];
      const days = weekdayList(r.coach.days ?? []);
      const shown = away.slice(0, 6);
      const more = away.length > shown.length;
      warnings.push({
        "zh-CN": `${r.coach.name}只能${days["zh-CN"]}带训，${shown.join("、")}${more ? " 等" : ""} ${away.length} 天共 ${r.coverNeeded} 次训练课需安排代训`,
        en: `${r.coach.name} can train only on ${days.en}: ${r.coverNeeded} sessions on ${away.length} days need cover (${shown.join(", ")}${more ? " …" : ""})`,
      });
    }
    if (r.clashes > 0) {
      const both = orderGroups(r.assignments.map((a) => a.group));
      warnings.push({
        "zh-CN": `${r.coach.name}的队员分属${both.join("、")}，有 ${r.clashes} 个时段要同时带两个以上项目组，请安排助手或错开场地`,
        en: `${r.coach.name} coaches athletes in ${both.join(", ")} and has more than one group at once in ${r.clashes} slots; find a helper or stagger them`,
      });
    }
  }

  return {
    meet,
    meetSource,
    start,
    startSource,
    plan,
    groups,
    venues,
    slots,
    athletes: team.athletes,
    coaches: team.coaches,
    athleteGroups: assignments.length + uncovered.length,
    assignments,
    coachRosters,
    sessions,
    days,
    uncovered,
    entries: checkEntries(ctx),
    coverNeeded: sessions.filter((s) => s.coverNeeded).length,
    warnings,
  };
}
