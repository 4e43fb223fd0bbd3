import type { Objective } from './Objective';

export interface MinimizeResult {
  theta: Float64Array;
  value: number;
  iterations: number;
  /** Largest absolute gradient component at `theta`. */
  gradientNorm: number;
  converged: boolean;
}

export interface MinimizeOptions {
  maxIterations?: number;
  /** Converged when every gradient component is below this. */
  gradientTolerance?: number;
  /** Longest step in parameter space (log scale: a factor e^maxStep). */
  maxStep?: number;
}

/**
 * Quasi-Newton minimisation (BFGS on the inverse Hessian) with a backtracking line search that
 * enforces the Armijo condition and only updates the Hessian when the curvature condition
 * holds, so the approximation stays positive definite. Non-finite values (outside the
 * parameter space) count as a failed step, never as a result.
 *
 * @example
 * const r = minimizeBfgs((t, g) => { if (g) g[0] = 2 * (t[0] - 3); return (t[0] - 3) ** 2; }, Float64Array.from([0]));
 * r.theta[0]; // 3
 */
export function minimizeBfgs(f: Objective, start: Float64Array, options: MinimizeOptions = {}): MinimizeResult {
  const maxIterations = options.maxIterations ?? 500;
  const gtol = options.gradientTolerance ?? 1e-9;
  const maxStep = options.maxStep ?? 5;
  const n = start.length;
  let theta = Float64Array.from(start);
  let g = new Float64Array(n);
  let value = f(theta, g);
  const H = identity(n);
  const direction = new Float64Array(n);
  const next = new Float64Array(n);
  const gNext = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let iterations = 0;
  let freshHessian = true;
  if (!Number.isFinite(value)) return { theta, value, iterations, gradientNorm: Infinity, converged: false };
  while (iterations < maxIterations) {
    if (norm(g) < gtol) break;
    iterations++;
    let slope = 0;
    let longest = 0;
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < n; j++) d -= H[i * n + j] * g[j];
      direction[i] = d;
      slope += d * g[i];
      longest = Math.max(longest, Math.abs(d));
    }
    if (!(slope < 0)) {
      resetTo(H, n, 1);
      freshHessian = true;
      continue;
    }
    let step = longest > maxStep ? maxStep / longest : 1;
    let accepted = false;
    let newValue = NaN;
    for (let k = 0; k < 60; k++) {
      for (let i = 0; i < n; i++) next[i] = theta[i] + step * direction[i];
      newValue = f(next, gNext);
      if (Number.isFinite(newValue) && newValue <= value + 1e-4 * step * slope && allFinite(gNext)) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) {
      if (freshHessian) break;
      resetTo(H, n, 1);
      freshHessian = true;
      continue;
    }
    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = next[i] - theta[i];
      y[i] = gNext[i] - g[i];
      sy += s[i] * y[i];
    }
    if (sy > 1e-300) {
      if (freshHessian) {
        let yy = 0;
        for (let i = 0; i < n; i++) yy += y[i] * y[i];
        resetTo(H, n, sy / yy);
      }
      updateInverseHessian(H, n, s, y, sy, Hy);
      freshHessian = false;
    }
    const progress = value - newValue;
    [theta, g] = [Float64Array.from(next), Float64Array.from(gNext)];
    value = newValue;
    if (progress <= 1e-16 * Math.max(1, Math.abs(value)) && norm(g) < Math.sqrt(gtol)) break;
  }
  const gradientNorm = norm(g);
  return { theta, value, iterations, gradientNorm, converged: gradientNorm < Math.max(gtol, 1e-6) };
}

function updateInverseHessian(H: Float64Array, n: number, s: Float64Array, y: Float64Array, sy: number, Hy: Float64Array): void {
  let yHy = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v += H[i * n + j] * y[j];
    Hy[i] = v;
    yHy += y[i] * v;
  }
  const rho = 1 / sy;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i * n + j] += rho * ((1 + rho * yHy) * s[i] * s[j] - Hy[i] * s[j] - s[i] * Hy[j]);
    }
  }
}

function identity(n: number): Float64Array {
  const H = new Float64Array(n * n);
  resetTo(H, n, 1);
  return H;
}

function resetTo(H: Float64Array, n: number, scale: number): void {
  H.fill(0);
  for (let i = 0; i < n; i++) H[i * n + i] = scale;
}

function norm(g: Float64Array): number {
  let m = 0;
  for (let i = 0; i < g.length; i++) m = Math.max(m, Math.abs(g[i]));
  return Number.isNaN(m) ? Infinity : m;
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}
