import { type Bilingual, type Finding, localize, normalizeText } from "@houqin/core";
import { type Check, type CheckContext, cellOf, type ParsedTable, type Report } from "@houqin/workbook";
import {
  type AfterSchoolSession,
  type BigRecessPlan,
  compareNames,
  type PeLessons,
  planBigRecess,
  type RecessGroup,
  type RecessSegment,
  type RecessVenue,
  type RecessWarning,
  weekdayName,
} from "./bigRecess.js";
import {
  afterSchool,
  classGrade,
  gradeNumber,
  gradeSizes,
  minutesCell,
  parseGrades,
  peTimetable,
  recessSegments,
  venues,
} from "./recessKinds.js";

const CLAUSE = "三(五)1";

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

const MSG = {
  noVenues: tr(
    "有年级人数，但工作簿里没有活动场地表（场地、容纳人数），无法排出大课间场地轮换表",
    "There are grade sizes but no venues table (venue, capacity), so no venue rotation could be built",
  ),
  noGrades: tr(
    "有活动场地表，但工作簿里没有年级人数表（年级、人数），无法排出大课间场地轮换表",
    "There is a venues table but no grade sizes table (grade, pupils), so no venue rotation could be built",
  ),
  noBoth: tr(
    "工作簿里没有活动场地表（场地、容纳人数）和年级人数表（年级、人数），无法排出大课间场地轮换表",
    "There is neither a venues table (venue, capacity) nor a grade sizes table (grade, pupils), so no venue rotation could be built",
  ),
  unknownPe: tr(
    "体育课安排中的“{name}”对不上年级人数表中的任何年级，此行未计入每日活动时间",
    "“{name}” in the PE timetable matches no grade of the grade sizes table; this row is not counted",
  ),
  unknownSession: tr(
    "课后服务活动“{activity}”的参加年级“{name}”对不上年级人数表中的任何年级，未计入每日活动时间",
    "After-school session “{activity}” is for “{name}”, which matches no grade of the grade sizes table; not counted",
  ),
  rotationVenue: tr("按场地轮换表", "see venue rotation"),
  ownVenue: tr("各年级场地", "each grade's venue"),
  noVenue: tr("（无场地）", "(none)"),
  total: tr("合计", "Total"),
  reached: tr("达标", "met"),
  missing: tr("差 {minutes} 分钟", "{minutes} min short"),
  wholeSchool: tr("全校", "Whole school"),
} satisfies Record<string, Bilingual>;

/** A place in the workbook a finding points to. */
interface At {
  sheet: string;
  cell: string;
  row: number;
}

/** A grade (or class) read from the grade sizes table, with where it was written. */
interface GroupRow {
  group: RecessGroup;
  /** The grade it stands for, when its name reads as a grade (一年级 → 1). */
  grade?: number;
  /** The grade of the class it stands for, when its name reads as a class (三(2)班 → 3). */
  classOf?: number;
  nameAt?: At;
  sizeAt?: At;
}

const ROTATION_RE = /轮换|分区|各年级|各班|本年级|本班|指定场地|自选场地/;
const PE_RE = /体育|^pe$|physical/i;
const DIGITS_CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

function key(text: string): string {
  return normalizeText(text).replace(/\s+/g, "");
}

/**
 * The grades (or classes) of the grade sizes tables, rows of one grade added up (a list by class with
 * its grade gives the grade's total).
 */
function readGroups(ctx: CheckContext): GroupRow[] {
  const byKey = new Map<string, GroupRow>();
  for (const { table, rows } of ctx.tablesOf(gradeSizes))
    for (const { row, values } of rows) {
      const grade = gradeNumber(values.grade);
      const id = grade !== undefined ? `grade-${grade}` : key(values.grade);
      const known = byKey.get(id);
      if (known) {
        known.group.size += Math.max(0, values.pupils);
        continue;
      }
      const classOf = grade === undefined ? classGrade(values.grade) : undefined;
      byKey.set(id, {
        group: { id, name: values.grade, size: Math.max(0, values.pupils) },
        ...(grade === undefined ? {} : { grade }),
        ...(classOf === undefined ? {} : { classOf }),
        nameAt: { sheet: table.sheet, cell: cellOf(table, row, "grade"), row },
        sizeAt: { sheet: table.sheet, cell: cellOf(table, row, "pupils"), row },
      });
    }
  return [...byKey.values()];
}

