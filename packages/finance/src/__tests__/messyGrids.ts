import type { CellValue, Finding } from "@houqin/core";
import fc from "fast-check";
import { expect } from "vitest";

/** Cells a hand-kept sheet holds: the domain's own words, then money, dates and errors written every way. */
function messyCell(words: readonly CellValue[]): fc.Arbitrary<CellValue> {
  return fc.oneof(
    fc.constantFrom<CellValue>(
      ...words,
      "合计",
      "小计",
      "¥1,300.00",
      "６００",
      "1.2万",
      "(100.00)",
      "2024年3月5日",
      "9月1日",
      "2023/13/45",
      "",
      null,
      null,
    ),
    fc.constantFrom<CellValue>({ error: "#REF!" }, { error: "#N/A" }),
    fc.integer({ min: -1_000_000, max: 3_000_000 }),
    fc.integer({ min: 44900, max: 45700 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.string({ maxLength: 8 }),
  );
}

/**
 * Workbooks of up to three uniquely named sheets, each a header (one of `headers`) with arbitrary rows
 * above and below it.
 */
export function messySheets(
  words: readonly CellValue[],
  names: readonly string[],
  headers: readonly CellValue[][],
): fc.Arbitrary<{ name: string; rows: CellValue[][] }[]> {
  const rows = fc.array(fc.array(messyCell(words), { maxLength: 8 }), { maxLength: 20 });
  const sheet = fc.record({
    name: fc.constantFrom(...names),
    rows: fc
      .tuple(rows, fc.constantFrom<CellValue[]>(...headers), rows)
      .map(([above, header, below]) => [...above.slice(0, 2), header, ...below]),
  });
  return fc.uniqueArray(sheet, { selector: (s) => s.name, maxLength: 3 });
}

/** Every finding names a rule, a severity, a message and, where it has one, a cell address. */
export function expectWellFormed(findings: readonly Finding[]): void {
  for (const f of findings) {
    expect(f.rule).toMatch(/^[a-z]+\/[a-z-]+$/);
    expect(["error", "warning", "info"]).toContain(f.severity);
    expect(f.message.length).toBeGreaterThan(0);
    if (f.cell !== undefined) expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
  }
}
