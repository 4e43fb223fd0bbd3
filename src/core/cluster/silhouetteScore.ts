import { SegmentKitError } from '../errors/SegmentKitError';
import { createRng } from '../random/createRng';

export interface SilhouetteOptions {
  /** Up to this many labelled rows the score is exact (all pairs). Default 20,000. */
  exactLimit?: number;
  /** Above `exactLimit`, the score is computed on a seeded random sample of this many rows. Default 10,000. */
  sampleSize?: number;
  seed?: number;
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

  const x = new Float64Array(m * d);
  for (let r = 0; r < m; r++) for (let t = 0; t < d; t++) x[r * d + t] = data[rows[r] * d + t];
  const sums = new Float64Array(m * k);
  for (let r = 0; r < m; r++) {
    const cr = code[r];
    const base = r * d;
    for (let q = r + 1; q < m; q++) {
      let s = 0;
      const other = q * d;
      for (let t = 0; t < d; t++) {
        const e = x[base + t] - x[other + t];
        s += e * e;
      }
      const dist = Math.sqrt(s);
      sums[r * k + code[q]] += dist;
      sums[q * k + cr] += dist;
    }
  }

  let total = 0;
  for (let r = 0; r < m; r++) {
    const own = code[r];
    if (sizes[own] < 2) continue;
    const a = sums[r * k + own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own) continue;
      const mean = sums[r * k + c] / sizes[c];
      if (mean < b) b = mean;
    }
    const denom = a > b ? a : b;
    if (denom > 0) total += (b - a) / denom;
  }
  return { score: total / m, rowsUsed: m, sampled, unlabelled };
}
