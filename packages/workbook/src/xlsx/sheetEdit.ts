import { cellAddress } from "../address.js";
import { WorkbookOpenError } from "../openErrors.js";
import { columnAt } from "./sheetRead.js";
import { inlineStringCell, numberCell } from "./sheetWrite.js";
import { attribute, namespacePrefix, REL_NS, rootPrefix, withAttribute } from "./xml.js";

/** A change to one cell of a user's sheet: its style, or its value (the settings sheet only). */
export interface CellPatch {
  row: number;
  column: number;
  /** The new style from the cell's current one (the row's or column's style for a cell not yet written). */
  style?: (current: number) => number;
  /** A new value; null empties the cell. */
  value?: string | number | null;
}

/**
 * A worksheet part with these cells changed, in one pass over its rows; rows and cells that do not
 * exist yet are added in their places. Every other byte of the part stays as it was: the part is
 * handled as bytes, and only the rows that change are decoded.
 */
export function patchSheetCells(xml: string | Buffer, patches: readonly CellPatch[]): Buffer {
  return walkSheetCells(typeof xml === "string" ? Buffer.from(xml, "utf8") : xml, patches, true);
}

/**
 * Calls each patch's `style` with its cell's current style, changing nothing (a read of the styles
 * of some cells without building a new copy of the sheet).
 */
export function visitSheetCells(xml: string | Buffer, patches: readonly CellPatch[]): void {
  walkSheetCells(typeof xml === "string" ? Buffer.from(xml, "utf8") : xml, patches, false);
}

/** The prefix of a worksheet part's elements, from its first bytes. */
function prefixOf(bytes: Buffer): string {
  return rootPrefix(bytes.toString("utf8", 0, Math.min(bytes.length, 4096)), "worksheet");
}

function walkSheetCells(bytes: Buffer, patches: readonly CellPatch[], build: boolean): Buffer {
  if (patches.length === 0) return bytes;
  const p = prefixOf(bytes);
  const byRow = new Map<number, Map<number, CellPatch>>();
  for (const patch of patches) {
    const row = byRow.get(patch.row) ?? new Map<number, CellPatch>();
    row.set(patch.column, patch);
    byRow.set(patch.row, row);
  }
  const pending = [...byRow.keys()].sort((a, b) => a - b);

  const dataAt = bytes.indexOf(`<${p}sheetData`);
  if (dataAt < 0) return bytes; // not a worksheet with cells (a dialog sheet): nothing to mark
  const openEnd = bytes.indexOf(">", dataAt);
  // Everything before the rows is small: the columns' styles are read from it.
  const columnStyles = readColumnStyles(bytes.toString("utf8", 0, dataAt), p);
  const out: Buffer[] = [];
  let source = bytes;
  let copied = openEnd + 1;
  if (bytes[openEnd - 1] === 47) {
    // <sheetData/>: opened and closed, so that rows can go in.
    source = Buffer.concat([
      bytes.subarray(0, dataAt),
      Buffer.from(`<${p}sheetData></${p}sheetData>`),
      bytes.subarray(openEnd + 1),
    ]);
    copied = dataAt + `<${p}sheetData>`.length;
  }
  const dataEnd = source.indexOf(`</${p}sheetData>`, copied);
  if (dataEnd < 0)
    throw new WorkbookOpenError("corrupt", { cause: new Error("a worksheet without </sheetData>") });
  out.push(source.subarray(0, copied));
  const rowOpen = Buffer.from(`<${p}row`);
  const rowClose = `</${p}row>`;
  let rowNumber = 0;
  let next = 0;
  // The rows, found by their bytes (<row …/> or <row …>…</row>); only rows with changes are decoded.
  for (let at = copied; next < pending.length; ) {
    const start = source.indexOf(rowOpen, at);
    if (start < 0 || start >= dataEnd) break;
    const after = source[start + rowOpen.length];
    at = start + rowOpen.length;
    if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) continue;
    const tagEnd = source.indexOf(62, at);
    if (tagEnd < 0) break;
    const tag = source.toString("utf8", start, tagEnd + 1);
    const selfClosing = source[tagEnd - 1] === 47;
    const quick = tag.indexOf(' r="');
    const r = quick >= 0 ? tag.slice(quick + 4, tag.indexOf('"', quick + 4)) : attribute(tag, "r");
    rowNumber = r === undefined ? rowNumber + 1 : Number(r);
    const contentEnd = selfClosing ? tagEnd + 1 : source.indexOf(rowClose, tagEnd);
    if (contentEnd < 0) break;
    const rowEnd = selfClosing ? contentEnd : contentEnd + rowClose.length;
    at = rowEnd;
    if (rowNumber < (pending[next] as number)) continue;
    // Rows to add before this one.
    while (next < pending.length && (pending[next] as number) < rowNumber) {
      out.push(source.subarray(copied, start));
      copied = start;
      const added = pending[next] as number;
      out.push(Buffer.from(newRow(added, byRow.get(added) as Map<number, CellPatch>, p, columnStyles)));
      next++;
    }
    if (pending[next] === rowNumber) {
      out.push(source.subarray(copied, start));
      const rowStyle = ["1", "true"].includes(attribute(tag, "customFormat") ?? "")
        ? Number(attribute(tag, "s") ?? 0)
        : undefined;
      const content = selfClosing ? "" : source.toString("utf8", tagEnd + 1, contentEnd);
      const open = withAttribute(selfClosing ? `${tag.slice(0, -2)}>` : tag, "spans", undefined);
      const cells = patchRow(
        content,
        rowNumber,
        byRow.get(rowNumber) as Map<number, CellPatch>,
        p,
        rowStyle,
        columnStyles,
      );
      out.push(Buffer.from(`${open}${cells}${rowClose}`));
      copied = rowEnd;
      next++;
    }
  }
  out.push(source.subarray(copied, dataEnd));
  // Rows after the last one (their cells' styles are visited too, when only reading).
  for (; next < pending.length; next++) {
    const added = pending[next] as number;
    out.push(Buffer.from(newRow(added, byRow.get(added) as Map<number, CellPatch>, p, columnStyles)));
  }
  if (!build) return bytes;
  out.push(source.subarray(dataEnd));
  return Buffer.concat(out);
}

