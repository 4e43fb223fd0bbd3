import type { FieldBounds } from './scanRecord';

/** Records per chunk: small enough for a chunk's bounds to stay in cache, big enough to amortise the per-column loops. */
export const CHUNK_ROWS = 4096;

/**
 * One chunk of records as per-column field bounds (column-major: column `c`, record `j` at
 * `c * CHUNK_ROWS + j`). A cell missing from a short record gets the empty range at
 * `missingAt` (the end of the body), which every column stores as missing.
 *
 * @example
 * const chunk = new ChunkBounds(2, body.length);
 * chunk.store(fields, 0); // record 0's first two fields
 */
export class ChunkBounds {
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly rowSources = new Int32Array(CHUNK_ROWS);

  constructor(
    private readonly width: number,
    private readonly missingAt: number,
  ) {
    this.start = new Float64Array(width * CHUNK_ROWS);
    this.end = new Float64Array(width * CHUNK_ROWS);
  }

  store(f: FieldBounds, j: number): void {
    const { width, start, end } = this;
    const filled = Math.min(f.count, width);
    for (let c = 0; c < filled; c++) {
      start[c * CHUNK_ROWS + j] = f.start[c];
      end[c * CHUNK_ROWS + j] = f.end[c];
    }
    for (let c = filled; c < width; c++) start[c * CHUNK_ROWS + j] = end[c * CHUNK_ROWS + j] = this.missingAt;
  }
}
