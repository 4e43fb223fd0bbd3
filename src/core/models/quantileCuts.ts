import { orderStatisticsInPlace } from '../stats/orderStatisticsInPlace';

/**
 * Quantile cut points and banding shared by RFM scores, value deciles and behaviour bands.
 *
 * Method (documented because scores depend on it): cut points are R's default (type 7)
 * quantiles at 1/b, 2/b, … (b−1)/b of the non-missing values; a value goes to band
 * 1 + (number of cut points strictly below it). So equal values always share a band, and a
 * value equal to a cut point stays in the lower band — the right-closed intervals of R's `cut`.
 */
export function quantileCuts(values: Float64Array, bands: number): number[] {
  const nums: number[] = [];
  for (let j = 1; j < bands; j++) nums.push(j);
  return quantilesOf(values, nums, bands);
}

/**
 * R type 7 quantiles at `nums[i] / den` of the non-missing values, exactly as
 * {@link quantileSorted} gives them on the sorted values (to the sign of a zero), but only the
 * order statistics the positions need are selected, never the whole column sorted. Empty when
 * every value is missing.
 *
 * @example
 * quantilesOf(Float64Array.of(4, NaN, 1, 3, 2), [1, 3], 4); // [1.75, 3.25]
 */
export function quantilesOf(values: Float64Array, nums: readonly number[], den: number): number[] {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) m++;
  if (m === 0) return [];
  const buf = new Float64Array(m);
  // A typed-array sort puts −0 before +0, which selection (by <) cannot tell apart: counting
  // what sorts before +0 restores the sign a sort would have left at each rank.
  let belowZero = 0;
  m = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) continue;
    buf[m++] = x;
    if (x < 0 || (x === 0 && 1 / x < 0)) belowZero++;
  }
  const wanted = new Set<number>();
  for (const num of nums) {
    const { lo, rem } = typeSevenPosition(m, num, den);
    wanted.add(lo);
    if (rem !== 0) wanted.add(lo + 1);
  }
  const ranks = [...wanted].sort((a, b) => a - b);
  const stats = orderStatisticsInPlace(buf, m, ranks);
  const at = new Map<number, number>();
  ranks.forEach((r, i) => at.set(r, stats[i] === 0 ? (r < belowZero ? -0 : 0) : stats[i]));
  return nums.map((num) => {
    const { lo, rem } = typeSevenPosition(m, num, den);
    return interpolate(at.get(lo)!, rem === 0 ? 0 : at.get(lo + 1)!, rem, den);
  });
}

/**
 * R type 7 quantile at probability `num / den` of ascending values: linear interpolation
 * between order statistics. The position is split into an integer part and `rem / den` with
 * integer arithmetic, so 9 × 3/5 is exactly 5 + 2/5 (5.3999… in floating point would shift
 * cut points by a hair and change a whole-number ceiling).
 */
export function quantileSorted(sorted: Float64Array, num: number, den: number): number {
  const { lo, rem } = typeSevenPosition(sorted.length, num, den);
  return interpolate(sorted[lo], rem === 0 ? 0 : sorted[lo + 1], rem, den);
}

function typeSevenPosition(m: number, num: number, den: number): { lo: number; rem: number } {
  const pos = (m - 1) * num;
  const lo = Math.floor(pos / den);
  return { lo, rem: pos - lo * den };
}

function interpolate(lower: number, upper: number, rem: number, den: number): number {
  if (rem === 0) return lower;
  return lower === upper ? lower : lower + (rem / den) * (upper - lower);
}

/** Band 1..cuts.length+1 of `x` (see the method above); 0 for a missing value. */
export function bandOf(x: number, cuts: readonly number[]): number {
  if (Number.isNaN(x)) return 0;
  let b = 1;
  for (let j = 0; j < cuts.length; j++) if (x > cuts[j]) b++;
  return b;
}
