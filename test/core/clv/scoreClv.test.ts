import fc from 'fast-check';
import { bgNbdConditionalExpectedPurchases } from '../../../src/core/clv/bgNbdPredictions';
import { calibrationVsHoldout } from '../../../src/core/clv/calibrationVsHoldout';
import type { ClvModel } from '../../../src/core/clv/ClvModel';
import { clvPAlive } from '../../../src/core/clv/clvModelPredictions';
import { expectedCumulativePurchases } from '../../../src/core/clv/expectedCumulativePurchases';
import { fitClvModel } from '../../../src/core/clv/fitClvModel';
import { pAliveOverTime } from '../../../src/core/clv/pAliveOverTime';
import { customerClv, scoreClv } from '../../../src/core/clv/scoreClv';
import { summaryFromColumns } from '../../../src/core/clv/summaryFromColumns';
import { summaryFromTransactions } from '../../../src/core/clv/summaryFromTransactions';
import { CALIBRATION_END, OBSERVATION_END, readCdnowSample } from './readCdnow';

const summary = summaryFromTransactions({ ...readCdnowSample(), calibrationEnd: CALIBRATION_END, observationEnd: OBSERVATION_END, timeUnit: 'week' });
const model = fitClvModel(summary);
const C1 = 0; // sample customer 0001: x = 2, t_x = 30.43, T = 38.86, zbar = 22.35

describe('fitClvModel', () => {
  it('is plain JSON with both fitted parts', () => {
    expect(model.model).toBe('bgnbd');
    expect(model.timeUnit).toBe('week');
    expect(model.calibrationEnd).toBe('1997-09-30');
    expect(model.converged).toBe(true);
    expect(model.gammaGamma?.converged).toBe(true);
    expect(Math.abs((model.gammaGamma?.params.p ?? 0) - 6.25)).toBeLessThan(0.01);
    const copy = JSON.parse(JSON.stringify(model)) as ClvModel;
    expect(copy).toEqual(model);
  });

  it('fits Pareto/NBD on request', () => {
    const pareto = fitClvModel(summary, { model: 'paretonbd' });
    expect(pareto.model).toBe('paretonbd');
    expect(Math.abs(pareto.logLikelihood - -9594.98)).toBeLessThan(0.1);
    expect(scoreClv(pareto, summary, { horizon: 52, discountRate: 0.002 }).clv.every((v, i) => !summary.included[i] || (Number.isFinite(v) && v >= 0))).toBe(true);
  });
});

