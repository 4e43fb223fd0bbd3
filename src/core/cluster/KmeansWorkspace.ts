import { kmeans3Kernel, type Kmeans3Kernel } from './kmeans3Kernel';

/**
 * Scratch rows for k-means runs on `n` rows: the k-means++ seeding keeps each row's distance to
 * its nearest centre and their running sum in `buffers`, then the Lloyd iterations reuse them as
 * the rows' upper and lower bounds. One workspace serves every initialisation in a thread, so
 * ten runs on a million rows allocate 16 MB once instead of 48 MB each.
 */
export interface KmeansWorkspace {
  n: number;
  buffers: [Float64Array, Float64Array];
  /** Mean feature variance of the matrix `varianceOf` (scales the tolerance), kept for the next run on it. */
  meanVariance: number;
  varianceOf: Float64Array | null;
  /** Whether three-feature runs may use the WebAssembly kernel (default true; false keeps to the TypeScript loops). */
  wasm: boolean;
}

export interface KmeansWorkspaceOptions {
  /** false keeps every pass in TypeScript (the results are the same to the bit; for comparison and tests). */
  wasm?: boolean;
}

/**
 * Scratch arrays for k-means runs on `n` rows (see {@link KmeansWorkspace}).
 *
 * @example
 * const workspace = createKmeansWorkspace(prepared.n);
 * const run = kmeansSingleInit(prepared.data, prepared.n, prepared.d, 5, 7, { workspace });
 */
export function createKmeansWorkspace(n: number, options: KmeansWorkspaceOptions = {}): KmeansWorkspace {
  return { n, buffers: [new Float64Array(n), new Float64Array(n)], meanVariance: NaN, varianceOf: null, wasm: options.wasm ?? true };
}

/**
 * The thread's WebAssembly kernel with the rows of `data` loaded, when three-feature passes of
 * this workspace can use it here; null otherwise. Ask at the start of a run: another workspace's
 * run may lay the kernel out for its rows in between.
 */
export function kernelFor(workspace: KmeansWorkspace, data: Float64Array, d: number): Kmeans3Kernel | null {
  if (!workspace.wasm || d !== 3) return null;
  const kernel = kmeans3Kernel(workspace.n);
  kernel?.load(data);
  return kernel;
}
