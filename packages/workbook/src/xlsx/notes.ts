import { cellAddress, parseCellAddress } from "../address.js";
import { stringItemText } from "./sheetRead.js";
import { attribute, escapeXml, MAIN_NS, rootPrefix, XML_DECLARATION } from "./xml.js";

/** A note as a comments part holds it: its text, and its elements to put back exactly. */
export interface StoredNote {
  text: string;
  /** The `<comment>` element. */
  comment: string;
  /** The author's name (author ids are positions in the part's own list). */
  author: string;
  /** The note's VML shape, when there is one. */
  shape?: string;
}

/** What a note becomes: text (a new note by houqin), a stored note put back, or null (no note). */
export type NoteChange = string | StoredNote | null;

const AUTHOR = "houqin";

/** The notes of a sheet by address: its comments part and its VML shapes. */
export function readNotes(
  commentsXml: string | undefined,
  vmlXml: string | undefined,
): Map<string, StoredNote> {
  const notes = new Map<string, StoredNote>();
  if (commentsXml === undefined) return notes;
  const p = rootPrefix(commentsXml, "comments");
  const authors = readAuthors(commentsXml, p);
  const shapes = readShapes(vmlXml);
  for (const m of commentsXml.matchAll(
    new RegExp(`<${p}comment\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}comment>)`, "g"),
  )) {
    const element = m[0];
    const ref = attribute(element, "ref");
    const at = ref === undefined ? undefined : parseCellAddress(ref);
    if (!at) continue;
    const address = cellAddress(at.row, at.column);
    const text = new RegExp(`<${p}text\\b[^>]*>([\\s\\S]*?)</${p}text>`).exec(element)?.[1];
    const shape = shapes.get(address);
    notes.set(address, {
      text: text === undefined ? "" : stringItemText(text),
      comment: element,
      author: authors[Number(attribute(element, "authorId") ?? 0)] ?? "",
      ...(shape === undefined ? {} : { shape }),
    });
  }
  return notes;
}

/** Addresses of the threaded comments (Excel 365's comments) of a threadedComments part. */
export function readThreadedRefs(xml: string | undefined): Set<string> {
  const refs = new Set<string>();
  for (const m of (xml ?? "").matchAll(/<(?:\w+:)?threadedComment\b[^>]*>/g)) {
    const at = parseCellAddress(attribute(m[0], "ref") ?? "");
    if (at) refs.add(cellAddress(at.row, at.column));
  }
  return refs;
}

/**
 * The comments part and VML drawing of a sheet after these changes (undefined: the sheet has no
 * notes left). Notes not changed keep their elements and shapes as they were, as do VML shapes that
 * are not notes (form controls).
 */
