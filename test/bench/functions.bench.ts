import type { BenchRow } from './BenchRow';
import { customerLikeColumns } from './kmeans.bench';
import { createRng } from '../../src/core/random/createRng';
import { kmeansModel } from '../../src/core/models/kmeans/kmeansModel';
import type { Recipe } from '../../src/core/recipe/Recipe';
import type { Cell } from '../../src/functions/Cell';
import { createFunctions } from '../../src/functions/createFunctions';
import { MemoryRecipeStore } from '../../src/functions/MemoryRecipeStore';

const N = 100_000;

function clusterRecipe(): Recipe {
  const c = customerLikeColumns(20_000, 7);
  const customers = {
    table: {
      rowCount: 20_000,
      columns: [
        { name: 'recency', type: 'number' as const, values: c.recency },
        { name: 'frequency', type: 'number' as const, values: c.frequency },
        { name: 'monetary', type: 'number' as const, values: c.monetary },
      ],
    },
    roles: {},
    idColumn: '',
    asOf: 0,
    skipped: [],
  };
  const settings = { k: '5', kMin: 2, kMax: 8, features: ['recency', 'frequency', 'monetary'], logFeatures: ['frequency', 'monetary'], missing: 'drop' as const, nInit: 2, categoryFeatures: [] };
  const fitted = kmeansModel.fit(customers, settings, { modelId: 'clusters', settingsPath: 'models[0].settings', rng: createRng(3), asOf: 0, segmentNames: {} });
  return { version: 1, name: 'Bench', roles: {}, seed: 3, models: [{ id: 'clusters', kind: 'kmeans', settings, fitted: fitted as unknown as Record<string, unknown> }] };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** SK.SEGMENT and SK.CLV over ranges of 100,000 rows, as Excel passes them (arrays of rows). */
export default async function functionsBench(): Promise<BenchRow[]> {
  const c = customerLikeColumns(N, 2024);
  const values: Cell[][] = Array.from({ length: N }, (_, i) => [c.recency[i], c.frequency[i], c.monetary[i]]);
  const sk = createFunctions(new MemoryRecipeStore([clusterRecipe()]));
  await sk.segment(values.slice(0, 10));
  const segment = await time(() => sk.segment(values));

  const rng = createRng(5);
  const frequency: Cell[][] = [];
  const recency: Cell[][] = [];
  const T: Cell[][] = [];
  const monetary: Cell[][] = [];
  for (let i = 0; i < N; i++) {
    const age = 1 + rng.int(78);
    const x = rng.int(8);
    frequency.push([x]);
    recency.push([x === 0 ? 0 : Math.round(age * rng.next() * 100) / 100]);
    T.push([age]);
    monetary.push([Math.round(Math.exp(3 + rng.normal()) * 100) / 100]);
  }
  const params = [[0.2426, 4.4135, 0.7929, 2.4258, 6.25, 3.74, 15.44]];
  const clv = await time(() => sk.clv(frequency, recency, T, monetary, 52, 0.0019, params));

  return [
    { area: 'functions', case: 'SK.SEGMENT, k-means recipe (k=5, 3 features), one range', size: '100,000 rows', seconds: segment, targetSeconds: 0.2 },
    { area: 'functions', case: 'SK.CLV, BG/NBD + Gamma-Gamma, 52 periods, one range', size: '100,000 rows', seconds: clv, targetSeconds: 0.3, note: 'T in whole weeks 1–78, so (x, T) pairs repeat as in real data' },
  ];
}
