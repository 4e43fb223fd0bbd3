import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { ColumnCells } from '../core/ingest/inferColumn';
import type { IngestWarning, ParsedTable } from '../core/ingest/ParsedTable';
import type { DateOrder } from '../core/ingest/parseDateCell';
import { looksLikeHeader } from '../core/ingest/looksLikeHeader';
import { tableFromColumns } from '../core/ingest/tableFromColumns';
import { tableFromValues } from '../core/ingest/tableFromValues';
import { ByteInterner } from './ByteInterner';
import { decodeText } from './decodeText';
import { delimiterSample } from './delimiterSample';
import { detectDelimiter, type Delimiter } from './detectDelimiter';
import { fieldString, isBlankField } from './fieldString';
import { parseDelimitedRecords } from './parseDelimitedRecords';
import { createFieldBounds, scanRecord, type FieldBounds } from './scanRecord';
import { sniffFormat } from './sniffFormat';
import { storePlainNumber } from './storePlainNumber';

export interface ReadDelimitedOptions {
  /** Shown in messages; defaults to the path's base name. */
  file?: string;
  delimiter?: Delimiter;
  dateOrder?: DateOrder | 'auto';
  hasHeader?: boolean | 'auto';
}

interface CommonOptions {
  file?: string;
  dateOrder: DateOrder | 'auto';
  decimalHint: '.' | ',';
}

/** decodeText looks at this many bytes after a byte-order mark for NUL and control bytes. */
const TEXT_CHECK_BYTES = 8192;

/**
 * The fast path for big transaction CSVs, reading the file's bytes without decoding it into one
 * string: records are cut one at a time, columns of plain numbers are parsed straight from the
 * bytes, and every other column is interned by its bytes, so only distinct values become strings
 * and type inference runs once per distinct value. Row rules, inference and reports are those of
 * {@link tableFromValues}, so the result equals `readTableFile` on the same file. `source` is a
 * path or the file's bytes. UTF-16 files and whitespace-separated text take the general path.
 *
 * @example
 * const orders = readDelimitedColumns('orders.csv');
 * orders.table.columns.find((c) => c.name === 'customer_id')?.type; // 'id'
 */
export function readDelimitedColumns(source: string | Buffer, options: ReadDelimitedOptions = {}): ParsedTable & { delimiter: Delimiter } {
  const file = options.file ?? (typeof source === 'string' ? basename(source) : undefined);
  let bytes: Buffer;
  if (typeof source === 'string') {
    try {
      bytes = readFileSync(source);
    } catch (e) {
      throw new SegmentKitError('E_FILE_NOT_FOUND', 'The file cannot be read', { location: { file: source }, hint: 'Check the path.', cause: e });
    }
  } else bytes = source;
  if (bytes.length === 0) throw new SegmentKitError('E_EMPTY', 'The file is empty', { location: { file }, hint: 'Export the data again; the file has 0 bytes.' });
  if (sniffFormat(bytes, '', file ?? '') === 'xlsx') {
    throw new SegmentKitError('E_ARGUMENT', 'This is a workbook, not a delimited text file', { location: { file }, hint: 'Read it with readTableFile.' });
  }
  const hasHeader = options.hasHeader ?? 'auto';
  const dateOrder = options.dateOrder ?? 'auto';
  const common = (delimiter: Delimiter): CommonOptions => ({ file, dateOrder, decimalHint: delimiter === ';' ? ',' : '.' });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const { text } = decodeText(bytes, file ?? '');
    const delimiter = options.delimiter ?? detectDelimiter(text);
    return Object.assign(tableFromValues(parseDelimitedRecords(text, delimiter), { ...common(delimiter), hasHeader }), { delimiter });
  }
  const body = utf8Body(bytes, file ?? '');
  const delimiter = options.delimiter ?? detectDelimiter(delimiterSample(body));
  if (delimiter === 'whitespace') {
    return Object.assign(tableFromValues(parseDelimitedRecords(body.toString('utf8'), delimiter), { ...common(delimiter), hasHeader }), { delimiter });
  }
  return Object.assign(columnsFromBytes(body, delimiter.charCodeAt(0), hasHeader, common(delimiter)), { delimiter });
}

