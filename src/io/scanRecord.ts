/** Byte ranges of one record's fields; reused from record to record, so scanning allocates nothing per row. */
export interface FieldBounds {
  /** Per field: first byte and end (exclusive); a field whose first byte is `"` is quoted. */
  start: Float64Array;
  end: Float64Array;
  count: number;
  /** The field whose opening quote is never closed (it runs to the end of the bytes), else -1. */
  unclosed: number;
}

/** A FieldBounds with room for `capacity` fields (it grows when a record has more). */
export function createFieldBounds(capacity = 16): FieldBounds {
  return { start: new Float64Array(capacity), end: new Float64Array(capacity), count: 0, unclosed: -1 };
}

/**
 * Cuts the record that begins at byte `pos` into fields per RFC 4180, the same rules as
 * parseDelimitedRecords on text: quoted fields may hold delimiters, doubled quotes and line
 * breaks; CRLF, LF or CR end a record; a delimiter right before the end adds an empty field.
 * Returns where the next record begins. Works on UTF-8 because every byte it looks for is ASCII,
 * which never occurs inside a multi-byte character.
 *
 * @example
 * const b = createFieldBounds();
 * scanRecord(Buffer.from('a,"x,y"\n1,2\n'), 0, 44, b); // 8, with b.count === 2
 */
export function scanRecord(bytes: Uint8Array, pos: number, delimiter: number, out: FieldBounds): number {
  const n = bytes.length;
  let i = pos;
  out.count = 0;
  out.unclosed = -1;
  for (;;) {
    const fieldStart = i;
    if (bytes[i] === 34) {
      i++;
      for (;;) {
        const q = bytes.indexOf(34, i);
        if (q < 0) {
          out.unclosed = out.count;
          i = n;
          break;
        }
        if (bytes[q + 1] === 34) i = q + 2;
        else {
          i = q + 1;
          break;
        }
      }
    }
    let c = 0;
    while (i < n) {
      c = bytes[i];
      if (c === delimiter || c === 10 || c === 13) break;
      i++;
    }
    push(out, fieldStart, i);
    if (i >= n) return n;
    if (c === delimiter) {
      i++;
      if (i < n) continue;
      push(out, i, i);
      return n;
    }
    return c === 13 && bytes[i + 1] === 10 ? i + 2 : i + 1;
  }
}

function push(out: FieldBounds, s: number, e: number): void {
  if (out.count === out.start.length) {
    const start = new Float64Array(out.count * 2);
    const end = new Float64Array(out.count * 2);
    start.set(out.start);
    end.set(out.end);
    out.start = start;
    out.end = end;
  }
  out.start[out.count] = s;
  out.end[out.count] = e;
  out.count++;
}
