import type { Cell, CellValue, DateSystem } from "@houqin/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CellReading, cellReaderOf, cells, inputOf } from "../cellSchemas.js";
import { parseTable } from "../parseTable.js";
import type { RecognizedTable } from "../recognizeTables.js";
import { type CellSchema, defineTableKind, type FieldMap, field } from "../tableKind.js";
import type { SheetData } from "../workbook.js";

// The row parser reads most cells without zod, through the readers of the schemas `cells` makes. A
// reader must give exactly what its schema gives, and leave to the schema every cell it fails.

/** Pieces of what people type into cells: digits both widths, dates, money, yes/no, errors. */
const PIECES = [
  "0",
  "1",
  "2",
  "9",
  "12",
  "29",
  "31",
  "2023",
  "23",
  "45170",
  "１",
  "２０２３",
  "９",
  ".",
  "．",
  ",",
  "，",
  "-",
  "－",
  "/",
  "年",
  "月",
  "日",
  "号",
  "(周五)",
  "星期一",
  " ",
  "　",
  "\n",
  "¥",
  "￥",
  "元",
  "万",
  "角",
  "分",
  "元整",
  "RMB",
  "(",
  ")",
  "（",
  "）",
  "%",
  "人",
  "kg",
  "是",
  "否",
  "√",
  "×",
  "合格",
  "Y",
  "no",
  "#REF!",
  "#N/A",
  "＃ｎ／ａ",
  "e",
  "E+3",
  "08:30",
  "上午",
  "abc",
  "张三",
  "\u200b",
];

const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((parts) => parts.join(""));

const numberArb = fc.oneof(
  fc.integer({ min: -100, max: 100 }),
  fc.integer({ min: 1, max: 3_000_000 }),
  fc.integer({ min: 19_000_101, max: 22_001_231 }),
  fc.integer({ min: -1e15, max: 1e15 }).map((n) => n / 100),
  fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 1000),
  fc.double({ noNaN: false }),
  fc.constantFrom(
    0,
    -0,
    0.5,
    1.005,
    2.675,
    1e21,
    9007199254740991,
    90071992547409.91,
    60,
    61,
    2958465,
    2958466,
  ),
);

const valueArb: fc.Arbitrary<CellValue | undefined> = fc.oneof(
  { weight: 4, arbitrary: numberArb },
  { weight: 4, arbitrary: textArb },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom({ error: "#REF!" as const }, { error: "#N/A" as const }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, "") },
);

const cellArb: fc.Arbitrary<Cell> = fc
  .tuple(
    valueArb,
    fc.option(textArb, { nil: undefined }),
    fc.option(fc.constantFrom("General", "yyyy-mm-dd", "#,##0.00", "0%"), { nil: undefined }),
  )
  .map(([value, shown, format]) => {
    const text =
      shown ??
      (value === null || value === undefined ? "" : String((value as { error?: string }).error ?? value));
    const cell = { value, text } as Cell;
    return format === undefined ? cell : { ...cell, format };
  });

const readingArb: fc.Arbitrary<CellReading> = fc.record(
  {
    dateSystem: fc.constantFrom<DateSystem>("1900", "1904"),
    defaultYear: fc.oneof(fc.constantFrom(2000, 2001, 2023), fc.integer({ min: 1, max: 9999 })),
  },
  { requiredKeys: ["dateSystem"] },
);

const SCHEMAS: Record<string, CellSchema<unknown>> = {
  text: cells.text(),
  date: cells.date(),
  month: cells.month(),
  money: cells.money(),
  nonNegativeMoney: cells.nonNegativeMoney(),
  number: cells.number(),
  integer: cells.integer(),
  boolean: cells.boolean(),
  fromText: cells.fromText(
    (text, cell) => (text.length % 2 === 0 ? `${text}|${cell.dateSystem}|${cell.defaultYear}` : undefined),
    "odd",
    { "zh-CN": "奇数", en: "odd" },
  ),
};

describe("cellReaderOf", () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`reads a cell as cells.${name}() does, and leaves every cell it fails to the schema`, () => {
      const read = cellReaderOf(schema);
      expect(read).toBeDefined();
      fc.assert(
        fc.property(cellArb, readingArb, (cell, reading) => {
          const quick = read?.(cell, reading);
          const out = schema.safeParse(inputOf(cell, reading));
          expect(quick !== undefined).toBe(out.success);
          if (quick !== undefined && out.success) expect(quick.value).toEqual(out.data);
        }),
        { numRuns: 3000 },
      );
    });
  }

  it("has no reader for a schema changed after cells made it", () => {
    expect(cellReaderOf(cells.text().optional() as CellSchema<unknown>)).toBeUndefined();
    expect(cellReaderOf(cells.money().refine((fen) => fen > 0))).toBeUndefined();
  });
});

