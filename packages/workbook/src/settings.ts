import {
  addDaysIso,
  type Bilingual,
  type CalendarSettings,
  type Cell,
  type DateSystem,
  type Finding,
  type IsoDate,
  isBlankCell,
  type Lang,
  localize,
  normalizeText,
  parseDateCell,
  type Semester,
} from "@houqin/core";
import { cellAddress } from "./address.js";
import { normalizeHeader } from "./normalizeHeader.js";
import type { TableOverride } from "./recognizeTables.js";
import type { CellSchema } from "./tableKind.js";
import type { SheetData } from "./workbook.js";

/** The names the settings sheet may have. */
export const SETTINGS_SHEET_NAMES: readonly string[] = ["设置", "Settings", "settings", "参数设置"];

/** One entry of the settings sheet as the user wrote it. */
export interface SettingEntry {
  /** The key as written. */
  key: string;
  cell: Cell;
  /** The A1 address of the value cell. */
  address: string;
}

/** A school's settings, read from its workbook; absent entries fall back to documented defaults. */
export interface Settings {
  /** The settings sheet they came from, if any. */
  sheet?: string;
  schoolName?: string;
  schoolYear?: string;
  /** Semesters, closures and extra school days for the school calendar. */
  calendar: CalendarSettings;
  /** The date "today" is for open items, when the settings fix it. */
  asOf?: IsoDate;
  /** The user's corrections of table recognition, by sheet name. */
  overrides: ReadonlyMap<string, TableOverride>;
  /** Every entry by normalised key (several rows may share one key). */
  entries: ReadonlyMap<string, readonly SettingEntry[]>;
}

/** Settings of a workbook without a settings sheet. */
export const EMPTY_SETTINGS: Settings = { calendar: {}, overrides: new Map(), entries: new Map() };

const KEYS = {
  schoolName: ["学校名称", "学校", "校名", "school name", "school"],
  schoolYear: ["学年", "school year"],
  semester1Start: [
    "第一学期开始",
    "第一学期开始日期",
    "上学期开始",
    "秋季学期开始",
    "第一学期开学",
    "第一学期开学日期",
    "first semester start",
    "semester 1 start",
  ],
  semester1End: [
    "第一学期结束",
    "第一学期结束日期",
    "第一学期放假",
    "上学期结束",
    "秋季学期结束",
    "first semester end",
    "semester 1 end",
  ],
  semester2Start: [
    "第二学期开始",
    "第二学期开始日期",
    "下学期开始",
    "春季学期开始",
    "第二学期开学",
    "第二学期开学日期",
    "second semester start",
    "semester 2 start",
  ],
  semester2End: [
    "第二学期结束",
    "第二学期结束日期",
    "第二学期放假",
    "下学期结束",
    "春季学期结束",
    "second semester end",
    "semester 2 end",
  ],
  closures: ["停课日", "停课", "学校停课日", "放假日", "closures", "closure", "school closures"],
  extraDays: ["补课日", "上课日", "加课日", "调课上课日", "extra school days", "extra days"],
  asOf: ["检查日期", "基准日期", "截止日期", "as of", "as-of date"],
} as const;

const MSG = {
  badDate: {
    "zh-CN": "设置“{key}”的值“{text}”不是可识别的日期",
    en: "Setting “{key}”: “{text}” is not a date",
  },
  badSemester: {
    "zh-CN": "设置中{name}的开始日期晚于结束日期",
    en: "The start of {name} in the settings is after its end",
  },
  halfSemester: {
    "zh-CN": "设置中{name}只有开始或结束日期，已忽略",
    en: "Only the start or the end of {name} is set; it was ignored",
  },
  overlap: {
    "zh-CN": "设置中两个学期的日期重叠，已忽略第二学期",
    en: "The two semesters in the settings overlap; the second was ignored",
  },
  badOverride: {
    "zh-CN": "设置“{key}”的值“{text}”无法使用：{reason}",
    en: "Setting “{key}”: “{text}” cannot be used: {reason}",
  },
} satisfies Record<string, Bilingual>;

function keyIs(normalized: string, names: readonly string[]): boolean {
  return names.some((n) => normalizeHeader(n) === normalized);
}

