import { SegmentKitError } from '../errors/SegmentKitError';
import { buildKmeansModel } from './buildKmeansModel';
import { kmeansInitSeeds } from './kmeansInitSeeds';
import { createKmeansWorkspace } from './KmeansWorkspace';
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
  const plan = planKmeans(prepared, options);
  // Only the best run so far is kept: a million rows' labels are 4 MB per run.
  let best: KmeansRun | null = null;
  const workspace = createKmeansWorkspace(prepared.n);
  for (const s of plan.seeds) {
    const run = kmeansSingleInit(prepared.data, prepared.n, prepared.d, plan.k, s, { maxIter: plan.maxIter, tol: plan.tol, workspace });
    if (best === null || run.inertia < best.inertia) best = run;
  }
  return finishKmeans(prepared, plan, [best as KmeansRun]);
}

/** Validated options and the seed of every initialisation: what a pool of workers needs to split the runs. */
export interface KmeansPlan {
  k: number;
  nInit: number;
  maxIter: number;
  tol: number;
  seed: number;
  seeds: number[];
}

/**
 * Checks the options against {@link KMEANS_PARAMETERS} and the data, and draws the seeds. Each
 * seed's run is `kmeansSingleInit(prepared.data, prepared.n, prepared.d, plan.k, seed, plan)`,
 * independent of the others, so adapters may run them in parallel and hand them to
 * {@link finishKmeans} in seed order.
 *
 * @example
 * const plan = planKmeans(prepared, { k: 5, seed: 42 });
 * plan.seeds.length; // 10
 */
export function planKmeans(prepared: PreparedFeatures, options: FitKmeansOptions): KmeansPlan {
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
  return { ...opts, seeds: kmeansInitSeeds(opts.seed, opts.nInit) };
}

/**
 * Keeps the run with the lowest inertia (the earliest seed on a tie, as one thread would) and
 * maps its labels back to the input rows. `runs` are in the order of `plan.seeds` (or only the
 * best of them).
 *
 * @example
 * const fit = finishKmeans(prepared, plan, plan.seeds.map((s) => kmeansSingleInit(prepared.data, prepared.n, prepared.d, plan.k, s, plan)));
 */
export function finishKmeans(prepared: PreparedFeatures, plan: KmeansPlan, runs: KmeansRun[]): KmeansFit {
  let best = runs[0];
  for (const run of runs) if (run.inertia < best.inertia) best = run;
  const labels = new Int32Array(prepared.rowCount).fill(-1);
  for (let r = 0; r < prepared.n; r++) labels[prepared.rowIndex[r]] = best.labels[r];
  return { model: buildKmeansModel(best, prepared.scaler, plan.seed, plan.nInit), labels, unassigned: prepared.dropped };
}
