import fc from 'fast-check';
import { sortPositiveAscending } from '../../../src/core/stats/sortPositiveAscending';

describe('sortPositiveAscending', () => {
  it('orders any positive doubles exactly as Float64Array.prototype.sort does', () => {
    const positive = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.oneof(positive, fc.constantFrom(Number.MIN_VALUE, 1, 1 + Number.EPSILON, 0.1, 1e300)), { maxLength: 300 }), (xs) => {
        const expected = Float64Array.from(xs).sort();
        const got = sortPositiveAscending(Float64Array.from(xs));
        return got.length === expected.length && got.every((x, i) => Object.is(x, expected[i]));
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('sorts in place a view into a larger buffer without touching the rest', () => {
    const all = Float64Array.of(9, 5, 3, 4, 1, 9);
    const view = all.subarray(1, 5);
    expect(sortPositiveAscending(view)).toBe(view);
    expect(Array.from(all)).toEqual([9, 1, 3, 4, 5, 9]);
  });
});
