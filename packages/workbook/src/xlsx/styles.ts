import { attribute, escapeXml, rootPrefix, withAttribute, XML_DECLARATION } from "./xml.js";

/**
 * Excel's built-in number formats by id (ECMA-376 18.8.30), with the ids a Chinese (zh-CN) Excel
 * gives its date and time formats; an id that is neither is General.
 */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** A colour as exceljs writes it in a fill token. */
interface TokenColor {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
}

/** A fill as exceljs models it: the form of the xlsx adapter's fill tokens (read by the Office adapter too). */
type FillToken =
  | { type: "pattern"; pattern: string; fgColor?: TokenColor; bgColor?: TokenColor }
  | {
      type: "gradient";
      gradient: "angle" | "path";
      degree?: number;
      center?: { left?: number; right?: number; top?: number; bottom?: number };
      stops: { position: number; color: TokenColor }[];
    };

/** What a cell houqin writes looks like. */
export type OutStyle = { bold: true } | { link: true } | { format: string };

const ELEMENT_CACHE = new Map<string, RegExp>();

/** The whole elements of a list (`<xf …/>` or `<xf …>…</xf>`) inside a container's XML. */
function elements(xml: string, name: string): string[] {
  let re = ELEMENT_CACHE.get(name);
  if (!re) {
    re = new RegExp(`<(?:\\w+:)?${name}\\b(?:[^>]*?/>|[^>]*>[\\s\\S]*?</(?:\\w+:)?${name}>)`, "g");
    ELEMENT_CACHE.set(name, re);
  }
  return xml.match(re) ?? [];
}

