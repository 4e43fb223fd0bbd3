import { createKmeans3Kernel, type Kmeans3Kernel } from './kmeans3Kernel';

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
  /** The kernel once made (null where it cannot run), with the rows it last loaded. */
  kernel3?: Kmeans3Kernel | null;
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
 * The workspace's WebAssembly kernel with the rows of `data` loaded, when three-feature passes
 * can use it here; null otherwise (made once per workspace: it holds a copy of the rows).
 */
export function kernelFor(workspace: KmeansWorkspace, data: Float64Array, d: number): Kmeans3Kernel | null {
  if (!workspace.wasm || d !== 3) return null;
  if (workspace.kernel3 === undefined) workspace.kernel3 = createKmeans3Kernel(workspace.n);
  workspace.kernel3?.load(data);
  return workspace.kernel3 ?? null;
}
