import { HouqinError } from "@houqin/core";
import { cellAddress, columnLetter, parseCellAddress, sheetReference } from "../address.js";
import type { OutCell, WriteSheetOptions } from "../workbook.js";
import type { Styles } from "./styles.js";
import { escapeXml, MAIN_NS, REL_NS, XML_DECLARATION } from "./xml.js";

/** A reference that a hyperlink's `location` can hold: one "!" between sheet and cell. */
const LOCATION_RE = /^[^!]+![a-zA-Z]+\d+$/;

/** A string cell, written inline so the shared strings need no change. */
export function inlineStringCell(ref: string, text: string, style: number | undefined): string {
  const s = style === undefined || style === 0 ? "" : ` s="${style}"`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** A number cell. */
export function numberCell(ref: string, value: number, style: number | undefined): string {
  const s = style === undefined || style === 0 ? "" : ` s="${style}"`;
  return `<c r="${ref}"${s}><v>${value}</v></c>`;
}

/**
 * A worksheet part for rows houqin writes: strings inline, numbers, bold headers, internal links
 * (a `<hyperlink location>`, as Excel writes them, or a HYPERLINK formula when the sheet's name holds
 * a "!"), number formats, column widths and frozen header rows.
 */
export function writeSheetXml(
  rows: readonly (readonly OutCell[])[],
  options: WriteSheetOptions,
  styles: Styles,
): string {
  const links: string[] = [];
  let lastColumn = 1;
  const body: string[] = [];
  rows.forEach((cells, r) => {
    const row = r + 1;
    const parts: string[] = [];
    cells.forEach((out, c) => {
      if (out === null) return;
      const ref = cellAddress(row, c + 1);
      const xml = cellXml(ref, out, styles, links);
      if (xml === "") return;
      parts.push(xml);
      lastColumn = Math.max(lastColumn, c + 1);
    });
    if (parts.length > 0) body.push(`<row r="${row}">${parts.join("")}</row>`);
  });
  const frozen = options.frozenRows ?? 0;
  const pane =
    frozen > 0
      ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>`
      : "";
  const cols = (options.columnWidths ?? [])
    .map((width, c) => `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`)
    .join("");
  const last = `${columnLetter(lastColumn)}${Math.max(rows.length, 1)}`;
  return (
    `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols === "" ? "" : `<cols>${cols}</cols>`) +
    (body.length === 0 ? "<sheetData/>" : `<sheetData>${body.join("")}</sheetData>`) +
    (links.length === 0 ? "" : `<hyperlinks>${links.join("")}</hyperlinks>`) +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    "</worksheet>"
  );
}

function cellXml(ref: string, out: Exclude<OutCell, null>, styles: Styles, links: string[]): string {
  if (typeof out === "string") return out === "" ? "" : inlineStringCell(ref, out, undefined);
  if (typeof out === "number") return Number.isFinite(out) ? numberCell(ref, out, undefined) : "";
  if ("format" in out)
    return Number.isFinite(out.value)
      ? numberCell(ref, out.value, styles.outStyle({ format: out.format }))
      : "";
  if ("bold" in out) return inlineStringCell(ref, out.text, styles.outStyle({ bold: true }));
  const target = parseCellAddress(out.link.cell);
  if (!target) throw new HouqinError("INVALID_ARGUMENT", `Not a cell address: ${out.link.cell}`);
  const reference = sheetReference(out.link.sheet, cellAddress(target.row, target.column));
  const style = styles.outStyle({ link: true });
  if (LOCATION_RE.test(reference)) {
    links.push(
      `<hyperlink ref="${ref}" location="${escapeXml(reference)}" display="${escapeXml(out.text)}"/>`,
    );
    return inlineStringCell(ref, out.text, style);
  }
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const formula = `HYPERLINK(${quote(`#${reference}`)},${quote(out.text)})`;
  return `<c r="${ref}" s="${style}" t="str"><f>${escapeXml(formula)}</f><v>${escapeXml(out.text)}</v></c>`;
}
