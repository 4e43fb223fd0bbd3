import { mean, variance } from 'simple-statistics';
import { columnMoments } from '../../../src/core/stats/columnMoments';
import { createRng } from '../../../src/core/random/createRng';

describe('columnMoments', () => {
  it('gives each column\'s mean and population variance (simple-statistics on the column, to 1e-9)', () => {
    const rng = createRng(3);
    const n = 500;
    const d = 3;
    const data = Float64Array.from({ length: n * d }, (_, i) => 1e6 * (i % d) + rng.normal() * (i % d + 1));
    for (let j = 0; j < d; j++) {
      const column = Array.from({ length: n }, (_, r) => data[r * d + j]);
      const got = columnMoments(data, n, d, j);
      expect(got.mean).toBeCloseTo(mean(column), 9);
      expect(got.variance).toBeCloseTo(variance(column), 9);
    }
    expect(columnMoments(Float64Array.of(1, 10, 3, 20), 2, 2, 0)).toEqual({ mean: 2, variance: 1 });
  });
});
