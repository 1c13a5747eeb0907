import {
  addDaysIso,
  type Bilingual,
  type Finding,
  type IsoDate,
  localize,
  normalizeText,
  type SchoolCalendar,
  type SemesterSpan,
  wholeSemesters,
} from "@houqin/core";
import { type Check, type CheckContext, cellOf, type RecognizedTable } from "@houqin/workbook";
import { charges } from "./charges.js";
import { feeItemKey } from "./feeItemKey.js";
import { feeSchedule } from "./feeSchedule.js";
import { feePublicity } from "./publicityKinds.js";

const CLAUSE = "三(四)1";
const tr = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

const MSG = {
  takenDownEarly: tr(
    "“{item}”的收费公示于 {takenDown} 撤下，早于{semester}结束日 {end}；该学期收取此项费用 {count} 笔，收费公示应保持整个学期",
    "The fee notice for “{item}” was taken down on {takenDown}, before {semester} ends on {end}, yet the fee was charged in that semester (charges: {count}); a fee notice stays up for the whole semester",
  ),
  gap: tr(
    "“{item}”的收费公示于 {takenDown} 撤下，{reposted} 才重新公示，{semester}中间断 {days} 天；收费公示应保持整个学期",
    "The fee notice for “{item}” was taken down on {takenDown} and posted again only on {reposted}, a gap of {days} days in {semester}; a fee notice stays up for the whole semester",
  ),
  notPosted: tr(
    "“{item}”在{semester}收取 {count} 笔（首笔 {date}），收费公示记录中却没有该学期的公示",
    "“{item}” was charged in {semester} (charges: {count}, the first on {date}), but the publicity record shows no notice for that semester",
  ),
  dateOrder: tr(
    "撤下日期 {takenDown} 早于公示日期 {posted}，请核对；此行未参与公示时长检查",
    "Taken down on {takenDown}, before it was posted on {posted}; please check. This row was not used",
  ),
  noRecord: tr(
    "工作簿中未找到收费公示记录（公示项目、公示日期、撤下日期、公示地点），无法核对收费公示是否保持整个学期",
    "No fee publicity record (item, posted on, taken down on, place) was found in the workbook, so whether fee notices stayed up for the whole semester cannot be checked",
  ),
} satisfies Record<string, Bilingual>;

/** A publicity row that names every fee item. */
const ALL_ITEMS_RE =
  /^(全部|所有|全部收费|所有收费|全部收费项目|所有收费项目|全部项目|所有项目|all|allfees|allitems)$/;

/** An item key without its bracketed note: "课后服务费(秋季)" -> "课后服务费". */
function baseKey(key: string): string {
  return key.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, "");
}

/** Whether a publicity item key covers a charged item key: the same item, or one without the other's note. */
function covers(posted: string, charged: string): boolean {
  return posted === charged || baseKey(charged) === posted || baseKey(posted) === charged;
}

interface Posting {
  table: RecognizedTable;
  row: number;
  /** Item keys it names; undefined: every item. */
  keys: readonly string[] | undefined;
  postedOn: IsoDate;
  takenDownOn?: IsoDate;
}

/** The usable rows of the publicity record; rows taken down before they went up are reported. */
function readPostings(ctx: CheckContext, findings: Finding[] | undefined): Posting[] {
  const postings: Posting[] = [];
  for (const parsed of ctx.tablesOf(feePublicity)) {
    const { table } = parsed;
    for (const { row, values } of parsed.rows) {
      const { postedOn, takenDownOn } = values;
      if (takenDownOn !== undefined && takenDownOn < postedOn) {
        findings?.push({
          rule: "finance/publicity-date-order",
          severity: "warning",
          message: localize(MSG.dateOrder, ctx.lang, { takenDown: takenDownOn, posted: postedOn }),
          clause: CLAUSE,
          sheet: table.sheet,
          cell: cellOf(table, row, "takenDownOn"),
          row,
          data: { item: values.item, postedOn, takenDownOn },
        });
        continue;
      }
      const parts = normalizeText(values.item)
        .split(/[、,;/|\n]+/)
        .map(feeItemKey)
        .filter((k) => k !== "");
      const all = parts.some((k) => ALL_ITEMS_RE.test(k));
      postings.push({
        table,
        row,
        keys: all ? undefined : parts,
        postedOn,
        ...(takenDownOn === undefined ? {} : { takenDownOn }),
      });
    }
  }
  return postings;
}

