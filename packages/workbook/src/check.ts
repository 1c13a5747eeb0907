import type { Bilingual, DateSystem, Finding, IsoDate, Lang, SchoolCalendar } from "@houqin/core";
import type { ParsedTable } from "./parseTable.js";
import type { Report } from "./report.js";
import type { Settings } from "./settings.js";
import type { CellSchema, FieldMap, TableKind } from "./tableKind.js";

/** What a check is given: the parsed tables, the settings and calendar, the language and "today". */
export interface CheckContext {
  lang: Lang;
  /** "Today" for what is still open: --as-of, the settings, or the machine's date, in that order. */
  asOf: IsoDate;
  calendar: SchoolCalendar;
  settings: Settings;
  dateSystem: DateSystem;
  /** The parsed tables of a kind, in workbook order. */
  tablesOf<F extends FieldMap>(kind: TableKind<F>): readonly ParsedTable<F>[];
  /** A setting by any of its names, or the default; an unreadable value is reported once at its cell. */
  setting<T>(names: readonly string[], schema: CellSchema<T>, fallback: T): T;
  /** Publishes a report table (written as a sheet of its own, and in the CLI's JSON). */
  report(report: Report): void;
}

/** One rule set of a domain: which kinds of table it reads and how it judges them. */
export interface Check {
  /** Stable id, e.g. "finance/fees". */
  id: string;
  title: Bilingual;
  /** The kinds it reads; it runs when at least one of them is in the workbook. */
  kinds: readonly TableKind[];
  run(ctx: CheckContext): Finding[];
}

/** What a domain package offers to the apps: its table kinds and its checks. */
export interface HouqinModule {
  /** The domain, e.g. "finance". */
  id: string;
  title: Bilingual;
  kinds: readonly TableKind[];
  checks: readonly Check[];
}
