import type { TimeUnit } from './TimeUnit';

/** BG/NBD: purchase rate λ ~ Gamma(r, α); dropout probability after each purchase p ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Pareto/NBD: purchase rate λ ~ Gamma(r, α); dropout rate μ ~ Gamma(s, β). */
export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** Gamma-Gamma: spend per transaction ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** How a maximum-likelihood fit went: always reported, never a bare failure. */
export interface FitDiagnostics {
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  gradientNorm: number;
  /** Natural-scale standard errors by parameter name, when the Hessian is positive definite. */
  standardErrors?: Record<string, number>;
  method: 'bfgs' | 'nelder-mead+bfgs';
  /** Customers used, and distinct (x, t_x, T) rows the likelihood was evaluated on. */
  customers: number;
  uniqueRows: number;
  penalizer: number;
}

export interface BgNbdFit extends FitDiagnostics {
  model: 'bgnbd';
  params: BgNbdParams;
}

export interface ParetoNbdFit extends FitDiagnostics {
  model: 'paretonbd';
  params: ParetoNbdParams;
}

export type PurchaseModelFit = BgNbdFit | ParetoNbdFit;

export interface ClvWarning {
  code: string;
  message: string;
}

export interface GammaGammaFit extends FitDiagnostics {
  model: 'gammagamma';
  params: GammaGammaParams;
  /** Pearson correlation of frequency and mean spend among repeat customers (the model assumes none). */
  correlation: number;
  warnings: ClvWarning[];
}

/**
 * A fitted CLV model as plain JSON: stored in a recipe, read back by `=SK.CLV()` / `=SK.PALIVE()`.
 * `calibrationEnd` is `YYYY-MM-DD` when known.
 */
export type ClvModel = (
  | { model: 'bgnbd'; params: BgNbdParams }
  | { model: 'paretonbd'; params: ParetoNbdParams }
) & {
  version: 1;
  timeUnit: TimeUnit;
  calibrationEnd?: string;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  gradientNorm: number;
  standardErrors?: Record<string, number>;
  gammaGamma?: {
    params: GammaGammaParams;
    logLikelihood: number;
    converged: boolean;
    iterations: number;
    correlation: number;
    warnings: ClvWarning[];
  };
};
