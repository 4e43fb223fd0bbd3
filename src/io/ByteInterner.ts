import { fieldString } from './fieldString';

/**
 * Numbers the distinct byte strings of one column in order of first appearance, hashing the
 * bytes in place: a column of 8 million cells with 100,000 distinct customer ids costs 100,000
 * decoded strings, not 8 million. Keys are compared against their first occurrence in `bytes`,
 * which must not change while the interner lives.
 *
 * @example
 * const b = Buffer.from('C1,C2,C1');
 * const ids = new ByteInterner(b);
 * [ids.intern(0, 2), ids.intern(3, 5), ids.intern(6, 8)]; // [0, 1, 0]
 * ids.strings(); // ['C1', 'C2']
 */
export class ByteInterner {
  private mask = 1023;
  private slots = new Int32Array(1024).fill(-1);
  private hashes: Int32Array = new Int32Array(1024);
  private starts: Float64Array = new Float64Array(1024);
  private ends: Float64Array = new Float64Array(1024);
  private size = 0;
  private lastStart = 0;
  private lastEnd = -1;
  private lastCode = -1;
  private anyQuoted = false;

  constructor(private readonly bytes: Buffer) {}

  /** The code of `bytes[s, e)`. */
  intern(s: number, e: number): number {
    const { bytes } = this;
    const len = e - s;
    // Order lines of one customer or invoice are adjacent: most cells equal the previous one.
    if (len === this.lastEnd - this.lastStart && sameBytes(bytes, s, this.lastStart, len)) return this.lastCode;
    // Four bytes per multiply: the hash's dependency chain, not the loads, bounds this loop.
    let h = Math.imul(len, 0x9e3779b1);
    let p = s;
    for (; p + 4 <= e; p += 4) {
      h = Math.imul(h ^ (bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24)), 0x5bd1e995);
      h ^= h >>> 15;
    }
    for (; p < e; p++) h = Math.imul(h ^ bytes[p], 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    let slot = h & this.mask;
    let code = this.slots[slot];
    while (code >= 0) {
      if (this.hashes[code] === h && this.ends[code] - this.starts[code] === len && sameBytes(bytes, s, this.starts[code], len)) break;
      slot = (slot + 1) & this.mask;
      code = this.slots[slot];
    }
    if (code < 0) code = this.add(slot, h, s, e);
    this.lastStart = s;
    this.lastEnd = e;
    this.lastCode = code;
    return code;
  }

  /** Whether some interned field is quoted: only then can two codes read as the same string. */
  get quoted(): boolean {
    return this.anyQuoted;
  }

  /**
   * The fields as the general reader reads them (quotes undone), by code. Unquoted fields never
   * hold a line feed, so they are decoded in one call, joined by line feeds, and split again:
   * a million short ids cost one decode instead of a million.
   */
  strings(): string[] {
    const { bytes, starts, ends, size } = this;
    let total = 0;
    for (let k = 0; k < size; k++) if (bytes[starts[k]] !== 34) total += ends[k] - starts[k] + 1;
    const joined = Buffer.allocUnsafe(total);
    let q = 0;
    for (let k = 0; k < size; k++) {
      const s = starts[k];
      if (bytes[s] === 34) continue;
      const e = ends[k];
      if (e - s > 64) q += bytes.copy(joined, q, s, e);
      else for (let p = s; p < e; p++) joined[q++] = bytes[p];
      joined[q++] = 10;
    }
    const plain = joined.toString('utf8', 0, q).split('\n');
    const out: string[] = new Array(size);
    for (let k = 0, j = 0; k < size; k++) out[k] = bytes[starts[k]] === 34 ? fieldString(bytes, starts[k], ends[k]) : plain[j++];
    return out;
  }

  private add(slot: number, h: number, s: number, e: number): number {
    const code = this.size++;
    if (code === this.hashes.length) {
      this.hashes = growInt(this.hashes);
      this.starts = growFloat(this.starts);
      this.ends = growFloat(this.ends);
    }
    this.hashes[code] = h;
    if (this.bytes[s] === 34) this.anyQuoted = true;
    this.starts[code] = s;
    this.ends[code] = e;
    this.slots[slot] = code;
    if (this.size * 2 > this.mask) this.rehash();
    return code;
  }

  private rehash(): void {
    this.mask = this.mask * 2 + 1;
    const slots = new Int32Array(this.mask + 1).fill(-1);
    for (let k = 0; k < this.size; k++) {
      let slot = this.hashes[k] & this.mask;
      while (slots[slot] >= 0) slot = (slot + 1) & this.mask;
      slots[slot] = k;
    }
    this.slots = slots;
  }
}

/** Compares from the end: ids and dates that share a prefix differ in their last bytes. */
function sameBytes(bytes: Buffer, a: number, b: number, len: number): boolean {
  for (let k = len - 1; k >= 0; k--) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}

function growInt(a: Int32Array): Int32Array {
  const out = new Int32Array(a.length * 2);
  out.set(a);
  return out;
}

function growFloat(a: Float64Array): Float64Array {
  const out = new Float64Array(a.length * 2);
  out.set(a);
  return out;
}