const OVERRIDE_RE =
  /^\s*(表格类型|类型|表头行|列|忽略|kind|headerrow|header row|column|ignore)\s*[:：]\s*(.+)$/i;

/** What a correction in the settings sets. */
export type OverrideWhat = "kind" | "headerRow" | "column" | "ignore";

/** A correction's key read: what it sets, for which sheet, and (for a column) which field, as written. */
export interface OverrideKey {
  what: OverrideWhat;
  sheet: string;
  /** The field a column correction names; undefined when "列:" lacks its second colon. */
  field?: string;
}

/**
 * Reads the key of a recognition correction in the settings ("表格类型:收费明细", "表头行:收费明细",
 * "列:收费明细:金额", "忽略:草稿"); the one grammar readSettings and settingsEdits share.
 *
 * @param key - the key as written, normalised text
 * @returns the correction's parts, or undefined when the key is not a correction
 * @example parseOverrideKey("列:收费明细:金额") // { what: "column", sheet: "收费明细", field: "金额" }
 */
export function parseOverrideKey(key: string): OverrideKey | undefined {
  const match = OVERRIDE_RE.exec(key);
  if (!match) return undefined;
  const word = normalizeHeader(match[1] as string);
  const rest = (match[2] as string).trim();
  if (word === "列" || word === "column") {
    const sep = rest.search(/[:：](?=[^:：]*$)/);
    return sep < 0
      ? { what: "column", sheet: rest }
      : { what: "column", sheet: rest.slice(0, sep).trim(), field: rest.slice(sep + 1).trim() };
  }
  const what: OverrideWhat =
    word === "表头行" || word === "headerrow"
      ? "headerRow"
      : word === "忽略" || word === "ignore"
        ? "ignore"
        : "kind";
  return { what, sheet: rest };
}

/**
 * Reads the school's settings from the 设置 (Settings) sheet: a column of keys and a column of values.
 * Bad values become findings at their cells and fall back to defaults.
 *
 * Keys: 学校名称, 学年, 第一学期开始/结束, 第二学期开始/结束, 停课日 and 补课日 (dates or ranges
 * such as "2023-10-09~2023-10-10", several separated by "、" or on several rows), 检查日期; and
 * recognition corrections: "表格类型:收费明细" = finance.charges, "表头行:收费明细" = 3,
 * "列:收费明细:金额" = E, "忽略:草稿" = 是.
 *
 * @example
 * const { settings, findings } = readSettings(sheet, "1900", "zh-CN");
 */
