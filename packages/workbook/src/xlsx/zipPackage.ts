import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { attribute, escapeXml, XML_DECLARATION } from "./xml.js";

/** One file of a zip archive as its central directory describes it. */
interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header in the archive. */
  offset: number;
  /** The name's bytes as the archive holds them, and whether they are flagged UTF-8. */
  nameBytes: Buffer;
  utf8: boolean;
}

/**
 * A part to write: an entry of the file read (its compressed bytes are copied), a small part's text,
 * or a large part's text compressed when it was written (so a 100k-row sheet, once marked, is held
 * as a few MB of deflated bytes instead of 20 MB of text).
 */
type PartData = { entry: ZipEntry } | { text: string } | { deflated: Buffer; crc: number; size: number };

/** Parts larger than this (characters) are compressed as soon as they are written. */
const DEFLATE_ON_WRITE = 1 << 20;

/** Why a zip archive cannot be read. */
export class ZipError extends Error {
  override readonly name = "ZipError";
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Reads the central directory of a zip archive (zip64 included). */
function readDirectory(zip: Buffer): ZipEntry[] {
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at--)
    if (zip.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  if (end < 0) throw new ZipError("no end of central directory: the file is truncated or not a zip");
  let count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if ((count === 0xffff || at === 0xffffffff) && end >= 20 && zip.readUInt32LE(end - 20) === EOCD64_LOCATOR) {
    const end64 = Number(zip.readBigUInt64LE(end - 12));
    if (zip.readUInt32LE(end64) !== EOCD64) throw new ZipError("bad zip64 end of central directory");
    count = Number(zip.readBigUInt64LE(end64 + 32));
    at = Number(zip.readBigUInt64LE(end64 + 48));
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL)
      throw new ZipError("damaged central directory");
    const flags = zip.readUInt16LE(at + 8);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: zip.toString(flags & 0x800 ? "utf8" : "latin1", at + 46, at + 46 + nameLength),
      // Copied as they were when the part is saved: a name not flagged UTF-8 keeps its own bytes.
      nameBytes: Buffer.from(zip.subarray(at + 46, at + 46 + nameLength)),
      utf8: (flags & 0x800) !== 0,
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
    };
    if (flags & 0x1) throw new ZipError(`${entry.name} is encrypted`);
    // Sizes and offset that do not fit 32 bits are in the zip64 extra field, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = zip.readUInt16LE(extra);
      const length = zip.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        for (const key of ["size", "compressedSize", "offset"] as const)
          if (entry[key] === 0xffffffff) {
            entry[key] = Number(zip.readBigUInt64LE(field));
            field += 8;
          }
      }
      extra += 4 + length;
    }
    entries.push(entry);
    at = extraEnd + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
function compressedData(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.offset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL)
    throw new ZipError(`${entry.name}: bad local header`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + entry.compressedSize > zip.length) throw new ZipError(`${entry.name} is truncated`);
  return zip.subarray(start, start + entry.compressedSize);
}

/** An entry's bytes, inflated and checked against its CRC. */
function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const raw = compressedData(zip, entry);
  let data: Buffer;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) data = inflateRawSync(raw);
  else throw new ZipError(`${entry.name}: compression method ${entry.method} is not supported`);
  if (data.length !== entry.size || crc32(data) !== entry.crc)
    throw new ZipError(`${entry.name} is damaged (CRC)`);
  return data;
}

