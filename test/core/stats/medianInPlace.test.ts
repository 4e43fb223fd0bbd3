import fc from 'fast-check';
import { medianInPlace } from '../../../src/core/stats/medianInPlace';

describe('medianInPlace', () => {
  it('equals the median of the sorted values (odd, even, ties)', () => {
    expect(medianInPlace(Float64Array.of(5, 1, 4, 2), 4)).toBe(3);
    expect(medianInPlace(Float64Array.of(3, 3, 3, 1, 9), 5)).toBe(3);
    expect(medianInPlace(Float64Array.of(7), 1)).toBe(7);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const m = xs.length;
        const expected = m % 2 ? sorted[(m - 1) / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
        expect(medianInPlace(Float64Array.from(xs), m)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
