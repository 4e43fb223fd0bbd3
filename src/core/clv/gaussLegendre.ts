export interface QuadratureRule {
  nodes: Float64Array;
  weights: Float64Array;
}

const cache = new Map<number, QuadratureRule>();

/**
 * Gauss–Legendre nodes and weights on [−1, 1]: roots of P_n by Newton's method from the
 * Chebyshev-like initial guess, weights 2 / ((1 − x²) P_n'(x)²). Exact for polynomials of
 * degree 2n − 1; cached per n.
 *
 * @example
 * const { nodes, weights } = gaussLegendre(8);
 * nodes.reduce((s, x, i) => s + weights[i] * x * x, 0); // 2/3
 */
export function gaussLegendre(n: number): QuadratureRule {
  const hit = cache.get(n);
  if (hit) return hit;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      const pn = n === 1 ? x : p1;
      const pPrev = n === 1 ? 1 : p0;
      derivative = (n * (x * pn - pPrev)) / (x * x - 1);
      const dx = pn / derivative;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = weights[n - 1 - i] = 2 / ((1 - x * x) * derivative * derivative);
  }
  const rule = { nodes, weights };
  cache.set(n, rule);
  return rule;
}

/**
 * ∫ f over [a, b] by composite Gauss–Legendre (`panels` equal pieces of `order` nodes each).
 *
 * @example
 * integrate(Math.exp, 0, 1); // e − 1
 */
export function integrate(f: (t: number) => number, a: number, b: number, panels = 8, order = 20): number {
  const { nodes, weights } = gaussLegendre(order);
  const width = (b - a) / panels;
  let total = 0;
  for (let p = 0; p < panels; p++) {
    const mid = a + (p + 0.5) * width;
    for (let i = 0; i < order; i++) total += weights[i] * f(mid + 0.5 * width * nodes[i]);
  }
  return 0.5 * width * total;
}