describe('scoreClv', () => {
  const undiscounted = scoreClv(model, summary, { horizon: 39, discountRate: 0 });

  it('reproduces customer 1’s conditional expectation and P(alive)', () => {
    expect(Math.abs(undiscounted.expectedPurchases[C1] - 1.226)).toBeLessThan(0.002);
    expect(Math.abs(undiscounted.pAlive[C1] - 0.7266)).toBeLessThan(0.001);
    expect(undiscounted.expectedSpend[C1]).toBeCloseTo((6.2488 * (15.4477 + 2 * 22.35)) / (6.2488 * 2 + 3.7446 - 1), 1);
  });

  it('without discounting, CLV = expected purchases × expected spend × margin', () => {
    const withMargin = scoreClv(model, summary, { horizon: 39, discountRate: 0, margin: 0.25 });
    for (const i of [0, 1, 5, 100, 2356]) {
      expect(withMargin.clv[i]).toBeCloseTo(0.25 * undiscounted.expectedPurchases[i] * undiscounted.expectedSpend[i], 10);
    }
  });

  it('discounts each period’s expected purchases by (1 + d)^k', () => {
    const d = 0.01;
    const scored = scoreClv(model, summary, { horizon: 12, discountRate: d, margin: 0.3 });
    let manual = 0;
    let previous = 0;
    for (let k = 1; k <= 12; k++) {
      const cumulative = bgNbdConditionalExpectedPurchases(model.params as never, k, 2, summary.tx[C1], summary.T[C1]);
      manual += (cumulative - previous) / (1 + d) ** k;
      previous = cumulative;
    }
    expect(scored.clv[C1]).toBeCloseTo(manual * scored.expectedSpend[C1] * 0.3, 10);
    expect(customerClv(model, 2, summary.tx[C1], summary.T[C1], summary.monetary[C1], { horizon: 12, discountRate: d, margin: 0.3 })).toBeCloseTo(scored.clv[C1], 12);
  });

  it('gives NaN to customers outside the summary', () => {
    const s = { ...summary, included: Uint8Array.from(summary.included, (v, i) => (i === 3 ? 0 : v)) };
    expect(Number.isNaN(scoreClv(model, s, { horizon: 4, discountRate: 0 }).clv[3])).toBe(true);
  });

  it('rejects bad options and models with exact errors', () => {
    const call = (o: object, m: ClvModel = model) => () => scoreClv(m, summary, { horizon: 52, discountRate: 0.01, ...o });
    expect(call({ horizon: 2.5 })).toThrow(
      expect.objectContaining({
        code: 'E_CLV_HORIZON',
        message: 'at horizon: The horizon 2.5 is not a whole number of periods from 1 to 1200. Give the horizon in the model’s time unit, e.g. 52 for one year of weeks.',
      }),
    );
    expect(call({ discountRate: 10 })).toThrow(
      expect.objectContaining({
        code: 'E_CLV_DISCOUNT_RATE',
        message: 'at discountRate: The discount rate 10 is not a share from 0 to below 1. Give the rate per period as a share: 10 % a year in weeks is (1.10)^(1/52) − 1 ≈ 0.00183.',
      }),
    );
    expect(call({ margin: 30 })).toThrow(
      expect.objectContaining({ code: 'E_CLV_MARGIN', message: 'at margin: The margin 30 is not a share from 0 to 1. Give the margin as a share of spend: 30 % is 0.3.' }),
    );
    const { gammaGamma: _, ...noSpend } = model;
    expect(call({}, noSpend as ClvModel)).toThrow(
      expect.objectContaining({
        code: 'E_CLV_NO_SPEND_MODEL',
        message: 'at gammaGamma: The CLV model has no spend (Gamma-Gamma) part. Fit the model on a summary with monetary values (an amount column), then score again.',
      }),
    );
    expect(call({}, { ...model, timeUnit: 'day' })).toThrow(
      expect.objectContaining({
        code: 'E_CLV_TIME_UNIT_MISMATCH',
        message: 'at timeUnit: The model is in days but the summary is in weeks. Build the summary with the same time unit the model was fitted with.',
      }),
    );
    expect(call({}, { ...model, params: { ...model.params, alpha: -1 } } as ClvModel)).toThrow(
      expect.objectContaining({
        code: 'E_CLV_MODEL_PARAMS',
        message: 'at params.alpha: Parameter alpha = -1 is not a positive number. Refit the CLV model; stored parameters must be positive numbers.',
      }),
    );
    expect(call({}, { ...model, model: 'weibull' } as unknown as ClvModel)).toThrow(expect.objectContaining({ code: 'E_CLV_MODEL' }));
    expect(() => customerClv(model, 2, 40, 38, 10, { horizon: 4, discountRate: 0 })).toThrow(expect.objectContaining({ code: 'E_CLV_RECENCY_AFTER_T' }));
  });
});

