import type { CompressedSummary } from './compressSummary';
import { digamma } from './digamma';
import { lnGamma } from './lnGamma';
import type { Objective } from './Objective';

/**
 * Log-likelihood of one customer under BG/NBD (Fader, Hardie & Lee 2005, eq. 6), in log space:
 * ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *   + ln[ (α+T)^−(r+x) + 1{x>0} · a/(b+x−1) · (α+t_x)^−(r+x) ].
 *
 * @example
 * bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2, 30.43, 38.86);
 */
export function bgNbdLogLikelihood(params: { r: number; alpha: number; a: number; b: number }, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  const head =
    lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + lnGamma(a + b) + lnGamma(b + x) - lnGamma(b) - lnGamma(a + b + x);
  const stay = -(r + x) * Math.log(alpha + T);
  if (x === 0) return head + stay;
  const drop = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return head + Math.max(stay, drop) + Math.log1p(Math.exp(-Math.abs(stay - drop)));
}

/**
 * The mean negative BG/NBD log-likelihood over weighted distinct rows, with its analytic
 * gradient in θ = (ln r, ln α, ln a, ln b). Terms that depend on x only are computed once per
 * distinct x, so the per-row work is two logarithms, one exponential and one log1p.
 */
export function bgNbdObjective(data: CompressedSummary): Objective {
  const { x, tx, T, weight } = data;
  const rows = x.length;
  let maxX = 0;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    maxX = Math.max(maxX, x[i]);
    total += weight[i];
  }
  const weightOfX = new Float64Array(maxX + 1);
  for (let i = 0; i < rows; i++) weightOfX[x[i]] += weight[i];
  const dropConstant = new Float64Array(maxX + 1);
  return (theta, gradient) => {
    const r = Math.exp(theta[0]);
    const alpha = Math.exp(theta[1]);
    const a = Math.exp(theta[2]);
    const b = Math.exp(theta[3]);
    const lnAlpha = Math.log(alpha);
    let ll = 0;
    let gr = 0;
    let gAlpha = 0;
    let ga = 0;
    let gb = 0;
    const lgR = lnGamma(r);
    const lgAB = lnGamma(a + b);
    const lgB = lnGamma(b);
    const psiR = gradient ? digamma(r) : 0;
    const psiAB = gradient ? digamma(a + b) : 0;
    const psiB = gradient ? digamma(b) : 0;
    for (let k = 0; k <= maxX; k++) {
      const w = weightOfX[k];
      if (w === 0) continue;
      ll += w * (lnGamma(r + k) - lgR + r * lnAlpha + lgAB + lnGamma(b + k) - lgB - lnGamma(a + b + k));
      if (gradient) {
        gr += w * (digamma(r + k) - psiR + lnAlpha);
        gAlpha += (w * r) / alpha;
        const psiABk = digamma(a + b + k);
        ga += w * (psiAB - psiABk);
        gb += w * (psiAB + digamma(b + k) - psiB - psiABk);
      }
    }
    const lnA = Math.log(a);
    for (let k = 1; k <= maxX; k++) dropConstant[k] = lnA - Math.log(b + k - 1);
    for (let i = 0; i < rows; i++) {
      const xi = x[i];
      const w = weight[i];
      const rx = r + xi;
      const logT = Math.log(alpha + T[i]);
      const stay = -rx * logT;
      if (xi === 0) {
        ll += w * stay;
        if (gradient) {
          gr -= w * logT;
          gAlpha -= (w * rx) / (alpha + T[i]);
        }
        continue;
      }
      const logTx = Math.log(alpha + tx[i]);
      const drop = dropConstant[xi] - rx * logTx;
      const stayFirst = stay > drop;
      const e = Math.exp(stayFirst ? drop - stay : stay - drop);
      ll += w * ((stayFirst ? stay : drop) + Math.log1p(e));
      if (gradient) {
        const minorShare = e / (1 + e);
        const pStay = w * (stayFirst ? 1 - minorShare : minorShare);
        const pDrop = w - pStay;
        gr -= pStay * logT + pDrop * logTx;
        gAlpha -= rx * (pStay / (alpha + T[i]) + pDrop / (alpha + tx[i]));
        ga += pDrop / a;
        gb -= pDrop / (b + xi - 1);
      }
    }
    if (gradient) {
      gradient[0] = (-gr * r) / total;
      gradient[1] = (-gAlpha * alpha) / total;
      gradient[2] = (-ga * a) / total;
      gradient[3] = (-gb * b) / total;
    }
    return -ll / total;
  };
}
