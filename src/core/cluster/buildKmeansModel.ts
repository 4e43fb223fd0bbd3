import type { KmeansModel } from './KmeansModel';
import type { KmeansRun } from './kmeansSingleInit';
import type { Scaler } from './Scaler';

/**
 * Turns the best of several runs into the stored model (centroids in both spaces, sizes).
 * Adapters that ran `kmeansSingleInit` in workers pass the run with the lowest inertia.
 *
 * @example
 * const best = runs.reduce((a, b) => (b.inertia < a.inertia ? b : a));
 * const model = buildKmeansModel(best, prepared.scaler, 42, runs.length);
 */
export function buildKmeansModel(run: KmeansRun, scaler: Scaler, seed: number, nInit: number): KmeansModel {
  const d = scaler.features.length;
  const k = run.centroids.length / d;
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < run.labels.length; i++) sizes[run.labels[i]]++;
  const centroids: number[][] = [];
  const centroidsOriginal: number[][] = [];
  for (let c = 0; c < k; c++) {
    const z = Array.from(run.centroids.subarray(c * d, (c + 1) * d));
    centroids.push(z);
    centroidsOriginal.push(z.map((v, j) => {
      const x = v * scaler.sds[j] + scaler.means[j];
      return scaler.log[j] ? Math.expm1(x) : x;
    }));
  }
  return {
    k, features: [...scaler.features], centroids, centroidsOriginal, sizes, scaler,
    inertia: run.inertia, iterations: run.iterations, converged: run.converged, seed, runSeed: run.seed, nInit,
  };
}
