import { type Bilingual, type Finding, localize } from "@houqin/core";
import { type Check, type CheckContext, cells } from "@houqin/workbook";
import type { Gender } from "./kinds.js";
import { athletes, meet } from "./kinds.js";
import {
  eventsCellOf,
  eventText,
  isRelay,
  type MeetEvent,
  readTeam,
  type SourceCell,
  type TeamAthlete,
} from "./team.js";

const CLAUSE = "三(五)2";

const MSG = {
  overLimit: {
    "zh-CN": "{name}{cls}报了 {count} 个项目（{events}），超过每人限报 {limit} 项（{source}）{relays}",
    en: "{name}{cls} is entered in {count} events ({events}), over the limit of {limit} per athlete ({source}){relays}",
  },
  sourceCell: { "zh-CN": "见竞赛规程 {sheet}!{cell}", en: "from the programme, {sheet}!{cell}" },
  sourceSetting: { "zh-CN": "见设置“每人限报项数”", en: "from the setting 每人限报项数" },
  sourceDefault: {
    "zh-CN": "默认值，可在设置“每人限报项数”中修改",
    en: "the default; set 每人限报项数 to change it",
  },
  relaysExcluded: { "zh-CN": "，接力不计", en: "; relays not counted" },
  noEntrants: {
    "zh-CN": "比赛项目“{division}{event}”没有运动员报名",
    en: "No athlete is entered in {division}{event}",
  },
  overEntries: {
    "zh-CN": "比赛项目“{division}{event}”报了 {count} 人（{names}），超过每项限报 {limit} 人",
    en: "{division}{event} has {count} entrants ({names}), over the limit of {limit}",
  },
  unknownEvent: {
    "zh-CN": "{name}{cls}报的“{event}”不在本次运动会的比赛项目中",
    en: "{name}{cls} is entered in {event}, which the meet programme does not hold",
  },
  wrongDivision: {
    "zh-CN": "{name}{cls}是{gender}生，但“{event}”只设{divisions}组",
    en: "{name}{cls} is a {genderEn}, but {event} is only held for {divisionsEn}",
  },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

const DIVISION: Readonly<Record<Gender, Bilingual>> = {
  男: tr("男子", "boys' "),
  女: tr("女子", "girls' "),
};
const GENDER_EN: Readonly<Record<Gender, string>> = { 男: "boy", 女: "girl" };

/** Whether an athlete may take part in a programme row: same division, or either side unknown. */
function fits(athlete: TeamAthlete, row: MeetEvent): boolean {
  return row.gender === undefined || athlete.gender === undefined || athlete.gender === row.gender;
}

/**
 * Checks the track team's entries against the meet's programme (三(五)2):
 *
 * - `sports/over-events-limit` (error), at the athlete's events cell (the row where the limit is passed
 *   when the events are on several rows): more events than 每人限报项数 — the programme's column, else
 *   the setting, else 2. Relays do not count unless the setting 接力计入限报 says so.
 * - `sports/event-without-entrants` (warning), at the programme row's event cell: an event (in its
 *   男子/女子 division when the programme gives one) that no athlete entered. An athlete whose gender is
 *   not known counts for either division.
 * - `sports/event-over-entries` (error), at the programme row's event cell: more entrants than the row's
 *   每项限报人数. An athlete of unknown gender is counted in a division only when the event has no row for
 *   the other division.
 * - `sports/unknown-event` (warning), at the athlete's events cell: an event the programme does not hold,
 *   or holds only for the other division.
 *
 * The programme rules apply only when the workbook has both a programme (比赛项目) and athletes.
 * Settings (read through {@link readTeam}): 每人限报项数 (default 2), 接力计入限报 (default no).
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkEntries(ctx);
 */
export function checkEntries(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const team = readTeam(ctx);
  const findings: Finding[] = [];
  const cls = (a: TeamAthlete) => (a.className ? t(tr("（{c}）", " ({c})"), { c: a.className }) : "");
  const sep = t(tr("、", ", "));
  const ev = (event: string) => eventText(event, ctx.lang);

  // Events per athlete.
  const limit = team.maxPerAthlete;
  const fromSetting =
    ctx.setting<number | undefined>(
      ["每人限报项数", "每人限报", "events per athlete"],
      cells.integer(),
      undefined,
    ) !== undefined;
  const source = team.maxPerAthleteAt
    ? t(MSG.sourceCell, { ...team.maxPerAthleteAt })
    : t(fromSetting ? MSG.sourceSetting : MSG.sourceDefault);
  for (const athlete of team.athletes) {
    const counted: string[] = [];
    let at: SourceCell | undefined;
    let hasRelay = false;
    for (const { at: cellAt, events } of athlete.eventCells)
      for (const event of events) {
        if (isRelay(event) && !team.relaysCount) {
          hasRelay = true;
          continue;
        }
        if (counted.includes(event)) continue;
        counted.push(event);
        if (counted.length === limit + 1) at = cellAt;
      }
    if (at === undefined) continue;
    findings.push({
      rule: "sports/over-events-limit",
      severity: "error",
      message: t(MSG.overLimit, {
        name: athlete.name,
        cls: cls(athlete),
        count: counted.length,
        events: counted.map(ev).join(sep),
        limit,
        source,
        relays: hasRelay ? t(MSG.relaysExcluded) : "",
      }),
      clause: CLAUSE,
      ...at,
      data: {
        athlete: athlete.name,
        ...(athlete.className ? { className: athlete.className } : {}),
        events: counted,
        count: counted.length,
        limit,
        relaysCount: team.relaysCount,
        ...(team.maxPerAthleteAt ? { limitAt: team.maxPerAthleteAt } : {}),
      },
    });
  }

  // Without a programme, or without a team to hold it against, the programme rules say nothing.
  const programme = team.events;
  if (programme.length === 0 || team.athletes.length === 0) return findings;

  // Unknown events and events held only for the other division.
  for (const athlete of team.athletes) {
    for (const event of athlete.events) {
      const rows = programme.filter((r) => r.event === event);
      const at = eventsCellOf(athlete, [event]);
      const base = {
        athlete: athlete.name,
        ...(athlete.className ? { className: athlete.className } : {}),
        event,
      };
      if (rows.length === 0) {
        findings.push({
          rule: "sports/unknown-event",
          severity: "warning",
          message: t(MSG.unknownEvent, { name: athlete.name, cls: cls(athlete), event: ev(event) }),
          clause: CLAUSE,
          ...at,
          data: base,
        });
        continue;
      }
      if (rows.some((r) => fits(athlete, r))) continue;
      const gender = athlete.gender as Gender;
      const divisions = [...new Set(rows.map((r) => r.gender as Gender))];
      findings.push({
        rule: "sports/unknown-event",
        severity: "warning",
        message: t(MSG.wrongDivision, {
          name: athlete.name,
          cls: cls(athlete),
          event: ev(event),
          gender,
          genderEn: GENDER_EN[gender],
          divisions: divisions.map((g) => DIVISION[g]["zh-CN"]).join("、"),
          divisionsEn: divisions.map((g) => `${GENDER_EN[g]}s`).join(", "),
        }),
        clause: CLAUSE,
        ...at,
        data: { ...base, gender, divisions },
      });
    }
  }

  // Entrants per programme row.
  for (const row of programme) {
    const division = row.gender ? t(DIVISION[row.gender]) : "";
    const rowAt = { sheet: row.at.sheet, cell: row.at.cell, row: row.at.row };
    const entered = team.athletes.filter((a) => a.events.includes(row.event));
    if (!entered.some((a) => fits(a, row))) {
      findings.push({
        rule: "sports/event-without-entrants",
        severity: "warning",
        message: t(MSG.noEntrants, { event: ev(row.event), division }),
        clause: CLAUSE,
        ...rowAt,
        data: { event: row.event, ...(row.gender ? { gender: row.gender } : {}) },
      });
      continue;
    }
    if (row.maxEntries === undefined) continue;
    const other = row.gender === undefined ? undefined : row.gender === "男" ? "女" : "男";
    const otherDivisionHeld = programme.some((r) => r.event === row.event && r.gender === other);
    const entrants = entered.filter((a) =>
      a.gender === undefined ? !otherDivisionHeld : row.gender === undefined || a.gender === row.gender,
    );
    if (entrants.length <= row.maxEntries) continue;
    const names = entrants.map((a) => (a.className ? `${a.name}${cls(a)}` : a.name));
    findings.push({
      rule: "sports/event-over-entries",
      severity: "error",
      message: t(MSG.overEntries, {
        event: ev(row.event),
        division,
        count: entrants.length,
        names: names.join(sep),
        limit: row.maxEntries,
      }),
      clause: CLAUSE,
      ...rowAt,
      data: {
        event: row.event,
        ...(row.gender ? { gender: row.gender } : {}),
        entrants: entrants.map((a) => a.name),
        count: entrants.length,
        limit: row.maxEntries,
      },
    });
  }
  return findings;
}

/** The entries check as the apps run it (三(五)2). */
export const entriesCheck: Check = {
  id: "sports/entries",
  title: tr("运动会报名", "Meet entries"),
  kinds: [athletes, meet],
  run: checkEntries,
};