/**
 * The bytes that decodeText would decode, as UTF-8: byte-order marks dropped as TextDecoder drops
 * them, and legacy Windows text re-encoded (rare, and never big enough to matter).
 */
function utf8Body(bytes: Buffer, file: string): Buffer {
  let start = hasBom(bytes, 0) ? 3 : 0;
  decodeText(bytes.subarray(0, start + TEXT_CHECK_BYTES), file);
  if (!isUtf8(bytes.subarray(start))) return Buffer.from(decodeText(bytes, file).text, 'utf8');
  if (hasBom(bytes, start)) start += 3;
  return bytes.subarray(start);
}

function hasBom(bytes: Buffer, p: number): boolean {
  return bytes[p] === 0xef && bytes[p + 1] === 0xbb && bytes[p + 2] === 0xbf;
}

function columnsFromBytes(body: Buffer, d: number, hasHeaderOption: boolean | 'auto', options: CommonOptions): ParsedTable {
  const { file } = options;
  const n = body.length;
  const f = createFieldBounds();
  let pos = 0;
  let record = 0;
  let next = 0;
  for (;;) {
    if (pos >= n) throw new SegmentKitError('E_EMPTY', 'There is no data: every cell is blank', { location: { file }, hint: 'Choose the sheet or range that holds the data.' });
    next = scanRecord(body, pos, d, f);
    if (lastFilled(body, f) >= 0) break;
    pos = next;
    record++;
  }
  const headerCells: string[] = [];
  for (let k = 0; k < f.count; k++) headerCells.push(fieldString(body, f.start[k], f.end[k]));
  const hasHeader = hasHeaderOption === 'auto' ? looksLikeHeader(headerCells) : hasHeaderOption;
  const dataPos = hasHeader ? next : pos;
  const dataRecord = hasHeader ? record + 1 : record;
  const width = hasHeader ? f.count : widest(body, dataPos, d);

  let capacity = estimateRecords(body, dataPos);
  let rowSources: Int32Array = new Int32Array(capacity);
  const columns: ByteColumn[] = [];
  for (let c = 0; c < width; c++) columns.push(new ByteColumn(body, capacity));
  /** A column that turns out not to be numeric re-reads the rows before it, in order, as text. */
  const replay = (column: ByteColumn, c: number, upto: number): void => {
    const g = createFieldBounds();
    let p = dataPos;
    for (let i = 0; i < upto; ) {
      p = scanRecord(body, p, d, g);
      if (!isDataRecord(body, g)) continue;
      if (c < g.count) column.addText(g.start[c], g.end[c], i);
      else column.addMissing(i);
      i++;
    }
  };
  // Records are cut a chunk at a time into per-column field bounds, then each column takes its
  // chunk in one tight loop: every loop then sees one kind of column and one interner.
  const chunk = new ChunkBounds(width, n);
  let rows = 0;
  let blankRows = 0;
  let lastDataRecord = -1;
  let shortRows = 0;
  const firstShort: number[] = [];
  let r = dataRecord;
  pos = dataPos;
  while (pos < n) {
    let j = 0;
    for (; pos < n && j < CHUNK_ROWS; pos = next, r++) {
      next = scanRecord(body, pos, d, f);
      if (!isDataRecord(body, f)) {
        blankRows++;
        continue;
      }
      if (f.count > width) {
        const filled = lastFilled(body, f);
        if (filled >= width) {
          throw new SegmentKitError('E_RAGGED_ROW', `Row ${r + 1} has ${filled + 1} values but the header has ${width} columns`, {
            location: { file, row: r + 1 },
            hint: 'Give the extra values a header, or check the delimiter and quoting of that row.',
          });
        }
      } else if (f.count < width) {
        shortRows++;
        if (firstShort.length < 5) firstShort.push(r + 1);
      }
      chunk.store(f, j);
      chunk.rowSources[j++] = r + 1;
      lastDataRecord = r;
    }
    if (rows + j > capacity) {
      capacity = Math.max(rows + j, Math.ceil(capacity * 1.5));
      rowSources = growInt(rowSources, capacity);
      for (const column of columns) column.grow(capacity);
    }
    rowSources.set(chunk.rowSources.subarray(0, j), rows);
    for (let c = 0; c < width; c++) {
      const column = columns[c];
      const from = c * CHUNK_ROWS;
      const at = column.addChunk(chunk.start, chunk.end, from, j, rows);
      if (at < j) {
        column.toText();
        replay(column, c, rows + at);
        column.addChunk(chunk.start, chunk.end, from + at, j - at, rows + at);
      }
    }
    rows += j;
  }
  const warnings: IngestWarning[] = [];
  const inside = rows > 0 ? blankRows - (r - 1 - lastDataRecord) : 0;
  if (inside > 0) warnings.push({ code: 'W_BLANK_ROWS', message: `Skipped ${inside} blank row(s) inside the data`, count: inside });
  if (shortRows > 0) {
    warnings.push({
      code: 'W_SHORT_ROWS',
      message: `${shortRows} row(s) have fewer values than the header (first: row ${firstShort.join(', ')}); the missing cells are blank`,
      count: shortRows,
    });
  }
  const cells = columns.map((column) => column.finish(rows));
  const parsed = tableFromColumns(hasHeader ? headerCells : null, cells, fit(rowSources, rows), hasHeader ? record + 1 : 0, options);
  parsed.warnings.unshift(...warnings);
  return parsed;
}

