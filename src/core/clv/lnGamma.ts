/**
 * Lanczos coefficients for g = 7, n = 9 (the set popularised by Numerical Recipes and Boost):
 * relative error below 1e-15 for positive arguments, which is what likelihood sums of
 * thousands of terms need to stay exact to the second decimal.
 */
const G = 7;
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Natural logarithm of the gamma function, ln Γ(z), for real z > 0 (reflection is used below 0.5).
 *
 * @example
 * lnGamma(5); // ln 24 = 3.1780538303479458
 */
export function lnGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - lnGamma(1 - z);
  const zm1 = z - 1;
  let sum = COEFFICIENTS[0];
  for (let i = 1; i < 9; i++) sum += COEFFICIENTS[i] / (zm1 + i);
  const t = zm1 + G + 0.5;
  return HALF_LOG_TWO_PI + (zm1 + 0.5) * Math.log(t) - t + Math.log(sum);
}
