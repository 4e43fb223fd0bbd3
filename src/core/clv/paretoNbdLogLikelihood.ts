import type { ParetoNbdParams } from './ClvModel';
import type { CompressedSummary } from './compressSummary';
import { logHyp2f1 } from './hyp2f1';
import { integrate } from './gaussLegendre';
import { lnGamma } from './lnGamma';
import { logAddExp, logSubExp } from './logAddExp';

/** The Pareto/NBD likelihood as ln L = head + ln(e^alive + e^died). */
export interface ParetoNbdLogParts {
  head: number;
  /** Log weight of "still alive at T". */
  alive: number;
  /** Log weight of "died between t_x and T". */
  died: number;
}

/**
 * The pieces of the Pareto/NBD likelihood (Fader & Hardie 2005, "A Note on Deriving the
 * Pareto/NBD Model and Related Expressions", eq. 22):
 * L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀ ],
 * A₀ = F(t_x) − F(T) with F(t) = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+t)) / (α+t)^(r+s+x) when
 * α ≥ β, and F(t) = ₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+t)) / (β+t)^(r+s+x) when α < β. The
 * choice keeps the argument in [0, 1), where the series converges; the difference is taken in
 * log space. When the argument would exceed 0.9 (one of α, β tiny next to the other) the series
 * needs thousands of terms, so A₀ is then integrated directly, see {@link logDeathIntegral}.
 *
 * @example
 * const p = paretoNbdLogParts({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 2, 30.43, 38.86);
 * p.head + Math.log(Math.exp(p.alive) + Math.exp(p.died)); // ln L of customer 1
 */
export function paretoNbdLogParts(params: ParetoNbdParams, x: number, tx: number, T: number): ParetoNbdLogParts {
  const { r, alpha, s, beta } = params;
  const rsx = r + s + x;
  const head = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  if (tx >= T) return { head, alive, died: -Infinity };
  const zMax = Math.abs(alpha - beta) / (Math.max(alpha, beta) + tx);
  if (zMax > SERIES_LIMIT) return { head, alive, died: Math.log(s) + logDeathIntegral(r + x, s, alpha, beta, tx, T) };
  let logF: (t: number) => number;
  if (alpha >= beta) {
    logF = (t) => logHyp2f1(rsx, s + 1, rsx + 1, (alpha - beta) / (alpha + t)) - rsx * Math.log(alpha + t);
  } else {
    logF = (t) => logHyp2f1(rsx, r + x, rsx + 1, (beta - alpha) / (beta + t)) - rsx * Math.log(beta + t);
  }
  const logA0 = logSubExp(logF(tx), logF(T));
  return { head, alive, died: Math.log(s) - Math.log(rsx) + logA0 };
}

/** Above this ₂F₁ argument the series converges too slowly; quadrature takes over. */
const SERIES_LIMIT = 0.9;

/**
 * ln ∫ from t_x to T of (α+τ)^−(r+x) (β+τ)^−(s+1) dτ, which equals A₀/(r+s+x). Substituting
 * u = ln(min(α,β) + τ) removes the peak near τ = 0 that a tiny α or β produces, leaving a smooth
 * integrand for Gauss–Legendre; it is scaled by its value at t_x (its maximum) to stay in range.
 */
function logDeathIntegral(rx: number, s: number, alpha: number, beta: number, tx: number, T: number): number {
  const small = Math.min(alpha, beta);
  const logIntegrand = (u: number): number => {
    const tau = Math.exp(u) - small;
    return -rx * Math.log(alpha + tau) - (s + 1) * Math.log(beta + tau) + u;
  };
  const lo = Math.log(small + tx);
  const hi = Math.log(small + T);
  const peak = logIntegrand(lo);
  return peak + Math.log(integrate((u) => Math.exp(logIntegrand(u) - peak), lo, hi, 6, 20));
}

/**
 * Log-likelihood of one customer under Pareto/NBD.
 *
 * @example
 * paretoNbdLogLikelihood({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 0, 0, 38.86);
 */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const p = paretoNbdLogParts(params, x, tx, T);
  return p.head + logAddExp(p.alive, p.died);
}

/** Mean negative log-likelihood over weighted distinct rows in θ = (ln r, ln α, ln s, ln β), value only. */
export function paretoNbdObjectiveValue(data: CompressedSummary): (theta: Float64Array) => number {
  const { x, tx, T, weight } = data;
  let total = 0;
  for (let i = 0; i < weight.length; i++) total += weight[i];
  return (theta) => {
    const params = { r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), s: Math.exp(theta[2]), beta: Math.exp(theta[3]) };
    let ll = 0;
    for (let i = 0; i < x.length; i++) ll += weight[i] * paretoNbdLogLikelihood(params, x[i], tx[i], T[i]);
    return -ll / total;
  };
}

