import {
  type Bilingual,
  type Finding,
  type Lang,
  localize,
  type Severity,
  summarizeFindings,
} from "@houqin/core";
import { type Report, runChecks, type TableReport } from "@houqin/workbook";
import { AddinError, type AddinHost } from "./addinHost.js";
import { DOMAINS, type Domain } from "./domains.js";
import { type Progress, progressOf } from "./progress.js";

/** What a check run found, ready to show and to write into the workbook. */
export interface CheckOutcome {
  /** Sorted by severity, then sheet in workbook order, then row. */
  findings: Finding[];
  summary: Record<Severity, number>;
  /** Report tables the checks produced (compliance, reconciliation, settlement…). */
  reports: Report[];
  tables: TableReport[];
}

/** The part of the progress bar that reading the sheets takes (the slow part in Excel). */
const READ_SHARE = 0.8;

const UNKNOWN_DOMAIN: Bilingual = {
  "zh-CN": "没有“{domain}”这个检查范围",
  en: "There is no domain “{domain}” to check",
};

/** The domain asked for, or undefined for all. */
function domainOf(domain: string | undefined, lang: Lang): Domain | undefined {
  if (domain === undefined) return undefined;
  const found = DOMAINS.find((d) => d.id === domain);
  if (!found)
    throw new AddinError(
      "INVALID_ARGUMENT",
      {
        "zh-CN": localize(UNKNOWN_DOMAIN, "zh-CN", { domain }),
        en: localize(UNKNOWN_DOMAIN, "en", { domain }),
      },
      localize(UNKNOWN_DOMAIN, lang, { domain }),
    );
  return found;
}

/**
 * Whether a finding lies in tables of other domains only (a cell of a safety log that cannot be read,
 * when only finance is checked): on a sheet with tables, none of those around its row (or on the
 * sheet, without a row) being of the domain's kinds.
 */
function elsewhere(f: Finding, tables: readonly TableReport[], kinds: ReadonlySet<string>): boolean {
  if (f.sheet === undefined) return false;
  const onSheet = tables.filter((t) => t.sheet === f.sheet);
  if (onSheet.length === 0) return false;
  const row = f.row;
  const around =
    row === undefined
      ? []
      : onSheet.filter((t) => row >= t.headerRow && row <= Math.max(t.lastRow, t.firstRow));
  return (around.length > 0 ? around : onSheet).every((t) => !kinds.has(t.kind));
}

/**
 * Runs the checks on the open workbook: every domain's, or one domain's (`domain`, e.g. "finance"):
 * then only its checks run, and its tables and findings are returned (every table is still
 * recognised, so a sheet reads as the same kind either way). Sheets the add-in generated (schedules,
 * rosters…) are not read. Only reads: no cell of the workbook changes (writeCheckResults writes the
 * results). "Today" for open items is the settings' 检查日期, else the host's date.
 *
 * @param host - the open workbook and its date
 * @param options - the domain, the language of the findings, a progress callback (reading the sheets
 *   fills the first 80% of the bar, the checks the rest)
 * @returns findings, their summary, the report tables and the recognised tables
 * @throws AddinError `INVALID_ARGUMENT` for an unknown domain
 * @example
 * const outcome = await runCheck(host, { lang: "zh-CN", onProgress: (p) => bar.set(p.fraction) });
 * outcome.summary // { error: 3, warning: 2, info: 0 }
 */
export async function runCheck(
  host: AddinHost,
  options: { domain?: string; lang: Lang; onProgress?: (p: Progress) => void },
): Promise<CheckOutcome> {
  const domain = domainOf(options.domain, options.lang);
  const onProgress = options.onProgress;
  // Every domain's tables are recognised, as in a full run (a finance check reads the asset ledger,
  // and a sheet is read as the same kind whatever is checked); only the chosen domain's checks run.
  const modules = DOMAINS.map((d) =>
    domain === undefined || d.id === domain.id ? d.module : { ...d.module, checks: [] },
  );
  const report = await runChecks(host.workbook, {
    modules,
    lang: options.lang,
    today: host.today(),
    ...(onProgress ? { onProgress: (p) => onProgress(progressOf(p, READ_SHARE)) } : {}),
  });
  if (domain === undefined)
    return {
      findings: report.findings,
      summary: report.summary,
      reports: report.reports,
      tables: report.tables,
    };
  // What reading found in the other domains' tables is theirs to report.
  const kinds = new Set([
    ...domain.module.kinds.map((k) => k.id),
    ...domain.module.checks.flatMap((c) => c.kinds.map((k) => k.id)),
  ]);
  const findings = report.findings.filter(
    (f) => f.rule.startsWith(`${domain.id}/`) || !elsewhere(f, report.tables, kinds),
  );
  return {
    findings,
    summary: summarizeFindings(findings),
    reports: report.reports,
    tables: report.tables.filter((t) => kinds.has(t.kind)),
  };
}
