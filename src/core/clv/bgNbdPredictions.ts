import type { BgNbdParams } from './ClvModel';
import { logHyp2f1 } from './hyp2f1';
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
 * (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))].
 *
 * @example
 * bgNbdExpectedPurchases({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }, 39); // ≈ 1.19
 */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = params;
  if (t === 0) return 0;
  const logTail = r * Math.log(alpha / (alpha + t)) + logHyp2f1(r, b, a + b - 1, t / (alpha + t));
  return ((a + b - 1) / (a - 1)) * -Math.expm1(logTail);
}

/**
 * Expected purchases in (T, T+t] for a customer who is alive at T (the conditional
 * expectation of FHL 2005, eq. 10, divided by P(alive)). It depends on x and T only, which is
 * what lets scoring cache it per distinct (x, T).
 *
 * @example
 * bgNbdExpectedPurchasesIfAlive(params, 2, 38.86, 39) * bgNbdPAlive(params, 2, 30.43, 38.86); // 1.226
 */
export function bgNbdExpectedPurchasesIfAlive(params: BgNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = params;
  if (t === 0) return 0;
  const rx = r + x;
  const logTail = rx * Math.log((alpha + T) / (alpha + T + t)) + logHyp2f1(rx, b + x, a + b + x - 1, t / (alpha + T + t));
  return ((a + b + x - 1) / (a - 1)) * -Math.expm1(logTail);
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
