import type { Rng } from '../random/createRng';
import { createKmeansWorkspace, kernelFor, type KmeansWorkspace } from './KmeansWorkspace';

/**
 * Greedy k-means++ seeding as scikit-learn does it: at each step draw `2 + floor(ln k)`
 * candidates with probability proportional to the squared distance to the nearest chosen
 * centre, and keep the candidate that lowers the total potential most. Internal: callers
 * pass a valid matrix and 1 ≤ k ≤ n. `workspace` (for `n` rows) saves allocating its scratch rows.
 *
 * @example
 * const centres = seedKmeansPlusPlus(data, n, 3, 5, createRng(7)); // Float64Array 5×3
 */
export function seedKmeansPlusPlus(data: Float64Array, n: number, d: number, k: number, rng: Rng, workspace: KmeansWorkspace = createKmeansWorkspace(n)): Float64Array {
  const centres = new Float64Array(k * d);
  const first = rng.int(n);
  for (let t = 0; t < d; t++) centres[t] = data[first * d + t];

  const passes = seedPasses(data, n, d, workspace);
  const trials = 2 + Math.floor(Math.log(k));
  const candidates = new Int32Array(trials);
  const potentials = new Float64Array(trials);
  let running = passes.nearest(first, true);

  for (let c = 1; c < k; c++) {
    // The draws do not depend on the potentials, so all candidates are drawn first and scored
    // together in one pass over the rows instead of one pass each.
    for (let t = 0; t < trials; t++) candidates[t] = searchCumulative(passes.cumulative, n, rng.next() * running);
    passes.score(candidates, potentials);
    let bestIndex = candidates[0];
    for (let t = 1, bestPotential = potentials[0]; t < trials; t++) {
      if (potentials[t] < bestPotential) {
        bestPotential = potentials[t];
        bestIndex = candidates[t];
      }
    }
    for (let t = 0; t < d; t++) centres[c * d + t] = data[bestIndex * d + t];
    if (c + 1 < k) running = passes.nearest(bestIndex, false);
  }
  return centres;
}

/** The two passes over every row that the seeding makes, and the running sums they leave. */
interface SeedPasses {
  /** Lowers each row's nearest squared distance to row `j`'s (sets it, when `first`); returns the total. */
  nearest(j: number, first: boolean): number;
  /** Each candidate's potential: the total if it were added. */
  score(candidates: Int32Array, potentials: Float64Array): void;
  cumulative: Float64Array;
}

/** The WebAssembly kernel's passes for three features where it runs, else the TypeScript loops (the same numbers). */
function seedPasses(data: Float64Array, n: number, d: number, workspace: KmeansWorkspace): SeedPasses {
  const kernel = kernelFor(workspace, data, d);
  if (kernel) {
    return {
      nearest: (j, first) => kernel.seedPass(j, first),
      score(candidates, potentials) {
        for (let g = 0; g < candidates.length; g += 4) {
          const group = candidates.subarray(g, g + 4);
          const ys = new Float64Array(group.length * 3);
          for (let q = 0; q < group.length; q++) ys.set(data.subarray(group[q] * 3, group[q] * 3 + 3), q * 3);
          kernel.score(ys, potentials.subarray(g, g + group.length));
        }
      },
      cumulative: kernel.cumulative,
    };
  }
  const [closest, cumulative] = workspace.buffers;
  return {
    nearest(j, first) {
      if (first) closest.fill(Infinity);
      return updateNearest(data, n, d, j, closest, cumulative);
    },
    score: (candidates, potentials) => scoreCandidates(data, n, d, closest, candidates, potentials),
    cumulative,
  };
}

/**
 * `potentials[t]` = Σ over rows of min(closest, squared distance to row `candidates[t]`), each
 * summed in row order as if the candidates were scored one by one. Three features get their own
 * loop: it is most of the seeding's time.
 */
