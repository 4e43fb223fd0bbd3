import type { MinimizeResult } from './minimizeBfgs';

/**
 * Derivative-free Nelder–Mead simplex with the dimension-adaptive coefficients of Gao & Han
 * (2012). It is the fallback when BFGS stalls (flat or badly scaled likelihoods); it does not
 * judge convergence by the gradient, so its result is polished by BFGS afterwards.
 *
 * @example
 * minimizeNelderMead((t) => (t[0] - 1) ** 2 + (t[1] + 2) ** 2, Float64Array.from([0, 0])).theta; // ≈ [1, −2]
 */
export function minimizeNelderMead(f: (theta: Float64Array) => number, start: Float64Array, maxIterations = 4000): MinimizeResult {
  const n = start.length;
  const alpha = 1;
  const beta = 1 + 2 / n;
  const gamma = 0.75 - 1 / (2 * n);
  const delta = 1 - 1 / n;
  const safe = (t: Float64Array): number => {
    const v = f(t);
    return Number.isFinite(v) ? v : Infinity;
  };
  const points: Float64Array[] = [Float64Array.from(start)];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(start);
    p[i] += 0.5;
    points.push(p);
  }
  const values = points.map(safe);
  const centroid = new Float64Array(n);
  const along = (coef: number): Float64Array => {
    const worst = points[n];
    const p = new Float64Array(n);
    for (let i = 0; i < n; i++) p[i] = centroid[i] + coef * (centroid[i] - worst[i]);
    return p;
  };
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const order = values.map((v, i) => i).sort((i, j) => values[i] - values[j]);
    const sortedPoints = order.map((i) => points[i]);
    const sortedValues = order.map((i) => values[i]);
    for (let i = 0; i <= n; i++) {
      points[i] = sortedPoints[i];
      values[i] = sortedValues[i];
    }
    if (Math.abs(values[n] - values[0]) <= 1e-13 * (1 + Math.abs(values[0]))) break;
    centroid.fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += points[k][i] / n;
    const reflected = along(alpha);
    const fr = safe(reflected);
    if (fr < values[0]) {
      const expanded = along(alpha * beta);
      const fe = safe(expanded);
      if (fe < fr) replaceWorst(expanded, fe);
      else replaceWorst(reflected, fr);
    } else if (fr < values[n - 1]) {
      replaceWorst(reflected, fr);
    } else {
      const outside = fr < values[n];
      const contracted = along(outside ? alpha * gamma : -gamma);
      const fc = safe(contracted);
      if (fc < (outside ? fr : values[n])) replaceWorst(contracted, fc);
      else {
        for (let k = 1; k <= n; k++) {
          for (let i = 0; i < n; i++) points[k][i] = points[0][i] + delta * (points[k][i] - points[0][i]);
          values[k] = safe(points[k]);
        }
      }
    }
  }
  function replaceWorst(p: Float64Array, v: number): void {
    points[n] = p;
    values[n] = v;
  }
  let best = 0;
  for (let k = 1; k <= n; k++) if (values[k] < values[best]) best = k;
  return { theta: points[best], value: values[best], iterations, gradientNorm: NaN, converged: false };
}
