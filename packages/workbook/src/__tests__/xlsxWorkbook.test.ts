import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Cell, CellValue } from "@houqin/core";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MemoryWorkbookSpec } from "../memoryWorkbook.js";
import { WorkbookOpenError } from "../openErrors.js";
import { workbookContract } from "../testing/workbookContract.js";
import { openXlsx, openXlsxBuffer, XlsxWorkbook } from "../xlsxWorkbook.js";
import { storedZip, zipEntry } from "./zipFixtures.js";

/** Builds an .xlsx file with plain exceljs from a memory-workbook spec and opens it. */
async function xlsxFromSpec(spec: MemoryWorkbookSpec): Promise<XlsxWorkbook> {
  const book = new ExcelJS.Workbook();
  if (spec.dateSystem === "1904") book.properties.date1904 = true;
  for (const sheet of spec.sheets) {
    const ws = book.addWorksheet(sheet.name, { state: sheet.hidden ? "hidden" : "visible" });
    sheet.rows.forEach((row, r) => {
      row.forEach((item, c) => {
        const { value, format } = isCell(item) ? item : { value: item, format: undefined };
        const cell = ws.getCell(r + 1, c + 1);
        if (value !== null) cell.value = value as ExcelJS.CellValue;
        if (format !== undefined) cell.numFmt = format;
      });
    });
    for (const m of sheet.merges ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    for (const [address, argb] of Object.entries(sheet.fills ?? {})) {
      ws.getCell(address).fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
    }
    for (const [address, note] of Object.entries(sheet.notes ?? {})) ws.getCell(address).note = note;
  }
  return XlsxWorkbook.fromBuffer(new Uint8Array(await book.xlsx.writeBuffer()));
}

function isCell(item: CellValue | Cell): item is Cell {
  return typeof item === "object" && item !== null && "text" in item && "value" in item;
}

async function reopen(workbook: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await workbook.toBuffer());
}

