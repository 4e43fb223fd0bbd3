import type { ClvModel } from '../core/clv/ClvModel';
import type { ClvSummary } from '../core/clv/ClvSummary';
import { MAX_HORIZON, scoreClv } from '../core/clv/scoreClv';
import type { TimeUnit } from '../core/clv/TimeUnit';
import { isOmitted, type Matrix, type ResultMatrix } from './Cell';
import { cellAt } from './broadcastShape';
import { functionError, isFunctionError, type FunctionError } from './FunctionError';
import { readNumber } from './NumberRule';
import { readClvRows, unitLabel } from './readClvRows';
import { toResultMatrix } from './toResultMatrix';

/** One year in the model's time unit: the horizon when none is given. */
export const DEFAULT_HORIZON: Readonly<Record<TimeUnit, number>> = { day: 365, week: 52, month: 12 };

function scalar(arg: Matrix | undefined, label: string): Matrix[number][number] | FunctionError {
  if (isOmitted(arg)) return undefined;
  const m = arg as Matrix;
  if (m.length !== 1 || m[0].length !== 1) return functionError('invalidValue', `${label} must be a single cell`);
  return m[0][0];
}

/**
 * `=SK.CLV(frequency, recency, T, monetary, [horizon], [discount])`: discounted expected
 * spend over the horizon (BG/NBD or Pareto/NBD purchases × Gamma-Gamma spend), computed by the
 * core `scoreClv` for all valid rows at once so customers sharing (frequency, T) share the
 * per-period sums.
 *
 * @example
 * clvCells(cdnowModel, [[2]], [[30.43]], [[38.86]], [[22.35]], [[52]], [[0.0019]], false);
 */
export function clvCells(model: ClvModel, frequency: Matrix, recency: Matrix, T: Matrix, monetary: Matrix, horizon: Matrix | undefined, discount: Matrix | undefined, explicit: boolean): ResultMatrix {
  if (!model.gammaGamma) {
    return [[functionError('notAvailable', explicit ? 'CLV needs the Gamma-Gamma spend parameters: give 7 numbers (r, alpha, a, b, p, q, gamma)' : 'the CLV model has no spend (Gamma-Gamma) part; fit it on data with amounts in the SegmentKit pane')]];
  }
  const unit = unitLabel(model, explicit);
  const h = scalar(horizon, 'horizon');
  const d = scalar(discount, 'discount');
  if (isFunctionError(h)) return [[h]];
  if (isFunctionError(d)) return [[d]];
  const horizonValue = h === undefined || h === null || h === '' ? DEFAULT_HORIZON[model.timeUnit] : readNumber(h, { label: 'horizon', description: `a whole number of ${unit} from 1 to ${MAX_HORIZON}`, min: 1, max: MAX_HORIZON, integer: true });
  if (isFunctionError(horizonValue)) return [[horizonValue]];
  const discountValue = d === undefined || d === null || d === '' ? 0 : readNumber(d, { label: 'discount', description: `a rate per ${unit.replace(/s$/, '')} from 0 to below 1 (0.01 = 1 %)`, min: 0, max: 1, exclusiveMax: true });
  if (isFunctionError(discountValue)) return [[discountValue]];

  const rows = readClvRows(frequency, recency, T, unit, [['monetary', monetary]]);
  if (isFunctionError(rows)) return [[rows]];
  const n = rows.x.length;
  const spend = new Float64Array(n).fill(NaN);
  const included = new Uint8Array(n);
  const rule = { label: 'monetary', description: 'the average spend per repeat purchase, a number ≥ 0', min: 0 };
  for (let r = 0, i = 0; r < rows.shape.rows; r++) {
    for (let c = 0; c < rows.shape.columns; c++, i++) {
      if (rows.errors[i]) continue;
      const m = rows.x[i] === 0 ? 0 : readNumber(cellAt(monetary, r, c), rule);
      if (isFunctionError(m)) rows.errors[i] = m;
      else {
        spend[i] = m;
        included[i] = 1;
      }
    }
  }
  const summary: ClvSummary = { x: rows.x, tx: rows.tx, T: rows.T, monetary: spend, included, timeUnit: model.timeUnit, skippedRows: 0 };
  const { clv } = scoreClv(model, summary, { horizon: horizonValue, discountRate: discountValue });
  return toResultMatrix(rows.shape, clv, rows.errors);
}
