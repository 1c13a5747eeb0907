import {
  type Bilingual,
  createSchoolCalendar,
  type Finding,
  HouqinError,
  type IsoDate,
  type Lang,
  localize,
  normalizeText,
  SEVERITIES,
  summarizeFindings,
} from "@houqin/core";
import { columnLetter } from "./address.js";
import type { Check, CheckContext, HouqinModule } from "./check.js";
import { type ParsedTable, parseTable } from "./parseTable.js";
import {
  fieldKeyOf,
  kindNamed,
  type RecognizedTable,
  recognizeTables,
  type TableOverride,
} from "./recognizeTables.js";
import type { Report } from "./report.js";
import { houqinSheets } from "./resultSheets.js";
import {
  EMPTY_SETTINGS,
  overrideOf,
  readSetting,
  readSettings,
  SETTINGS_SHEET_NAMES,
  type Settings,
} from "./settings.js";
import type { FieldMap, TableKind } from "./tableKind.js";
import type { SheetData, Workbook } from "./workbook.js";

/** A recognised table as the CLI's JSON reports it. */
export interface TableReport {
  sheet: string;
  kind: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  /** Field key -> column letters. */
  columns: Record<string, string>;
}

/** Where a long run is. */
export interface CheckProgress {
  phase: "read" | "check";
  /** Steps done and the total of this phase (sheets read, checks run). */
  done: number;
  total: number;
  /** The sheet or check being worked on. */
  label: string;
}

/** Options of {@link runChecks}. */
export interface RunChecksOptions {
  modules: readonly HouqinModule[];
  lang?: Lang;
  /** The machine's date, from the app (domain code has no clock). */
  today: IsoDate;
  /** An explicit "today" (the CLI's --as-of); wins over the settings and the machine's date. */
  asOf?: IsoDate;
  onProgress?: (progress: CheckProgress) => void;
}

/** Everything a run found. */
export interface CheckReport {
  tables: TableReport[];
  findings: Finding[];
  summary: Record<"error" | "warning" | "info", number>;
  settings: Settings;
  asOf: IsoDate;
  /** Report tables the checks produced (a compliance summary…), in the order they ran. */
  reports: Report[];
  /** The workbook's sheets in order (houqin's own left out), for grouping findings. */
  sheets: string[];
}

/** A workbook read and parsed, ready for checks (or for generating schedules from its settings). */
export interface WorkbookContents {
  /** What checks are given: the parsed tables, settings, calendar, language and "today". */
  ctx: CheckContext;
  tables: TableReport[];
  /** Findings about reading it: settings, unreadable or missing cells, hidden sheets. */
  findings: Finding[];
  /** Report tables published through ctx.report. */
  reports: Report[];
  /** The user's sheets in order (houqin's own left out). */
  sheets: string[];
  /** Whether any table of this kind was found. */
  has(kindId: string): boolean;
}

/**
 * Reads a workbook: its settings, and every table of the modules' kinds, recognised and parsed.
 * Nothing in it throws for bad data: each problem is a finding at its cell.
 *
 * @example
 * const { ctx } = await readWorkbook(workbook, { modules: [safety], today: "2023-09-01" });
 * ctx.calendar.isSchoolDay("2023-10-07") // true
 */
