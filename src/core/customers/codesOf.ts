import type { Column } from '../table/Table';
import { encodeStrings } from '../table/Table';

/**
 * Integer codes and their labels for any column used as a grouping key. Coded columns are
 * returned as they are (no copy); numbers and text are interned once, so aggregation can
 * index typed arrays by code instead of hashing strings per row.
 */
export function codesOf(column: Column): { codes: Int32Array; labels: string[] } {
  if ('codes' in column) return { codes: column.codes, labels: column.dictionary };
  const n = column.values.length;
  const keys: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) keys[i] = keyOf(column, i);
  // encodeStrings numbers keys by first appearance without hashing each fresh string in a Map.
  const coded = encodeStrings(column.name, keys);
  return { codes: coded.codes, labels: coded.dictionary };
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
