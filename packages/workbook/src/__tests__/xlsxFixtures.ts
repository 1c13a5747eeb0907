// Workbook packages built by hand for the .xlsx adapter's tests, part by part, the way Excel and
// other producers (LibreOffice, openpyxl, .NET tools writing an `x:` prefix) write them, and small
// probes into what the adapter saves.
import ExcelJS from "exceljs";
import { expect } from "vitest";
import { WorkbookOpenError } from "../openErrors.js";
import { openXlsxBuffer, XlsxWorkbook } from "../xlsxWorkbook.js";
import { buildZip, type ZipFixtureEntry, type ZipOptions, zipEntry } from "./zipFixtures.js";

// --- building packages ----------------------------------------------------------------------------

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const rel = (type: string) =>
  `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}`;
export const THREADED_REL = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";
export const PERSON_REL = "http://schemas.microsoft.com/office/2017/10/relationships/person";
/** Excel ends its XML declaration with CR LF. */
export const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
export const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml";
export const CT = {
  workbook: `${SML}.sheet.main+xml`,
  worksheet: `${SML}.worksheet+xml`,
  chartsheet: `${SML}.chartsheet+xml`,
  styles: `${SML}.styles+xml`,
  sharedStrings: `${SML}.sharedStrings+xml`,
  comments: `${SML}.comments+xml`,
  calcChain: `${SML}.calcChain+xml`,
  threaded: "application/vnd.ms-excel.threadedcomments+xml",
  person: "application/vnd.ms-excel.person+xml",
  theme: "application/vnd.openxmlformats-officedocument.theme+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  customXmlProps: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
} as const;

export interface Rel {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

export function relsXml(rels: readonly Rel[]): string {
  const items = rels
    .map(
      (r) =>
        `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ""}/>`,
    )
    .join("");
  return `${DECL}<Relationships xmlns="${PKG_RELS}">${items}</Relationships>`;
}

/** A sheet of a hand-built workbook. */
export interface SheetSpec {
  name: string;
  /** The whole sheet part. */
  xml: string;
  state?: "hidden" | "veryHidden";
  /** The sheet part's relationships, targets relative to its folder. */
  rels?: Rel[];
  /** A chart sheet (xl/chartsheets/) instead of a worksheet. */
  chart?: boolean;
}

/** A part besides the workbook's own, with its content type (an Override) when it has one. */
export interface ExtraPart {
  path: string;
  data: string | Uint8Array;
  type?: string;
  deflate?: boolean;
}

export interface PackageSpec {
  sheets: SheetSpec[];
  /** The inner XML of each shared string item; no shared-strings part when undefined. */
  strings?: string[];
  /** The styles part; Excel's {@link STYLES} when undefined. */
  styles?: string;
  workbookPr?: string;
  bookViews?: string;
  definedNames?: string;
  extraParts?: ExtraPart[];
  /** Relationships of the workbook part besides sheets, theme, styles and shared strings. */
  workbookRels?: Omit<Rel, "id">[];
  /** Targets of the root and workbook relationships written as absolute paths ("/xl/…"). */
  absolute?: boolean;
  /** The whole workbook part, instead of one built from the fields above. */
  workbookXml?: string;
}

export const THEME = `${DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="5B9BD5"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="4472C4"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme></a:themeElements></a:theme>`;

/**
 * The styles part of a Chinese Excel 2016 workbook. Cell styles (s):
 * 0 default · 1 date (built-in 14) · 2 date (built-in 31, 年月日) · 3 custom date 176 · 4 bold ·
 * 5 fill ARGB · 6 fill theme + tint · 7 fill indexed · 8 custom long date 177 · 9 built-in 4 (#,##0.00) ·
 * 10 custom ¥ 178 · 11 built-in 57 (年月)
 */
export const STYLES =
  `${DECL}<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">` +
  `<numFmts count="3"><numFmt numFmtId="176" formatCode="yyyy/m/d;@"/><numFmt numFmtId="177" formatCode="[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"/><numFmt numFmtId="178" formatCode="&quot;¥&quot;#,##0.00_);[Red]\\(&quot;¥&quot;#,##0.00\\)"/></numFmts>` +
  `<fonts count="3" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><sz val="9"/><name val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></font></fonts>` +
  `<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor theme="4" tint="0.79998168889431442"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor indexed="13"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>` +
  `<cellXfs count="12">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>` +
  `<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf>` +
  `<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf>` +
  `<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf>` +
  `<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"><alignment vertical="center"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"><alignment vertical="center"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1"><alignment vertical="center"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="4" borderId="0" xfId="0" applyFill="1"><alignment vertical="center"/></xf>` +
  `<xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf>` +
  `<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf>` +
  `<xf numFmtId="178" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf>` +
  `<xf numFmtId="57" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf>` +
  `</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

/** A worksheet part as Excel writes it: `rows` inside sheetData, `merges` before and `tail` after the page margins. */
export function worksheet(
  rows: string,
  parts: { merges?: string; tail?: string; view?: string; cols?: string } = {},
): string {
  return (
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{00000000-0001-0000-0000-000000000000}">` +
    `<dimension ref="A1:E6"/><sheetViews>${parts.view ?? '<sheetView workbookViewId="0"/>'}</sheetViews><sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.15"/>` +
    `<cols>${parts.cols ?? '<col min="1" max="1" width="14.625" customWidth="1"/>'}</cols>` +
    `<sheetData>${rows}</sheetData>${parts.merges ?? ""}<phoneticPr fontId="1" type="noConversion"/>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${parts.tail ?? ""}</worksheet>`
  );
}

