import type { Matrix } from './Cell';
import { functionError, type FunctionError } from './FunctionError';

export interface Shape {
  rows: number;
  columns: number;
}

function describe(shape: Shape): string {
  return `${shape.rows} row${shape.rows === 1 ? '' : 's'} × ${shape.columns} column${shape.columns === 1 ? '' : 's'}`;
}

/**
 * The result shape of an element-wise function: every range argument must have the same shape,
 * and single cells apply to every row (as Excel's own array arithmetic does).
 *
 * @example
 * broadcastShape([['recency', [[1], [2]]], ['frequency', [[3]]]]); // { rows: 2, columns: 1 }
 */
export function broadcastShape(args: [label: string, value: Matrix][]): Shape | FunctionError {
  let shape: Shape = { rows: 1, columns: 1 };
  let from = '';
  for (const [label, m] of args) {
    const s: Shape = { rows: m.length, columns: m[0]?.length ?? 0 };
    if (s.rows === 1 && s.columns === 1) continue;
    if (from === '') {
      shape = s;
      from = label;
    } else if (s.rows !== shape.rows || s.columns !== shape.columns) {
      return functionError('invalidValue', `${label} has ${describe(s)} but ${from} has ${describe(shape)}; give ranges of the same size`);
    }
  }
  return shape;
}

/** The cell of `m` at (r, c), or its only cell when `m` is 1×1. */
export function cellAt<T>(m: T[][], r: number, c: number): T {
  return m.length === 1 && m[0].length === 1 ? m[0][0] : m[r][c];
}
