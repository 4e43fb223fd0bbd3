import { isBlank, type Cell, type Matrix } from './Cell';
import { functionError, type FunctionError } from './FunctionError';

export interface NamedColumns {
  /** Input column names, in the order of `cells`' columns. */
  names: string[];
  /** Data rows (the header row removed). */
  rows: Matrix;
}

const key = (s: string): string => s.trim().toLowerCase();

/**
 * Names the columns of a `values` argument: when every cell of the first row is text and each
 * `expected` name is among them (ignoring case), that row is a header and columns are taken by
 * name; otherwise the columns must be exactly `expected`, in order.
 *
 * @example
 * readColumns([['Monetary', 'Recency'], [120, 30]], ['recency', 'monetary']); // by name
 */
export function readColumns(values: Matrix, expected: readonly string[]): NamedColumns | FunctionError {
  const first = values[0] ?? [];
  const isHeader = first.length > 0 && first.every((c) => typeof c === 'string' && !isBlank(c));
  if (isHeader) {
    const header = (first as string[]).map(key);
    const missing = expected.filter((name) => !header.includes(key(name)));
    if (missing.length) return functionError('invalidValue', `the header row has no column ${missing.map((m) => `"${m}"`).join(', ')}; the model reads ${expected.join(', ')}`);
    return { names: first as string[], rows: values.slice(1) };
  }
  if (expected.length === 0) return functionError('invalidValue', 'this model reads columns by name: make the first row of values a header row naming them');
  const width = first.length;
  if (width !== expected.length) {
    return functionError('invalidValue', `values has ${width} column${width === 1 ? '' : 's'} but the model reads ${expected.length}: ${expected.join(', ')} (or add a header row naming the columns)`);
  }
  return { names: [...expected], rows: values };
}

/** The column index of `name` among `names` (ignoring case), or -1. */
export function columnIndex(names: readonly string[], name: string): number {
  return names.findIndex((n) => key(n) === key(name));
}

/** A cell as text for category inputs; blank is null. */
export function cellText(cell: Cell): string | null {
  return isBlank(cell) ? null : String(cell).trim();
}
