// The .xlsx adapter against files built by hand, part by part, the way Excel and other producers
// (LibreOffice, openpyxl, .NET tools writing an `x:` prefix) write them: what it reads, what a save
// keeps byte for byte, how it edits the workbook's structure and the sheets' notes, its fill tokens,
// damaged and unusual zips, and whether exceljs and openpyxl open what it saves.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellDecoration } from "../workbook.js";
import { openXlsxBuffer } from "../xlsxWorkbook.js";
import {
  activeSheet,
  B3_COMMENT,
  BUTTON,
  BUTTON_SHAPE,
  CHARTSHEET,
  CT,
  cellElements,
  commentOf,
  commentsXml,
  D4_COMMENT,
  DECL,
  type ExtraPart,
  exceljsNote,
  excelPackage,
  FEES_VALUES,
  FILL_ADDRESSES,
  feesSpec,
  fillsBytes,
  libreOfficeBytes,
  loadExcelJs,
  MAIN,
  MARK,
  NOTE_SHAPETYPE,
  n,
  noteShape,
  OTHER_SHEET,
  open,
  openError,
  openpyxlBytes,
  type PackageSpec,
  PERSON_REL,
  PNG,
  part,
  plain,
  prefixedBytes,
  R_NS,
  rel,
  relsXml,
  reopen,
  row,
  type SheetSpec,
  STYLES,
  s,
  styleIndex,
  THREADED_REL,
  VML_HEAD,
  values,
  views,
  worksheet,
  xlsxBytes,
} from "./xlsxFixtures.js";
import {
  buildZip,
  type ZipFixtureEntry,
  zipDirectory,
  zipEntry,
  zipEntryBytes,
  zipNames,
} from "./zipFixtures.js";

// --- 1. reading -------------------------------------------------------------------------------------

