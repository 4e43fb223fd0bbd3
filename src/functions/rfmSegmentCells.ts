import { isBlank, type Matrix, type ResultMatrix } from './Cell';
import { applyRfmCells } from './applyRfmCells';
import { functionError } from './FunctionError';
import type { RfmSource } from './resolveRfmModel';
import { toResultMatrix } from './toResultMatrix';

/**
 * `=SK.RFMSEGMENT(score)`: the segment name of a three-digit RFM score under the stored rules.
 * The engine matches rules on scores, so each score is fed to it as values that land exactly
 * in bands R, F and M (cut points halfway between whole scores): the cell shows the engine's
 * own rule matching, first match wins, leftovers get the "other" name.
 *
 * @example
 * rfmSegmentCells(rfmPackage030, [[555], [111]]); // [['Champions'], ['Lost']]
 */
export function rfmSegmentCells(source: RfmSource, score: Matrix): ResultMatrix {
  const scale = source.fitted.scale;
  const rows = score.length;
  const columns = score[0]?.length ?? 0;
  const n = rows * columns;
  const recency = new Float64Array(n).fill(NaN);
  const frequency = new Float64Array(n).fill(NaN);
  const monetary = new Float64Array(n).fill(NaN);
  const errors = new Array(n);
  const message = `score must be a three-digit RFM score such as ${scale}${scale}${scale - 1} (R, F and M each 1–${scale})`;
  for (let r = 0, i = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++, i++) {
      const cell = score[r][c];
      const text = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.trim() : '';
      const digits = /^[1-9]{3}$/.test(text) ? [...text].map(Number) : undefined;
      if (isBlank(cell)) errors[i] = functionError('notAvailable', `score is empty; it must be a three-digit RFM score such as ${scale}${scale}${scale - 1}`);
      else if (!digits) errors[i] = functionError('invalidValue', message);
      else if (digits.some((d) => d > scale)) errors[i] = functionError('invalidNumber', message);
      else {
        recency[i] = scale + 1 - digits[0];
        frequency[i] = digits[1];
        monetary[i] = digits[2];
      }
    }
  }
  const halfway = Array.from({ length: scale - 1 }, (_, j) => j + 1.5);
  const banded = { ...source, fitted: { ...source.fitted, cutpoints: { recency: halfway, frequency: halfway, monetary: halfway } } };
  const result = applyRfmCells(banded, recency, frequency, monetary);
  const names = Array.from(result.labels, (label) => (label < 0 ? '' : result.segmentNames[label]));
  return toResultMatrix({ rows, columns }, names, errors);
}