export const CHARTSHEET = `${DECL}<chartsheet xmlns="${MAIN}" xmlns:r="${R_NS}"><sheetPr/><sheetViews><sheetView zoomScale="115" workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`;

/** The parts of a workbook package, in the order Excel writes them. */
export function excelPackage(spec: PackageSpec): Record<string, ZipFixtureEntry> {
  const abs = (path: string) => (spec.absolute ? `/xl/${path}` : path);
  const parts: Record<string, ZipFixtureEntry> = {};
  const overrides: [string, string][] = [["/xl/workbook.xml", CT.workbook]];
  const workbookRels: Rel[] = [];
  const sheetParts: [string, string][] = [];
  const sheetRels: [string, string][] = [];
  let worksheets = 0;
  let chartsheets = 0;
  const sheetTags = spec.sheets.map((sheet, i) => {
    const folder = sheet.chart ? "chartsheets" : "worksheets";
    const n = sheet.chart ? ++chartsheets : ++worksheets;
    const path = `${folder}/sheet${n}.xml`;
    const id = `rId${i + 1}`;
    workbookRels.push({ id, type: rel(sheet.chart ? "chartsheet" : "worksheet"), target: abs(path) });
    overrides.push([`/xl/${path}`, sheet.chart ? CT.chartsheet : CT.worksheet]);
    sheetParts.push([`xl/${path}`, sheet.xml]);
    if (sheet.rels) sheetRels.push([`xl/${folder}/_rels/sheet${n}.xml.rels`, relsXml(sheet.rels)]);
    const state = sheet.state ? ` state="${sheet.state}"` : "";
    return `<sheet name="${sheet.name}" sheetId="${i + 1}"${state} r:id="${id}"/>`;
  });
  let next = spec.sheets.length + 1;
  workbookRels.push({ id: `rId${next++}`, type: rel("theme"), target: abs("theme/theme1.xml") });
  workbookRels.push({ id: `rId${next++}`, type: rel("styles"), target: abs("styles.xml") });
  if (spec.strings)
    workbookRels.push({ id: `rId${next++}`, type: rel("sharedStrings"), target: abs("sharedStrings.xml") });
  for (const extra of spec.workbookRels ?? []) workbookRels.push({ id: `rId${next++}`, ...extra });
  overrides.push(["/xl/theme/theme1.xml", CT.theme], ["/xl/styles.xml", CT.styles]);
  if (spec.strings) overrides.push(["/xl/sharedStrings.xml", CT.sharedStrings]);
  for (const extra of spec.extraParts ?? []) if (extra.type) overrides.push([`/${extra.path}`, extra.type]);
  overrides.push(["/docProps/core.xml", CT.core], ["/docProps/app.xml", CT.app]);

  parts["[Content_Types].xml"] =
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/><Default Extension="png" ContentType="image/png"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="xml" ContentType="application/xml"/>` +
    overrides.map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`).join("") +
    "</Types>";
  parts["_rels/.rels"] = relsXml([
    { id: "rId3", type: rel("extended-properties"), target: "docProps/app.xml" },
    {
      id: "rId2",
      type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      target: "docProps/core.xml",
    },
    {
      id: "rId1",
      type: rel("officeDocument"),
      target: spec.absolute ? "/xl/workbook.xml" : "xl/workbook.xml",
    },
  ]);
  parts["xl/workbook.xml"] =
    spec.workbookXml ??
    `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${R_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">` +
      `<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>` +
      (spec.workbookPr ?? '<workbookPr defaultThemeVersion="164011"/>') +
      `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="D:\\后勤\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>` +
      `<xr:revisionPtr revIDLastSave="0" documentId="13_ncr:1_{8A3F2C11-5D1B-4C0E-9C1D-2E7F3B9A6D10}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>` +
      (spec.bookViews ??
        '<bookViews><workbookView xWindow="-110" yWindow="-110" windowWidth="25820" windowHeight="15500" xr2:uid="{7E3C5D21-0000-4000-8000-000000000001}"/></bookViews>') +
      `<sheets>${sheetTags.join("")}</sheets>${spec.definedNames ?? ""}<calcPr calcId="191029"/></workbook>`;
  parts["xl/_rels/workbook.xml.rels"] = relsXml(workbookRels);
  for (const [path, xml] of sheetParts) parts[path] = xml;
  parts["xl/theme/theme1.xml"] = THEME;
  parts["xl/styles.xml"] = spec.styles ?? STYLES;
  if (spec.strings) {
    const items = spec.strings.map((s) => `<si>${s}</si>`).join("");
    parts["xl/sharedStrings.xml"] =
      `${DECL}<sst xmlns="${MAIN}" count="${spec.strings.length}" uniqueCount="${spec.strings.length}">${items}</sst>`;
  }
  for (const [path, xml] of sheetRels) parts[path] = xml;
  for (const extra of spec.extraParts ?? [])
    parts[extra.path] = extra.deflate ? { data: extra.data, deflate: true } : extra.data;
  parts["docProps/core.xml"] =
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>后勤处</dc:creator><cp:lastModifiedBy>王老师</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2024-09-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-09-02T08:00:00Z</dcterms:modified></cp:coreProperties>`;
  parts["docProps/app.xml"] =
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company>实验小学</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`;
  return parts;
}

