import type { Column } from '../table/Table';
import { CODE_MISSING } from '../table/Table';

/**
 * Integer codes and their labels for any column used as a grouping key. Coded columns are
 * returned as they are (no copy); numbers and text are interned once, so aggregation can
 * index typed arrays by code instead of hashing strings per row.
 */
export function codesOf(column: Column): { codes: Int32Array; labels: string[] } {
  if ('codes' in column) return { codes: column.codes, labels: column.dictionary };
  const n = column.values.length;
  const codes = new Int32Array(n);
  const labels: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = keyOf(column, i);
    if (key === null) {
      codes[i] = CODE_MISSING;
      continue;
    }
    let code = index.get(key);
    if (code === undefined) {
      code = labels.length;
      labels.push(key);
      index.set(key, code);
    }
    codes[i] = code;
  }
  return { codes, labels };
}

function keyOf(column: Column, i: number): string | null {
  switch (column.type) {
    case 'text': {
      const v = column.values[i];
      return v === null || v === '' ? null : v;
    }
    case 'boolean':
      return column.values[i] === 255 ? null : column.values[i] === 1 ? 'true' : 'false';
    default: {
      const v = (column as { values: Float64Array }).values[i];
      return Number.isNaN(v) ? null : String(v);
    }
  }
}
