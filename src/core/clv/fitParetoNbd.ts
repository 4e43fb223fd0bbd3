import type { ClvSummary } from './ClvSummary';
import type { ParetoNbdFit } from './ClvModel';
import { compressSummary } from './compressSummary';
import { namedFit } from './namedFit';
import { maximizeLikelihood, type MaximizeOptions } from './maximizeLikelihood';
import { meanOfIncluded } from './meanOfIncluded';
import { withNumericGradient } from './Objective';
import { paretoNbdObjectiveValue } from './paretoNbdLogLikelihood';
import { validateSummary } from './validateSummary';

/**
 * Fits Pareto/NBD (r, α, s, β) by maximum likelihood on weighted distinct (x, t_x, T) rows,
 * optimising log parameters with BFGS on central-difference gradients (the likelihood involves
 * ₂F₁, whose parameter derivatives are not worth their cost), Nelder–Mead fallback.
 *
 * @example
 * const fit = fitParetoNbd(summaryFromColumns(cdnowColumns));
 * fit.params; // ≈ { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, fit.logLikelihood ≈ −9595.0
 */
export function fitParetoNbd(summary: ClvSummary, options: MaximizeOptions = {}): ParetoNbdFit {
  validateSummary(summary);
  const data = compressSummary(summary);
  const meanT = Math.max(meanOfIncluded(summary.T, summary.included), 1e-3);
  const objective = withNumericGradient(paretoNbdObjectiveValue(data));
  const fit = maximizeLikelihood(objective, Float64Array.from([1, meanT, 1, meanT]), data.customers, {
    gradientTolerance: 1e-7,
    ...options,
  });
  return { model: 'paretonbd', ...namedFit(['r', 'alpha', 's', 'beta'] as const, fit, { customers: data.customers, uniqueRows: data.x.length, penalizer: options.penalizer ?? 0 }) };
}
