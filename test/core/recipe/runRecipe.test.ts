import { runRecipe, applyRecipe, modelContext } from '../../../src/core/recipe/runRecipe';
import type { Recipe } from '../../../src/core/recipe/Recipe';
import { fitKmeans } from '../../../src/core/cluster/fitKmeans';
import { chooseKHere, kmeansFitStep, type KmeansSettings } from '../../../src/core/models/kmeans/kmeansModel';
import { syntheticCustomers } from '../../bench/engine.bench';
import { defaultRecipe } from '../../../src/core/recipe/defaultRecipe';
import { validateRecipe } from '../../../src/core/recipe/validateRecipe';
import { defaultRegistry } from '../../../src/core/models/defaultRegistry';
import { ModelRegistry } from '../../../src/core/models/ModelRegistry';
import type { SegmentModel } from '../../../src/core/models/SegmentModel';
import { buildModelResult } from '../../../src/core/models/buildModelResult';
import { createRng } from '../../../src/core/random/createRng';
import { makeCustomers } from '../models/makeCustomers';
import { rfmFixture } from '../models/rfmFixture';
import type { ModelResult } from '../../../src/core/models/SegmentModel';

function customers(n = 200, seed = 7) {
  const rng = createRng(seed);
  const first = Array.from({ length: n }, () => 18_000 + rng.int(600));
  return makeCustomers(
    {
      first_purchase: { type: 'date', values: first },
      last_purchase: { type: 'date', values: first.map((f) => f + rng.int(20_000 - f)) },
      orders: Array.from({ length: n }, () => 1 + rng.int(15)),
      purchase_days: Array.from({ length: n }, () => 1 + rng.int(10)),
      revenue: Array.from({ length: n }, () => Math.round(rng.next() * 200_000) / 100),
      returns: Array.from({ length: n }, () => (rng.next() < 0.2 ? 10 : 0)),
      contacts_phone: Array.from({ length: n }, () => rng.int(3)),
      contacts_email: Array.from({ length: n }, () => rng.int(4)),
      distinct_products: Array.from({ length: n }, () => 1 + rng.int(6)),
    },
    { asOf: 20_000 },
  );
}

const serialise = (results: ModelResult[], fitted: unknown) =>
  JSON.stringify({ fitted, results: results.map((r) => ({ ...r, labels: Array.from(r.labels), columns: r.columns.map((c) => ({ header: c.header, values: Array.from(c.values as ArrayLike<unknown>) })) })) });

