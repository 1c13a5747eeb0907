import {
  type Bilingual,
  type Cell,
  type Finding,
  type IsoDate,
  isBlankCell,
  isCellError,
  localize,
  parseDateCell,
} from "@houqin/core";
import {
  type Check,
  type CheckContext,
  cellAddress,
  cellOf,
  cells,
  type OtherColumn,
  type Report,
} from "@houqin/workbook";
import { byClassThenName } from "./checkCoaching.js";
import { type AttendanceMark, attendance, attendanceSheet, parseAttendanceMark } from "./kinds.js";

const CLAUSE = "三(五)2";

/** Absences in a row that call for a word with the class teacher, when the settings do not say. */
export const DEFAULT_ABSENCES_IN_A_ROW = 3;

const MSG = {
  inARow: {
    "zh-CN": "{student}{cls}{club}连续 {count} 次缺勤（{dates}），请与班主任联系，了解原因",
    en: "{student}{cls} was absent{club} {count} times in a row ({dates}); please contact the class teacher",
  },
  unreadable: {
    "zh-CN": "{student}{cls} {date} 的考勤“{text}”无法识别，应写“√/到”“×/缺勤”或“请假”",
    en: "{student}{cls}'s attendance on {date}, “{text}”, cannot be read; write √/到 (present), ×/缺勤 (absent) or 请假 (on leave)",
  },
} satisfies Record<string, Bilingual>;

const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** One student's mark at one session, and the cell it was read from. */
interface Mark {
  date: IsoDate;
  mark: AttendanceMark;
  sheet: string;
  cell: string;
  row: number;
}

/** A student in a club, with their marks. */
interface Attendee {
  name: string;
  className?: string;
  club: string;
  marks: Map<IsoDate, Mark>;
}