describe("reading the parts as Excel and other producers write them", () => {
  it("reads shared strings without their phonetic runs, rich text as its plain text", async () => {
    const workbook = await open({
      sheets: [
        { name: "S", xml: worksheet(row(1, s("A1", 0) + s("B1", 1) + s("C1", 2) + s("D1", 3) + s("E1", 4))) },
      ],
      strings: [
        '<t>王小明</t><rPh sb="0" eb="1"><t>ワン</t></rPh><rPh sb="1" eb="3"><t>ショウメイ</t></rPh><phoneticPr fontId="1" type="noConversion"/>',
        `<r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></rPr><t>收费</t></r><r><rPr><sz val="11"/><color rgb="FFFF0000"/><rFont val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></rPr><t xml:space="preserve"> 明细 </t></r>`,
        '<r><t>张</t></r><r><rPr><i/></rPr><t>三</t></r><rPh sb="0" eb="1"><t>チョウ</t></rPh><phoneticPr fontId="1"/>',
        "<t/>",
        '<t xml:space="preserve">  前后空格  </t>',
      ],
    });
    expect((await workbook.readSheet("S")).rows).toEqual([
      [
        { value: "王小明", text: "王小明" },
        { value: "收费 明细 ", text: "收费 明细 " },
        { value: "张三", text: "张三" },
        { value: null, text: "" },
        { value: "  前后空格  ", text: "  前后空格  " },
      ],
    ]);
  });

  it("reads inline strings, formula strings, booleans, errors and ISO dates", async () => {
    const cells =
      '<c r="A1" t="inlineStr"><is><t>内联</t></is></c>' +
      '<c r="B1" t="inlineStr"><is><r><t>A</t></r><r><rPr><b/></rPr><t xml:space="preserve">B </t></r></is></c>' +
      '<c r="C1" t="str"><f>A1&amp;" 号 "</f><v>内联 号 </v></c>' +
      '<c r="D1" t="b"><v>1</v></c>' +
      '<c r="E1" t="b"><f>1&gt;2</f><v>0</v></c>' +
      '<c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c r="G1" t="e"><v>#N/A</v></c>' +
      '<c r="H1" t="d"><v>2024-09-01T00:00:00Z</v></c>' +
      '<c r="I1" t="d"><v>2024-09-01T08:30:00</v></c>' +
      '<c r="J1" s="1" t="d"><v>2024-09-02</v></c>' +
      '<c r="K1" t="str"><f>""</f><v></v></c>' +
      '<c r="L1" t="n"><v>-1.5E-3</v></c>';
    const workbook = await open({ sheets: [{ name: "S", xml: worksheet(row(1, cells, "1:12")) }] });
    const [cellsRead] = (await workbook.readSheet("S")).rows;
    expect(cellsRead?.slice(0, 8)).toEqual([
      { value: "内联", text: "内联" },
      { value: "AB ", text: "AB " },
      { value: "内联 号 ", text: "内联 号 " },
      { value: true, text: "TRUE" },
      { value: false, text: "FALSE" },
      { value: { error: "#DIV/0!" }, text: "#DIV/0!" },
      { value: { error: "#N/A" }, text: "#N/A" },
      { value: 45536, text: "2024-09-01" },
    ]);
    expect(cellsRead?.[8]?.value).toBeCloseTo(45536 + 8.5 / 24, 9);
    expect(cellsRead?.[8]?.text).toBe("2024-09-01 08:30");
    expect(cellsRead?.[9]).toEqual({ value: 45537, text: "2024-09-02", format: "mm-dd-yy" });
    expect(cellsRead?.[10]).toEqual({ value: null, text: "" });
    expect(cellsRead?.[11]).toEqual({ value: -0.0015, text: "-0.0015" });
  });

  it("reads and marks cells and rows written without r attributes", async () => {
    const rows =
      '<row><c t="inlineStr"><is><t>项目</t></is></c><c t="inlineStr"><is><t>金额</t></is></c></row>' +
      '<row><c t="s"><v>0</v></c><c s="9"><v>12.5</v></c></row>' +
      '<row r="5"><c r="B5"><v>7</v></c><c><v>8</v></c></row>' +
      "<row><c/><c><v>9</v></c></row>";
    const expected = [["项目", "金额"], ["午餐费", 12.5], [], [], [null, 7, 8], [null, 9]];
    const workbook = await open({
      sheets: [{ name: "S", xml: worksheet(rows) }],
      strings: ["<t>午餐费</t>"],
    });
    expect(await values(workbook, "S")).toEqual(expected);
    const marks = ["B2", "A6", "B6", "D1", "C4"].map((address) => ({ address, color: MARK, note: address }));
    await workbook.markCells("S", marks);
    for (const wb of [workbook, await reopen(workbook)]) {
      expect(await values(wb, "S")).toEqual(expected);
      const decorations = await wb.readDecorations("S", ["B2", "A6", "B6", "D1", "C4", "A2", "C5"]);
      expect(decorations.map((d) => [d.address, d.fill?.includes(MARK) ?? false, d.note])).toEqual([
        ["B2", true, "B2"],
        ["A6", true, "A6"],
        ["B6", true, "B6"],
        ["D1", true, "D1"],
        ["C4", true, "C4"],
        ["A2", false, null],
        ["C5", false, null],
      ]);
    }
    // Each mark lands on its own cell, in place: no row or cell is written twice.
    const xml = part(await workbook.toBuffer(), "xl/worksheets/sheet1.xml");
    expect(xml.match(/<row\b/g)).toHaveLength(5); // the four rows and a new row 4
    expect(xml.match(/<c\b/g)).toHaveLength(10); // the eight cells and new D1 and C4
    // B2 keeps its number format: a new style made from s="9" (#,##0.00).
    expect((await (await reopen(workbook)).readSheet("S")).rows[1]?.[1]).toMatchObject({
      value: 12.5,
      format: "#,##0.00",
    });
  });

  it("decodes XML entities and OOXML _xHHHH_ escapes", async () => {
    const workbook = await open({
      sheets: [
        {
          name: "收费&amp;退费",
          xml: worksheet(
            row(
              1,
              s("A1", 0) +
                s("B1", 1) +
                s("C1", 2) +
                '<c r="D1" t="inlineStr"><is><t>甲_x0009_乙</t></is></c>' +
                '<c r="E1" t="str"><f>"&lt;"&amp;"&gt;"</f><v>&lt;&gt;</v></c>',
            ),
          ),
        },
      ],
      strings: [
        "<t>A&amp;B &lt;税&gt; &quot;引号&quot; &apos;单&apos; &#x4E2D;&#25991;</t>",
        "<t>第一行_x000D_\n第二行</t>",
        "<t>字面_x005F_x000D_</t>",
      ],
    });
    await workbook.writeSheet("检查结果", [["x"]]);
    for (const wb of [workbook, await reopen(workbook)]) {
      expect(await wb.listSheets()).toEqual([
        { name: "收费&退费", visible: true },
        { name: "检查结果", visible: true },
      ]);
      expect(await values(wb, "收费&退费")).toEqual([
        [`A&B <税> "引号" '单' 中文`, "第一行\r\n第二行", "字面_x000D_", "甲\t乙", "<>"],
      ]);
    }
  });

  it("reads a workbook whose parts all use an x: prefix", async () => {
    const workbook = await openXlsxBuffer(prefixedBytes());
    expect(await workbook.listSheets()).toEqual([{ name: "数据", visible: true }]);
    const sheet = await workbook.readSheet("数据");
    expect(sheet.rows).toEqual([
      [
        { value: "项目", text: "项目" },
        { value: 45536, text: "2024-09-01", format: "yyyy/mm/dd" },
        { value: "内联", text: "内联" },
      ],
      [
        { value: "合并", text: "合并" },
        { value: null, text: "" },
        { value: true, text: "TRUE" },
      ],
    ]);
    expect(sheet.merges).toEqual([{ top: 2, left: 1, bottom: 2, right: 2 }]);
  });

  it("reads a workbook as openpyxl writes it", async () => {
    const workbook = await openXlsxBuffer(openpyxlBytes());
    expect(await values(workbook, "数据")).toEqual([
      ["项目", 12.5],
      [3], // B2's formula has no cached value: blank
    ]);
    const decorations = await workbook.readDecorations("数据", ["A1", "B1"]);
    expect(decorations.map((d) => d.note)).toEqual(["原注释", null]);
    expect(decorations[0]?.fill).toBeNull();
    // openpyxl writes no bgColor; exceljs itself cannot load this file (it trips on the absolute comments target).
    expect(JSON.parse(decorations[1]?.fill as string)).toEqual({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFDDEBF7" },
    });
  });

  it("reads a workbook as LibreOffice writes it", async () => {
    const workbook = await openXlsxBuffer(libreOfficeBytes());
    expect(workbook.dateSystem).toBe("1900");
    const { rows } = await workbook.readSheet("Sheet1");
    // LibreOffice gives the default style a format of its own, "General".
    expect(rows[0]).toEqual([
      { value: "项目", text: "项目", format: "General" },
      { value: 45536, text: "2024-09-01", format: "YYYY\\-MM\\-DD" },
      { value: true, text: "TRUE", format: "General" },
    ]);
    expect(rows[6]).toEqual([{ value: 2, text: "2", format: "#,##0.00" }]);
  });

  it("shows built-in (14, 31, 57) and custom date formats as yyyy-mm-dd, and keeps number formats", async () => {
    const cells =
      n("A1", 45536, 1) +
      n("B1", 45536, 2) +
      n("C1", 45536, 3) +
      n("D1", 45536, 8) +
      n("E1", 1234.5, 9) +
      n("F1", 1234.5, 10) +
      n("G1", 45536, 11);
    const workbook = await open({ sheets: [{ name: "S", xml: worksheet(row(1, cells, "1:7")) }] });
    expect((await workbook.readSheet("S")).rows[0]).toEqual([
      { value: 45536, text: "2024-09-01", format: "mm-dd-yy" },
      { value: 45536, text: "2024-09-01", format: 'yyyy"年"m"月"d"日"' },
      { value: 45536, text: "2024-09-01", format: "yyyy/m/d;@" },
      { value: 45536, text: "2024-09-01", format: "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy" },
      { value: 1234.5, text: "1234.5", format: "#,##0.00" },
      { value: 1234.5, text: "1234.5", format: '"¥"#,##0.00_);[Red]\\("¥"#,##0.00\\)' },
      { value: 45536, text: "2024-09-01", format: 'yyyy"年"m"月"' },
    ]);
  });

  it("reads a 1904 workbook's serials in the 1904 system, before and after a save that rewrites workbook.xml", async () => {
    const workbook = await open({
      sheets: [
        { name: "S", xml: worksheet(row(1, `${n("A1", 44074, 1)}<c r="B1" t="d"><v>2024-09-01</v></c>`)) },
      ],
      workbookPr: '<workbookPr date1904="1" defaultThemeVersion="124226"/>',
    });
    await workbook.writeSheet("检查结果", [["x"]]);
    for (const wb of [workbook, await reopen(workbook)]) {
      expect(wb.dateSystem).toBe("1904");
      expect((await wb.readSheet("S")).rows[0]).toEqual([
        { value: 44074, text: "2024-09-01", format: "mm-dd-yy" },
        { value: 44074, text: "2024-09-01" },
      ]);
    }
  });

  it("reads a stray value inside a merged range, outside its top-left cell, as blank", async () => {
    const rows =
      row(1, `${s("A1", 0)}${s("B1", 1)}${n("C1", 7)}`) +
      row(2, `${n("A2", 1)}${n("B2", 2)}`) +
      row(3, `${n("A3", 3)}${s("B3", 1)}`);
    const workbook = await open({
      sheets: [
        {
          name: "S",
          xml: worksheet(rows, {
            merges: '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B2:B3"/></mergeCells>',
          }),
        },
      ],
      strings: ["<t>标题</t>", "<t>残留</t>"],
    });
    const sheet = await workbook.readSheet("S");
    expect(sheet.rows).toEqual([
      [{ value: "标题", text: "标题" }],
      [
        { value: 1, text: "1" },
        { value: 2, text: "2" },
      ],
      [{ value: 3, text: "3" }],
    ]);
    expect(sheet.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 2, left: 2, bottom: 3, right: 2 },
    ]);
  });

  it("does not list a chart sheet, and keeps it and its chart byte for byte through a save", async () => {
    const chartParts: ExtraPart[] = [
      {
        path: "xl/drawings/drawing1.xml",
        data: `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8670925" cy="6291262"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R_NS}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`,
        type: CT.drawing,
        deflate: true,
      },
      {
        path: "xl/drawings/_rels/drawing1.xml.rels",
        data: relsXml([{ id: "rId1", type: rel("chart"), target: "../charts/chart1.xml" }]),
      },
      {
        path: "xl/charts/chart1.xml",
        data: `${DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>数据!$B$1:$B$2</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
        type: CT.chart,
        deflate: true,
      },
    ];
    const bytes = xlsxBytes({
      sheets: [
        { name: "数据", xml: worksheet(row(1, `${n("A1", 1)}${n("B1", 2)}`)) },
        {
          name: "图表1",
          xml: CHARTSHEET,
          chart: true,
          rels: [{ id: "rId1", type: rel("drawing"), target: "../drawings/drawing1.xml" }],
        },
        { name: "汇总", xml: worksheet(row(1, n("A1", 3))) },
      ],
      extraParts: chartParts,
    });
    const workbook = await openXlsxBuffer(bytes);
    expect(await workbook.listSheets()).toEqual([
      { name: "数据", visible: true },
      { name: "汇总", visible: true },
    ]);
    await expect(workbook.readSheet("图表1")).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await workbook.markCells("数据", [{ address: "A1", color: MARK, note: "错" }]);
    await workbook.writeSheet("检查结果", [["x"]]);
    await workbook.deleteSheet("图表1"); // not a worksheet: nothing happens
    const saved = await workbook.toBuffer();
    for (const path of [
      "xl/chartsheets/sheet1.xml",
      "xl/chartsheets/_rels/sheet1.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/charts/chart1.xml",
    ])
      expect(zipEntryBytes(saved, path), path).toEqual(zipEntryBytes(bytes, path));
    const workbookXml = part(saved, "xl/workbook.xml");
    expect(workbookXml.match(/<sheet [^>]*>/g)?.map((tag) => /name="([^"]*)"/.exec(tag)?.[1])).toEqual([
      "数据",
      "图表1",
      "汇总",
      "检查结果",
    ]);
    const chartRel = /<sheet name="图表1" [^>]*r:id="([^"]+)"/.exec(workbookXml)?.[1];
    expect(part(saved, "xl/_rels/workbook.xml.rels")).toMatch(
      new RegExp(
        `<Relationship Id="${chartRel}" Type="${rel("chartsheet")}" Target="chartsheets/sheet1.xml"/>`,
      ),
    );
    expect(part(saved, "[Content_Types].xml")).toContain(
      `<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="${CT.chartsheet}"/>`,
    );
    const again = await openXlsxBuffer(saved);
    expect((await again.listSheets()).map((sheet) => sheet.name)).toEqual(["数据", "汇总", "检查结果"]);
    expect(await values(again, "汇总")).toEqual([[3]]);
  });

  it("follows relationship targets written as absolute paths", async () => {
    const spec: PackageSpec = {
      sheets: [
        {
          name: "S",
          xml: worksheet(row(1, `${s("A1", 0)}${n("B1", 45536, 1)}`), {
            tail: '<legacyDrawing r:id="rId2"/>',
          }),
          rels: [
            { id: "rId1", type: rel("comments"), target: "/xl/comments1.xml" },
            { id: "rId2", type: rel("vmlDrawing"), target: "/xl/drawings/vmlDrawing1.vml" },
          ],
        },
      ],
      strings: ["<t>午餐费</t>"],
      absolute: true,
      extraParts: [
        {
          path: "xl/comments1.xml",
          data: commentsXml(B3_COMMENT.replace('ref="B3"', 'ref="A1"')),
          type: CT.comments,
        },
        {
          path: "xl/drawings/vmlDrawing1.vml",
          data: `${VML_HEAD}${NOTE_SHAPETYPE}${noteShape(1025, 0, 0)}</xml>`,
        },
      ],
    };
    const workbook = await open(spec);
    expect(await values(workbook, "S")).toEqual([["午餐费", 45536]]);
    expect((await workbook.readSheet("S")).rows[0]?.[1]?.text).toBe("2024-09-01");
    const before = await workbook.readDecorations("S", ["A1", "B1"]);
    expect(before.map((d) => d.note)).toEqual(["张老师:\n请核对金额", null]);
    await workbook.markCells("S", [{ address: "B1", color: MARK, note: "日期错" }]);
    await workbook.writeSheet("检查结果", [["x"]]);
    const again = await reopen(workbook);
    expect(await values(again, "S")).toEqual([["午餐费", 45536]]);
    expect((await again.readDecorations("S", ["A1", "B1"])).map((d) => d.note)).toEqual([
      "张老师:\n请核对金额",
      "日期错",
    ]);
    expect(await values(again, "检查结果")).toEqual([["x"]]);
  });
});

// --- 2. fidelity on save ----------------------------------------------------------------------------

describe("saving copies what houqin did not change", () => {
  it("keeps every untouched part byte for byte, the marked sheet's other cells exactly, and every value", async () => {
    const bytes = xlsxBytes(feesSpec());
    const workbook = await openXlsxBuffer(bytes);
    const valuesBefore = [await values(workbook, "收费明细"), await values(workbook, "其他")];
    expect(valuesBefore[0]).toEqual(FEES_VALUES);
    await workbook.readDecorations("收费明细", ["C3", "B4"]);
    await workbook.markCells("收费明细", [
      { address: "C3", color: MARK, note: "日期不在学期内" },
      { address: "B4", color: MARK, note: "金额为负" },
      { address: "F9", color: MARK, note: "空单元格" },
    ]);
    await workbook.writeSheet("检查结果", [[{ text: "规则", bold: true }], ["x"]]);
    const saved = await workbook.toBuffer();

    const changed = new Set([
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
    ]);
    const untouched = zipNames(bytes).filter((name) => !changed.has(name));
    expect(untouched).toEqual(
      expect.arrayContaining([
        "xl/worksheets/sheet2.xml",
        "xl/media/image1.png",
        "customXml/item1.xml",
        "docProps/core.xml",
      ]),
    );
    const savedNames = zipNames(saved);
    const directory = (zip: Uint8Array, name: string) => {
      const entry = zipDirectory(zip).find((e) => e.name === name);
      return (
        entry && {
          method: entry.method,
          crc: entry.crc,
          compressedSize: entry.compressedSize,
          size: entry.size,
        }
      );
    };
    for (const name of untouched) {
      expect(savedNames, name).toContain(name);
      expect(zipEntryBytes(saved, name), name).toEqual(zipEntryBytes(bytes, name));
      // Copied still compressed as it was (deflated parts are not deflated again).
      expect(directory(saved, name), name).toEqual(directory(bytes, name));
    }
    expect(zipEntry(saved, "xl/worksheets/sheet2.xml")).toBe(OTHER_SHEET);
    // The user's parts keep their order, before the parts houqin added.
    expect(savedNames.filter((name) => zipNames(bytes).includes(name))).toEqual(
      zipNames(bytes).filter((name) => savedNames.includes(name)),
    );

    const sheetBefore = cellElements(part(bytes, "xl/worksheets/sheet1.xml"));
    const sheetAfter = cellElements(part(saved, "xl/worksheets/sheet1.xml"));
    for (const [ref, element] of sheetBefore)
      if (!["C3", "B4"].includes(ref)) expect(sheetAfter.get(ref), ref).toBe(element);
    // Rows keep their attributes; only spans (a hint Excel rebuilds) may go from the rows houqin patched.
    const rowTags = (xml: string) =>
      (xml.match(/<row [^>]*>/g) ?? []).map((tag) => tag.replace(/ spans="[^"]*"/, "").replace(/\/>$/, ">"));
    expect(rowTags(part(saved, "xl/worksheets/sheet1.xml")).slice(0, 5)).toEqual(
      rowTags(part(bytes, "xl/worksheets/sheet1.xml")),
    );
    // A marked cell keeps its value and everything but its style.
    expect(sheetAfter.get("C3")).toMatch(/^<c r="C3" s="\d+"><v>45536<\/v><\/c>$/);
    expect(sheetAfter.get("B4")).toMatch(/^<c r="B4" s="\d+"><v>-20<\/v><\/c>$/);

    // The styles part only grows: existing fonts, fills and cell styles keep their places.
    const stylesAfter = part(saved, "xl/styles.xml");
    for (const list of ["fonts", "fills", "cellXfs", "numFmts"]) {
      const inner = (xml: string) =>
        new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`).exec(xml)?.[1] ?? "";
      expect(inner(stylesAfter).startsWith(inner(STYLES)), list).toBe(true);
    }
    for (const [list, item] of [
      ["fonts", "font"],
      ["fills", "fill"],
      ["cellXfs", "xf"],
      ["numFmts", "numFmt"],
    ]) {
      const m = new RegExp(`<${list} count="(\\d+)"[^>]*>([\\s\\S]*?)</${list}>`).exec(stylesAfter);
      expect(Number(m?.[1]), list).toBe(m?.[2]?.match(new RegExp(`<${item}\\b`, "g"))?.length);
    }
    const typesAfter = part(saved, "[Content_Types].xml");
    for (const [entry] of part(bytes, "[Content_Types].xml").matchAll(/<(?:Default|Override) [^>]*>/g))
      expect(typesAfter).toContain(entry);

    const again = await openXlsxBuffer(saved);
    expect([await values(again, "收费明细"), await values(again, "其他")]).toEqual(valuesBefore);
    expect((await again.readSheet("收费明细")).rows[2]?.[2]).toEqual({
      value: 45536,
      text: "2024-09-01",
      format: "mm-dd-yy",
    });
  });

  it("leaves workbook.xml, its relationships and the sheets not marked as they were when it only marks cells", async () => {
    const bytes = xlsxBytes(feesSpec());
    const workbook = await openXlsxBuffer(bytes);
    await workbook.markCells("收费明细", [{ address: "B3", color: MARK, note: "错" }]);
    const saved = await workbook.toBuffer();
    for (const name of [
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/worksheets/sheet2.xml",
      "xl/sharedStrings.xml",
    ])
      expect(zipEntry(saved, name), name).toBe(zipEntry(bytes, name));
  });
});