function postingsOf(postings: readonly Posting[], key: string): Posting[] {
  return postings.filter((p) => p.keys === undefined || p.keys.some((k) => covers(k, key)));
}

/**
 * The first date a notice for a fee item went up, from the publicity record (for a fee schedule
 * whose own 公示日期 is blank).
 *
 * @param ctx - the check context
 * @param item - the fee item as written
 * @returns the earliest 公示日期 of the rows naming the item (or all items), or undefined
 * @example
 * publicityPostedOn(ctx, "课后服务费") // "2023-08-28"
 */
export function publicityPostedOn(ctx: CheckContext, item: string): IsoDate | undefined {
  const dates = postingsOf(readPostings(ctx, undefined), feeItemKey(item)).map((p) => p.postedOn);
  return dates.sort()[0];
}

/**
 * The semester a charge falls in: the school's semester holding it; a charge outside every semester
 * of the settings (collected in the holidays) belongs to the next semester, else to the last one.
 * Without semesters in the settings, the conventional halves of the school year.
 */
function semesterOfCharge(calendar: SchoolCalendar, date: IsoDate): SemesterSpan | undefined {
  const [inside] = wholeSemesters(calendar, date, date);
  if (inside) return inside;
  const sems = calendar.semesters;
  const next = sems.find((s) => s.start > date) ?? sems[sems.length - 1];
  return next ? { name: next.name, start: next.start, end: next.end } : undefined;
}

/** Days from a to b. */
function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

interface ChargeTally {
  item: string;
  count: number;
  first: IsoDate;
  at: { table: RecognizedTable; row: number };
}

/**
 * Checks that a fee notice stays up for the whole semester in which the fee is charged (三(四)1
 * 坚持收费公示制), from the publicity record (`finance.publicity`) and the charges:
 * `finance/publicity-not-kept` (warning) when the notice for a charged item came down before the end
 * of that semester, or came down and went up again later (at the 撤下日期 cell), or when the item
 * was charged in a semester that no notice covers (at the first such charge).
 *
 * It complements `finance/not-publicised` of the fee check, which judges the start (a charge before
 * the fee schedule's 公示日期, an item never publicised): this check judges that the notice was
 * kept up, from the day it went up to the end of the semester, and does not repeat a
 * never-publicised item that has no notice at all. Semesters are those of the settings, else
 * 1 September – 31 January and 1 February – 31 August. Also `finance/publicity-date-order`
 * (warning, a row taken down before it was posted) and `finance/no-publicity-record` (info,
 * charges but no publicity record).
 *
 * @param ctx - the check context
 * @returns the findings
 * @example
 * const findings = checkPublicity(ctx);
 */