export function xlsxBytes(spec: PackageSpec, zip: ZipOptions = {}): Uint8Array {
  return buildZip(excelPackage(spec), zip);
}

export function open(spec: PackageSpec, zip: ZipOptions = {}): Promise<XlsxWorkbook> {
  return openXlsxBuffer(xlsxBytes(spec, zip));
}

export async function reopen(workbook: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await workbook.toBuffer());
}

/** A shared-string cell, a number cell and an inline-string cell as Excel writes them. */
export const s = (ref: string, index: number, style?: number) =>
  `<c r="${ref}"${style === undefined ? "" : ` s="${style}"`} t="s"><v>${index}</v></c>`;
export const n = (ref: string, value: number, style?: number) =>
  `<c r="${ref}"${style === undefined ? "" : ` s="${style}"`}><v>${value}</v></c>`;
export const row = (r: number, cells: string, spans = "1:5") =>
  `<row r="${r}" spans="${spans}" x14ac:dyDescent="0.15">${cells}</row>`;

/** The `<c>` elements of a worksheet part by their reference. */
export function cellElements(xml: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:x:)?c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/(?:x:)?c>)/g))
    cells.set(m[1] as string, m[0]);
  return cells;
}

/** The start tag of a cell in a worksheet part. */
export function cellTag(xml: string, ref: string): string | undefined {
  return new RegExp(`<(?:x:)?c r="${ref}"[^>]*>`).exec(xml)?.[0];
}

/** The `s` attribute of a cell in a worksheet part ("0" when it has none). */
export function styleIndex(xml: string, ref: string): string {
  return /\ss="(\d+)"/.exec(cellTag(xml, ref) ?? "")?.[1] ?? "0";
}

export function part(bytes: Uint8Array, path: string): string {
  const text = zipEntry(bytes, path);
  if (text === undefined) throw new Error(`no ${path} in the saved file`);
  return text;
}

/** The values of a sheet's rows. */
export async function values(workbook: XlsxWorkbook, sheet: string): Promise<unknown[][]> {
  return (await workbook.readSheet(sheet)).rows.map((r) => r.map((cell) => cell.value));
}

