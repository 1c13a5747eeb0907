/**
 * How big one request to Excel may be. Excel on the web rejects a request or a response over 5 MB
 * and a range read over 5,000,000 cells; houqin stays under 4 MB (4,000,000 bytes) and under the cell cap.
 */
export const MAX_REQUEST_BYTES = 4_000_000;

/** The most cells one request reads or writes (Excel's cap for a range read is 5,000,000). */
export const MAX_CELLS_PER_REQUEST = 5_000_000;

/**
 * What one cell costs in a read's response before anything is known of the sheet: its value, its
 * text, its number format and its value type as JSON (a short text or a date, e.g.
 * `"午餐费","午餐费","General","String",` or `45536,"2024-09-01","yyyy-mm-dd","Double",` is 35–45 bytes).
 * Reads measure the real size as they go and shrink later chunks of a wordier sheet.
 */
export const READ_BYTES_PER_CELL = 80;

/** A block of a sheet read or written in one request: 0-based first row and column, and its size. */
export interface CellBlock {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/**
 * How many columns and rows one request may cover so that `columns × rows × bytesPerCell` stays
 * within the budget ({@link MAX_REQUEST_BYTES}) and `columns × rows` within
 * {@link MAX_CELLS_PER_REQUEST}: whole rows when a row fits (even 16,384 columns of 80 bytes do:
 * 1.3 MB), else part of one row.
 *
 * @param columnCount - the columns of the range (at least 1)
 * @param bytesPerCell - the expected size of one cell
 * @param budget - the most bytes one request may carry
 * @returns columns and rows of one block (both at least 1)
 * @example chunkShape(10) // { columns: 10, rows: 5000 }
 */
export function chunkShape(
  columnCount: number,
  bytesPerCell: number = READ_BYTES_PER_CELL,
  budget: number = MAX_REQUEST_BYTES,
): { columns: number; rows: number } {
  const perCell = Math.max(bytesPerCell, Number.MIN_VALUE);
  const cells = Math.max(1, Math.min(MAX_CELLS_PER_REQUEST, Math.floor(budget / perCell)));
  const columns = Math.max(1, Math.min(columnCount, cells));
  return { columns, rows: Math.max(1, Math.floor(cells / columns)) };
}

/**
 * The blocks that read a range of `rowCount × columnCount` cells, row bands first, each within
 * {@link chunkShape}.
 *
 * @param rowCount - the rows of the range
 * @param columnCount - the columns of the range
 * @param bytesPerCell - the expected size of one cell
 * @param budget - the most bytes one request may carry
 * @returns 0-based blocks relative to the range's top-left cell
 * @example readBlocks(100_000, 10).length // 20
 */
export function readBlocks(
  rowCount: number,
  columnCount: number,
  bytesPerCell: number = READ_BYTES_PER_CELL,
  budget: number = MAX_REQUEST_BYTES,
): CellBlock[] {
  const { columns, rows } = chunkShape(columnCount, bytesPerCell, budget);
  const blocks: CellBlock[] = [];
  for (let row = 0; row < rowCount; row += rows) {
    for (let column = 0; column < columnCount; column += columns) {
      blocks.push({
        row,
        column,
        rowCount: Math.min(rows, rowCount - row),
        columnCount: Math.min(columns, columnCount - column),
      });
    }
  }
  return blocks;
}

/**
 * The size of a value in UTF-8 JSON, as it travels to and from Excel.
 *
 * @example jsonBytes("午餐费") // 11; jsonBytes(1234.5) // 6
 */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === "number") return String(value).length;
  if (typeof value === "boolean") return value ? 4 : 5;
  if (typeof value === "string") return jsonStringBytes(value);
  return utf8Bytes(JSON.stringify(value) ?? "null");
}

/**
 * The UTF-8 length of a string, without encoding it.
 *
 * @example utf8Bytes("a午") // 4
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The UTF-8 length of a string as a JSON string: quotes and escapes included. */
function jsonStringBytes(text: string): number {
  let bytes = utf8Bytes(text) + 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 1;
    else if (code < 0x20) bytes += code === 0x0a || code === 0x0d || code === 0x09 ? 1 : 5;
  }
  return bytes;
}
