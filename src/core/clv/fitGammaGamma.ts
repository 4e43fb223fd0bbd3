import { SegmentKitError } from '../errors/SegmentKitError';
import type { ClvSummary } from './ClvSummary';
import type { ClvWarning, GammaGammaFit } from './ClvModel';
import { digamma } from './digamma';
import { lnGamma } from './lnGamma';
import { namedFit } from './namedFit';
import { maximizeLikelihood, type MaximizeOptions } from './maximizeLikelihood';
import type { Objective } from './Objective';

/** |ρ(frequency, spend)| above this makes the Gamma-Gamma independence assumption doubtful. */
export const SPEND_CORRELATION_WARNING = 0.3;

/**
 * Fits Gamma-Gamma (p, q, γ) on repeat customers (x > 0) by maximum likelihood (Fader &
 * Hardie 2013): the mean spend z̄ of a customer's x repeat purchases has density
 * Γ(px+q)/(Γ(px)Γ(q)) · γ^q z̄^(px−1) x^(px) / (γ + x z̄)^(px+q).
 * The model assumes spend is independent of frequency: their correlation is reported, with the
 * warning `W_CLV_SPEND_FREQUENCY_CORRELATED` when |ρ| > 0.3.
 *
 * @example
 * const gg = fitGammaGamma(summaryFromColumns(cdnowWithZbar));
 * gg.params; // { p: 6.2488, q: 3.7446, gamma: 15.4477 }, gg.logLikelihood ≈ −4055.92
 */
export function fitGammaGamma(summary: ClvSummary, options: MaximizeOptions = {}): GammaGammaFit {
  const { x, monetary, included } = summary;
  const rows: number[] = [];
  let missingSpend = 0;
  for (let i = 0; i < x.length; i++) {
    if (!included[i] || !(x[i] > 0)) continue;
    const z = monetary[i];
    if (Number.isNaN(z)) {
      missingSpend++;
      continue;
    }
    if (!(z > 0) || z === Infinity || !Number.isInteger(x[i])) {
      throw new SegmentKitError('E_CLV_SPEND_NOT_POSITIVE', `Customer row ${i + 1} has x = ${x[i]} repeat purchases with mean spend ${z}`, {
        location: { column: 'monetary_value', row: i + 1 },
        hint: 'Gamma-Gamma needs a positive mean spend and a whole number of repeat purchases; remove returns-only or free-order customers first.',
      });
    }
    rows.push(i);
  }
  if (rows.length < 2) {
    throw new SegmentKitError(
      'E_CLV_TOO_FEW_CUSTOMERS',
      `Only ${rows.length} repeat customer(s) have a mean spend${missingSpend ? ` (${missingSpend} without one)` : ''}`,
      { hint: 'The spend model learns from customers with at least one repeat purchase and a monetary value; map the amount column or use a longer calibration period.' },
    );
  }
  const xs = Float64Array.from(rows, (i) => x[i]);
  const zs = Float64Array.from(rows, (i) => monetary[i]);
  let meanZ = 0;
  for (const z of zs) meanZ += z / zs.length;
  const fit = maximizeLikelihood(gammaGammaObjective(xs, zs), Float64Array.from([1, 1, meanZ]), rows.length, options);
  const correlation = pearson(xs, zs);
  const warnings: ClvWarning[] = [];
  if (Math.abs(correlation) > SPEND_CORRELATION_WARNING) {
    warnings.push({
      code: 'W_CLV_SPEND_FREQUENCY_CORRELATED',
      message: `Frequency and mean spend are correlated (ρ = ${correlation.toFixed(2)}); Gamma-Gamma assumes they are independent, so predicted spend may be biased.`,
    });
  }
  if (missingSpend > 0) {
    warnings.push({ code: 'W_CLV_SPEND_MISSING', message: `${missingSpend} repeat customers have no mean spend and were skipped.` });
  }
  return {
    model: 'gammagamma',
    ...namedFit(['p', 'q', 'gamma'] as const, fit, { customers: rows.length, uniqueRows: rows.length, penalizer: options.penalizer ?? 0 }),
    correlation,
    warnings,
  };
}

/**
 * Mean negative log-likelihood in θ = (ln p, ln q, ln γ) with its analytic gradient. Every term
 * but ln(γ + x z̄) depends on x alone or is fixed, so it is summed once per distinct x.
 */
function gammaGammaObjective(xs: Float64Array, zs: Float64Array): Objective {
  let maxX = 0;
  for (const v of xs) maxX = Math.max(maxX, v);
  const count = new Float64Array(maxX + 1);
  const sumLogZ = new Float64Array(maxX + 1);
  for (let i = 0; i < xs.length; i++) {
    count[xs[i]]++;
    sumLogZ[xs[i]] += Math.log(zs[i]);
  }
  const n = xs.length;
  return (theta, gradient) => {
    const p = Math.exp(theta[0]);
    const q = Math.exp(theta[1]);
    const gamma = Math.exp(theta[2]);
    const lgQ = lnGamma(q);
    const lnG = Math.log(gamma);
    const psiQ = gradient ? digamma(q) : 0;
    let ll = 0;
    let gp = 0;
    let gq = 0;
    let gg = 0;
    for (let k = 1; k <= maxX; k++) {
      const c = count[k];
      if (c === 0) continue;
      const px = p * k;
      const lnK = Math.log(k);
      ll += c * (lnGamma(px + q) - lnGamma(px) - lgQ + q * lnG + px * lnK) + (px - 1) * sumLogZ[k];
      if (gradient) {
        const psiPxQ = digamma(px + q);
        gp += k * (c * (psiPxQ - digamma(px) + lnK) + sumLogZ[k]);
        gq += c * (psiPxQ - psiQ + lnG);
        gg += (c * q) / gamma;
      }
    }
    for (let i = 0; i < n; i++) {
      const xi = xs[i];
      const base = gamma + xi * zs[i];
      const logBase = Math.log(base);
      const shape = p * xi + q;
      ll -= shape * logBase;
      if (gradient) {
        gp -= xi * logBase;
        gq -= logBase;
        gg -= shape / base;
      }
    }
    if (gradient) {
      gradient[0] = (-gp * p) / n;
      gradient[1] = (-gq * q) / n;
      gradient[2] = (-gg * gamma) / n;
    }
    return -ll / n;
  };
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}