export async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

/** The text of a note as exceljs reads it (a string, or runs). */
export function exceljsNote(cell: ExcelJS.Cell): string | undefined {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (note === undefined || typeof note === "string") return note;
  return note.texts?.map((t) => t.text).join("");
}

export const MARK = "FFFFC7CE";

// --- notes as Excel writes them ----------------------------------------------------------------------

export const VML_HEAD =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="1"/>\r\n </o:shapelayout>';
export const NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n  path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>';

/** Excel's VML shape of a note at a 0-based row and column. */
export function noteShape(id: number, row0: number, column0: number): string {
  return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style='position:absolute;\r\n  margin-left:107.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${id - 1024};\r\n  visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto">\r\n  <v:fill color2="#ffffe1"/>\r\n  <v:shadow on="t" color="black" obscured="t"/>\r\n  <v:path o:connecttype="none"/>\r\n  <v:textbox style='mso-direction-alt:auto'>\r\n   <div style='text-align:left'></div>\r\n  </v:textbox>\r\n  <x:ClientData ObjectType="Note">\r\n   <x:MoveWithCells/>\r\n   <x:SizeWithCells/>\r\n   <x:Anchor>\r\n    ${column0 + 1}, 15, ${row0}, 10, ${column0 + 3}, 15, ${row0 + 4}, 4</x:Anchor>\r\n   <x:AutoFill>False</x:AutoFill>\r\n   <x:Row>${row0}</x:Row>\r\n   <x:Column>${column0}</x:Column>\r\n  </x:ClientData>\r\n </v:shape>`;
}

/** A form-control button (a macro button) in the same VML drawing as the notes. */
export const BUTTON_SHAPE =
  '<v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201"\r\n  path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path shadowok="f" o:extrusionok="f" strokeok="f" fillok="f" o:connecttype="rect"/>\r\n  <o:lock v:ext="edit" shapetype="t"/>\r\n </v:shapetype>' +
  `<v:shape id="_x0000_s1030" type="#_x0000_t201" style='position:absolute;\r\n  margin-left:300pt;margin-top:15pt;width:72pt;height:24pt;z-index:6;\r\n  mso-wrap-style:tight' o:button="t" fillcolor="buttonFace [67]" strokecolor="windowText [64]"\r\n  o:insetmode="auto">\r\n  <v:fill color2="buttonFace [67]" o:detectmouseclick="t"/>\r\n  <o:lock v:ext="edit" rotation="t"/>\r\n  <v:textbox style='mso-direction-alt:auto' o:singleclick="f">\r\n   <div style='text-align:center'><font face="宋体" size="220" color="auto">汇总</font></div>\r\n  </v:textbox>\r\n  <x:ClientData ObjectType="Button">\r\n   <x:Anchor>\r\n    6, 0, 1, 0, 7, 32, 2, 4</x:Anchor>\r\n   <x:PrintObject>False</x:PrintObject>\r\n   <x:AutoFill>False</x:AutoFill>\r\n   <x:FmlaMacro>[0]!汇总_Click</x:FmlaMacro>\r\n   <x:TextHAlign>Center</x:TextHAlign>\r\n   <x:TextVAlign>Center</x:TextVAlign>\r\n  </x:ClientData>\r\n </v:shape>`;
/** Only the button's shape, without its shape type. */
export const BUTTON = BUTTON_SHAPE.slice(BUTTON_SHAPE.indexOf("<v:shape "));

export const RUN_FONT =
  '<sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/>';
/** A user's note on B3 as Chinese Excel writes it: the author's name in bold, then the text. */
export const B3_COMMENT = `<comment ref="B3" authorId="0" shapeId="0" xr:uid="{6F1A2B3C-0000-4000-8000-000000000001}"><text><r><rPr><b/>${RUN_FONT}</rPr><t>张老师:</t></r><r><rPr>${RUN_FONT}</rPr><t xml:space="preserve">\n请核对金额</t></r></text></comment>`;
export const D4_COMMENT = `<comment ref="D4" authorId="1" shapeId="0" xr:uid="{6F1A2B3C-0000-4000-8000-000000000002}"><text><r><rPr>${RUN_FONT}</rPr><t>李会计：已入账</t></r></text></comment>`;