/** The same kind with every schema wrapped so that it has no reader: rows parsed by zod alone. */
function zodOnly<F extends FieldMap>(kind: ReturnType<typeof defineTableKind<F>>) {
  const fields = Object.fromEntries(
    Object.entries(kind.fields).map(([key, f]) => [key, { ...f, schema: f.schema.refine(() => true) }]),
  ) as F;
  return { ...kind, fields };
}

const ledger = defineTableKind({
  id: "test.ledger",
  title: { "zh-CN": "台账", en: "Ledger" },
  fields: {
    date: field({
      title: { "zh-CN": "日期", en: "Date" },
      synonyms: ["日期"],
      required: false,
      schema: cells.date(),
    }),
    name: field({
      title: { "zh-CN": "名称", en: "Name" },
      synonyms: ["名称"],
      required: true,
      schema: cells.text(),
    }),
    amount: field({
      title: { "zh-CN": "金额", en: "Amount" },
      synonyms: ["金额"],
      required: false,
      schema: cells.money(),
    }),
    month: field({
      title: { "zh-CN": "月份", en: "Month" },
      synonyms: ["月份"],
      required: false,
      schema: cells.month(),
    }),
    count: field({
      title: { "zh-CN": "数量", en: "Count" },
      synonyms: ["数量"],
      required: false,
      schema: cells.integer(),
    }),
    done: field({
      title: { "zh-CN": "完成", en: "Done" },
      synonyms: ["完成"],
      required: true,
      schema: cells.boolean(),
    }),
  },
});

/** Dates as ledgers write them, with and without a year, for the year-placing path. */
const dateCellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.integer({ min: 44_900, max: 45_700 }).map((n) => ({ value: n, text: String(n), format: "yyyy-mm-dd" })),
  fc
    .tuple(
      fc.integer({ min: 2022, max: 2024 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
    )
    .chain(([y, m, d]) =>
      fc.constantFrom(
        `${y}年${m}月${d}日`,
        `${m}月${d}日`,
        `${m}/${d}`,
        `${y}-${m}-${d}`,
        `${y}-${String(m).padStart(2, "0")}`,
      ),
    )
    .map((text) => ({ value: text, text })),
  cellArb,
);

describe("parseTable", () => {
  it("parses rows and reports findings exactly as zod alone does", () => {
    const table = (kind: typeof ledger, rows: number): RecognizedTable =>
      ({
        sheet: "台账",
        kind,
        headerRow: 1,
        firstRow: 2,
        lastRow: rows + 1,
        columns: { date: 1, name: 2, amount: 3, month: 4, count: 5, done: 6 },
        skippedRows: [3],
      }) as RecognizedTable;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(dateCellArb, cellArb, cellArb, dateCellArb, cellArb, cellArb), { maxLength: 25 }),
        fc.constantFrom<"zh-CN" | "en">("zh-CN", "en"),
        fc.option(fc.integer({ min: 2020, max: 2025 }), { nil: undefined }),
        fc.boolean(),
        (data, lang, schoolYearStart, merge) => {
          const header = ["日期", "名称", "金额", "月份", "数量", "完成"].map((text) => ({
            value: text,
            text,
          }));
          const sheet: SheetData = {
            name: "台账",
            rows: [header, ...data],
            merges: merge ? [{ top: 2, left: 1, bottom: 4, right: 2 }] : [],
          };
          const options = {
            dateSystem: "1900" as const,
            lang,
            ...(schoolYearStart ? { schoolYearStart } : {}),
          };
          const fast = parseTable(sheet, table(ledger, data.length), options);
          const slow = parseTable(sheet, table(zodOnly(ledger), data.length), options);
          expect(fast.findings).toEqual(slow.findings);
          expect(fast.parsed.rows).toEqual(slow.parsed.rows);
          // Same keys in the same order, too.
          expect(JSON.stringify([fast.findings, fast.parsed.rows])).toBe(
            JSON.stringify([slow.findings, slow.parsed.rows]),
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});
