import {
  addDaysIso,
  type Bilingual,
  type Finding,
  type IsoDate,
  localize,
  normalizeText,
  type SemesterSpan,
  wholeSemesters,
} from "@houqin/core";
import {
  type Check,
  type CheckContext,
  cellOf,
  cells,
  judgedPeriod,
  type RecognizedTable,
  type Report,
} from "@houqin/workbook";
import { type DispenserType, dispensers, dispenserTypeOf, type ReportPosted } from "./dispenserKinds.js";

const CLAUSE = "三(三)8";

/** The default warning period before a semester ends, in school days (setting 饮水机提醒天数). */
export const DEFAULT_DISPENSER_REMINDER_DAYS = 10;

const MSG = {
  filterMissed: {
    "zh-CN":
      "{semester}（{from} 至 {to}）学生饮水机“{name}”{place}没有更换滤芯的记录，计划要求每学期更换滤芯",
    en: "Student dispenser “{name}”{place} has no filter change in {semester} ({from} to {to}); the plan asks for one every semester",
  },
  filterDue: {
    "zh-CN": "{semester}将于 {to} 结束，只剩 {days} 个上学日，学生饮水机“{name}”{place}本学期还没有更换滤芯",
    en: "Student dispenser “{name}”{place} has not had its filter changed this semester, and {semester} ends on {to}, {days} school days from now",
  },
  testMissed: {
    "zh-CN":
      "{semester}（{from} 至 {to}）学生饮水机“{name}”{place}没有第三方水质检测记录，计划要求每学期由第三方检测水质",
    en: "Student dispenser “{name}”{place} has no third-party water test in {semester} ({from} to {to}); the plan asks for one every semester",
  },
  testDue: {
    "zh-CN":
      "{semester}将于 {to} 结束，只剩 {days} 个上学日，学生饮水机“{name}”{place}本学期还没有做水质检测",
    en: "Student dispenser “{name}”{place} has not had its water tested this semester, and {semester} ends on {to}, {days} school days from now",
  },
  notPosted: {
    "zh-CN": "学生饮水机“{name}”{place}{tested} 的水质检测报告（{semester}）没有上墙公示",
    en: "The water test report of student dispenser “{name}”{place} of {tested} ({semester}) was not posted",
  },
  notPostedDue: {
    "zh-CN":
      "{semester}将于 {to} 结束，只剩 {days} 个上学日，学生饮水机“{name}”{place}{tested} 的水质检测报告还没有上墙公示",
    en: "The water test report of student dispenser “{name}”{place} of {tested} is not posted yet, and {semester} ends on {to}, {days} school days from now",
  },
  cleanMissed: {
    "zh-CN":
      "{semester}（{from} 至 {to}）教师饮水机“{name}”{place}没有清洗消毒的记录，计划要求每学期清洗消毒",
    en: "Teacher dispenser “{name}”{place} was not cleaned and disinfected in {semester} ({from} to {to}); the plan asks for it every semester",
  },
  cleanDue: {
    "zh-CN": "{semester}将于 {to} 结束，只剩 {days} 个上学日，教师饮水机“{name}”{place}本学期还没有清洗消毒",
    en: "Teacher dispenser “{name}”{place} has not been cleaned and disinfected this semester, and {semester} ends on {to}, {days} school days from now",
  },
  noColumn: {
    "zh-CN": "饮水机台账没有“{field}”一栏，无法核对{duty}",
    en: "The dispenser register has no “{field}” column, so {duty} cannot be checked",
  },
  place: { "zh-CN": "（{place}）", en: " ({place})" },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

const DUTY = {
  filterChanged: tr("学生饮水机每学期是否更换滤芯", "the filter change of student dispensers every semester"),
  waterTested: tr("学生饮水机每学期的第三方水质检测", "the third-party water test of student dispensers"),
  reportPosted: tr("水质检测报告是否上墙公示", "whether the water test reports were posted"),
  cleaned: tr("教师饮水机每学期是否清洗消毒", "the cleaning of teacher dispensers every semester"),
} satisfies Record<string, Bilingual>;

type DateField = "filterChanged" | "cleaned" | "waterTested";
type Field = DateField | "reportPosted";

/** The rule of each duty. */
const RULE: Record<Field, string> = {
  filterChanged: "canteen/filter-not-changed",
  waterTested: "canteen/water-test-missing",
  reportPosted: "canteen/water-report-not-posted",
  cleaned: "canteen/dispenser-not-cleaned",
};

interface Entry {
  table: RecognizedTable;
  row: number;
  values: {
    dispenser: string;
    place?: string;
    type?: DispenserType;
    filterChanged?: IsoDate;
    cleaned?: IsoDate;
    waterTested?: IsoDate;
    reportPosted?: ReportPosted;
    tester?: string;
  };
  unreadable: readonly string[];
}

/** One dispenser: its rows taken together. */
interface Unit {
  name: string;
  place?: string;
  type: DispenserType;
  /** Where the type came from: the type column, the place or name, or the default (student). */
  typeFrom: "column" | "text" | "default";
  entries: Entry[];
}

interface Window extends SemesterSpan {
  /** The first day whose work counts for the semester: the day after the one before it ended. */
  creditFrom: IsoDate;
}

/** A dispenser's name as compared: half-width, no spaces, lower case. */
function unitKey(name: string): string {
  return normalizeText(name).replace(/\s+/g, "").toLowerCase();
}

/** Groups the register's rows by dispenser, in the order they first appear. */
function groupUnits(ctx: CheckContext): Unit[] {
  const units = new Map<string, Unit>();
  for (const parsed of ctx.tablesOf(dispensers)) {
    for (const r of parsed.rows) {
      const key = unitKey(r.values.dispenser);
      const unit = units.get(key) ?? {
        name: r.values.dispenser,
        type: "student",
        typeFrom: "default",
        entries: [],
      };
      units.set(key, unit);
      unit.entries.push({
        table: parsed.table as RecognizedTable,
        row: r.row,
        values: r.values,
        unreadable: r.unreadable ?? [],
      });
      if (unit.place === undefined && r.values.place !== undefined) unit.place = r.values.place;
      if (unit.typeFrom !== "column" && r.values.type !== undefined) {
        unit.type = r.values.type;
        unit.typeFrom = "column";
      }
    }
  }
  for (const unit of units.values()) {
    if (unit.typeFrom !== "default") continue;
    const unknown = unit.entries.some((e) => e.unreadable.includes("type"));
    const inferred = unknown ? undefined : dispenserTypeOf(`${unit.name} ${unit.place ?? ""}`);
    if (inferred) {
      unit.type = inferred;
      unit.typeFrom = "text";
    }
  }
  return [...units.values()];
}

/** At most this many semesters are judged, the latest: an old register is not flooded with findings. */
export const MAX_JUDGED_SEMESTERS = 4;

/**
 * The semesters judged, each with the days whose work counts for it (from the day after the
 * semester before it ended: work in a holiday readies the dispensers for the semester after it).
 * From the semester of the register's first date (or, with no date at all, the last semester
 * ended by "today") to the one under way on "today" — a register that stopped is short of every
 * semester since — keeping the last {@link MAX_JUDGED_SEMESTERS}.
 */
function judgedSemesters(ctx: CheckContext, dates: readonly IsoDate[]): Window[] {
  const period = judgedPeriod(ctx, dates);
  let spans: SemesterSpan[];
  if (period) {
    spans = period.from <= ctx.asOf ? wholeSemesters(ctx.calendar, period.from, ctx.asOf) : [];
  } else {
    // Nothing ever recorded: the last semester that has ended, and the one under way.
    const recent = wholeSemesters(ctx.calendar, addDaysIso(ctx.asOf, -400), ctx.asOf);
    const lastEnded = recent.filter((s) => s.end < ctx.asOf).at(-1);
    spans = recent.filter((s) => s === lastEnded || (s.start <= ctx.asOf && ctx.asOf <= s.end));
  }
  spans = spans.filter((s) => s.start <= ctx.asOf).slice(-MAX_JUDGED_SEMESTERS);
  const configured = ctx.calendar.semesters;
  return spans.map((s) => {
    const i = configured.findIndex((c) => c.start === s.start);
    const before = i > 0 ? configured[i - 1] : undefined;
    // The first configured semester takes in the summer holiday before it (two months).
    const creditFrom = before ? addDaysIso(before.end, 1) : i === 0 ? addDaysIso(s.start, -62) : s.start;
    return { ...s, creditFrom };
  });
}

const inWindow = (d: IsoDate | undefined, w: Window): d is IsoDate =>
  d !== undefined && d >= w.creditFrom && d <= w.end;

/** How a duty stands for a dispenser in a semester. */
type DutyState = "done" | "missed" | "due" | "open" | "unknown" | "not-required";

interface SemesterRow {
  unit: Unit;
  semester: Window;
  filter: IsoDate[];
  tested: IsoDate[];
  posted: "yes" | "no" | "unknown" | "none";
  cleaned: IsoDate[];
  testers: string[];
  states: Partial<Record<Field, DutyState>>;
}

/**
 * Checks the water dispenser register against 三(三)8, semester by semester:
 * - `canteen/filter-not-changed` (error): a student dispenser without a filter change in a semester
 *   that has ended;
 * - `canteen/water-test-missing` (error): a student dispenser without a third-party water test in a
 *   semester that has ended; `canteen/water-report-not-posted` (warning): tested, report not posted;
 * - `canteen/dispenser-not-cleaned` (error): a teacher dispenser not cleaned and disinfected in a
 *   semester that has ended (student dispensers clean themselves every day: no log is asked for);
 * - for the semester under way, `canteen/filter-not-changed-due`, `canteen/water-test-missing-due`,
 *   `canteen/water-report-not-posted-due` and `canteen/dispenser-not-cleaned-due` (warnings) once
 *   fewer than 饮水机提醒天数 school days remain and the work is not done;
 * - info, once, when the register has no column for a duty it would need.
 *
 * The semesters judged run from the one of the register's first date (with no date at all, the last
 * one ended) to the one under way on ctx.asOf, the last {@link MAX_JUDGED_SEMESTERS} of them.
 * Work done in the holiday before a semester counts for it. A dispenser of unknown type is checked
 * as a student one (it has more duties); a blank type is taken from its name or place (办公室 →
 * teacher) when they say.
 *
 * Setting: 饮水机提醒天数 (school days before a semester ends to warn, default
 * {@link DEFAULT_DISPENSER_REMINDER_DAYS}).
 *
 * Publishes "饮水机学期维护情况" (`canteen.dispensers`): per dispenser and semester, its type and
 * the dates of each duty, and its status.
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkDispensers(ctx); // and ctx.report({ id: "canteen.dispensers", … })
 */
export function checkDispensers(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const tables = ctx.tablesOf(dispensers);
  const first = tables[0];
  if (!first) return [];
  const remindDays = ctx.setting(
    ["饮水机提醒天数", "饮水机维护提醒天数", "饮水机到期提醒天数", "dispenser reminder days"],
    cells.integer(),
    DEFAULT_DISPENSER_REMINDER_DAYS,
  );
  const units = groupUnits(ctx);
  const dates = units.flatMap((u) =>
    u.entries.flatMap((e) =>
      [e.values.filterChanged, e.values.cleaned, e.values.waterTested, e.values.reportPosted?.date].filter(
        (d): d is IsoDate => d !== undefined,
      ),
    ),
  );
  const semesters = judgedSemesters(ctx, dates);
  const findings: Finding[] = [];
  const hasColumn = (field: Field) =>
    tables.some((p) => (p.table.columns as Record<string, number | undefined>)[field] !== undefined);

  // A duty the register has no column for is said once, not per dispenser.
  const needed: Field[] = [];
  if (units.some((u) => u.type === "student")) needed.push("filterChanged", "waterTested", "reportPosted");
  if (units.some((u) => u.type === "teacher")) needed.push("cleaned");
  for (const field of needed) {
    if (hasColumn(field)) continue;
    if (field === "reportPosted" && !hasColumn("waterTested")) continue;
    findings.push({
      rule: RULE[field],
      severity: "info",
      message: t(MSG.noColumn, { field: t(dispensers.fields[field].title), duty: t(DUTY[field]) }),
      clause: CLAUSE,
      sheet: first.table.sheet,
      cell: cellOf(first.table as RecognizedTable, first.table.headerRow, "dispenser"),
      row: first.table.headerRow,
    });
  }

  const rows: SemesterRow[] = [];
  for (const unit of units) {
    const last = unit.entries[unit.entries.length - 1];
    if (!last) continue;
    const place = unit.place === undefined ? "" : t(MSG.place, { place: unit.place });
    const unreadable = (field: Field) => unit.entries.some((e) => e.unreadable.includes(field));
    const recorded = (field: Field) =>
      unit.entries.some((e) => (e.table.columns as Record<string, number | undefined>)[field] !== undefined);
    for (const semester of semesters) {
      const ended = semester.end < ctx.asOf;
      const remaining = ended ? 0 : ctx.calendar.schoolDaysBetween(ctx.asOf, semester.end);
      const due = !ended && remaining < remindDays;
      const datesOf = (field: DateField) =>
        unit.entries
          .map((e) => e.values[field])
          .filter((d) => inWindow(d, semester))
          .sort();
      const row: SemesterRow = {
        unit,
        semester,
        filter: datesOf("filterChanged"),
        tested: datesOf("waterTested"),
        posted: "none",
        cleaned: datesOf("cleaned"),
        testers: [
          ...new Set(
            unit.entries
              .filter((e) => inWindow(e.values.waterTested, semester) && e.values.tester !== undefined)
              .map((e) => e.values.tester as string),
          ),
        ],
        states: {},
      };
      rows.push(row);
      const params = {
        semester: semester.name,
        from: semester.start,
        to: semester.end,
        name: unit.name,
        place,
        days: remaining,
      };
      const data = {
        dispenser: unit.name,
        ...(unit.place === undefined ? {} : { place: unit.place }),
        type: unit.type,
        semester: { name: semester.name, start: semester.start, end: semester.end },
      };
      // A register kept a row per semester is pointed at that semester's row; else at the last row.
      const at =
        [...unit.entries]
          .reverse()
          .find((e) =>
            [
              e.values.filterChanged,
              e.values.cleaned,
              e.values.waterTested,
              e.values.reportPosted?.date,
            ].some((d) => inWindow(d, semester)),
          ) ?? last;
      /** A duty with no date in the semester: missed once it has ended, due near its end. */
      const judge = (
        field: DateField,
        found: readonly IsoDate[],
        rule: string,
        missed: Bilingual,
        soon: Bilingual,
      ) => {
        if (found.length > 0) return "done";
        if (!recorded(field) || unreadable(field)) return "unknown";
        if (!ended && !due) return "open";
        findings.push({
          rule: ended ? rule : `${rule}-due`,
          severity: ended ? "error" : "warning",
          message: t(ended ? missed : soon, params),
          clause: CLAUSE,
          sheet: at.table.sheet,
          cell: cellOf(at.table, at.row, field),
          row: at.row,
          data: ended ? data : { ...data, schoolDaysLeft: remaining },
        });
        return ended ? "missed" : "due";
      };
      if (unit.type === "teacher") {
        row.states.cleaned = judge("cleaned", row.cleaned, RULE.cleaned, MSG.cleanMissed, MSG.cleanDue);
        continue;
      }
      row.states.filterChanged = judge(
        "filterChanged",
        row.filter,
        RULE.filterChanged,
        MSG.filterMissed,
        MSG.filterDue,
      );
      row.states.waterTested = judge(
        "waterTested",
        row.tested,
        RULE.waterTested,
        MSG.testMissed,
        MSG.testDue,
      );
      if (row.tested.length === 0) continue;
      // Posted: said on a row of a test of the semester, or a posting date in it.
      const testRows = unit.entries.filter((e) => inWindow(e.values.waterTested, semester));
      const postedRows = unit.entries.filter(
        (e) => e.values.reportPosted?.posted === true && inWindow(e.values.reportPosted.date, semester),
      );
      if (testRows.some((e) => e.values.reportPosted?.posted === true) || postedRows.length > 0) {
        row.posted = "yes";
        row.states.reportPosted = "done";
        continue;
      }
      if (!recorded("reportPosted") || testRows.some((e) => e.unreadable.includes("reportPosted"))) {
        row.posted = "unknown";
        row.states.reportPosted = "unknown";
        continue;
      }
      row.posted = "no";
      if (!ended && !due) {
        row.states.reportPosted = "open";
        continue;
      }
      const testRow = testRows[testRows.length - 1] ?? at;
      const tested = row.tested[row.tested.length - 1];
      row.states.reportPosted = ended ? "missed" : "due";
      findings.push({
        rule: ended ? RULE.reportPosted : `${RULE.reportPosted}-due`,
        severity: "warning",
        message: t(ended ? MSG.notPosted : MSG.notPostedDue, { ...params, tested }),
        clause: CLAUSE,
        sheet: testRow.table.sheet,
        cell: cellOf(testRow.table, testRow.row, "reportPosted"),
        row: testRow.row,
        data: { ...data, waterTested: tested, ...(ended ? {} : { schoolDaysLeft: remaining }) },
      });
    }
  }
  if (rows.length > 0) ctx.report(semesterReport(rows, ctx));
  return findings;
}

const DUTY_NAME: Record<Field, Bilingual> = {
  filterChanged: tr("更换滤芯", "filter change"),
  waterTested: tr("水质检测", "water test"),
  reportPosted: tr("报告公示", "report posting"),
  cleaned: tr("清洗消毒", "cleaning"),
};

/** "饮水机学期维护情况": one row per dispenser and semester. */
function semesterReport(rows: readonly SemesterRow[], ctx: CheckContext): Report {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const dash = "—";
  const sep = t(tr("、", ", "));
  const list = (dates: readonly IsoDate[]) => (dates.length > 0 ? dates.join(sep) : dash);
  const status = (r: SemesterRow): string => {
    const states = Object.entries(r.states) as [Field, DutyState][];
    const missing = (s: DutyState[]) =>
      states.filter(([, state]) => s.includes(state)).map(([field]) => t(DUTY_NAME[field]));
    const missed = missing(["missed"]);
    if (missed.length > 0) return t(tr("未完成：{list}", "Not done: {list}"), { list: missed.join(sep) });
    const soon = missing(["due", "open"]);
    if (soon.length > 0)
      return t(tr("进行中，待完成：{list}", "Under way, to do: {list}"), { list: soon.join(sep) });
    const unknown = missing(["unknown"]);
    if (unknown.length > 0)
      return t(tr("无法核对：{list}", "Cannot check: {list}"), { list: unknown.join(sep) });
    return t(tr("已完成", "Done"));
  };
  const notNeeded = t(tr("不需要", "n/a"));
  const typeText = (u: Unit) => (u.type === "teacher" ? t(tr("教师", "Teacher")) : t(tr("学生", "Student")));
  return {
    id: "canteen.dispensers",
    title: tr("饮水机学期维护情况", "Water dispensers by semester"),
    sheetName: tr("饮水机学期维护情况", "Dispensers by semester"),
    columns: [
      { key: "dispenser", title: tr("饮水机", "Dispenser") },
      { key: "place", title: tr("位置", "Place") },
      { key: "type", title: tr("类型", "Type") },
      { key: "semester", title: tr("学期", "Semester"), width: 20 },
      { key: "filterChanged", title: tr("更换滤芯", "Filter changed"), width: 12 },
      { key: "waterTested", title: tr("水质检测", "Water tested"), width: 12 },
      { key: "tester", title: tr("检测单位", "Tester") },
      { key: "reportPosted", title: tr("报告公示", "Report posted") },
      { key: "cleaned", title: tr("清洗消毒", "Cleaned"), width: 12 },
      { key: "status", title: tr("状态", "Status"), width: 24 },
    ],
    rows: rows.map((r) => {
      const student = r.unit.type === "student";
      const posted = {
        yes: t(tr("已公示", "Posted")),
        no: t(tr("未公示", "Not posted")),
        unknown: t(tr("未记录", "Not recorded")),
        none: dash,
      }[r.posted];
      return {
        dispenser: r.unit.name,
        place: r.unit.place ?? null,
        type: typeText(r.unit),
        semester: r.semester.name,
        filterChanged: student ? list(r.filter) : notNeeded,
        waterTested: student ? list(r.tested) : notNeeded,
        tester: r.testers.length > 0 ? r.testers.join(sep) : null,
        reportPosted: student ? posted : notNeeded,
        cleaned:
          student && r.cleaned.length === 0 ? t(tr("每天自动清洗", "Automatic daily")) : list(r.cleaned),
        status: status(r),
      };
    }),
  };
}

/** The water dispenser check as the apps run it (三(三)8). */
export const dispenserCheck: Check = {
  id: "canteen/dispensers",
  title: tr("饮水机管理", "Water dispensers"),
  kinds: [dispensers],
  run: checkDispensers,
};
