import { SegmentKitError } from '../errors/SegmentKitError';
import { createRng } from '../random/createRng';
import { KERNEL3_MAX_K } from './kmeans3Kernel';
import { createKmeansWorkspace, kernelFor, type KmeansWorkspace } from './KmeansWorkspace';
import { lloydKernel3 } from './lloydKernel3';
import { computeHalfGaps, distanceToCentre, lowerBoundDrops, meanVariance, moveCentres, relocateEmpty } from './lloydSteps';
import { seedKmeansPlusPlus } from './seedKmeansPlusPlus';

export interface KmeansRunOptions {
  /** Iteration cap (scikit-learn's default 300). */
  maxIter?: number;
  /** Relative tolerance on the summed squared centre movement, scaled by the mean feature variance as in scikit-learn (default 1e-4). */
  tol?: number;
  /** Scratch arrays for `n` rows, shared by the runs of one thread (a fresh set when left out). */
  workspace?: KmeansWorkspace;
}

/** One k-means run from one seeding. */
export interface KmeansRun {
  /** k×d row-major centres in the space of `data`. */
  centroids: Float64Array;
  labels: Int32Array;
  /** Sum of squared distances of rows to their centre. */
  inertia: number;
  iterations: number;
  converged: boolean;
  seed: number;
}

/**
 * One k-means initialisation: greedy k-means++ seeding from `seed`, then Lloyd iterations
 * accelerated with Hamerly's bounds (one upper bound to the own centre, one lower bound to
 * every other centre), which skip most distance computations once centres settle. Each
 * initialisation is independent, so an adapter may run several in workers and keep the lowest
 * inertia; `fitKmeans` does exactly that in one thread.
 *
 * @example
 * const run = kmeansSingleInit(prepared.data, prepared.n, prepared.d, 5, 12345);
 * run.inertia; run.labels; // Int32Array of cluster numbers 0..4
 */
export function kmeansSingleInit(data: Float64Array, n: number, d: number, k: number, seed: number, opts: KmeansRunOptions = {}): KmeansRun {
  if (!Number.isInteger(n) || !Number.isInteger(d) || n < 1 || d < 1 || data.length !== n * d) {
    throw new SegmentKitError('E_KMEANS_SHAPE', `The matrix has ${data.length} values, which is not ${n} rows × ${d} features`, { hint: 'Pass the row-major matrix from prepareFeatures with its n and d.' });
  }
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new SegmentKitError('E_KMEANS_K', `k must be a whole number from 1 to the number of rows (${n}), not ${k}`, { location: { path: 'k' }, hint: 'Choose fewer clusters or give more rows.' });
  }
  const maxIter = opts.maxIter ?? 300;
  const workspace = opts.workspace && opts.workspace.n === n ? opts.workspace : createKmeansWorkspace(n);
  // Every initialisation on the same rows has the same scale: compute it once per workspace.
  if (workspace.varianceOf !== data) {
    workspace.meanVariance = meanVariance(data, n, d);
    workspace.varianceOf = data;
  }
  const tol = (opts.tol ?? 1e-4) * workspace.meanVariance;
  const centres = seedKmeansPlusPlus(data, n, d, k, createRng(seed), workspace);
  const kernel = k >= 2 && k <= KERNEL3_MAX_K ? kernelFor(workspace, data, d) : null;
  if (kernel) return { centroids: centres, ...lloydKernel3(kernel, data, k, centres, maxIter, tol), seed };
  const labels = new Int32Array(n);
  // The seeding is done with its scratch rows; every bound is written before it is read.
  const [upper, lower] = workspace.buffers;
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const halfGap = new Float64Array(k);
  const shift = new Float64Array(k);
  const drop = new Float64Array(k);
  const next = new Float64Array(k * d);

  const fast = d === 3 && k >= 2;
  for (let i = 0; i < n; i++) {
    const c = fast ? nearestTwo3(data, i * 3, centres, k, lower, i) : fullAssign(data, i, d, centres, k, upper, lower);
    labels[i] = c;
    counts[c]++;
    for (let t = 0; t < d; t++) sums[c * d + t] += data[i * d + t];
  }

  let iterations = 0;
  let converged = false;
  let strict = false;
  for (;;) {
    iterations++;
    relocateEmpty(data, n, d, k, centres, labels, sums, counts, upper, lower);
    const shiftTotal = moveCentres(centres, next, sums, counts, k, d, shift);
    lowerBoundDrops(shift, k, drop);
    if (shiftTotal <= tol) {
      converged = true;
      break;
    }
    if (iterations >= maxIter) break;
    if (assignWithBounds(data, n, d, centres, k, labels, upper, lower, sums, counts, halfGap, shift, drop) === 0) {
      converged = true;
      strict = true;
      break;
    }
  }
  // Keep labels consistent with the final centres, as scikit-learn does after a tolerance stop.
  if (!strict) assignWithBounds(data, n, d, centres, k, labels, upper, lower, sums, counts, halfGap, shift, drop);

  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    let s = 0;
    for (let t = 0; t < d; t++) {
      const e = data[i * d + t] - centres[c * d + t];
      s += e * e;
    }
    inertia += s;
  }
  return { centroids: centres, labels, inertia, iterations, converged, seed };
}

