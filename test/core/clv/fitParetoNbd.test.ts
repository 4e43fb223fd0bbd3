import { fitBgNbd } from '../../../src/core/clv/fitBgNbd';
import { fitParetoNbd } from '../../../src/core/clv/fitParetoNbd';
import { lnGamma } from '../../../src/core/clv/lnGamma';
import { paretoNbdLogLikelihood } from '../../../src/core/clv/paretoNbdLogLikelihood';
import {
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdPAlive,
  paretoNbdProbabilityOfPurchases,
} from '../../../src/core/clv/paretoNbdPredictions';
import type { ParetoNbdParams } from '../../../src/core/clv/ClvModel';
import { cdnowSummary } from './readCdnow';

/** Composite Simpson on [a, b] with n (even) intervals, in the variable u = ln(shift + τ). */
function simpsonLog(f: (tau: number) => number, a: number, b: number, shift: number, n = 20000): number {
  const lo = Math.log(shift + a);
  const hi = Math.log(shift + b);
  const h = (hi - lo) / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const u = lo + i * h;
    const tau = Math.exp(u) - shift;
    const w = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
    sum += w * f(tau) * (shift + tau);
  }
  return (sum * h) / 3;
}

/**
 * Independent likelihood: given λ and μ, L = λ^x e^−(λ+μ)T + ∫_{t_x}^{T} λ^x e^−λτ μ e^−μτ dτ;
 * the gamma mixtures of λ^x e^−λτ and μ e^−μτ are closed form, the τ integral is numerical.
 */
function likelihoodByIntegration(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const lambdaPart = (tau: number): number => Math.exp(lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) - (r + x) * Math.log(alpha + tau));
  const muSurvival = (tau: number): number => Math.pow(beta / (beta + tau), s);
  const muDensity = (tau: number): number => (s / beta) * Math.pow(beta / (beta + tau), s + 1);
  const alive = lambdaPart(T) * muSurvival(T);
  const died = tx < T ? simpsonLog((tau) => lambdaPart(tau) * muDensity(tau), tx, T, Math.min(alpha, beta)) : 0;
  return Math.log(alive + died);
}

describe('Pareto/NBD likelihood', () => {
  const points: [string, ParetoNbdParams][] = [
    ['α < β (CDNOW estimates)', { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }],
    ['α > β', { r: 1.3, alpha: 25, s: 2.2, beta: 3 }],
    ['α = β', { r: 0.8, alpha: 7, s: 0.9, beta: 7 }],
    ['β tiny next to α (argument near 1)', { r: 1, alpha: 1e4, s: 0.5, beta: 0.01 }],
    ['α tiny next to β', { r: 0.1, alpha: 0.01, s: 3, beta: 1e4 }],
  ];
  const rows: [number, number, number][] = [[0, 0, 38.86], [2, 30.43, 38.86], [1, 1.71, 38.86], [12, 10, 32.5], [3, 38.86, 38.86]];
  it.each(points)('agrees with numerical integration: %s', (_, params) => {
    for (const [x, tx, T] of rows) {
      const ours = paretoNbdLogLikelihood(params, x, tx, T);
      expect(Math.abs(ours - likelihoodByIntegration(params, x, tx, T))).toBeLessThan(1e-8 * Math.max(1, Math.abs(ours)));
    }
  });

  it('keeps P(alive) in (0, 1], equal to 1 when the last purchase is at T', () => {
    for (const [, params] of points) {
      for (const [x, tx, T] of rows) {
        const p = paretoNbdPAlive(params, x, tx, T);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
      }
      expect(paretoNbdPAlive(params, 3, 20, 20)).toBe(1);
    }
  });
});

describe('Pareto/NBD predictions', () => {
  const params = { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 };

  it('E[X(t)] = (r/α)∫₀ᵗ P(τ > u) du by numerical integration', () => {
    for (const t of [0.5, 1, 39, 78, 520]) {
      const integral = (params.r / params.alpha) * simpsonLog((u) => Math.pow(params.beta / (params.beta + u), params.s), 0, t, params.beta);
      expect(paretoNbdExpectedPurchases(params, t)).toBeCloseTo(integral, 9);
    }
  });

  it('tends to r t / α without dropout (s → 0, β → ∞) and is continuous at s = 1', () => {
    const noDropout = { r: 0.7, alpha: 5, s: 1e-9, beta: 1e9 };
    expect(paretoNbdExpectedPurchases(noDropout, 30)).toBeCloseTo((0.7 * 30) / 5, 6);
    const at1 = paretoNbdExpectedPurchases({ ...params, s: 1 }, 39);
    expect(at1).toBeCloseTo(paretoNbdExpectedPurchases({ ...params, s: 1 + 1e-7 }, 39), 6);
    expect(at1).toBeCloseTo(((params.r * params.beta) / params.alpha) * Math.log(1 + 39 / params.beta), 12);
  });

  it('P(X(t) = n) sums to 1 and its mean is E[X(t)]', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 300; n++) {
      const p = paretoNbdProbabilityOfPurchases(params, 39, n);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(paretoNbdExpectedPurchases(params, 39), 5);
  });

  it('expects fewer future purchases from a customer who has been quiet longer', () => {
    const recent = paretoNbdConditionalExpectedPurchases(params, 39, 2, 38, 38.86);
    const quiet = paretoNbdConditionalExpectedPurchases(params, 39, 2, 5, 38.86);
    expect(quiet).toBeLessThan(recent);
    expect(recent).toBeGreaterThan(0);
  });
});

describe('fitParetoNbd on CDNOW', () => {
  // Literature values as quoted in issue #6: r ≈ 0.55, α ≈ 10.58, s ≈ 0.61, β ≈ 11.67, LL ≈ −9594.98
  // (not re-checked against the paper here). β is weakly identified (SE ≈ 6), hence its wider tolerance.
  const fit = fitParetoNbd(cdnowSummary());
  it('converges to the published estimates', () => {
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.params.r - 0.553)).toBeLessThan(0.005);
    expect(Math.abs(fit.params.alpha - 10.58)).toBeLessThan(0.05);
    expect(Math.abs(fit.params.s - 0.606)).toBeLessThan(0.005);
    expect(Math.abs(fit.params.beta - 11.67)).toBeLessThan(0.1);
    expect(Math.abs(fit.logLikelihood - -9594.98)).toBeLessThan(0.05);
  });

  it('has a log-likelihood near BG/NBD’s (within 0.2 %)', () => {
    const bg = fitBgNbd(cdnowSummary());
    expect(Math.abs(fit.logLikelihood - bg.logLikelihood) / Math.abs(bg.logLikelihood)).toBeLessThan(0.002);
  });
});