/** How a grade or class written in a PE timetable or a session list matches the groups. */
interface Match {
  ids: string[];
  /** Set when a class matched its grade: lessons of the grade's classes are combined (the least). */
  viaClass?: string;
}

function matchGroup(text: string, groups: readonly GroupRow[]): Match {
  const k = key(text);
  const exact = groups.filter((g) => key(g.group.name) === k);
  if (exact.length > 0) return { ids: exact.map((g) => g.group.id) };
  const grade = gradeNumber(text);
  if (grade !== undefined) {
    const same = groups.filter((g) => g.grade === grade);
    if (same.length > 0) return { ids: same.map((g) => g.group.id) };
    // Groups are classes: a grade's lessons or session reach each of its classes.
    return { ids: groups.filter((g) => g.classOf === grade).map((g) => g.group.id) };
  }
  const of = classGrade(text);
  if (of !== undefined)
    return { ids: groups.filter((g) => g.grade === of).map((g) => g.group.id), viaClass: k };
  return { ids: [] };
}

/**
 * Groups to judge the daily activity of when there is no grade sizes table: the grades named in the
 * PE timetable and the after-school sessions, or the whole school.
 */
function impliedGroups(ctx: CheckContext): GroupRow[] {
  const grades = new Set<number>();
  for (const { rows } of ctx.tablesOf(peTimetable))
    for (const { values } of rows) {
      const g =
        (values.grade === undefined ? undefined : gradeNumber(values.grade)) ??
        (values.className === undefined ? undefined : classGrade(values.className));
      if (g !== undefined) grades.add(g);
    }
  for (const { rows } of ctx.tablesOf(afterSchool))
    for (const { values } of rows) {
      const sel = values.grades === undefined ? undefined : parseGrades(values.grades);
      if (sel && !sel.all) for (const g of sel.grades) grades.add(g);
    }
  if (grades.size === 0)
    return [{ group: { id: "school", name: localize(MSG.wholeSchool, ctx.lang), size: 0 } }];
  return [...grades]
    .sort((a, b) => a - b)
    .map((g) => ({ group: { id: `grade-${g}`, name: `${DIGITS_CN[g] ?? g}年级`, size: 0 }, grade: g }));
}

/**
 * The PE lessons of each group and weekday. Rows naming the grade count for it; rows naming classes of
 * a grade count for the grade as the least any of those classes has that day (so every class has at
 * least that much). A table without a grade or class column counts for every group; with a 科目
 * column, only its PE rows count.
 */
function readPeLessons(
  ctx: CheckContext,
  groups: readonly GroupRow[],
  findings: Finding[],
  t: (text: Bilingual, params?: Record<string, unknown>) => string,
): PeLessons[] {
  const direct = new Map<string, number>(); // `${id}|${weekday}`
  const byClass = new Map<string, Map<string, Map<number, number>>>(); // id → class → weekday → lessons
  const given = new Set<string>();
  for (const { table, rows } of ctx.tablesOf(peTimetable)) {
    const columns = table.columns as Record<string, number | undefined>;
    const hasGroup = columns.grade !== undefined || columns.className !== undefined;
    for (const { row, values, unreadable } of rows) {
      if (values.subject !== undefined && !PE_RE.test(values.subject.replace(/\s+/g, ""))) continue;
      if (unreadable?.includes("lessons")) continue;
      const lessons = values.lessons ?? (columns.lessons === undefined ? 1 : 0);
      let match: Match;
      let field = "grade";
      if (!hasGroup) match = { ids: groups.map((g) => g.group.id) };
      else {
        const name = values.className ?? values.grade;
        field = values.className !== undefined ? "className" : "grade";
        if (name === undefined) continue;
        match = matchGroup(name, groups);
        if (match.ids.length === 0) {
          findings.push({
            rule: "sports/unknown-grade",
            severity: "info",
            message: t(MSG.unknownPe, { name }),
            clause: CLAUSE,
            sheet: table.sheet,
            cell: cellOf(table, row, field),
            row,
            data: { name },
          });
          continue;
        }
      }
      for (const id of match.ids) {
        given.add(id);
        for (const weekday of values.weekday) {
          if (match.viaClass === undefined) {
            direct.set(`${id}|${weekday}`, (direct.get(`${id}|${weekday}`) ?? 0) + lessons);
            continue;
          }
          const classes = byClass.get(id) ?? new Map<string, Map<number, number>>();
          byClass.set(id, classes);
          const days = classes.get(match.viaClass) ?? new Map<number, number>();
          classes.set(match.viaClass, days);
          days.set(weekday, (days.get(weekday) ?? 0) + lessons);
        }
      }
    }
  }
  const out: PeLessons[] = [];
  for (const id of [...given].sort()) {
    for (let weekday = 1; weekday <= 7; weekday++) {
      const classes = [...(byClass.get(id)?.values() ?? [])];
      const least = classes.length === 0 ? 0 : Math.min(...classes.map((days) => days.get(weekday) ?? 0));
      const lessons = (direct.get(`${id}|${weekday}`) ?? 0) + least;
      // An entry of 0 still says the group's timetable was given.
      out.push({ group: id, weekday, lessons });
    }
  }
  return out;
}

