import type { ClvModel } from '../core/clv/ClvModel';
import type { Matrix } from './Cell';
import { broadcastShape, cellAt, type Shape } from './broadcastShape';
import { functionError, isFunctionError, type FunctionError } from './FunctionError';
import { readNumber } from './NumberRule';

export interface ClvRows {
  shape: Shape;
  /** Row-major over the result shape; NaN where `errors` holds the cell's error. */
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  errors: (FunctionError | undefined)[];
}

/** The unit durations are read in: the model's, or "periods" for explicit parameters. */
export function unitLabel(model: ClvModel, explicit: boolean): string {
  return explicit ? 'periods' : `${model.timeUnit}s`;
}

/**
 * Reads frequency, recency and T cell by cell (ranges of one shape, or single cells applied to
 * every row) into typed arrays; each bad cell gets its own error, the others still compute.
 */
export function readClvRows(frequency: Matrix, recency: Matrix, T: Matrix, unit: string, extra: [string, Matrix][] = []): ClvRows | FunctionError {
  const shape = broadcastShape([['frequency', frequency], ['recency', recency], ['T', T], ...extra]);
  if (isFunctionError(shape)) return shape;
  const n = shape.rows * shape.columns;
  const x = new Float64Array(n).fill(NaN);
  const tx = new Float64Array(n).fill(NaN);
  const tt = new Float64Array(n).fill(NaN);
  const errors: (FunctionError | undefined)[] = new Array(n);
  const rules = {
    frequency: { label: 'frequency', description: 'a whole number of repeat purchases ≥ 0', min: 0, integer: true },
    recency: { label: 'recency', description: `a number of ${unit} ≥ 0`, min: 0 },
    T: { label: 'T', description: `a number of ${unit} ≥ recency`, min: 0 },
  };
  for (let r = 0, i = 0; r < shape.rows; r++) {
    for (let c = 0; c < shape.columns; c++, i++) {
      const xi = readNumber(cellAt(frequency, r, c), rules.frequency);
      const ti = readNumber(cellAt(recency, r, c), rules.recency);
      const Ti = readNumber(cellAt(T, r, c), rules.T);
      const bad = [xi, ti, Ti].find(isFunctionError);
      if (bad) errors[i] = bad;
      else if ((Ti as number) < (ti as number)) errors[i] = functionError('invalidNumber', `T must be a number of ${unit} ≥ recency`);
      else if (xi === 0 && (ti as number) !== 0) errors[i] = functionError('invalidNumber', 'recency must be 0 when frequency is 0 (no repeat purchase)');
      else {
        x[i] = xi as number;
        tx[i] = ti as number;
        tt[i] = Ti as number;
      }
    }
  }
  return { shape, x, tx, T: tt, errors };
}