/** The inner XML of a container element, with its start tag, or undefined. */
function container(xml: string, name: string): { start: number; end: number; inner: string } | undefined {
  const m = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${name}>)`).exec(xml);
  if (!m) return undefined;
  return { start: m.index, end: m.index + m[0].length, inner: m[1] ?? "" };
}

/**
 * The styles part (xl/styles.xml): number formats of the cell styles for reading, and new cell
 * styles appended for marks and for the sheets houqin writes. Existing styles are never changed or
 * renumbered, so the cells of every sheet keep theirs.
 */
export class Styles {
  readonly #xml: string;
  readonly #formats = new Map<number, string>();
  readonly #xfs: string[];
  readonly #fills: string[];
  readonly #fonts: string[];
  readonly #newFormats: string[] = [];
  readonly #newFills: string[] = [];
  readonly #newFonts: string[] = [];
  readonly #newXfs: string[] = [];
  readonly #memo = new Map<string, number>();
  /** Format of each cell style (undefined: General), worked out once. */
  readonly #xfFormat: (string | undefined)[];
  #nextFormatId = 164;
  /** The prefix of the part's elements ("x:" in some .NET-written files), given to the elements added. */
  readonly #prefix: string;
  /** Fill index by its token, so a fill read back from a token finds the file's own fill. */
  #fillIndex: Map<string, number> | undefined;

  constructor(xml: string | undefined) {
    this.#xml = xml ?? MINIMAL_STYLES;
    this.#prefix = rootPrefix(this.#xml, "styleSheet");
    for (const tag of elements(container(this.#xml, "numFmts")?.inner ?? "", "numFmt")) {
      const id = Number(attribute(tag, "numFmtId"));
      const code = attribute(tag, "formatCode");
      if (Number.isInteger(id) && code !== undefined) {
        this.#formats.set(id, code);
        if (id >= this.#nextFormatId) this.#nextFormatId = id + 1;
      }
    }
    this.#xfs = elements(container(this.#xml, "cellXfs")?.inner ?? "", "xf");
    this.#fills = elements(container(this.#xml, "fills")?.inner ?? "", "fill");
    this.#fonts = elements(container(this.#xml, "fonts")?.inner ?? "", "font");
    this.#xfFormat = this.#xfs.map((xf) => this.#format(Number(attribute(xf, "numFmtId") ?? 0)));
  }

  /** Whether styles were added since the part was read. */
  get changed(): boolean {
    return this.#newXfs.length > 0;
  }

  /** The number format of a cell style; undefined for General. */
  formatOf(xf: number): string | undefined {
    if (xf < this.#xfFormat.length) return this.#xfFormat[xf];
    return this.#format(Number(attribute(this.#xf(xf), "numFmtId") ?? 0));
  }

  /** The fill of a cell style as a fill token (exceljs's JSON form); null for no fill. */
  fillToken(xf: number): string | null {
    const fillId = Number(attribute(this.#xf(xf), "fillId") ?? 0);
    const fill = this.#fill(fillId);
    const token = fill === undefined ? null : fillXmlToToken(fill);
    return token === null ? null : JSON.stringify(token);
  }

  /** A cell style like `xf` with a solid fill of this ARGB colour. */
  withSolidFill(xf: number, argb: string): number {
    return this.#withFill(
      xf,
      `<fill><patternFill patternType="solid"><fgColor rgb="${escapeXml(argb)}"/><bgColor indexed="64"/></patternFill></fill>`,
    );
  }

  /** A cell style like `xf` with the fill of a token (no fill for null or a token that cannot be read). */
  withFillToken(xf: number, token: string | null): number {
    const fill = token === null ? undefined : tokenToFillXml(token);
    return fill === undefined ? this.#withFill(xf, null) : this.#withFill(xf, fill);
  }

  /** The cell style for a bold header, a link, or a number format, added once. */
  outStyle(style: OutStyle): number {
    const key = JSON.stringify(style);
    const known = this.#memo.get(key);
    if (known !== undefined) return known;
    let xf: string;
    if ("format" in style) {
      const id = this.#formatId(style.format);
      xf = `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
    } else {
      const base = this.#fonts[0] ?? '<font><sz val="11"/><name val="Calibri"/></font>';
      const font =
        "bold" in style
          ? addFontChild(base, "<b/>", ["b"])
          : addFontChild(addFontChild(base, "<u/>", ["u"]), '<color rgb="FF0563C1"/>', ["color"]);
      const fontId = this.#fonts.length + this.#newFonts.length;
      this.#newFonts.push(font);
      xf = `<xf numFmtId="0" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`;
    }
    const index = this.#addXf(xf);
    this.#memo.set(key, index);
    return index;
  }

  /** The styles part with the added formats, fonts, fills and cell styles. */
  toXml(): string {
    const p = this.#prefix;
    const add = (list: readonly string[]) =>
      p === "" ? list : list.map((element) => withPrefix(element, p));
    let xml = this.#xml;
    xml = appendTo(
      xml,
      "numFmts",
      add(this.#newFormats),
      this.#formats.size - this.#newFormats.length,
      "fonts",
      p,
    );
    xml = appendTo(xml, "fonts", add(this.#newFonts), this.#fonts.length, "fills", p);
    xml = appendTo(xml, "fills", add(this.#newFills), this.#fills.length, "borders", p);
    xml = appendTo(xml, "cellXfs", add(this.#newXfs), this.#xfs.length, "cellStyles", p);
    return xml;
  }

  #format(id: number): string | undefined {
    if (id === 0) return undefined;
    return this.#formats.get(id) ?? BUILTIN_FORMATS[id];
  }

  #xf(xf: number): string {
    return this.#xfs[xf] ?? this.#newXfs[xf - this.#xfs.length] ?? this.#xfs[0] ?? "<xf/>";
  }

  #fill(id: number): string | undefined {
    return this.#fills[id] ?? this.#newFills[id - this.#fills.length];
  }

  #formatId(code: string): number {
    for (const [id, known] of this.#formats) if (known === code) return id;
    for (const [id, known] of Object.entries(BUILTIN_FORMATS)) if (known === code) return Number(id);
    const id = this.#nextFormatId++;
    this.#formats.set(id, code);
    this.#newFormats.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** A cell style like `xf` with this fill (the none fill for null), added once. */
  #withFill(xf: number, fill: string | null): number {
    const key = `${xf}\u0000${fill ?? ""}`;
    const known = this.#memo.get(key);
    if (known !== undefined) return known;
    const fillId = fill === null ? 0 : this.#fillId(fill);
    const base = this.#xf(xf);
    const start = /^<(?:\w+:)?xf\b[^>]*?\/?>/.exec(base)?.[0] ?? "<xf/>";
    const rest = base.slice(start.length);
    const tag = withAttribute(start, "fillId", String(fillId));
    // A style the file already has wins (a restored cell gets its very own style back); else a new one.
    const candidates = (fill === null ? [undefined, "0", "1"] : ["1", undefined]).map(
      (apply) => withAttribute(tag, "applyFill", apply) + rest,
    );
    const existing = candidates.map((c) => this.#xfs.indexOf(c)).find((i) => i >= 0);
    const index = existing ?? this.#addXf(candidates[0] as string);
    this.#memo.set(key, index);
    return index;
  }

  /** The index of a fill: the file's own when it has the same one (compared as tokens), else a new one. */
  #fillId(fill: string): number {
    if (!this.#fillIndex) {
      this.#fillIndex = new Map();
      this.#fills.forEach((existing, i) => {
        const key = JSON.stringify(fillXmlToToken(existing));
        if (!this.#fillIndex?.has(key)) this.#fillIndex?.set(key, i);
      });
    }
    const key = JSON.stringify(fillXmlToToken(fill));
    const known = this.#fillIndex.get(key);
    if (known !== undefined) return known;
    const index = this.#fills.length + this.#newFills.push(fill) - 1;
    this.#fillIndex.set(key, index);
    return index;
  }

  #addXf(xf: string): number {
    const same = this.#newXfs.indexOf(xf);
    if (same >= 0) return this.#xfs.length + same;
    return this.#xfs.length + this.#newXfs.push(xf) - 1;
  }
}

/** Adds a child to a font element unless it has one of these names already. */
function addFontChild(font: string, child: string, names: string[]): string {
  let xml = font;
  for (const name of names)
    xml = xml.replace(new RegExp(`<(?:\\w+:)?${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${name}>)`), "");
  if (xml.endsWith("/>")) return `${xml.slice(0, -2)}>${child}</font>`;
  return xml.replace(/<(\w+:)?font\b[^>]*>/, (open) => `${open}${child}`);
}

/** An element with this prefix on every tag that has none. */
function withPrefix(element: string, p: string): string {
  return element.replace(/<(\/?)(?![\w.-]+:)([A-Za-z][\w.-]*)/g, `<$1${p}$2`);
}

/** Appends elements to a list container, updating its count; creates the container when missing. */
function appendTo(
  xml: string,
  name: string,
  added: readonly string[],
  before: number,
  next: string,
  p: string,
): string {
  if (added.length === 0) return xml;
  const found = container(xml, name);
  const count = before + added.length;
  if (!found) {
    const at = new RegExp(`<(?:\\w+:)?${next}\\b`).exec(xml)?.index ?? xml.search(/<\/(?:\w+:)?styleSheet>/);
    return `${xml.slice(0, at)}<${p}${name} count="${count}">${added.join("")}</${p}${name}>${xml.slice(at)}`;
  }
  const whole = xml.slice(found.start, found.end);
  const open = /^<[^>]*?(\/?)>/.exec(whole)?.[0] ?? `<${name}>`;
  const start = withAttribute(open.replace(/\/>$/, ">"), "count", String(count));
  const prefix = /^<(\w+:)?/.exec(open)?.[1] ?? "";
  return `${xml.slice(0, found.start)}${start}${found.inner}${added.join("")}</${prefix}${name}>${xml.slice(found.end)}`;
}

// --- fills and their tokens ----------------------------------------------------------------------

function colorOf(tag: string | undefined): TokenColor | undefined {
  if (tag === undefined) return undefined;
  const color: TokenColor = {};
  const rgb = attribute(tag, "rgb");
  const theme = attribute(tag, "theme");
  const tint = attribute(tag, "tint");
  const indexed = attribute(tag, "indexed");
  if (rgb !== undefined) color.argb = rgb;
  if (theme !== undefined) color.theme = Number(theme);
  if (tint !== undefined) color.tint = Number(tint);
  if (indexed !== undefined) color.indexed = Number(indexed);
  return Object.keys(color).length > 0 ? color : undefined;
}

function colorXml(name: string, color: TokenColor | undefined): string {
  if (color === undefined) return "";
  let attrs = "";
  if (color.argb !== undefined) attrs += ` rgb="${escapeXml(String(color.argb))}"`;
  if (color.theme !== undefined) attrs += ` theme="${Number(color.theme)}"`;
  if (color.tint !== undefined) attrs += ` tint="${Number(color.tint)}"`;
  if (color.indexed !== undefined) attrs += ` indexed="${Number(color.indexed)}"`;
  return attrs === "" ? "" : `<${name}${attrs}/>`;
}

function fillXmlToToken(fill: string): FillToken | null {
  const pattern = /<(?:\w+:)?patternFill\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?patternFill>)/.exec(fill);
  if (pattern) {
    const type = attribute(pattern[0], "patternType") ?? "none";
    if (type === "none") return null;
    const inner = pattern[1] ?? "";
    const token: FillToken = { type: "pattern", pattern: type };
    const fg = colorOf(/<(?:\w+:)?fgColor\b[^>]*>/.exec(inner)?.[0]);
    const bg = colorOf(/<(?:\w+:)?bgColor\b[^>]*>/.exec(inner)?.[0]);
    if (fg) token.fgColor = fg;
    if (bg) token.bgColor = bg;
    return token;
  }
  const gradient = /<(?:\w+:)?gradientFill\b[^>]*>/.exec(fill);
  if (!gradient) return null;
  const stops = [...fill.matchAll(/<(?:\w+:)?stop\b[^>]*>([\s\S]*?)<\/(?:\w+:)?stop>/g)].map((m) => ({
    position: Number(attribute(m[0], "position") ?? 0),
    color: colorOf(/<(?:\w+:)?color\b[^>]*>/.exec(m[1] ?? "")?.[0]) ?? {},
  }));
  const tag = gradient[0];
  if (attribute(tag, "type") === "path") {
    const center: { left?: number; right?: number; top?: number; bottom?: number } = {};
    for (const side of ["left", "right", "top", "bottom"] as const) {
      const value = attribute(tag, side);
      if (value !== undefined) center[side] = Number(value);
    }
    return { type: "gradient", gradient: "path", center, stops };
  }
  return { type: "gradient", gradient: "angle", degree: Number(attribute(tag, "degree") ?? 0), stops };
}