/** Nearest centre of row i over all centres; sets the row's upper and lower bounds. */
function fullAssign(data: Float64Array, i: number, d: number, centres: Float64Array, k: number, upper: Float64Array, lower: Float64Array): number {
  let best = Infinity;
  let second = Infinity;
  let bestC = 0;
  const base = i * d;
  if (d === 3) {
    const x0 = data[base];
    const x1 = data[base + 1];
    const x2 = data[base + 2];
    for (let c = 0, o = 0; c < k; c++, o += 3) {
      const e0 = x0 - centres[o];
      const e1 = x1 - centres[o + 1];
      const e2 = x2 - centres[o + 2];
      const s = e0 * e0 + e1 * e1 + e2 * e2;
      if (s < best) {
        second = best;
        best = s;
        bestC = c;
      } else if (s < second) second = s;
    }
  } else {
    for (let c = 0; c < k; c++) {
      let s = 0;
      const o = c * d;
      for (let t = 0; t < d; t++) {
        const e = data[base + t] - centres[o + t];
        s += e * e;
      }
      if (s < best) {
        second = best;
        best = s;
        bestC = c;
      } else if (s < second) second = s;
    }
  }
  upper[i] = Math.sqrt(best);
  lower[i] = Math.sqrt(second);
  return bestC;
}

/**
 * Hamerly's assignment step; returns how many rows changed cluster and keeps sums/counts current.
 * Each row's bounds first move by the last centre shifts (`shift` of its own centre up, `drop`
 * of its centre down) in the same pass, so the bounds are read and written once per iteration.
 */
function assignWithBounds(
  data: Float64Array, n: number, d: number, centres: Float64Array, k: number, labels: Int32Array,
  upper: Float64Array, lower: Float64Array, sums: Float64Array, counts: Float64Array, halfGap: Float64Array,
  shift: Float64Array, drop: Float64Array,
): number {
  computeHalfGaps(centres, k, d, halfGap);
  if (d === 3) return assignWithBounds3(data, n, centres, k, labels, lower, sums, counts, halfGap, drop);
  let changes = 0;
  for (let i = 0; i < n; i++) {
    const a = labels[i];
    upper[i] += shift[a];
    lower[i] -= drop[a];
    const bound = halfGap[a] > lower[i] ? halfGap[a] : lower[i];
    if (upper[i] <= bound) continue;
    upper[i] = distanceToCentre(data, i, d, centres, a);
    if (upper[i] <= bound) continue;
    const c = fullAssign(data, i, d, centres, k, upper, lower);
    if (c !== a) {
      changes++;
      labels[i] = c;
      counts[a]--;
      counts[c]++;
      for (let t = 0; t < d; t++) {
        const x = data[i * d + t];
        sums[a * d + t] -= x;
        sums[c * d + t] += x;
      }
    }
  }
  return changes;
}

