import type { Cell, CellValue, DateSystem } from "@houqin/core";
import { isDateFormat, parseErrorText, serialText } from "@houqin/core";
import { cellAddress, parseCellAddress, parseRangeAddress } from "../address.js";
import type { CellRange } from "../workbook.js";
import type { Styles } from "./styles.js";
import { attribute, decodeXml, rootPrefix } from "./xml.js";

/** What reading a sheet needs besides its XML. */
export interface ReadContext {
  strings: readonly string[];
  styles: Styles;
  dateSystem: DateSystem;
}

/**
 * The text of a string item (`<si>`, `<is>`): its `<t>` runs joined, without the phonetic guide
 * (`<rPh>`) that Chinese and Japanese Excel adds for sorting.
 */
export function stringItemText(item: string): string {
  const inner = item.includes("<rPh") ? item.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : item;
  let text = "";
  for (const m of inner.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g))
    text += m[1] === undefined ? "" : decodeXml(m[1]);
  return text;
}

/** The strings of the shared-strings part, by index. */
export function readSharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) {
    const inner = m[1] ?? "";
    // The common case, one plain run: <si><t>text</t></si>.
    const plain = /^<t(?: xml:space="preserve")?>([^<]*)<\/t>$/.exec(inner);
    strings.push(plain ? decodeXml(plain[1] as string) : stringItemText(inner));
  }
  return strings;
}

/** A double-quoted attribute of a cell's start tag, found by text (the fast path). */
function quickAttribute(attrs: string, key: string): string | undefined {
  const at = attrs.indexOf(key);
  if (at < 0) return attrs.includes("'") ? attribute(attrs, key.slice(1, -2)) : undefined;
  const start = at + key.length;
  return attrs.slice(start, attrs.indexOf('"', start));
}

/** The first `<name>…</name>` text inside a cell's content. */
function childText(content: string, p: string, name: string): string | undefined {
  const open = `<${p}${name}>`;
  const at = content.indexOf(open);
  if (at >= 0) {
    const end = content.indexOf(`</${p}${name}>`, at);
    return end < 0 ? undefined : content.slice(at + open.length, end);
  }
  const m = new RegExp(`<${p}${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}${name}>)`).exec(content);
  return m ? (m[1] ?? "") : undefined;
}

/** Where the value of a double-quoted attribute starts inside a start tag (`key` is ' r="'), or -1. */
function valueAt(xml: string, key: string, from: number, to: number): number {
  const at = xml.indexOf(key, from);
  return at < 0 || at >= to ? -1 : at + key.length;
}

function hasChar(xml: string, code: number, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (xml.charCodeAt(i) === code) return true;
  return false;
}

