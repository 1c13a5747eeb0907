import { addDaysIso, DEFAULT_LANG, HouqinError, type Lang } from "@houqin/core";
import type { ScheduledTask } from "./generateSchedule.js";
import { ROLE_TITLES } from "./plan.js";

/** How to write the calendar. */
export interface ToICalendarOptions {
  /** The calendar's name as phones and Outlook show it (X-WR-CALNAME). */
  calendarName: string;
  /** When the file was made, UTC "YYYYMMDDTHHMMSSZ": the app reads the clock and passes it in. */
  stamp: string;
  /** The language of the titles and descriptions; Chinese by default. */
  lang?: Lang;
}

const LABELS = {
  "zh-CN": {
    clause: "条款：",
    role: "责任人：",
    className: "轮值班级：",
    window: "完成时段：",
    checklist: "检查要点：",
    to: " 至 ",
  },
  en: {
    clause: "Clause: ",
    role: "Responsible: ",
    className: "Class on duty: ",
    window: "Window: ",
    checklist: "Checklist:",
    to: " to ",
  },
} as const;

const STAMP_RE = /^\d{8}T\d{6}Z$/;
const encoder = new TextEncoder();

/** RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as \n, control characters dropped. */
function escapeText(text: string): string {
  const printable = [...text.replace(/\r\n?/g, "\n")]
    .filter((ch) => ch === "\t" || ch === "\n" || (ch >= " " && ch !== "\u007f"))
    .join("");
  return printable.replace(/[\\;,]/g, (ch) => `\\${ch}`).replace(/\n/g, "\\n");
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): each continuation line starts with a space.
 * Never splits a UTF-8 character or an escape sequence.
 */
function fold(line: string): string {
  const units = line.match(/\\.|[\s\S]/gu) ?? [];
  const out: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const unit of units) {
    const size = encoder.encode(unit).length;
    if (octets + size > limit) {
      out.push(current);
      current = " ";
      octets = 1;
      limit = 75;
    }
    current += unit;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n");
}

const basicDate = (iso: string): string => iso.replaceAll("-", "");

/**
 * Writes scheduled tasks as an iCalendar file (RFC 5545) that Outlook, Google, Apple and phone
 * calendars import: one all-day VEVENT per task, CRLF line ends, lines folded at 75 octets
 * without splitting a character, TEXT values escaped.
 *
 * Each event's UID is `<date>-<duty id>@houqin`: importing a new schedule (a changed 1530 rota
 * included) updates the events of an old one instead of doubling them. A UID that would repeat (the
 * same task twice) gets "-2", "-3".
 * Events are transparent (free time), with the clause as category.
 *
 * @param tasks - The tasks, e.g. from {@link generateSchedule}.
 * @param options - The calendar's name, the time stamp and the language.
 * @returns The text of the .ics file.
 * @throws HouqinError `INVALID_ARGUMENT` when `stamp` is not "YYYYMMDDTHHMMSSZ".
 * @example
 * const ics = toICalendar(schedule.tasks, { calendarName: "安全工作日程", stamp: "20230825T080000Z" });
 * // "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//houqin//safety schedule//ZH\r\n…"
 * // "BEGIN:VEVENT\r\nUID:2023-09-04-utilities-inspection@houqin\r\n…DTSTART;VALUE=DATE:20230904\r\n…"
 */
export function toICalendar(tasks: readonly ScheduledTask[], options: ToICalendarOptions): string {
  if (!STAMP_RE.test(options.stamp)) {
    throw new HouqinError("INVALID_ARGUMENT", `The stamp must be UTC "YYYYMMDDTHHMMSSZ": ${options.stamp}`);
  }
  const lang = options.lang ?? DEFAULT_LANG;
  const label = LABELS[lang];
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//houqin//safety schedule//ZH",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
  ];
  const uids = new Set<string>();
  for (const task of tasks) {
    const { duty, className } = task;
    // The class on duty is not part of the id: a changed rota updates the events instead of doubling them.
    const stem = `${task.date}-${duty.id}`;
    let uid = `${stem}@houqin`;
    for (let n = 2; uids.has(uid); n++) uid = `${stem}-${n}@houqin`;
    uids.add(uid);

    const title = duty.title[lang];
    const description = [
      ...(duty.clause === "" ? [] : [`${label.clause}${duty.clause}`]),
      `${label.role}${ROLE_TITLES[duty.role][lang]}`,
      ...(className === undefined ? [] : [`${label.className}${className}`]),
      ...(task.window.start === task.window.end
        ? []
        : [`${label.window}${task.window.start}${label.to}${task.window.end}`]),
      ...(duty.checklist.length === 0
        ? []
        : [label.checklist, ...duty.checklist.map((item) => `- ${item[lang]}`)]),
    ].join("\n");

    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(uid)}`,
      `DTSTAMP:${options.stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(task.date)}`,
      `DTEND;VALUE=DATE:${basicDate(addDaysIso(task.date, 1))}`,
      `SUMMARY:${escapeText(className === undefined ? title : `${title} · ${className}`)}`,
      `DESCRIPTION:${escapeText(description)}`,
      ...(duty.clause === "" ? [] : [`CATEGORIES:${escapeText(duty.clause)}`]),
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
