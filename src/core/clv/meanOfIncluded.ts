/**
 * Mean of `values` over rows with `included[i] = 1` (NaN when none): used for scale-aware
 * starting values, so α starts near the typical customer age in whatever unit is used.
 *
 * @example
 * meanOfIncluded(Float64Array.from([1, 9, 3]), Uint8Array.from([1, 0, 1])); // 2
 */
export function meanOfIncluded(values: Float64Array, included: Uint8Array): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (!included[i]) continue;
    sum += values[i];
    n++;
  }
  return sum / n;
}