async function excelBytes(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

workbookContract("XlsxWorkbook", xlsxFromSpec, reopen, {
  readLinks: (workbook, sheet) => workbook.readLinks(sheet),
});

describe("XlsxWorkbook", () => {
  it("reads a sheet far larger than the piece of XML it decodes at a time, every row in its place", async () => {
    // 6,000 rows of about 200 bytes of XML each: the sheet is decoded in several pieces, each cut after a row.
    const expected = Array.from({ length: 6_000 }, (_, i) => {
      const r = i + 1;
      if (r % 997 === 0) return []; // a blank row now and then
      return [r, `第${r}行：收费项目“餐费”&<校服>`, r * 1.25, r % 2 === 0, `备注 ${"长".repeat(r % 7)}`];
    });
    const bytes = await excelBytes((book) => {
      const ws = book.addWorksheet("大表");
      expected.forEach((values, i) => {
        if (values.length > 0) ws.getRow(i + 1).values = values;
      });
    });
    expect(zipEntry(bytes, "xl/worksheets/sheet1.xml")?.length ?? 0).toBeGreaterThan(4 * 256 * 1024);
    const { rows } = await (await openXlsxBuffer(bytes)).readSheet("大表");
    expect(rows.map((row) => row.map((cell) => cell.value))).toEqual(expected);
  });

  it("reads formula cells as their cached results, shared formulas and errors included", async () => {
    const bytes = await excelBytes((book) => {
      const ws = book.addWorksheet("公式");
      ws.getCell("A1").value = 2;
      ws.getCell("A2").value = 3;
      ws.getCell("A3").value = 4;
      ws.getCell("B1").value = {
        formula: "A1*2",
        result: 4,
        shareType: "shared",
        ref: "B1:B3",
      } as ExcelJS.CellValue;
      ws.getCell("B2").value = { sharedFormula: "B1", result: 6 };
      ws.getCell("B3").value = { sharedFormula: "B1", result: 8 };
      ws.getCell("C1").value = { formula: 'A1&"号"', result: "2号" };
      ws.getCell("C2").value = { formula: "A1/0", result: { error: "#DIV/0!" } };
      ws.getCell("C3").value = { formula: "A1>1", result: true };
      ws.getCell("D1").value = { formula: "DATE(2024,9,1)", result: 45536 };
      ws.getCell("D1").numFmt = "yyyy/m/d";
      ws.getCell("D2").value = { formula: "NOW()" };
    });
    expect(zipEntry(bytes, "xl/worksheets/sheet1.xml")).toContain('t="shared"');
    const workbook = await openXlsxBuffer(bytes);
    const { rows } = await workbook.readSheet("公式");
    expect(rows.map((row) => Array.from({ length: 4 }, (_, c) => row[c]?.value ?? null))).toEqual([
      [2, 4, "2号", 45536],
      [3, 6, { error: "#DIV/0!" }, null],
      [4, 8, true, null],
    ]);
    expect(rows[0]?.[3]).toEqual({ value: 45536, text: "2024-09-01", format: "yyyy/m/d" });
    expect(rows[1]?.[2]?.text).toBe("#DIV/0!");
    expect(rows[2]?.[2]?.text).toBe("TRUE");
  });

  it("reads rich text and hyperlink cells as their plain text", async () => {
    const bytes = await excelBytes((book) => {
      const ws = book.addWorksheet("S");
      ws.getCell("A1").value = { richText: [{ text: "午餐", font: { bold: true } }, { text: "费" }] };
      ws.getCell("A2").value = { text: "网站", hyperlink: "https://example.com" };
      ws.getCell("A3").value = {
        text: { richText: [{ text: "链" }, { text: "接" }] },
        hyperlink: "#S!A1",
      } as never;
    });
    const { rows } = await (await openXlsxBuffer(bytes)).readSheet("S");
    expect(rows.map((row) => row[0])).toEqual([
      { value: "午餐费", text: "午餐费" },
      { value: "网站", text: "网站" },
      { value: "链接", text: "链接" },
    ]);
  });

  it("shows dates and times in the text of their cells", async () => {
    const bytes = await excelBytes((book) => {
      const ws = book.addWorksheet("S");
      const put = (address: string, value: number, numFmt: string) => {
        ws.getCell(address).value = value;
        ws.getCell(address).numFmt = numFmt;
      };
      put("A1", 0.5, "h:mm");
      put("A2", 45536.75, 'yyyy"年"m"月"d"日" h:mm:ss');
      put("A3", 45536 + 1 / 86_400, "yyyy-mm-dd hh:mm:ss");
      put("A4", 61, "yyyy-mm-dd");
    });
    const { rows } = await (await openXlsxBuffer(bytes)).readSheet("S");
    expect(rows.map((row) => [row[0]?.value, row[0]?.text])).toEqual([
      [0.5, "12:00"],
      [45536.75, "2024-09-01 18:00"],
      [45536 + 1 / 86_400, "2024-09-01 00:00:01"],
      [61, "1900-03-01"],
    ]);
  });

  it("marks a cell without changing a neighbour that shared its style", async () => {
    const bytes = await excelBytes((book) => {
      const ws = book.addWorksheet("S");
      for (const address of ["A1", "B1"]) {
        const cell = ws.getCell(address);
        cell.value = address;
        cell.font = { bold: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
      }
    });
    const workbook = await openXlsxBuffer(bytes);
    const before = await workbook.readDecorations("S", ["B1"]);
    await workbook.markCells("S", [{ address: "A1", color: "FFFFC7CE", note: "错" }]);
    for (const wb of [workbook, await reopen(workbook)]) {
      expect(await wb.readDecorations("S", ["B1"])).toEqual(before);
      expect((await wb.readDecorations("S", ["A1"]))[0]?.fill).toContain("FFFFC7CE");
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await workbook.toBuffer()) as unknown as ArrayBuffer);
    expect(book.getWorksheet("S")?.getCell("A1").font?.bold).toBe(true);
    expect(book.getWorksheet("S")?.getCell("A1").value).toBe("A1");
  });

  it("reads a note on an empty cell and restores it with its formatting", async () => {
    const note = { texts: [{ text: "王老师:", font: { bold: true } }, { text: "\n已核对" }] };
    // exceljs writes no <c> element for an empty cell with a note (nor does Excel), only the comment.
    const bytes = await excelBytes((book) => {
      book.addWorksheet("S").getCell("A1").note = note as ExcelJS.Comment;
    });
    const workbook = await openXlsxBuffer(bytes);
    const before = await workbook.readDecorations("S", ["A1"]);
    expect(before).toEqual([{ address: "A1", fill: null, note: "王老师:\n已核对" }]);
    await workbook.markCells("S", [{ address: "A1", color: "FFFFC7CE", note: "错" }]);
    await workbook.restoreDecorations("S", before);
    const saved = await workbook.toBuffer();
    expect(await (await openXlsxBuffer(saved)).readDecorations("S", ["A1"])).toEqual(before);
    expect(zipEntry(saved, "xl/comments1.xml")).toMatch(/<r><rPr><b\/>.*<t[^>]*>王老师:<\/t><\/r>/);
  });

  it("writes internal links as a location, with no external relationship", async () => {
    const workbook = await xlsxFromSpec({ sheets: [{ name: "收费 明细", rows: [["x"]] }] });
    await workbook.writeSheet("检查结果", [
      [{ text: "go", link: { sheet: "收费 明细", cell: "C17" } }],
      [{ text: "plain", link: { sheet: "Data", cell: "A1" } }],
    ]);
    const bytes = await workbook.toBuffer();
    const xml = zipEntry(bytes, "xl/worksheets/sheet2.xml") ?? "";
    expect(xml.match(/<hyperlink [^>]*>/g)).toEqual([
      '<hyperlink ref="A1" location="\'收费 明细\'!C17" display="go"/>',
      '<hyperlink ref="A2" location="Data!A1" display="plain"/>',
    ]);
    expect(zipEntry(bytes, "xl/worksheets/_rels/sheet2.xml.rels") ?? "").not.toContain("hyperlink");
    expect(await (await reopen(workbook)).readLinks("检查结果")).toEqual({
      A1: { sheet: "收费 明细", cell: "C17" },
      A2: { sheet: "Data", cell: "A1" },
    });
  });

  it("keeps the internal links of the user's sheets through a save", async () => {
    const first = await xlsxFromSpec({
      sheets: [
        { name: "目录", rows: [] },
        { name: "Data", rows: [["x"]] },
      ],
    });
    await first.writeSheet("目录", [[{ text: "到数据", link: { sheet: "Data", cell: "A1" } }]]);
    // A file whose links carry a location only, as Excel writes them; plain exceljs drops these.
    const again = await reopen(await reopen(first));
    expect(await again.readLinks("目录")).toEqual({ A1: { sheet: "Data", cell: "A1" } });
  });

  it("falls back to a HYPERLINK formula for a sheet name holding a '!'", async () => {
    const workbook = await xlsxFromSpec({ sheets: [{ name: "注意!", rows: [["x"]] }] });
    await workbook.writeSheet("检查结果", [[{ text: 'see "A1"', link: { sheet: "注意!", cell: "A1" } }]]);
    const reopened = await reopen(workbook);
    expect(await reopened.readLinks("检查结果")).toEqual({ A1: { sheet: "注意!", cell: "A1" } });
    expect((await reopened.readSheet("检查结果")).rows[0]?.[0]?.value).toBe('see "A1"');
  });

  it("writes bold cells, column widths, frozen rows and hidden sheets", async () => {
    const workbook = await xlsxFromSpec({ sheets: [{ name: "S", rows: [["x"]] }] });
    await workbook.writeSheet("检查结果", [[{ text: "规则", bold: true }, "x"]], {
      columnWidths: [30, 12],
      frozenRows: 1,
    });
    await workbook.writeSheet("状态", [["x"]], { hidden: true });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await workbook.toBuffer()) as unknown as ArrayBuffer);
    const ws = book.getWorksheet("检查结果");
    expect(ws?.getCell("A1").font?.bold).toBe(true);
    expect(ws?.getCell("B1").font?.bold).toBeFalsy();
    expect([ws?.getColumn(1).width, ws?.getColumn(2).width]).toEqual([30, 12]);
    expect(ws?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(book.getWorksheet("状态")?.state).toBe("hidden");
  });

  it("throws INVALID_ARGUMENT for a sheet that does not exist", async () => {
    const workbook = await xlsxFromSpec({ sheets: [{ name: "S", rows: [["x"]] }] });
    await expect(workbook.readSheet("nope")).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(
      workbook.markCells("S", [{ address: "nope", color: "FF000000", note: "" }]),
    ).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });
});