export async function readWorkbook(workbook: Workbook, options: RunChecksOptions): Promise<WorkbookContents> {
  const lang = options.lang ?? "zh-CN";
  const findings: Finding[] = [];
  // houqin's own sheets (its results, what it generated and its bookkeeping) are never read as data.
  const own = await houqinSheets(workbook);
  const ownNames = new Set([own.marks, own.results, ...own.reports, own.generatedList, ...own.generated]);
  const sheets = (await workbook.listSheets()).filter((s) => !ownNames.has(s.name));

  const settingsInfo = sheets.find((s) => SETTINGS_SHEET_NAMES.includes(s.name));
  const settingsSheet = settingsInfo ? await workbook.readSheet(settingsInfo.name) : undefined;
  const { settings, findings: settingFindings } = settingsSheet
    ? readSettings(settingsSheet, workbook.dateSystem, lang)
    : { settings: EMPTY_SETTINGS, findings: [] };
  findings.push(...settingFindings);

  const kinds: TableKind[] = options.modules.flatMap((m) => [...m.kinds]);
  const parsedByKind = new Map<string, ParsedTable[]>();
  const tables: TableReport[] = [];
  const dataSheets = sheets.filter((s) => s.name !== settingsInfo?.name);
  // A date written without a year, with no full date near it, is in the school year of the settings,
  // else in the school year of "today".
  const asOf = options.asOf ?? settings.asOf ?? options.today;
  const schoolYearStart =
    schoolYearStartOf(settings) ?? Number(asOf.slice(0, 4)) - (Number(asOf.slice(5, 7)) < 8 ? 1 : 0);
  findings.push(...checkOverrides(settings, kinds, new Set(sheets.map((s) => s.name)), lang));
  let done = 0;
  for (const info of dataSheets) {
    options.onProgress?.({ phase: "read", done, total: dataSheets.length, label: info.name });
    let sheet: SheetData;
    try {
      sheet = await workbook.readSheet(info.name);
    } catch (error) {
      findings.push(unreadableSheet(info.name, error, lang));
      done++;
      continue;
    }
    const override = overrideOf(settings, info.name);
    const found = recognizeTables(sheet, kinds, override);
    if (!info.visible) {
      // A hidden sheet is the user's choice: say what is in it, but do not judge it.
      if (found.length > 0) findings.push(hiddenSheet(info.name, found, lang));
      done++;
      continue;
    }
    if (override) findings.push(...checkOverrideColumns(override, found, settings, lang));
    for (const table of found) {
      const { parsed, findings: rowFindings } = parseTable(sheet, table, {
        dateSystem: workbook.dateSystem,
        lang,
        ...(schoolYearStart === undefined ? {} : { schoolYearStart }),
      });
      findings.push(...rowFindings);
      const list = parsedByKind.get(table.kind.id) ?? [];
      list.push(parsed);
      parsedByKind.set(table.kind.id, list);
      tables.push({
        sheet: table.sheet,
        kind: table.kind.id,
        headerRow: table.headerRow,
        firstRow: table.firstRow,
        lastRow: table.lastRow,
        columns: Object.fromEntries(
          Object.entries(table.columns as Record<string, number>).map(([k, c]) => [k, columnLetter(c)]),
        ),
      });
    }
    done++;
  }
  options.onProgress?.({ phase: "read", done, total: dataSheets.length, label: "" });

  const calendar = createSchoolCalendar(settings.calendar);
  const settingFindingsSeen = new Set<string>();
  const reports: Report[] = [];
  const ctx: CheckContext = {
    lang,
    asOf,
    calendar,
    settings,
    dateSystem: workbook.dateSystem,
    tablesOf: <F extends FieldMap>(kind: TableKind<F>) =>
      (parsedByKind.get(kind.id) ?? []) as unknown as readonly ParsedTable<F>[],
    setting: (names, schema, fallback) => {
      const { value, finding } = readSetting(settings, names, schema, fallback, workbook.dateSystem, lang);
      if (finding && !settingFindingsSeen.has(finding.cell ?? "")) {
        settingFindingsSeen.add(finding.cell ?? "");
        findings.push(finding);
      }
      return value;
    },
    report: (report) => reports.push(report),
  };
  return {
    ctx,
    tables,
    findings,
    reports,
    sheets: sheets.map((s) => s.name),
    has: (kindId) => parsedByKind.has(kindId),
  };
}

