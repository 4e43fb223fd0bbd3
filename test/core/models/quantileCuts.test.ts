import fc from 'fast-check';
import { quantileCuts, quantileSorted, quantilesOf } from '../../../src/core/models/quantileCuts';

/** The sort-based definition the selection must reproduce bit for bit. */
function sortedCuts(values: Float64Array, nums: number[], den: number): number[] {
  const sorted = Float64Array.from([...values].filter((x) => !Number.isNaN(x))).sort();
  return sorted.length ? nums.map((num) => quantileSorted(sorted, num, den)) : [];
}

const valueArb = fc.oneof(
  fc.integer({ min: -20, max: 20 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 0.1, 0.2, 0.3),
);

describe('quantileCuts / quantilesOf (selection instead of a sort)', () => {
  it('gives R type 7 cut points', () => {
    expect(quantileCuts(Float64Array.of(4, NaN, 1, 3, 2), 4)).toEqual([1.75, 2.5, 3.25]);
    expect(quantilesOf(Float64Array.of(4, NaN, 1, 3, 2), [1, 3], 4)).toEqual([1.75, 3.25]);
    expect(quantileCuts(Float64Array.of(NaN, NaN), 5)).toEqual([]);
    expect(quantileCuts(Float64Array.of(7), 5)).toEqual([7, 7, 7, 7]);
  });

  it('equals the sort-based cut points bit for bit, signed zeros included', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { maxLength: 400 }), fc.integer({ min: 2, max: 12 }), (xs, bands) => {
        const values = Float64Array.from(xs);
        const nums = Array.from({ length: bands - 1 }, (_, j) => j + 1);
        const got = quantileCuts(values, bands);
        const want = sortedCuts(values, nums, bands);
        expect(got.length).toBe(want.length);
        got.forEach((g, j) => expect(Object.is(g, want[j])).toBe(true));
      }),
      { numRuns: 3000 },
    );
  });

  it('equals the sort-based quantile at any num / den, in any order of nums', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { minLength: 1, maxLength: 300 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 6 }), (xs, nums) => {
        const values = Float64Array.from(xs);
        const got = quantilesOf(values, nums, 1000);
        const want = sortedCuts(values, nums, 1000);
        got.forEach((g, j) => expect(Object.is(g, want[j])).toBe(true));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves the input column untouched', () => {
    const values = Float64Array.of(5, 3, NaN, 1, 4);
    quantileCuts(values, 3);
    expect([...values]).toEqual([5, 3, NaN, 1, 4]);
  });
});