export function commentsXml(...comments: string[]): string {
  return `${DECL}<comments xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><authors><author>张老师</author><author>李会计</author></authors><commentList>${comments.join("")}</commentList></comments>`;
}

// --- the workbook most tests start from ------------------------------------------------------------

export const STRINGS = [
  "<t>2024学年收费明细表</t>",
  "<t>项目</t>",
  "<t>金额</t>",
  "<t>日期</t>",
  "<t>经办人</t>",
  "<t>午餐费</t>",
  "<t>校服费</t>",
  // Chinese Excel keeps a phonetic guide for names it sorts.
  '<t>王老师</t><rPh sb="0" eb="1"><t>ワン</t></rPh><phoneticPr fontId="1" type="noConversion"/>',
  "<t>合计</t>",
];

export const FEES_ROWS =
  row(1, s("A1", 0)) +
  row(2, s("A2", 1, 4) + s("B2", 2, 4) + s("C2", 3, 4) + s("D2", 4, 4)) +
  row(3, s("A3", 5) + n("B3", 1234.5, 9) + n("C3", 45536, 1) + s("D3", 7)) +
  row(4, s("A4", 6) + n("B4", -20, 9) + n("C4", 45537, 2) + s("D4", 7, 5)) +
  row(5, `${s("A5", 8)}<c r="B5" s="9"><f>SUM(B3:B4)</f><v>1214.5</v></c>`);

export const FEES_VALUES = [
  ["2024学年收费明细表"],
  ["项目", "金额", "日期", "经办人"],
  ["午餐费", 1234.5, 45536, "王老师"],
  ["校服费", -20, 45537, "王老师"],
  ["合计", 1214.5],
];

export const OTHER_SHEET = worksheet(row(1, `${s("A1", 1)}${n("B1", 3)}`, "1:2"), {
  tail: '<drawing r:id="rId1"/>',
});

export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
export const PRINTER_SETTINGS = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37) & 0xff));

export const DRAWING = `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="图片 1"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${R_NS}" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="2743200" y="171450"/><a:ext cx="609600" cy="342900"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

/** 收费明细 (data, with a printer-settings part), 其他 (a picture), docProps, custom XML, a theme. */
export function feesSpec(): PackageSpec {
  return {
    sheets: [
      {
        name: "收费明细",
        xml: worksheet(FEES_ROWS, {
          merges: '<mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>',
          tail: '<pageSetup paperSize="9" orientation="portrait" r:id="rId1"/>',
        }),
        rels: [
          { id: "rId1", type: rel("printerSettings"), target: "../printerSettings/printerSettings1.bin" },
        ],
      },
      {
        name: "其他",
        xml: OTHER_SHEET,
        rels: [{ id: "rId1", type: rel("drawing"), target: "../drawings/drawing1.xml" }],
      },
    ],
    strings: STRINGS,
    workbookRels: [{ type: rel("customXml"), target: "../customXml/item1.xml" }],
    extraParts: [
      { path: "xl/drawings/drawing1.xml", data: DRAWING, type: CT.drawing, deflate: true },
      {
        path: "xl/drawings/_rels/drawing1.xml.rels",
        data: relsXml([{ id: "rId1", type: rel("image"), target: "../media/image1.png" }]),
      },
      { path: "xl/media/image1.png", data: PNG, deflate: true },
      { path: "xl/printerSettings/printerSettings1.bin", data: PRINTER_SETTINGS },
      {
        path: "customXml/item1.xml",
        data: `<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" xmlns="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="\\APASixthEditionOfficeOnline.xsl" StyleName="APA" Version="6"></b:Sources>`,
      },
      {
        path: "customXml/itemProps1.xml",
        data: `${DECL}<ds:datastoreItem ds:itemID="{5A0E2F6B-9C3D-4B1A-8E7F-0D2C4B6A8E10}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/></ds:schemaRefs></ds:datastoreItem>`,
        type: CT.customXmlProps,
      },
      {
        path: "customXml/_rels/item1.xml.rels",
        data: relsXml([{ id: "rId1", type: rel("customXmlProps"), target: "itemProps1.xml" }]),
      },
    ],
  };
}

// --- files as openpyxl and LibreOffice write them -------------------------------------------------

/**
 * A workbook as openpyxl 3 writes it: inline strings with character references, `t="n"`, absolute
 * relationship targets with ids such as "anysvml", the note in xl/comments/, and a VML drawing whose
 * prefixes ElementTree made up (ns0:, ns2:) and declared on each element.
 */
