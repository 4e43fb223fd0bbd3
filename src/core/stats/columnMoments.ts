/**
 * Mean and population variance of column `j` of an n × d row-major matrix, in two passes (the
 * mean first, then squared deviations from it), which keeps the variance accurate for columns
 * far from zero.
 *
 * @example
 * columnMoments(Float64Array.of(1, 10, 3, 20), 2, 2, 0); // { mean: 2, variance: 1 }
 */
export function columnMoments(data: Float64Array, n: number, d: number, j: number): { mean: number; variance: number } {
  let sum = 0;
  for (let r = 0; r < n; r++) sum += data[r * d + j];
  const mean = sum / n;
  let ss = 0;
  for (let r = 0; r < n; r++) {
    const e = data[r * d + j] - mean;
    ss += e * e;
  }
  return { mean, variance: ss / n };
}
