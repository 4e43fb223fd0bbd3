import type { OutputColumn } from '../core/results/Outputs';

/** One output value as Excel takes it: blanks for null, NaN and rows without a result. */
export function outputCell(column: OutputColumn, row: number): string | number | boolean {
  if (row < 0) return '';
  const v = column.values[row];
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return v;
}