describe('runRecipe / applyRecipe', () => {
  const recipe = defaultRecipe({ customerId: 'customer_id' }, ['rfm', 'value', 'lifecycle', 'behavior']);

  it('fills every model\'s fitted parameters, asOf and a playbook entry per segment', () => {
    const { results, fitted } = runRecipe(customers(), recipe);
    expect(results.map((r) => r.kind)).toEqual(['rfm', 'value', 'lifecycle', 'behavior']);
    expect(fitted.models.every((m) => m.fitted !== undefined)).toBe(true);
    expect(fitted.asOf).toBe('2024-10-04');
    expect(Object.keys(fitted.playbook!.rfm)).toEqual(results[0].segmentNames);
    expect(fitted.playbook!.rfm.Champions).toMatchObject({ queue: 'VIP', priority: 'P1' });
    expect(results[0].sheets[0].tables.map((t) => t.title)).toEqual(['RFM segments', 'RFM cut points', 'rfm playbook']);
  });

  it('is byte-identical for the same recipe, data and seed', () => {
    const a = runRecipe(customers(), recipe);
    const b = runRecipe(customers(), JSON.parse(JSON.stringify(recipe)));
    expect(serialise(b.results, b.fitted)).toBe(serialise(a.results, a.fitted));
  });

  it('re-applies stored parameters to new rows without refitting', () => {
    const { results, fitted } = runRecipe(customers(), recipe);
    const stored = JSON.parse(JSON.stringify(fitted));
    const again = applyRecipe(customers(), stored);
    expect(Array.from(again[0].labels)).toEqual(Array.from(results[0].labels));
    const other = customers(50, 99);
    const applied = applyRecipe(other, stored);
    const refit = runRecipe(other, recipe).results;
    expect(applied[0].json.cutpoints).toEqual(stored.models[0].fitted.cutpoints);
    expect(refit[0].json.cutpoints).not.toEqual(stored.models[0].fitted.cutpoints);
  });

  it('refuses to apply an unfitted recipe', () => {
    expect(() => applyRecipe(customers(), recipe)).toThrow(expect.objectContaining({ code: 'E_RECIPE_NOT_FITTED', location: { path: 'models[0].fitted' } }));
  });

  it('stops with plain messages when a model lacks inputs', () => {
    const sheet = makeCustomers({ Spend: [1, 2] }, { roles: { amount: 'Spend' } });
    expect(() => runRecipe(sheet, defaultRecipe({}, ['value', 'lifecycle']))).toThrow(
      expect.objectContaining({ code: 'E_MODEL_INPUT_MISSING', location: { path: 'models[1]' }, detail: 'Lifecycle needs a signup or first purchase date (or a tenure column)' }),
    );
  });

  it('applies segment renames and stored playbook edits', () => {
    const edited = { ...recipe, models: [recipe.models[0]], segmentNames: { rfm: { Champions: 'Best' } }, playbook: { rfm: { Best: { channel: 'chat', tone: 'warm', priority: 'P2', queue: 'Team A' } } } };
    const { results, fitted } = runRecipe(rfmFixture(), edited);
    expect(results[0].segmentNames[0]).toBe('Best');
    expect(fitted.playbook!.rfm.Best).toEqual({ channel: 'chat', tone: 'warm', priority: 'P2', queue: 'Team A', resources: [] });
  });

  it('lets new model kinds plug in through a registry', () => {
    const constant: SegmentModel<{ name: string }, { seen: number }> = {
      kind: 'constant',
      label: 'Constant',
      settingsSchema: { name: { type: 'string', default: 'Everyone' } },
      requires: () => [],
      fit: (c, _s, ctx) => ({ seen: c.table.rowCount + ctx.rng.int(1) }),
      apply: (c, s, fitted, ctx) => buildModelResult(c, ctx, { kind: 'constant', label: 'Constant', segmentNames: [s.name], labels: new Int32Array(c.table.rowCount), columns: [], json: { ...fitted }, warnings: [] }),
    };
    const registry = new ModelRegistry().register(constant);
    const { results, fitted } = runRecipe(rfmFixture(), { version: 1, name: 'x', roles: {}, seed: 3, models: [{ id: 'all', kind: 'constant', settings: {} }] }, { registry });
    expect(results[0].profile.segments[0]).toMatchObject({ name: 'Everyone', size: 10, share: 1 });
    expect(fitted.models[0].fitted).toEqual({ seen: 10 });
    expect(() => registry.register(constant)).toThrow(expect.objectContaining({ code: 'E_MODEL_DUPLICATE' }));
    expect(defaultRegistry.kinds()).toEqual(['rfm', 'value', 'lifecycle', 'behavior', 'rules', 'kmeans', 'demographic', 'technographic', 'clv']);
  });

  it('reports progress per model and phase', () => {
    const seen: string[] = [];
    runRecipe(rfmFixture(), defaultRecipe({}, ['rfm']), { onProgress: (p) => seen.push(`${p.modelId}:${p.phase}:${p.index}/${p.total}`) });
    expect(seen).toEqual(['rfm:fit:0/1', 'rfm:apply:0/1']);
  });
});

