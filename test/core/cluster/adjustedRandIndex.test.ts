import { adjustedRandIndex } from '../../../src/core/cluster/adjustedRandIndex';
import { readJson } from './readFixture';

describe('adjustedRandIndex', () => {
  it.each(readJson<{ a: number[]; b: number[]; ari: number }[]>('ari.json'))('matches scikit-learn adjusted_rand_score %#', ({ a, b, ari }) => {
    expect(adjustedRandIndex(a, b)).toBeCloseTo(ari, 12);
  });

  it('matches a hand computation: a=[0,0,1,1], b=[0,0,1,2] gives 4/7', () => {
    // index 1, sum over a 2, over b 1, expected 2·1/6, max 1.5 → (1 − 1/3)/(1.5 − 1/3)
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 12);
  });

  it('is 1 for identical partitions with different numbers, including one cluster each', () => {
    expect(adjustedRandIndex(Int32Array.of(3, 3, 7, 7, 7), Int32Array.of(0, 0, 1, 1, 1))).toBe(1);
    expect(adjustedRandIndex([1, 1, 1], [2, 2, 2])).toBe(1);
  });

  it('rejects labelings of different lengths', () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(expect.objectContaining({ code: 'E_LABELS_LENGTH', message: 'The labelings have 2 and 1 rows. Compare two labelings of the same rows.' }));
  });
});
