import type { ColumnCells } from '../core/ingest/inferColumn';
import { ByteColumn, type ColumnPart } from './ByteColumn';
import { CHUNK_ROWS, ChunkBounds } from './ChunkBounds';
import { fitRows } from './fitRows';
import type { UnclosedQuote } from './parseDelimitedRecords';
import { isDataRecord, lastFilled } from './recordFields';
import { createFieldBounds, scanRecord } from './scanRecord';

/** Where a record has more values than the header has columns; `record` counts from the range's first record. */
export interface RaggedRecord {
  record: number;
  values: number;
}

/** What a range read on another thread sends back (record numbers relative to its first record). */
export interface RangePart {
  rows: number;
  records: number;
  blankRows: number;
  lastDataRecord: number;
  shortRows: number;
  firstShort: number[];
  ragged: RaggedRecord | null;
  unclosed: UnclosedQuote | null;
  rowSources: Int32Array;
  columns: ColumnPart[];
}

/** Rows listed by number in the short-rows warning. */
const SHORT_EXAMPLES = 5;

/**
 * The data records of a delimited file from byte `startPos` on, read into columns: blank
 * records skipped and counted, short records padded with missing cells and counted, the first
 * record with more values than the header remembered (the reader reports it). Records are cut a
 * chunk at a time into per-column field bounds, then each column takes its chunk in one tight
 * loop that sees one kind of column and one interner. `record` numbers records (0-based, blank
 * ones included) from `startRecord`.
 *
 * @example
 * const range = new RecordRange(body, 44, 3, dataPos, 1, 1024);
 * range.read(body.length);
 * range.rows; // data records read
 */
export class RecordRange {
  readonly columns: ByteColumn[] = [];
  rowSources: Int32Array;
  rows = 0;
  blankRows = 0;
  lastDataRecord = -1;
  shortRows = 0;
  readonly firstShort: number[] = [];
  ragged: RaggedRecord | null = null;
  /** A quote that never closes: its record runs to the end of the bytes. */
  unclosed: UnclosedQuote | null = null;
  pos: number;
  record: number;
  private readonly chunk: ChunkBounds;

  constructor(
    private readonly body: Buffer,
    private readonly delimiter: number,
    readonly width: number,
    readonly startPos: number,
    readonly startRecord: number,
    private capacity: number,
  ) {
    this.pos = startPos;
    this.record = startRecord;
    this.rowSources = new Int32Array(capacity);
    for (let c = 0; c < width; c++) this.columns.push(new ByteColumn(body, capacity));
    this.chunk = new ChunkBounds(width, body.length);
  }

  /** Reads records while they start before `stopAt`, or up to the first ragged record. */
  read(stopAt: number): void {
    const { body, delimiter: d, width, chunk } = this;
    const f = createFieldBounds();
    const end = Math.min(stopAt, body.length);
    while (this.pos < end && !this.ragged) {
      let j = 0;
      let pos = this.pos;
      let r = this.record;
      for (; pos < end && j < CHUNK_ROWS; r++) {
        const next = scanRecord(body, pos, d, f);
        if (f.unclosed >= 0) this.unclosed = { record: r, field: f.unclosed };
        if (!isDataRecord(body, f)) {
          this.blankRows++;
          pos = next;
          continue;
        }
        if (f.count > width) {
          const filled = lastFilled(body, f);
          if (filled >= width) {
            this.ragged = { record: r, values: filled + 1 };
            break;
          }
        } else if (f.count < width) {
          this.shortRows++;
          if (this.firstShort.length < SHORT_EXAMPLES) this.firstShort.push(r + 1);
        }
        chunk.store(f, j);
        chunk.rowSources[j++] = r + 1;
        this.lastDataRecord = r;
        pos = next;
      }
      this.pos = pos;
      this.record = r;
      this.take(j);
    }
  }

  /** The columns as the table builder takes them. */
  cells(): ColumnCells[] {
    return this.columns.map((column) => column.finish(this.rows));
  }

  fittedRowSources(): Int32Array {
    return fitRows(this.rowSources, this.rows);
  }

  /** Everything read, to send to the thread that assembles the table (views of this range's arrays). */
  part(): RangePart {
    const { rows, blankRows, lastDataRecord, shortRows, firstShort, ragged, unclosed } = this;
    const columns = this.columns.map((column) => column.part(rows));
    return { rows, records: this.record - this.startRecord, blankRows, lastDataRecord, shortRows, firstShort, ragged, unclosed, rowSources: this.rowSources.subarray(0, rows), columns };
  }

  /**
   * Appends a range that another thread read from byte `this.pos` on (record numbers shifted to
   * follow this range's), as if this range had read on: columns that one side read as text and
   * the other as numbers become text, re-reading the numeric side's cells.
   */
  absorb(part: RangePart): void {
    const base = this.record;
    const at = this.rows;
    const rows = at + part.rows;
    if (rows > this.capacity) this.grow(rows);
    for (let i = 0; i < part.rows; i++) this.rowSources[at + i] = part.rowSources[i] + base;
    for (let c = 0; c < this.width; c++) {
      const column = this.columns[c];
      const theirs = part.columns[c];
      if (theirs.kind === 'text' && !column.isText) {
        column.toText();
        this.replay(c, this.startPos, 0, at);
      }
      if (column.isText && theirs.kind === 'numbers') this.replay(c, this.pos, at, part.rows);
      else column.absorb(theirs, at);
    }
    this.rows = rows;
    this.blankRows += part.blankRows;
    this.shortRows += part.shortRows;
    for (const row of part.firstShort) if (this.firstShort.length < SHORT_EXAMPLES) this.firstShort.push(row + base);
    if (part.rows > 0) this.lastDataRecord = part.lastDataRecord + base;
    if (part.ragged) this.ragged = { record: part.ragged.record + base, values: part.ragged.values };
    if (part.unclosed) this.unclosed = { record: part.unclosed.record + base, field: part.unclosed.field };
    this.record = base + part.records;
  }

  /** Stores the chunk's `j` records as the next rows, turning a column to text at its first non-number. */
  private take(j: number): void {
    const { chunk, rows } = this;
    if (rows + j > this.capacity) this.grow(Math.max(rows + j, Math.ceil(this.capacity * 1.5)));
    this.rowSources.set(chunk.rowSources.subarray(0, j), rows);
    for (let c = 0; c < this.width; c++) {
      const column = this.columns[c];
      const from = c * CHUNK_ROWS;
      const stored = column.addChunk(chunk.start, chunk.end, from, j, rows);
      if (stored < j) {
        column.toText();
        this.replay(c, this.startPos, 0, rows + stored);
        column.addChunk(chunk.start, chunk.end, from + stored, j - stored, rows + stored);
      }
    }
    this.rows += j;
  }

  private grow(capacity: number): void {
    this.capacity = capacity;
    const rowSources = new Int32Array(capacity);
    rowSources.set(this.rowSources);
    this.rowSources = rowSources;
    for (const column of this.columns) column.grow(capacity);
  }

  /** Re-reads column `c` of `count` data records from byte `from` on as text, into rows `at` on. */
  private replay(c: number, from: number, at: number, count: number): void {
    const { body, delimiter } = this;
    const column = this.columns[c];
    const g = createFieldBounds();
    let p = from;
    for (let i = 0; i < count; ) {
      p = scanRecord(body, p, delimiter, g);
      if (!isDataRecord(body, g)) continue;
      if (c < g.count) column.addText(g.start[c], g.end[c], at + i);
      else column.addMissing(at + i);
      i++;
    }
  }
}