/** Stands for a sheet's rows in {@link SheetShell.xml}. */
const ROWS_MARK = "\u0000rows\u0000";

/**
 * A worksheet part as its XML without its rows (small: the root, columns, merges, links, drawings)
 * and its rows' bytes, for the edits that never look at the rows (notes' drawings).
 */
export interface SheetShell {
  /** The part's XML with the rows' bytes left out (a mark in their place). */
  xml: string;
  /** The `<sheetData>` element's bytes. */
  rows: Buffer;
}

/** Splits a worksheet part around its rows. */
export function sheetShell(bytes: Buffer): SheetShell {
  const p = prefixOf(bytes);
  const start = bytes.indexOf(`<${p}sheetData`);
  if (start < 0) return { xml: bytes.toString("utf8"), rows: Buffer.alloc(0) };
  const openEnd = bytes.indexOf(">", start);
  const close = `</${p}sheetData>`;
  const closeAt = bytes[openEnd - 1] === 47 ? openEnd + 1 - close.length : bytes.indexOf(close, openEnd);
  if (closeAt < 0)
    throw new WorkbookOpenError("corrupt", { cause: new Error("a worksheet without </sheetData>") });
  const end = closeAt + close.length;
  return {
    xml: bytes.toString("utf8", 0, start) + ROWS_MARK + bytes.toString("utf8", end),
    rows: bytes.subarray(start, end),
  };
}

/** The worksheet part of a shell (its XML, perhaps edited) and its rows. */
export function fromShell(xml: string, rows: Buffer): Buffer {
  const at = xml.indexOf(ROWS_MARK);
  if (at < 0) return Buffer.from(xml, "utf8");
  return Buffer.concat([
    Buffer.from(xml.slice(0, at), "utf8"),
    rows,
    Buffer.from(xml.slice(at + ROWS_MARK.length), "utf8"),
  ]);
}

function newRow(row: number, cells: Map<number, CellPatch>, p: string, columnStyles: ColumnStyles): string {
  return `<${p}row r="${row}">${patchRow("", row, cells, p, undefined, columnStyles)}</${p}row>`;
}

function patchRow(
  content: string,
  row: number,
  patches: Map<number, CellPatch>,
  p: string,
  rowStyle: number | undefined,
  columnStyles: ColumnStyles,
): string {
  const pending = [...patches.keys()].sort((a, b) => a - b);
  const cellRe = new RegExp(`<${p}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}c>)`, "g");
  const out: string[] = [];
  let copied = 0;
  let column = 0;
  let next = 0;
  for (let m = cellRe.exec(content); m !== null && next < pending.length; m = cellRe.exec(content)) {
    const ref = attribute(m[1] as string, "r");
    column = ref === undefined ? column + 1 : (columnAt(ref, 0) ?? column + 1);
    while (next < pending.length && (pending[next] as number) < column) {
      out.push(content.slice(copied, m.index));
      copied = m.index;
      const c = pending[next++] as number;
      out.push(newCell(row, c, patches.get(c) as CellPatch, p, rowStyle ?? columnStyles.at(c)));
    }
    if (pending[next] === column) {
      out.push(content.slice(copied, m.index));
      out.push(patchCell(m[0], m[1] as string, row, column, patches.get(column) as CellPatch, p));
      copied = m.index + m[0].length;
      next++;
    }
  }
  out.push(content.slice(copied));
  for (; next < pending.length; next++) {
    const c = pending[next] as number;
    out.push(newCell(row, c, patches.get(c) as CellPatch, p, rowStyle ?? columnStyles.at(c)));
  }
  return out.join("");
}

