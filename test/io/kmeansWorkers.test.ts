import { fitKmeans } from '../../src/core/cluster/fitKmeans';
import { prepareFeatures } from '../../src/core/cluster/prepareFeatures';
import { createRng } from '../../src/core/random/createRng';
import { chooseK } from '../../src/core/cluster/chooseK';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chooseKInWorkers, fitKmeansInWorkers, kmeansWorkerScript } from '../../src/io/kmeansWorkers';
import { AUTO_K_SAMPLE, chooseKHere, kmeansFitStep, type KmeansSettings } from '../../src/core/models/kmeans/kmeansModel';
import { defaultRegistry } from '../../src/core/models/defaultRegistry';
import { defaultRecipe } from '../../src/core/recipe/defaultRecipe';
import { modelContext, runRecipe } from '../../src/core/recipe/runRecipe';
import { validateRecipe } from '../../src/core/recipe/validateRecipe';
import { syntheticCustomers } from '../bench/engine.bench';

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

describe('kmeansWorkerScript', () => {
  it('starts workers from a bundle cached under node_modules/.cache/segmentkit', async () => {
    const script = await kmeansWorkerScript();
    expect(script).not.toBeNull();
    if (!script || !('file' in script)) throw new Error(`expected a bundle, got ${JSON.stringify(script)}`);
    expect(script.file.startsWith(join(__dirname, '..', '..', 'node_modules', '.cache', 'segmentkit', 'kmeans-worker-'))).toBe(true);
    expect(existsSync(script.file)).toBe(true);
  }, 60_000);

  it('falls back to compiling the sources through tsx in each worker when there is no bundle, with the same fit', async () => {
    const saved = process.env.SEGMENTKIT_NO_CACHE;
    process.env.SEGMENTKIT_NO_CACHE = '1';
    try {
      const script = await kmeansWorkerScript();
      expect(script && 'code' in script && script.code).toContain('kmeansPoolWorker.ts');
      const p = prepared(2000);
      const two = await fitKmeansInWorkers(p, { k: 3, nInit: 4, seed: 2 }, { threads: 2 });
      expect(two.model).toEqual(fitKmeans(p, { k: 3, nInit: 4, seed: 2 }).model);
    } finally {
      if (saved === undefined) delete process.env.SEGMENTKIT_NO_CACHE;
      else process.env.SEGMENTKIT_NO_CACHE = saved;
    }
  }, 60_000);
});

describe('chooseKInWorkers', () => {
  it('chooses exactly as chooseK: same candidates, k, model and labels', async () => {
    const p = prepared(3000);
    const one = chooseK(p, { kMin: 2, kMax: 6, nInit: 3, seed: 4 });
    const two = await chooseKInWorkers(p, { kMin: 2, kMax: 6, nInit: 3, seed: 4 }, { threads: 2 });
    expect(one.k).toBe(4);
    expect(two.candidates).toEqual(one.candidates);
    expect(two.k).toBe(one.k);
    expect(two.fit.model).toEqual(one.fit.model);
    expect(Array.from(two.fit.labels)).toEqual(Array.from(one.fit.labels));
    expect(two.sampled).toBe(one.sampled);
  }, 60_000);

  it("rejects a bad range with chooseK's error, before starting workers", async () => {
    await expect(chooseKInWorkers(prepared(100), { kMin: 1 }, { threads: 2 })).rejects.toThrow('kMin must be a whole number of at least 2, not 1');
  });
});

describe('k-means models fitted in workers and handed to runRecipe', () => {
  // Above AUTO_K_SAMPLE customers "auto" chooses k on a sample and fits the chosen k on everyone.
  const customers = syntheticCustomers(AUTO_K_SAMPLE + 5000, 3);
  it.each(['5', 'auto'])('k=%s: same fitted recipe and labels as the single-thread run', async (k) => {
    const recipe = validateRecipe(defaultRecipe(customers.roles, ['kmeans'], { seed: 21, settings: { kmeans: { k, kMax: 3 } } }), defaultRegistry);
    const step = chooseKHere(kmeansFitStep(customers, recipe.models[0].settings as unknown as KmeansSettings, modelContext(customers, recipe, 0)));
    if ('fitted' in step) throw new Error('expected a fit on all rows');
    const fitted = step.finish(await fitKmeansInWorkers(step.prepared, step.options, { threads: 2 }));
    const pooled = runRecipe(customers, recipe, { prefitted: { [recipe.models[0].id]: fitted as unknown as Record<string, unknown> } });
    const plain = runRecipe(customers, recipe);
    expect(JSON.stringify(pooled.fitted)).toBe(JSON.stringify(plain.fitted));
    expect(Array.from(pooled.results[0].labels)).toEqual(Array.from(plain.results[0].labels));
  }, 120_000);
});