export function readSettings(
  sheet: SheetData | undefined,
  dateSystem: DateSystem,
  lang: Lang,
): { settings: Settings; findings: Finding[] } {
  if (!sheet) return { settings: EMPTY_SETTINGS, findings: [] };
  const findings: Finding[] = [];
  const entries = new Map<string, SettingEntry[]>();
  const overrides = new Map<string, TableOverride>();
  const out: {
    schoolName?: string;
    schoolYear?: string;
    asOf?: IsoDate;
    closures: IsoDate[];
    extraDays: IsoDate[];
    s1?: [IsoDate | undefined, IsoDate | undefined];
    s2?: [IsoDate | undefined, IsoDate | undefined];
  } = { closures: [], extraDays: [] };
  const bad = (entry: SettingEntry, row: number, text: Bilingual, params: Record<string, unknown>) =>
    findings.push({
      rule: "settings/invalid-value",
      severity: "warning",
      message: localize(text, lang, params),
      sheet: sheet.name,
      cell: entry.address,
      row,
    });

  sheet.rows.forEach((cells, i) => {
    const row = i + 1;
    // The key is the first non-blank cell of the row.
    const keyIndex = cells.findIndex((c) => !isBlankCell(c));
    if (keyIndex < 0) return;
    const keyCell = cells[keyIndex] as Cell;
    if (typeof keyCell.value !== "string") return;
    // The value is the cell right of the key; a blank value means "not set" (a note may follow it).
    const valueIndex = keyIndex + 1;
    const valueCell = cells[valueIndex];
    if (!valueCell || isBlankCell(valueCell)) return;
    const key = normalizeText(keyCell.value);
    const entry: SettingEntry = {
      key,
      cell: valueCell,
      address: cellAddress(row, valueIndex + 1),
    };
    const nkey = normalizeHeader(key);
    const list = entries.get(nkey) ?? [];
    list.push(entry);
    entries.set(nkey, list);
    const text = normalizeText(entry.cell.text !== "" ? entry.cell.text : String(entry.cell.value ?? ""));

    const override = parseOverrideKey(key);
    if (override) {
      readOverride(override, entry, row, text, overrides, (reason) =>
        bad(entry, row, MSG.badOverride, { key, text, reason: localize(reason, lang) }),
      );
      return;
    }
    const date = (): IsoDate | undefined => {
      const parsed = parseDateCell(entry.cell, { dateSystem });
      if (parsed.ok) return parsed.value;
      bad(entry, row, MSG.badDate, { key, text });
      return undefined;
    };
    if (keyIs(nkey, KEYS.schoolName)) out.schoolName = text;
    else if (keyIs(nkey, KEYS.schoolYear)) out.schoolYear = text;
    else if (keyIs(nkey, KEYS.asOf)) {
      const d = date();
      if (d) out.asOf = d;
    } else if (keyIs(nkey, KEYS.semester1Start)) out.s1 = [date(), out.s1?.[1]];
    else if (keyIs(nkey, KEYS.semester1End)) out.s1 = [out.s1?.[0], date()];
    else if (keyIs(nkey, KEYS.semester2Start)) out.s2 = [date(), out.s2?.[1]];
    else if (keyIs(nkey, KEYS.semester2End)) out.s2 = [out.s2?.[0], date()];
    else if (keyIs(nkey, KEYS.closures) || keyIs(nkey, KEYS.extraDays)) {
      const target = keyIs(nkey, KEYS.closures) ? out.closures : out.extraDays;
      const days = dateList(entry.cell, text, dateSystem);
      if (days === undefined) bad(entry, row, MSG.badDate, { key, text });
      else target.push(...days);
    }
  });

  const semesters: Semester[] = [];
  const semesterEntry = (names: readonly string[]) => {
    for (const n of names) {
      const e = entries.get(normalizeHeader(n))?.[0];
      if (e) return e;
    }
    return undefined;
  };
  const addSemester = (
    name: Bilingual,
    span: [IsoDate | undefined, IsoDate | undefined] | undefined,
    keys: readonly string[],
  ) => {
    if (!span) return;
    const entry = semesterEntry(keys) as SettingEntry;
    const row = Number(/\d+$/.exec(entry.address)?.[0]);
    const [start, end] = span;
    const label = localize(name, lang);
    if (!start || !end) {
      if (start || end) bad(entry, row, MSG.halfSemester, { name: label });
      return;
    }
    if (start > end) {
      bad(entry, row, MSG.badSemester, { name: label });
      return;
    }
    if (semesters.some((s) => !(end < s.start || start > s.end))) {
      bad(entry, row, MSG.overlap, {});
      return;
    }
    semesters.push({ name: label, start, end });
  };
  addSemester({ "zh-CN": "第一学期", en: "the first semester" }, out.s1, [
    ...KEYS.semester1Start,
    ...KEYS.semester1End,
  ]);
  addSemester({ "zh-CN": "第二学期", en: "the second semester" }, out.s2, [
    ...KEYS.semester2Start,
    ...KEYS.semester2End,
  ]);
  semesters.sort((a, b) => (a.start < b.start ? -1 : 1));

  const settings: Settings = {
    sheet: sheet.name,
    ...(out.schoolName === undefined ? {} : { schoolName: out.schoolName }),
    ...(out.schoolYear === undefined ? {} : { schoolYear: out.schoolYear }),
    ...(out.asOf === undefined ? {} : { asOf: out.asOf }),
    calendar: { semesters, closures: out.closures, extraDays: out.extraDays },
    overrides,
    entries,
  };
  return { settings, findings };
}

