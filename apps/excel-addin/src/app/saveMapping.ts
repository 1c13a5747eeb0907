import { type Bilingual, type Lang, localize } from "@houqin/core";
import {
  columnNumber,
  fieldKeyOf,
  houqinSheets,
  type OverrideEdit,
  overrideOf,
  readSettings,
  SETTINGS_SHEET_NAMES,
  settingsEdits,
} from "@houqin/workbook";
import { AddinError, type AddinHost } from "./addinHost.js";
import { allKinds } from "./domains.js";

/** A user's correction of how one sheet is read, from the Tables page. */
export interface MappingChange {
  sheet: string;
  /** The kind's id, e.g. "finance.charges". */
  kind: string;
  /** The header row; absent leaves the one in 设置 (or houqin's own finding) as it is. */
  headerRow?: number;
  /**
   * Columns by field key: letters ("E") to fix a column, null to let houqin find it again. Fields not
   * named keep what 设置 says.
   */
  columns: Readonly<Record<string, string | null>>;
  /** The language of the error message when the change is refused. */
  lang: Lang;
}

/** The name of the settings sheet houqin creates when the workbook has none. */
const NEW_SETTINGS_SHEET = "设置";

const MSG = {
  noSheet: { "zh-CN": "工作簿中没有名为“{sheet}”的工作表", en: "The workbook has no sheet named “{sheet}”" },
  kind: { "zh-CN": "不认识表格类型“{kind}”", en: "Unknown table kind “{kind}”" },
  headerRow: {
    "zh-CN": "表头行应为不小于 1 的整数，而不是“{row}”",
    en: "The header row must be a whole number from 1, not “{row}”",
  },
  field: {
    "zh-CN": "“{kind}”表中没有“{field}”这一列",
    en: "A “{kindEn}” table has no field “{field}”",
  },
  column: {
    "zh-CN": "“{field}”的列“{column}”无效：列应为 A 到 XFD 的字母",
    en: "Column “{column}” for “{fieldEn}” is not a column: use letters from A to XFD",
  },
} satisfies Record<string, Bilingual>;

function invalid(text: Bilingual, lang: Lang, params: Record<string, unknown>): AddinError {
  return new AddinError(
    "INVALID_ARGUMENT",
    { "zh-CN": localize(text, "zh-CN", params), en: localize(text, "en", params) },
    localize(text, lang, params),
  );
}

/**
 * Saves a user's correction of how a sheet is read into the workbook's settings sheet (设置, created
 * at the end when there is none): 表格类型:SHEET, 表头行:SHEET and 列:SHEET:FIELD, updating the rows
 * already there for that sheet. A column the settings name by a field title ("列:收费明细:金额") is
 * updated in that row; column corrections that name no field of the chosen kind are emptied. Only
 * the settings sheet is written.
 *
 * @param host - the open workbook
 * @param change - the sheet, its kind, header row and columns, and the language of a refusal
 * @returns the settings sheet's name and the cells written
 * @throws AddinError `INVALID_ARGUMENT` (message in `change.lang`, `text` in both languages) for a
 *   missing sheet, an unknown kind or field, a header row below 1, or a column that is not letters A–XFD
 * @example
 * await saveMapping(host, { sheet: "收费明细", kind: "finance.charges", columns: { amount: "E" }, lang: "zh-CN" });
 * // { settingsSheet: "设置", cells: ["B7"] }
 */
export async function saveMapping(
  host: AddinHost,
  change: MappingChange,
): Promise<{ settingsSheet: string; cells: string[] }> {
  const kind = allKinds().find((k) => k.kind.id === change.kind)?.kind;
  if (!kind) throw invalid(MSG.kind, change.lang, { kind: change.kind });
  if (change.headerRow !== undefined && (!Number.isInteger(change.headerRow) || change.headerRow < 1))
    throw invalid(MSG.headerRow, change.lang, { row: change.headerRow });
  for (const [key, letters] of Object.entries(change.columns)) {
    const field = Object.hasOwn(kind.fields, key) ? kind.fields[key] : undefined;
    if (!field)
      throw invalid(MSG.field, change.lang, { kind: kind.title["zh-CN"], kindEn: kind.title.en, field: key });
    if (letters !== null && columnNumber(letters) === undefined)
      throw invalid(MSG.column, change.lang, {
        field: field.title["zh-CN"],
        fieldEn: field.title.en,
        column: letters,
      });
  }

  const workbook = host.workbook;
  const own = await houqinSheets(workbook);
  const ownNames = new Set([own.marks, own.results, ...own.reports, own.generatedList, ...own.generated]);
  const sheets = (await workbook.listSheets()).filter((s) => !ownNames.has(s.name));
  if (!sheets.some((s) => s.name === change.sheet))
    throw invalid(MSG.noSheet, change.lang, { sheet: change.sheet });

  const settingsName = sheets.find((s) => SETTINGS_SHEET_NAMES.includes(s.name))?.name;
  const settingsSheet = settingsName === undefined ? undefined : await workbook.readSheet(settingsName);
  const existing = settingsSheet
    ? overrideOf(readSettings(settingsSheet, workbook.dateSystem, "zh-CN").settings, change.sheet)
    : undefined;

  // The settings may name a column by a field's title or synonym: update that row, not a new one.
  const columns: Record<string, string | null> = {};
  const written = Object.keys(existing?.columns ?? {});
  for (const name of written) if (fieldKeyOf(kind, name) === undefined) columns[name] = null;
  for (const [key, letters] of Object.entries(change.columns)) {
    const names = written.filter((name) => fieldKeyOf(kind, name) === key);
    const value = letters === null ? null : letters.trim().toUpperCase();
    if (names.length === 0) {
      if (value !== null) columns[key] = value;
      continue;
    }
    names.forEach((name, i) => {
      columns[name] = i === 0 ? value : null;
    });
  }
  const edit: OverrideEdit = {
    kind: kind.id,
    ...(change.headerRow === undefined ? {} : { headerRow: change.headerRow }),
    columns,
    // A sheet the user had houqin skip is read again once its mapping is saved.
    ...(existing?.ignore ? { ignore: null } : {}),
  };
  const target = settingsName ?? NEW_SETTINGS_SHEET;
  const cells = settingsEdits(settingsSheet, change.sheet, edit);
  if (cells.length > 0) await workbook.setCells(target, cells);
  return { settingsSheet: target, cells: cells.map((c) => c.address) };
}
