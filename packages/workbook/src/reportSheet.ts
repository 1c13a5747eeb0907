import { type Fen, fenToYuan, type Lang, localize } from "@houqin/core";
import type { Report } from "./report.js";
import type { OutCell, SheetToWrite } from "./workbook.js";

/** How money is shown in report sheets: ¥1,234.50, negatives with a minus. */
export const MONEY_FORMAT = "¥#,##0.00;-¥#,##0.00";

/**
 * A report table as a sheet, as writeResults and the add-in's generators write it: a bold header, money
 * columns (integer fen) as yuan numbers in a ¥ format so Excel can add them up, the header frozen.
 *
 * @param report - a report from runChecks
 * @param lang - the language of the name and headers
 * @returns the sheet to write (named after the report; make the name unique before writing)
 * @example reportSheet(reconciliation, "zh-CN").name // "银行存款余额调节表"
 */
export function reportSheet(report: Report, lang: Lang): SheetToWrite {
  const header = report.columns.map((c): OutCell => ({ text: localize(c.title, lang), bold: true }));
  const body = report.rows.map((row) =>
    report.columns.map((c): OutCell => {
      const value = row[c.key] ?? null;
      return c.format === "money" && typeof value === "number"
        ? { value: fenToYuan(value as Fen), format: MONEY_FORMAT }
        : value;
    }),
  );
  return {
    name: localize(report.sheetName, lang),
    rows: [header, ...body],
    options: {
      frozenRows: 1,
      columnWidths: report.columns.map(
        (c) => c.width ?? Math.max(10, localize(c.title, lang).length * 2 + 2),
      ),
    },
  };
}
