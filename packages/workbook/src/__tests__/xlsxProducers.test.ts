// The .xlsx adapter on what other producers write and on unusual layouts: an x:-prefixed styles
// part, openpyxl's VML prefixes, a header picture's VML, LibreOffice's customFormat="true", theme
// fills read back from their tokens, a damaged comments part, the active tab. Same fixtures as
// xlsxPackage.test.ts.
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { openXlsxBuffer } from "../xlsxWorkbook.js";
import {
  activeSheet,
  B3_COMMENT,
  commentsXml,
  excelPackage,
  FEES_VALUES,
  feesSpec,
  fillsBytes,
  libreOfficeBytes,
  loadExcelJs,
  MARK,
  n,
  open,
  openError,
  openpyxlBytes,
  part,
  plain,
  prefixedBytes,
  rel,
  relsXml,
  row,
  type SheetSpec,
  styleIndex,
  VML_HEAD,
  values,
  views,
  worksheet,
  xlsxBytes,
} from "./xlsxFixtures.js";
import { buildZip, type ZipFixtureEntry, zipEntry } from "./zipFixtures.js";

describe("reading the parts as Excel and other producers write them", () => {
  it("marks a cell of an x:-prefixed workbook with every element it adds in the main namespace", async () => {
    const workbook = await openXlsxBuffer(prefixedBytes());
    await workbook.markCells("数据", [{ address: "A1", color: MARK, note: "错" }]);
    const saved = await workbook.toBuffer();
    // These parts declare the main namespace only as x:, so an element without the prefix is in no namespace.
    const unprefixed = (xml: string) =>
      [...xml.replace(/<\?xml[^>]*>/, "").matchAll(/<([A-Za-z][\w.-]*)[\s/>]/g)].map((m) => m[1]);
    expect(unprefixed(part(saved, "xl/styles.xml"))).toEqual([]);
    expect(unprefixed(part(saved, "xl/worksheets/sheet1.xml"))).toEqual([]);
    const again = await openXlsxBuffer(saved);
    expect(await again.readDecorations("数据", ["A1"])).toEqual([
      { address: "A1", fill: expect.stringContaining(MARK), note: "错" },
    ]);
    expect((await again.readSheet("数据")).rows[0]?.[0]).toEqual({ value: "项目", text: "项目" });
  });
});

describe("the workbook's structure", () => {
  it("keeps the active tab on its sheet when an earlier sheet is deleted", async () => {
    const workbook = await open({
      sheets: [
        plain("旧结果", 0),
        plain("数据", 1),
        {
          name: "汇总",
          xml: worksheet(row(1, n("A1", 2)), { view: '<sheetView tabSelected="1" workbookViewId="0"/>' }),
        },
      ],
      bookViews: views(2),
    });
    await workbook.deleteSheet("旧结果");
    expect(await activeSheet(workbook)).toEqual({ active: "汇总", visible: true });
  });
});

