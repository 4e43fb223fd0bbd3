import type { Matrix, ResultMatrix } from './Cell';
import { applyRfmCells } from './applyRfmCells';
import { broadcastShape, cellAt } from './broadcastShape';
import { isFunctionError, type FunctionError } from './FunctionError';
import { readNumber, type NumberRule } from './NumberRule';
import type { RfmSource } from './resolveRfmModel';
import { toResultMatrix } from './toResultMatrix';

const RULES: Record<'recency' | 'frequency' | 'monetary', NumberRule> = {
  recency: { label: 'recency', description: 'a number of days ≥ 0', min: 0 },
  frequency: { label: 'frequency', description: 'a number of orders ≥ 0', min: 0 },
  monetary: { label: 'monetary', description: 'a number (the customer’s revenue)' },
};

/**
 * `=SK.RFMSCORE(recency, frequency, monetary)`: the three-digit score R·100 + F·10 + M the
 * engine's RFM model gives with the stored cut points (fewer days since purchase score higher).
 *
 * @example
 * rfmScoreCells(source, [[12]], [[7]], [[980]]); // [[555]] with typical cut points
 */
export function rfmScoreCells(source: RfmSource, recency: Matrix, frequency: Matrix, monetary: Matrix): ResultMatrix {
  const shape = broadcastShape([['recency', recency], ['frequency', frequency], ['monetary', monetary]]);
  if (isFunctionError(shape)) return [[shape]];
  const n = shape.rows * shape.columns;
  const cols = { recency: new Float64Array(n), frequency: new Float64Array(n), monetary: new Float64Array(n) };
  const inputs = { recency, frequency, monetary };
  const errors: (FunctionError | undefined)[] = new Array(n);
  for (let r = 0, i = 0; r < shape.rows; r++) {
    for (let c = 0; c < shape.columns; c++, i++) {
      for (const m of ['recency', 'frequency', 'monetary'] as const) {
        const v = readNumber(cellAt(inputs[m], r, c), RULES[m]);
        if (isFunctionError(v)) {
          errors[i] ??= v;
          cols[m][i] = NaN;
        } else cols[m][i] = v;
      }
    }
  }
  const result = applyRfmCells(source, cols.recency, cols.frequency, cols.monetary);
  const score = result.columns.find((col) => col.header.endsWith('RFM score'))!.values as Float64Array;
  return toResultMatrix(shape, score, errors);
}