/** DOS date and time of a moment (local time), as zip headers hold them. */
function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    day: ((Math.max(date.getFullYear(), 1980) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/**
 * The parts of an .xlsx file (an OPC package): read as text on demand, changed in memory, and saved
 * with every part houqin did not change copied as it was, still compressed. Nothing of the file is
 * lost: charts, pivot tables, images and parts houqin knows nothing of go through untouched.
 */
export class ZipPackage {
  readonly #zip: Buffer;
  /** Every part by name, in file order; new parts at the end. */
  readonly #parts = new Map<string, PartData>();
  /** The bytes of the last parts read to be changed, so that a sheet read, then marked, is inflated once. */
  readonly #recent = new Map<string, Buffer>();

  private constructor(zip: Buffer, entries: readonly ZipEntry[]) {
    this.#zip = zip;
    for (const entry of entries) if (!entry.name.endsWith("/")) this.#parts.set(entry.name, { entry });
  }

  /** Reads a zip file's directory; the parts are inflated only when read. Throws ZipError for a damaged zip. */
  static open(bytes: Uint8Array): ZipPackage {
    const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return new ZipPackage(zip, readDirectory(zip));
  }

  /** A package with these parts. */
  static of(parts: Readonly<Record<string, string>>): ZipPackage {
    const pkg = new ZipPackage(Buffer.alloc(0), []);
    for (const [path, text] of Object.entries(parts)) pkg.write(path, text);
    return pkg;
  }

  /** A part's text, or undefined when there is none. Throws ZipError when the part is damaged. */
  read(path: string): string | undefined {
    const bytes = this.readBytes(path);
    return bytes === undefined || typeof bytes === "string" ? bytes : bytes.toString("utf8");
  }

  /**
   * A part as it is held: its text when houqin wrote it, else its inflated bytes (UTF-8), for the
   * readers and editors that handle a large part as bytes. Throws ZipError when the part is damaged.
   * @param keep - keep the bytes for the next read (a sheet about to be marked)
   */
  readBytes(path: string, keep = false): string | Buffer | undefined {
    const name = this.#find(path);
    if (name === undefined) return undefined;
    const part = this.#parts.get(name) as PartData;
    if ("text" in part) return part.text;
    if ("deflated" in part) return inflateRawSync(part.deflated);
    const recent = this.#recent.get(name);
    if (recent !== undefined) return recent;
    const bytes = entryData(this.#zip, part.entry);
    if (keep) {
      this.#recent.set(name, bytes);
      if (this.#recent.size > 2) this.#recent.delete(this.#recent.keys().next().value as string);
    }
    return bytes;
  }

  /** Sets a part's content (a new part, or a changed one): text, or UTF-8 bytes. */
  write(path: string, content: string | Buffer): void {
    const name = this.#find(path) ?? path.replace(/^\//, "");
    this.#recent.delete(name);
    if (content.length <= DEFLATE_ON_WRITE) {
      this.#parts.set(name, { text: typeof content === "string" ? content : content.toString("utf8") });
      return;
    }
    const raw = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    this.#parts.set(name, { deflated: deflateRawSync(raw, { level: 1 }), crc: crc32(raw), size: raw.length });
  }

  /** Removes a part; nothing happens when there is none. */
  remove(path: string): void {
    const name = this.#find(path);
    if (name === undefined) return;
    this.#recent.delete(name);
    this.#parts.delete(name);
  }

  /** The paths of every part, in file order, then new parts. */
  paths(): string[] {
    return [...this.#parts.keys()];
  }

  /**
   * The package as zip bytes: changed parts deflated (at the fastest level: about a third of the
   * default's time for a file about a quarter larger), the others copied compressed as they were.
   */
  toBuffer(): Buffer {
    const chunks: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    if (this.#parts.size > 0xffff)
      throw new ZipError("the workbook has too many parts to save (over 65,535)");
    const { time, day } = dosDateTime(new Date());
    for (const [name, part] of this.#parts) {
      let data: Buffer;
      let method: number;
      let crc: number;
      let size: number;
      if ("entry" in part) {
        data = compressedData(this.#zip, part.entry);
        ({ method, crc, size } = part.entry);
      } else if ("deflated" in part) {
        ({ deflated: data, crc, size } = part);
        method = 8;
      } else {
        const raw = Buffer.from(part.text, "utf8");
        data = deflateRawSync(raw, { level: 1 });
        method = 8;
        crc = crc32(raw);
        size = raw.length;
      }
      if (offset >= 0xffffffff || data.length >= 0xffffffff || size >= 0xffffffff)
        throw new ZipError("the workbook is too large to save (over 4 GB)");
      const copied = "entry" in part ? part.entry : undefined;
      const nameBytes = copied ? copied.nameBytes : Buffer.from(name, "utf8");
      const nameFlag = copied && !copied.utf8 ? 0 : 0x800;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(LOCAL, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(nameFlag, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(day, 12);
      local.writeUInt32LE(crc >>> 0, 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(nameBytes.length, 26);
      // The central directory's header: "version made by", then the local header's fields from
      // "version needed" to the name's length, then the local header's offset.
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL, 0);
      header.writeUInt16LE(20, 4);
      local.copy(header, 6, 4, 28);
      header.writeUInt32LE(offset, 42);
      chunks.push(local, nameBytes, data);
      central.push(header, nameBytes);
      offset += 30 + nameBytes.length + data.length;
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(this.#parts.size, 8);
    end.writeUInt16LE(this.#parts.size, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...chunks, directory, end]);
  }

  #find(path: string): string | undefined {
    const wanted = path.replace(/^\//, "");
    if (this.#parts.has(wanted)) return wanted;
    const lower = wanted.toLowerCase();
    for (const name of this.#parts.keys()) if (name.toLowerCase() === lower) return name;
    return undefined;
  }
}

// --- relationships -------------------------------------------------------------------------------

/** One relationship of a part. */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  hyperlink: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
} as const;

/** The path of the relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** The package path a relationship's target names, relative to its source part (or absolute). */
function resolveTarget(sourcePath: string, target: string): string {
  const parts = target.startsWith("/") ? [] : sourcePath.split("/").slice(0, -1);
  for (const segment of target.replace(/^\//, "").split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

/** A target relative to a source part, as Excel writes them: xl/worksheets/sheet1.xml → worksheets/sheet1.xml. */
export function relativeTarget(sourcePath: string, targetPath: string): string {
  const from = sourcePath.split("/").slice(0, -1);
  const to = targetPath.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

const RELATIONSHIP_RE = /<(?:\w+:)?Relationship\b[^>]*>/g;

/** The relationships of a part (empty when it has none). */
export function readRelationships(pkg: ZipPackage, partPath: string): Relationship[] {
  const xml = pkg.read(relsPathOf(partPath));
  if (xml === undefined) return [];
  const rels: Relationship[] = [];
  for (const [tag] of xml.matchAll(RELATIONSHIP_RE)) {
    const id = attribute(tag, "Id");
    const type = attribute(tag, "Type");
    const target = attribute(tag, "Target");
    if (id === undefined || type === undefined || target === undefined) continue;
    rels.push({ id, type, target, external: attribute(tag, "TargetMode") === "External" });
  }
  return rels;
}

/** Writes the relationships of a part (removing the part when there are none). */
export function writeRelationships(pkg: ZipPackage, partPath: string, rels: readonly Relationship[]): void {
  const path = relsPathOf(partPath);
  if (rels.length === 0) {
    pkg.remove(path);
    return;
  }
  const items = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
    )
    .join("");
  pkg.write(
    path,
    `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`,
  );
}

/** A relationship id not yet used among these. */
export function freeRelationshipId(rels: readonly Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** A relationship's target as a package path; undefined for an external one. */
export function targetPath(sourcePath: string, rel: Relationship): string | undefined {
  return rel.external ? undefined : resolveTarget(sourcePath, rel.target);
}

// --- content types -------------------------------------------------------------------------------

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
} as const;

const CONTENT_TYPES_PATH = "[Content_Types].xml";

/** Declares a part's content type (an Override), replacing any it had. */
export function setContentType(pkg: ZipPackage, partPath: string, contentType: string): void {
  const xml = removeOverride(pkg.read(CONTENT_TYPES_PATH) ?? "", partPath);
  pkg.write(
    CONTENT_TYPES_PATH,
    xml.replace(
      /<\/(\w+:)?Types>\s*$/,
      `<Override PartName="/${escapeXml(partPath)}" ContentType="${contentType}"/></$1Types>`,
    ),
  );
}

/** Makes sure the package declares a default content type for an extension (vml). */
export function ensureDefaultContentType(pkg: ZipPackage, extension: string, contentType: string): void {
  const xml = pkg.read(CONTENT_TYPES_PATH) ?? "";
  if (new RegExp(`<(?:\\w+:)?Default\\b[^>]*Extension="${extension}"`, "i").test(xml)) return;
  pkg.write(
    CONTENT_TYPES_PATH,
    xml.replace(
      /<(\w+:)?Types\b[^>]*>/,
      (open) => `${open}<Default Extension="${extension}" ContentType="${contentType}"/>`,
    ),
  );
}

/** Drops a part's content type (its Override). */
export function removeContentType(pkg: ZipPackage, partPath: string): void {
  const xml = pkg.read(CONTENT_TYPES_PATH);
  if (xml !== undefined) pkg.write(CONTENT_TYPES_PATH, removeOverride(xml, partPath));
}

function removeOverride(xml: string, partPath: string): string {
  const wanted = `/${partPath}`.toLowerCase();
  return xml.replace(/<(?:\w+:)?Override\b[^>]*>/g, (tag) =>
    attribute(tag, "PartName")?.toLowerCase() === wanted ? "" : tag,
  );
}
