import type { Kmeans3Kernel } from './kmeans3Kernel';
import { computeHalfGaps, lowerBoundDrops, moveCentres, relocateEmpty } from './lloydSteps';

export interface Lloyd3Result {
  labels: Int32Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

/**
 * kmeansSingleInit's Lloyd iterations for three features with the passes over the rows in the
 * WebAssembly kernel (the first assignment, Hamerly's bounded step, the inertia) and the steps
 * on the k centres in TypeScript, on the kernel's own arrays. The same steps in the same order
 * as the TypeScript loop, so the run is the same to the bit; `centres` (k × 3, from the seeding)
 * ends as the final centres. Internal: 2 ≤ k ≤ KERNEL3_MAX_K, kernel loaded with `data`.
 */
export function lloydKernel3(kernel: Kmeans3Kernel, data: Float64Array, k: number, centres: Float64Array, maxIter: number, tol: number): Lloyd3Result {
  const n = kernel.n;
  const sums = kernel.sums.subarray(0, k * 3).fill(0);
  const counts = kernel.counts.subarray(0, k).fill(0);
  const { labels, lower } = kernel;
  const shift = new Float64Array(k);
  const next = new Float64Array(k * 3);
  const drop = kernel.drop.subarray(0, k);
  const halfGap = kernel.halfGap.subarray(0, k);
  const bounded = (): number => {
    computeHalfGaps(centres, k, 3, halfGap);
    return kernel.assignBounded(k);
  };

  kernel.setCentres(centres, k);
  kernel.assignAll(k);
  let iterations = 0;
  let converged = false;
  let strict = false;
  for (;;) {
    iterations++;
    // The kernel keeps no upper bounds (it measures the own centre every step): `lower` stands in.
    relocateEmpty(data, n, 3, k, centres, labels, sums, counts, lower, lower);
    const shiftTotal = moveCentres(centres, next, sums, counts, k, 3, shift);
    kernel.setCentres(centres, k);
    lowerBoundDrops(shift, k, drop);
    if (shiftTotal <= tol) {
      converged = true;
      break;
    }
    if (iterations >= maxIter) break;
    if (bounded() === 0) {
      converged = true;
      strict = true;
      break;
    }
  }
  // Keep labels consistent with the final centres, as scikit-learn does after a tolerance stop.
  if (!strict) bounded();
  return { labels: labels.slice(), inertia: kernel.inertia(), iterations, converged };
}
