import { closeSync, openSync, writeSync } from 'node:fs';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';
import type { RawZipEntry } from './ZipArchive';
import { DEFLATED, DIRECTORY_ENTRY, END_OF_DIRECTORY, LOCAL_HEADER } from './zipFormat';

/** General-purpose flag 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
const LIMIT = 0xffffffff;

interface Written {
  name: Buffer;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  offset: number;
}

/**
 * Writes a zip archive (an .xlsx package) to a file entry by entry: entries copied from another
 * archive as they are stored (never inflated, so a workbook's own parts come through byte for
 * byte), and new ones deflated as they stream in, so a large sheet never has to be one string.
 * No ZIP64: an archive that would pass 4 GB or 65,535 entries is refused with an error that says so.
 *
 * @example
 * const zip = ZipWriter.create('out.xlsx');
 * zip.addRaw('xl/styles.xml', base.raw('xl/styles.xml'));
 * await zip.addText('xl/workbook.xml', xml);
 * zip.close();
 */
export class ZipWriter {
  private readonly entries: Written[] = [];
  private position = 0;
  private readonly time: number;
  private readonly date: number;

  private constructor(private readonly fd: number) {
    const now = new Date();
    this.time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
    this.date = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  }

  static create(path: string): ZipWriter {
    return new ZipWriter(openSync(path, 'w'));
  }

  /** Copies a stored entry of another archive without inflating it. */
  addRaw(name: string, raw: RawZipEntry): void {
    const entry = this.begin(name, raw.method);
    this.write(raw.data);
    this.end(entry, raw.crc32, raw.data.length, raw.uncompressedSize);
  }

  /** Deflates `text` (UTF-8) into a new entry. */
  async addText(name: string, text: string): Promise<void> {
    await this.addStream(name, [Buffer.from(text, 'utf8')]);
  }

  /** Deflates the bytes of `source` into a new entry as they come, with backpressure. */
  async addStream(name: string, source: Readable | Iterable<Buffer> | AsyncIterable<Buffer>): Promise<void> {
    const entry = this.begin(name, DEFLATED);
    let crc = 0;
    let uncompressed = 0;
    let compressed = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        crc = crc32(chunk, crc);
        uncompressed += chunk.length;
        done(null, chunk);
      },
    });
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        compressed += chunk.length;
        this.write(chunk);
        done();
      },
    });
    await pipeline(source, count, createDeflateRaw({ level: 6 }), sink);
    this.end(entry, crc, compressed, uncompressed);
  }

  /** Writes the central directory and closes the file. */
  close(): void {
    if (this.entries.length > 0xffff) throw new Error(`${this.entries.length} entries is more than a zip without ZIP64 holds`);
    const start = this.position;
    for (const e of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(DIRECTORY_ENTRY, 0);
      header.writeUInt16LE(20, 4);
      this.describe(header, 6, e);
      header.writeUInt32LE(e.offset, 42);
      this.write(header);
      this.write(e.name);
    }
    const size = this.position - start;
    this.check(this.position, 'the archive');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_DIRECTORY, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    closeSync(this.fd);
  }

  /** Closes the file after a failure (the caller removes it). */
  abandon(): void {
    closeSync(this.fd);
  }

  private begin(name: string, method: number): Written {
    const entry: Written = { name: Buffer.from(name, 'utf8'), method, crc32: 0, compressedSize: 0, uncompressedSize: 0, offset: this.position };
    this.check(entry.offset, name);
    // Sizes and CRC are patched in once the data is written (the file is seekable), so readers
    // need no data descriptors.
    this.write(Buffer.alloc(30 + entry.name.length));
    return entry;
  }

  private end(entry: Written, crc: number, compressedSize: number, uncompressedSize: number): void {
    this.check(compressedSize, entry.name.toString());
    this.check(uncompressedSize, entry.name.toString());
    Object.assign(entry, { crc32: crc, compressedSize, uncompressedSize });
    const header = Buffer.alloc(30 + entry.name.length);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    this.describe(header, 4, entry);
    entry.name.copy(header, 30);
    writeSync(this.fd, header, 0, header.length, entry.offset);
    this.entries.push(entry);
  }

  /**
   * The fields a local header (from byte 4) and a central directory entry (from byte 6) share,
   * in the same order: version needed, flags, method, time, date, CRC, sizes, name length.
   */
  private describe(header: Buffer, at: number, e: Written): void {
    header.writeUInt16LE(20, at);
    header.writeUInt16LE(UTF8_NAMES, at + 2);
    header.writeUInt16LE(e.method, at + 4);
    header.writeUInt16LE(this.time, at + 6);
    header.writeUInt16LE(this.date, at + 8);
    header.writeUInt32LE(e.crc32, at + 10);
    header.writeUInt32LE(e.compressedSize, at + 14);
    header.writeUInt32LE(e.uncompressedSize, at + 18);
    header.writeUInt16LE(e.name.length, at + 22);
  }

  private write(bytes: Buffer): void {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.position + done);
    this.position += bytes.length;
  }

  private check(value: number, what: string): void {
    if (value >= LIMIT) throw new Error(`${what} would pass 4 GB, more than a zip without ZIP64 holds`);
  }
}