const CHECK_MSG = {
  overflow: {
    "zh-CN": "“{check}”：金额合计超出可计算的范围，请检查是否有金额多填了位数",
    en: "“{check}”: the amounts add up to more than houqin can compute; please check for an amount with too many digits",
  },
  failed: {
    "zh-CN": "“{check}”未能完成（{error}），其余检查照常进行；请把这个工作簿反馈给维护人员",
    en: "“{check}” could not finish ({error}); the other checks ran as usual. Please send this workbook to the maintainers",
  },
} satisfies Record<string, Bilingual>;

/**
 * Runs one check. A sum out of range becomes the finding `<domain>/amount-out-of-range`, and any other
 * failure `workbook/check-failed`: one check that cannot finish never takes the others' findings with it.
 */
function runOne(check: Check, ctx: CheckContext): Finding[] {
  try {
    return check.run(ctx);
  } catch (error) {
    const name = localize(check.title, ctx.lang);
    if (error instanceof HouqinError && error.code === "MONEY_OVERFLOW")
      return [
        {
          rule: `${check.id.split("/")[0]}/amount-out-of-range`,
          severity: "error",
          message: localize(CHECK_MSG.overflow, ctx.lang, { check: name }),
          data: { check: check.id },
        },
      ];
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        rule: "workbook/check-failed",
        severity: "error",
        message: localize(CHECK_MSG.failed, ctx.lang, { check: name, error: reason }),
        data: { check: check.id, error: reason },
      },
    ];
  }
}

/**
 * Reads a workbook, recognises its tables, parses their rows and runs every check that applies.
 * Nothing in it throws for bad data: each problem is a finding at its cell.
 *
 * @example
 * const report = await runChecks(workbook, { modules: [finance], today: "2023-11-01" });
 * report.summary.error // 3
 */
export async function runChecks(workbook: Workbook, options: RunChecksOptions): Promise<CheckReport> {
  const { ctx, tables, findings, reports, sheets, has } = await readWorkbook(workbook, options);
  const lang = ctx.lang;
  const sheetOrder = new Map(sheets.map((name, i) => [name, i]));
  const checks = options.modules.flatMap((m) => [...m.checks]);
  const applicable = checks.filter((c) => c.kinds.some((k) => has(k.id)));
  applicable.forEach((check, i) => {
    options.onProgress?.({
      phase: "check",
      done: i,
      total: applicable.length,
      label: localize(check.title, lang),
    });
    findings.push(...runOne(check, ctx));
  });
  options.onProgress?.({ phase: "check", done: applicable.length, total: applicable.length, label: "" });

  sortFindings(findings, sheetOrder);
  return {
    tables,
    findings,
    reports,
    summary: summarizeFindings(findings),
    settings: ctx.settings,
    asOf: ctx.asOf,
    sheets,
  };
}

/** The calendar year the school year starts in: the first semester's, or the 学年 setting's first year. */
function schoolYearStartOf(settings: Settings): number | undefined {
  const first = settings.calendar.semesters?.[0];
  if (first) return Number(first.start.slice(0, 4)) - (Number(first.start.slice(5, 7)) < 8 ? 1 : 0);
  const year = /(\d{4})/.exec(settings.schoolYear ?? "")?.[1];
  return year === undefined ? undefined : Number(year);
}

function settingFinding(
  source: TableOverride["source"],
  settings: Settings,
  text: Bilingual,
  lang: Lang,
  params: Record<string, unknown>,
): Finding {
  const at = source?.[0];
  return {
    rule: "settings/invalid-value",
    severity: "warning",
    message: localize(text, lang, { key: at?.key ?? "", ...params }),
    ...(settings.sheet === undefined ? {} : { sheet: settings.sheet }),
    ...(at ? { cell: at.cell, row: at.row } : {}),
  };
}

