import { DigitLane } from './DigitLane';
import { fieldString } from './fieldString';

/** Shapes a column may have before the rest of its fields are hashed: ids with and without a prefix, a few date layouts. */
const MAX_LANES = 4;

/**
 * Numbers the distinct byte strings of one column in order of first appearance, straight from
 * the bytes: a column of 8 million cells with 100,000 distinct customer ids costs 100,000
 * decoded strings, not 8 million. Keys are compared against their first occurrence in `bytes`,
 * which must not change while the interner lives.
 *
 * Fields of a few shapes (`C0000001`, `2024-03-31`, `100001`: see {@link DigitLane}) are found
 * by array index, with no hashing; the rest go to a hash table. The first field that no lane
 * can take closes the lanes to new shapes, and a lane whose keys spread too thin moves its
 * values to the hash table, so each field's shape sends it to one place for good.
 *
 * @example
 * const b = Buffer.from('C1,C2,C1');
 * const ids = new ByteInterner(b);
 * [ids.intern(0, 2), ids.intern(3, 5), ids.intern(6, 8)]; // [0, 1, 0]
 * ids.strings(); // ['C1', 'C2']
 */
export class ByteInterner {
  private readonly view: DataView;
  private size = 0;
  private starts = new Uint32Array(1024);
  private lens = new Int32Array(1024);
  private lastStart = 0;
  private lastLen = -1;
  private lastCode = -1;
  private anyQuoted = false;

  private lanes: DigitLane[] = [];
  private lanesOpen = true;

  /** Open addressing, two Int32 per slot (code, hash) so a probe touches one cache line. */
  private mask = 1023;
  private slots = new Int32Array(2048).fill(-1);
  private hashedCount = 0;

  constructor(private readonly bytes: Buffer) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The code of `bytes[s, e)`. */
  intern(s: number, e: number): number {
    const len = e - s;
    // Order lines of one customer or invoice are adjacent: most cells equal the previous one.
    if (len === this.lastLen && sameBytes(this.view, this.bytes, s, this.lastStart, len)) return this.lastCode;
    let code = this.lanes.length > 0 || this.lanesOpen ? this.laneCode(s, len) : -1;
    if (code < 0) code = this.hashed(s, len);
    this.lastStart = s;
    this.lastLen = len;
    this.lastCode = code;
    return code;
  }

  /** Where each code's first occurrence lies in the bytes, by code (views of the interner's own arrays). */
  fields(): { starts: Uint32Array; lens: Int32Array } {
    return { starts: this.starts.subarray(0, this.size), lens: this.lens.subarray(0, this.size) };
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
    const { bytes, starts, lens, size } = this;
    let total = 0;
    for (let k = 0; k < size; k++) if (bytes[starts[k]] !== 34) total += lens[k] + 1;
    const joined = Buffer.allocUnsafe(total);
    let q = 0;
    for (let k = 0; k < size; k++) {
      const s = starts[k];
      if (bytes[s] === 34) continue;
      const e = s + lens[k];
      if (e - s > 64) q += bytes.copy(joined, q, s, e);
      else for (let p = s; p < e; p++) joined[q++] = bytes[p];
      joined[q++] = 10;
    }
    const plain = joined.toString('utf8', 0, q).split('\n');
    const out: string[] = new Array(size);
    for (let k = 0, j = 0; k < size; k++) out[k] = bytes[starts[k]] === 34 ? fieldString(bytes, starts[k], starts[k] + lens[k]) : plain[j++];
    return out;
  }

  /** The code of a field whose shape has a lane (added when new), else -1. */
  private laneCode(s: number, len: number): number {
    const { bytes, lanes } = this;
    for (let l = 0; l < lanes.length; l++) {
      const lane = lanes[l];
      const key = lane.key(bytes, s, len);
      if (key < 0) continue;
      const code = lane.get(key);
      if (code >= 0) return code;
      if (lane.set(key, this.size)) return this.append(s, len);
      this.dropLane(l);
      return -1;
    }
    if (this.lanesOpen) {
      const lane = lanes.length < MAX_LANES ? DigitLane.from(bytes, s, len) : null;
      if (lane) {
        lanes.push(lane);
        lane.set(lane.key(bytes, s, len), this.size);
        return this.append(s, len);
      }
      this.lanesOpen = false;
    }
    return -1;
  }

  /** Moves a lane's values into the hash table, where its shape is looked up from now on. */
  private dropLane(l: number): void {
    const [lane] = this.lanes.splice(l, 1);
    this.lanesOpen = false;
    for (let k = 0; k < this.size; k++) {
      if (lane.key(this.bytes, this.starts[k], this.lens[k]) < 0) continue;
      this.hashedCount++;
      if (this.hashedCount * 2 > this.mask) this.rehash();
      this.place(k, hashBytes(this.view, this.bytes, this.starts[k], this.lens[k]));
    }
  }

  private hashed(s: number, len: number): number {
    const { view, bytes, slots, mask } = this;
    const h = hashBytes(view, bytes, s, len);
    let slot = h & mask;
    let code = slots[2 * slot];
    while (code >= 0) {
      if (slots[2 * slot + 1] === h && this.lens[code] === len && sameBytes(view, bytes, s, this.starts[code], len)) return code;
      slot = (slot + 1) & mask;
      code = slots[2 * slot];
    }
    code = this.append(s, len);
    slots[2 * slot] = code;
    slots[2 * slot + 1] = h;
    if (++this.hashedCount * 2 > mask) this.rehash();
    return code;
  }

  private append(s: number, len: number): number {
    const code = this.size++;
    if (code === this.starts.length) {
      const starts = new Uint32Array(code * 2);
      starts.set(this.starts);
      this.starts = starts;
      const lens = new Int32Array(code * 2);
      lens.set(this.lens);
      this.lens = lens;
    }
    if (this.bytes[s] === 34) this.anyQuoted = true;
    this.starts[code] = s;
    this.lens[code] = len;
    return code;
  }

  private rehash(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array((this.mask + 1) * 2).fill(-1);
    for (let slot = 0; slot < old.length; slot += 2) if (old[slot] >= 0) this.place(old[slot], old[slot + 1]);
  }

  private place(code: number, h: number): void {
    const { slots, mask } = this;
    let slot = h & mask;
    while (slots[2 * slot] >= 0) slot = (slot + 1) & mask;
    slots[2 * slot] = code;
    slots[2 * slot + 1] = h;
  }
}

/** Four bytes per multiply: the hash's dependency chain, not the loads, bounds this loop. */
function hashBytes(view: DataView, bytes: Uint8Array, s: number, len: number): number {
  const e = s + len;
  let h = Math.imul(len, 0x9e3779b1);
  let p = s;
  for (; p + 4 <= e; p += 4) {
    h = Math.imul(h ^ view.getInt32(p, true), 0x5bd1e995);
    h ^= h >>> 15;
  }
  for (; p < e; p++) h = Math.imul(h ^ bytes[p], 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/** Compares four bytes at a time from the end: ids and dates that share a prefix differ in their last bytes. */
function sameBytes(view: DataView, bytes: Uint8Array, a: number, b: number, len: number): boolean {
  let k = len - 4;
  for (; k >= 0; k -= 4) if (view.getInt32(a + k, true) !== view.getInt32(b + k, true)) return false;
  for (k += 3; k >= 0; k--) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}