/** A session read from the after-school table, with where it was written. */
interface SessionRow {
  session: AfterSchoolSession;
  weekdayAt: At;
}

function readSessions(
  ctx: CheckContext,
  groups: readonly GroupRow[],
  findings: Finding[],
  t: (text: Bilingual, params?: Record<string, unknown>) => string,
): SessionRow[] {
  const out: SessionRow[] = [];
  for (const { table, rows } of ctx.tablesOf(afterSchool))
    for (const { row, values } of rows) {
      let ids: string[] | undefined;
      if (values.grades !== undefined) {
        const sel = parseGrades(values.grades);
        if (!sel.all) {
          const found = new Set<string>();
          const names = [
            ...sel.grades.map((g) => ({ name: `${DIGITS_CN[g] ?? g}年级`, grade: g })),
            ...sel.names.map((name) => ({ name, grade: undefined })),
          ];
          for (const { name, grade } of names) {
            const match =
              grade === undefined
                ? matchGroup(name, groups)
                : {
                    ids: groups
                      .filter((g) => g.grade === grade || (g.grade === undefined && g.classOf === grade))
                      .map((g) => g.group.id),
                  };
            // A session for one class does not count for its whole grade.
            const ids = match.viaClass === undefined ? match.ids : [];
            for (const id of ids) found.add(id);
            if (ids.length === 0)
              findings.push({
                rule: "sports/unknown-grade",
                severity: "info",
                message: t(MSG.unknownSession, { activity: values.activity, name }),
                clause: CLAUSE,
                sheet: table.sheet,
                cell: cellOf(table, row, "grades"),
                row,
                data: { activity: values.activity, name },
              });
          }
          ids = [...found];
        }
      }
      // The weekend part of "每天" is no school time; a session only at the weekend is reported.
      const schoolDays = values.weekday.filter((d) => d <= 5);
      for (const weekday of schoolDays.length > 0 ? schoolDays : values.weekday)
        out.push({
          session: {
            weekday,
            name: values.activity,
            minutes: values.minutes,
            ...(ids === undefined ? {} : { groups: ids }),
          },
          weekdayAt: { sheet: table.sheet, cell: cellOf(table, row, "weekday"), row },
        });
    }
  return out;
}

/** A venue read from the venues tables, with where its name was written. */
interface VenueRow {
  venue: RecessVenue;
  at: At;
}

function readVenues(ctx: CheckContext): VenueRow[] {
  const out: VenueRow[] = [];
  for (const { table, rows } of ctx.tablesOf(venues))
    for (const { row, values } of rows)
      out.push({
        venue: { name: values.venue, capacity: values.capacity },
        at: { sheet: table.sheet, cell: cellOf(table, row, "venue"), row },
      });
  return out;
}

type Programme = ParsedTable<(typeof recessSegments)["fields"]>;

/** The segments of a programme table; a 场地 naming a known venue is given in that venue's spelling. */
function segmentsOf(programme: Programme, venueRows: readonly VenueRow[]): RecessSegment[] {
  return programme.rows.map(({ values }) => {
    const place = values.venue === undefined ? undefined : key(values.venue);
    if (place === undefined || ROTATION_RE.test(place))
      return { name: values.segment, minutes: values.minutes };
    const known = venueRows.find((v) => key(v.venue.name) === place);
    return {
      name: values.segment,
      minutes: values.minutes,
      venue: known ? known.venue.name : normalizeText(values.venue ?? ""),
    };
  });
}

