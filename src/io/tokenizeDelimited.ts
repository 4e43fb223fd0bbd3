/**
 * Field boundaries of a delimited text in typed arrays: no string is created until a column
 * needs one, which is what makes a million-row CSV cheap (DESIGN.md: byte-level reading).
 */
export interface DelimitedTokens {
  text: string;
  /** Per field: first character, end (exclusive), and whether it is quoted. */
  start: Int32Array;
  end: Int32Array;
  quoted: Uint8Array;
  /** Per record: index of its first field and its field count. */
  recordFirst: Int32Array;
  recordFields: Int32Array;
  records: number;
}

/**
 * Cuts `text` into records and fields per RFC 4180 (quoted fields may hold delimiters, doubled
 * quotes and line breaks; CRLF, LF or CR end a record; a final line break adds no record).
 * A quoted field's range covers its opening quote up to the field's end; read it with
 * {@link fieldText}.
 *
 * @example
 * const t = tokenizeDelimited('a,b\n1,2\n', ',');
 * t.records; // 2
 */
export function tokenizeDelimited(text: string, delimiter: string): DelimitedTokens {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let capacity = Math.max(1024, Math.ceil(n / 6));
  let start: Int32Array = new Int32Array(capacity);
  let end: Int32Array = new Int32Array(capacity);
  let quoted = new Uint8Array(capacity);
  let recCapacity = Math.max(256, Math.ceil(n / 24));
  let recordFirst: Int32Array = new Int32Array(recCapacity);
  let recordFields: Int32Array = new Int32Array(recCapacity);
  let fields = 0;
  let records = 0;
  let recFirst = 0;
  let i = 0;
  while (i < n) {
    if (fields === capacity) {
      capacity *= 2;
      start = grow(start, capacity);
      end = grow(end, capacity);
      const q = new Uint8Array(capacity);
      q.set(quoted);
      quoted = q;
    }
    const fieldStart = i;
    let isQuoted = 0;
    if (text.charCodeAt(i) === 34) {
      isQuoted = 1;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) i = q + 2;
        else {
          i = q + 1;
          break;
        }
      }
    }
    let c = 0;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c === d || c === 10 || c === 13) break;
      i++;
    }
    start[fields] = fieldStart;
    end[fields] = i;
    quoted[fields] = isQuoted;
    fields++;
    if (i < n && c === d) {
      i++;
      if (i < n) continue;
      start[fields] = end[fields] = i;
      quoted[fields] = 0;
      fields++;
    } else if (i < n) i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    if (records === recCapacity) {
      recCapacity *= 2;
      recordFirst = grow(recordFirst, recCapacity);
      recordFields = grow(recordFields, recCapacity);
    }
    recordFirst[records] = recFirst;
    recordFields[records] = fields - recFirst;
    records++;
    recFirst = fields;
  }
  return { text, start, end, quoted, recordFirst, recordFields, records };
}

function grow(a: Int32Array, capacity: number): Int32Array {
  const out = new Int32Array(capacity);
  out.set(a);
  return out;
}

/** The text of field `f`, with quotes removed and doubled quotes undone. */
export function fieldText(t: DelimitedTokens, f: number): string {
  const s = t.start[f];
  const e = t.end[f];
  if (!t.quoted[f]) return t.text.slice(s, e);
  const raw = t.text.slice(s + 1, e);
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
