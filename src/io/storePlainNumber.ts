const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const MAX_EXACT_DIGITS = 15;

/**
 * Reads the field in `bytes[s, e)` as a plain decimal (`-12`, `0.5`, `1.5e-7`; quotes around it
 * allowed) straight from the bytes into `out[i]`: exactly `+text` for the texts `isPlainDecimal`
 * accepts, NaN for an empty field. Returns false, storing nothing, for anything else (leading
 * zeros, spaces, decimal commas, overflow), which the caller reads the general way. Storing
 * rather than returning the number keeps a million calls from boxing a million doubles.
 *
 * @example
 * const out = new Float64Array(1);
 * storePlainNumber(Buffer.from('x,-12.5,'), 2, 7, out, 0); // true, out[0] === -12.5
 */
export function storePlainNumber(bytes: Uint8Array, s: number, e: number, out: Float64Array, i: number): boolean {
  let p = s;
  if (bytes[p] === 34) {
    if (e - p < 2 || bytes[e - 1] !== 34) return false;
    p++;
    e--;
  }
  if (p === e) {
    out[i] = NaN;
    return true;
  }
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
  if (digits === 0 || (digits > 1 && bytes[intStart] === 48)) return false;
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
    if (scale === 0) return false;
    digits += scale;
  }
  if (p < e && (bytes[p] | 32) === 101) {
    let x = p + 1;
    if (x < e && (bytes[x] === 43 || bytes[x] === 45)) x++;
    if (x === e) return false;
    for (; x < e; x++) if (bytes[x] < 48 || bytes[x] > 57) return false;
    return viaString(bytes, signAt, e, out, i);
  }
  if (p !== e) return false;
  if (digits > MAX_EXACT_DIGITS || scale >= POW10.length) return viaString(bytes, signAt, e, out, i);
  const magnitude = mantissa / POW10[scale];
  out[i] = negative ? -magnitude : magnitude;
  return true;
}

/** Exponents and long mantissas go through the engine's own decimal conversion, so rounding matches `+text`. */
function viaString(bytes: Uint8Array, s: number, e: number, out: Float64Array, i: number): boolean {
  let text = '';
  for (let p = s; p < e; p++) text += String.fromCharCode(bytes[p]);
  const v = +text;
  if (!Number.isFinite(v)) return false;
  out[i] = v;
  return true;
}
