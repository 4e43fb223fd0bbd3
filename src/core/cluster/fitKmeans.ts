import { SegmentKitError } from '../errors/SegmentKitError';
import { buildKmeansModel } from './buildKmeansModel';
import { kmeansInitSeeds } from './kmeansInitSeeds';
import type { KmeansModel } from './KmeansModel';
import { kmeansSingleInit, type KmeansRun } from './kmeansSingleInit';
import type { PreparedFeatures } from './prepareFeatures';

export interface FitKmeansOptions {
  k: number;
  /** Independent initialisations; the lowest inertia wins (default 10, as scikit-learn). */
  nInit?: number;
  maxIter?: number;
  tol?: number;
  seed?: number;
}

export interface KmeansFit {
  model: KmeansModel;
  /** Cluster per input row (length `prepared.rowCount`); -1 for rows dropped for missing values. */
  labels: Int32Array;
  /** Rows left out because an input was missing. */
  unassigned: number;
}

/** Constraints on the options, as data, so one message format serves them all. */
export const KMEANS_PARAMETERS = [
  { name: 'k', min: 1, integer: true, hint: 'Choose a whole number of clusters, for example 5, or let chooseK pick one.' },
  { name: 'nInit', min: 1, integer: true, hint: 'Use 10 (the default) unless the data is very large.' },
  { name: 'maxIter', min: 1, integer: true, hint: 'Use 300 (the default).' },
  { name: 'tol', min: 0, integer: false, hint: 'Use 1e-4 (the default).' },
  { name: 'seed', min: 0, integer: true, hint: 'Use any whole number from 0 to 4294967295; the same seed gives the same segments.' },
] as const;

/**
 * k-means on prepared features: `nInit` greedy k-means++ initialisations, each refined by
 * Hamerly-accelerated Lloyd iterations, keeping the run with the lowest inertia.
 *
 * @example
 * const prepared = prepareFeatures({ numeric: [{ name: 'recency', values: r }, { name: 'monetary', values: m, log: true }] });
 * const { model, labels } = fitKmeans(prepared, { k: 4, seed: 42 });
 * model.centroidsOriginal; // cluster centres in days and euros
 */
export function fitKmeans(prepared: PreparedFeatures, options: FitKmeansOptions): KmeansFit {
  const opts = { k: options.k, nInit: options.nInit ?? 10, maxIter: options.maxIter ?? 300, tol: options.tol ?? 1e-4, seed: options.seed ?? 0 };
  for (const p of KMEANS_PARAMETERS) {
    const v = opts[p.name];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < p.min || (p.integer && !Number.isInteger(v))) {
      throw new SegmentKitError('E_KMEANS_OPTION', `${p.name} must be ${p.integer ? 'a whole number' : 'a number'} of at least ${p.min}, not ${String(v)}`, { location: { path: p.name }, hint: p.hint });
    }
  }
  if (opts.k > prepared.n) {
    throw new SegmentKitError('E_KMEANS_K', `k is ${opts.k} but only ${prepared.n} rows have all feature values`, { location: { path: 'k' }, hint: 'Choose fewer clusters or give more rows.' });
  }
  let best: KmeansRun | null = null;
  for (const s of kmeansInitSeeds(opts.seed, opts.nInit)) {
    const run = kmeansSingleInit(prepared.data, prepared.n, prepared.d, opts.k, s, { maxIter: opts.maxIter, tol: opts.tol });
    if (best === null || run.inertia < best.inertia) best = run;
  }
  const run = best as KmeansRun;
  const labels = new Int32Array(prepared.rowCount).fill(-1);
  for (let r = 0; r < prepared.n; r++) labels[prepared.rowIndex[r]] = run.labels[r];
  return { model: buildKmeansModel(run, prepared.scaler, opts.seed, opts.nInit), labels, unassigned: prepared.dropped };
}