/** The column of the reference whose letters start at `at` ("C17" → 3). */
export function columnAt(xml: string, at: number): number | undefined {
  let column = 0;
  let i = at;
  for (; ; i++) {
    const code = xml.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return i === at || column > 16_384 ? undefined : column;
}

/** A non-negative integer written between two positions, or -1. */
function integerAt(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return to - from > 9 ? Number(xml.slice(from, to)) : -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = xml.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** A cell type's first letter as a char code ('n' 110, 's' 115, …); a longer type (str, inlineStr, …) is -1. */
function typeAt(xml: string, at: number): number {
  return xml.charCodeAt(at + 1) === 34 ? xml.charCodeAt(at) : -1;
}

/** How many bytes of a sheet's XML are decoded to text at a time. */
const SEGMENT_BYTES = 256 * 1024;

const MS_PER_DAY = 86_400_000;
/** Days from the 1900 system's serial 0 (1899-12-30) to 1970-01-01. */
const EPOCH_1900 = 25_569;
/** Days from the 1900 system's serial 0 to the 1904 system's. */
const OFFSET_1904 = 1_462;

function valueText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object") return value.error;
  return String(value);
}

/** The value of a cell from its type, its raw `<v>` and its content (for inline strings). */
function cellValue(
  type: string | undefined,
  raw: string | undefined,
  content: string,
  p: string,
  context: ReadContext,
): { value: CellValue; isoDate?: true } {
  switch (type) {
    case undefined:
    case "n": {
      if (raw === undefined || raw === "") return { value: null };
      const n = Number(raw);
      return { value: Number.isFinite(n) ? n : null };
    }
    case "s": {
      const text = raw === undefined ? undefined : context.strings[Number(raw)];
      return { value: text === undefined || text === "" ? null : text };
    }
    case "str": {
      const text = raw === undefined ? "" : decodeXml(raw);
      return { value: text === "" ? null : text };
    }
    case "inlineStr": {
      const item = childText(content, p, "is");
      const text = item === undefined ? "" : stringItemText(item);
      return { value: text === "" ? null : text };
    }
    case "b":
      return raw === undefined || raw === ""
        ? { value: null }
        : { value: raw.trim() === "1" || raw.trim() === "true" };
    case "e": {
      const code = raw === undefined ? "#UNKNOWN!" : decodeXml(raw);
      return { value: { error: parseErrorText(code) ?? "#UNKNOWN!" } };
    }
    case "d": {
      // An ISO 8601 date (strict Open XML); as a serial of the workbook's system.
      const ms =
        raw === undefined ? Number.NaN : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
      if (Number.isNaN(ms)) return { value: null };
      const serial = EPOCH_1900 + ms / MS_PER_DAY - (context.dateSystem === "1904" ? OFFSET_1904 : 0);
      return { value: Math.round(serial * MS_PER_DAY) / MS_PER_DAY, isoDate: true };
    }
    default:
      return { value: null };
  }
}

/**
 * Reads a worksheet part: each row up to its last value, blank rows as empty arrays, merged ranges,
 * values as Excel stores them (formulas as their cached results, dates as serials whose text is the
 * date). A value in a merged range other than its top-left cell is read as blank, as Excel shows it.
 */
export function readSheetXml(xml: Buffer, context: ReadContext): { rows: Cell[][]; merges: CellRange[] } {
  const p = rootPrefix(xml.toString("utf8", 0, Math.min(xml.length, 4096)), "worksheet");
  const rows: Cell[][] = [];
  const formatCache = new Map<number, { format: string | undefined; date: boolean }>();
  const styleOf = (xf: number) => {
    let known = formatCache.get(xf);
    if (!known) {
      const format = context.styles.formatOf(xf);
      known = { format, date: isDateFormat(format) };
      formatCache.set(xf, known);
    }
    return known;
  };

  const rowRe = new RegExp(`<${p}row\\b([^>]*?)(/?)>`, "g");
  const rowClose = `</${p}row>`;
  const cellOpen = `<${p}c`;
  const cellClose = `</${p}c>`;
  /** Dates repeat down a column: each serial's text in each format is worked out once. */
  const dateTexts = new Map<string | undefined, Map<number, string>>();
  const vOpen = `<${p}v>`;
  const vClose = `</${p}v>`;
  let rowNumber = 0;
  /** Reads the rows of `xml` between two positions (whole rows). */
  const readRows = (xml: string, dataStart: number, dataEnd: number) => {
    rowRe.lastIndex = dataStart;
    for (let m = rowRe.exec(xml); m !== null && m.index < dataEnd; m = rowRe.exec(xml)) {
      const r = quickAttribute(m[1] as string, ' r="');
      rowNumber = r === undefined ? rowNumber + 1 : Number(r);
      if (m[2] === "/") continue;
      const contentStart = rowRe.lastIndex;
      const contentEnd = xml.indexOf(rowClose, contentStart);
      if (contentEnd < 0) break;
      rowRe.lastIndex = contentEnd + rowClose.length;
      const cells: Cell[] = [];
      let column = 0;
      // The cells of the row, found by text: <c …/> or <c …>…</c>.
      for (let at = contentStart; ; ) {
        const start = xml.indexOf(cellOpen, at);
        if (start < 0 || start >= contentEnd) break;
        const next = xml.charCodeAt(start + cellOpen.length);
        at = start + cellOpen.length;
        if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) continue;
        const tagEnd = xml.indexOf(">", at);
        if (tagEnd < 0) break;
        const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
        const attrStart = at;
        const attrEnd = selfClosing ? tagEnd - 1 : tagEnd;
        let close = tagEnd;
        if (selfClosing) at = tagEnd + 1;
        else {
          close = xml.indexOf(cellClose, tagEnd);
          if (close < 0) break;
          at = close + cellClose.length;
        }
        // The common cells (a number or a shared string, attributes in double quotes) are read in place,
        // without copying their text: a 100k-row sheet has a million of them.
        const r = valueAt(xml, ' r="', attrStart, attrEnd);
        const t = valueAt(xml, ' t="', attrStart, attrEnd);
        const sAt = valueAt(xml, ' s="', attrStart, attrEnd);
        const quoted = (r < 0 || t < 0 || sAt < 0) && hasChar(xml, 39, attrStart, attrEnd);
        if (quoted) {
          // Attributes in single quotes: read the slow way.
          const attrs = xml.slice(attrStart, attrEnd);
          const ref = attribute(attrs, "r");
          column = ref === undefined ? column + 1 : (columnAt(ref, 0) ?? column + 1);
        } else column = r < 0 ? column + 1 : (columnAt(xml, r) ?? column + 1);
        if (selfClosing || close === tagEnd + 1) continue;
        const kind = quoted ? -1 : t < 0 ? 110 /* n */ : typeAt(xml, t);
        let value: CellValue;
        let isoDate = false;
        if (kind === 110 || kind === 115) {
          const v = xml.indexOf(vOpen, tagEnd);
          if (v < 0 || v > close) continue;
          const vStart = v + vOpen.length;
          const vEnd = xml.indexOf(vClose, vStart);
          if (vEnd < 0 || vEnd > close) continue;
          if (kind === 110) {
            if (vEnd === vStart) continue;
            const n = Number(xml.slice(vStart, vEnd));
            if (!Number.isFinite(n)) continue;
            value = n;
          } else {
            const index = integerAt(xml, vStart, vEnd);
            const text = index < 0 ? undefined : context.strings[index];
            if (text === undefined || text === "") continue;
            value = text;
          }
        } else {
          const attrs = xml.slice(attrStart, attrEnd);
          const content = xml.slice(tagEnd + 1, close);
          const read = cellValue(
            quickAttribute(attrs, ' t="'),
            childText(content, p, "v"),
            content,
            p,
            context,
          );
          if (read.value === null) continue;
          value = read.value;
          isoDate = read.isoDate === true;
        }
        const xf = quoted
          ? Number(attribute(xml.slice(attrStart, attrEnd), "s") ?? 0)
          : sAt < 0
            ? 0
            : integerAt(xml, sAt, xml.indexOf('"', sAt));
        const { format, date } = styleOf(xf);
        let text: string;
        if (isoDate || (date && typeof value === "number")) {
          let byValue = dateTexts.get(format);
          if (!byValue) {
            byValue = new Map();
            dateTexts.set(format, byValue);
          }
          text = byValue.get(value as number) ?? serialText(value as number, format, context.dateSystem);
          byValue.set(value as number, text);
        } else text = typeof value === "string" ? value : valueText(value);
        while (cells.length < column - 1) cells.push({ value: null, text: "" });
        cells[column - 1] = format === undefined ? { value, text } : { value, text, format };
      }
      if (cells.length === 0) continue;
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = cells;
    }
  };

  const dataOpen = `<${p}sheetData`;
  const dataClose = `</${p}sheetData>`;
  // The part's bytes are decoded a few hundred rows at a time (cut after a </row>): a 100k-row
  // sheet is never one 20 MB string in the heap, only its cells.
  const dataStart = xml.indexOf(dataOpen);
  const dataEnd = dataStart < 0 ? -1 : xml.indexOf(dataClose, dataStart);
  for (let from = dataStart; dataEnd > 0 && from < dataEnd; ) {
    let to = dataEnd;
    if (from + SEGMENT_BYTES < dataEnd) {
      const close = xml.indexOf(rowClose, from + SEGMENT_BYTES);
      to = close < 0 || close > dataEnd ? dataEnd : close + rowClose.length;
    }
    const segment = xml.toString("utf8", from, to);
    readRows(segment, 0, segment.length);
    from = to;
  }
  const merges = dataEnd < 0 ? [] : readMerges(xml.toString("utf8", dataEnd), p);
  for (const merge of merges) {
    for (let r = merge.top; r <= merge.bottom; r++) {
      const row = rows[r - 1];
      if (!row) continue;
      for (let c = merge.left; c <= merge.right; c++)
        if ((r !== merge.top || c !== merge.left) && row[c - 1] !== undefined)
          row[c - 1] = { value: null, text: "" };
    }
  }
  // Blanked merge cells may leave rows ending in blanks: each row stops at its last value.
  if (merges.length > 0)
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as Cell[];
      while (row.length > 0 && (row[row.length - 1] as Cell).value === null) row.pop();
    }
  while (rows.length > 0 && (rows[rows.length - 1] as Cell[]).length === 0) rows.pop();
  return { rows, merges };
}

