import type { Rng } from '../random/createRng';

/**
 * Greedy k-means++ seeding as scikit-learn does it: at each step draw `2 + floor(ln k)`
 * candidates with probability proportional to the squared distance to the nearest chosen
 * centre, and keep the candidate that lowers the total potential most. Internal: callers
 * pass a valid matrix and 1 ≤ k ≤ n.
 *
 * @example
 * const centres = seedKmeansPlusPlus(data, n, 3, 5, createRng(7)); // Float64Array 5×3
 */
export function seedKmeansPlusPlus(data: Float64Array, n: number, d: number, k: number, rng: Rng): Float64Array {
  const centres = new Float64Array(k * d);
  const first = rng.int(n);
  for (let t = 0; t < d; t++) centres[t] = data[first * d + t];

  let closest = new Float64Array(n);
  for (let i = 0; i < n; i++) closest[i] = squaredDistanceTo(data, i, d, data, first);
  const trials = 2 + Math.floor(Math.log(k));
  const cumulative = new Float64Array(n);
  let candidate = new Float64Array(n);
  let best = new Float64Array(n);

  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < n; i++) {
      running += closest[i];
      cumulative[i] = running;
    }
    let bestPotential = Infinity;
    let bestIndex = 0;
    for (let t = 0; t < trials; t++) {
      const index = searchCumulative(cumulative, rng.next() * running);
      let potential = 0;
      for (let i = 0; i < n; i++) {
        const dist = squaredDistanceTo(data, i, d, data, index);
        const m = dist < closest[i] ? dist : closest[i];
        candidate[i] = m;
        potential += m;
      }
      if (potential < bestPotential) {
        bestPotential = potential;
        bestIndex = index;
        const swap = best;
        best = candidate;
        candidate = swap;
      }
    }
    for (let t = 0; t < d; t++) centres[c * d + t] = data[bestIndex * d + t];
    const swap = closest;
    closest = best;
    best = swap;
  }
  return centres;
}

function squaredDistanceTo(data: Float64Array, i: number, d: number, other: Float64Array, j: number): number {
  let s = 0;
  const a = i * d;
  const b = j * d;
  for (let t = 0; t < d; t++) {
    const e = data[a + t] - other[b + t];
    s += e * e;
  }
  return s;
}

/** First index whose cumulative weight reaches `target` (numpy's searchsorted, left side), clipped to the last row. */
function searchCumulative(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
