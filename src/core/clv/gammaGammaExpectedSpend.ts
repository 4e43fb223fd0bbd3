import type { GammaGammaParams } from './ClvModel';

/**
 * Conditional expected average spend per transaction, E[Z | x, z̄] = p(γ + x z̄) / (p x + q − 1)
 * (Fader & Hardie 2013): a weighted average of the population mean pγ/(q−1) and the customer's
 * own mean z̄. With x = 0 it is the population mean. Requires q > 1 (finite mean spend).
 *
 * @example
 * gammaGammaExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, 2, 22.35); // ≈ 24.65
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, x: number, meanSpend: number): number {
  const { p, q, gamma } = params;
  if (x === 0) return (p * gamma) / (q - 1);
  return (p * (gamma + x * meanSpend)) / (p * x + q - 1);
}