/**
 * One column while the file is read: plain numbers into a Float64Array until a cell is not one,
 * then codes of interned byte strings. Arrays are sized once from an estimate of the row count
 * and grow by half when it falls short.
 */
class ByteColumn {
  /** Null until the column's first plain number: text columns never allocate a row of doubles. */
  private numbers: Float64Array | null = null;
  private codes: Int32Array | null = null;
  private interner: ByteInterner | null = null;
  private readonly first = new Float64Array(1);

  constructor(
    private readonly bytes: Buffer,
    private capacity: number,
  ) {}

  /**
   * Stores `count` fields from the bounds at `from` as rows `row`, `row + 1`, …; returns how many
   * it stored, fewer than `count` when a numeric column meets a cell that is not a plain number.
   */
  addChunk(start: Float64Array, end: Float64Array, from: number, count: number, row: number): number {
    const { bytes } = this;
    if (this.codes) {
      const codes = this.codes;
      const interner = this.interner as ByteInterner;
      for (let j = 0; j < count; j++) {
        const s = start[from + j];
        const e = end[from + j];
        codes[row + j] = s === e ? -1 : interner.intern(s, e);
      }
      return count;
    }
    if (!this.numbers) {
      if (count === 0 || !storePlainNumber(bytes, start[from], end[from], this.first, 0)) return 0;
      this.numbers = new Float64Array(this.capacity);
    }
    const numbers = this.numbers;
    for (let j = 0; j < count; j++) if (!storePlainNumber(bytes, start[from + j], end[from + j], numbers, row + j)) return j;
    return count;
  }

  addText(s: number, e: number, i: number): void {
    (this.codes as Int32Array)[i] = s === e ? -1 : (this.interner as ByteInterner).intern(s, e);
  }

  addMissing(i: number): void {
    (this.codes as Int32Array)[i] = -1;
  }

  toText(): void {
    this.numbers = null;
    this.codes = new Int32Array(this.capacity);
    this.interner = new ByteInterner(this.bytes);
  }

  grow(capacity: number): void {
    this.capacity = capacity;
    if (this.codes) this.codes = growInt(this.codes, capacity);
    else if (this.numbers) {
      const out = new Float64Array(capacity);
      out.set(this.numbers);
      this.numbers = out;
    }
  }

