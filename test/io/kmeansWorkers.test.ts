import { fitKmeans } from '../../src/core/cluster/fitKmeans';
import { prepareFeatures } from '../../src/core/cluster/prepareFeatures';
import { createRng } from '../../src/core/random/createRng';
import { fitKmeansInWorkers } from '../../src/io/kmeansWorkers';

function prepared(n: number) {
  const rng = createRng(5);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const centre = rng.int(4);
    a[i] = centre * 10 + rng.normal();
    b[i] = rng.next() < 0.01 ? NaN : centre * -3 + rng.normal();
  }
  return prepareFeatures({ numeric: [{ name: 'a', values: a }, { name: 'b', values: b }] });
}

describe('fitKmeansInWorkers', () => {
  it('gives exactly the single-thread fit: same centres, inertia and labels', async () => {
    const p = prepared(5000);
    const one = fitKmeans(p, { k: 4, nInit: 6, seed: 11 });
    const two = await fitKmeansInWorkers(p, { k: 4, nInit: 6, seed: 11 }, { threads: 2 });
    expect(two.model).toEqual(one.model);
    expect(Array.from(two.labels)).toEqual(Array.from(one.labels));
    expect(two.unassigned).toBe(one.unassigned);
    expect(two.unassigned).toBeGreaterThan(0);
  }, 60_000);

  it('rejects bad options with the same error as fitKmeans, before starting workers', async () => {
    const p = prepared(100);
    await expect(fitKmeansInWorkers(p, { k: 0 }, { threads: 2 })).rejects.toThrow('k must be a whole number of at least 1, not 0');
    await expect(fitKmeansInWorkers(p, { k: 200 }, { threads: 2 })).rejects.toMatchObject({ code: 'E_KMEANS_K' });
  });
});
