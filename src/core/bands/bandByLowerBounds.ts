import type { BandResult } from './BandResult';

/**
 * Internal: the band of each value is the last lower bound it reaches (bounds ascending);
 * below the first bound is out of range. Binary search keeps a million rows cheap.
 */
export function bandByLowerBounds(values: Float64Array, lowerBounds: number[], labels: string[]): BandResult {
  const codes = new Int32Array(values.length);
  let missing = 0;
  let outOfRange = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      codes[i] = -1;
      missing++;
      continue;
    }
    let lo = 0;
    let hi = lowerBounds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lowerBounds[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    codes[i] = lo - 1;
    if (lo === 0) outOfRange++;
  }
  return { codes, labels, missing, outOfRange };
}
