import { minimizeBfgs } from './minimizeBfgs';
import { minimizeNelderMead } from './minimizeNelderMead';
import type { Objective } from './Objective';

export interface LikelihoodFit {
  /** Natural-scale parameters in the order of `names`. */
  params: Float64Array;
  /** Total log-likelihood (penalty excluded). */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Largest gradient component of the mean negative log-likelihood, log-parameter scale. */
  gradientNorm: number;
  /** From the inverse observed information (Hessian of −LL); absent when it is not positive definite. */
  standardErrors?: Float64Array;
  method: 'bfgs' | 'nelder-mead+bfgs';
}

export interface MaximizeOptions {
  /** L2 penalty λ·Σ params² added to the mean negative log-likelihood (as Python lifetimes does). */
  penalizer?: number;
  gradientTolerance?: number;
  maxIterations?: number;
}

/**
 * Maximum likelihood for positive parameters: optimises θ = ln(params) (so positivity is
 * free and scales are balanced) with BFGS, falls back to Nelder–Mead when BFGS does not reach
 * a small gradient, and then polishes with BFGS again. `meanNegLogLik` works on log
 * parameters and returns the negative log-likelihood divided by `totalWeight`.
 *
 * @example
 * const fit = maximizeLikelihood(objective, Float64Array.from([1, 1, 1, 1]), customers);
 * fit.params; // natural-scale estimates
 */
export function maximizeLikelihood(
  meanNegLogLik: Objective,
  startParams: Float64Array,
  totalWeight: number,
  options: MaximizeOptions = {},
): LikelihoodFit {
  const lambda = options.penalizer ?? 0;
  const objective: Objective = (theta, gradient) => {
    const v = meanNegLogLik(theta, gradient);
    if (lambda === 0) return v;
    let penalty = 0;
    for (let i = 0; i < theta.length; i++) {
      const p = Math.exp(theta[i]);
      penalty += p * p;
      if (gradient) gradient[i] += 2 * lambda * p * p;
    }
    return v + lambda * penalty;
  };
  const bfgsOptions = { gradientTolerance: options.gradientTolerance ?? 1e-10, maxIterations: options.maxIterations ?? 500 };
  const start = startParams.map(Math.log);
  let result = minimizeBfgs(objective, start, bfgsOptions);
  let method: LikelihoodFit['method'] = 'bfgs';
  if (!result.converged) {
    const from = Number.isFinite(result.value) ? result.theta : start;
    const simplex = minimizeNelderMead((t) => objective(t, null), from);
    const polished = minimizeBfgs(objective, simplex.theta, bfgsOptions);
    polished.iterations += result.iterations + simplex.iterations;
    if (!(polished.value > result.value)) result = polished;
    method = 'nelder-mead+bfgs';
  }
  const params = result.theta.map(Math.exp);
  const logLikelihood = -meanNegLogLik(result.theta, null) * totalWeight;
  const fit: LikelihoodFit = {
    params,
    logLikelihood,
    converged: result.converged,
    iterations: result.iterations,
    gradientNorm: result.gradientNorm,
    method,
  };
  const se = standardErrors(objective, result.theta, totalWeight);
  if (se) fit.standardErrors = se;
  return fit;
}

/**
 * SE(p) = p·sqrt(diag(H⁻¹)) with H the Hessian of −LL in θ = ln p: at the optimum the gradient
 * vanishes, so the delta method maps log-scale curvature to natural-scale errors exactly.
 */
function standardErrors(objective: Objective, theta: Float64Array, totalWeight: number): Float64Array | undefined {
  const n = theta.length;
  const H = new Float64Array(n * n);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  const probe = Float64Array.from(theta);
  for (let j = 0; j < n; j++) {
    const h = 1e-4;
    probe[j] = theta[j] + h;
    objective(probe, up);
    probe[j] = theta[j] - h;
    objective(probe, down);
    probe[j] = theta[j];
    for (let i = 0; i < n; i++) H[i * n + j] = ((up[i] - down[i]) / (2 * h)) * totalWeight;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) H[i * n + j] = H[j * n + i] = 0.5 * (H[i * n + j] + H[j * n + i]);
  }
  const inverse = invertPositiveDefinite(H, n);
  if (!inverse) return undefined;
  const se = new Float64Array(n);
  for (let i = 0; i < n; i++) se[i] = Math.exp(theta[i]) * Math.sqrt(inverse[i * n + i]);
  return se;
}

/** Cholesky-based inverse; undefined when the matrix is not positive definite. */
function invertPositiveDefinite(A: Float64Array, n: number): Float64Array | undefined {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i * n + j];
      for (let k = 0; k < j; k++) sum -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (!(sum > 0)) return undefined;
        L[i * n + i] = Math.sqrt(sum);
      } else L[i * n + j] = sum / L[j * n + j];
    }
  }
  const inverse = new Float64Array(n * n);
  const column = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < n; i++) {
      let sum = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) sum -= L[i * n + k] * column[k];
      column[i] = sum / L[i * n + i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = column[i];
      for (let k = i + 1; k < n; k++) sum -= L[k * n + i] * column[k];
      column[i] = sum / L[i * n + i];
    }
    for (let i = 0; i < n; i++) inverse[i * n + c] = column[i];
  }
  return inverse;
}
