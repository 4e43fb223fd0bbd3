/**
 * Quantile cut points and banding shared by RFM scores, value deciles and behaviour bands.
 *
 * Method (documented because scores depend on it): cut points are R's default (type 7)
 * quantiles at 1/b, 2/b, … (b−1)/b of the non-missing values; a value goes to band
 * 1 + (number of cut points strictly below it). So equal values always share a band, and a
 * value equal to a cut point stays in the lower band — the right-closed intervals of R's `cut`.
 */
export function quantileCuts(values: Float64Array, bands: number): number[] {
  const sorted = sortedFinite(values);
  const cuts: number[] = [];
  if (sorted.length === 0) return cuts;
  for (let j = 1; j < bands; j++) cuts.push(quantileSorted(sorted, j, bands));
  return cuts;
}

/** Non-missing values, ascending. */
export function sortedFinite(values: Float64Array): Float64Array {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) m++;
  const out = new Float64Array(m);
  m = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[m++] = values[i];
  return out.sort();
}

/**
 * R type 7 quantile at probability `num / den` of ascending values: linear interpolation
 * between order statistics. The position is split into an integer part and `rem / den` with
 * integer arithmetic, so 9 × 3/5 is exactly 5 + 2/5 (5.3999… in floating point would shift
 * cut points by a hair and change a whole-number ceiling).
 */
export function quantileSorted(sorted: Float64Array, num: number, den: number): number {
  const pos = (sorted.length - 1) * num;
  const lo = Math.floor(pos / den);
  const rem = pos - lo * den;
  const lower = sorted[lo];
  if (rem === 0) return lower;
  const upper = sorted[lo + 1];
  return lower === upper ? lower : lower + (rem / den) * (upper - lower);
}

/** Band 1..cuts.length+1 of `x` (see the method above); 0 for a missing value. */
export function bandOf(x: number, cuts: readonly number[]): number {
  if (Number.isNaN(x)) return 0;
  let b = 1;
  for (let j = 0; j < cuts.length; j++) if (x > cuts[j]) b++;
  return b;
}