/**
 * Checks the big recess programme and the daily physical activity it feeds (三(五)1: 阳光体育大课间,
 * extended into the after-school service time; nationally at least 2 hours of activity a day, 教育强国
 * 建设规划纲要 2024–2035, and a big recess of at least 30 minutes), with {@link planBigRecess}:
 *
 * - `sports/recess-too-short` (warning): a programme shorter than 大课间时长, at its totals row's or its
 *   last segment's minutes cell, with the total and the minutes missing;
 * - `sports/recess-segment-minutes` (warning): a segment of 0 minutes or less, at its minutes cell;
 * - `sports/venue-over-capacity` (warning): a segment that puts everyone on one venue of the venues table
 *   (场地 = 操场) when all the grades together are more than it holds, at the segment's 场地 cell;
 * - `sports/group-without-venue` (warning): a grade the rotation cannot give a venue on some weekdays
 *   (too big for every venue, or more pupils than the venues hold), at its 人数 cell, naming its size
 *   and the largest venue;
 * - `sports/daily-activity-short` (warning): a grade below 每日活动目标 on some weekdays, one finding a
 *   grade listing the days and totals, saying when PE lessons or after-school sessions were not given
 *   (the totals are then a lower bound); at the grade's cell;
 * - `sports/no-venue-rotation` (info, once): the programme has a venue part but the workbook lacks the
 *   venues table or the grade sizes table;
 * - `sports/duplicate-venue` (warning): a venue listed twice (the smaller capacity is used), at the later row;
 * - `sports/unknown-grade` (info): a PE timetable or after-school row naming a grade or class that is
 *   not in the grade sizes table;
 * - `sports/after-school-off-day` (info): an after-school session on a weekend day, not counted;
 * - `sports/rotation-search-limit` (info): more than 12 grades and the search for the best rotation
 *   was cut short.
 *
 * The programme is the first recess table in the workbook; every further one is only judged for its
 * length. Daily activity = the recess (without its venue part on a day a grade has no venue) + PE
 * lessons × 体育课时长 + after-school sessions + 早操时长, Monday to Friday.
 *
 * It publishes "大课间流程" (segment, start and end in minutes from the start, minutes, venue),
 * "大课间场地轮换" (a row a grade, a column a weekday) and "每日活动时间" (a row a grade and weekday:
 * recess, PE, after-school, other, total, target).
 *
 * Settings: 大课间时长 (the shortest programme, minutes, default 30); 每日活动目标 (default 120
 * minutes; "2小时" reads too); 体育课时长 (minutes a PE lesson, default 40); 早操时长 (other daily
 * activity counted for every grade, e.g. morning exercise, default 0).
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkRecess(ctx); // and the reports sports.recess-programme, sports.venue-rotation, sports.daily-activity
 */
