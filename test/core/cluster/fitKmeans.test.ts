import { adjustedRandIndex } from '../../../src/core/cluster/adjustedRandIndex';
import { buildKmeansModel } from '../../../src/core/cluster/buildKmeansModel';
import { fitKmeans } from '../../../src/core/cluster/fitKmeans';
import { kmeansInitSeeds } from '../../../src/core/cluster/kmeansInitSeeds';
import { kmeansSingleInit } from '../../../src/core/cluster/kmeansSingleInit';
import { prepareFeatures } from '../../../src/core/cluster/prepareFeatures';
import { readFixtureColumns, readReference } from './readFixture';

function prepared(name: string) {
  const ref = readReference(name);
  const numeric = readFixtureColumns(name).map((c) => ({ ...c, log: ref.log.includes(c.name) }));
  return { ref, prep: prepareFeatures({ numeric }) };
}

describe('fitKmeans against scikit-learn 1.2.1 KMeans(n_init=10)', () => {
  for (const name of ['customers', 'blobs', 'overlap']) {
    const { ref, prep } = prepared(name);
    for (const kText of Object.keys(ref.kmeans)) {
      it(`${name}, k=${kText}: inertia within 0.5 % of scikit-learn's`, () => {
        const { model } = fitKmeans(prep, { k: Number(kText), seed: 3 });
        expect(model.inertia).toBeLessThanOrEqual(ref.kmeans[kText].inertia * 1.005);
        expect(model.inertia).toBeGreaterThan(ref.kmeans[kText].inertia * 0.95);
      });
    }
  }

  it('recovers well-separated planted clusters (ARI vs truth ≥ 0.95)', () => {
    const { ref, prep } = prepared('blobs');
    const { labels } = fitKmeans(prep, { k: 5, seed: 9 });
    expect(adjustedRandIndex(labels, ref.truth as number[])).toBeGreaterThanOrEqual(0.95);
  });

  it('gives identical labels for the same seed and reports the run', () => {
    const { prep } = prepared('overlap');
    const a = fitKmeans(prep, { k: 6, seed: 17 });
    const b = fitKmeans(prep, { k: 6, seed: 17 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.model.inertia).toBe(b.model.inertia);
    expect(a.model.converged).toBe(true);
    expect(a.model.iterations).toBeGreaterThan(1);
    expect(a.model.sizes.reduce((s, v) => s + v, 0)).toBe(prep.n);
  });

  it('matches a hand-run of kmeansSingleInit over kmeansInitSeeds (the worker path)', () => {
    const { prep } = prepared('customers');
    const fit = fitKmeans(prep, { k: 4, seed: 5, nInit: 4 });
    const runs = kmeansInitSeeds(5, 4).map((s) => kmeansSingleInit(prep.data, prep.n, prep.d, 4, s));
    const best = runs.reduce((x, y) => (y.inertia < x.inertia ? y : x));
    expect(buildKmeansModel(best, prep.scaler, 5, 4)).toEqual(fit.model);
  });

  it('centroids in original units invert the scaler (log1p feature back through expm1)', () => {
    const { prep } = prepared('customers');
    const { model } = fitKmeans(prep, { k: 3, seed: 1 });
    const j = model.features.indexOf('monetary');
    const c = model.centroids[0];
    expect(model.centroidsOriginal[0][j]).toBeCloseTo(Math.expm1(c[j] * prep.scaler.sds[j] + prep.scaler.means[j]), 9);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('inertia equals the sum of squared distances to the reported centroids', () => {
    const { prep } = prepared('blobs');
    const { model, labels } = fitKmeans(prep, { k: 5, seed: 2 });
    let s = 0;
    for (let i = 0; i < prep.n; i++) {
      for (let t = 0; t < prep.d; t++) s += (prep.data[i * prep.d + t] - model.centroids[labels[i]][t]) ** 2;
    }
    expect(model.inertia).toBeCloseTo(s, 8);
  });

  it('recovers empty clusters from duplicate seeds so k clusters come back', () => {
    const values = new Float64Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 10]);
    const prep = prepareFeatures({ numeric: [{ name: 'x', values }] });
    const { model } = fitKmeans(prep, { k: 3, seed: 1, nInit: 3 });
    expect(model.sizes.every((s) => s >= 1)).toBe(true);
    expect(model.inertia).toBeCloseTo(0, 12);
  });

  it('marks rows dropped for missing values as -1', () => {
    const prep = prepareFeatures({ numeric: [{ name: 'x', values: new Float64Array([1, 2, NaN, 10, 11, 12]) }] });
    const fit = fitKmeans(prep, { k: 2, seed: 1 });
    expect(fit.labels[2]).toBe(-1);
    expect(fit.unassigned).toBe(1);
    expect(fit.labels[0]).toBe(fit.labels[1]);
    expect(fit.labels[0]).not.toBe(fit.labels[3]);
  });

  it('rejects bad options with exact codes and messages', () => {
    const prep = prepareFeatures({ numeric: [{ name: 'x', values: new Float64Array([1, 2, 3, 4]) }] });
    expect(() => fitKmeans(prep, { k: 0 })).toThrow(expect.objectContaining({ code: 'E_KMEANS_OPTION', message: 'at k: k must be a whole number of at least 1, not 0. Choose a whole number of clusters, for example 5, or let chooseK pick one.' }));
    expect(() => fitKmeans(prep, { k: 2, nInit: 1.5 })).toThrow(expect.objectContaining({ code: 'E_KMEANS_OPTION', message: 'at nInit: nInit must be a whole number of at least 1, not 1.5. Use 10 (the default) unless the data is very large.' }));
    expect(() => fitKmeans(prep, { k: 2, tol: -1 })).toThrow(expect.objectContaining({ code: 'E_KMEANS_OPTION' }));
    expect(() => fitKmeans(prep, { k: 5 })).toThrow(expect.objectContaining({ code: 'E_KMEANS_K', message: 'at k: k is 5 but only 4 rows have all feature values. Choose fewer clusters or give more rows.' }));
    expect(() => kmeansSingleInit(new Float64Array(5), 2, 3, 1, 0)).toThrow(expect.objectContaining({ code: 'E_KMEANS_SHAPE' }));
    expect(() => kmeansSingleInit(new Float64Array(6), 2, 3, 3, 0)).toThrow(expect.objectContaining({ code: 'E_KMEANS_K' }));
    expect(() => kmeansInitSeeds(1, 0)).toThrow(expect.objectContaining({ code: 'E_KMEANS_N_INIT' }));
  });
});