/** The calendar year the school year starts in: the first semester's, the 学年 setting's, or asOf's. */
function schoolYearStart(ctx: CheckContext): number {
  const first = ctx.settings.calendar.semesters?.[0];
  if (first) return Number(first.start.slice(0, 4)) - (Number(first.start.slice(5, 7)) < 8 ? 1 : 0);
  const year = /(\d{4})/.exec(ctx.settings.schoolYear ?? "")?.[1];
  if (year !== undefined) return Number(year);
  return Number(ctx.asOf.slice(0, 4)) - (Number(ctx.asOf.slice(5, 7)) < 8 ? 1 : 0);
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

/**
 * The session date of each column of a register whose header reads as a date ("9月4日", "9.4",
 * "2023-09-04", an Excel serial); undefined for the others (备注, 出勤次数…). A date written without a
 * year takes the year that puts it nearest the register's full dates, else the school year's.
 */
function sessionDates(ctx: CheckContext, columns: readonly OtherColumn[]): (IsoDate | undefined)[] {
  const read = (header: string, defaultYear?: number) => {
    const text = header.trim();
    const serial = /^\d{5,8}(?:\.0+)?$/.test(text) ? Number(text) : undefined;
    const cell: Cell = { value: serial ?? text, text };
    return parseDateCell(cell, {
      dateSystem: ctx.dateSystem,
      ...(defaultYear === undefined ? {} : { defaultYear }),
    });
  };
  const full = columns.map((c) => {
    const parsed = read(c.header);
    return parsed.ok ? parsed.value : undefined;
  });
  const context = full.find((d) => d !== undefined);
  const start = schoolYearStart(ctx);
  return columns.map((c, i) => {
    if (full[i] !== undefined) return full[i];
    const probe = read(c.header, 2000);
    if (!probe.ok) return undefined;
    const month = Number(probe.value.slice(5, 7));
    if (context === undefined) {
      const again = read(c.header, month >= 8 ? start : start + 1);
      return again.ok ? again.value : undefined;
    }
    const year = Number(context.slice(0, 4));
    let best: IsoDate | undefined;
    for (const y of [year, year - 1, year + 1]) {
      const candidate = read(c.header, y);
      if (!candidate.ok) continue;
      if (
        best === undefined ||
        Math.abs(dayNumber(candidate.value) - dayNumber(context)) <
          Math.abs(dayNumber(best) - dayNumber(context))
      )
        best = candidate.value;
    }
    return best;
  });
}

/**
 * Checks club and team attendance (三(五)2) from attendance logs (a row a student a session) and
 * registers (a row a student, a column a session date):
 *
 * - `sports/absent-in-a-row` (warning), at the cell of the Nth absence: a student absent N sessions of
 *   a club in a row (N = setting 连续缺勤次数, default 3), once per run however long it goes on; the
 *   message lists the dates of the whole run and asks for a word with the class teacher. A session on
 *   leave (请假) neither counts nor breaks the run.
 * - `sports/unreadable-attendance` (warning), at the cell: a mark in a register's date column that
 *   reads as neither present, absent nor on leave. Blank cells are no record; columns whose header is
 *   not a date (备注, 出勤次数) are ignored.
 *
 * It publishes "出勤统计" (student, class, club, sessions, present, absent, on leave, attendance rate).
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkAttendance(ctx); // and the report sports.attendance-summary
 */
export function checkAttendance(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const threshold = Math.max(
    1,
    ctx.setting<number>(
      ["连续缺勤次数", "连续缺勤提醒次数", "absences in a row"],
      cells.integer(),
      DEFAULT_ABSENCES_IN_A_ROW,
    ),
  );
  const findings: Finding[] = [];
  const attendees = new Map<string, Attendee>();
  const cls = (className: string | undefined) =>
    className ? t(tr("（{c}）", " ({c})"), { c: className }) : "";
  const record = (
    who: { name: string; className?: string | undefined; club?: string | undefined },
    mark: Mark,
  ) => {
    const club = who.club ?? "";
    const key = `${who.className ?? ""}\u0000${who.name}\u0000${club}`;
    let attendee = attendees.get(key);
    if (!attendee) {
      attendee = {
        name: who.name,
        club,
        marks: new Map(),
        ...(who.className === undefined ? {} : { className: who.className }),
      };
      attendees.set(key, attendee);
    }
    // The first record of a session counts; a copy of it elsewhere in the workbook does not.
    if (!attendee.marks.has(mark.date)) attendee.marks.set(mark.date, mark);
  };

  for (const { table, rows } of ctx.tablesOf(attendance))
    for (const { row, values } of rows)
      record(values, {
        date: values.date,
        mark: values.mark,
        sheet: table.sheet,
        cell: cellOf(table, row, "mark"),
        row,
      });

  for (const { table, rows } of ctx.tablesOf(attendanceSheet)) {
    const columns = table.otherColumns ?? [];
    const dates = sessionDates(ctx, columns);
    for (const { row, values, other } of rows) {
      columns.forEach((column, i) => {
        const date = dates[i];
        const cell = other?.[i];
        if (date === undefined || !cell || isBlankCell(cell)) return;
        const at = { sheet: table.sheet, cell: cellAddress(row, column.column), row };
        const text = isCellError(cell.value)
          ? cell.value.error
          : cell.text !== ""
            ? cell.text
            : String(cell.value ?? "");
        const mark = isCellError(cell.value) ? undefined : parseAttendanceMark(text);
        if (mark === undefined) {
          findings.push({
            rule: "sports/unreadable-attendance",
            severity: "warning",
            message: t(MSG.unreadable, { student: values.name, cls: cls(values.className), date, text }),
            clause: CLAUSE,
            ...at,
            data: { student: values.name, date, text },
          });
          return;
        }
        record(values, { date, mark, ...at });
      });
    }
  }

  const sep = t(tr("、", ", "));
  const list = [...attendees.values()];
  for (const a of list) {
    const sessions = [...a.marks.values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    let run: Mark[] = [];
    const close = () => {
      const nth = run[threshold - 1];
      if (nth) {
        const dates = run.map((m) => m.date);
        findings.push({
          rule: "sports/absent-in-a-row",
          severity: "warning",
          message: t(MSG.inARow, {
            student: a.name,
            cls: cls(a.className),
            club: a.club === "" ? "" : t(tr("在{club}", " from {club}"), { club: a.club }),
            count: run.length,
            dates: dates.join(sep),
          }),
          clause: CLAUSE,
          sheet: nth.sheet,
          cell: nth.cell,
          row: nth.row,
          data: {
            student: a.name,
            ...(a.className === undefined ? {} : { className: a.className }),
            ...(a.club === "" ? {} : { club: a.club }),
            dates,
            length: run.length,
            threshold,
          },
        });
      }
      run = [];
    };
    for (const m of sessions) {
      if (m.mark === "absent") run.push(m);
      else if (m.mark === "present") close();
    }
    close();
  }

  if (list.length > 0) ctx.report(summaryReport(list));
  return findings;
}

const collator = new Intl.Collator("zh-CN", { numeric: true });

/** "出勤统计": per student and club, the sessions recorded, present, absent, on leave and the rate. */
function summaryReport(list: readonly Attendee[]): Report {
  const sorted = [...list].sort((a, b) => collator.compare(a.club, b.club) || byClassThenName(a, b));
  return {
    id: "sports.attendance-summary",
    title: tr("出勤统计", "Attendance summary"),
    sheetName: tr("出勤统计", "Attendance summary"),
    columns: [
      { key: "student", title: tr("学生", "Student") },
      { key: "className", title: tr("班级", "Class") },
      { key: "club", title: tr("社团/运动队", "Club or team"), width: 14 },
      { key: "sessions", title: tr("记录次数", "Sessions") },
      { key: "present", title: tr("出勤", "Present") },
      { key: "absent", title: tr("缺勤", "Absent") },
      { key: "excused", title: tr("请假", "On leave") },
      { key: "rate", title: tr("出勤率", "Attendance rate") },
    ],
    rows: sorted.map((a) => {
      const marks = [...a.marks.values()];
      const count = (m: AttendanceMark) => marks.filter((x) => x.mark === m).length;
      const present = count("present");
      const absent = count("absent");
      return {
        student: a.name,
        className: a.className ?? null,
        club: a.club === "" ? null : a.club,
        sessions: marks.length,
        present,
        absent,
        excused: count("excused"),
        rate: present + absent === 0 ? null : `${Math.round((present / (present + absent)) * 1000) / 10}%`,
      };
    }),
  };
}

/** The attendance check as the apps run it (三(五)2). */
export const attendanceCheck: Check = {
  id: "sports/attendance",
  title: tr("社团与运动队出勤", "Club and team attendance"),
  kinds: [attendance, attendanceSheet],
  run: checkAttendance,
};
