import type { FitDiagnostics } from './ClvModel';
import type { LikelihoodFit } from './maximizeLikelihood';

/**
 * A maximum-likelihood fit as every CLV model reports it: parameters and standard errors by
 * name, with the diagnostics. `names` are in the optimiser's parameter order.
 *
 * @example
 * namedFit(['r', 'alpha', 'a', 'b'] as const, fit, { customers: 2357, uniqueRows: 1400, penalizer: 0 }).params.r;
 */
export function namedFit<K extends string>(
  names: readonly K[],
  fit: LikelihoodFit,
  counts: { customers: number; uniqueRows: number; penalizer: number },
): FitDiagnostics & { params: Record<K, number> } {
  const byName = (values: Float64Array) => Object.fromEntries(names.map((n, i) => [n, values[i]])) as Record<K, number>;
  return {
    params: byName(fit.params),
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    gradientNorm: fit.gradientNorm,
    method: fit.method,
    ...counts,
    ...(fit.standardErrors ? { standardErrors: byName(fit.standardErrors) } : {}),
  };
}