export function openpyxlBytes(): Uint8Array {
  const vml =
    '<xml><ns0:shapelayout xmlns:ns0="urn:schemas-microsoft-com:office:office" xmlns:ns1="urn:schemas-microsoft-com:vml" ns1:ext="edit"><ns0:idmap ns1:ext="edit" data="1"/></ns0:shapelayout>' +
    '<ns2:shapetype xmlns:ns2="urn:schemas-microsoft-com:vml" xmlns:ns3="urn:schemas-microsoft-com:office:office" id="_x0000_t202" coordsize="21600,21600" ns3:spt="202" path="m,l,21600r21600,l21600,xe"><ns2:stroke joinstyle="miter"/><ns2:path gradientshapeok="t" ns3:connecttype="rect"/></ns2:shapetype>' +
    '<ns0:shape xmlns:ns0="urn:schemas-microsoft-com:vml" xmlns:ns1="urn:schemas-microsoft-com:office:office" type="#_x0000_t202" style="position:absolute; margin-left:59.25pt;margin-top:1.5pt;width:144px;height:79px;z-index:1;visibility:hidden" fillcolor="#ffffe1" ns1:insetmode="auto" id="_x0000_s1026"><ns0:fill color2="#ffffe1"/><ns0:shadow color="black" obscured="t"/><ns0:path ns1:connecttype="none"/><ns0:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></ns0:textbox><ns2:ClientData xmlns:ns2="urn:schemas-microsoft-com:office:excel" ObjectType="Note"><ns2:MoveWithCells/><ns2:SizeWithCells/><ns2:AutoFill>False</ns2:AutoFill><ns2:Row>0</ns2:Row><ns2:Column>0</ns2:Column></ns2:ClientData></ns0:shape></xml>';
  return buildZip(
    {
      "docProps/app.xml": `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><AppVersion>3.0</AppVersion></Properties>`,
      "docProps/core.xml": `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">openpyxl</dc:creator><dcterms:created xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="dcterms:W3CDTF">2024-09-01T06:01:34Z</dcterms:created></cp:coreProperties>`,
      "xl/theme/theme1.xml": THEME,
      "xl/worksheets/sheet1.xml": `<worksheet xmlns="${MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr><dimension ref="A1:B2"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&#39033;&#30446;</t></is></c><c r="B1" s="1" t="n"><v>12.5</v></c></row><row r="2"><c r="A2" t="n"><v>3</v></c><c r="B2" t="n"><f>B1*2</f><v></v></c></row></sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><legacyDrawing xmlns:r="${R_NS}" r:id="anysvml"/></worksheet>`,
      "xl/comments/comment1.xml": `<comments xmlns="${MAIN}"><authors><author>王老师</author></authors><commentList><comment ref="A1" authorId="0" shapeId="0"><text><t>原注释</t></text></comment></commentList></comments>`,
      "xl/drawings/commentsDrawing1.vml": vml,
      "xl/worksheets/_rels/sheet1.xml.rels": `<Relationships xmlns="${PKG_RELS}"><Relationship Type="${rel("comments")}" Target="/xl/comments/comment1.xml" Id="comments"/><Relationship Type="${rel("vmlDrawing")}" Target="/xl/drawings/commentsDrawing1.vml" Id="anysvml"/></Relationships>`,
      "xl/styles.xml": `<styleSheet xmlns="${MAIN}"><numFmts count="0"/><fonts count="1"><font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font></fonts><fills count="3"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`,
      "_rels/.rels": `<Relationships xmlns="${PKG_RELS}"><Relationship Type="${rel("officeDocument")}" Target="xl/workbook.xml" Id="rId1"/><Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml" Id="rId2"/><Relationship Type="${rel("extended-properties")}" Target="docProps/app.xml" Id="rId3"/></Relationships>`,
      "xl/workbook.xml": `<workbook xmlns="${MAIN}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews><sheets><sheet xmlns:r="${R_NS}" name="数据" sheetId="1" state="visible" r:id="rId1"/></sheets><definedNames/><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG_RELS}"><Relationship Type="${rel("worksheet")}" Target="/xl/worksheets/sheet1.xml" Id="rId1"/><Relationship Type="${rel("styles")}" Target="styles.xml" Id="rId2"/><Relationship Type="${rel("theme")}" Target="theme/theme1.xml" Id="rId3"/></Relationships>`,
      "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/><Override PartName="/xl/theme/theme1.xml" ContentType="${CT.theme}"/><Override PartName="/docProps/core.xml" ContentType="${CT.core}"/><Override PartName="/docProps/app.xml" ContentType="${CT.app}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT.worksheet}"/><Override PartName="/xl/comments/comment1.xml" ContentType="${CT.comments}"/><Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/></Types>`,
    },
    { deflate: true },
  );
}

