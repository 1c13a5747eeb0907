import { type IsoDate, type Lang, normalizeText } from "@houqin/core";
import { type CheckContext, cellOf, cells } from "@houqin/workbook";
import type { Coach, CoachingAthlete } from "./assignCoaches.js";
import { eventGroupOf, normalizeEvent } from "./assignCoaches.js";
import { athletes, coaches, type Gender, meet } from "./kinds.js";

/** Where a value was read: sheet, cell and 1-based row. */
export interface SourceCell {
  sheet: string;
  cell: string;
  row: number;
}

/** An athlete as read from the team sheets, rows of the same athlete merged. */
export interface TeamAthlete extends CoachingAthlete {
  className?: string;
  grade?: string;
  gender?: Gender;
  bestMarks?: string;
  /** The first row naming the athlete (its name cell). */
  at: SourceCell;
  /** The events cell of each row, with the events it lists (for findings on a single event). */
  eventCells: { at: SourceCell; events: string[] }[];
}

/** A coach as read from the coaches sheet. */
export interface TeamCoach extends Coach {
  /** ISO weekdays the coach can train; undefined when the sheet does not say (any day). */
  days?: number[];
  at: SourceCell;
}

/** An event of the meet programme. */
export interface MeetEvent {
  /** Normalised event ("100m"), the 男子/女子 prefix taken off into `gender`. */
  event: string;
  gender?: Gender;
  date?: IsoDate;
  maxEntries?: number;
  at: SourceCell;
}

/** The track team of a workbook: athletes, coaches, the meet's programme and its limits. */
export interface Team {
  athletes: TeamAthlete[];
  coaches: TeamCoach[];
  events: MeetEvent[];
  /** The meet day: the settings' 运动会日期, else the earliest date in the programme. */
  meetDate?: IsoDate;
  /** Events per athlete (每人限报项数): the programme's column, else the setting, else 2. */
  maxPerAthlete: number;
  /** Where the limit was read, when it came from the programme. */
  maxPerAthleteAt?: SourceCell;
  /** Whether relays count towards the events-per-athlete limit (setting 接力计入限报, default no). */
  relaysCount: boolean;
  /** Event → group overrides from the settings (项目分组: "跨栏=短跑；跳绳=耐力"). */
  groups: Record<string, string>;
}

/** Events per athlete when neither the programme nor the settings say: two, relays aside. */
export const DEFAULT_MAX_EVENTS_PER_ATHLETE = 2;

const GENDER_PREFIX_RE = /^(男子|女子|男生|女生|男|女)(?:组)?/;

/** Splits "男子100米" into gender 男 and event "100m". */
export function splitGenderedEvent(text: string): { event: string; gender?: Gender } {
  const s = normalizeEvent(text);
  const m = GENDER_PREFIX_RE.exec(s);
  if (!m || m[0].length === s.length) return { event: s };
  return {
    event: normalizeEvent(s.slice(m[0].length)),
    gender: (m[1] as string).startsWith("男") ? "男" : "女",
  };
}

function genderOf(text: string | undefined): Gender | undefined {
  if (!text) return undefined;
  const s = normalizeText(text);
  if (/^(男|男子|男生|男子组|boys?|m|male)$/i.test(s)) return "男";
  if (/^(女|女子|女生|女子组|girls?|f|female)$/i.test(s)) return "女";
  return undefined;
}

/** Whether an event is a relay (4×100m, 接力). */
export function isRelay(event: string): boolean {
  return /×|接力|relay/i.test(event);
}

/** Reads 项目分组 ("跨栏=短跑；跳绳=耐力") into an event → group map. */
function groupsOf(ctx: CheckContext): Record<string, string> {
  const text = ctx.setting<string>(["项目分组", "event groups"], cells.text(), "");
  const out: Record<string, string> = {};
  for (const pair of text.split(/[;；,，、\n]+/)) {
    const [event, group] = pair.split(/[=＝:：]/).map((s) => s.trim());
    if (event && group) out[normalizeEvent(event)] = group;
  }
  return out;
}

/**
 * Reads the track team from a workbook's tables: athletes (rows of one athlete, by student number or by
 * name and class, merged), coaches, the meet's programme and the entry limits.
 *
 * @example
 * const team = readTeam(ctx);
 * const result = assignCoaches(team.athletes, team.coaches, { groups: team.groups });
 */