function readOverride(
  key: OverrideKey,
  entry: SettingEntry,
  row: number,
  text: string,
  overrides: Map<string, TableOverride>,
  fail: (reason: Bilingual) => void,
): void {
  const update = (change: (o: TableOverride) => TableOverride) => {
    const o = overrides.get(key.sheet) ?? {};
    const source = [...(o.source ?? []), { key: entry.key, cell: entry.address, row }];
    overrides.set(key.sheet, { ...change(o), source });
  };
  if (key.what === "column") {
    const fieldName = key.field;
    if (fieldName === undefined) {
      fail({ "zh-CN": "应写作“列:工作表:字段”", en: "write it as “column:sheet:field”" });
      return;
    }
    if (!/^[A-Za-z]{1,3}$/.test(text)) {
      fail({ "zh-CN": "列应为字母，例如 E", en: "a column is letters, such as E" });
      return;
    }
    update((o) => ({ ...o, columns: { ...o.columns, [fieldName]: text.toUpperCase() } }));
    return;
  }
  if (key.what === "kind") update((o) => ({ ...o, kind: text }));
  else if (key.what === "headerRow") {
    // A number is read as the number it is, even in a column formatted as dates (shown "1900-01-03").
    const n = typeof entry.cell.value === "number" ? entry.cell.value : Number(text);
    if (!Number.isInteger(n) || n < 1)
      fail({ "zh-CN": "表头行应为正整数", en: "the header row is a whole number" });
    else update((o) => ({ ...o, headerRow: n }));
  } else {
    update((o) => ({ ...o, ignore: !/^(否|no|n|false|0)$/i.test(text) }));
  }
}

/**
 * The user's correction of a sheet's recognition: by its name as written in the settings, which reads
 * full-width characters as half-width ones ("收费明细（9月）" is written and read as "收费明细(9月)").
 *
 * @param settings - the workbook's settings
 * @param sheet - the sheet's name as the workbook has it
 * @returns the correction, or undefined for none
 * @example overrideOf(settings, "收费明细（9月）")?.headerRow // 3
 */
export function overrideOf(settings: Settings, sheet: string): TableOverride | undefined {
  return settings.overrides.get(sheet) ?? settings.overrides.get(normalizeText(sheet));
}

/** Dates and ranges in one settings cell, or undefined when a part is not a date. */
function dateList(cell: Cell, text: string, dateSystem: DateSystem): IsoDate[] | undefined {
  if (typeof cell.value === "number") {
    const d = parseDateCell(cell, { dateSystem });
    return d.ok ? [d.value] : undefined;
  }
  const days: IsoDate[] = [];
  for (const part of text.split(/[,，、;；\n]+/)) {
    const p = part.trim();
    if (p === "") continue;
    const range = p.split(/\s*(?:~|～|至|到|\s-\s|—|–)\s*/);
    const parseText = (t: string) => parseDateCell({ value: t, text: t }, { dateSystem });
    const first = parseText(range[0] as string);
    if (!first.ok) return undefined;
    if (range.length === 1) {
      days.push(first.value);
      continue;
    }
    const last = parseText(range[range.length - 1] as string);
    if (!last.ok || last.value < first.value) return undefined;
    for (let d = first.value; d <= last.value; d = addDaysIso(d, 1)) days.push(d);
  }
  return days;
}

/**
 * Reads one setting that a domain package defines, by any of its names, with a cell schema.
 * Returns the default when it is absent, and a finding at its cell when it cannot be read.
 *
 * @example
 * const { value } = readSetting(settings, ["现金库存限额天数"], cells.number(), 5, "1900", "zh-CN");
 */
export function readSetting<T>(
  settings: Settings,
  names: readonly string[],
  schema: CellSchema<T>,
  fallback: T,
  dateSystem: DateSystem,
  lang: Lang,
): { value: T; finding?: Finding } {
  for (const name of names) {
    const entry = settings.entries.get(normalizeHeader(name))?.[0];
    if (!entry) continue;
    const out = schema.safeParse({ ...entry.cell, dateSystem });
    if (out.success) return { value: out.data };
    const row = Number(/\d+$/.exec(entry.address)?.[0]);
    return {
      value: fallback,
      finding: {
        rule: "settings/invalid-value",
        severity: "warning",
        message: localize(
          {
            "zh-CN": "设置“{key}”的值“{text}”无法识别，已使用默认值 {fallback}",
            en: "Setting “{key}”: “{text}” cannot be read; the default {fallback} was used",
          },
          lang,
          { key: entry.key, text: entry.cell.text, fallback: String(fallback) },
        ),
        ...(settings.sheet === undefined ? {} : { sheet: settings.sheet }),
        cell: entry.address,
        row,
      },
    };
  }
  return { value: fallback };
}
