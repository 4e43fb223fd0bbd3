import { SegmentKitError } from '../errors/SegmentKitError';
import type { ClvModel } from './ClvModel';
import { clvConditionalExpectedPurchases } from './clvModelPredictions';
import type { ClvSummary } from './ClvSummary';

export interface CalibrationHoldoutRow {
  /** Calibration frequency; the last row groups `maxFrequency` and more. */
  frequency: number;
  label: string;
  customers: number;
  /** Mean purchase days per customer in the holdout period. */
  actual: number;
  /** Mean conditional expected purchases over the holdout length. */
  predicted: number;
}

/**
 * Model check for a chart: customers grouped by calibration frequency (0 … maxFrequency−1 and
 * maxFrequency+), actual mean holdout purchases against the model's conditional expectation.
 * Needs a summary built with an observation end (holdout purchases and length).
 *
 * @example
 * calibrationVsHoldout(model, summary); // [{ frequency: 0, label: '0', customers: 1411, actual: 0.24, predicted: 0.23 }, …]
 */
export function calibrationVsHoldout(model: ClvModel, summary: ClvSummary, maxFrequency = 7): CalibrationHoldoutRow[] {
  const { x, tx, T, included, holdoutPurchases, holdoutLength } = summary;
  if (!holdoutPurchases || holdoutLength === undefined || !(holdoutLength > 0)) {
    throw new SegmentKitError('E_CLV_NO_HOLDOUT', 'The summary has no holdout period', {
      location: { path: 'observationEnd' },
      hint: 'Build the summary with an observation end after the calibration end.',
    });
  }
  const count = new Float64Array(maxFrequency + 1);
  const actual = new Float64Array(maxFrequency + 1);
  const predicted = new Float64Array(maxFrequency + 1);
  for (let i = 0; i < x.length; i++) {
    if (!included[i]) continue;
    const g = Math.min(x[i], maxFrequency);
    count[g]++;
    actual[g] += holdoutPurchases[i];
    predicted[g] += clvConditionalExpectedPurchases(model, holdoutLength, x[i], tx[i], T[i]);
  }
  const rows: CalibrationHoldoutRow[] = [];
  for (let g = 0; g <= maxFrequency; g++) {
    if (count[g] === 0) continue;
    rows.push({
      frequency: g,
      label: g === maxFrequency ? `${g}+` : String(g),
      customers: count[g],
      actual: actual[g] / count[g],
      predicted: predicted[g] / count[g],
    });
  }
  return rows;
}