export function applyNotes(
  commentsXml: string | undefined,
  vmlXml: string | undefined,
  changes: ReadonlyMap<string, NoteChange>,
  shapeBlock: number,
): { comments: string | undefined; vml: string | undefined } {
  const p = commentsXml === undefined ? "" : rootPrefix(commentsXml, "comments");
  const authors = commentsXml === undefined ? [] : readAuthors(commentsXml, p);
  const notes = readNotes(commentsXml, vmlXml);
  const shapesToDrop = new Set<string>();
  const newShapes: { address: string; shape?: string }[] = [];
  for (const [address, change] of changes) {
    if (notes.has(address)) shapesToDrop.add(address);
    if (change === null) notes.delete(address);
    else if (typeof change === "string") {
      notes.set(address, { text: change, comment: "", author: AUTHOR });
      newShapes.push({ address });
    } else {
      notes.set(address, change);
      newShapes.push({ address, ...(change.shape === undefined ? {} : { shape: change.shape }) });
    }
  }

  const sorted = [...notes.entries()].sort(([a], [b]) => compareAddresses(a, b));
  const authorList = [...authors];
  const authorId = (name: string) => {
    const at = authorList.indexOf(name);
    return at >= 0 ? at : authorList.push(name) - 1;
  };
  const elements = sorted.map(([address, note]) => {
    const id = authorId(note.author);
    if (note.comment !== "") {
      // A stored element keeps everything but its author id, which follows the author's place here.
      return note.comment.replace(/\sauthorId\s*=\s*(?:"[^"]*"|'[^']*')/, ` authorId="${id}"`);
    }
    // One run in the font Chinese Excel gives notes (宋体 9), as Excel writes a note's text.
    const font = `<${p}rPr><${p}sz val="9"/><${p}rFont val="宋体"/><${p}charset val="134"/></${p}rPr>`;
    const text = `<${p}text><${p}r>${font}<${p}t xml:space="preserve">${escapeXml(note.text)}</${p}t></${p}r></${p}text>`;
    return `<${p}comment ref="${address}" authorId="${id}">${text}</${p}comment>`;
  });

  const vml = applyShapes(vmlXml, shapesToDrop, newShapes, shapeBlock);
  if (elements.length === 0) return { comments: undefined, vml };
  const authorsXml = `<${p}authors>${authorList.map((a) => `<${p}author>${escapeXml(a)}</${p}author>`).join("")}</${p}authors>`;
  const listXml = `<${p}commentList>${elements.join("")}</${p}commentList>`;
  let comments: string;
  if (commentsXml === undefined)
    comments = `${XML_DECLARATION}<comments xmlns="${MAIN_NS}">${authorsXml}${listXml}</comments>`;
  else {
    comments = commentsXml
      .replace(new RegExp(`<${p}authors\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}authors>)`), "\u0000A")
      .replace(new RegExp(`<${p}commentList\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}commentList>)`), "\u0000L");
    if (!comments.includes("\u0000A"))
      comments = comments.replace(/(<(?:\w+:)?comments\b[^>]*>)/, "$1\u0000A");
    if (!comments.includes("\u0000L")) comments = comments.replace("\u0000A", "\u0000A\u0000L");
    comments = comments.replace("\u0000A", () => authorsXml).replace("\u0000L", () => listXml);
  }
  return { comments, vml };
}

function readAuthors(xml: string, p: string): string[] {
  const section = new RegExp(`<${p}authors\\b[^>]*>([\\s\\S]*?)</${p}authors>`).exec(xml)?.[1] ?? "";
  return [...section.matchAll(new RegExp(`<${p}author\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}author>)`, "g"))].map(
    (m) => stringItemText(`<t>${m[1] ?? ""}</t>`),
  );
}

function compareAddresses(a: string, b: string): number {
  const x = parseCellAddress(a) as { row: number; column: number };
  const y = parseCellAddress(b) as { row: number; column: number };
  return x.row - y.row || x.column - y.column;
}

// --- VML -----------------------------------------------------------------------------------------

/** A VML shape with whatever prefix its part gives the VML namespace (Excel "v:", openpyxl "ns0:"). */
const SHAPE_RE = /<([\w.-]+:)?shape\b[^>]*?(?:\/>|>[\s\S]*?<\/\1shape>)/g;
const VML_NAMESPACES: Readonly<Record<string, string>> = {
  v: "urn:schemas-microsoft-com:vml",
  o: "urn:schemas-microsoft-com:office:office",
  x: "urn:schemas-microsoft-com:office:excel",
};

/** The note shapes of a VML drawing by the address of their cell. */
function readShapes(vml: string | undefined): Map<string, string> {
  const shapes = new Map<string, string>();
  for (const [shape] of (vml ?? "").matchAll(SHAPE_RE)) {
    const address = noteAddress(shape);
    if (address !== undefined) shapes.set(address, shape);
  }
  return shapes;
}

function noteAddress(shape: string): string | undefined {
  if (!/ObjectType\s*=\s*["']Note["']/.test(shape)) return undefined;
  const row = /<(?:[\w.-]+:)?Row>\s*(\d+)\s*<\/(?:[\w.-]+:)?Row>/.exec(shape)?.[1];
  const column = /<(?:[\w.-]+:)?Column>\s*(\d+)\s*<\/(?:[\w.-]+:)?Column>/.exec(shape)?.[1];
  return row === undefined || column === undefined
    ? undefined
    : cellAddress(Number(row) + 1, Number(column) + 1);
}

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function applyShapes(
  vml: string | undefined,
  drop: ReadonlySet<string>,
  add: readonly { address: string; shape?: string }[],
  block: number,
): string | undefined {
  let xml =
    vml ??
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPE_TYPE}</xml>`;
  xml = xml.replace(SHAPE_RE, (shape) => {
    const address = noteAddress(shape);
    return address !== undefined && drop.has(address) ? "" : shape;
  });
  // The shapes houqin adds use the prefixes v, o and x: the part's root must declare them.
  xml = xml.replace(/<xml\b[^>]*>/, (root) => {
    let tag = root;
    for (const [prefix, namespace] of Object.entries(VML_NAMESPACES))
      if (!new RegExp(`\\sxmlns:${prefix}\\s*=`).test(tag))
        tag = tag.replace(/^<xml\b/, `<xml xmlns:${prefix}="${namespace}"`);
    return tag;
  });
  if (!xml.includes('id="_x0000_t202"')) xml = xml.replace(/<\/xml>\s*$/, `${SHAPE_TYPE}</xml>`);
  const taken = [xml, ...add.map((a) => a.shape ?? "")].join("");
  let nextId = Math.max(
    block * 1024,
    ...[...taken.matchAll(/\sid="_x0000_s(\d+)"/g)].map((m) => Number(m[1])),
  );
  const shapes = add.map(({ address, shape }) => {
    if (shape !== undefined) return shape;
    nextId++;
    return noteShape(address, nextId);
  });
  xml = xml.replace(/<\/xml>\s*$/, `${shapes.join("")}</xml>`);
  return /<(?:[\w.-]+:)?shape\b/.test(xml) || vml !== undefined ? xml : undefined;
}

function noteShape(address: string, id: number): string {
  const { row, column } = parseCellAddress(address) as { row: number; column: number };
  const top = Math.max(row - 2, 0);
  const anchor = `${column}, 15, ${top}, 10, ${column + 2}, 15, ${top + 4}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${column - 1}</x:Column></x:ClientData>` +
    "</v:shape>"
  );
}
