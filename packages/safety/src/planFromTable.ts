import { type Bilingual, normalizeText, parseChineseNumber, toHalfWidth } from "@houqin/core";
import type { ParsedRow, RowOf } from "@houqin/workbook";
import type { planSheet } from "./kinds.js";
import {
  type Cadence,
  DEFAULT_SAFETY_PLAN,
  type Duty,
  type Role,
  type SafetyPlan,
  type ThemedDayId,
} from "./plan.js";

/** A parsed row of the 安全检查计划 sheet. */
export type PlanRow = RowOf<typeof planSheet.fields>;

/** A cell of the plan sheet that could not be read; the row is kept or left out as described. */
export interface PlanProblem {
  /** The 1-based worksheet row. */
  row: number;
  field: "cadence" | "role";
  /** The text of the cell. */
  text: string;
}

/** The plan the school's sheet gives, and what in it could not be read. */
export interface PlanFromRows {
  plan: SafetyPlan;
  problems: PlanProblem[];
}

/** Text compared for sameness: half-width, lower case, without spaces and punctuation. */
function key(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/[\s·・.,;:、，。；：()（）[\]【】“”"'‘’/\\\-—_]/g, "");
}

const THEMED_BY_DATE: Readonly<Record<string, ThemedDayId>> = {
  "5-12": "disaster-prevention",
  "9-18": "air-defence",
  "11-9": "fire-safety",
  "4-15": "national-security",
};

/** Names of themed days, the longer and more specific first (国家安全教育日 before 安全教育日). */
const THEMED_BY_NAME: readonly (readonly [string, ThemedDayId])[] = [
  ["防灾减灾", "disaster-prevention"],
  ["防空", "air-defence"],
  ["消防日", "fire-safety"],
  ["消防宣传日", "fire-safety"],
  ["国家安全教育日", "national-security"],
  ["国防教育日", "national-defence-education"],
  ["安全教育日", "student-safety-education"],
];

const WEEKDAYS: Readonly<Record<string, 1 | 2 | 3 | 4 | 5>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  "5": 5,
};

/**
 * Reads a cadence as schools write it ("每天", "每周五下午", "每月15日", "每学期第6周", "5.12",
 * "消防日"), or undefined when it is not understood. The words are those of {@link planFromRows}.
 *
 * @param raw - The text of the cadence cell.
 * @returns The cadence, or undefined.
 * @example
 * parseCadence("每周五下午") // { kind: "weekly", weekday: 5 }
 * parseCadence("每学期第六周") // { kind: "semester", week: 6 }
 * parseCadence("每两天") // undefined
 */
export function parseCadence(raw: string): Cadence | undefined {
  const text = normalizeText(raw)
    .toLowerCase()
    .replace(/[\s()（）[\]【】]/g, "")
    .replace(/(各)?(一次|1次)$/, "");
  if (/^(每天|每日|每个?上学日|每个?工作日|每个?教学日|daily)$/.test(text)) return { kind: "daily" };
  const weekly =
    /^每(?:个)?(?:周|星期|礼拜)(?:星期|周|礼拜)?([一二三四五1-5])?(?:上午|下午|早上|早晨|晨会|放学前)?$/.exec(
      text,
    );
  if (weekly) {
    const weekday = weekly[1] === undefined ? undefined : WEEKDAYS[weekly[1]];
    return weekday === undefined ? { kind: "weekly" } : { kind: "weekly", weekday };
  }
  if (text === "weekly") return { kind: "weekly" };
  if (/^(每半月|半月|每半个月|半个月|half-monthly)$/.test(text)) return { kind: "half-monthly" };
  const monthly = /^每(?:个)?月(?:的)?(?:第)?(\d{1,2}|[一二三四五六七八九十]{1,3})?(?:日|号)?$/.exec(text);
  if (monthly) {
    if (monthly[1] === undefined) return { kind: "monthly" };
    const day = parseChineseNumber(monthly[1]);
    return day !== undefined && day >= 1 && day <= 31 ? { kind: "monthly", day } : undefined;
  }
  if (text === "monthly") return { kind: "monthly" };
  if (/^(每学期|每个学期|semester)$/.test(text)) return { kind: "semester" };
  if (/^(每学期)?(学期初|开学初|开学第一周)$/.test(text)) return { kind: "semester", week: 1 };
  const semester = /^每(?:个)?学期第(\d{1,2}|[一二三四五六七八九十]{1,3})(?:个)?(?:教学)?周$/.exec(text);
  if (semester?.[1] !== undefined) {
    const week = parseChineseNumber(semester[1]);
    return week !== undefined && week >= 1 ? { kind: "semester", week } : undefined;
  }
  const date = /(?:^|[^\d])(\d{1,2})\s*(?:[.·・\-/]|月)\s*(\d{1,2})(?:日|号)?(?!\d)/.exec(text);
  if (date) {
    const day = THEMED_BY_DATE[`${Number(date[1])}-${Number(date[2])}`];
    if (day !== undefined) return { kind: "themed", day };
  }
  for (const [name, day] of THEMED_BY_NAME) {
    if (text.includes(name)) return { kind: "themed", day };
  }
  return undefined;
}

const ROLE_WORDS: readonly (readonly [string, Role])[] = [
  ["班主任", "class-teacher"],
  ["class-teacher", "class-teacher"],
  ["后勤", "logistics"],
  ["总务", "logistics"],
  ["logistics", "logistics"],
  ["门卫", "guard"],
  ["保安", "guard"],
  ["guard", "guard"],
  ["学生发展处", "student-affairs"],
  ["德育处", "student-affairs"],
  ["政教处", "student-affairs"],
  ["student-affairs", "student-affairs"],
  ["轮值班级", "rotating-class"],
  ["各班轮流", "rotating-class"],
  ["rotating-class", "rotating-class"],
  ["全校", "school"],
  ["school", "school"],
];

