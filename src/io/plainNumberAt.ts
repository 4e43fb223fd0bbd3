/** What {@link plainNumberAt} returns for a field that is not a plain decimal (never a plain value: those are finite). */
export const NOT_PLAIN = -Infinity;

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const MAX_EXACT_DIGITS = 15;

/**
 * The field in `bytes[s, e)` read as a plain decimal (`-12`, `0.5`, `1.5e-7`; quotes around it
 * allowed) straight from the bytes: exactly `+text` for the texts `isPlainDecimal` accepts, NaN
 * for an empty field, and {@link NOT_PLAIN} for anything else (leading zeros, spaces, decimal
 * commas, overflow), which the caller reads the general way.
 *
 * @example
 * plainNumberAt(Buffer.from('x,-12.5,'), 2, 7); // -12.5
 */
export function plainNumberAt(bytes: Uint8Array, s: number, e: number): number {
  let p = s;
  if (bytes[p] === 34) {
    if (e - p < 2 || bytes[e - 1] !== 34) return NOT_PLAIN;
    p++;
    e--;
  }
  if (p === e) return NaN;
  const signAt = p;
  let negative = false;
  if (bytes[p] === 45) {
    negative = true;
    p++;
  }
  const intStart = p;
  let mantissa = 0;
  while (p < e) {
    const d = bytes[p] - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    p++;
  }
  let digits = p - intStart;
  if (digits === 0 || (digits > 1 && bytes[intStart] === 48)) return NOT_PLAIN;
  let scale = 0;
  if (p < e && bytes[p] === 46) {
    p++;
    const fracStart = p;
    while (p < e) {
      const d = bytes[p] - 48;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      p++;
    }
    scale = p - fracStart;
    if (scale === 0) return NOT_PLAIN;
    digits += scale;
  }
  if (p < e && (bytes[p] | 32) === 101) {
    let x = p + 1;
    if (x < e && (bytes[x] === 43 || bytes[x] === 45)) x++;
    if (x === e) return NOT_PLAIN;
    for (; x < e; x++) if (bytes[x] < 48 || bytes[x] > 57) return NOT_PLAIN;
    return viaString(bytes, signAt, e);
  }
  if (p !== e) return NOT_PLAIN;
  if (digits > MAX_EXACT_DIGITS || scale >= POW10.length) return viaString(bytes, signAt, e);
  const magnitude = mantissa / POW10[scale];
  return negative ? -magnitude : magnitude;
}

/** Exponents and long mantissas go through the engine's own decimal conversion, so rounding matches `+text`. */
function viaString(bytes: Uint8Array, s: number, e: number): number {
  let text = '';
  for (let p = s; p < e; p++) text += String.fromCharCode(bytes[p]);
  const v = +text;
  return Number.isFinite(v) ? v : NOT_PLAIN;
}