/**
 * {@link assignWithBounds} for three features, most of k-means' time on RFM data. One sequential
 * sweep measures every row's exact distance to its own centre and uses it as the upper bound,
 * kept in a register instead of stored (three features stream past at little cost, where fetching the data of the rows whose moved bounds fail — a
 * third of customer rows — from scattered places in memory cost more than the arithmetic); only
 * the rows that still fail against the moved lower bound and half the gap to the nearest other
 * centre, about one in nine, search all centres. The upper bound is only tighter than Hamerly's
 * moved one: it skips more rows, but none whose nearest centre could have changed, so the labels
 * and centres are the general path's (the recorded runs in the tests come out the same to the
 * bit), and rows are visited in order, so the running sums change in the same order too.
 */
function assignWithBounds3(
  data: Float64Array, n: number, centres: Float64Array, k: number, labels: Int32Array,
  lower: Float64Array, sums: Float64Array, counts: Float64Array, halfGap: Float64Array,
  drop: Float64Array,
): number {
  let changes = 0;
  for (let i = 0, b = 0; i < n; i++, b += 3) {
    const a = labels[i];
    const oa = a * 3;
    const f0 = data[b] - centres[oa];
    const f1 = data[b + 1] - centres[oa + 1];
    const f2 = data[b + 2] - centres[oa + 2];
    const u = Math.sqrt(f0 * f0 + f1 * f1 + f2 * f2);
    const low = lower[i] - drop[a];
    lower[i] = low;
    if ((+(u > halfGap[a]) & +(u > low)) === 0) continue;
    const c = nearestTwo3(data, b, centres, k, lower, i);
    if (c !== a) {
      changes++;
      labels[i] = c;
      counts[a]--;
      counts[c]++;
      const ob = c * 3;
      sums[oa] -= data[b];
      sums[oa + 1] -= data[b + 1];
      sums[oa + 2] -= data[b + 2];
      sums[ob] += data[b];
      sums[ob + 1] += data[b + 1];
      sums[ob + 2] += data[b + 2];
    }
  }
  return changes;
}

/**
 * Nearest centre of the three-feature row at `b`, with the distance to the second nearest as
 * row `i`'s lower bound (the three-feature path needs no stored upper bound: it measures the
 * distance to the own centre every iteration); k ≥ 2 (with one centre no row's bounds ever
 * fail). Branch-free:
 * each comparison's outcome, 0 or 1, weighs the two candidates of a choice, which is exact for
 * finite distances (1·x + 0·y = x), and the strict comparisons of {@link fullAssign} send ties
 * to the lower centre number here too.
 */
function nearestTwo3(data: Float64Array, b: number, centres: Float64Array, k: number, lower: Float64Array, i: number): number {
  const x0 = data[b];
  const x1 = data[b + 1];
  const x2 = data[b + 2];
  let e0 = x0 - centres[0];
  let e1 = x1 - centres[1];
  let e2 = x2 - centres[2];
  const s0 = e0 * e0 + e1 * e1 + e2 * e2;
  e0 = x0 - centres[3];
  e1 = x1 - centres[4];
  e2 = x2 - centres[5];
  const s1 = e0 * e0 + e1 * e1 + e2 * e2;
  let bestC = +(s1 < s0);
  let best = bestC * s1 + (1 - bestC) * s0;
  let second = bestC * s0 + (1 - bestC) * s1;
  for (let c = 2, o = 6; c < k; c++, o += 3) {
    e0 = x0 - centres[o];
    e1 = x1 - centres[o + 1];
    e2 = x2 - centres[o + 2];
    const s = e0 * e0 + e1 * e1 + e2 * e2;
    const nearer = +(s < best);
    const secondNearer = +(s < second);
    second = nearer * best + (1 - nearer) * (secondNearer * s + (1 - secondNearer) * second);
    best = nearer * s + (1 - nearer) * best;
    bestC += nearer * (c - bestC);
  }
  lower[i] = Math.sqrt(second);
  return bestC;
}

