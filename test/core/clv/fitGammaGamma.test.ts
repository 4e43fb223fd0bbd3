import { fitGammaGamma } from '../../../src/core/clv/fitGammaGamma';
import { gammaGammaExpectedSpend } from '../../../src/core/clv/gammaGammaExpectedSpend';
import { summaryFromColumns } from '../../../src/core/clv/summaryFromColumns';
import { cdnowSummary } from './readCdnow';

describe('fitGammaGamma on CDNOW repeat customers', () => {
  const summary = cdnowSummary('cdnow_customers_summary_with_transactions.csv');
  const fit = fitGammaGamma(summary);

  it('uses the 946 repeat customers with the published zbar statistics', () => {
    expect(fit.customers).toBe(946);
    const z = Array.from(summary.monetary).filter((_, i) => summary.x[i] > 0).sort((a, b) => a - b);
    const mean = z.reduce((s, v) => s + v, 0) / z.length;
    const median = (z[472] + z[473]) / 2;
    expect(Math.abs(mean - 35.08)).toBeLessThan(0.01);
    expect(Math.abs(median - 27.5)).toBeLessThan(0.01);
    expect(Math.abs(z[z.length - 1] - 299.63)).toBeLessThan(0.01);
    expect(Math.abs(fit.correlation - 0.11)).toBeLessThan(0.01);
    expect(fit.warnings).toEqual([]);
  });

  it('reproduces p, q, γ and the log-likelihood', () => {
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.params.p - 6.25)).toBeLessThan(0.01);
    expect(Math.abs(fit.params.q - 3.74)).toBeLessThan(0.01);
    expect(Math.abs(fit.params.gamma - 15.44)).toBeLessThan(0.02);
    expect(Math.abs(fit.logLikelihood - -4055.92)).toBeLessThan(0.05);
    expect(fit.standardErrors?.p).toBeGreaterThan(0);
  });

  it('reproduces the conditional expected spend of the first 10 customers', () => {
    const params = { p: 6.25, q: 3.74, gamma: 15.44 };
    const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    expected.forEach((v, i) => expect(Math.abs(gammaGammaExpectedSpend(params, summary.x[i], summary.monetary[i]) - v)).toBeLessThan(0.1));
  });

  it('warns when frequency and spend are strongly correlated', () => {
    const n = 200;
    const x = Float64Array.from({ length: n }, (_, i) => 1 + (i % 10));
    const z = Float64Array.from(x, (v, i) => 10 * v + (i % 7));
    const s = summaryFromColumns([
      { name: 'x', values: x },
      { name: 't_x', values: new Float64Array(n).fill(1) },
      { name: 'T', values: new Float64Array(n).fill(2) },
      { name: 'zbar', values: z },
    ]);
    const correlated = fitGammaGamma(s);
    expect(correlated.correlation).toBeGreaterThan(0.9);
    expect(correlated.warnings.map((w) => w.code)).toEqual(['W_CLV_SPEND_FREQUENCY_CORRELATED']);
  });
});
