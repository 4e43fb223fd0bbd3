import fc from 'fast-check';
import { orderStatisticsInPlace } from '../../../src/core/stats/orderStatisticsInPlace';
import { selectInPlace } from '../../../src/core/stats/selectInPlace';

describe('selectInPlace', () => {
  it('returns the k-th smallest and partitions the range around it', () => {
    expect(selectInPlace(Float64Array.of(5, 1, 4, 2), 0, 3, 1)).toBe(2);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 1, maxLength: 300 }), fc.nat(), (xs, seed) => {
        const k = seed % xs.length;
        const a = Float64Array.from(xs);
        const v = selectInPlace(a, 0, a.length - 1, k);
        expect(v).toBe([...xs].sort((x, y) => x - y)[k]);
        for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(v);
        for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(v);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('orderStatisticsInPlace', () => {
  it('gives the values a sort would put at the ranks', () => {
    expect([...orderStatisticsInPlace(Float64Array.of(9, 3, 7, 1, 5), 5, [1, 2])]).toEqual([3, 5]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 1, maxLength: 300 }), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (xs, picks) => {
        const ranks = [...new Set(picks.map((p) => p % xs.length))].sort((a, b) => a - b);
        const sorted = [...xs].sort((x, y) => x - y);
        expect([...orderStatisticsInPlace(Float64Array.from(xs), xs.length, ranks)]).toEqual(ranks.map((r) => sorted[r]));
      }),
      { numRuns: 2000 },
    );
  });

  it('uses only the first m values', () => {
    expect([...orderStatisticsInPlace(Float64Array.of(4, 2, 3, -100, -200), 3, [0, 2])]).toEqual([2, 4]);
  });
});
