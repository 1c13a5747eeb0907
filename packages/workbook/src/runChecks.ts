import {
  createSchoolCalendar,
  type Finding,
  type IsoDate,
  type Lang,
  localize,
  SEVERITIES,
  summarizeFindings,
} from "@houqin/core";
import { columnLetter } from "./address.js";
import type { CheckContext, HouqinModule } from "./check.js";
import { type ParsedTable, parseTable } from "./parseTable.js";
import { recognizeTables } from "./recognizeTables.js";
import { MARKS_SHEET_NAME, RESULT_SHEET_NAMES } from "./resultSheets.js";
import {
  EMPTY_SETTINGS,
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
  /** The workbook's sheets in order (houqin's own left out), for grouping findings. */
  sheets: string[];
}

/** Sheets houqin writes itself, never read as data. */
function isOwnSheet(name: string): boolean {
  return name === MARKS_SHEET_NAME || RESULT_SHEET_NAMES.includes(name);
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
  const lang = options.lang ?? "zh-CN";
  const findings: Finding[] = [];
  const sheets = (await workbook.listSheets()).filter((s) => !isOwnSheet(s.name));
  const sheetOrder = new Map(sheets.map((s, i) => [s.name, i]));

  const settingsInfo = sheets.find((s) => SETTINGS_SHEET_NAMES.includes(s.name));
  const settingsSheet = settingsInfo ? await workbook.readSheet(settingsInfo.name) : undefined;
  const { settings, findings: settingFindings } = settingsSheet
    ? readSettings(settingsSheet, workbook.dateSystem, lang)
    : { settings: EMPTY_SETTINGS, findings: [] };
  findings.push(...settingFindings);

  const kinds: TableKind[] = options.modules.flatMap((m) => [...m.kinds]);
  const parsedByKind = new Map<string, ParsedTable[]>();
  const tables: TableReport[] = [];
  const dataSheets = sheets.filter((s) => s.visible && s.name !== settingsInfo?.name);
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
    const override = settings.overrides.get(info.name);
    for (const table of recognizeTables(sheet, kinds, override)) {
      const { parsed, findings: rowFindings } = parseTable(sheet, table, {
        dateSystem: workbook.dateSystem,
        lang,
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

  const asOf = options.asOf ?? settings.asOf ?? options.today;
  const calendar = createSchoolCalendar(settings.calendar);
  const settingFindingsSeen = new Set<string>();
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
  };
  const checks = options.modules.flatMap((m) => [...m.checks]);
  const applicable = checks.filter((c) => c.kinds.some((k) => parsedByKind.has(k.id)));
  applicable.forEach((check, i) => {
    options.onProgress?.({
      phase: "check",
      done: i,
      total: applicable.length,
      label: localize(check.title, lang),
    });
    findings.push(...check.run(ctx));
  });
  options.onProgress?.({ phase: "check", done: applicable.length, total: applicable.length, label: "" });

  sortFindings(findings, sheetOrder);
  return {
    tables,
    findings,
    summary: summarizeFindings(findings),
    settings,
    asOf,
    sheets: sheets.map((s) => s.name),
  };
}

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