describe("notes", () => {
  it("replaces the VML shape of a note openpyxl wrote, leaving one shape per note, in prefixes the part declares", async () => {
    const workbook = await openXlsxBuffer(openpyxlBytes());
    const before = await workbook.readDecorations("数据", ["A1"]);
    await workbook.markCells("数据", [{ address: "A1", color: MARK, note: "错" }]);
    const saved = await workbook.toBuffer();
    expect((await (await openXlsxBuffer(saved)).readDecorations("数据", ["A1"]))[0]?.note).toBe("错");
    const vml = part(saved, "xl/drawings/commentsDrawing1.vml");
    // One Note shape for A1 (row 0, column 0), whatever prefixes its elements have.
    expect(vml.match(/ObjectType="Note"/g)).toHaveLength(1);
    expect(vml).toMatch(/<(\w+):Row>0<\/\1:Row>\s*<\1:Column>0<\/\1:Column>/);
    for (const [, prefix] of vml.matchAll(/<(\w+):/g))
      expect(vml, `prefix ${prefix}`).toMatch(new RegExp(`xmlns:${prefix}=`));
    await workbook.restoreDecorations("数据", before);
    const restored = part(await workbook.toBuffer(), "xl/drawings/commentsDrawing1.vml");
    expect(restored.match(/ObjectType="Note"/g)).toHaveLength(1);
  });

  it("puts notes in a VML drawing of their own, not in the drawing of the header's picture", async () => {
    const headerVml =
      `${VML_HEAD}<v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t"\r\n  path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path o:extrusionok="f" gradientshapeok="t" o:connecttype="rect"/>\r\n  <o:lock v:ext="edit" aspectratio="t"/>\r\n </v:shapetype>` +
      `<v:shape id="CH" o:spid="_x0000_s1025" type="#_x0000_t75" style='position:absolute;\r\n  margin-left:0;margin-top:0;width:60pt;height:30pt;z-index:1'>\r\n  <v:imagedata o:relid="rId1" o:title="校徽"/>\r\n  <o:lock v:ext="edit" rotation="t"/>\r\n </v:shape></xml>`;
    const spec = feesSpec();
    const fees = spec.sheets[0] as SheetSpec;
    fees.xml = fees.xml.replace(
      "</worksheet>",
      '<headerFooter><oddHeader>&amp;C&amp;G</oddHeader></headerFooter><legacyDrawingHF r:id="rId2"/></worksheet>',
    );
    fees.rels = [
      ...(fees.rels ?? []),
      { id: "rId2", type: rel("vmlDrawing"), target: "../drawings/vmlDrawing1.vml" },
    ];
    spec.extraParts = [
      ...(spec.extraParts ?? []),
      { path: "xl/drawings/vmlDrawing1.vml", data: headerVml },
      {
        path: "xl/drawings/_rels/vmlDrawing1.vml.rels",
        data: relsXml([{ id: "rId1", type: rel("image"), target: "../media/image1.png" }]),
      },
    ];
    const bytes = xlsxBytes(spec);
    const workbook = await openXlsxBuffer(bytes);
    await workbook.markCells("收费明细", [{ address: "B3", color: MARK, note: "金额超出标准" }]);
    const saved = await workbook.toBuffer();
    expect(zipEntry(saved, "xl/drawings/vmlDrawing1.vml")).toBe(headerVml);
    const sheetXml = part(saved, "xl/worksheets/sheet1.xml");
    expect(sheetXml).toContain('<legacyDrawingHF r:id="rId2"/>');
    const id = /<legacyDrawing r:id="(rId\d+)"\/>/.exec(sheetXml)?.[1];
    expect(id).toBeDefined();
    expect(id).not.toBe("rId2");
    const target = new RegExp(`Id="${id}" Type="${rel("vmlDrawing")}" Target="([^"]+)"`).exec(
      part(saved, "xl/worksheets/_rels/sheet1.xml.rels"),
    )?.[1];
    expect(target).toMatch(/^\.\.\/drawings\/vmlDrawing\d+\.vml$/);
    expect(part(saved, `xl/drawings/${target?.slice("../drawings/".length)}`)).toMatch(/<x:Row>2<\/x:Row>/);
  });
});

describe("fill tokens", () => {
  it('marks a cell not yet written in a LibreOffice row (customFormat="true") with the row\'s style', async () => {
    const workbook = await openXlsxBuffer(libreOfficeBytes());
    const before = await workbook.readDecorations("Sheet1", ["B7"]);
    await workbook.markCells("Sheet1", [{ address: "B7", color: MARK, note: "行" }]);
    const ws = (await loadExcelJs(await workbook.toBuffer())).getWorksheet("Sheet1") as ExcelJS.Worksheet;
    expect([ws.getCell("B7").numFmt, (ws.getCell("B7").fill as ExcelJS.FillPattern).fgColor?.argb]).toEqual([
      "#,##0.00",
      MARK,
    ]);
    await workbook.restoreDecorations("Sheet1", before);
    expect(styleIndex(part(await workbook.toBuffer(), "xl/worksheets/sheet1.xml"), "B7")).toBe("2");
  });

  it("gives a cell its original style index back when its own theme-and-tint fill token is restored", async () => {
    const workbook = await openXlsxBuffer(fillsBytes());
    const before = await workbook.readDecorations("S", ["B1"]);
    await workbook.markCells("S", [{ address: "B1", color: MARK, note: "错" }]);
    await workbook.restoreDecorations("S", before);
    const saved = await workbook.toBuffer();
    expect(styleIndex(part(saved, "xl/worksheets/sheet1.xml"), "B1")).toBe("6");
    expect(part(saved, "xl/styles.xml")).not.toContain('tint="0.7999816888943144"');
  });
});

describe("damaged and unusual zip files", () => {
  it("says a damaged comments part is corrupt when the notes are read or changed", async () => {
    const spec = feesSpec();
    const fees = spec.sheets[0] as SheetSpec;
    fees.rels = [...(fees.rels ?? []), { id: "rId2", type: rel("comments"), target: "../comments1.xml" }];
    const parts = excelPackage(spec);
    parts["xl/comments1.xml"] = {
      data: commentsXml(B3_COMMENT),
      deflate: true,
      cut: true,
    } as ZipFixtureEntry;
    const workbook = await openXlsxBuffer(buildZip(parts));
    expect(await values(workbook, "收费明细")).toEqual(FEES_VALUES);
    expect((await openError(workbook.readDecorations("收费明细", ["B3"]))).code).toBe("corrupt");
    expect(
      (await openError(workbook.markCells("收费明细", [{ address: "B3", color: MARK, note: "x" }]))).code,
    ).toBe("corrupt");
  });
});