function tokenToFillXml(token: string): string | undefined {
  let fill: FillToken;
  try {
    fill = JSON.parse(token) as FillToken;
  } catch {
    // A bare ARGB colour, as the memory adapter saves fills.
    return /^[0-9A-Fa-f]{8}$/.test(token)
      ? `<fill><patternFill patternType="solid"><fgColor rgb="${token.toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`
      : undefined;
  }
  if (fill === null || typeof fill !== "object") return undefined;
  if (fill.type === "pattern") {
    if (typeof fill.pattern !== "string" || fill.pattern === "none") return undefined;
    return `<fill><patternFill patternType="${escapeXml(fill.pattern)}">${colorXml("fgColor", fill.fgColor)}${colorXml("bgColor", fill.bgColor)}</patternFill></fill>`;
  }
  if (fill.type === "gradient" && Array.isArray(fill.stops)) {
    const stops = fill.stops
      .map((s) => `<stop position="${Number(s.position)}">${colorXml("color", s.color)}</stop>`)
      .join("");
    if (fill.gradient === "path") {
      const c = fill.center ?? {};
      const sides = (["left", "right", "top", "bottom"] as const)
        .filter((side) => c[side] !== undefined)
        .map((side) => ` ${side}="${Number(c[side])}"`)
        .join("");
      return `<fill><gradientFill type="path"${sides}>${stops}</gradientFill></fill>`;
    }
    return `<fill><gradientFill degree="${Number(fill.degree ?? 0)}">${stops}</gradientFill></fill>`;
  }
  return undefined;
}

/** The styles part of a new workbook: Calibri 11, no fill, no border, one cell style. */
export const MINIMAL_STYLES = `${XML_DECLARATION}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