/**
 * A workbook as LibreOffice Calc writes it: booleans as "true"/"false" (a row's own style has
 * customFormat="true"), upper-case date codes with escapes, every cell with s and t.
 */
export function libreOfficeBytes(): Uint8Array {
  const LO_ROW = 'ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"';
  const sheet =
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R_NS}"><sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr><dimension ref="A1:C7"/><sheetViews><sheetView showFormulas="false" showGridLines="true" showRowColHeaders="true" showZeros="true" rightToLeft="false" tabSelected="true" showOutlineSymbols="true" defaultGridColor="true" view="normal" topLeftCell="A1" colorId="64" zoomScale="100" zoomScaleNormal="100" zoomScalePageLayoutView="100" workbookViewId="0"><selection pane="topLeft" activeCell="A1" activeCellId="0" sqref="A1"/></sheetView></sheetViews><sheetFormatPr defaultColWidth="11.53515625" defaultRowHeight="12.8" zeroHeight="false" outlineLevelRow="0" outlineLevelCol="0"></sheetFormatPr>` +
    `<cols><col collapsed="false" customWidth="false" hidden="false" outlineLevel="0" max="1024" min="1" style="0" width="11.52"/></cols><sheetData>` +
    `<row r="1" customFormat="false" ${LO_ROW}><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" s="1" t="n"><v>45536</v></c><c r="C1" s="0" t="b"><v>1</v></c></row>` +
    `<row r="7" s="2" customFormat="true" ${LO_ROW}><c r="A7" s="2" t="n"><v>2</v></c></row>` +
    `</sheetData><printOptions headings="false" gridLines="false" gridLinesSet="true" horizontalCentered="false" verticalCentered="false"/><pageMargins left="0.7875" right="0.7875" top="1.05277777777778" bottom="1.05277777777778" header="0.7875" footer="0.7875"/><headerFooter differentFirst="false" differentOddEven="false"><oddHeader>&amp;C&amp;"Times New Roman,Regular"&amp;12&amp;A</oddHeader></headerFooter></worksheet>`;
  const styles =
    `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="General"/><numFmt numFmtId="165" formatCode="YYYY\\-MM\\-DD"/></numFmts>` +
    '<fonts count="1"><font><sz val="10"/><name val="Arial"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border diagonalUp="false" diagonalDown="false"><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyFont="true" applyBorder="true" applyAlignment="true" applyProtection="true"><alignment horizontal="general" vertical="bottom" textRotation="0" wrapText="false" indent="0" shrinkToFit="false"/><protection locked="true" hidden="false"/></xf></cellStyleXfs>' +
    '<cellXfs count="3"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="false" applyBorder="false" applyAlignment="false" applyProtection="false"><alignment horizontal="general" vertical="bottom" textRotation="0" wrapText="false" indent="0" shrinkToFit="false"/><protection locked="true" hidden="false"/></xf>' +
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="false" applyBorder="false" applyAlignment="false" applyProtection="false"><alignment horizontal="general" vertical="bottom" textRotation="0" wrapText="false" indent="0" shrinkToFit="false"/><protection locked="true" hidden="false"/></xf>' +
    '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="false" applyBorder="false" applyAlignment="false" applyProtection="false"><alignment horizontal="general" vertical="bottom" textRotation="0" wrapText="false" indent="0" shrinkToFit="false"/><protection locked="true" hidden="false"/></xf></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Default" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  return buildZip(
    excelPackage({
      sheets: [{ name: "Sheet1", xml: sheet }],
      strings: ['<t xml:space="preserve">项目</t>'],
      styles,
      workbookPr: '<workbookPr backupFile="false" showObjects="all" date1904="false"/>',
    }),
    { deflate: true },
  );
}

// --- helpers shared by the tests ----------------------------------------------------------------

