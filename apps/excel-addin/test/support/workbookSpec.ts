import type { MemorySheetSpec, MemoryWorkbookSpec } from "@houqin/workbook";
import { XlsxWorkbook } from "@houqin/workbook/xlsx";

/**
 * Reads .xlsx bytes the way the add-in's user would see them in Excel and turns every sheet into a
 * spec for the in-memory Excel: each cell's value, displayed text and number format, the merged
 * ranges, and whether the sheet is hidden.
 *
 * @param bytes - an .xlsx file's content
 * @returns the sheets in workbook order and the date system
 * @example const spec = await workbookSpec(await sample.workbook.xlsx.writeBuffer());
 */
export async function workbookSpec(bytes: Uint8Array): Promise<MemoryWorkbookSpec> {
  const workbook = await XlsxWorkbook.fromBuffer(bytes);
  const sheets: MemorySheetSpec[] = [];
  for (const info of await workbook.listSheets()) {
    const data = await workbook.readSheet(info.name);
    sheets.push({
      name: info.name,
      // readSheet leaves rows short (and empty rows out): a missing cell is a blank one.
      rows: Array.from({ length: data.rows.length }, (_, r) =>
        Array.from(data.rows[r] ?? [], (cell) => cell ?? { value: null, text: "" }),
      ),
      merges: data.merges,
      hidden: !info.visible,
    });
  }
  return { sheets, dateSystem: workbook.dateSystem };
}
