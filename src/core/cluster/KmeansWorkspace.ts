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
}

/**
 * Scratch arrays for k-means runs on `n` rows (see {@link KmeansWorkspace}).
 *
 * @example
 * const workspace = createKmeansWorkspace(prepared.n);
 * const run = kmeansSingleInit(prepared.data, prepared.n, prepared.d, 5, 7, { workspace });
 */
export function createKmeansWorkspace(n: number): KmeansWorkspace {
  return { n, buffers: [new Float64Array(n), new Float64Array(n)], meanVariance: NaN, varianceOf: null };
}