function readMerges(xml: string, p: string): CellRange[] {
  const merges: CellRange[] = [];
  const at = xml.indexOf(`<${p}mergeCells`);
  if (at < 0) return merges;
  const end = xml.indexOf(`</${p}mergeCells>`, at);
  const section = xml.slice(at, end < 0 ? undefined : end);
  for (const m of section.matchAll(new RegExp(`<${p}mergeCell\\b[^>]*>`, "g"))) {
    const range = parseRangeAddress(attribute(m[0], "ref") ?? "");
    if (range) merges.push(range);
  }
  return merges.sort((x, y) => x.top - y.top || x.left - y.left);
}

/** Where an internal hyperlink leads: a sheet and a cell of the same workbook. */
export interface LinkTarget {
  sheet: string;
  cell: string;
}

const REFERENCE_RE = /^#?(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Za-z]{1,3})\$?(\d+)$/;
const HYPERLINK_FORMULA_RE = /^HYPERLINK\(\s*"((?:[^"]|"")*)"/i;

/** Parses "'Sheet 1'!$B$2" (with or without a leading "#") into a link target. */
function parseReference(reference: string): LinkTarget | undefined {
  const m = REFERENCE_RE.exec(reference);
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string);
  return { sheet, cell: `${(m[3] as string).toUpperCase()}${m[4] as string}` };
}