// --- 3. structure -----------------------------------------------------------------------------------

describe("the workbook's structure", () => {
  it("renumbers sheet-local defined names when an earlier sheet is deleted, and drops the deleted sheet's", async () => {
    const workbook = await open({
      sheets: [plain("A", 1), plain("B", 2), { name: "图表", xml: CHARTSHEET, chart: true }, plain("C", 3)],
      definedNames:
        "<definedNames>" +
        '<definedName name="_xlnm._FilterDatabase" localSheetId="3" hidden="1">C!$A$1:$B$3</definedName>' +
        '<definedName name="_xlnm.Print_Area" localSheetId="0">A!$A$1:$C$10</definedName>' +
        '<definedName name="_xlnm.Print_Titles" localSheetId="1">B!$1:$1</definedName>' +
        '<definedName name="图表名" localSheetId="2">B!$A$1</definedName>' +
        '<definedName name="学校">B!$A$1</definedName>' +
        "</definedNames>",
    });
    await workbook.deleteSheet("A");
    const saved = await workbook.toBuffer();
    expect(part(saved, "xl/workbook.xml").match(/<definedName [^>]*>[^<]*<\/definedName>/g)).toEqual([
      '<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">C!$A$1:$B$3</definedName>',
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">B!$1:$1</definedName>',
      '<definedName name="图表名" localSheetId="1">B!$A$1</definedName>',
      '<definedName name="学校">B!$A$1</definedName>',
    ]);
    expect((await (await openXlsxBuffer(saved)).listSheets()).map((sheet) => sheet.name)).toEqual(["B", "C"]);
  });

  describe("calcChain", () => {
    const spec = (): PackageSpec => ({
      sheets: [
        { name: "S", xml: worksheet(row(1, `${n("A1", 1)}<c r="B1"><f>A1*2</f><v>2</v></c>`)) },
        plain("T", 2),
      ],
      workbookRels: [{ type: rel("calcChain"), target: "calcChain.xml" }],
      extraParts: [
        {
          path: "xl/calcChain.xml",
          data: `${DECL}<calcChain xmlns="${MAIN}"><c r="B1" i="1"/></calcChain>`,
          type: CT.calcChain,
        },
      ],
    });
    const hasCalcChain = (saved: Uint8Array) => ({
      part: zipNames(saved).includes("xl/calcChain.xml"),
      rel: part(saved, "xl/_rels/workbook.xml.rels").includes("calcChain"),
      type: part(saved, "[Content_Types].xml").includes("calcChain"),
    });

    it("keeps it when cells are only marked", async () => {
      const bytes = xlsxBytes(spec());
      const workbook = await openXlsxBuffer(bytes);
      await workbook.markCells("S", [{ address: "B1", color: MARK, note: "错" }]);
      const saved = await workbook.toBuffer();
      expect(hasCalcChain(saved)).toEqual({ part: true, rel: true, type: true });
      expect(zipEntry(saved, "xl/calcChain.xml")).toBe(zipEntry(bytes, "xl/calcChain.xml"));
    });

    it("removes the part, its relationship and its content type when a sheet is written", async () => {
      const workbook = await open(spec());
      await workbook.writeSheet("检查结果", [["x"]]);
      const saved = await workbook.toBuffer();
      expect(hasCalcChain(saved)).toEqual({ part: false, rel: false, type: false });
      expect(await values(await openXlsxBuffer(saved), "S")).toEqual([[1, 2]]);
    });

    it("removes the part, its relationship and its content type when a sheet is deleted", async () => {
      const workbook = await open(spec());
      await workbook.deleteSheet("T");
      expect(hasCalcChain(await workbook.toBuffer())).toEqual({ part: false, rel: false, type: false });
    });
  });

  it("moves the active tab off a deleted sheet to the first visible one", async () => {
    const workbook = await open({
      sheets: [plain("状态", 0, { state: "hidden" }), plain("数据", 1), plain("检查结果", 2)],
      bookViews: views(2),
    });
    await workbook.deleteSheet("检查结果");
    expect(await activeSheet(workbook)).toEqual({ active: "数据", visible: true });
  });

  it("moves the active tab off a sheet written hidden", async () => {
    const workbook = await open({
      sheets: [plain("数据", 1), plain("houqin-state", 2), plain("汇总", 3)],
      bookViews: views(1),
    });
    await workbook.writeSheet("houqin-state", [["state"]], { hidden: true });
    const { visible } = await activeSheet(workbook);
    expect(visible).toBe(true);
  });

  it("replaces a sheet written again in its place, with its notes gone", async () => {
    const bytes = xlsxBytes({
      sheets: [
        plain("数据", 1),
        {
          name: "检查结果",
          xml: worksheet(row(3, s("B3", 0)), { tail: '<legacyDrawing r:id="rId1"/>' }),
          rels: [
            { id: "rId2", type: rel("comments"), target: "../comments1.xml" },
            { id: "rId1", type: rel("vmlDrawing"), target: "../drawings/vmlDrawing1.vml" },
          ],
        },
        plain("汇总", 3),
      ],
      strings: ["<t>旧</t>"],
      extraParts: [
        { path: "xl/comments1.xml", data: commentsXml(B3_COMMENT), type: CT.comments },
        {
          path: "xl/drawings/vmlDrawing1.vml",
          data: `${VML_HEAD}${NOTE_SHAPETYPE}${noteShape(1025, 2, 1)}</xml>`,
        },
      ],
    });
    const workbook = await openXlsxBuffer(bytes);
    await workbook.writeSheet("检查结果", [["新"]]);
    const saved = await workbook.toBuffer();
    const sheetTags = part(saved, "xl/workbook.xml").match(/<sheet [^>]*>/g) ?? [];
    expect(sheetTags.map((tag) => /name="([^"]*)"/.exec(tag)?.[1])).toEqual(["数据", "检查结果", "汇总"]);
    expect(sheetTags[1]).toMatch(/sheetId="2"/);
    expect(zipNames(saved)).not.toContain("xl/comments1.xml");
    expect(zipNames(saved)).not.toContain("xl/drawings/vmlDrawing1.vml");
    expect(part(saved, "[Content_Types].xml")).not.toContain("comments1.xml");
    const again = await openXlsxBuffer(saved);
    expect((await again.listSheets()).map((sheet) => sheet.name)).toEqual(["数据", "检查结果", "汇总"]);
    expect(await values(again, "检查结果")).toEqual([["新"]]);
    expect(await again.readDecorations("检查结果", ["B3"])).toEqual([
      { address: "B3", fill: null, note: null },
    ]);
  });
});

