import type { ExcelRangeFill } from "./excelApi.js";

/** A cell's fill as the Office.js adapter saves it: Excel's own colour and pattern names. */
interface FillToken {
  /** "#RRGGBB", the colour Excel shows. */
  color: string;
  /** "Solid", "Gray50", … (Excel.FillPattern). */
  pattern: string;
  /** The colour of a pattern's lines, for a pattern other than "Solid". */
  patternColor?: string;
}

/** OOXML pattern names (as exceljs writes them in its fill tokens) and Excel's. */
const OOXML_PATTERNS: Readonly<Record<string, string>> = {
  solid: "Solid",
  mediumGray: "Gray50",
  darkGray: "Gray75",
  lightGray: "Gray25",
  darkHorizontal: "Horizontal",
  darkVertical: "Vertical",
  darkDown: "Down",
  darkUp: "Up",
  darkGrid: "Checker",
  darkTrellis: "SemiGray75",
  lightHorizontal: "LightHorizontal",
  lightVertical: "LightVertical",
  lightDown: "LightDown",
  lightUp: "LightUp",
  lightGrid: "Grid",
  lightTrellis: "CrissCross",
  gray125: "Gray16",
  gray0625: "Gray8",
};

/**
 * The fill token of a loaded `RangeFill` (its color, pattern, patternColor and tintAndShade loaded),
 * or null for a cell with no fill. Excel reports "no fill" as pattern "None" or, in some builds, as
 * a null pattern with a null tintAndShade (a white fill has a number there).
 *
 * @example fillToken(fill) // '{"color":"#DDEBF7","pattern":"Solid"}'
 */
export function fillToken(fill: ExcelRangeFill): string | null {
  const pattern = fill.pattern;
  if (pattern === "None" || (pattern === null && fill.tintAndShade === null) || fill.color === null)
    return null;
  const token: FillToken = { color: fill.color.toUpperCase(), pattern: pattern ?? "Solid" };
  if (token.pattern !== "Solid" && fill.patternColor !== null)
    token.patternColor = fill.patternColor.toUpperCase();
  return JSON.stringify(token);
}

/**
 * Puts a fill back on a range: the fill of a token from {@link fillToken}, of an ARGB colour
 * ("FFDDEBF7", as the memory adapter saves them), or of an exceljs pattern fill (as the xlsx adapter
 * saves them, when the workbook was marked by the CLI); no fill for null. A token none of these can
 * read (a theme colour exceljs saved without its RGB) also leaves no fill, so houqin's mark goes.
 *
 * The colour is put back as the RGB Excel showed: a fill that followed the workbook's theme keeps its
 * look but no longer follows a theme change.
 *
 * @param fill - the range's fill, to queue the change on
 * @param token - the saved token
 */
export function applyFillToken(fill: ExcelRangeFill, token: string | null): void {
  fill.clear();
  const parsed = token === null ? undefined : readToken(token);
  if (!parsed) return;
  fill.color = parsed.color;
  if (parsed.pattern !== "Solid") {
    fill.pattern = parsed.pattern;
    if (parsed.patternColor !== undefined) fill.patternColor = parsed.patternColor;
  }
}

/**
 * "#RRGGBB" of an ARGB or RGB colour ("FFFFC7CE", "FFC7CE", "#FFC7CE").
 *
 * @example htmlColor("FFFFC7CE") // "#FFC7CE"
 */
export function htmlColor(color: string): string | undefined {
  const hex = color.trim().replace(/^#/, "");
  if (/^[0-9a-fA-F]{8}$/.test(hex)) return `#${hex.slice(2).toUpperCase()}`;
  if (/^[0-9a-fA-F]{6}$/.test(hex)) return `#${hex.toUpperCase()}`;
  return undefined;
}

function readToken(token: string): FillToken | undefined {
  const plain = htmlColor(token);
  if (plain !== undefined) return { color: plain, pattern: "Solid" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(token);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const data = parsed as Record<string, unknown>;
  if (typeof data.color === "string" && typeof data.pattern === "string") {
    const color = htmlColor(data.color);
    if (color === undefined) return undefined;
    const patternColor = typeof data.patternColor === "string" ? htmlColor(data.patternColor) : undefined;
    return { color, pattern: data.pattern, ...(patternColor === undefined ? {} : { patternColor }) };
  }
  // An exceljs pattern fill: OOXML's fgColor is a solid fill's colour, or a pattern's lines over bgColor.
  if (data.type === "pattern" && typeof data.pattern === "string") {
    const pattern = OOXML_PATTERNS[data.pattern];
    const fg = argbOf(data.fgColor);
    if (pattern === undefined || fg === undefined) return undefined;
    if (pattern === "Solid") return { color: fg, pattern };
    return { color: argbOf(data.bgColor) ?? "#FFFFFF", pattern, patternColor: fg };
  }
  return undefined;
}

function argbOf(color: unknown): string | undefined {
  if (typeof color !== "object" || color === null) return undefined;
  const argb = (color as { argb?: unknown }).argb;
  return typeof argb === "string" ? htmlColor(argb) : undefined;
}
