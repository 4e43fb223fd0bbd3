import { SegmentKitError } from '../errors/SegmentKitError';
import { createRng } from '../random/createRng';
import { silhouetteSums3 } from './silhouetteSums3';

export interface SilhouetteOptions {
  /** Up to this many labelled rows the score is exact (all pairs). Default 20,000. */
  exactLimit?: number;
  /** Above `exactLimit`, the score is computed on a seeded random sample of this many rows. Default 10,000. */
  sampleSize?: number;
  seed?: number;
  /** false sums the distances in TypeScript even where the WebAssembly kernel runs (the same score to the bit; for comparison and tests). */
  wasm?: boolean;
}

export interface SilhouetteResult {
  /** Mean silhouette over the rows used, in [-1, 1]. */
  score: number;
  /** Rows the score was computed on. */
  rowsUsed: number;
  sampled: boolean;
  /** Rows with label -1 (unassigned), left out. */
  unlabelled: number;
}

/**
 * Mean silhouette coefficient (Rousseeuw 1987) with Euclidean distances, as scikit-learn's
 * `silhouette_score`: a row alone in its cluster scores 0. Exact below `exactLimit` rows
 * (O(n²) over pairs, each pair computed once), otherwise on a seeded sample.
 *
 * @example
 * silhouetteScore(prepared.data, prepared.n, prepared.d, run.labels).score; // e.g. 0.62
 */
export function silhouetteScore(data: Float64Array, n: number, d: number, labels: Int32Array, options: SilhouetteOptions = {}): SilhouetteResult {
  if (data.length !== n * d || labels.length !== n) {
    throw new SegmentKitError('E_SILHOUETTE_SHAPE', `Expected ${n} rows × ${d} features and ${n} labels, got ${data.length} values and ${labels.length} labels`, { hint: 'Pass the matrix and the labels of the same rows.' });
  }
  const exactLimit = options.exactLimit ?? 20_000;
  const sampleSize = options.sampleSize ?? 10_000;
  if (!Number.isInteger(sampleSize) || sampleSize < 2) {
    throw new SegmentKitError('E_SILHOUETTE_SAMPLE', `sampleSize must be a whole number of at least 2, not ${sampleSize}`, { location: { path: 'sampleSize' }, hint: 'Use 10000 (the default).' });
  }
  let rows: number[] = [];
  for (let i = 0; i < n; i++) if (labels[i] >= 0) rows.push(i);
  const unlabelled = n - rows.length;
  let sampled = false;
  if (rows.length > exactLimit && rows.length > sampleSize) {
    const rng = createRng(options.seed ?? 0);
    for (let i = 0; i < sampleSize; i++) {
      const j = i + rng.int(rows.length - i);
      const t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
    }
    rows = rows.slice(0, sampleSize);
    sampled = true;
  }

  const m = rows.length;
  const codeOf = new Map<number, number>();
  const code = new Int32Array(m);
  for (let r = 0; r < m; r++) {
    let c = codeOf.get(labels[rows[r]]);
    if (c === undefined) {
      c = codeOf.size;
      codeOf.set(labels[rows[r]], c);
    }
    code[r] = c;
  }
  const k = codeOf.size;
  if (k < 2 || k > m - 1) {
    throw new SegmentKitError('E_SILHOUETTE_LABELS', `The silhouette needs from 2 to ${m - 1} clusters among the rows used, found ${k}`, { hint: 'Cluster into at least 2 groups, fewer groups than rows.' });
  }
  const sizes = new Float64Array(k);
  for (let r = 0; r < m; r++) sizes[code[r]]++;

  // Rows sorted by cluster (stably): a row's distances to one cluster are then a contiguous run
  // summed in a register, and only the mirrored half of each pair is added to memory, in order.
  const blockStart = new Int32Array(k + 1);
  for (let c = 0; c < k; c++) blockStart[c + 1] = blockStart[c] + sizes[c];
  const fill = blockStart.slice(0, k);
  const order = new Int32Array(m);
  for (let r = 0; r < m; r++) order[fill[code[r]]++] = r;
  const x = new Float64Array(m * d);
  for (let p = 0; p < m; p++) for (let t = 0; t < d; t++) x[p * d + t] = data[rows[order[p]] * d + t];
  // sums[p·k + c]: total distance from sorted row p to the rows of cluster c.
  const sums = new Float64Array(m * k);
  if (!(d === 3 && options.wasm !== false && silhouetteSums3(x, m, k, blockStart, sums))) sumDistances(x, d, m, k, blockStart, sums);

  let total = 0;
  for (let p = 0; p < m; p++) {
    const own = code[order[p]];
    if (sizes[own] < 2) continue;
    const a = sums[p * k + own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own) continue;
      const mean = sums[p * k + c] / sizes[c];
      if (mean < b) b = mean;
    }
    const denom = a > b ? a : b;
    if (denom > 0) total += (b - a) / denom;
  }
  return { score: total / m, rowsUsed: m, sampled, unlabelled };
}

