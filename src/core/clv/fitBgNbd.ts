import { bgNbdObjective } from './bgNbdLogLikelihood';
import type { BgNbdFit } from './ClvModel';
import type { ClvSummary } from './ClvSummary';
import { compressSummary } from './compressSummary';
import { namedFit } from './namedFit';
import { maximizeLikelihood, type MaximizeOptions } from './maximizeLikelihood';
import { meanOfIncluded } from './meanOfIncluded';
import { validateSummary } from './validateSummary';

/**
 * Fits BG/NBD (r, α, a, b) by maximum likelihood on the (x, t_x, T) columns of a summary.
 * Customers with identical rows are merged with weights; the optimiser works on log
 * parameters with the analytic gradient (BFGS, Nelder–Mead fallback). α is in the summary's
 * time unit. Bad summaries throw SegmentKitError (see {@link validateSummary}); a fit that
 * does not converge is reported with `converged: false`, never thrown.
 *
 * @example
 * const fit = fitBgNbd(summaryFromColumns(cdnowColumns));
 * fit.params; // { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }, fit.logLikelihood ≈ −9582.43
 */
export function fitBgNbd(summary: ClvSummary, options: MaximizeOptions = {}): BgNbdFit {
  validateSummary(summary);
  const data = compressSummary(summary);
  const start = Float64Array.from([1, Math.max(meanOfIncluded(summary.T, summary.included), 1e-3), 1, 1]);
  const fit = maximizeLikelihood(bgNbdObjective(data), start, data.customers, options);
  return { model: 'bgnbd', ...namedFit(['r', 'alpha', 'a', 'b'] as const, fit, { customers: data.customers, uniqueRows: data.x.length, penalizer: options.penalizer ?? 0 }) };
}
