import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { DEFLATED, DIRECTORY_ENTRY, END_OF_DIRECTORY, LOCAL_HEADER, STORED, ZIP64_END, ZIP64_LOCATOR } from './zipFormat';

/** A zip entry's stored bytes: `data` is compressed with `method` (0 stored, 8 deflate). */
export interface RawZipEntry {
  method: number;
  crc32: number;
  uncompressedSize: number;
  data: Buffer;
}

interface ZipEntry {
  method: number;
  crc32: number;
  compressedSize: number;
  /** Size once inflated, from the central directory (nothing is inflated to know it). */
  uncompressedSize: number;
  /** Offset of the local file header; the data follows it and its variable-length fields. */
  headerOffset: number;
}

/** Inflated pieces of about this size keep a sheet's XML out of memory as a whole. */
const CHUNK_BYTES = 1 << 20;

/**
 * The entries of a zip archive held in memory (an .xlsx package), read through its central
 * directory and inflated with Node's zlib: several times faster than the pure-JS inflate in
 * jszip, and an entry can be streamed in pieces. Errors are plain `Error`s whose message says
 * what is wrong with the archive; the workbook reader turns them into E_XLSX_CORRUPT.
 *
 * @example
 * const zip = ZipArchive.open(bytes);
 * const xml = zip.has('xl/workbook.xml') ? zip.readText('xl/workbook.xml') : '';
 */
export class ZipArchive {
  private constructor(
    private readonly bytes: Buffer,
    private readonly entries: Map<string, ZipEntry>,
  ) {}

  static open(bytes: Buffer): ZipArchive {
    const end = findEndOfDirectory(bytes);
    let count = bytes.readUInt16LE(end + 10);
    let offset = bytes.readUInt32LE(end + 16);
    if (offset === 0xffffffff || count === 0xffff) ({ count, offset } = zip64Directory(bytes, end));
    const entries = new Map<string, ZipEntry>();
    for (let i = 0; i < count; i++) {
      if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== DIRECTORY_ENTRY) throw new Error("Corrupted zip: can't read the central directory");
      const nameLength = bytes.readUInt16LE(offset + 28);
      const extraLength = bytes.readUInt16LE(offset + 30);
      const commentLength = bytes.readUInt16LE(offset + 32);
      const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength).replace(/^\//, '');
      const entry = { method: bytes.readUInt16LE(offset + 10), crc32: bytes.readUInt32LE(offset + 16), compressedSize: bytes.readUInt32LE(offset + 20), uncompressedSize: bytes.readUInt32LE(offset + 24), headerOffset: bytes.readUInt32LE(offset + 42) };
      if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.headerOffset === 0xffffffff) readZip64Sizes(bytes, offset + 46 + nameLength, extraLength, entry);
      entries.set(name, entry);
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return new ZipArchive(bytes, entries);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entries' names, in the central directory's order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The bytes of every entry once inflated, as the central directory gives them. */
  uncompressedSize(): number {
    let total = 0;
    for (const e of this.entries.values()) total += e.uncompressedSize;
    return total;
  }

  /** An entry's whole content as UTF-8 text (for the small parts: workbook, styles, strings). */
  readText(name: string): string {
    const { method, data } = this.locate(name);
    return (method === STORED ? data : inflateRawSync(data)).toString('utf8');
  }

  /** Calls `onText` with consecutive pieces of an entry's UTF-8 text (never splitting a character). */
  async streamText(name: string, onText: (text: string) => void): Promise<void> {
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of this.stream(name)) onText(decoder.decode(chunk as Buffer, { stream: true }));
    onText(decoder.decode());
  }

  /** An entry as stored: its compressed bytes with what a zip writer needs to copy them without inflating. */
  raw(name: string): RawZipEntry {
    const { method, data } = this.locate(name);
    const entry = this.entries.get(name)!;
    return { method, crc32: entry.crc32, uncompressedSize: entry.uncompressedSize, data };
  }

  /** An entry's inflated bytes as a stream (for parts too large to hold as one string). */
  stream(name: string): Readable {
    const { method, data } = this.locate(name);
    return method === STORED ? Readable.from([data]) : Readable.from([data]).pipe(createInflateRaw({ chunkSize: CHUNK_BYTES }));
  }

  private locate(name: string): { method: number; data: Buffer } {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`The archive has no entry ${name}`);
    const at = entry.headerOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL_HEADER) throw new Error(`Corrupted zip: the local header of ${name} is missing`);
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    if (start + entry.compressedSize > this.bytes.length) throw new Error(`Corrupted zip: ${name} is cut short`);
    if (entry.method !== STORED && entry.method !== DEFLATED) throw new Error(`Corrupted zip: ${name} uses compression method ${entry.method}`);
    return { method: entry.method, data: this.bytes.subarray(start, start + entry.compressedSize) };
  }
}

function findEndOfDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the archive.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  throw new Error("Corrupted zip: can't find end of central directory");
}

function zip64Directory(bytes: Buffer, end: number): { count: number; offset: number } {
  const locator = end - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR) throw new Error("Corrupted zip: can't find the ZIP64 end of central directory");
  const at = Number(bytes.readBigUInt64LE(locator + 8));
  if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== ZIP64_END) throw new Error("Corrupted zip: can't read the ZIP64 end of central directory");
  return { count: Number(bytes.readBigUInt64LE(at + 32)), offset: Number(bytes.readBigUInt64LE(at + 48)) };
}

/** ZIP64 extra field: the 64-bit values follow in a fixed order, present only where the 32-bit field is all ones. */
function readZip64Sizes(bytes: Buffer, extra: number, length: number, entry: ZipEntry): void {
  for (let p = extra; p + 4 <= extra + length; p += 4 + bytes.readUInt16LE(p + 2)) {
    if (bytes.readUInt16LE(p) !== 1) continue;
    let q = p + 4;
    if (entry.uncompressedSize === 0xffffffff) {
      entry.uncompressedSize = Number(bytes.readBigUInt64LE(q));
      q += 8;
    }
    if (entry.compressedSize === 0xffffffff) {
      entry.compressedSize = Number(bytes.readBigUInt64LE(q));
      q += 8;
    }
    if (entry.headerOffset === 0xffffffff) entry.headerOffset = Number(bytes.readBigUInt64LE(q));
    return;
  }
}
