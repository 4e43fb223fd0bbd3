import { SegmentKitError } from '../errors/SegmentKitError';
import { fitKmeans, type KmeansFit } from './fitKmeans';
import type { PreparedFeatures } from './prepareFeatures';
import { silhouetteScore } from './silhouetteScore';

export interface ChooseKOptions {
  kMin?: number;
  kMax?: number;
  nInit?: number;
  maxIter?: number;
  tol?: number;
  seed?: number;
  /** Silhouette settings (exact up to `exactLimit` rows, else a seeded sample of `sampleSize`). */
  exactLimit?: number;
  sampleSize?: number;
}

/** One row of the elbow / silhouette table. */
export interface KCandidate {
  k: number;
  inertia: number;
  silhouette: number;
}

export interface ChooseKResult {
  /** The k with the highest silhouette (the smaller k on a tie). */
  k: number;
  candidates: KCandidate[];
  /** The fit at the chosen k, so callers need not fit again. */
  fit: KmeansFit;
  /** Whether the silhouettes were computed on a sample. */
  sampled: boolean;
}

/** One candidate k fitted and scored: what {@link pickK} chooses from. */
export interface KCandidateRun {
  candidate: KCandidate;
  fit: KmeansFit;
  sampled: boolean;
}

/**
 * Fits k-means for every k from `kMin` to `kMax` and picks the k with the best silhouette;
 * the table of all candidates feeds an elbow chart. The silhouette is computed on the same rows
 * (same sample seed) for every k so the candidates are comparable. The candidates are
 * independent: an adapter may run {@link runKCandidate} for each of {@link planChooseK}'s k in
 * parallel and hand the runs, in k order, to {@link pickK} for the same result.
 *
 * @example
 * const { k, candidates } = chooseK(prepared, { kMin: 2, kMax: 8, seed: 1 });
 */
export function chooseK(prepared: PreparedFeatures, options: ChooseKOptions = {}): ChooseKResult {
  return pickK(planChooseK(prepared, options).map((k) => runKCandidate(prepared, k, options)));
}

/**
 * The candidate k of a {@link chooseK} call, after checking the range against the data.
 *
 * @example
 * planChooseK(prepared, { kMin: 2, kMax: 4 }); // [2, 3, 4]
 */
export function planChooseK(prepared: PreparedFeatures, options: ChooseKOptions = {}): number[] {
  const kMin = options.kMin ?? 2;
  const kMax = Math.min(options.kMax ?? 10, prepared.n - 1);
  if (!Number.isInteger(kMin) || kMin < 2) {
    throw new SegmentKitError('E_CHOOSE_K_RANGE', `kMin must be a whole number of at least 2, not ${kMin}`, { location: { path: 'kMin' }, hint: 'A silhouette needs at least 2 clusters; use kMin 2.' });
  }
  if (!Number.isInteger(kMax) || kMax < kMin) {
    throw new SegmentKitError('E_CHOOSE_K_RANGE', `kMax must be a whole number from kMin (${kMin}) to the number of rows minus one (${prepared.n - 1}), not ${options.kMax ?? 10}`, { location: { path: 'kMax' }, hint: 'Choose a kMax of at least kMin and below the number of rows.' });
  }
  return Array.from({ length: kMax - kMin + 1 }, (_, i) => kMin + i);
}

/**
 * Fits one candidate k as {@link chooseK} does and scores it by silhouette.
 *
 * @example
 * const run = runKCandidate(prepared, 4, { seed: 1 });
 * run.candidate.silhouette;
 */
export function runKCandidate(prepared: PreparedFeatures, k: number, options: ChooseKOptions = {}): KCandidateRun {
  const seed = options.seed ?? 0;
  const fit = fitKmeans(prepared, { k, nInit: options.nInit, maxIter: options.maxIter, tol: options.tol, seed });
  const runLabels = new Int32Array(prepared.n);
  for (let r = 0; r < prepared.n; r++) runLabels[r] = fit.labels[prepared.rowIndex[r]];
  const s = silhouetteScore(prepared.data, prepared.n, prepared.d, runLabels, { exactLimit: options.exactLimit, sampleSize: options.sampleSize, seed });
  return { candidate: { k, inertia: fit.model.inertia, silhouette: s.score }, fit, sampled: s.sampled };
}

/**
 * The best of the candidate runs (given in k order): the highest silhouette, the smaller k on a tie.
 *
 * @example
 * const chosen = pickK([2, 3, 4].map((k) => runKCandidate(prepared, k, { seed: 1 })));
 */
export function pickK(runs: KCandidateRun[]): ChooseKResult {
  let best = runs[0];
  for (const run of runs) if (run.candidate.silhouette > best.candidate.silhouette) best = run;
  return { k: best.fit.model.k, candidates: runs.map((r) => r.candidate), fit: best.fit, sampled: runs[runs.length - 1].sampled };
}
