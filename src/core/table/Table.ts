/**
 * SegmentKit's columnar table. A million rows is a handful of typed arrays, never a million
 * objects (DESIGN.md convention 7).
 *
 * - number:   Float64Array, NaN = missing
 * - date:     Float64Array of UTC day numbers (days since 1970-01-01), NaN = missing
 * - boolean:  Uint8Array, 0 = false, 1 = true, 255 = missing
 * - category: dictionary-encoded: Int32Array codes into `dictionary`, -1 = missing
 * - id:       like category (ids are interned to integer codes so aggregation is array indexing)
 * - text:     plain strings, null = missing
 */
export type ColumnType = 'number' | 'date' | 'boolean' | 'category' | 'id' | 'text';

export interface NumberColumn {
  readonly name: string;
  readonly type: 'number';
  readonly values: Float64Array;
}

export interface DateColumn {
  readonly name: string;
  readonly type: 'date';
  readonly values: Float64Array;
}

export interface BooleanColumn {
  readonly name: string;
  readonly type: 'boolean';
  readonly values: Uint8Array;
}

export interface CodedColumn {
  readonly name: string;
  readonly type: 'category' | 'id';
  readonly codes: Int32Array;
  readonly dictionary: string[];
}

export interface TextColumn {
  readonly name: string;
  readonly type: 'text';
  readonly values: (string | null)[];
}

export type Column = NumberColumn | DateColumn | BooleanColumn | CodedColumn | TextColumn;

export interface Table {
  readonly rowCount: number;
  readonly columns: Column[];
}

export const BOOLEAN_MISSING = 255;
export const CODE_MISSING = -1;

/** Finds a column by exact name, or case- and space-insensitively when no exact match exists. */
export function findColumn(table: Table, name: string): Column | undefined {
  const exact = table.columns.find((c) => c.name === name);
  if (exact) return exact;
  const key = name.trim().toLowerCase();
  return table.columns.find((c) => c.name.trim().toLowerCase() === key);
}

/** Whether row `i` of a column is missing. Internal callers trust `i` is in range. */
export function isMissing(column: Column, i: number): boolean {
  switch (column.type) {
    case 'number':
    case 'date':
      return Number.isNaN(column.values[i]);
    case 'boolean':
      return column.values[i] === BOOLEAN_MISSING;
    case 'category':
    case 'id':
      return column.codes[i] === CODE_MISSING;
    case 'text':
      return column.values[i] === null;
  }
}

/** The value of row `i` as a plain JS value (for previews and small outputs, not hot loops). */
export function cellValue(column: Column, i: number): number | string | boolean | null {
  switch (column.type) {
    case 'number':
    case 'date': {
      const v = column.values[i];
      return Number.isNaN(v) ? null : v;
    }
    case 'boolean': {
      const v = column.values[i];
      return v === BOOLEAN_MISSING ? null : v === 1;
    }
    case 'category':
    case 'id': {
      const c = column.codes[i];
      return c === CODE_MISSING ? null : column.dictionary[c];
    }
    case 'text':
      return column.values[i];
  }
}

/** Number of rows a column holds. */
export function columnLength(column: Column): number {
  return 'codes' in column ? column.codes.length : column.values.length;
}

/** Count of missing cells in a column. */
export function missingCount(column: Column): number {
  let n = 0;
  const rows = columnLength(column);
  for (let i = 0; i < rows; i++) if (isMissing(column, i)) n++;
  return n;
}

/** Builds a dictionary-encoded column from strings; empty strings and null become missing. */
export function encodeStrings(name: string, values: ArrayLike<string | null | undefined>, type: 'category' | 'id' = 'category'): CodedColumn {
  // An open-addressing table over our own hash of the characters instead of a Map: in Chromium's
  // workers V8 took about 1 µs to hash each string that arrived by postMessage (a million order
  // lines spent 6 s here in the taskpane, 0.5 s in Node); reading the characters costs tens of ns.
  const dictionary: string[] = [];
  let hashes = new Int32Array(64);
  let slots = new Int32Array(128).fill(-1);
  let mask = slots.length - 1;
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === '') {
      codes[i] = CODE_MISSING;
      continue;
    }
    const h = hashString(v);
    let at = h & mask;
    let code = slots[at];
    while (code >= 0 && (hashes[code] !== h || dictionary[code] !== v)) {
      at = (at + 1) & mask;
      code = slots[at];
    }
    if (code < 0) {
      code = dictionary.length;
      dictionary.push(v);
      if (code === hashes.length) {
        const grown = new Int32Array(hashes.length * 2);
        grown.set(hashes);
        hashes = grown;
      }
      hashes[code] = h;
      slots[at] = code;
      // Keep the table at most half full, so probes stay short.
      if (dictionary.length * 2 > slots.length) {
        slots = new Int32Array(slots.length * 2).fill(-1);
        mask = slots.length - 1;
        for (let c = 0; c < dictionary.length; c++) {
          let s = hashes[c] & mask;
          while (slots[s] >= 0) s = (s + 1) & mask;
          slots[s] = c;
        }
      }
    }
    codes[i] = code;
  }
  return { name, type, codes, dictionary };
}

/** FNV-1a over the UTF-16 code units, with a final mix so that similar ids spread over the table. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** Keeps the rows whose index is listed, in that order (typed arrays stay typed). */
export function selectRows(table: Table, rows: ArrayLike<number>): Table {
  const n = rows.length;
  const columns: Column[] = table.columns.map((c) => {
    switch (c.type) {
      case 'number':
      case 'date': {
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = c.values[rows[i]];
        return { ...c, values: out };
      }
      case 'boolean': {
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) out[i] = c.values[rows[i]];
        return { ...c, values: out };
      }
      case 'category':
      case 'id': {
        const out = new Int32Array(n);
        for (let i = 0; i < n; i++) out[i] = c.codes[rows[i]];
        return { ...c, codes: out };
      }
      case 'text': {
        const out: (string | null)[] = new Array(n);
        for (let i = 0; i < n; i++) out[i] = c.values[rows[i]];
        return { ...c, values: out };
      }
    }
  });
  return { rowCount: n, columns };
}
