import { selectInPlace } from './selectInPlace';

/**
 * The order statistics of the first `m` values of `buf` at 0-based `ranks` (ascending, no
 * repeats): the values a full ascending sort would put there, without sorting. Ranks are taken
 * middle first and each side is then searched alone, so r ranks cost O(m log r) on average
 * (the ten deciles of a million values: a few passes instead of a sort). Reorders `buf`; NaN-free
 * input only.
 *
 * @example
 * orderStatisticsInPlace(Float64Array.of(9, 3, 7, 1, 5), 5, [1, 2]); // Float64Array [3, 5]
 */
export function orderStatisticsInPlace(buf: Float64Array, m: number, ranks: readonly number[]): Float64Array {
  const out = new Float64Array(ranks.length);
  const pending: number[] = [0, m - 1, 0, ranks.length - 1];
  while (pending.length) {
    const hiRank = pending.pop()!;
    const loRank = pending.pop()!;
    const right = pending.pop()!;
    const left = pending.pop()!;
    if (loRank > hiRank) continue;
    const mid = (loRank + hiRank) >> 1;
    const r = ranks[mid];
    out[mid] = selectInPlace(buf, left, right, r);
    pending.push(left, r - 1, loRank, mid - 1, r + 1, right, mid + 1, hiRank);
  }
  return out;
}
