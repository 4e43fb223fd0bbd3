/**
 * How big SegmentKit lets one Excel request get. Excel rejects payloads over about 5 MB and
 * reads over 5 million cells; staying at 4 MB and 1 million cells leaves room for the
 * estimate being off and for the protocol's own framing.
 */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;
export const CELLS_PER_REQUEST = 1_000_000;

/**
 * Serialised size of one cell as JSON, without building the string: strings by length,
 * integers as short, other numbers at the width a double can take.
 */
export function cellBytes(v: unknown): number {
  if (typeof v === 'string') return v.length + 3;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e9 ? 11 : 24;
  if (typeof v === 'boolean') return 6;
  return 5;
}

/** Estimated JSON size of a block of rows. */
export function gridBytes(rows: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of rows) {
    n += 2;
    for (let j = 0; j < row.length; j++) n += cellBytes(row[j]);
  }
  return n;
}

/** Rows per request for a row size, within both the byte and the cell budget. */
export function rowsPerRequest(bytesPerRow: number, columns: number): number {
  const byBytes = Math.floor(REQUEST_BUDGET_BYTES / Math.max(1, bytesPerRow));
  const byCells = Math.floor(CELLS_PER_REQUEST / Math.max(1, columns));
  return Math.max(1, Math.min(byBytes, byCells));
}
