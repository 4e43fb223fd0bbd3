import { fitBgNbd } from '../../../src/core/clv/fitBgNbd';
import { bgNbdLogLikelihood } from '../../../src/core/clv/bgNbdLogLikelihood';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdPAlive,
  bgNbdProbabilityOfPurchases,
} from '../../../src/core/clv/bgNbdPredictions';
import { cdnowSummary } from './readCdnow';

// Reference values: ../shared/data/cdnow/REFERENCE.md (Fader, Hardie & Lee 2005; lifetimes / CLVTools tests).
describe('fitBgNbd on CDNOW (2,357 customers, weeks)', () => {
  const summary = cdnowSummary();
  const fit = fitBgNbd(summary);

  it('reproduces the published maximum-likelihood estimates', () => {
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.params.r - 0.2426)).toBeLessThan(0.0005);
    expect(Math.abs(fit.params.alpha - 4.4135)).toBeLessThan(0.002);
    expect(Math.abs(fit.params.a - 0.7929)).toBeLessThan(0.001);
    expect(Math.abs(fit.params.b - 2.4258)).toBeLessThan(0.002);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(0.05);
    expect(fit.customers).toBe(2357);
    expect(fit.uniqueRows).toBeLessThan(2357);
  });

  it('reports standard errors from the Hessian', () => {
    const se = fit.standardErrors as Record<string, number>;
    for (const name of ['r', 'alpha', 'a', 'b']) {
      expect(se[name]).toBeGreaterThan(0);
      expect(se[name]).toBeLessThan(fit.params[name as 'r'] );
    }
  });

  it('sums the per-customer log-likelihood to the reported total', () => {
    let total = 0;
    for (let i = 0; i < summary.x.length; i++) total += bgNbdLogLikelihood(fit.params, summary.x[i], summary.tx[i], summary.T[i]);
    expect(total).toBeCloseTo(fit.logLikelihood, 6);
  });

  it('reproduces E[X(t)] for a new customer', () => {
    const ts = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    ts.forEach((t, k) => expect(Math.abs(bgNbdExpectedPurchases(fit.params, t) - expected[k])).toBeLessThan(0.001));
  });

  it('reproduces customer 1 (x = 2, t_x = 30.43, T = 38.86)', () => {
    expect(Math.abs(bgNbdConditionalExpectedPurchases(fit.params, 39, 2, 30.43, 38.86) - 1.226)).toBeLessThan(0.001);
    expect(Math.abs(bgNbdPAlive(fit.params, 2, 30.43, 38.86) - 0.7266)).toBeLessThan(0.001);
  });

  it('gives P(alive) = 1 exactly without a repeat purchase', () => {
    expect(bgNbdPAlive(fit.params, 0, 0, 38.86)).toBe(1);
  });
});

describe('bgNbdProbabilityOfPurchases at (0.243, 4.414, 0.793, 2.426)', () => {
  const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  it('matches the published probabilities', () => {
    expect(Math.abs(bgNbdProbabilityOfPurchases(params, 2, 10) / 1.07869e-7 - 1)).toBeLessThan(1e-3);
    expect(Math.abs(bgNbdProbabilityOfPurchases(params, 39, 0) - 0.5737864)).toBeLessThan(1e-5);
    const p30 = [0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.000222226];
    p30.forEach((p, k) => expect(Math.abs(bgNbdProbabilityOfPurchases(params, 30, 11 + k) - p)).toBeLessThan(1e-5));
  });

  it('sums to 1 over n', () => {
    let total = 0;
    for (let n = 0; n < 400; n++) total += bgNbdProbabilityOfPurchases(params, 30, n);
    expect(total).toBeCloseTo(1, 8);
  });
});