/** Corrections in the settings that name a sheet or a kind the workbook does not have. */
function checkOverrides(
  settings: Settings,
  kinds: readonly TableKind[],
  sheetNames: ReadonlySet<string>,
  lang: Lang,
): Finding[] {
  const findings: Finding[] = [];
  const named = new Set([...sheetNames].map(normalizeText));
  for (const [sheet, override] of settings.overrides) {
    if (!sheetNames.has(sheet) && !named.has(normalizeText(sheet))) {
      findings.push(settingFinding(override.source, settings, MSG.noSuchSheet, lang, { sheet }));
      continue;
    }
    if (override.kind !== undefined && !kindNamed(kinds, override.kind)) {
      const known = kinds.map((k) => `${k.id} ${localize(k.title, lang)}`).join("、");
      findings.push(
        settingFinding(override.source, settings, MSG.noSuchKind, lang, { kind: override.kind, known }),
      );
    }
  }
  return findings;
}

/** Column corrections that name a field the recognised kind does not have. */
function checkOverrideColumns(
  override: TableOverride,
  tables: readonly RecognizedTable[],
  settings: Settings,
  lang: Lang,
): Finding[] {
  const kind = tables[0]?.kind;
  if (!kind || !override.columns) return [];
  const findings: Finding[] = [];
  for (const name of Object.keys(override.columns)) {
    if (fieldKeyOf(kind, name) !== undefined) continue;
    const known = Object.values(kind.fields)
      .map((f) => localize(f.title, lang))
      .join("、");
    const source = override.source?.filter((s) => s.key.endsWith(name));
    findings.push(
      settingFinding(source?.length ? source : override.source, settings, MSG.noSuchField, lang, {
        field: name,
        kind: localize(kind.title, lang),
        known,
      }),
    );
  }
  return findings;
}

function hiddenSheet(sheet: string, tables: readonly RecognizedTable[], lang: Lang): Finding {
  return {
    rule: "workbook/hidden-sheet",
    severity: "info",
    message: localize(MSG.hidden, lang, {
      kinds: [...new Set(tables.map((t) => localize(t.kind.title, lang)))].join("、"),
    }),
    sheet,
  };
}

const MSG = {
  noSuchSheet: {
    "zh-CN": "设置“{key}”：工作簿中没有名为“{sheet}”的工作表",
    en: "Setting “{key}”: the workbook has no sheet named “{sheet}”",
  },
  noSuchKind: {
    "zh-CN": "设置“{key}”：不认识表格类型“{kind}”，可填写：{known}",
    en: "Setting “{key}”: unknown table kind “{kind}”; known kinds: {known}",
  },
  noSuchField: {
    "zh-CN": "设置“{key}”：“{kind}”表中没有“{field}”这一列，可用：{known}",
    en: "Setting “{key}”: a “{kind}” table has no column “{field}”; its columns: {known}",
  },
  hidden: {
    "zh-CN": "隐藏的工作表中有{kinds}表，未检查；如需检查，请取消隐藏",
    en: "This hidden sheet holds a {kinds} table, which was not checked; unhide it to check it",
  },
} satisfies Record<string, Bilingual>;

function unreadableSheet(sheet: string, error: unknown, lang: Lang): Finding {
  return {
    rule: "workbook/unreadable-sheet",
    severity: "warning",
    message: localize(
      { "zh-CN": "工作表无法读取：{reason}", en: "The sheet cannot be read: {reason}" },
      lang,
      { reason: error instanceof Error ? error.message : String(error) },
    ),
    sheet,
  };
}

/** Sorts findings by severity, then by sheet in workbook order, then by row and cell. */
function sortFindings(findings: Finding[], sheetOrder: ReadonlyMap<string, number>): void {
  const sev = (f: Finding) => SEVERITIES.indexOf(f.severity);
  const sheetIndex = (f: Finding) => (f.sheet === undefined ? -1 : (sheetOrder.get(f.sheet) ?? 1e6));
  findings.sort(
    (a, b) =>
      sev(a) - sev(b) ||
      sheetIndex(a) - sheetIndex(b) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.cell ?? "").length - (b.cell ?? "").length ||
      (a.cell ?? "").localeCompare(b.cell ?? "") ||
      a.rule.localeCompare(b.rule),
  );
}
