import { isoFromDayNumber } from '../table/dayNumber';
import type { ClvModel, PurchaseModelFit } from './ClvModel';
import type { ClvSummary } from './ClvSummary';
import { fitBgNbd } from './fitBgNbd';
import { fitGammaGamma } from './fitGammaGamma';
import { fitParetoNbd } from './fitParetoNbd';

export interface FitClvModelOptions {
  /** Purchase model; default 'bgnbd'. */
  model?: 'bgnbd' | 'paretonbd';
  /** L2 penalizer for the purchase model (0 = plain maximum likelihood). */
  penalizer?: number;
  /** L2 penalizer for Gamma-Gamma. */
  spendPenalizer?: number;
}

/**
 * Fits a purchase model and, when the summary has monetary values, Gamma-Gamma, and returns
 * them as one plain-JSON {@link ClvModel} for a recipe and the custom functions.
 *
 * @example
 * const model = fitClvModel(summaryFromTransactions({ ...cols, calibrationEnd, timeUnit: 'week' }));
 * JSON.stringify(model); // { "model": "bgnbd", "timeUnit": "week", "calibrationEnd": "1997-09-30", "params": {...}, "gammaGamma": {...}, ... }
 */
export function fitClvModel(summary: ClvSummary, options: FitClvModelOptions = {}): ClvModel {
  const penalty = { penalizer: options.penalizer ?? 0 };
  const fit: PurchaseModelFit = options.model === 'paretonbd' ? fitParetoNbd(summary, penalty) : fitBgNbd(summary, penalty);
  const base = {
    version: 1 as const,
    timeUnit: summary.timeUnit,
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    gradientNorm: fit.gradientNorm,
  };
  const model: ClvModel = fit.model === 'bgnbd' ? { model: 'bgnbd', params: fit.params, ...base } : { model: 'paretonbd', params: fit.params, ...base };
  if (summary.calibrationEnd !== undefined) model.calibrationEnd = isoFromDayNumber(summary.calibrationEnd);
  if (fit.standardErrors) model.standardErrors = fit.standardErrors;
  if (hasSpend(summary)) {
    const gg = fitGammaGamma(summary, { penalizer: options.spendPenalizer ?? 0 });
    model.gammaGamma = {
      params: gg.params,
      logLikelihood: gg.logLikelihood,
      converged: gg.converged,
      iterations: gg.iterations,
      correlation: gg.correlation,
      warnings: gg.warnings,
    };
  }
  return model;
}

function hasSpend(summary: ClvSummary): boolean {
  const { x, monetary, included } = summary;
  for (let i = 0; i < x.length; i++) if (included[i] && x[i] > 0 && !Number.isNaN(monetary[i])) return true;
  return false;
}
