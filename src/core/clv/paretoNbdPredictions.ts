import type { ParetoNbdParams } from './ClvModel';
import { integrate } from './gaussLegendre';
import { lnGamma } from './lnGamma';
import { logAddExp } from './logAddExp';
import { paretoNbdLogParts } from './paretoNbdLogLikelihood';

/**
 * P(alive at T | x, t_x, T) under Pareto/NBD: the "alive" share of the likelihood
 * (Fader & Hardie 2005 note, eq. 18). Always in (0, 1]; exactly 1 when t_x = T.
 *
 * @example
 * paretoNbdPAlive({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 2, 30.43, 38.86);
 */
export function paretoNbdPAlive(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const p = paretoNbdLogParts(params, x, tx, T);
  return Math.exp(p.alive - logAddExp(p.alive, p.died));
}

/**
 * (β/(β+t))^(s−1) subtracted from 1, divided by (s−1), stable near s = 1 (where it is ln(1 + t/β)).
 */
function survivalIntegral(s: number, beta: number, t: number): number {
  const logRatio = Math.log1p(t / beta);
  const k = s - 1;
  if (Math.abs(k * logRatio) < 1e-8) return logRatio * (1 - (k * logRatio) / 2);
  return -Math.expm1(-k * logRatio) / k;
}

/**
 * Expected purchases in (0, t] for a new customer: (rβ / α) · [1 − (β/(β+t))^(s−1)] / (s−1)
 * (the note's eq. 17). As s → 0 and β → ∞ (no dropout) it tends to r t / α.
 *
 * @example
 * paretoNbdExpectedPurchases({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 39);
 */
export function paretoNbdExpectedPurchases(params: ParetoNbdParams, t: number): number {
  const { r, alpha, s, beta } = params;
  return ((r * beta) / alpha) * survivalIntegral(s, beta, t);
}

/**
 * Expected purchases in (T, T+t] for a customer alive at T; depends on x and T only.
 *
 * @example
 * paretoNbdExpectedPurchasesIfAlive(params, 2, 38.86, 39);
 */
export function paretoNbdExpectedPurchasesIfAlive(params: ParetoNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, s, beta } = params;
  return (((r + x) * (beta + T)) / (alpha + T)) * survivalIntegral(s, beta + T, t);
}

/**
 * Expected purchases in the next t periods for a customer with history (x, t_x, T) (the note's eq. 19).
 *
 * @example
 * paretoNbdConditionalExpectedPurchases({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 39, 2, 30.43, 38.86);
 */
export function paretoNbdConditionalExpectedPurchases(params: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
  return paretoNbdPAlive(params, x, tx, T) * paretoNbdExpectedPurchasesIfAlive(params, x, T, t);
}

/**
 * P(X(t) = n) for a new customer. Given the dropout time τ, purchases are NBD(r, α) over
 * min(τ, t); τ is Pareto(s, β), so
 * P = NB(n; τ=t)·(β/(β+t))^s + ∫₀ᵗ NB(n; τ) · sβ^s/(β+τ)^(s+1) dτ,
 * and the integral (smooth on [0, t]) is done by composite Gauss–Legendre quadrature.
 *
 * @example
 * paretoNbdProbabilityOfPurchases({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 39, 0);
 */
export function paretoNbdProbabilityOfPurchases(params: ParetoNbdParams, t: number, n: number): number {
  const { r, alpha, s, beta } = params;
  const logCoef = lnGamma(r + n) - lnGamma(r) - lnGamma(n + 1);
  const logNegBin = (tau: number): number =>
    tau === 0 ? (n === 0 ? 0 : -Infinity) : logCoef + r * Math.log(alpha / (alpha + tau)) + n * Math.log(tau / (alpha + tau));
  const survived = Math.exp(logNegBin(t) + s * Math.log(beta / (beta + t)));
  const died = integrate((tau) => Math.exp(logNegBin(tau) + Math.log(s) + s * Math.log(beta) - (s + 1) * Math.log(beta + tau)), 0, t, 16, 24);
  return survived + died;
}
