import type { ClvModel } from '../core/clv/ClvModel';
import { clvConditionalExpectedPurchases } from '../core/clv/clvModelPredictions';
import type { Matrix, ResultMatrix } from './Cell';
import { cellAt } from './broadcastShape';
import { isFunctionError, type FunctionError } from './FunctionError';
import { readNumber } from './NumberRule';
import { readClvRows, unitLabel } from './readClvRows';
import { toResultMatrix } from './toResultMatrix';

/**
 * `=SK.EXPECTEDPURCHASES(t, frequency, recency, T)`: expected purchases in the next t periods
 * of each customer, from the core CLV model.
 *
 * @example
 * expectedPurchasesCells(cdnowModel, [[39]], [[2]], [[30.43]], [[38.86]], false); // [[1.226]]
 */
export function expectedPurchasesCells(model: ClvModel, t: Matrix, frequency: Matrix, recency: Matrix, T: Matrix, explicit: boolean): ResultMatrix {
  const unit = unitLabel(model, explicit);
  const rows = readClvRows(frequency, recency, T, unit, [['t', t]]);
  if (isFunctionError(rows)) return [[rows]];
  const out = new Float64Array(rows.x.length);
  const errors: (FunctionError | undefined)[] = rows.errors;
  const rule = { label: 't', description: `a number of ${unit} ≥ 0`, min: 0 };
  for (let r = 0, i = 0; r < rows.shape.rows; r++) {
    for (let c = 0; c < rows.shape.columns; c++, i++) {
      if (errors[i]) continue;
      const ti = readNumber(cellAt(t, r, c), rule);
      if (isFunctionError(ti)) errors[i] = ti;
      else out[i] = clvConditionalExpectedPurchases(model, ti, rows.x[i], rows.tx[i], rows.T[i]);
    }
  }
  return toResultMatrix(rows.shape, out, errors);
}
