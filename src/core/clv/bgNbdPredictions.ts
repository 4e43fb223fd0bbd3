import type { BgNbdParams } from './ClvModel';
import { logHyp2f1 } from './hyp2f1';
import { integrate } from './gaussLegendre';
import { lnGamma } from './lnGamma';

/**
 * Probability that a customer with history (x, t_x, T) is still alive at T (FHL 2005, eq. 13):
 * 1 / (1 + 1{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)). Customers without a repeat purchase
 * are alive with certainty under BG/NBD (dropout can only happen right after a purchase).
 *
 * @example
 * bgNbdPAlive({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }, 2, 30.43, 38.86); // 0.7266
 */
export function bgNbdPAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected number of purchases in (0, t] for a new customer (FHL 2005, eq. 9):
 * (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))]; it is the x = 0, T = 0 case
 * of {@link bgNbdExpectedPurchasesIfAlive}.
 *
 * @example
 * bgNbdExpectedPurchases({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }, 78); // 1.8576
 */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number): number {
  return bgNbdExpectedPurchasesIfAlive(params, 0, 0, t);
}

/** Beyond this ₂F₁ argument, or with c ≤ 0 or a ≈ 1, the closed form is replaced by quadrature. */
const SERIES_LIMIT = 0.95;

/**
 * Expected purchases in (T, T+t] for a customer who is alive at T (the conditional
 * expectation of FHL 2005, eq. 10, divided by P(alive)):
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))].
 * It depends on x and T only, which lets scoring cache it per distinct (x, T). Where that
 * closed form is ill-conditioned (a+b+x ≤ 1, a ≈ 1, argument near 1) the same quantity is
 * integrated over the posterior of p instead, see {@link expectedPurchasesByQuadrature}.
 *
 * @example
 * bgNbdExpectedPurchasesIfAlive(params, 2, 38.86, 39) * bgNbdPAlive(params, 2, 30.43, 38.86); // 1.226
 */
export function bgNbdExpectedPurchasesIfAlive(params: BgNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = params;
  if (t === 0) return 0;
  const rx = r + x;
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  if (c <= 0 || z > SERIES_LIMIT || Math.abs(a - 1) < 1e-6) return expectedPurchasesByQuadrature(params, x, T, t);
  const logTail = rx * Math.log((alpha + T) / (alpha + T + t)) + logHyp2f1(rx, b + x, c, z);
  const closed = (c / (a - 1)) * -Math.expm1(logTail);
  // Shapes in the thousands can defeat the series (cancellation); the quadrature stands in then.
  return Number.isFinite(closed) && closed >= 0 ? closed : expectedPurchasesByQuadrature(params, x, T, t);
}

/**
 * Given λ and p, an alive customer makes (1 − e^(−λpt))/p purchases in t on average; with the
 * posterior λ ~ Gamma(r+x, α+T) this is h(p) = [1 − (1 + pt/(α+T))^−(r+x)] / p, averaged over
 * p ~ Beta(a, b+x). The Beta density is integrated only over its mean ± 30 standard deviations
 * (beyond that its mass is below 1e-13), so a narrow posterior — a or b + x in the hundreds —
 * still falls on many nodes. It is evaluated in logs, so the normaliser cannot underflow. A
 * shape below 1 makes the density infinite at that end: there p = v^(1/a) (or 1 − p = w^(1/(b+x)))
 * removes the singularity before Gauss–Legendre.
 */
function expectedPurchasesByQuadrature(params: BgNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = params;
  const rx = r + x;
  const bx = b + x;
  const scale = t / (alpha + T);
  const h = (p: number): number => (p === 0 ? rx * scale : -Math.expm1(-rx * Math.log1p(p * scale)) / p);
  const logNorm = lnBeta(a, bx);
  const mean = a / (a + bx);
  const sd = Math.sqrt((a * bx) / ((a + bx) * (a + bx) * (a + bx + 1)));
  const lo = a < 1 ? 0 : Math.max(0, mean - 30 * sd);
  const hi = bx < 1 ? 1 : Math.min(1, mean + 30 * sd);
  const density = (p: number): number => Math.exp((a - 1) * Math.log(p) + (bx - 1) * Math.log1p(-p) - logNorm);
  let total = 0;
  if (lo < 0.5) {
    const to = Math.min(hi, 0.5);
    // p^(a−1) dp = dv / a under p = v^(1/a).
    total += a < 1
      ? integrate((v) => {
        const p = Math.pow(v, 1 / a);
        return h(p) * Math.exp((bx - 1) * Math.log1p(-p) - logNorm);
      }, 0, Math.pow(to, a)) / a
      : integrate((p) => h(p) * density(p), lo, to);
  }
  if (hi > 0.5) {
    const from = Math.max(lo, 0.5);
    total += bx < 1
      ? integrate((w) => {
        const q = Math.pow(w, 1 / bx);
        return h(1 - q) * Math.exp((a - 1) * Math.log1p(-q) - logNorm);
      }, 0, Math.pow(1 - from, bx)) / bx
      : integrate((p) => h(p) * density(p), from, hi);
  }
  return total;
}

/**
 * Expected purchases in the next t periods for a customer with history (x, t_x, T)
 * (FHL 2005, eq. 10).
 *
 * @example
 * bgNbdConditionalExpectedPurchases({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }, 39, 2, 30.43, 38.86); // 1.226
 */
export function bgNbdConditionalExpectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  return bgNbdPAlive(params, x, tx, T) * bgNbdExpectedPurchasesIfAlive(params, x, T, t);
}

/**
 * P(X(t) = n), the probability of exactly n purchases in (0, t] for a new customer (FHL 2005, eq. 8).
 *
 * @example
 * bgNbdProbabilityOfPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 0); // 0.5737864
 */
export function bgNbdProbabilityOfPurchases(params: BgNbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = params;
  const lnBetaAB = lnBeta(a, b);
  const logP0 = r * Math.log(alpha / (alpha + t));
  const logQ = Math.log(t / (alpha + t));
  const negBin = (j: number): number => Math.exp(lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + logP0 + j * logQ);
  const first = Math.exp(lnBeta(a, b + n) - lnBetaAB) * negBin(n);
  if (n === 0) return first;
  let below = 0;
  for (let j = 0; j < n; j++) below += negBin(j);
  return first + Math.exp(lnBeta(a + 1, b + n - 1) - lnBetaAB) * Math.max(0, 1 - below);
}

function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}