export function checkPublicity(ctx: CheckContext): Finding[] {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, ctx.lang, params);
  const findings: Finding[] = [];
  const chargeTables = ctx.tablesOf(charges);
  const publicityTables = ctx.tablesOf(feePublicity);
  if (publicityTables.length === 0) {
    // A fee schedule that keeps its own 公示日期 is the school's publicity record: the fee check judges
    // it, and there is no take-down date to judge here. Without any schedule the fee check already
    // says the charges cannot be checked. Only a schedule without publicity dates is told here.
    const schedules = ctx.tablesOf(feeSchedule);
    const scheduleDates = schedules.some(
      (p) => (p.table.columns as Record<string, number | undefined>).publicityDate !== undefined,
    );
    const first =
      schedules.length === 0 || scheduleDates ? undefined : chargeTables.find((p) => p.rows.length > 0);
    if (first)
      findings.push({
        rule: "finance/no-publicity-record",
        severity: "info",
        message: t(MSG.noRecord),
        clause: CLAUSE,
        sheet: first.table.sheet,
        cell: cellOf(first.table, first.table.headerRow, "item"),
        row: first.table.headerRow,
      });
    return findings;
  }
  const postings = readPostings(ctx, findings);

  // Charges by item, then by semester.
  const byItem = new Map<string, Map<string, { span: SemesterSpan; tally: ChargeTally }>>();
  for (const parsed of chargeTables) {
    for (const { row, values } of parsed.rows) {
      const key = feeItemKey(values.item);
      const span = semesterOfCharge(ctx.calendar, values.date);
      if (key === "" || !span) continue;
      const semesters = byItem.get(key) ?? new Map();
      byItem.set(key, semesters);
      const seen = semesters.get(span.name);
      if (!seen) {
        semesters.set(span.name, {
          span,
          tally: { item: values.item, count: 1, first: values.date, at: { table: parsed.table, row } },
        });
      } else {
        seen.tally.count++;
        if (values.date < seen.tally.first) {
          seen.tally.first = values.date;
          seen.tally.at = { table: parsed.table, row };
        }
      }
    }
  }

  const neverPublicised = itemsNeverPublicised(ctx);
  for (const [key, semesters] of byItem) {
    const mine = postingsOf(postings, key);
    // An item with no notice anywhere and no 公示日期 in the schedule is the fee check's to report.
    if (mine.length === 0 && neverPublicised(key)) continue;
    for (const { span, tally } of semesters.values()) {
      const item = tally.item;
      const semester = span.name;
      const overlapping = mine
        .filter((p) => p.postedOn <= span.end && (p.takenDownOn === undefined || p.takenDownOn >= span.start))
        .sort((a, b) => (a.postedOn < b.postedOn ? -1 : a.postedOn > b.postedOn ? 1 : a.row - b.row));
      const data = { item, semester, semesterStart: span.start, semesterEnd: span.end, charges: tally.count };
      if (overlapping.length === 0) {
        const { table, row } = tally.at;
        findings.push({
          rule: "finance/publicity-not-kept",
          severity: "warning",
          message: t(MSG.notPosted, { item, semester, count: tally.count, date: tally.first }),
          clause: CLAUSE,
          sheet: table.sheet,
          cell: cellOf(table, row, "item"),
          row,
          data: { ...data, firstCharge: tally.first },
        });
        continue;
      }
      // Walk the notices in order: a notice that comes down before the next goes up leaves a gap.
      const [head, ...rest] = overlapping as [Posting, ...Posting[]];
      let reach = head.takenDownOn;
      let ender = head;
      for (const next of rest) {
        if (reach === undefined) break;
        if (next.postedOn <= addDaysIso(reach, 1)) {
          if (next.takenDownOn === undefined || next.takenDownOn > reach) {
            reach = next.takenDownOn;
            ender = next;
          }
          continue;
        }
        if (reach < span.end) {
          const at = ender;
          findings.push({
            rule: "finance/publicity-not-kept",
            severity: "warning",
            message: t(MSG.gap, {
              item,
              takenDown: reach,
              reposted: next.postedOn,
              semester,
              days: daysBetween(reach, next.postedOn) - 1,
            }),
            clause: CLAUSE,
            sheet: at.table.sheet,
            cell: cellOf(at.table, at.row, "takenDownOn"),
            row: at.row,
            data: { ...data, takenDownOn: reach, repostedOn: next.postedOn },
          });
        }
        reach = next.takenDownOn;
        ender = next;
      }
      if (reach !== undefined && reach < span.end) {
        findings.push({
          rule: "finance/publicity-not-kept",
          severity: "warning",
          message: t(MSG.takenDownEarly, {
            item,
            takenDown: reach,
            semester,
            end: span.end,
            count: tally.count,
          }),
          clause: CLAUSE,
          sheet: ender.table.sheet,
          cell: cellOf(ender.table, ender.row, "takenDownOn"),
          row: ender.row,
          data: { ...data, takenDownOn: reach },
        });
      }
    }
  }
  return findings;
}

/**
 * The items the fee check reports as never publicised: in the schedule with a blank 公示日期 (its
 * column present or not). Matched as the fee check matches: the item itself, else its name without
 * the bracketed note when a single schedule item has it.
 */
function itemsNeverPublicised(ctx: CheckContext): (key: string) => boolean {
  const dated = new Map<string, boolean>();
  for (const parsed of ctx.tablesOf(feeSchedule))
    for (const { values, unreadable } of parsed.rows) {
      const key = feeItemKey(values.item);
      if (dated.has(key)) continue;
      dated.set(key, values.publicityDate !== undefined || unreadable?.includes("publicityDate") === true);
    }
  const byBase = new Map<string, string[]>();
  for (const key of dated.keys()) byBase.set(baseKey(key), [...(byBase.get(baseKey(key)) ?? []), key]);
  return (key) => {
    const exact = dated.get(key);
    if (exact !== undefined) return !exact;
    const candidates = byBase.get(baseKey(key));
    const only = candidates?.length === 1 ? candidates[0] : undefined;
    return only !== undefined && dated.get(only) === false;
  };
}

/** The fee-publicity check as the apps run it (三(四)1). */
export const publicityCheck: Check = {
  id: "finance/publicity",
  title: tr("收费公示", "Fee publicity"),
  kinds: [feePublicity, charges],
  run: checkPublicity,
};