  finish(rows: number): ColumnCells {
    if (!this.codes) return { kind: 'numbers', values: this.numbers ? fit(this.numbers, rows) : new Float64Array(rows) };
    const codes = fit(this.codes, rows);
    const interner = this.interner as ByteInterner;
    const strings = interner.strings();
    if (!interner.quoted) return { kind: 'coded', codes, values: strings };
    // `"a"` and `a` are different bytes but one value: merge them, keeping first appearance order.
    const index = new Map<string, number>();
    const values: string[] = [];
    const remap = new Int32Array(strings.length);
    for (let k = 0; k < strings.length; k++) {
      let code = index.get(strings[k]);
      if (code === undefined) {
        code = values.length;
        values.push(strings[k]);
        index.set(strings[k], code);
      }
      remap[k] = code;
    }
    if (values.length < strings.length) for (let i = 0; i < rows; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
    return { kind: 'coded', codes, values };
  }
}

/** Records per chunk: small enough for a chunk's bounds to stay in cache, big enough to amortise the per-column loops. */
const CHUNK_ROWS = 4096;

/**
 * One chunk of records as per-column field bounds (column-major). A cell missing from a short
 * record gets the empty range at the end of the body, which every column stores as missing.
 */
class ChunkBounds {
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly rowSources = new Int32Array(CHUNK_ROWS);

  constructor(
    private readonly width: number,
    private readonly missingAt: number,
  ) {
    this.start = new Float64Array(width * CHUNK_ROWS);
    this.end = new Float64Array(width * CHUNK_ROWS);
  }

  store(f: FieldBounds, j: number): void {
    const { width, start, end } = this;
    const filled = Math.min(f.count, width);
    for (let c = 0; c < filled; c++) {
      start[c * CHUNK_ROWS + j] = f.start[c];
      end[c * CHUNK_ROWS + j] = f.end[c];
    }
    for (let c = filled; c < width; c++) start[c * CHUNK_ROWS + j] = end[c * CHUNK_ROWS + j] = this.missingAt;
  }
}

/** Records from byte `from` on, estimated from the line breaks in the first megabyte, with a little room. */
function estimateRecords(body: Buffer, from: number): number {
  const sampleEnd = Math.min(body.length, from + 2 ** 20);
  let breaks = 0;
  for (let p = body.indexOf(10, from); p >= 0 && p < sampleEnd; p = body.indexOf(10, p + 1)) breaks++;
  if (breaks === 0) return 1024;
  return Math.ceil(((breaks * (body.length - from)) / (sampleEnd - from)) * 1.02) + 64;
}

/** Without a header, the table is as wide as the widest filled record. */
function widest(body: Buffer, from: number, d: number): number {
  const g = createFieldBounds();
  let width = 0;
  for (let p = from; p < body.length; ) {
    p = scanRecord(body, p, d, g);
    width = Math.max(width, lastFilled(body, g) + 1);
  }
  return width;
}

function isDataRecord(body: Buffer, f: FieldBounds): boolean {
  const s = f.start[0];
  const b = body[s];
  // A visible ASCII first byte settles it; only records that start blank or quoted are checked whole.
  if (f.end[0] > s && b > 32 && b !== 34 && b < 0x80) return true;
  return lastFilled(body, f) >= 0;
}

function lastFilled(body: Buffer, f: FieldBounds): number {
  for (let k = f.count - 1; k >= 0; k--) if (!isBlankField(body, f.start[k], f.end[k])) return k;
  return -1;
}

function growInt(a: Int32Array, capacity: number): Int32Array {
  const out = new Int32Array(capacity);
  out.set(a);
  return out;
}

/** The first `rows` entries; copied when the spare room is worth giving back. */
function fit<T extends Int32Array | Float64Array>(a: T, rows: number): T {
  return (a.length - rows > rows / 8 ? a.slice(0, rows) : a.subarray(0, rows)) as T;
}