export function checkRecess(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const programmes = ctx.tablesOf(recessSegments).filter((p) => p.rows.length > 0);
  const [main] = programmes;
  if (!main) return [];
  const minMinutes = ctx.setting(["大课间时长", "大课间最短时长", "big recess minutes"], minutesCell(), 30);
  const dailyTargetMinutes = ctx.setting(
    ["每日活动目标", "每日体育活动时间", "每天体育活动时间", "daily activity target"],
    minutesCell(),
    120,
  );
  const peLessonMinutes = ctx.setting(
    ["体育课时长", "每节体育课时长", "PE lesson minutes"],
    minutesCell(),
    40,
  );
  const otherDailyMinutes = ctx.setting(
    ["早操时长", "其他每日活动时长", "morning exercise minutes"],
    minutesCell(),
    0,
  );
  const findings: Finding[] = [];

  const gradeRows = readGroups(ctx);
  const groups = gradeRows.length > 0 ? gradeRows : impliedGroups(ctx);
  const venueRows = readVenues(ctx);
  const peLessons = readPeLessons(ctx, groups, findings, t);
  const sessions = readSessions(ctx, groups, findings, t);
  const useVenues = gradeRows.length > 0 && venueRows.length > 0;

  const plan = planBigRecess({
    segments: segmentsOf(main, venueRows),
    groups: groups.map((g) => g.group),
    venues: useVenues ? venueRows.map((v) => v.venue) : [],
    minMinutes,
    afterSchool: sessions.map((s) => s.session),
    peLessons,
    peLessonMinutes,
    otherDailyMinutes,
    dailyTargetMinutes,
  });

  const headerAt = (p: Programme): At => ({
    sheet: p.table.sheet,
    cell: cellOf(p.table, p.table.headerRow, "segment"),
    row: p.table.headerRow,
  });
  const groupById = new Map(groups.map((g) => [g.group.id, g]));
  const finding = (
    w: RecessWarning,
    rule: string,
    severity: Finding["severity"],
    at: At | undefined,
  ): Finding => ({
    rule,
    severity,
    message: localize(w.message, ctx.lang),
    clause: CLAUSE,
    ...(at ?? {}),
    data: w.data,
  });

  // Every programme is judged for its length and its segments.
  programmes.forEach((programme, i) => {
    const result = i === 0 ? plan : planBigRecess({ segments: segmentsOf(programme, venueRows), minMinutes });
    const { table, rows } = programme;
    for (const w of result.warnings) {
      if (w.code === "recess-too-short") {
        const last = table.totalsRow ?? (rows[rows.length - 1]?.row as number);
        findings.push(
          finding(w, "sports/recess-too-short", "warning", {
            sheet: table.sheet,
            cell: cellOf(table, last, "minutes"),
            row: last,
          }),
        );
      } else if (w.code === "segment-minutes" || w.code === "venue-over-capacity") {
        const row = rows[w.segment ?? -1]?.row;
        if (row === undefined) continue;
        const [rule, field] =
          w.code === "segment-minutes"
            ? ["sports/recess-segment-minutes", "minutes"]
            : ["sports/venue-over-capacity", "venue"];
        findings.push(
          finding(w, rule, "warning", { sheet: table.sheet, cell: cellOf(table, row, field), row }),
        );
      }
    }
  });

  for (const w of plan.warnings) {
    const group = w.group === undefined ? undefined : groupById.get(w.group);
    switch (w.code) {
      case "group-without-venue":
        findings.push(finding(w, "sports/group-without-venue", "warning", group?.sizeAt ?? group?.nameAt));
        break;
      case "daily-activity-short":
        findings.push(finding(w, "sports/daily-activity-short", "warning", group?.nameAt ?? headerAt(main)));
        break;
      case "session-off-day":
        findings.push(
          finding(w, "sports/after-school-off-day", "info", sessions[w.session ?? -1]?.weekdayAt),
        );
        break;
      case "duplicate-venue": {
        const rows = venueRows.filter((v) => v.venue.name === w.venue);
        findings.push(finding(w, "sports/duplicate-venue", "warning", rows[rows.length - 1]?.at));
        break;
      }
      case "search-limit":
        findings.push(finding(w, "sports/rotation-search-limit", "info", venueRows[0]?.at));
        break;
      default:
        break;
    }
  }

  if (plan.venueMinutes > 0 && !useVenues) {
    const message = gradeRows.length > 0 ? MSG.noVenues : venueRows.length > 0 ? MSG.noGrades : MSG.noBoth;
    findings.push({
      rule: "sports/no-venue-rotation",
      severity: "info",
      message: t(message),
      clause: CLAUSE,
      ...headerAt(main),
      data: { venues: venueRows.length, grades: gradeRows.length },
    });
  }

  ctx.report(programmeReport(programmes, venueRows, plan, minMinutes, t));
  if (plan.rotationBuilt) ctx.report(rotationReport(plan, t));
  if (plan.activity.length > 0) ctx.report(activityReport(plan, t));
  return findings;
}

