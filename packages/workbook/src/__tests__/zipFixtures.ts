// Zip files built and read by hand, for tests of the .xlsx adapter: the archives are written the
// way the producers of real workbooks write them (stored or deflated entries, data descriptors,
// zip64 records), and read back without the adapter's own zip code.
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

/** How one entry is written. */
export interface ZipEntryOptions {
  /** Deflate the entry (method 8) instead of storing it. */
  deflate?: boolean;
  /** Sizes and CRC left zero in the local header and given in a data descriptor after the data (flag bit 3). */
  descriptor?: boolean;
  /** An extra field in the local header only (Info-ZIP's extended timestamp), as zip tools add. */
  localExtra?: boolean;
  /** Keep only the first half of the entry's (compressed) data, as in a damaged file; CRC and size stay the whole entry's. */
  cut?: boolean;
}

/** Options for the whole archive. */
export interface ZipOptions extends ZipEntryOptions {
  /** Write zip64 records: 0xFFFFFFFF sizes and offsets in the central directory, with the zip64 extra field and end records. */
  zip64?: boolean;
}

/** An entry's content, and optionally how to write it. */
export type ZipFixtureEntry = string | Uint8Array | ({ data: string | Uint8Array } & ZipEntryOptions);

function dataOf(entry: ZipFixtureEntry): { data: Buffer; options: ZipEntryOptions } {
  if (typeof entry === "string") return { data: Buffer.from(entry, "utf8"), options: {} };
  if (entry instanceof Uint8Array) return { data: Buffer.from(entry), options: {} };
  const { data, ...options } = entry;
  return { data: typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data), options };
}

/**
 * A zip file of these entries, in this order: stored by default; deflated, with data descriptors or
 * zip64 records when asked (for the whole archive, or per entry).
 */
export function buildZip(entries: Record<string, ZipFixtureEntry>, archive: ZipOptions = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const names = Object.keys(entries);
  for (const name of names) {
    const { data, options: own } = dataOf(entries[name] as ZipFixtureEntry);
    const options = { ...archive, ...own };
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const method = options.deflate ? 8 : 0;
    const packed = options.deflate ? deflateRawSync(data) : data;
    const body = options.cut ? packed.subarray(0, Math.floor(packed.length / 2)) : packed;
    const flags = (options.descriptor ? 0x8 : 0) | 0x800;
    const localExtra = options.localExtra
      ? Buffer.from([0x55, 0x54, 0x05, 0x00, 0x03, 0x00, 0x5e, 0x6b, 0x66])
      : Buffer.alloc(0);
    const zip64Local = archive.zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (archive.zip64) {
      zip64Local.writeUInt16LE(0x0001, 0);
      zip64Local.writeUInt16LE(16, 2);
      zip64Local.writeBigUInt64LE(BigInt(options.descriptor ? 0 : data.length), 4);
      zip64Local.writeBigUInt64LE(BigInt(options.descriptor ? 0 : body.length), 12);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(archive.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    if (!options.descriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(archive.zip64 ? 0xffffffff : body.length, 18);
      local.writeUInt32LE(archive.zip64 ? 0xffffffff : data.length, 22);
    }
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(localExtra.length + zip64Local.length, 28);
    let descriptor = Buffer.alloc(0);
    if (options.descriptor) {
      descriptor = Buffer.alloc(archive.zip64 ? 24 : 16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      if (archive.zip64) {
        descriptor.writeBigUInt64LE(BigInt(body.length), 8);
        descriptor.writeBigUInt64LE(BigInt(data.length), 16);
      } else {
        descriptor.writeUInt32LE(body.length, 8);
        descriptor.writeUInt32LE(data.length, 12);
      }
    }
    const zip64Central = archive.zip64 ? Buffer.alloc(28) : Buffer.alloc(0);
    if (archive.zip64) {
      zip64Central.writeUInt16LE(0x0001, 0);
      zip64Central.writeUInt16LE(24, 2);
      zip64Central.writeBigUInt64LE(BigInt(data.length), 4);
      zip64Central.writeBigUInt64LE(BigInt(body.length), 12);
      zip64Central.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(archive.zip64 ? 45 : 20, 4);
    central.writeUInt16LE(archive.zip64 ? 45 : 20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(archive.zip64 ? 0xffffffff : body.length, 20);
    central.writeUInt32LE(archive.zip64 ? 0xffffffff : data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(zip64Central.length, 30);
    central.writeUInt32LE(archive.zip64 ? 0xffffffff : offset, 42);
    locals.push(local, nameBytes, localExtra, zip64Local, body, descriptor);
    centrals.push(central, nameBytes, zip64Central);
    offset += 30 + nameBytes.length + localExtra.length + zip64Local.length + body.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (archive.zip64) {
    const end64 = Buffer.alloc(56);
    end64.writeUInt32LE(0x06064b50, 0);
    end64.writeBigUInt64LE(44n, 4);
    end64.writeUInt16LE(45, 12);
    end64.writeUInt16LE(45, 14);
    end64.writeBigUInt64LE(BigInt(names.length), 24);
    end64.writeBigUInt64LE(BigInt(names.length), 32);
    end64.writeBigUInt64LE(BigInt(directory.length), 40);
    end64.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(end64, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(archive.zip64 ? 0xffff : names.length, 8);
  end.writeUInt16LE(archive.zip64 ? 0xffff : names.length, 10);
  end.writeUInt32LE(archive.zip64 ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(archive.zip64 ? 0xffffffff : offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, ...tail, end]));
}

/** A zip file with stored (uncompressed) entries. */
export function storedZip(entries: Record<string, string | Uint8Array>): Uint8Array {
  return buildZip(entries);
}

/** One entry of a zip file as its central directory describes it (no zip64). */
export interface ZipDirectoryEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where its compressed data starts in the archive. */
  dataStart: number;
}

/** The central directory of a zip file (as written by the adapter or {@link buildZip} without zip64). */
export function zipDirectory(zip: Uint8Array): ZipDirectoryEntry[] {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = view.readUInt32LE(eocd + 16);
  const entries: ZipDirectoryEntry[] = [];
  for (let i = view.readUInt16LE(eocd + 10); i > 0; i--) {
    const nameLength = view.readUInt16LE(at + 28);
    const skip = nameLength + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
    const local = view.readUInt32LE(at + 42);
    entries.push({
      name: view.toString("utf8", at + 46, at + 46 + nameLength),
      flags: view.readUInt16LE(at + 8),
      method: view.readUInt16LE(at + 10),
      crc: view.readUInt32LE(at + 16),
      compressedSize: view.readUInt32LE(at + 20),
      size: view.readUInt32LE(at + 24),
      dataStart: local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28),
    });
    at += 46 + skip;
  }
  return entries;
}

/** The names of a zip file's entries, in directory order. */
export function zipNames(zip: Uint8Array): string[] {
  return zipDirectory(zip).map((entry) => entry.name);
}

/** The bytes of one entry of a zip file (stored or deflated), or undefined. */
export function zipEntryBytes(zip: Uint8Array, name: string): Buffer | undefined {
  const entry = zipDirectory(zip).find((e) => e.name === name);
  if (!entry) return undefined;
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const data = view.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  return Buffer.from(entry.method === 8 ? inflateRawSync(data) : data);
}

/** The text of one entry of a zip file (central directory, stored or deflated), or undefined. */
export function zipEntry(zip: Uint8Array, name: string): string | undefined {
  return zipEntryBytes(zip, name)?.toString("utf8");
}
