import { SegmentKitError } from '../errors/SegmentKitError';
import type { ClvModel } from './ClvModel';
import { assertClvModel, clvExpectedPurchasesIfAlive, clvPAlive } from './clvModelPredictions';
import type { ClvSummary } from './ClvSummary';
import { gammaGammaExpectedSpend } from './gammaGammaExpectedSpend';

export interface ClvOptions {
  /** Number of periods (in the model's time unit) to sum over: a whole number ≥ 1. */
  horizon: number;
  /** Discount rate per period as a share (0.01 = 1 % per period); 0 = no discounting. */
  discountRate: number;
  /** Margin as a share of spend, 0 … 1; default 1 (CLV in revenue). */
  margin?: number;
}

/** Longest horizon accepted: 100 years of months, or about 23 years of weeks. */
export const MAX_HORIZON = 1200;

export interface ClvScores {
  pAlive: Float64Array;
  /** Expected purchases over the whole horizon (undiscounted). */
  expectedPurchases: Float64Array;
  /** Gamma-Gamma conditional expected spend per purchase. */
  expectedSpend: Float64Array;
  /** Σₖ (expected purchases in period k) × expected spend × margin / (1 + d)^k, k = 1 … horizon. */
  clv: Float64Array;
}

/**
 * Scores every customer of a summary: P(alive), expected purchases over the horizon, expected
 * spend and discounted CLV. NaN for customers not included in the summary. The expected
 * purchases given alive depend on (x, T) only, so the per-period sums are computed once per
 * distinct (x, T) and each customer costs one P(alive) evaluation.
 *
 * @example
 * const scores = scoreClv(model, summary, { horizon: 52, discountRate: 0.0019, margin: 0.3 });
 * scores.clv[0]; // customer 0's discounted margin over the next 52 weeks
 */
export function scoreClv(model: ClvModel, summary: ClvSummary, options: ClvOptions): ClvScores {
  const { horizon, discountRate, margin } = validateClvOptions(options);
  assertClvModel(model);
  const gg = model.gammaGamma;
  if (!gg) {
    throw new SegmentKitError('E_CLV_NO_SPEND_MODEL', 'The CLV model has no spend (Gamma-Gamma) part', {
      location: { path: 'gammaGamma' },
      hint: 'Fit the model on a summary with monetary values (an amount column), then score again.',
    });
  }
  if (model.timeUnit !== summary.timeUnit) {
    throw new SegmentKitError('E_CLV_TIME_UNIT_MISMATCH', `The model is in ${model.timeUnit}s but the summary is in ${summary.timeUnit}s`, {
      location: { path: 'timeUnit' },
      hint: 'Build the summary with the same time unit the model was fitted with.',
    });
  }
  const { x, tx, T, monetary, included } = summary;
  const n = x.length;
  const pAlive = new Float64Array(n);
  const expectedPurchases = new Float64Array(n);
  const expectedSpend = new Float64Array(n);
  const clv = new Float64Array(n);
  const discount = new Float64Array(horizon + 1);
  for (let k = 1; k <= horizon; k++) discount[k] = Math.pow(1 + discountRate, -k);
  const byX = new Map<number, Map<number, number>>();
  const totals: number[] = [];
  const discounted: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!included[i]) {
      pAlive[i] = expectedPurchases[i] = expectedSpend[i] = clv[i] = NaN;
      continue;
    }
    const xi = x[i];
    const Ti = T[i];
    let byT = byX.get(xi);
    if (!byT) {
      byT = new Map();
      byX.set(xi, byT);
    }
    let slot = byT.get(Ti);
    if (slot === undefined) {
      slot = totals.length;
      byT.set(Ti, slot);
      let previous = 0;
      let sum = 0;
      for (let k = 1; k <= horizon; k++) {
        const cumulative = clvExpectedPurchasesIfAlive(model, xi, Ti, k);
        sum += (cumulative - previous) * discount[k];
        previous = cumulative;
      }
      totals.push(previous);
      discounted.push(sum);
    }
    const pa = clvPAlive(model, xi, tx[i], Ti);
    const spend = gammaGammaExpectedSpend(gg.params, xi, xi > 0 ? monetary[i] : 0);
    pAlive[i] = pa;
    expectedPurchases[i] = pa * totals[slot];
    expectedSpend[i] = spend;
    clv[i] = pa * discounted[slot] * spend * margin;
  }
  return { pAlive, expectedPurchases, expectedSpend, clv };
}

/**
 * CLV of one customer (what `=SK.CLV(frequency, recency, T, monetary)` computes).
 *
 * @example
 * customerClv(model, 2, 30.43, 38.86, 22.35, { horizon: 52, discountRate: 0.01 });
 */
export function customerClv(model: ClvModel, x: number, tx: number, T: number, monetary: number, options: ClvOptions): number {
  const summary: ClvSummary = {
    x: Float64Array.of(x),
    tx: Float64Array.of(tx),
    T: Float64Array.of(T),
    monetary: Float64Array.of(monetary),
    included: Uint8Array.of(1),
    timeUnit: model.timeUnit,
    skippedRows: 0,
  };
  for (const [column, v] of [['frequency', x], ['recency', tx], ['T', T]] as const) {
    if (!(v >= 0) || v === Infinity) {
      throw new SegmentKitError('E_CLV_INVALID_VALUE', `${column} = ${v}; it must be a number ≥ 0`, {
        location: { column },
        hint: 'Pass the customer’s frequency, recency and T from the CLV summary.',
      });
    }
  }
  if (T < tx) {
    throw new SegmentKitError('E_CLV_RECENCY_AFTER_T', `T = ${T} is smaller than recency t_x = ${tx}`, {
      location: { column: 'T' },
      hint: 'T runs from the first purchase to the calibration end, so it is at least the recency.',
    });
  }
  return scoreClv(model, summary, options).clv[0];
}

/** Checks the explicit CLV inputs and fills the default margin. */
export function validateClvOptions(options: ClvOptions): Required<ClvOptions> {
  const { horizon, discountRate } = options;
  const margin = options.margin ?? 1;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON) {
    throw new SegmentKitError('E_CLV_HORIZON', `The horizon ${horizon} is not a whole number of periods from 1 to ${MAX_HORIZON}`, {
      location: { path: 'horizon' },
      hint: 'Give the horizon in the model’s time unit, e.g. 52 for one year of weeks.',
    });
  }
  if (!(discountRate >= 0 && discountRate < 1)) {
    throw new SegmentKitError('E_CLV_DISCOUNT_RATE', `The discount rate ${discountRate} is not a share from 0 to below 1`, {
      location: { path: 'discountRate' },
      hint: 'Give the rate per period as a share: 10 % a year in weeks is (1.10)^(1/52) − 1 ≈ 0.00183.',
    });
  }
  if (!(margin >= 0 && margin <= 1)) {
    throw new SegmentKitError('E_CLV_MARGIN', `The margin ${margin} is not a share from 0 to 1`, {
      location: { path: 'margin' },
      hint: 'Give the margin as a share of spend: 30 % is 0.3.',
    });
  }
  return { horizon, discountRate, margin };
}
