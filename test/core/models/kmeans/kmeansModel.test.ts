import { buildCustomerTable, describeSheet } from '../../../../src/core/customers/buildCustomerTable';
import { tableFromValues } from '../../../../src/core/ingest/tableFromValues';
import { defaultRecipe } from '../../../../src/core/recipe/defaultRecipe';
import { applyRecipe, runRecipe } from '../../../../src/core/recipe/runRecipe';
import { generateSample } from '../../../../src/core/sample/generateSample';
import { sampleSheets } from '../../../../src/playground/sampleSheets';

function customers() {
  const sheets = sampleSheets(generateSample({ customers: 1500, seed: 11 }));
  return buildCustomerTable(sheets.map((s) => describeSheet(s.name, tableFromValues(s.values, { sheet: s.name, numberFormats: s.numberFormats }))));
}

describe('kmeans model', () => {
  const table = customers();

  it('one-hot encodes category features when asked, stores them, and re-applies to the same clusters', () => {
    const recipe = defaultRecipe(table.roles, ['kmeans'], { settings: { kmeans: { k: '4', features: ['monetary', 'frequency'], categoryFeatures: ['platform'] } } });
    const { results, fitted } = runRecipe(table, recipe);
    const json = results[0].json as { k: number; features: string[] };
    expect(json.k).toBe(4);
    expect(json.features.slice(0, 2)).toEqual(['monetary', 'frequency']);
    expect(json.features.filter((f) => f.startsWith('platform=')).sort()).toEqual(['platform=Android', 'platform=Web', 'platform=Windows', 'platform=iOS', 'platform=macOS']);
    expect(Array.from(applyRecipe(table, fitted)[0].labels)).toEqual(Array.from(results[0].labels));
  });

  it('names a category feature that is not a category column, with the path in the recipe', () => {
    const recipe = defaultRecipe(table.roles, ['kmeans'], { settings: { kmeans: { k: '3', categoryFeatures: ['income'] } } });
    expect(() => runRecipe(table, recipe)).toThrow(expect.objectContaining({ code: 'E_FEATURE_UNKNOWN', location: { path: 'models[0].settings.categoryFeatures[0]' } }));
  });

  it('chooses k automatically and reports every candidate for an elbow chart', () => {
    const { results } = runRecipe(table, defaultRecipe(table.roles, ['kmeans'], { settings: { kmeans: { k: 'auto', kMin: 2, kMax: 6 } } }));
    const json = results[0].json as { k: number; candidates: { k: number; silhouette: number }[] };
    expect(json.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6]);
    const best = json.candidates.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
    expect(json.k).toBe(best.k);
  });
});
