/**
 * The big sheet of the Office.js adapter benchmark, as Excel would load it: `rows` rows (a header, then
 * data) of ten typed columns — numbers, text, dates shown as yyyy-mm-dd, decimals with a format,
 * booleans, an error value every 1,000 rows, the text "#N/A", and a column blank on odd rows. The same
 * shapes as the add-in's own mock test (apps/excel-addin/src/__tests__/officeWorkbook.mock.test.ts),
 * built once, row by row, as the four 2D arrays a range loads: values, text, numberFormat, valueTypes.
 * Deterministic: the sheet depends on `rows` only.
 */

export const OFFICE_COLUMNS = 10;

/** One cell (0-based row and column) as [value, text, numberFormat, valueType]. */
function cell(r, c) {
  if (r === 0) return [`列${c + 1}`, `列${c + 1}`, "General", "String"];
  switch (c) {
    case 0:
      return [r, String(r), "General", "Double"];
    case 1:
      return [`物品${r}`, `物品${r}`, "General", "String"];
    case 2: {
      const serial = 45536 + (r % 365);
      const iso = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
      return [serial, iso, "yyyy-mm-dd", "Double"];
    }
    case 3:
      return [r * 1.5, (r * 1.5).toFixed(2), "0.00", "Double"];
    case 4:
      return [r % 2 === 0, r % 2 === 0 ? "TRUE" : "FALSE", "General", "Boolean"];
    case 5:
      return r % 1000 === 0 ? ["#N/A", "#N/A", "General", "Error"] : ["正常", "正常", "General", "String"];
    case 6:
      return r === 7
        ? ["#N/A", "#N/A", "@", "String"]
        : [`备注${r % 97}`, `备注${r % 97}`, "General", "String"];
    case 7:
      return [r % 13, String(r % 13), "General", "Double"];
    case 8:
      return [`B${r}`, `B${r}`, "General", "String"];
    default:
      return r % 2 === 1 ? ["", "", "General", "Empty"] : [-r, String(-r), "General", "Double"];
  }
}

/**
 * The sheet as four arrays of rows.
 *
 * @param {number} rows - rows of the used range, the header included
 * @returns {{ values: unknown[][], text: string[][], numberFormat: string[][], valueTypes: string[][] }}
 */
export function officeSheet(rows) {
  const sheet = { values: [], text: [], numberFormat: [], valueTypes: [] };
  for (let r = 0; r < rows; r++) {
    const values = [];
    const text = [];
    const numberFormat = [];
    const valueTypes = [];
    for (let c = 0; c < OFFICE_COLUMNS; c++) {
      const [v, t, f, y] = cell(r, c);
      values.push(v);
      text.push(t);
      numberFormat.push(f);
      valueTypes.push(y);
    }
    sheet.values.push(values);
    sheet.text.push(text);
    sheet.numberFormat.push(numberFormat);
    sheet.valueTypes.push(valueTypes);
  }
  return sheet;
}
