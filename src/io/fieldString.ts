/**
 * The text of the field in `bytes[s, e)` as the general CSV reader gives it: a quoted field loses
 * its quotes and has doubled quotes undone, and what follows its closing quote is kept as typed.
 *
 * @example
 * fieldString(Buffer.from('"a ""b"" c"'), 0, 11); // 'a "b" c'
 */
export function fieldString(bytes: Buffer, s: number, e: number): string {
  if (bytes[s] !== 34) return bytes.toString('utf8', s, e);
  const raw = bytes.toString('utf8', s + 1, e);
  const close = closingQuote(raw);
  return close < 0 ? raw.replace(/""/g, '"') : raw.slice(0, close).replace(/""/g, '"') + raw.slice(close + 1);
}

function closingQuote(raw: string): number {
  let i = 0;
  for (;;) {
    const q = raw.indexOf('"', i);
    if (q < 0 || raw.charCodeAt(q + 1) !== 34) return q;
    i = q + 2;
  }
}

/**
 * Whether the field in `bytes[s, e)` is blank (whitespace only once unquoted). Any other ASCII
 * byte settles it at once; only fields of spaces, quotes or non-ASCII bytes are decoded to ask
 * String.prototype.trim, which is what decides blankness for every reader.
 *
 * @example
 * isBlankField(Buffer.from(' "" '), 0, 4); // true
 */
export function isBlankField(bytes: Buffer, s: number, e: number): boolean {
  for (let p = s; p < e; p++) {
    const b = bytes[p];
    if (b === 32 || b === 34 || (b >= 9 && b <= 13) || b >= 0x80) continue;
    return false;
  }
  return fieldString(bytes, s, e).trim() === '';
}