describe('validateRecipe errors (path, expected, got)', () => {
  const base = () => ({ version: 1, name: 'r', roles: {}, seed: 1, models: [{ id: 'rfm', kind: 'rfm', settings: {} }, { id: 'v', kind: 'value', settings: {} }] });
  const check = (mutate: (r: ReturnType<typeof base> & Record<string, unknown>) => void) => {
    const r = base() as ReturnType<typeof base> & Record<string, unknown>;
    mutate(r);
    try {
      validateRecipe(r, defaultRegistry);
    } catch (e) {
      return e as { code: string; location: { path: string }; detail: string };
    }
    throw new Error('no error');
  };

  it.each<[string, (r: Record<string, unknown> & { models: Record<string, unknown>[] }) => void, string, string]>([
    ['bad setting value', (r) => { r.models[0].settings = { scale: 4 }; }, 'models[0].settings.scale', 'expected one of 5, 3, got 4'],
    ['unknown setting', (r) => { r.models[1].settings = { tierA: 0.8, bins: 3 }; }, 'models[1].settings.bins', 'expected only returns, valueColumn, costPerContact, tierA, tierB, tierBasis, curvePoints, got unknown field "bins"'],
    ['number out of range', (r) => { r.models[1].settings = { tierA: 1.5 }; }, 'models[1].settings.tierA', 'expected a number from 0.01 to 0.99, got 1.5'],
    ['negative channel cost', (r) => { r.models[1].settings = { costPerContact: { phone: -1 } }; }, 'models[1].settings.costPerContact.phone', 'expected a number ≥ 0, got -1'],
    ['unknown kind', (r) => { r.models[1].kind = 'magic'; }, 'models[1].kind', 'expected one of "rfm", "value", "lifecycle", "behavior", "rules", "kmeans", "demographic", "technographic", "clv", got "magic"'],
    ['unknown top-level field', (r) => { r.colour = 'red'; }, 'colour', 'got unknown field "colour"'],
    ['duplicate id', (r) => { r.models[1].id = 'rfm'; }, 'models[1].id', 'expected an id not used by another model, got "rfm"'],
    ['bad asOf', (r) => { r.asOf = '2024-13-01'; }, 'asOf', 'expected a date as YYYY-MM-DD, got "2024-13-01"'],
    ['unknown role', (r) => { r.roles = { spend: 'x' }; }, 'roles.spend', 'expected a known role'],
    ['rename for a missing model', (r) => { r.segmentNames = { kmeans: {} }; }, 'segmentNames.kmeans', 'expected the id of a model in this recipe'],
    ['bad playbook priority', (r) => { r.playbook = { rfm: { Champions: { channel: 'phone', tone: 't', priority: 'urgent', queue: 'q' } } }; }, 'playbook.rfm.Champions.priority', 'expected one of "P1", "P2", "P3", got "urgent"'],
    ['rule list missing', (r) => { r.models[1] = { id: 'x', kind: 'rules', settings: {} }; }, 'models[1].settings.rules', 'expected a list of at least 1, got nothing'],
  ])('%s', (_label, mutate, path, detail) => {
    const e = check(mutate as never);
    expect(e.code).toBe('E_RECIPE_INVALID');
    expect(e.location.path).toBe(path);
    expect(e.detail).toContain(detail);
  });

  it('asks to update SegmentKit for a newer recipe version', () => {
    expect(() => validateRecipe({ ...base(), version: 2 }, defaultRegistry)).toThrow(expect.objectContaining({ code: 'E_RECIPE_VERSION', message: expect.stringContaining('Update SegmentKit') }));
    expect(() => validateRecipe({ ...base(), version: '1' }, defaultRegistry)).toThrow(expect.objectContaining({ code: 'E_RECIPE_VERSION', detail: 'expected recipe version 1, got "1"' }));
  });

  it('normalises key order and fills defaults', () => {
    const r = validateRecipe({ models: [{ settings: {}, kind: 'value', id: 'v' }], seed: 2, roles: {}, name: 'n', version: 1 }, defaultRegistry);
    expect(Object.keys(r)).toEqual(['version', 'name', 'roles', 'seed', 'models']);
    expect(r.models[0].settings.tierA).toBe(0.8);
  });
});

describe('runRecipe with prefitted models (fits computed elsewhere)', () => {
  const customers = syntheticCustomers(3000, 8);
  const recipe = validateRecipe(defaultRecipe(customers.roles, ['rfm', 'kmeans'], { settings: { kmeans: { k: '4' } } }), defaultRegistry);
  const stepFitted = (r: Recipe) => {
    const index = r.models.findIndex((m) => m.kind === 'kmeans');
    const step = chooseKHere(kmeansFitStep(customers, r.models[index].settings as unknown as KmeansSettings, modelContext(customers, r, index)));
    return 'fitted' in step ? step.fitted : step.finish(fitKmeans(step.prepared, step.options));
  };

  it('a k-means fit from kmeansFitStep in the model context equals what runRecipe fits itself', () => {
    const plain = runRecipe(customers, recipe);
    const prefitted = runRecipe(customers, recipe, { prefitted: { [recipe.models[1].id]: stepFitted(recipe) as unknown as Record<string, unknown> } });
    expect(JSON.stringify(prefitted.fitted)).toBe(JSON.stringify(plain.fitted));
    expect(Array.from(prefitted.results[1].labels)).toEqual(Array.from(plain.results[1].labels));
  });

  it('applies the prefitted parameters instead of fitting', () => {
    const other = { ...recipe, seed: recipe.seed + 1 };
    const fitted = stepFitted(other);
    const run = runRecipe(customers, recipe, { prefitted: { [recipe.models[1].id]: fitted as unknown as Record<string, unknown> } });
    expect(run.fitted.models[1].fitted).toBe(fitted);
    expect(JSON.stringify(run.fitted.models[1].fitted)).toBe(JSON.stringify(runRecipe(customers, other).fitted.models[1].fitted));
    expect(JSON.stringify(run.fitted.models[1].fitted)).not.toBe(JSON.stringify(runRecipe(customers, recipe).fitted.models[1].fitted));
  });
});