/** Reads who is responsible: the role named first in the text, or undefined. */
function parseRole(raw: string): Role | undefined {
  const text = normalizeText(raw).toLowerCase();
  let best: { at: number; role: Role } | undefined;
  for (const [word, role] of ROLE_WORDS) {
    const at = text.indexOf(word);
    if (at >= 0 && (best === undefined || at < best.at)) best = { at, role };
  }
  return best?.role;
}

/** Splits a checklist cell into items, keeping the base plan's wording (both languages) for known ones. */
function parseChecklist(raw: string, base: readonly Bilingual[]): Bilingual[] {
  return raw
    .split(/[、；;，,\r\n]+/)
    .map((item) =>
      item
        .replace(/^\s*(?:\d{1,2}[.、)）]|[（(]\d{1,2}[)）]|[①-⑳])\s*/, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((item) => item !== "")
    .map((item) => base.find((b) => key(b["zh-CN"]) === key(item)) ?? { "zh-CN": item, en: item });
}

/** A kebab-case id from the school's text, or "" when it has no ASCII letters or digits. */
function kebab(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Builds the safety plan from the school's 安全检查计划 sheet (table kind `safety.plan`). The
 * school's edit wins: the duties are exactly the rows, in order.
 *
 * A row is matched to a duty of the base plan by its id, else by its title (compared without
 * spaces, punctuation and case); it keeps that duty's id, log mapping and English texts where
 * the Chinese ones are unchanged. An unmatched row is a new duty with the row's own id when it
 * has one (kebab-cased), else `custom-<row>`, recorded in the inspection log under its title.
 *
 * Cadences: 每天/每日/每个上学日 → daily; 每周, 每周一…每周五(下午) → weekly; 每半月 →
 * half-monthly; 每月, 每月N日 → monthly; 每学期 → semester; 学期初 → semester week 1; 每学期第N周 →
 * semester week N; 5.12/5月12日/防灾减灾日, 9.18/防空, 11.9/消防日, 4.15/国家安全教育日,
 * 安全教育日, 国防教育日 → themed. Roles: 班主任, 后勤/总务, 门卫/保安, 学生发展处/德育处/政教处,
 * 轮值班级, 全校. A cadence not understood is a problem, and the row keeps the base duty's cadence
 * or, with no base duty, is left out; a role not understood is a problem and the row keeps the
 * base duty's role or "school". A blank role or checklist keeps the base duty's.
 *
 * @param rows - The parsed rows of the sheet.
 * @param base - The plan the rows edit; {@link DEFAULT_SAFETY_PLAN} by default.
 * @returns The plan and the problems, by worksheet row.
 * @example
 * const { plan, problems } = planFromRows([
 *   { row: 2, values: { title: "水电煤气线路检查", cadence: "每周三", role: "总务处" } },
 *   { row: 3, values: { title: "食堂燃气检查", cadence: "每两天", checklist: "阀门、软管" } },
 * ]);
 * plan.duties[0]?.cadence // { kind: "weekly", weekday: 3 }, id "utilities-inspection"
 * problems // [{ row: 3, field: "cadence", text: "每两天" }]: row 3 is left out
 */
export function planFromRows(
  rows: readonly ParsedRow<PlanRow>[],
  base: SafetyPlan = DEFAULT_SAFETY_PLAN,
): PlanFromRows {
  const duties: Duty[] = [];
  const problems: PlanProblem[] = [];
  const used = new Set<string>();

  for (const { row, values } of rows) {
    const rowId = values.id === undefined ? "" : normalizeText(values.id);
    const title = normalizeText(values.title);
    const matched =
      (rowId === "" ? undefined : base.duties.find((d) => d.id === rowId.toLowerCase())) ??
      base.duties.find((d) => key(d.title["zh-CN"]) === key(title) || key(d.title.en) === key(title));

    let cadence = parseCadence(values.cadence);
    if (cadence === undefined) {
      problems.push({ row, field: "cadence", text: values.cadence });
      if (matched === undefined) continue;
      cadence = matched.cadence;
    }

    let role: Role = matched?.role ?? "school";
    if (values.role !== undefined && normalizeText(values.role) !== "") {
      const parsed = parseRole(values.role);
      if (parsed === undefined) problems.push({ row, field: "role", text: values.role });
      else role = parsed;
    }

    let id = matched?.id;
    if (id === undefined || used.has(id)) {
      const own = kebab(rowId);
      id = own !== "" && !used.has(own) ? own : `custom-${row}`;
      for (let n = 2; used.has(id); n++) id = `custom-${row}-${n}`;
    }
    used.add(id);

    const sameTitle =
      matched !== undefined &&
      (key(matched.title["zh-CN"]) === key(title) || key(matched.title.en) === key(title));
    const checklistText = values.checklist === undefined ? "" : values.checklist.trim();
    const duty: Duty = {
      id,
      clause: normalizeText(values.clause ?? "") || (matched?.clause ?? ""),
      title: sameTitle && matched ? matched.title : { "zh-CN": title, en: title },
      role,
      cadence,
      checklist:
        checklistText === ""
          ? (matched?.checklist ?? [])
          : parseChecklist(checklistText, matched?.checklist ?? []),
      ...(matched?.log !== undefined
        ? { log: matched.log }
        : matched === undefined
          ? { log: { kind: "safety.inspection-log" as const, keywords: [title] } }
          : {}),
    };
    duties.push(duty);
  }
  return { plan: { duties }, problems };
}
