const MAX_TERMS = 500_000;
const RELATIVE_TOLERANCE = 1e-16;
/** Rescale the running sum before it could overflow: large shape parameters make early terms grow. */
const RESCALE_AT = 1e250;

/**
 * ln of the Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 and c > 0, where the
 * value is positive (all uses in the CLV models have a, b, c > 0, or a sign-stable series).
 *
 * The power series converges for |z| < 1 but its tail decays like n^(a+b−c−1)·zⁿ. Euler's
 * transformation ₂F₁(a,b;c;z) = (1−z)^(c−a−b)·₂F₁(c−a, c−b; c; z) turns that into
 * n^(c−a−b−1)·zⁿ, so the series with the smaller exponent is summed. The sum is kept with a
 * separate log scale, so shapes in the hundreds (heavy buyers) do not overflow.
 *
 * @example
 * Math.exp(logHyp2f1(1, 1, 2, 0.5)); // −ln(1 − 0.5)/0.5 = 1.3862943611198906
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 0;
  if (c - a - b < 0 && c - a > 0 && c - b > 0) {
    return (c - a - b) * Math.log1p(-z) + logSeries(c - a, c - b, c, z);
  }
  return logSeries(a, b, c, z);
}

function logSeries(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    sum += term;
    if (Math.abs(term) <= RELATIVE_TOLERANCE * Math.abs(sum)) break;
    if (Math.abs(sum) > RESCALE_AT) {
      logScale += Math.log(Math.abs(sum));
      term /= Math.abs(sum);
      sum = Math.sign(sum);
    }
  }
  return logScale + Math.log(sum);
}
