import { chooseK } from '../../../src/core/cluster/chooseK';
import { prepareFeatures } from '../../../src/core/cluster/prepareFeatures';
import { readFixtureColumns, readReference } from './readFixture';

describe('chooseK', () => {
  it('picks the planted k on clear data and reports silhouettes close to scikit-learn', () => {
    const ref = readReference('blobs');
    const prep = prepareFeatures({ numeric: readFixtureColumns('blobs') });
    const result = chooseK(prep, { kMin: 2, kMax: 8, seed: 1 });
    expect(result.k).toBe(5);
    expect(result.fit.model.k).toBe(5);
    expect(result.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    for (const c of result.candidates) {
      expect(c.inertia).toBeLessThanOrEqual(ref.kmeans[String(c.k)].inertia * 1.005);
      // Past the planted k, equally good optima split a blob differently, so silhouettes differ a little.
      expect(Math.abs(c.silhouette - ref.kmeans[String(c.k)].silhouette)).toBeLessThan(c.k === 5 ? 1e-9 : 0.02);
    }
  });

  it('rejects an impossible range', () => {
    const prep = prepareFeatures({ numeric: [{ name: 'x', values: new Float64Array([1, 2, 3, 4]) }] });
    expect(() => chooseK(prep, { kMin: 1 })).toThrow(expect.objectContaining({ code: 'E_CHOOSE_K_RANGE', message: 'at kMin: kMin must be a whole number of at least 2, not 1. A silhouette needs at least 2 clusters; use kMin 2.' }));
    expect(() => chooseK(prep, { kMin: 4, kMax: 6 })).toThrow(expect.objectContaining({ code: 'E_CHOOSE_K_RANGE' }));
  });
});
