import { mean, variance } from 'simple-statistics';
import { columnMoments } from '../../../src/core/stats/columnMoments';
import { createRng } from '../../../src/core/random/createRng';

describe('columnMoments', () => {
  it('gives each column\'s mean and population variance (simple-statistics on the column, relative difference below 1e-12)', () => {
    const rng = createRng(3);
    const n = 500;
    const d = 3;
    const data = Float64Array.from({ length: n * d }, (_, i) => 1e6 * (i % d) + rng.normal() * (i % d + 1));
    for (let j = 0; j < d; j++) {
      const column = Array.from({ length: n }, (_, r) => data[r * d + j]);
      const got = columnMoments(data, n, d, j);
      // simple-statistics sums with compensation; a plain sum of 500 values differs in the last bits.
      expect(Math.abs(got.mean - mean(column))).toBeLessThan(1e-12 * Math.abs(mean(column)) + 1e-15);
      expect(Math.abs(got.variance - variance(column))).toBeLessThan(1e-12 * variance(column));
    }
    expect(columnMoments(Float64Array.of(1, 10, 3, 20), 2, 2, 0)).toEqual({ mean: 2, variance: 1 });
  });
});