describe('chart data', () => {
  it('calibration vs holdout by frequency tracks the actual holdout purchases', () => {
    const rows = calibrationVsHoldout(model, summary);
    expect(rows.map((r) => r.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(rows.reduce((s, r) => s + r.customers, 0)).toBe(2357);
    expect(rows[0].customers).toBe(1411);
    // As in Fader, Hardie & Lee (2005, fig. 4): close for x = 0 and high x, below actual for x = 1–2.
    expect(Math.abs(rows[0].predicted - rows[0].actual)).toBeLessThan(0.02);
    for (const r of rows) expect(Math.abs(r.predicted - r.actual)).toBeLessThan(0.4);
    for (let k = 1; k < rows.length; k++) expect(rows[k].predicted).toBeGreaterThan(rows[k - 1].predicted);
  });

  it('expected cumulative purchases grow and match calibration repeat purchases at week 39', () => {
    let maxT = 0;
    let repeat = 0;
    summary.T.forEach((t, i) => {
      maxT = Math.max(maxT, t);
      repeat += summary.x[i];
    });
    const curve = expectedCumulativePurchases(model, summary, [10, 20, maxT, 78]);
    for (let k = 1; k < curve.length; k++) expect(curve[k].expected).toBeGreaterThan(curve[k - 1].expected);
    expect(Math.abs(curve[2].expected / repeat - 1)).toBeLessThan(0.03);
  });

  it('P(alive) over time starts at 1, drops between purchases and ends at the summary value', () => {
    const series = pAliveOverTime(model, [0, 10, summary.tx[C1]], summary.T[C1], summary.T[C1] / 40);
    expect(series[0]).toEqual({ t: 0, pAlive: 1 });
    expect(series).toHaveLength(41);
    expect(series[40].pAlive).toBeCloseTo(clvPAlive(model, 2, summary.tx[C1], summary.T[C1]), 12);
    expect(series[39].pAlive).toBeGreaterThan(series[40].pAlive);
  });

  it('needs a holdout for the holdout chart', () => {
    const noHoldout = { ...summary, holdoutPurchases: undefined };
    expect(() => calibrationVsHoldout(model, noHoldout)).toThrow(
      expect.objectContaining({
        code: 'E_CLV_NO_HOLDOUT',
        message: 'at observationEnd: The summary has no holdout period. Build the summary with an observation end after the calibration end.',
      }),
    );
  });
});

describe('properties', () => {
  const row = fc
    .tuple(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 520, noNaN: true }), fc.double({ min: 0.01, max: 5000, noNaN: true }))
    .map(([x, share, T, m]) => ({ x, tx: x === 0 ? 0 : share * T, T, m }));
  const positive = fc.double({ min: 0.01, max: 100, noNaN: true });
  const purchaseModel = fc.oneof(
    fc.record({ r: positive, alpha: positive, a: positive, b: positive }).map((params) => ({ model: 'bgnbd' as const, params })),
    fc.record({ r: positive, alpha: positive, s: positive, beta: positive }).map((params) => ({ model: 'paretonbd' as const, params })),
  );

  it('P(alive) is in [0, 1] and CLV is finite and ≥ 0 for any valid summary', () => {
    fc.assert(
      fc.property(purchaseModel, fc.array(row, { minLength: 1, maxLength: 8 }), (pm, rows) => {
        const m = { ...pm, version: 1, timeUnit: 'week', logLikelihood: 0, converged: true, iterations: 0, gradientNorm: 0, gammaGamma: { params: { p: 6, q: 3.7, gamma: 15 }, logLikelihood: 0, converged: true, iterations: 0, correlation: 0, warnings: [] } } as ClvModel;
        const s = summaryFromColumns([
          { name: 'x', values: Float64Array.from(rows, (r) => r.x) },
          { name: 't_x', values: Float64Array.from(rows, (r) => r.tx) },
          { name: 'T', values: Float64Array.from(rows, (r) => r.T) },
          { name: 'zbar', values: Float64Array.from(rows, (r) => (r.x > 0 ? r.m : 0)) },
        ]);
        const scores = scoreClv(m, s, { horizon: 8, discountRate: 0.002, margin: 0.5 });
        for (let i = 0; i < rows.length; i++) {
          if (!(scores.pAlive[i] >= 0 && scores.pAlive[i] <= 1)) return false;
          if (!(Number.isFinite(scores.clv[i]) && scores.clv[i] >= 0)) return false;
        }
        return true;
      }),
      { numRuns: 100, seed: 42 },
    );
  });
});
