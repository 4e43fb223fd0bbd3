import type { ClvModel } from '../core/clv/ClvModel';
import { clvPAlive } from '../core/clv/clvModelPredictions';
import type { Matrix, ResultMatrix } from './Cell';
import { isFunctionError } from './FunctionError';
import { readClvRows, unitLabel } from './readClvRows';
import { toResultMatrix } from './toResultMatrix';

/**
 * `=SK.PALIVE(frequency, recency, T)`: the probability each customer is still active, from the
 * core CLV model (BG/NBD or Pareto/NBD), one result per input cell.
 *
 * @example
 * pAliveCells(cdnowModel, [[2]], [[30.43]], [[38.86]], false); // [[0.7266]]
 */
export function pAliveCells(model: ClvModel, frequency: Matrix, recency: Matrix, T: Matrix, explicit: boolean): ResultMatrix {
  const rows = readClvRows(frequency, recency, T, unitLabel(model, explicit));
  if (isFunctionError(rows)) return [[rows]];
  const out = new Float64Array(rows.x.length);
  for (let i = 0; i < out.length; i++) if (!rows.errors[i]) out[i] = clvPAlive(model, rows.x[i], rows.tx[i], rows.T[i]);
  return toResultMatrix(rows.shape, out, rows.errors);
}
