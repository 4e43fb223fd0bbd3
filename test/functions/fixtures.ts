import type { ClvModel } from '../../src/core/clv/ClvModel';
import type { CustomerTable } from '../../src/core/customers/CustomerTable';
import { createRng } from '../../src/core/random/createRng';
import type { Recipe } from '../../src/core/recipe/Recipe';
import { runRecipe } from '../../src/core/recipe/runRecipe';
import { rfmCustomerTable } from '../../src/functions/rfmCustomerTable';
import { kmeansModel } from '../../src/core/models/kmeans/kmeansModel';

/** CDNOW BG/NBD (Fader, Hardie & Lee 2005) with the Gamma-Gamma of Fader & Hardie 2013, in weeks. */
export const CDNOW: ClvModel = {
  model: 'bgnbd',
  params: { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 },
  version: 1,
  timeUnit: 'week',
  logLikelihood: -9582.4,
  converged: true,
  iterations: 20,
  gradientNorm: 0,
  gammaGamma: { params: { p: 6.25, q: 3.74, gamma: 15.44 }, logLikelihood: 0, converged: true, iterations: 10, correlation: 0.11, warnings: [] },
};

/** 300 customers with recency (days), frequency (orders) and monetary (revenue), seeded. */
export function sampleCustomers(n = 300): CustomerTable {
  const rng = createRng(7);
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    recency[i] = rng.int(400);
    frequency[i] = 1 + rng.int(12);
    monetary[i] = Math.round(20 + 500 * rng.next() * rng.next() * 100) / 100;
  }
  return rfmCustomerTable(recency, frequency, monetary);
}

/** A fitted recipe with an RFM model, as the taskpane stores it. */
export function fittedRfmRecipe(customers: CustomerTable): Recipe {
  const { fitted } = runRecipe(customers, {
    version: 1,
    name: 'Shop',
    roles: {},
    seed: 3,
    asOf: '2024-06-30',
    models: [{ id: 'rfm', kind: 'rfm', settings: { recencyColumn: 'recency', frequencyColumn: 'frequency', monetaryColumn: 'monetary', returns: 'gross' } }],
  });
  return fitted;
}

/** The same recipe with the CDNOW CLV model stored beside the RFM model. */
export function withClvModel(recipe: Recipe): Recipe {
  return { ...recipe, models: [...recipe.models, { id: 'clv', kind: 'clv', settings: {}, fitted: CDNOW as unknown as Record<string, unknown> }] };
}

/** A recipe holding a k-means model fitted by the engine on `customers` (k = 4). */
export function kmeansRecipe(customers: CustomerTable): Recipe {
  const settings = { k: '4', kMin: 2, kMax: 8, features: ['recency', 'frequency', 'monetary'], logFeatures: ['frequency', 'monetary'], missing: 'drop' as const, nInit: 3, categoryFeatures: [] };
  const ctx = { modelId: 'clusters', settingsPath: 'models[0].settings', rng: createRng(11), asOf: 0, segmentNames: {} };
  const fitted = kmeansModel.fit(customers, settings, ctx);
  return { version: 1, name: 'Clusters', roles: {}, seed: 11, models: [{ id: 'clusters', kind: 'kmeans', settings, fitted: fitted as unknown as Record<string, unknown> }] };
}