// --- 4. notes -----------------------------------------------------------------------------------------

describe("notes", () => {
  /** 收费明细 with the user's notes on B3 and D4, and a macro button, in one VML drawing. */
  function notedSpec(): PackageSpec {
    const spec = feesSpec();
    const fees = spec.sheets[0] as SheetSpec;
    fees.xml = fees.xml.replace("</worksheet>", '<legacyDrawing r:id="rId3"/></worksheet>');
    fees.rels = [
      ...(fees.rels ?? []),
      { id: "rId3", type: rel("vmlDrawing"), target: "../drawings/vmlDrawing1.vml" },
      { id: "rId4", type: rel("comments"), target: "../comments1.xml" },
    ];
    spec.extraParts = [
      ...(spec.extraParts ?? []),
      { path: "xl/comments1.xml", data: commentsXml(B3_COMMENT, D4_COMMENT), type: CT.comments },
      {
        path: "xl/drawings/vmlDrawing1.vml",
        data: `${VML_HEAD}${NOTE_SHAPETYPE}${noteShape(1025, 2, 1)}${BUTTON_SHAPE}${noteShape(1026, 3, 3)}</xml>`,
      },
    ];
    return spec;
  }

  it("puts back the exact comment and shape of a user's note marked and restored in one session, keeping the button", async () => {
    const workbook = await open(notedSpec());
    const before = await workbook.readDecorations("收费明细", ["B3"]);
    expect(before).toEqual([{ address: "B3", fill: null, note: "张老师:\n请核对金额" }]);
    await workbook.markCells("收费明细", [{ address: "B3", color: MARK, note: "金额超出标准" }]);
    const marked = await workbook.toBuffer();
    expect(commentOf(part(marked, "xl/comments1.xml"), "B3")).toContain("金额超出标准");
    expect(part(marked, "xl/drawings/vmlDrawing1.vml")).toContain(BUTTON);
    expect(part(marked, "xl/drawings/vmlDrawing1.vml")).not.toContain(noteShape(1025, 2, 1));

    await workbook.restoreDecorations("收费明细", before);
    const restored = await workbook.toBuffer();
    const comments = part(restored, "xl/comments1.xml");
    expect(commentOf(comments, "B3")).toBe(B3_COMMENT);
    expect(commentOf(comments, "D4")).toBe(D4_COMMENT);
    const vml = part(restored, "xl/drawings/vmlDrawing1.vml");
    expect(vml).toContain(noteShape(1025, 2, 1));
    expect(vml).toContain(noteShape(1026, 3, 3));
    expect(vml).toContain(BUTTON);
    expect(part(restored, "xl/worksheets/sheet1.xml")).toContain('<legacyDrawing r:id="rId3"/>');
    const again = await openXlsxBuffer(restored);
    expect(await again.readDecorations("收费明细", ["B3", "D4"])).toEqual([
      ...before,
      { address: "D4", fill: expect.stringContaining("FFDDEBF7"), note: "李会计：已入账" },
    ]);
  });

  it("gives a note back after a save and a reopen, from the decorations read before marking", async () => {
    const first = await open(notedSpec());
    const before = await first.readDecorations("收费明细", ["B3", "C4"]);
    await first.markCells("收费明细", [
      { address: "B3", color: MARK, note: "金额超出标准" },
      { address: "C4", color: MARK, note: "日期错" },
    ]);
    const second = await reopen(first);
    expect((await second.readDecorations("收费明细", ["B3", "C4"])).map((d) => d.note)).toEqual([
      "金额超出标准",
      "日期错",
    ]);
    await second.restoreDecorations("收费明细", before);
    const saved = await second.toBuffer();
    expect(await (await openXlsxBuffer(saved)).readDecorations("收费明细", ["B3", "C4", "D4"])).toEqual([
      ...before,
      { address: "D4", fill: expect.stringContaining("FFDDEBF7"), note: "李会计：已入账" },
    ]);
    expect(part(saved, "xl/drawings/vmlDrawing1.vml")).toContain(BUTTON);
    const book = await loadExcelJs(saved);
    expect(exceljsNote(book.getWorksheet("收费明细")?.getCell("B3") as ExcelJS.Cell)).toBe(
      "张老师:\n请核对金额",
    );
    expect(book.getWorksheet("收费明细")?.getCell("C4").note).toBeUndefined();
  });

  /** A sheet whose B2 holds an Excel 365 threaded comment (with its legacy placeholder note). */
  function threadedSpec(): PackageSpec {
    const legacy = `<comment ref="B2" authorId="0" shapeId="0" xr:uid="{9C2F1E3A-6B5D-4E7F-8A9B-0C1D2E3F4A5B}"><text><t>[线程批注]\n\n你的 Excel 版本允许你读取此线程批注；但如果在更新版本的 Excel 中打开文件，则对批注所作的任何编辑都将被删除。了解详细信息: https://go.microsoft.com/fwlink/?linkid=870924\n\n注释:\n    这笔费用是否已审批？</t></text></comment>`;
    return {
      sheets: [
        {
          name: "S",
          xml: worksheet(row(2, `${n("B2", 880)}${n("C2", 1)}`) + row(3, n("C3", 2)), {
            tail: '<legacyDrawing r:id="rId2"/>',
          }),
          rels: [
            { id: "rId3", type: rel("comments"), target: "../comments1.xml" },
            { id: "rId2", type: rel("vmlDrawing"), target: "../drawings/vmlDrawing1.vml" },
            { id: "rId1", type: THREADED_REL, target: "../threadedComments/threadedComment1.xml" },
          ],
        },
      ],
      workbookRels: [{ type: PERSON_REL, target: "persons/person.xml" }],
      extraParts: [
        {
          path: "xl/comments1.xml",
          data: `${DECL}<comments xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><authors><author>tc={9C2F1E3A-6B5D-4E7F-8A9B-0C1D2E3F4A5B}</author></authors><commentList>${legacy}</commentList></comments>`,
          type: CT.comments,
        },
        {
          path: "xl/drawings/vmlDrawing1.vml",
          data: `${VML_HEAD}${NOTE_SHAPETYPE}${noteShape(1025, 1, 1)}</xml>`,
        },
        {
          path: "xl/threadedComments/threadedComment1.xml",
          data: `${DECL}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><threadedComment ref="B2" dT="2024-09-03T08:15:42.31" personId="{3E1D8C5A-2B4F-4A6E-9D7C-1F0E2D3C4B5A}" id="{9C2F1E3A-6B5D-4E7F-8A9B-0C1D2E3F4A5B}"><text>这笔费用是否已审批？</text></threadedComment></ThreadedComments>`,
          type: CT.threaded,
        },
        {
          path: "xl/persons/person.xml",
          data: `${DECL}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="王老师" id="{3E1D8C5A-2B4F-4A6E-9D7C-1F0E2D3C4B5A}" userId="王老师" providerId="None"/></personList>`,
          type: CT.person,
        },
      ],
    };
  }

  it("fills a cell holding a threaded comment and leaves its comment alone", async () => {
    const bytes = xlsxBytes(threadedSpec());
    const workbook = await openXlsxBuffer(bytes);
    await workbook.markCells("S", [{ address: "B2", color: MARK, note: "未审批" }]);
    let saved = await workbook.toBuffer();
    const notesParts = [
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
      "xl/threadedComments/threadedComment1.xml",
      "xl/persons/person.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
    ];
    for (const path of notesParts)
      expect(zipEntryBytes(saved, path), path).toEqual(zipEntryBytes(bytes, path));
    expect((await (await openXlsxBuffer(saved)).readDecorations("S", ["B2"]))[0]?.fill).toContain(MARK);

    // A note on another cell rewrites the comments part, but not the threaded comment's placeholder or shape.
    await workbook.markCells("S", [{ address: "C3", color: MARK, note: "另一处" }]);
    saved = await workbook.toBuffer();
    expect(commentOf(part(saved, "xl/comments1.xml"), "B2")).toBe(
      commentOf(part(bytes, "xl/comments1.xml"), "B2"),
    );
    expect(part(saved, "xl/drawings/vmlDrawing1.vml")).toContain(noteShape(1025, 1, 1));
    expect(zipEntryBytes(saved, "xl/threadedComments/threadedComment1.xml")).toEqual(
      zipEntryBytes(bytes, "xl/threadedComments/threadedComment1.xml"),
    );
    expect(part(saved, "xl/worksheets/_rels/sheet1.xml.rels")).toContain(THREADED_REL);
    const again = await openXlsxBuffer(saved);
    expect((await again.readDecorations("S", ["C3"]))[0]?.note).toBe("另一处");
    expect(await values(again, "S")).toEqual([[], [null, 880, 1], [null, null, 2]]);
  });

  it("removes the comments part, its relationship, the VML and <legacyDrawing> when the last note goes", async () => {
    const bytes = xlsxBytes(feesSpec());
    const workbook = await openXlsxBuffer(bytes);
    const before = await workbook.readDecorations("收费明细", ["A3", "B3"]);
    await workbook.markCells("收费明细", [
      { address: "A3", color: MARK, note: "一" },
      { address: "B3", color: MARK, note: "二" },
    ]);
    const marked = await workbook.toBuffer();
    expect(zipNames(marked)).toEqual(
      expect.arrayContaining(["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml"]),
    );
    expect(part(marked, "xl/worksheets/sheet1.xml")).toMatch(/<legacyDrawing r:id="rId\d+"\/><\/worksheet>$/);

    await workbook.restoreDecorations("收费明细", before);
    const saved = await workbook.toBuffer();
    const names = zipNames(saved);
    expect(names).not.toContain("xl/comments1.xml");
    expect(names).not.toContain("xl/drawings/vmlDrawing1.vml");
    expect(part(saved, "[Content_Types].xml")).not.toMatch(/comments/);
    const sheetRels = part(saved, "xl/worksheets/_rels/sheet1.xml.rels");
    expect(sheetRels).not.toMatch(/comments|vmlDrawing/);
    expect(sheetRels).toContain("printerSettings1.bin");
    expect(part(saved, "xl/worksheets/sheet1.xml")).not.toContain("legacyDrawing");
    expect(await (await openXlsxBuffer(saved)).readDecorations("收费明细", ["A3", "B3"])).toEqual(before);
    await loadExcelJs(saved);
  });

  it("keeps the VML drawing and <legacyDrawing> when other shapes remain after the last note goes", async () => {
    const spec = feesSpec();
    const fees = spec.sheets[0] as SheetSpec;
    fees.xml = fees.xml.replace("</worksheet>", '<legacyDrawing r:id="rId2"/></worksheet>');
    fees.rels = [
      ...(fees.rels ?? []),
      { id: "rId2", type: rel("vmlDrawing"), target: "../drawings/vmlDrawing1.vml" },
    ];
    spec.extraParts = [
      ...(spec.extraParts ?? []),
      { path: "xl/drawings/vmlDrawing1.vml", data: `${VML_HEAD}${BUTTON_SHAPE}</xml>` },
    ];
    const workbook = await open(spec);
    const before = await workbook.readDecorations("收费明细", ["A3"]);
    await workbook.markCells("收费明细", [{ address: "A3", color: MARK, note: "一" }]);
    const marked = await workbook.toBuffer();
    expect(part(marked, "xl/drawings/vmlDrawing1.vml")).toContain(BUTTON);
    expect(part(marked, "xl/drawings/vmlDrawing1.vml")).toMatch(/ObjectType="Note"/);
    await workbook.restoreDecorations("收费明细", before);
    const saved = await workbook.toBuffer();
    expect(zipNames(saved)).not.toContain("xl/comments1.xml");
    const vml = part(saved, "xl/drawings/vmlDrawing1.vml");
    expect(vml).toContain(BUTTON);
    expect(vml).not.toMatch(/ObjectType="Note"/);
    expect(part(saved, "xl/worksheets/sheet1.xml")).toContain('<legacyDrawing r:id="rId2"/>');
    expect(part(saved, "xl/worksheets/_rels/sheet1.xml.rels")).toContain(
      `<Relationship Id="rId2" Type="${rel("vmlDrawing")}" Target="../drawings/vmlDrawing1.vml"/>`,
    );
  });
});