function newCell(row: number, column: number, patch: CellPatch, p: string, inherited: number): string {
  return patchCell(`<${p}c/>`, "", row, column, patch, p, inherited);
}

function patchCell(
  element: string,
  attrs: string,
  row: number,
  column: number,
  patch: CellPatch,
  p: string,
  inherited?: number,
): string {
  const ref = cellAddress(row, column);
  const current = attribute(attrs, "s");
  const style = patch.style
    ? patch.style(current === undefined ? (inherited ?? 0) : Number(current))
    : undefined;
  const keptStyle = style ?? (current === undefined ? inherited : Number(current));
  if (patch.value === undefined) {
    const start = /^<[^>]*?\/?>/.exec(element)?.[0] as string;
    let tag = withAttribute(start, "r", ref);
    if (keptStyle !== undefined) tag = withAttribute(tag, "s", String(keptStyle));
    return tag + element.slice(start.length);
  }
  const s = keptStyle === undefined || keptStyle === 0 ? undefined : keptStyle;
  const value = patch.value;
  const written =
    value === null
      ? `<c r="${ref}"${s === undefined ? "" : ` s="${s}"`}/>`
      : typeof value === "number"
        ? numberCell(ref, value, s)
        : inlineStringCell(ref, value, s);
  return p === "" ? written : written.replace(/<(\/?)(c|v|is|t)\b/g, `<$1${p}$2`);
}

/** Styles of whole columns (`<col style>`), for a cell added where there was none. */
interface ColumnStyles {
  at(column: number): number;
}

function readColumnStyles(xml: string, p: string): ColumnStyles {
  const ranges: { min: number; max: number; style: number }[] = [];
  const start = xml.indexOf(`<${p}cols`);
  const end = start < 0 ? -1 : xml.indexOf(`</${p}cols>`, start);
  if (start >= 0 && end > start)
    for (const m of xml.slice(start, end).matchAll(new RegExp(`<${p}col\\b[^>]*>`, "g"))) {
      const style = attribute(m[0], "style");
      if (style === undefined) continue;
      ranges.push({
        min: Number(attribute(m[0], "min")),
        max: Number(attribute(m[0], "max")),
        style: Number(style),
      });
    }
  return { at: (column) => ranges.find((r) => r.min <= column && column <= r.max)?.style ?? 0 };
}

/** Elements of a worksheet that follow `<legacyDrawing>` (ECMA-376 CT_Worksheet). */
const AFTER_LEGACY_DRAWING = [
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** The relationship id of a worksheet's `<legacyDrawing>` (its notes' shapes), or undefined. */
export function legacyDrawingId(xml: string): string | undefined {
  const p = rootPrefix(xml, "worksheet");
  const m = new RegExp(`<${p}legacyDrawing\\b[^>]*>`).exec(xml);
  if (!m) return undefined;
  const relPrefix = namespacePrefix(xml, REL_NS) ?? "r";
  return attribute(m[0], `${relPrefix}:id`);
}

/** A worksheet part with a `<legacyDrawing>` pointing at this relationship, in its schema place. */
export function withLegacyDrawing(xml: string, rId: string): string {
  const p = rootPrefix(xml, "worksheet");
  let source = xml;
  let relPrefix = namespacePrefix(source, REL_NS);
  if (relPrefix === undefined) {
    relPrefix = "r";
    source = source.replace(new RegExp(`<${p}worksheet\\b`), (open) => `${open} xmlns:r="${REL_NS}"`);
  }
  const element = `<${p}legacyDrawing ${relPrefix}:id="${rId}"/>`;
  const existing = new RegExp(`<${p}legacyDrawing\\b[^>]*?/>`).exec(source);
  if (existing)
    return source.slice(0, existing.index) + element + source.slice(existing.index + existing[0].length);
  let at = source.search(new RegExp(`</${p}worksheet>`));
  for (const name of AFTER_LEGACY_DRAWING) {
    const found = source.search(new RegExp(`<${p}${name}\\b`));
    if (found >= 0 && found < at) at = found;
  }
  return source.slice(0, at) + element + source.slice(at);
}

/** The worksheet without its `<legacyDrawing>` (when its notes are all gone). */
export function withoutLegacyDrawing(xml: string): string {
  const p = rootPrefix(xml, "worksheet");
  return xml.replace(new RegExp(`<${p}legacyDrawing\\b[^>]*?/>`), "");
}