/**
 * The internal links of a worksheet part by the address of their cell: `<hyperlink location>` (or a
 * relationship whose target starts with "#") and HYPERLINK("#…") formulas.
 */
export function readSheetLinks(
  xml: string,
  relTargets: ReadonlyMap<string, string>,
): Record<string, LinkTarget> {
  const p = rootPrefix(xml, "worksheet");
  const links: Record<string, LinkTarget> = {};
  for (const m of xml.matchAll(
    new RegExp(`<${p}c\\b([^>]*?)>(?:(?!</${p}c>)[\\s\\S])*?<${p}f\\b[^>]*>([^<]*)</${p}f>`, "g"),
  )) {
    const ref = attribute(m[1] as string, "r");
    const formula = decodeXml(m[2] as string);
    const reference = HYPERLINK_FORMULA_RE.exec(formula)?.[1]?.replace(/""/g, '"');
    const target = reference?.startsWith("#") ? parseReference(reference) : undefined;
    if (ref !== undefined && target) links[ref.toUpperCase()] = target;
  }
  for (const m of xml.matchAll(new RegExp(`<${p}hyperlink\\b[^>]*>`, "g"))) {
    const ref = attribute(m[0], "ref");
    const id = attribute(m[0], "r:id");
    const location = attribute(m[0], "location") ?? (id === undefined ? undefined : relTargets.get(id));
    const target = location === undefined ? undefined : parseReference(location);
    if (ref === undefined || !target) continue;
    const first = parseCellAddress(ref.split(":")[0] as string);
    if (first) links[cellAddress(first.row, first.column)] = target;
  }
  return links;
}