/** A workbook whose every part uses an `x:` prefix for the main namespace, as .NET tools write it. */
export function prefixedSpec(): PackageSpec {
  const X = `xmlns:x="${MAIN}"`;
  return {
    sheets: [
      {
        name: "数据",
        xml:
          `${DECL}<x:worksheet ${X}><x:sheetViews><x:sheetView workbookViewId="0"/></x:sheetViews><x:sheetData>` +
          '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="1"><x:v>45536</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c></x:row>' +
          '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c r="C2" t="b"><x:v>1</x:v></x:c></x:row>' +
          '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A2:B2"/></x:mergeCells><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>',
      },
    ],
    workbookXml: `${DECL}<x:workbook xmlns:r="${R_NS}" ${X}><x:workbookPr/><x:bookViews><x:workbookView/></x:bookViews><x:sheets><x:sheet name="数据" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
    styles:
      `${DECL}<x:styleSheet ${X}><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="yyyy/mm/dd"/></x:numFmts>` +
      '<x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Calibri"/></x:font></x:fonts>' +
      '<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>' +
      '<x:borders count="1"><x:border><x:left/><x:right/><x:top/><x:bottom/><x:diagonal/></x:border></x:borders>' +
      '<x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellStyleXfs>' +
      '<x:cellXfs count="2"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><x:xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></x:cellXfs>' +
      '<x:cellStyles count="1"><x:cellStyle name="Normal" xfId="0" builtinId="0"/></x:cellStyles></x:styleSheet>',
    strings: [],
  };
}

/** Puts the shared strings of the prefixed workbook in an `x:`-prefixed part too. */
export function prefixedBytes(): Uint8Array {
  const parts = excelPackage(prefixedSpec());
  parts["xl/sharedStrings.xml"] =
    `${DECL}<x:sst xmlns:x="${MAIN}" count="2" uniqueCount="2"><x:si><x:t>项目</x:t></x:si><x:si><x:t>合并</x:t></x:si></x:sst>`;
  return buildZip(parts);
}

export const plain = (name: string, value: number, extra: Partial<SheetSpec> = {}): SheetSpec => ({
  name,
  xml: worksheet(row(1, n("A1", value))),
  ...extra,
});

/** The activeTab of the saved workbook and the sheet names in workbook order (chart sheets too). */
export async function activeSheet(
  workbook: XlsxWorkbook,
): Promise<{ active: string | undefined; visible: boolean }> {
  const xml = part(await workbook.toBuffer(), "xl/workbook.xml");
  const tab = Number(/<workbookView\b[^>]*\sactiveTab="(\d+)"/.exec(xml)?.[1] ?? 0);
  const tag = xml.match(/<sheet [^>]*>/g)?.[tab];
  return {
    active: tag && /name="([^"]*)"/.exec(tag)?.[1],
    visible: tag !== undefined && !/state=/.test(tag),
  };
}

export const views = (activeTab: number) =>
  `<bookViews><workbookView xWindow="-110" yWindow="-110" windowWidth="25820" windowHeight="15500" activeTab="${activeTab}"/></bookViews>`;

export const commentOf = (xml: string, ref: string) =>
  new RegExp(`<comment ref="${ref}"[^>]*>[\\s\\S]*?</comment>`).exec(xml)?.[0];

/** A1 ARGB fill (s=5), B1 theme + tint (s=6), C1 indexed (s=7), D1 no style, E1 bold (s=4), F1 gray125. */
export function fillsBytes(): Uint8Array {
  const styles = STYLES.replace('<cellXfs count="12">', '<cellXfs count="13">').replace(
    "</cellXfs>",
    '<xf numFmtId="0" fontId="0" fillId="1" borderId="0" xfId="0" applyFill="1"><alignment vertical="center"/></xf></cellXfs>',
  );
  const cells = n("A1", 1, 5) + n("B1", 2, 6) + n("C1", 3, 7) + n("D1", 4) + n("E1", 5, 4) + n("F1", 6, 12);
  return xlsxBytes({ sheets: [{ name: "S", xml: worksheet(row(1, cells, "1:6")) }], styles });
}

export const FILL_ADDRESSES = ["A1", "B1", "C1", "D1", "E1", "F1", "G9"];

export async function openError(promise: Promise<unknown>): Promise<WorkbookOpenError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookOpenError);
  return error as WorkbookOpenError;
}
