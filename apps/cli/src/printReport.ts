import { styleText } from "node:util";
import { type Bilingual, type Finding, type Lang, localize, SEVERITIES, type Severity } from "@houqin/core";
import type { CheckReport } from "@houqin/workbook";

const SEVERITY: Record<Severity, Bilingual> = {
  error: { "zh-CN": "错误", en: "error" },
  warning: { "zh-CN": "警告", en: "warning" },
  info: { "zh-CN": "提示", en: "info" },
};
const COLOR: Record<Severity, "red" | "yellow" | "cyan"> = { error: "red", warning: "yellow", info: "cyan" };

/** The CLI's JSON, version 1 (DESIGN.md): other tools rely on its shape. */
export function reportJson(file: string, report: CheckReport, lang: Lang = "zh-CN"): string {
  return `${JSON.stringify(
    {
      version: 1,
      file,
      tables: report.tables,
      findings: report.findings,
      summary: report.summary,
      reports: report.reports.map((r) => ({ id: r.id, title: localize(r.title, lang), rows: r.rows })),
    },
    null,
    2,
  )}\n`;
}

/**
 * A readable summary: the tables found, then the findings grouped by sheet and by severity.
 */
export function reportText(file: string, report: CheckReport, lang: Lang, color: boolean): string {
  const t = (text: Bilingual, params: Record<string, unknown> = {}) => localize(text, lang, params);
  const paint = (c: Parameters<typeof styleText>[0], s: string) => (color ? styleText(c, s) : s);
  const out: string[] = [];
  out.push(
    paint(
      "bold",
      t(
        { "zh-CN": "houqin 检查：{file}（基准日期 {asOf}）", en: "houqin check: {file} (as of {asOf})" },
        { file, asOf: report.asOf },
      ),
    ),
  );
  if (report.tables.length === 0) {
    out.push(t({ "zh-CN": "未识别到可检查的表格。", en: "No table houqin can check was recognised." }));
  } else {
    out.push(t({ "zh-CN": "识别到的表格：", en: "Tables recognised:" }));
    for (const table of report.tables)
      out.push(
        `  ${table.sheet}  ${table.kind}  ${t(
          { "zh-CN": "表头第 {h} 行，数据第 {a}–{b} 行", en: "header row {h}, data rows {a}–{b}" },
          { h: table.headerRow, a: table.firstRow, b: table.lastRow },
        )}`,
      );
  }
  const { error, warning, info } = report.summary;
  out.push("");
  out.push(
    t(
      { "zh-CN": "发现 {e} 个错误、{w} 个警告、{i} 个提示", en: "{e} errors, {w} warnings, {i} info" },
      { e: error, w: warning, i: info },
    ),
  );
  // Sheets in workbook order, then findings without a sheet.
  const groups = new Map<string, Finding[]>(report.sheets.map((name) => [name, []]));
  for (const f of report.findings) {
    const key = f.sheet ?? "";
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  for (const [sheet, findings] of groups) {
    if (findings.length === 0) continue;
    out.push("");
    out.push(
      paint("bold", `■ ${sheet === "" ? t({ "zh-CN": "（整个工作簿）", en: "(whole workbook)" }) : sheet}`),
    );
    for (const severity of SEVERITIES) {
      for (const f of findings.filter((x) => x.severity === severity)) {
        const label = paint(COLOR[severity], t(SEVERITY[severity]).padEnd(lang === "en" ? 8 : 3));
        const where = (f.cell ?? "").padEnd(6);
        const tag = paint("dim", `[${f.rule}${f.clause ? ` ${f.clause}` : ""}]`);
        out.push(`  ${label} ${where} ${f.message}  ${tag}`);
      }
    }
  }
  return `${out.join("\n")}\n`;
}