/** "大课间流程": every programme's segments with their minutes from the start. */
function programmeReport(
  programmes: readonly Programme[],
  venueRows: readonly VenueRow[],
  plan: BigRecessPlan,
  minMinutes: number,
  t: (text: Bilingual, params?: Record<string, unknown>) => string,
): Report {
  const several = programmes.length > 1;
  const rows = programmes.flatMap((programme, i) => {
    const p = i === 0 ? plan : planBigRecess({ segments: segmentsOf(programme, venueRows), minMinutes });
    return [
      ...p.segments.map((s) => ({
        ...(several ? { sheet: programme.table.sheet } : {}),
        segment: s.name,
        start: s.start,
        end: s.end,
        minutes: s.minutes,
        venue:
          s.venue ?? t(i === 0 && plan.rotationBuilt && s.venueNeeded ? MSG.rotationVenue : MSG.ownVenue),
      })),
      {
        ...(several ? { sheet: programme.table.sheet } : {}),
        segment: t(MSG.total),
        start: null,
        end: null,
        minutes: p.totalMinutes,
        venue: null,
      },
    ];
  });
  return {
    id: "sports.recess-programme",
    title: tr("大课间流程", "Big recess programme"),
    sheetName: tr("大课间流程", "Recess programme"),
    columns: [
      ...(several ? [{ key: "sheet", title: tr("方案", "Programme"), width: 14 }] : []),
      { key: "segment", title: tr("环节", "Segment"), width: 14 },
      { key: "start", title: tr("开始（第几分钟）", "Starts at (min)") },
      { key: "end", title: tr("结束（第几分钟）", "Ends at (min)") },
      { key: "minutes", title: tr("时长（分钟）", "Minutes") },
      { key: "venue", title: tr("场地", "Venue"), width: 14 },
    ],
    rows,
  };
}

/** "大课间场地轮换": a row a grade, a column a weekday, the venue in each cell. */
function rotationReport(
  plan: BigRecessPlan,
  t: (text: Bilingual, params?: Record<string, unknown>) => string,
): Report {
  return {
    id: "sports.venue-rotation",
    title: tr("大课间场地轮换", "Big recess venue rotation"),
    sheetName: tr("大课间场地轮换", "Venue rotation"),
    columns: [
      { key: "group", title: tr("年级", "Grade"), width: 10 },
      { key: "size", title: tr("人数", "Pupils") },
      ...plan.weekdays.map((d) => ({ key: `d${d}`, title: weekdayName(d), width: 12 })),
    ],
    rows: plan.groups.map((g) => {
      const row: Record<string, string | number | null> = { group: g.name, size: g.size };
      for (const day of plan.rotation) {
        const venue = day.assignments.find((a) => a.group === g.id)?.venue ?? null;
        row[`d${day.weekday}`] = venue ?? t(MSG.noVenue);
      }
      return row;
    }),
  };
}

/** "每日活动时间": a row a grade and weekday, the minutes by source, the total and the target. */
function activityReport(
  plan: BigRecessPlan,
  t: (text: Bilingual, params?: Record<string, unknown>) => string,
): Report {
  const rows = [...plan.activity]
    .sort((a, b) => compareNames(a.name, b.name))
    .flatMap((a) =>
      a.days.map((d) => ({
        group: a.name,
        weekday: t(weekdayName(d.weekday)),
        recess: d.recessMinutes,
        pe: d.peMinutes,
        afterSchool: d.afterSchoolMinutes,
        other: d.otherMinutes,
        total: d.totalMinutes,
        target: plan.dailyTargetMinutes,
        status:
          d.totalMinutes >= plan.dailyTargetMinutes
            ? t(MSG.reached)
            : t(MSG.missing, { minutes: plan.dailyTargetMinutes - d.totalMinutes }),
      })),
    );
  return {
    id: "sports.daily-activity",
    title: tr("每日活动时间", "Daily physical activity"),
    sheetName: tr("每日活动时间", "Daily activity"),
    columns: [
      { key: "group", title: tr("年级", "Grade"), width: 10 },
      { key: "weekday", title: tr("星期", "Weekday") },
      { key: "recess", title: tr("大课间（分钟）", "Big recess (min)") },
      { key: "pe", title: tr("体育课（分钟）", "PE (min)") },
      { key: "afterSchool", title: tr("课后服务（分钟）", "After school (min)") },
      { key: "other", title: tr("其他（分钟）", "Other (min)") },
      { key: "total", title: tr("合计（分钟）", "Total (min)") },
      { key: "target", title: tr("目标（分钟）", "Target (min)") },
      { key: "status", title: tr("是否达标", "Target met"), width: 12 },
    ],
    rows,
  };
}

/** The big recess check as the apps run it (三(五)1). */
export const recessCheck: Check = {
  id: "sports/big-recess",
  title: tr("阳光体育大课间", "Sunshine big recess"),
  kinds: [recessSegments],
  run: checkRecess,
};