function scoreCandidates(data: Float64Array, n: number, d: number, closest: Float64Array, candidates: Int32Array, potentials: Float64Array): void {
  const trials = candidates.length;
  const ys = new Float64Array(trials * d);
  for (let t = 0; t < trials; t++) for (let j = 0; j < d; j++) ys[t * d + j] = data[candidates[t] * d + j];
  potentials.fill(0);
  if (d === 3) {
    // Four candidates per pass with their sums in registers (a short group repeats its last
    // candidate and drops the copy): 2 + ⌊ln k⌋ is at most 4 up to k = 20, so one pass. The
    // nearer distance is chosen by the comparison's outcome, 0 or 1, as lt·dist + (1−lt)·near,
    // exact for finite distances (`closest` is finite once the first centre is in): a branch on
    // it is mispredicted about every other row, and a pick through memory serialises the four.
    for (let g = 0; g < trials; g += 4) {
      const o = [0, 1, 2, 3].map((q) => 3 * Math.min(g + q, trials - 1));
      const [a0, b0, c0] = [ys[o[0]], ys[o[0] + 1], ys[o[0] + 2]];
      const [a1, b1, c1] = [ys[o[1]], ys[o[1] + 1], ys[o[1] + 2]];
      const [a2, b2, c2] = [ys[o[2]], ys[o[2] + 1], ys[o[2] + 2]];
      const [a3, b3, c3] = [ys[o[3]], ys[o[3] + 1], ys[o[3] + 2]];
      let p0 = 0;
      let p1 = 0;
      let p2 = 0;
      let p3 = 0;
      for (let i = 0, a = 0; i < n; i++, a += 3) {
        const x0 = data[a];
        const x1 = data[a + 1];
        const x2 = data[a + 2];
        const near = closest[i];
        let lt = 0;
        let e0 = x0 - a0;
        let e1 = x1 - b0;
        let e2 = x2 - c0;
        let dist = e0 * e0 + e1 * e1 + e2 * e2;
        lt = +(dist < near);
        p0 += lt * dist + (1 - lt) * near;
        e0 = x0 - a1;
        e1 = x1 - b1;
        e2 = x2 - c1;
        dist = e0 * e0 + e1 * e1 + e2 * e2;
        lt = +(dist < near);
        p1 += lt * dist + (1 - lt) * near;
        e0 = x0 - a2;
        e1 = x1 - b2;
        e2 = x2 - c2;
        dist = e0 * e0 + e1 * e1 + e2 * e2;
        lt = +(dist < near);
        p2 += lt * dist + (1 - lt) * near;
        e0 = x0 - a3;
        e1 = x1 - b3;
        e2 = x2 - c3;
        dist = e0 * e0 + e1 * e1 + e2 * e2;
        lt = +(dist < near);
        p3 += lt * dist + (1 - lt) * near;
      }
      const sums = [p0, p1, p2, p3];
      for (let q = 0; q < 4 && g + q < trials; q++) potentials[g + q] = sums[q];
    }
    return;
  }
  for (let i = 0, a = 0; i < n; i++, a += d) {
    const near = closest[i];
    for (let t = 0, o = 0; t < trials; t++, o += d) {
      let dist = 0;
      for (let j = 0; j < d; j++) {
        const e = data[a + j] - ys[o + j];
        dist += e * e;
      }
      potentials[t] += dist < near ? dist : near;
    }
  }
}

/**
 * Lowers `closest` to the squared distances to row `j` where nearer and writes its running sum
 * to `cumulative` (what the next draws search); returns the total.
 */
function updateNearest(data: Float64Array, n: number, d: number, j: number, closest: Float64Array, cumulative: Float64Array): number {
  let running = 0;
  if (d === 3) {
    const y0 = data[j * 3];
    const y1 = data[j * 3 + 1];
    const y2 = data[j * 3 + 2];
    // Chosen by the comparison's outcome, without a branch (see scoreCandidates); before the
    // first centre every row's nearest is infinitely far, and 0·∞ is no number.
    const first = closest[0] === Infinity;
    for (let i = 0, a = 0; i < n; i++, a += 3) {
      const e0 = data[a] - y0;
      const e1 = data[a + 1] - y1;
      const e2 = data[a + 2] - y2;
      const dist = e0 * e0 + e1 * e1 + e2 * e2;
      const near = closest[i];
      const lt = +(dist < near);
      const m = first ? dist : lt * dist + (1 - lt) * near;
      closest[i] = m;
      running += m;
      cumulative[i] = running;
    }
    return running;
  }
  const b = j * d;
  for (let i = 0, a = 0; i < n; i++, a += d) {
    let dist = 0;
    for (let t = 0; t < d; t++) {
      const e = data[a + t] - data[b + t];
      dist += e * e;
    }
    const m = dist < closest[i] ? dist : closest[i];
    closest[i] = m;
    running += m;
    cumulative[i] = running;
  }
  return running;
}

/** First index whose cumulative weight reaches `target` (numpy's searchsorted, left side), clipped to the last row. */
function searchCumulative(cumulative: Float64Array, n: number, target: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