// --- 5. fill tokens ---------------------------------------------------------------------------------

describe("fill tokens", () => {
  it("reads pattern fills as exceljs reads them: ARGB, theme with tint, indexed", async () => {
    const bytes = fillsBytes();
    const decorations = await (await openXlsxBuffer(bytes)).readDecorations("S", FILL_ADDRESSES);
    const tokens = decorations.map((d) => (d.fill === null ? null : JSON.parse(d.fill)));
    expect(tokens).toEqual([
      { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" }, bgColor: { indexed: 64 } },
      {
        type: "pattern",
        pattern: "solid",
        fgColor: { theme: 4, tint: 0.79998168889431442 },
        bgColor: { indexed: 64 },
      },
      { type: "pattern", pattern: "solid", fgColor: { indexed: 13 }, bgColor: { indexed: 64 } },
      null,
      null,
      { type: "pattern", pattern: "gray125" },
      null,
    ]);
    const ws = (await loadExcelJs(bytes)).getWorksheet("S") as ExcelJS.Worksheet;
    for (const address of ["A1", "B1", "C1", "F1"])
      expect(tokens[FILL_ADDRESSES.indexOf(address)], address).toEqual(ws.getCell(address).fill);
    expect(decorations.every((d) => d.note === null)).toBe(true);
  });

  it("restores exceljs JSON tokens, bare ARGB tokens and null", async () => {
    const workbook = await openXlsxBuffer(fillsBytes());
    const before = await workbook.readDecorations("S", ["A1", "B1", "C1", "E1"]);
    await workbook.markCells(
      "S",
      ["A1", "B1", "C1", "E1", "G9"].map((address) => ({ address, color: MARK, note: "错" })),
    );
    const darkGrid = {
      type: "pattern",
      pattern: "darkGrid",
      fgColor: { argb: "FF00B050" },
      bgColor: { theme: 0 },
    };
    const restore: CellDecoration[] = [
      before[0] as CellDecoration,
      { address: "B1", fill: "FFDDEBF7", note: null },
      { address: "C1", fill: null, note: null },
      { address: "E1", fill: JSON.stringify(darkGrid), note: null },
      { address: "G9", fill: "ffc6efce", note: null },
    ];
    await workbook.restoreDecorations("S", restore);
    const saved = await workbook.toBuffer();
    for (const wb of [workbook, await openXlsxBuffer(saved)]) {
      const after = await wb.readDecorations("S", ["A1", "B1", "C1", "E1", "G9"]);
      expect(after.map((d) => (d.fill === null ? null : JSON.parse(d.fill)))).toEqual([
        JSON.parse(before[0]?.fill as string),
        { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" }, bgColor: { indexed: 64 } },
        null,
        darkGrid,
        { type: "pattern", pattern: "solid", fgColor: { argb: "FFC6EFCE" }, bgColor: { indexed: 64 } },
      ]);
      expect(after.map((d) => d.note)).toEqual([null, null, null, null, null]);
      expect(await values(wb, "S")).toEqual([[1, 2, 3, 4, 5, 6]]);
    }
    const ws = (await loadExcelJs(saved)).getWorksheet("S") as ExcelJS.Worksheet;
    expect((ws.getCell("A1").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFDDEBF7");
    expect((ws.getCell("B1").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFDDEBF7");
    expect(ws.getCell("E1").fill).toEqual(darkGrid);
    expect(ws.getCell("E1").font?.bold).toBe(true);
    expect(ws.getCell("A1").note).toBeUndefined();
  });

  it("gives a cell its original style index back when its fill is restored to none", async () => {
    const workbook = await openXlsxBuffer(fillsBytes());
    const before = await workbook.readDecorations("S", ["D1", "E1"]);
    expect(before.map((d) => d.fill)).toEqual([null, null]);
    await workbook.markCells("S", [
      { address: "D1", color: MARK, note: "错" },
      { address: "E1", color: MARK, note: "错" },
    ]);
    const marked = await workbook.toBuffer();
    expect(styleIndex(part(marked, "xl/worksheets/sheet1.xml"), "E1")).not.toBe("4");
    await workbook.restoreDecorations("S", before);
    let xml = part(await workbook.toBuffer(), "xl/worksheets/sheet1.xml");
    expect([styleIndex(xml, "D1"), styleIndex(xml, "E1")]).toEqual(["0", "4"]);
    // In a later session too, from the file saved with the marks.
    const later = await openXlsxBuffer(marked);
    await later.restoreDecorations("S", before);
    xml = part(await later.toBuffer(), "xl/worksheets/sheet1.xml");
    expect([styleIndex(xml, "D1"), styleIndex(xml, "E1")]).toEqual(["0", "4"]);
  });

  it("marks a cell not yet written with the style of its row or column, and gives that back on restore", async () => {
    const bytes = xlsxBytes({
      sheets: [
        {
          name: "S",
          xml: worksheet(
            `${row(1, n("A1", 1))}<row r="7" spans="1:5" s="9" customFormat="1">${n("A7", 2, 9)}</row>`,
            {
              cols: '<col min="1" max="1" width="14.625" customWidth="1"/><col min="3" max="3" width="12" style="1" customWidth="1"/>',
            },
          ),
        },
      ],
    });
    const workbook = await openXlsxBuffer(bytes);
    const before = await workbook.readDecorations("S", ["C9", "B7"]);
    expect(before.map((d) => d.fill)).toEqual([null, null]);
    await workbook.markCells("S", [
      { address: "C9", color: MARK, note: "列" },
      { address: "B7", color: MARK, note: "行" },
    ]);
    const marked = await workbook.toBuffer();
    const ws = (await loadExcelJs(marked)).getWorksheet("S") as ExcelJS.Worksheet;
    expect([ws.getCell("C9").numFmt, (ws.getCell("C9").fill as ExcelJS.FillPattern).fgColor?.argb]).toEqual([
      "mm-dd-yy",
      MARK,
    ]);
    expect([ws.getCell("B7").numFmt, (ws.getCell("B7").fill as ExcelJS.FillPattern).fgColor?.argb]).toEqual([
      "#,##0.00",
      MARK,
    ]);
    await workbook.restoreDecorations("S", before);
    const xml = part(await workbook.toBuffer(), "xl/worksheets/sheet1.xml");
    expect([styleIndex(xml, "C9"), styleIndex(xml, "B7")]).toEqual(["1", "9"]);
  });

  it("gives a cell its original style index back when its own ARGB or indexed fill token is restored", async () => {
    const workbook = await openXlsxBuffer(fillsBytes());
    const before = await workbook.readDecorations("S", ["A1", "C1"]);
    await workbook.markCells("S", [
      { address: "A1", color: MARK, note: "错" },
      { address: "C1", color: MARK, note: "错" },
    ]);
    await workbook.restoreDecorations("S", before);
    const xml = part(await workbook.toBuffer(), "xl/worksheets/sheet1.xml");
    expect([styleIndex(xml, "A1"), styleIndex(xml, "C1")]).toEqual(["5", "7"]);
  });
});

// --- 6. damaged and unusual zips -------------------------------------------------------------------

describe("damaged and unusual zip files", () => {
  /** The file with one byte of an entry's stored data changed (its CRC no longer matches). */
  function flipByte(bytes: Uint8Array, name: string): Uint8Array {
    const entry = zipDirectory(bytes).find((e) => e.name === name);
    if (!entry) throw new Error(`no ${name}`);
    const copy = new Uint8Array(bytes);
    const text = Buffer.from(copy.buffer, copy.byteOffset + entry.dataStart, entry.compressedSize).toString(
      "latin1",
    );
    const at = entry.dataStart + text.indexOf("<v>") + 3; // a digit of the first value
    copy[at] = (copy[at] as number) === 0x39 ? 0x38 : (copy[at] as number) + 1;
    return copy;
  }

  it("says a sheet whose data fails its CRC is corrupt when it is read, and reads the others", async () => {
    const workbook = await openXlsxBuffer(flipByte(xlsxBytes(feesSpec()), "xl/worksheets/sheet1.xml"));
    expect((await workbook.listSheets()).map((sheet) => sheet.name)).toEqual(["收费明细", "其他"]);
    expect((await openError(workbook.readSheet("收费明细"))).code).toBe("corrupt");
    expect((await openError(workbook.readDecorations("收费明细", ["A1"]))).code).toBe("corrupt");
    expect(
      (await openError(workbook.markCells("收费明细", [{ address: "A1", color: MARK, note: "x" }]))).code,
    ).toBe("corrupt");
    expect(await values(workbook, "其他")).toEqual([["项目", 3]]);
  });

  it("says a truncated sheet entry or shared-strings part is corrupt when read", async () => {
    const parts = excelPackage(feesSpec());
    const cut = (name: string) => {
      const whole = Buffer.from(parts[name] as string, "utf8");
      // Deflated, then cut: the directory still gives the whole entry's CRC and size.
      return { data: whole, deflate: true, cut: true };
    };
    for (const name of ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"]) {
      const bytes = buildZip({ ...parts, [name]: cut(name) } as Record<string, ZipFixtureEntry>);
      const workbook = await openXlsxBuffer(bytes);
      expect((await openError(workbook.readSheet("收费明细"))).code, name).toBe("corrupt");
    }
  });

  it("reads, marks and saves a file whose entries have data descriptors and local extra fields", async () => {
    const bytes = xlsxBytes(feesSpec(), { deflate: true, descriptor: true, localExtra: true });
    expect(zipDirectory(bytes).every((entry) => (entry.flags & 0x8) === 0x8 && entry.method === 8)).toBe(
      true,
    );
    const workbook = await openXlsxBuffer(bytes);
    expect(await values(workbook, "收费明细")).toEqual(FEES_VALUES);
    await workbook.markCells("收费明细", [{ address: "B3", color: MARK, note: "错" }]);
    const saved = await workbook.toBuffer();
    expect(zipEntryBytes(saved, "xl/media/image1.png")).toEqual(PNG);
    const again = await openXlsxBuffer(saved);
    expect(await values(again, "收费明细")).toEqual(FEES_VALUES);
    expect(await values(again, "其他")).toEqual([["项目", 3]]);
    const book = await loadExcelJs(saved);
    expect(
      (book.getWorksheet("收费明细")?.getCell("B3").fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb,
    ).toBe(MARK);
  });

  it("reads a zip64 file", async () => {
    const workbook = await open(feesSpec(), { zip64: true, deflate: true });
    expect(await values(workbook, "收费明细")).toEqual(FEES_VALUES);
    await workbook.markCells("收费明细", [{ address: "B3", color: MARK, note: "错" }]);
    expect(await values(await reopen(workbook), "收费明细")).toEqual(FEES_VALUES);
  });
});

// --- 7, 8. other readers --------------------------------------------------------------------------

/** 收费明细 with the user's note on B3 marked, a fresh note on C4, and a results sheet: the file before and after. */
async function annotated(): Promise<{ original: Uint8Array; saved: Uint8Array }> {
  const spec = feesSpec();
  const fees = spec.sheets[0] as SheetSpec;
  fees.xml = fees.xml.replace("</worksheet>", '<legacyDrawing r:id="rId3"/></worksheet>');
  fees.rels = [
    ...(fees.rels ?? []),
    { id: "rId3", type: rel("vmlDrawing"), target: "../drawings/vmlDrawing1.vml" },
    { id: "rId4", type: rel("comments"), target: "../comments1.xml" },
  ];
  spec.extraParts = [
    ...(spec.extraParts ?? []),
    { path: "xl/comments1.xml", data: commentsXml(B3_COMMENT, D4_COMMENT), type: CT.comments },
    {
      path: "xl/drawings/vmlDrawing1.vml",
      data: `${VML_HEAD}${NOTE_SHAPETYPE}${noteShape(1025, 2, 1)}${noteShape(1026, 3, 3)}</xml>`,
    },
  ];
  const original = xlsxBytes(spec);
  const workbook = await openXlsxBuffer(original);
  await workbook.readDecorations("收费明细", ["B3", "C4"]);
  await workbook.markCells("收费明细", [
    { address: "B3", color: MARK, note: "金额超出标准" },
    { address: "C4", color: "FFFFEB9C", note: "日期不在学期内" },
  ]);
  await workbook.writeSheet(
    "检查结果",
    [
      [
        { text: "规则", bold: true },
        { text: "单元格", bold: true },
      ],
      ["finance/x", { text: "收费明细!B3", link: { sheet: "收费明细", cell: "B3" } }],
    ],
    { columnWidths: [24, 16], frozenRows: 1 },
  );
  return { original, saved: await workbook.toBuffer() };
}

/** The values of a sheet as exceljs reads them, by address (formulas as their results, dates as ISO days). */
function exceljsValues(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow((r) =>
    r.eachCell((cell) => {
      const v = cell.value;
      const value = v !== null && typeof v === "object" && "result" in v ? v.result : v;
      out[cell.address] = value instanceof Date ? value.toISOString().slice(0, 10) : value;
    }),
  );
  return out;
}

describe("other readers open the saved file", () => {
  it("exceljs sees the values, the marks' fills and notes, the user's other notes and the results sheet", async () => {
    const { original, saved } = await annotated();
    const book = await loadExcelJs(saved);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(["收费明细", "其他", "检查结果"]);
    const ws = book.getWorksheet("收费明细") as ExcelJS.Worksheet;
    const before = await loadExcelJs(original);
    for (const name of ["收费明细", "其他"])
      expect(exceljsValues(book.getWorksheet(name) as ExcelJS.Worksheet), name).toEqual(
        exceljsValues(before.getWorksheet(name) as ExcelJS.Worksheet),
      );
    expect(exceljsValues(ws)).toMatchObject({ B3: 1234.5, C3: "2024-09-01", B5: 1214.5, D4: "王老师" });
    expect((ws.getCell("B3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(MARK);
    expect((ws.getCell("C4").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFEB9C");
    expect(ws.getCell("B3").numFmt).toBe("#,##0.00");
    expect(exceljsNote(ws.getCell("B3"))).toBe("金额超出标准");
    expect(exceljsNote(ws.getCell("C4"))).toBe("日期不在学期内");
    expect(exceljsNote(ws.getCell("D4"))).toBe("李会计：已入账");
    expect((ws.getCell("D4").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFDDEBF7");
    const results = book.getWorksheet("检查结果") as ExcelJS.Worksheet;
    expect(results.getCell("A1").font?.bold).toBe(true);
    expect(results.getCell("B2").text).toBe("收费明细!B3");
    const again = await openXlsxBuffer(saved);
    expect(await values(again, "收费明细")).toEqual(FEES_VALUES);
  });

  const hasOpenpyxl = spawnSync("/usr/bin/python3", ["-c", "import openpyxl"]).status === 0;

  describe("openpyxl", () => {
    let dir = "";
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "houqin-openpyxl-"));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it.skipIf(!hasOpenpyxl)("loads the annotated file with its values, fills and notes", async () => {
      const { original, saved } = await annotated();
      const path = join(dir, "annotated.xlsx");
      const originalPath = join(dir, "original.xlsx");
      await writeFile(path, saved);
      await writeFile(originalPath, original);
      const script = [
        "import json, sys, openpyxl",
        "def grid(p):",
        "    wb = openpyxl.load_workbook(p)",
        "    return {ws.title: {c.coordinate: repr(c.value) for r in ws.iter_rows() for c in r if c.value is not None} for ws in wb.worksheets}",
        "wb = openpyxl.load_workbook(sys.argv[1])",
        "ws = wb['收费明细']",
        "before, after = grid(sys.argv[2]), grid(sys.argv[1])",
        "print(json.dumps({",
        "  'sheets': wb.sheetnames,",
        "  'same': all(before[t] == after[t] for t in before),",
        "  'values': [after['收费明细'][a] for a in ('B3', 'C3', 'B5')],",
        "  'fills': [ws[a].fill.fgColor.rgb for a in ('B3', 'C4', 'D4')],",
        "  'notes': [ws[a].comment.text if ws[a].comment else None for a in ('B3', 'C4', 'D4', 'A3')],",
        "  'bold': wb['检查结果']['A1'].font.b,",
        "}, ensure_ascii=False))",
      ].join("\n");
      const run = spawnSync("/usr/bin/python3", ["-c", script, path, originalPath], { encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout)).toEqual({
        sheets: ["收费明细", "其他", "检查结果"],
        same: true,
        values: ["1234.5", "datetime.datetime(2024, 9, 1, 0, 0)", "'=SUM(B3:B4)'"],
        fills: [MARK, "FFFFEB9C", "FFDDEBF7"],
        notes: ["金额超出标准", "日期不在学期内", "李会计：已入账", null],
        bold: true,
      });
    });
  });
});
