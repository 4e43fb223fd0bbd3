/** Digits a key may hold and still be an exact integer in a double. */
const MAX_DIGITS = 15;
/** Template entry that stands for any digit; every other entry is a byte that must match. */
const DIGIT = 256;
/** A lane's direct table may span this many keys, or 64 per value it holds when that is more. */
const MIN_SPAN = 1 << 16;
const SPAN_PER_VALUE = 64;

/**
 * Codes of the fields that share one shape, found by array index instead of hashing. The shape
 * is that of the field the lane starts from: the same length, the same non-digit bytes, digits
 * elsewhere (`C0000001`, `2024-03-31`, `100001`). Within a shape the digits, read as one integer,
 * name the field exactly, so the key indexes a table of codes spanning the keys seen so far.
 * Two lanes never accept the same field: their templates differ at a position where one wants
 * a digit and the other a non-digit byte, or where both want different bytes.
 *
 * @example
 * const b = Buffer.from('C1,C2,C1');
 * const lane = DigitLane.from(b, 0, 2)!;
 * lane.key(b, 3, 2); // 2
 * lane.key(b, 0, 1); // -1: another shape
 */
export class DigitLane {
  private base = 0;
  private low = 0;
  private high = -1;
  private codes = new Int32Array(0);
  /** Values held: each has a code in `codes`. */
  count = 0;

  private constructor(private readonly template: Int32Array) {}

  /** A lane for the shape of `bytes[s, s + len)`, or null when the field has no digits or too many. */
  static from(bytes: Uint8Array, s: number, len: number): DigitLane | null {
    const template = new Int32Array(len);
    let digits = 0;
    for (let k = 0; k < len; k++) {
      const b = bytes[s + k];
      if (b >= 48 && b <= 57) {
        template[k] = DIGIT;
        digits++;
      } else template[k] = b;
    }
    return digits === 0 || digits > MAX_DIGITS ? null : new DigitLane(template);
  }

  /** The field's digits as an integer when it has the lane's shape, else -1. */
  key(bytes: Uint8Array, s: number, len: number): number {
    const { template } = this;
    if (len !== template.length) return -1;
    let key = 0;
    for (let k = 0; k < len; k++) {
      const b = bytes[s + k];
      const t = template[k];
      if (t === DIGIT) {
        const d = b - 48;
        if (d < 0 || d > 9) return -1;
        key = key * 10 + d;
      } else if (b !== t) return -1;
    }
    return key;
  }

  /** The code stored for `key`, -1 when none is (yet). */
  get(key: number): number {
    const offset = key - this.base;
    return offset >= 0 && offset < this.codes.length ? this.codes[offset] : -1;
  }

  /**
   * Stores a new key's code; false, storing nothing, when the table would grow too sparse
   * (the keys spread far wider than their number), which is the caller's cue to hash instead.
   */
  set(key: number, code: number): boolean {
    let offset = key - this.base;
    if (offset < 0 || offset >= this.codes.length) {
      const low = this.count === 0 ? key : Math.min(key, this.low);
      const high = this.count === 0 ? key : Math.max(key, this.high);
      const span = high - low + 1;
      const limit = Math.max(MIN_SPAN, SPAN_PER_VALUE * (this.count + 1));
      if (span > limit) return false;
      // Room on the side that moved, so keys rising one by one do not copy the table each time.
      const length = Math.min(limit, Math.max(1024, span * 2));
      const base = this.count > 0 && key < this.low ? high - length + 1 : low;
      const grown = new Int32Array(length).fill(-1);
      if (this.count > 0) grown.set(this.codes.subarray(this.low - this.base, this.high - this.base + 1), this.low - base);
      this.codes = grown;
      this.base = base;
      offset = key - base;
    }
    this.codes[offset] = code;
    if (this.count === 0 || key < this.low) this.low = key;
    if (this.count === 0 || key > this.high) this.high = key;
    this.count++;
    return true;
  }
}
