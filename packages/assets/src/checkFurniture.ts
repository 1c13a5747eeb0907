import {
  addDaysIso,
  type Bilingual,
  type Finding,
  type IsoDate,
  type Lang,
  localize,
  monthEnd,
  monthLabel,
  normalizeText,
  type SchoolCalendar,
} from "@houqin/core";
import {
  type CellIssueParams,
  type CellSchema,
  type Check,
  type CheckContext,
  cellOf,
  cells,
  type ParsedTable,
  type Report,
} from "@houqin/workbook";
import { z } from "zod";
import { furnitureCheckLog } from "./useKinds.js";

// ---------------------------------------------------------------------------------------------
// Inspection periods, shared with checkBuildings.ts (not public).

/** How often something is inspected, as the settings say it. */
export type InspectionCadence = "weekly" | "half-monthly" | "monthly" | "quarterly" | "semester";

/** One period of a cadence, both ends inclusive (not clipped to the data). */
export interface InspectionPeriod {
  start: IsoDate;
  end: IsoDate;
  /** The semester's name, for a semester period. */
  name?: string;
}

const CADENCE_WORDS: readonly [RegExp, InspectionCadence][] = [
  [/^(每)?(周|星期|礼拜)(一次|1次)?$|^weekly$/, "weekly"],
  [/^(每)?(半月|半个月|两周|2周)(一次|1次)?$|^(half-?monthly|fortnightly|biweekly)$/, "half-monthly"],
  [/^(每)?(月|个月|1个月|一个月)(一次|1次)?$|^monthly$/, "monthly"],
  [/^(每)?(季|季度|3个月|三个月)(一次|1次)?$|^quarterly$/, "quarterly"],
  [/^(每)?(学期|1学期|一学期)(一次|1次)?$|^(per )?semester$|^termly$/, "semester"],
];

/**
 * A cadence setting: 每周, 每半月, 每月, 每季度, 每学期 (or weekly, half-monthly, monthly, quarterly,
 * semester). Anything else is a finding at the setting's cell, and the default is used.
 */
export function cadenceCell(): CellSchema<InspectionCadence> {
  return cells.text().transform((text, ctx) => {
    const plain = normalizeText(text).toLowerCase().replace(/\s+/g, "");
    for (const [re, cadence] of CADENCE_WORDS) if (re.test(plain)) return cadence;
    const message: Bilingual = {
      "zh-CN": `检查周期“${text}”无法识别，可填写：每周、每半月、每月、每季度、每学期`,
      en: `Inspection period "${text}" is not understood; write weekly, half-monthly, monthly, quarterly or semester`,
    };
    const params: CellIssueParams = { houqin: true, code: "invalid", message };
    ctx.addIssue({ code: "custom", message: message.en, params: { ...params } });
    return z.NEVER;
  });
}

/** How a cadence reads in a message: "每月检查一次", "once a month". */
export const CADENCE_TEXT: Readonly<Record<InspectionCadence, Bilingual>> = {
  weekly: { "zh-CN": "每周检查一次", en: "once a week" },
  "half-monthly": { "zh-CN": "每半月检查一次", en: "twice a month" },
  monthly: { "zh-CN": "每月检查一次", en: "once a month" },
  quarterly: { "zh-CN": "每季度检查一次", en: "once a quarter" },
  semester: { "zh-CN": "每学期检查一次", en: "once a semester" },
};

