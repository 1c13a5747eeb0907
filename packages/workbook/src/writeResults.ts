import { type Bilingual, type Finding, type Lang, localize, SEVERITIES, type Severity } from "@houqin/core";
import type { Report } from "./report.js";
import { reportSheet } from "./reportSheet.js";
import { houqinSheets, MARKS_SHEET_NAME, RESULTS_TAG } from "./resultSheets.js";
import type { CellDecoration, CellMark, OutCell, Workbook } from "./workbook.js";

/** The fill of a marked cell by its worst finding: light red, light yellow, light blue. */
export const MARK_COLORS: Readonly<Record<Severity, string>> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
};

const SEVERITY_LABEL: Record<Severity, Bilingual> = {
  error: { "zh-CN": "错误", en: "Error" },
  warning: { "zh-CN": "警告", en: "Warning" },
  info: { "zh-CN": "提示", en: "Info" },
};

const HEADERS: Bilingual[] = [
  { "zh-CN": "序号", en: "No." },
  { "zh-CN": "级别", en: "Severity" },
  { "zh-CN": "工作表", en: "Sheet" },
  { "zh-CN": "单元格", en: "Cell" },
  { "zh-CN": "说明", en: "Message" },
  { "zh-CN": "规则", en: "Rule" },
  { "zh-CN": "计划条款", en: "Plan clause" },
];

/** What {@link writeResults} did. */
export interface WriteResultsSummary {
  /** The results sheet's name. */
  sheet: string;
  /** The report sheets' names. */
  reportSheets: string[];
  findings: number;
  /** Cells filled and given a note. */
  markedCells: number;
}

/**
 * Removes houqin's results from a workbook: the results sheet, and the marks on the user's cells,
 * whose own fills and notes are put back.
 *
 * @returns how many cells were restored
 * @example await clearResults(workbook) // 12
 */
export async function clearResults(workbook: Workbook): Promise<number> {
  const own = await houqinSheets(workbook);
  let restored = 0;
  if (own.marks) {
    const sheets = new Set((await workbook.listSheets()).map((s) => s.name));
    const marks = await workbook.readSheet(own.marks);
    const bySheet = new Map<string, CellDecoration[]>();
    for (const row of marks.rows.slice(1)) {
      const sheet = row[0]?.value;
      const address = row[1]?.value;
      if (typeof sheet !== "string" || typeof address !== "string" || !sheets.has(sheet)) continue;
      const fill = row[2]?.value;
      const note = row[3]?.value;
      const list = bySheet.get(sheet) ?? [];
      list.push({
        address,
        fill: typeof fill === "string" && fill !== "" ? fill : null,
        note: typeof note === "string" && note !== "" ? note : null,
      });
      bySheet.set(sheet, list);
    }
    for (const [sheet, decorations] of bySheet) {
      await workbook.restoreDecorations(sheet, decorations);
      restored += decorations.length;
    }
    for (const sheet of [own.results, ...own.reports])
      if (sheet !== undefined) await workbook.deleteSheet(sheet);
    await workbook.deleteSheet(own.marks);
  }
  return restored;
}

/**
 * Writes a run's findings into the workbook: the 检查结果 sheet with a link per finding to its cell,
 * and a fill and a note on each offending cell. The values of the user's cells never change; a
 * second run replaces the first run's results and marks.
 *
 * @example
 * await writeResults(workbook, report.findings, { lang: "zh-CN" });
 */
export async function writeResults(
  workbook: Workbook,
  findings: readonly Finding[],
  options: { lang?: Lang; reports?: readonly Report[] } = {},
): Promise<WriteResultsSummary> {
  const lang = options.lang ?? "zh-CN";
  await clearResults(workbook);
  const userSheets = new Set((await workbook.listSheets()).map((s) => s.name));
  // A sheet of the user's that happens to bear a name is left alone: houqin takes another.
  // Excel's sheet names ignore case: "check results" is taken when houqin would write "Check results".
  const taken = new Set([...userSheets].map((name) => name.toLowerCase()));
  const freeName = (text: Bilingual) => {
    const base = localize(text, lang);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++)
      name = `${base.slice(0, 20)} (houqin${n > 2 ? ` ${n - 1}` : ""})`;
    taken.add(name.toLowerCase());
    return name;
  };
  const sheetName = freeName({ "zh-CN": "检查结果", en: "Check results" });
  const reportSheets = (options.reports ?? []).map((report) => ({
    report,
    name: freeName(report.sheetName),
  }));

  const rows: OutCell[][] = [HEADERS.map((h) => ({ text: localize(h, lang), bold: true as const }))];
  findings.forEach((f, i) => {
    const where =
      f.sheet !== undefined && f.cell !== undefined && userSheets.has(f.sheet)
        ? { text: f.cell, link: { sheet: f.sheet, cell: f.cell } }
        : (f.cell ?? "");
    rows.push([
      i + 1,
      localize(SEVERITY_LABEL[f.severity], lang),
      f.sheet ?? "",
      where,
      f.message,
      f.rule,
      f.clause ?? "",
    ]);
  });
  if (findings.length === 0)
    rows.push(["", "", "", "", localize({ "zh-CN": "未发现问题", en: "No findings" }, lang), "", ""]);

  // Marks: one per cell, coloured by its worst finding, the note listing every finding there.
  const bySheet = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    if (f.sheet === undefined || f.cell === undefined || !userSheets.has(f.sheet)) continue;
    const cells = bySheet.get(f.sheet) ?? new Map<string, Finding[]>();
    const list = cells.get(f.cell) ?? [];
    list.push(f);
    cells.set(f.cell, list);
    bySheet.set(f.sheet, cells);
  }
  const saved: OutCell[][] = [[RESULTS_TAG, sheetName, ...reportSheets.map((r) => r.name)]];
  const marksBySheet = new Map<string, CellMark[]>();
  for (const [sheet, cells] of bySheet) {
    const addresses = [...cells.keys()];
    for (const d of await workbook.readDecorations(sheet, addresses))
      saved.push([sheet, d.address, d.fill, d.note]);
    marksBySheet.set(
      sheet,
      addresses.map((address) => {
        const list = cells.get(address) as Finding[];
        const worst = SEVERITIES.find((s) => list.some((f) => f.severity === s)) as Severity;
        const note = list
          .map((f) => `【${localize(SEVERITY_LABEL[f.severity], lang)}】${f.message}`)
          .join("\n");
        return { address, color: MARK_COLORS[worst], note: `houqin\n${note}` };
      }),
    );
  }
  // The originals are saved before any cell is marked, so nothing is lost if marking stops halfway.
  await workbook.writeSheet(MARKS_SHEET_NAME, saved, { hidden: true });
  await workbook.writeSheet(sheetName, rows, { frozenRows: 1, columnWidths: [6, 8, 16, 10, 60, 28, 10] });
  for (const { report, name } of reportSheets) {
    const sheet = reportSheet(report, lang);
    await workbook.writeSheet(name, sheet.rows, sheet.options);
  }
  let markedCells = 0;
  for (const [sheet, marks] of marksBySheet) {
    await workbook.markCells(sheet, marks);
    markedCells += marks.length;
  }
  return {
    sheet: sheetName,
    reportSheets: reportSheets.map((r) => r.name),
    findings: findings.length,
    markedCells,
  };
}
