import type { Rng } from './createRng';

/**
 * Gamma(shape, scale) by Marsaglia & Tsang (2000); shapes below 1 use the boost
 * Gamma(a) = Gamma(a + 1) · U^(1/a).
 */
export function sampleGamma(rng: Rng, shape: number, scale: number): number {
  if (shape < 1) {
    let u = rng.next();
    while (u === 0) u = rng.next();
    return sampleGamma(rng, shape + 1, scale) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** Beta(a, b) from two gammas. */
export function sampleBeta(rng: Rng, a: number, b: number): number {
  const x = sampleGamma(rng, a, 1);
  const y = sampleGamma(rng, b, 1);
  return x / (x + y);
}

/** Exponential with the given rate. */
export function sampleExponential(rng: Rng, rate: number): number {
  let u = rng.next();
  while (u === 0) u = rng.next();
  return -Math.log(u) / rate;
}

/** Poisson by inversion (the sample generator only needs small means). */
export function samplePoisson(rng: Rng, mean: number): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** Index drawn from cumulative weights (ascending, last = total). */
export function sampleIndex(rng: Rng, cumulative: ArrayLike<number>): number {
  const u = rng.next() * cumulative[cumulative.length - 1];
  let i = 0;
  while (i < cumulative.length - 1 && u >= cumulative[i]) i++;
  return i;
}

export function cumulate(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, i) => {
    s += w;
    out[i] = s;
  });
  return out;
}
