import type { ColumnCells } from '../core/ingest/inferColumn';
import { ByteInterner } from './ByteInterner';
import { fitRows as fit } from './fitRows';
import { storePlainNumber } from './storePlainNumber';

/**
 * A column read on another thread, as it travels back: its plain numbers, or per row a code and
 * per code where its first occurrence lies in the shared bytes.
 */
export type ColumnPart = { kind: 'numbers'; values: Float64Array } | { kind: 'text'; codes: Int32Array; starts: Uint32Array; lens: Int32Array };

/**
 * One column while a CSV file is read from its bytes: plain numbers into a Float64Array until a
 * cell is not one, then codes of interned byte strings. Arrays are sized from an estimate of
 * the row count and grow when it falls short.
 *
 * @example
 * const column = new ByteColumn(bytes, 1024);
 * column.addChunk(chunk.start, chunk.end, 0, 100, 0); // 100 when all 100 cells are plain numbers
 */
export class ByteColumn {
  /** Null until the column's first plain number: text columns never allocate a row of doubles. */
  private numbers: Float64Array | null = null;
  private codes: Int32Array | null = null;
  private interner: ByteInterner | null = null;
  private readonly first = new Float64Array(1);

  constructor(
    private readonly bytes: Buffer,
    private capacity: number,
  ) {}

  get isText(): boolean {
    return this.codes !== null;
  }

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

  /** Stores row `i` of a text column. */
  addText(s: number, e: number, i: number): void {
    (this.codes as Int32Array)[i] = s === e ? -1 : (this.interner as ByteInterner).intern(s, e);
  }

  /** Stores row `i` of a text column as missing. */
  addMissing(i: number): void {
    (this.codes as Int32Array)[i] = -1;
  }

  /** Turns the column into text; the caller re-reads the rows stored so far. */
  toText(): void {
    this.numbers = null;
    this.codes = new Int32Array(this.capacity);
    this.interner = new ByteInterner(this.bytes);
  }

  grow(capacity: number): void {
    this.capacity = capacity;
    if (this.codes) this.codes = grown(this.codes, new Int32Array(capacity));
    else if (this.numbers) this.numbers = grown(this.numbers, new Float64Array(capacity));
  }

  /** The first `rows` rows, to send (views, not copies: their buffers are transferred) to the thread that assembles the table. */
  part(rows: number): ColumnPart {
    if (!this.codes) return { kind: 'numbers', values: this.numbers ? this.numbers.subarray(0, rows) : new Float64Array(rows) };
    return { kind: 'text', codes: this.codes.subarray(0, rows), ...(this.interner as ByteInterner).fields() };
  }

  /**
   * Appends a part read on another thread as rows `at` on: numbers as they are (this column
   * being numeric too), codes by interning each of the part's distinct fields here once, so
   * codes keep the order of first appearance over the whole file.
   */
  absorb(part: ColumnPart, at: number): void {
    if (part.kind === 'numbers') {
      this.numbers ??= new Float64Array(this.capacity);
      this.numbers.set(part.values, at);
      return;
    }
    const interner = this.interner as ByteInterner;
    const map = new Int32Array(part.starts.length);
    for (let k = 0; k < map.length; k++) map[k] = interner.intern(part.starts[k], part.starts[k] + part.lens[k]);
    const codes = this.codes as Int32Array;
    const from = part.codes;
    for (let i = 0; i < from.length; i++) codes[at + i] = from[i] < 0 ? -1 : map[from[i]];
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

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
