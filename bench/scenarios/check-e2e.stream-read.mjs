/**
 * Baseline (a) of scenario check-e2e: exceljs's streaming reader reading the workbook and doing
 * nothing else — every row of every sheet is visited, no cell is looked at. Run as its own process
 * (node check-e2e.stream-read.mjs FILE), timed whole like the houqin CLI; prints one JSON line.
 */
import ExcelJS from "exceljs";

const file = process.argv[2];
if (!file) {
  console.error("usage: node check-e2e.stream-read.mjs FILE.xlsx");
  process.exit(2);
}
let sheets = 0;
let rows = 0;
for await (const worksheet of new ExcelJS.stream.xlsx.WorkbookReader(file)) {
  sheets++;
  for await (const _row of worksheet) rows++;
}
console.log(JSON.stringify({ sheets, rows }));
