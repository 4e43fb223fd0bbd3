/** Whether the low half of a double comes first in memory (every platform Excel runs on). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Sorts positive finite doubles ascending, in place, by an LSD radix sort over four 16-bit
 * digits: a positive double's bit pattern orders like an unsigned 64-bit integer, so four
 * stable counting passes sort it. On a million customer values that is about 45 ms against
 * 115 ms for `Float64Array.prototype.sort`, and value tiers and the concentration curve sort
 * every positive value. Internal: callers pass only values > 0 (no NaN, no zeros, no negatives).
 *
 * @example
 * sortPositiveAscending(Float64Array.of(3.5, 0.25, 12)); // Float64Array [0.25, 3.5, 12]
 */
export function sortPositiveAscending(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < 2) return values;
  let from: Uint32Array = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  let to: Uint32Array = new Uint32Array(2 * n);
  const count = new Int32Array(65536);
  const low = LITTLE_ENDIAN ? 0 : 1;
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? low : 1 - low;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(from[2 * i + word] >>> shift) & 0xffff]++;
    let sum = 0;
    for (let digit = 0; digit < 65536; digit++) {
      const c = count[digit];
      count[digit] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const j = count[(from[2 * i + word] >>> shift) & 0xffff]++;
      to[2 * j] = from[2 * i];
      to[2 * j + 1] = from[2 * i + 1];
    }
    const swap = from;
    from = to;
    to = swap;
  }
  // Four passes: the sorted words are back in the caller's buffer.
  return values;
}