describe("openXlsx", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "houqin-xlsx-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cfb = (streamName?: string): Uint8Array => {
    const bytes = Buffer.alloc(1536);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
    if (streamName) Buffer.from(streamName, "utf16le").copy(bytes, 1024);
    return new Uint8Array(bytes);
  };

  async function failure(open: () => Promise<unknown>): Promise<WorkbookOpenError> {
    const error = await open().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookOpenError);
    return error as WorkbookOpenError;
  }

  it("opens an .xlsx file and saves a copy", async () => {
    const path = join(dir, "school.xlsx");
    await writeFile(path, await excelBytes((book) => book.addWorksheet("收费明细").addRow(["项目"])));
    const workbook = await XlsxWorkbook.fromFile(path);
    await workbook.writeSheet("检查结果", [["ok"]]);
    await workbook.saveAs(join(dir, "school.checked.xlsx"));
    const copy = await openXlsx(join(dir, "school.checked.xlsx"));
    expect((await copy.listSheets()).map((s) => s.name)).toEqual(["收费明细", "检查结果"]);
    expect((await (await openXlsx(path)).listSheets()).map((s) => s.name)).toEqual(["收费明细"]);
  });

  it("says a missing file is not found", async () => {
    const error = await failure(() => openXlsx(join(dir, "missing.xlsx")));
    expect({ code: error.code, path: error.path, reason: error.reason }).toMatchInlineSnapshot(`
      {
        "code": "not-found",
        "path": "${join(dir, "missing.xlsx")}",
        "reason": {
          "en": "The file does not exist",
          "zh-CN": "找不到这个文件",
        },
      }
    `);
  });

  it("says a password-protected workbook is encrypted", async () => {
    const path = join(dir, "locked.xlsx");
    await writeFile(path, cfb("EncryptedPackage"));
    const error = await failure(() => openXlsx(path));
    expect({ code: error.code, reason: error.reason }).toMatchInlineSnapshot(`
      {
        "code": "encrypted",
        "reason": {
          "en": "The workbook is password-protected: remove the password in Excel, save it and try again",
          "zh-CN": "工作簿设置了打开密码：请在 Excel 中取消密码并保存后再试",
        },
      }
    `);
  });

  it("says an old binary workbook is a legacy .xls", async () => {
    const error = await failure(() => openXlsxBuffer(cfb("Workbook")));
    expect({ code: error.code, reason: error.reason }).toMatchInlineSnapshot(`
      {
        "code": "legacy-xls",
        "reason": {
          "en": "This is an old .xls workbook: save it as .xlsx in Excel and try again",
          "zh-CN": "这是旧版 .xls 工作簿：请在 Excel 中另存为 .xlsx 后再试",
        },
      }
    `);
  });

  it("says a text file or a zip without a workbook is not a workbook", async () => {
    const path = join(dir, "notes.xlsx");
    await writeFile(path, "项目,金额\n午餐费,12\n");
    const text = await failure(() => openXlsx(path));
    expect({ code: text.code, reason: text.reason }).toMatchInlineSnapshot(`
      {
        "code": "not-a-workbook",
        "reason": {
          "en": "This is not an Excel workbook (.xlsx)",
          "zh-CN": "这不是 Excel 工作簿（.xlsx）文件",
        },
      }
    `);
    expect((await failure(() => openXlsxBuffer(storedZip({ "hello.txt": "hi" })))).code).toBe(
      "not-a-workbook",
    );
    expect((await failure(() => openXlsxBuffer(new Uint8Array()))).code).toBe("not-a-workbook");
    expect((await failure(() => openXlsx(dir))).code).toBe("not-a-workbook");
  });

  it("says a truncated .xlsx file is corrupt", async () => {
    const path = join(dir, "cut.xlsx");
    const whole = await excelBytes((book) => book.addWorksheet("S").addRow(["x"]));
    await writeFile(path, whole.subarray(0, Math.floor(whole.length / 2)));
    const error = await failure(() => openXlsx(path));
    expect({ code: error.code, reason: error.reason }).toMatchInlineSnapshot(`
      {
        "code": "corrupt",
        "reason": {
          "en": "The workbook is damaged or incomplete and cannot be read",
          "zh-CN": "工作簿已损坏或不完整，无法读取",
        },
      }
    `);
    expect(error.message).toBe(
      "工作簿已损坏或不完整，无法读取 / The workbook is damaged or incomplete and cannot be read",
    );
    expect(await readFile(path)).toHaveLength(Math.floor(whole.length / 2));
  });
});