function lastDayOfMonth(year: number, month: number): IsoDate {
  return monthEnd(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`);
}

function ym(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The semesters that meet a range: the calendar's own, or the conventional halves of each school year
 * (1 September – 31 January, 1 February – 31 August) when it names none.
 */
export function semestersMeeting(calendar: SchoolCalendar, from: IsoDate, to: IsoDate): InspectionPeriod[] {
  if (calendar.semesters.length > 0)
    return calendar.semesters
      .filter((s) => s.start <= to && from <= s.end)
      .map((s) => ({ start: s.start, end: s.end, name: s.name }));
  const spans: InspectionPeriod[] = [];
  for (let year = Number(from.slice(0, 4)) - 1; year <= Number(to.slice(0, 4)); year++) {
    const schoolYear = `${year}–${year + 1}`;
    for (const half of [
      { start: ym(year, 9, 1), end: ym(year + 1, 1, 31), name: `${schoolYear} 第一学期` },
      { start: ym(year + 1, 2, 1), end: lastDayOfMonth(year + 1, 8), name: `${schoolYear} 第二学期` },
    ])
      if (half.start <= to && from <= half.end) spans.push(half);
  }
  return spans;
}

/** The periods of a cadence that meet a range, in order, unclipped. */
export function periodsMeeting(
  cadence: InspectionCadence,
  calendar: SchoolCalendar,
  from: IsoDate,
  to: IsoDate,
): InspectionPeriod[] {
  if (from > to) return [];
  if (cadence === "semester") return semestersMeeting(calendar, from, to);
  const periods: InspectionPeriod[] = [];
  if (cadence === "weekly") {
    const day = new Date(`${from}T00:00:00Z`).getUTCDay();
    for (let start = addDaysIso(from, -((day + 6) % 7)); start <= to; start = addDaysIso(start, 7))
      periods.push({ start, end: addDaysIso(start, 6) });
    return periods;
  }
  const months = cadence === "quarterly" ? 3 : 1;
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  month -= (month - 1) % months;
  for (;;) {
    const lastMonth = month + months - 1;
    const start = ym(year, month, 1);
    if (start > to) break;
    const end = lastDayOfMonth(year, lastMonth);
    if (cadence === "half-monthly") {
      for (const p of [
        { start, end: ym(year, month, 15) },
        { start: ym(year, month, 16), end },
      ])
        if (p.start <= to && from <= p.end) periods.push(p);
    } else if (from <= end) periods.push({ start, end });
    month = lastMonth + 1;
    if (month > 12) {
      month -= 12;
      year++;
    }
  }
  return periods;
}

/** A period as a clerk reads it: "2023年10月", "2023年第4季度", "2023–2024 第一学期". */
export function periodText(period: InspectionPeriod, cadence: InspectionCadence, lang: Lang): string {
  const y = period.start.slice(0, 4);
  const m = Number(period.start.slice(5, 7));
  switch (cadence) {
    case "semester":
      return period.name ?? `${period.start} ~ ${period.end}`;
    case "monthly":
      return monthLabel(period.start, lang);
    case "quarterly":
      return localize({ "zh-CN": "{y}年第{q}季度", en: "{y} Q{q}" }, lang, { y, q: Math.ceil(m / 3) });
    case "half-monthly":
      return localize(
        period.start.endsWith("-01")
          ? { "zh-CN": "{y}年{m}月上半月", en: "the first half of {y}-{mm}" }
          : { "zh-CN": "{y}年{m}月下半月", en: "the second half of {y}-{mm}" },
        lang,
        { y, m, mm: period.start.slice(5, 7) },
      );
    case "weekly":
      return localize({ "zh-CN": "{a} 至 {b} 这一周", en: "the week {a} to {b}" }, lang, {
        a: period.start,
        b: period.end,
      });
  }
}

const DAY_MS = 86_400_000;

/** Whether two dates lie within 60 days of each other. */
function near(a: IsoDate, b: IsoDate | undefined): boolean {
  return b !== undefined && Math.abs(Date.parse(a) - Date.parse(b)) <= 60 * DAY_MS;
}

/**
 * The dates of a log that count for the period it covers: with semesters in the settings, those
 * inside the school year they span (or up to `leadDays` before it); without, those within 60 days of another (a mistyped year must
 * not stretch the period).
 */
export function keptDates(calendar: SchoolCalendar, dates: readonly IsoDate[], leadDays = 0): IsoDate[] {
  const sorted = [...dates].sort();
  const first = calendar.semesters[0];
  const last = calendar.semesters[calendar.semesters.length - 1];
  if (first && last) {
    const from = addDaysIso(first.start, -leadDays);
    return sorted.filter((d) => d >= from && d <= last.end);
  }
  return sorted.filter((d, i) => sorted.length < 3 || near(d, sorted[i - 1]) || near(d, sorted[i + 1]));
}

/** The semester of a date in the calendar's own semesters. */
export function calendarSemesterOf(calendar: SchoolCalendar, date: IsoDate): InspectionPeriod | undefined {
  const s = calendar.semesters.find((x) => x.start <= date && date <= x.end);
  return s ? { start: s.start, end: s.end, name: s.name } : undefined;
}

/**
 * Whether a period is judged: over by "today", and with a school day inside the judged span (a month
 * of holidays has no check due).
 */
export function periodDue(
  period: InspectionPeriod,
  span: { from: IsoDate; to: IsoDate },
  calendar: SchoolCalendar,
  asOf: IsoDate,
): boolean {
  if (period.end >= asOf) return false;
  const a = period.start < span.from ? span.from : period.start;
  const b = period.end > span.to ? span.to : period.end;
  return a <= b && calendar.schoolDays(a, b).length > 0;
}

// ---------------------------------------------------------------------------------------------

const CLAUSE = "三(二)3";

const MSG = {
  missing: {
    "zh-CN": "“{place}”{period}没有课桌椅检查记录（课桌椅应{cadence}）",
    en: "“{place}” has no desk and chair check for {period} (they are checked {cadence})",
  },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** The form class and office names are matched in: "三（2）班 " and "三(2)班" are one class. */
function placeKey(place: string): string {
  return normalizeText(place).replace(/\s+/g, "").toLowerCase();
}

interface PlaceRecord {
  table: ParsedTable<(typeof furnitureCheckLog)["fields"]>;
  row: number;
  date: IsoDate;
}

interface PlaceTally {
  name: string;
  records: PlaceRecord[];
  damaged: number;
  missing: number;
  checks: number;
  missed: number;
}

/** The scoring of the year-end class evaluation, from the settings. */
export interface FurnitureScoring {
  /** 课桌椅评分:基础分, default 100. */
  base: number;
  /** 课桌椅评分:损坏扣分, default 2 per damaged item. */
  perDamaged: number;
  /** 课桌椅评分:丢失扣分, default 5 per missing item. */
  perMissing: number;
}

/** The default scoring: 100 points, 2 off per damaged item, 5 off per missing item. */
export const DEFAULT_FURNITURE_SCORING: FurnitureScoring = { base: 100, perDamaged: 2, perMissing: 5 };

/** Two decimals at most, for points (not money). */
function points(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Checks the periodic desk and chair checks of each class and office (三(二)3):
 * `assets/furniture-check-missing` for each class (or office) and each period with no check (the
 * period is the 课桌椅检查周期 setting, monthly by default). The classes are those the log names; the
 * periods are those the log covers (with semester dates, the whole semesters its records fall in)
 * that are over by "today" and hold a school day.
 *
 * It also publishes the year-end evaluation "班级校产考评": a score per class, the 课桌椅评分:基础分
 * (default 100) less 课桌椅评分:损坏扣分 (default 2) per damaged item and 课桌椅评分:丢失扣分
 * (default 5) per missing item recorded by its checks (never below 0), ranked highest first; equal
 * scores share a rank.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkFurniture(ctx); // and ctx.report({ id: "assets.class-scores", … })
 */
export function checkFurniture(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const cadence = ctx.setting(
    ["课桌椅检查周期", "课桌椅检查频次", "课桌椅检查频率", "furniture check period"],
    cadenceCell(),
    "monthly",
  );
  const scoring: FurnitureScoring = {
    base: ctx.setting(
      ["课桌椅评分:基础分", "课桌椅基础分", "furniture score base"],
      cells.number(),
      DEFAULT_FURNITURE_SCORING.base,
    ),
    perDamaged: ctx.setting(
      ["课桌椅评分:损坏扣分", "课桌椅损坏扣分", "furniture damaged deduction"],
      cells.number(),
      DEFAULT_FURNITURE_SCORING.perDamaged,
    ),
    perMissing: ctx.setting(
      ["课桌椅评分:丢失扣分", "课桌椅丢失扣分", "furniture missing deduction"],
      cells.number(),
      DEFAULT_FURNITURE_SCORING.perMissing,
    ),
  };

  const places = new Map<string, PlaceTally>();
  const allDates: IsoDate[] = [];
  for (const table of ctx.tablesOf(furnitureCheckLog)) {
    for (const { row, values } of table.rows) {
      const key = placeKey(values.place);
      const tally = places.get(key) ?? {
        name: values.place,
        records: [],
        damaged: 0,
        missing: 0,
        checks: 0,
        missed: 0,
      };
      places.set(key, tally);
      tally.records.push({ table, row, date: values.date });
      if (values.date > ctx.asOf) continue;
      allDates.push(values.date);
      tally.checks++;
      tally.damaged += values.damaged ?? 0;
      tally.missing += values.missing ?? 0;
    }
  }

  const findings: Finding[] = [];
  const kept = keptDates(ctx.calendar, allDates);
  const first = kept[0];
  const last = kept[kept.length - 1];
  if (first !== undefined && last !== undefined) {
    const span = {
      from: calendarSemesterOf(ctx.calendar, first)?.start ?? first,
      to: calendarSemesterOf(ctx.calendar, last)?.end ?? last,
    };
    const periods = periodsMeeting(cadence, ctx.calendar, span.from, span.to).filter((p) =>
      periodDue(p, span, ctx.calendar, ctx.asOf),
    );
    for (const tally of places.values()) {
      const records = [...tally.records].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      for (const period of periods) {
        if (records.some((r) => r.date >= period.start && r.date <= period.end)) continue;
        tally.missed++;
        const at = records.find((r) => r.date > period.end) ?? (records[records.length - 1] as PlaceRecord);
        findings.push({
          rule: "assets/furniture-check-missing",
          severity: "warning",
          message: t(MSG.missing, {
            place: tally.name,
            period: periodText(period, cadence, ctx.lang),
            cadence: t(CADENCE_TEXT[cadence]),
          }),
          clause: CLAUSE,
          sheet: at.table.table.sheet,
          cell: cellOf(at.table.table, at.row, "date"),
          row: at.row,
          data: { place: tally.name, from: period.start, to: period.end, cadence },
        });
      }
    }
  }

  if (places.size > 0) ctx.report(classScoreReport([...places.values()], scoring));
  return findings;
}

/** The ranking sheet of the year-end class evaluation. */
function classScoreReport(tallies: readonly PlaceTally[], scoring: FurnitureScoring): Report {
  const scored = tallies.map((tally, order) => {
    const deduction = points(tally.damaged * scoring.perDamaged + tally.missing * scoring.perMissing);
    return { tally, order, deduction, score: Math.max(0, points(scoring.base - deduction)) };
  });
  // Highest score first; equal scores keep the log's order and share a rank (1, 1, 3).
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  let rank = 0;
  const rows = scored.map((s, i) => {
    if (i === 0 || s.score !== scored[i - 1]?.score) rank = i + 1;
    return {
      rank,
      place: s.tally.name,
      checks: s.tally.checks,
      missed: s.tally.missed,
      damaged: s.tally.damaged,
      missing: s.tally.missing,
      deduction: s.deduction,
      score: s.score,
    };
  });
  return {
    id: "assets.class-scores",
    title: tr("班级校产考评", "Class property evaluation"),
    sheetName: tr("班级校产考评", "Class property scores"),
    columns: [
      { key: "rank", title: tr("名次", "Rank") },
      { key: "place", title: tr("班级/办公室", "Class or office"), width: 16 },
      { key: "checks", title: tr("检查次数", "Checks") },
      { key: "missed", title: tr("缺检次数", "Missed checks") },
      { key: "damaged", title: tr("损坏件数", "Damaged") },
      { key: "missing", title: tr("丢失件数", "Missing") },
      { key: "deduction", title: tr("扣分", "Deducted") },
      { key: "score", title: tr("得分", "Score") },
    ],
    rows,
  };
}

/** The desk and chair checks as the apps run them (三(二)3). */
export const furnitureCheck: Check = {
  id: "assets/furniture",
  title: tr("课桌椅检查", "Desk and chair checks"),
  kinds: [furnitureCheckLog],
  run: checkFurniture,
};