/** silhouetteScore's pair sums in TypeScript: sums[p·k + c] = Σ distance from sorted row p to the rows of cluster c. */
function sumDistances(x: Float64Array, d: number, m: number, k: number, blockStart: Int32Array, sums: Float64Array): void {
  for (let c = 0; c < k; c++) {
    for (let p = blockStart[c]; p < blockStart[c + 1]; p++) {
      for (let c2 = c; c2 < k; c2++) {
        const from = c2 === c ? p + 1 : blockStart[c2];
        const run = d === 3 ? distanceRun3(x, p, from, blockStart[c2 + 1], sums, k, c) : distanceRun(x, d, p, from, blockStart[c2 + 1], sums, k, c);
        sums[p * k + c2] += run;
      }
    }
  }
}

/**
 * Σ distance from sorted row p to rows [from, to), each also added to that row's total towards
 * p's cluster `c`. Two running sums halve the add chain the loop waits on.
 */
function distanceRun(x: Float64Array, d: number, p: number, from: number, to: number, sums: Float64Array, k: number, c: number): number {
  let even = 0;
  let odd = 0;
  for (let q = from; q < to; q++) {
    let s = 0;
    for (let t = 0; t < d; t++) {
      const e = x[p * d + t] - x[q * d + t];
      s += e * e;
    }
    const dist = Math.sqrt(s);
    sums[q * k + c] += dist;
    if ((q & 1) === 0) even += dist;
    else odd += dist;
  }
  return even + odd;
}

/** {@link distanceRun} for three features, the row held in registers. */
function distanceRun3(x: Float64Array, p: number, from: number, to: number, sums: Float64Array, k: number, c: number): number {
  const x0 = x[p * 3];
  const x1 = x[p * 3 + 1];
  const x2 = x[p * 3 + 2];
  let even = 0;
  let odd = 0;
  let q = from;
  for (; q + 1 < to; q += 2) {
    const e0 = x0 - x[q * 3];
    const e1 = x1 - x[q * 3 + 1];
    const e2 = x2 - x[q * 3 + 2];
    const f0 = x0 - x[q * 3 + 3];
    const f1 = x1 - x[q * 3 + 4];
    const f2 = x2 - x[q * 3 + 5];
    const de = Math.sqrt(e0 * e0 + e1 * e1 + e2 * e2);
    const df = Math.sqrt(f0 * f0 + f1 * f1 + f2 * f2);
    sums[q * k + c] += de;
    sums[(q + 1) * k + c] += df;
    even += de;
    odd += df;
  }
  if (q < to) {
    const e0 = x0 - x[q * 3];
    const e1 = x1 - x[q * 3 + 1];
    const e2 = x2 - x[q * 3 + 2];
    const de = Math.sqrt(e0 * e0 + e1 * e1 + e2 * e2);
    sums[q * k + c] += de;
    even += de;
  }
  return even + odd;
}