export function readTeam(ctx: CheckContext): Team {
  const byKey = new Map<string, TeamAthlete>();
  const withId = new Set<TeamAthlete>();
  const list: TeamAthlete[] = [];
  for (const table of ctx.tablesOf(athletes)) {
    const sheet = table.table.sheet;
    for (const { row, values } of table.rows) {
      // One athlete: the same 学号, or the same name and class (a 学号 written on the first row only).
      const nameKey = `${values.name}|${values.className ?? ""}`;
      const idKey = values.id ? `#${values.id}` : undefined;
      const eventsAt = { sheet, cell: cellOf(table.table, row, "events"), row };
      const byName = byKey.get(nameKey);
      let athlete = idKey
        ? (byKey.get(idKey) ?? (byName && !withId.has(byName) ? byName : undefined))
        : byName;
      if (!athlete) {
        athlete = {
          id: values.id ?? (values.className ? `${values.className} ${values.name}` : values.name),
          name: values.name,
          events: [],
          at: { sheet, cell: cellOf(table.table, row, "name"), row },
          eventCells: [],
          ...(values.className === undefined ? {} : { className: values.className }),
          ...(values.grade === undefined ? {} : { grade: values.grade }),
          ...(values.gender === undefined ? {} : { gender: values.gender }),
          ...(values.bestMarks === undefined ? {} : { bestMarks: values.bestMarks }),
        };
        list.push(athlete);
      } else if (values.bestMarks !== undefined) {
        athlete.bestMarks = athlete.bestMarks
          ? `${athlete.bestMarks}；${values.bestMarks}`
          : values.bestMarks;
      }
      if (idKey) {
        byKey.set(idKey, athlete);
        withId.add(athlete);
      }
      if (!byKey.has(nameKey)) byKey.set(nameKey, athlete);
      const events: string[] = [];
      for (const raw of values.events) {
        const { event, gender } = splitGenderedEvent(raw);
        if (gender && !athlete.gender) athlete.gender = gender;
        if (!athlete.events.includes(event)) (athlete.events as string[]).push(event);
        events.push(event);
      }
      athlete.eventCells.push({ at: eventsAt, events });
    }
  }

  const coachList: TeamCoach[] = [];
  const seenCoach = new Set<string>();
  const fallbackMax = ctx.setting<number>(
    ["教练带训人数上限", "每名教练最多带训人数", "max athletes per coach"],
    cells.integer(),
    Number.POSITIVE_INFINITY,
  );
  for (const table of ctx.tablesOf(coaches)) {
    const sheet = table.table.sheet;
    for (const { row, values } of table.rows) {
      let id = values.name;
      for (let n = 2; seenCoach.has(id); n++) id = `${values.name}（${n}）`;
      seenCoach.add(id);
      coachList.push({
        id,
        name: values.name,
        events: values.events,
        maxAthletes: values.maxAthletes ?? fallbackMax,
        at: { sheet, cell: cellOf(table.table, row, "name"), row },
        ...(values.days === undefined ? {} : { days: values.days }),
      });
    }
  }

  const events: MeetEvent[] = [];
  let perAthlete: { value: number; at: SourceCell } | undefined;
  let earliest: IsoDate | undefined;
  for (const table of ctx.tablesOf(meet)) {
    const sheet = table.table.sheet;
    for (const { row, values } of table.rows) {
      const split = splitGenderedEvent(values.event);
      const gender = genderOf(values.gender) ?? split.gender;
      const at = { sheet, cell: cellOf(table.table, row, "event"), row };
      events.push({
        event: split.event,
        at,
        ...(gender === undefined ? {} : { gender }),
        ...(values.date === undefined ? {} : { date: values.date }),
        ...(values.maxEntries === undefined ? {} : { maxEntries: values.maxEntries }),
      });
      if (values.date !== undefined && (earliest === undefined || values.date < earliest))
        earliest = values.date;
      if (values.maxPerAthlete !== undefined && perAthlete === undefined)
        perAthlete = {
          value: values.maxPerAthlete,
          at: { sheet, cell: cellOf(table.table, row, "maxPerAthlete"), row },
        };
    }
  }
  const settingMax = ctx.setting<number>(
    ["每人限报项数", "每人限报", "events per athlete"],
    cells.integer(),
    DEFAULT_MAX_EVENTS_PER_ATHLETE,
  );
  const meetDate = ctx.setting<IsoDate | undefined>(
    ["运动会日期", "比赛日期", "meet date"],
    cells.date(),
    earliest,
  );
  return {
    athletes: list,
    coaches: coachList,
    events,
    maxPerAthlete: perAthlete?.value ?? settingMax,
    ...(perAthlete ? { maxPerAthleteAt: perAthlete.at } : {}),
    relaysCount: ctx.setting<boolean>(["接力计入限报", "relays count"], cells.boolean(), false),
    groups: groupsOf(ctx),
    ...(meetDate === undefined ? {} : { meetDate }),
  };
}

/** The event groups an athlete trains in, in the order of their events. */
export function groupsOfAthlete(
  athlete: CoachingAthlete,
  groups: Readonly<Record<string, string>>,
): string[] {
  const out: string[] = [];
  for (const event of athlete.events) {
    const group = eventGroupOf(event, groups);
    if (!out.includes(group)) out.push(group);
  }
  return out;
}

/**
 * An event as a message shows it: in Chinese, metres as 米 ("4×100m" → "4×100米"); in English as
 * normalised.
 *
 * @example eventText("100m", "zh-CN") // "100米"
 */
export function eventText(event: string, lang: Lang): string {
  return lang === "en" ? event : event.replace(/(\d)m$/, "$1米");
}

/**
 * The events cell of the athlete's first row listing one of these events (else their first events cell):
 * where a finding about those events belongs.
 */
export function eventsCellOf(athlete: TeamAthlete, events: readonly string[]): SourceCell {
  return (
    athlete.eventCells.find((c) => c.events.some((e) => events.includes(e)))?.at ??
    athlete.eventCells[0]?.at ??
    athlete.at
  );
}
