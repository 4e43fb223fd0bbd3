import { clvConditionalExpectedPurchases, clvPAlive } from '../../src/core/clv/clvModelPredictions';
import { customerClv } from '../../src/core/clv/scoreClv';
import { kmeansModel, type KmeansFitted } from '../../src/core/models/kmeans/kmeansModel';
import { createRng } from '../../src/core/random/createRng';
import { applyRecipe } from '../../src/core/recipe/runRecipe';
import { createFunctions } from '../../src/functions/createFunctions';
import { FunctionError } from '../../src/functions/FunctionError';
import { MemoryRecipeStore } from '../../src/functions/MemoryRecipeStore';
import { CDNOW, fittedRfmRecipe, kmeansRecipe, sampleCustomers, withClvModel } from './fixtures';

const customers = sampleCustomers();
const rfmRecipe = fittedRfmRecipe(customers);
const clusterRecipe = kmeansRecipe(customers);
const col = (name: string) => (customers.table.columns.find((c) => c.name === name) as { values: Float64Array }).values;
const asColumn = (v: ArrayLike<number>) => Array.from(v, (x) => [x]);

function expectError(cell: unknown, code: string, message: string): void {
  expect(cell).toBeInstanceOf(FunctionError);
  expect(cell).toMatchObject({ code, message });
}

describe('agreement with the engine', () => {
  const sk = createFunctions(new MemoryRecipeStore([withClvModel(rfmRecipe), clusterRecipe]));

  test('RFMSCORE over a range gives the engine’s RFM scores with the stored cut points', async () => {
    const [engine] = applyRecipe(customers, rfmRecipe);
    const expected = engine.columns.find((c) => c.header.endsWith('RFM score'))!.values as Float64Array;
    const out = await sk.rfmScore(asColumn(col('recency')), asColumn(col('frequency')), asColumn(col('monetary')));
    expect(out.map((r) => r[0])).toEqual(Array.from(expected));
  });

  test('RFMSEGMENT of those scores gives the engine’s segment names', async () => {
    const [engine] = applyRecipe(customers, rfmRecipe);
    const scores = engine.columns.find((c) => c.header.endsWith('RFM score'))!.values as Float64Array;
    const out = await sk.rfmSegment(asColumn(scores), 'Shop');
    expect(out.map((r) => r[0])).toEqual(Array.from(engine.labels, (l) => engine.segmentNames[l]));
  });

  test('SEGMENT with an RFM recipe and a header row matches applyRecipe', async () => {
    const [engine] = applyRecipe(customers, rfmRecipe);
    const values = [['Monetary', 'Recency', 'Frequency'], ...Array.from({ length: 50 }, (_, i) => [col('monetary')[i], col('recency')[i], col('frequency')[i]])];
    const out = await sk.segment(values, 'Shop', 'rfm');
    expect(out.map((r) => r[0])).toEqual(Array.from(engine.labels.slice(0, 50), (l) => engine.segmentNames[l]));
  });

  test('SEGMENT with a k-means recipe gives the engine’s cluster of every row (feature order, no header)', async () => {
    const spec = clusterRecipe.models[0];
    const ctx = { modelId: 'clusters', settingsPath: 'models[0].settings', rng: createRng(1), asOf: 0, segmentNames: {} };
    const engine = kmeansModel.apply(customers, spec.settings as never, spec.fitted as unknown as KmeansFitted, ctx);
    const values = Array.from({ length: customers.table.rowCount }, (_, i) => [col('recency')[i], col('frequency')[i], col('monetary')[i]]);
    const out = await sk.segment(values, 'Clusters');
    expect(out.map((r) => r[0])).toEqual(Array.from(engine.labels, (l) => engine.segmentNames[l]));
  });

  test('PALIVE, EXPECTEDPURCHASES and CLV equal src/core/clv (CDNOW published P(alive) 0.7266, E[X] 1.226)', async () => {
    const p = await sk.pAlive(2, 30.43, 38.86);
    expect(p[0][0]).toBeCloseTo(0.7266, 4);
    expect(p[0][0]).toBe(clvPAlive(CDNOW, 2, 30.43, 38.86));
    const e = await sk.expectedPurchases(39, 2, 30.43, 38.86);
    expect(e[0][0]).toBeCloseTo(1.226, 3);
    expect(e[0][0]).toBe(clvConditionalExpectedPurchases(CDNOW, 39, 2, 30.43, 38.86));
    const c = await sk.clv(2, 30.43, 38.86, 22.35, 52, 0.0019);
    expect(c[0][0]).toBe(customerClv(CDNOW, 2, 30.43, 38.86, 22.35, { horizon: 52, discountRate: 0.0019 }));
  });

  test('explicit BG/NBD parameters give the same numbers as the stored model', async () => {
    const params = [[0.2426], [4.4135], [0.7929], [2.4258]];
    const p = await sk.pAlive([[2], [0], [5]], [[30.43], [0], [10]], [[38.86], [38.86], [38]], params);
    expect(p.map((r) => r[0])).toEqual([clvPAlive(CDNOW, 2, 30.43, 38.86), 1, clvPAlive(CDNOW, 5, 10, 38)]);
    const withSpend = [[0.2426, 4.4135, 0.7929, 2.4258, 6.25, 3.74, 15.44]];
    const c = await sk.clv(2, 30.43, 38.86, 22.35, 52, 0, withSpend);
    expect(c[0][0]).toBeCloseTo(customerClv(CDNOW, 2, 30.43, 38.86, 22.35, { horizon: 52, discountRate: 0 }), 10);
  });
});

describe('other functions', () => {
  const sk = createFunctions(new MemoryRecipeStore([]));

  test('VALUETIER: 80/20 tiers, ties together', async () => {
    const values = [[900], [50], [30], [20]];
    expect(await sk.valueTier(values, values)).toEqual([['A'], ['B'], ['C'], ['C']]);
  });

  test('LIFECYCLE with default thresholds: new, growing, established, at risk, lapsed', async () => {
    const asOf = 45500;
    const out = await sk.lifecycle([[45450], [45300], [44800], [44800], [44000]], [[45490], [45480], [45490], [45300], [45000]], asOf);
    expect(out.map((r) => r[0])).toEqual(['New', 'Growing', 'Established', 'At risk', 'Lapsed']);
  });

  test('COSTTOSERVE: contacts × cost per contact, German channel names accepted', async () => {
    expect(await sk.costToServe([[2, 1], [0, 4]], [['Telefon', 'chat']], [[5, 1]])).toEqual([[11], [4]]);
    expect(await sk.costToServe([[1, 1]], [['phone', 'email']])).toEqual([[8.5]]);
  });
});

describe('error messages', () => {
  const sk = createFunctions(new MemoryRecipeStore([withClvModel(rfmRecipe)]));

  test('per-cell argument errors', async () => {
    const out = await sk.rfmScore([[-3], ['x'], [''], [10]], 2, 100);
    expectError(out[0][0], '#NUM!', 'recency must be a number of days ≥ 0');
    expectError(out[1][0], '#VALUE!', 'recency must be a number of days ≥ 0');
    expectError(out[2][0], '#N/A', 'recency is empty; it must be a number of days ≥ 0');
    expect(typeof out[3][0]).toBe('number');
    expectError((await sk.pAlive(1.5, 1, 2))[0][0], '#NUM!', 'frequency must be a whole number of repeat purchases ≥ 0');
    expectError((await sk.pAlive(2, 5, 4))[0][0], '#NUM!', 'T must be a number of weeks ≥ recency');
    expectError((await sk.pAlive(0, 3, 4))[0][0], '#NUM!', 'recency must be 0 when frequency is 0 (no repeat purchase)');
    expectError((await sk.rfmSegment(565))[0][0], '#NUM!', 'score must be a three-digit RFM score such as 554 (R, F and M each 1–5)');
    expectError((await sk.rfmSegment('abc'))[0][0], '#VALUE!', 'score must be a three-digit RFM score such as 554 (R, F and M each 1–5)');
  });

  test('whole-call errors', async () => {
    expectError((await sk.pAlive([[1], [2]], [[1], [2], [3]], 4))[0][0], '#VALUE!', 'recency has 3 rows × 1 column but frequency has 2 rows × 1 column; give ranges of the same size');
    expectError((await sk.clv(2, 1, 4, 10, 0))[0][0], '#NUM!', 'horizon must be a whole number of weeks from 1 to 1200');
    expectError((await sk.clv(2, 1, 4, 10, 52, 1))[0][0], '#NUM!', 'discount must be a rate per week from 0 to below 1 (0.01 = 1 %)');
    expectError((await sk.pAlive(2, 1, 4, [[1, 2, 3]]))[0][0], '#VALUE!', expect.stringContaining('parameters: expected 4 or 7 numbers, got 3 cells') as unknown as string);
    expectError((await sk.pAlive(2, 1, 4, [[1, 2, 3, -1]]))[0][0], '#NUM!', 'parameter b must be a number > 0');
    expectError((await sk.clv(2, 1, 4, 10, 52, 0, [[1, 2, 3, 4]]))[0][0], '#N/A', 'CLV needs the Gamma-Gamma spend parameters: give 7 numbers (r, alpha, a, b, p, q, gamma)');
    expectError((await sk.segment([[1, 2]], 'Nope'))[0][0], '#N/A', 'no recipe is named "Nope"; recipes in this workbook: Shop');
    expectError((await sk.segment([[1, 2]]))[0][0], '#VALUE!', 'values has 2 columns but the model reads 3: recency, frequency, monetary (or add a header row naming the columns)');
    expectError((await sk.segment([['recency', 'orders'], [1, 2]]))[0][0], '#VALUE!', 'the header row has no column "frequency", "monetary"; the model reads recency, frequency, monetary');
    expectError((await sk.rfmScore(1, 2, 3, [[1, 2]]))[0][0], '#VALUE!', 'cutpoints must be 3 rows (recency, frequency, monetary) of 4 ascending numbers (2 for 1–3 scores), or a recipe name');
    expectError((await sk.costToServe([[1]], [['fax']]))[0][0], '#VALUE!', 'unknown channel "fax"; use phone, email, chat, social, self_service');
    expectError((await sk.valueTier(1, [['a']]))[0][0], '#VALUE!', 'values must hold numbers only (blank cells are skipped)');
    expectError((await sk.lifecycle(45000, 44000))[0][0], '#NUM!', 'last must be a date on or after first');
    const empty = createFunctions(new MemoryRecipeStore([]));
    expectError((await empty.pAlive(2, 1, 4))[0][0], '#N/A', 'this workbook has no SegmentKit recipe yet; run a segmentation in the SegmentKit pane first');
    expectError((await createFunctions(new MemoryRecipeStore([clusterRecipe])).rfmScore(1, 2, 3))[0][0], '#N/A', "no fitted RFM model in this workbook's recipes");
  });
});

describe('batching and caching', () => {
  test('SEGMENT calls of one tick run as one model application, recipes read once until they change', async () => {
    const store = new MemoryRecipeStore([clusterRecipe]);
    const sk = createFunctions(store);
    const rows = Array.from({ length: 20 }, (_, i) => [col('recency')[i], col('frequency')[i], col('monetary')[i]]);
    const single = await Promise.all(rows.map((r) => sk.segment([r])));
    expect(sk.stats.segmentRuns).toBe(1);
    const whole = await sk.segment(rows);
    expect(single.map((m) => m[0][0])).toEqual(whole.map((r) => r[0]));
    await sk.pAlive(1, 1, 2, [[1, 1, 1, 1]]);
    expect(store.loads).toBe(1);
    store.save([{ ...clusterRecipe, segmentNames: { clusters: Object.fromEntries((clusterRecipe.models[0].fitted as unknown as KmeansFitted).names.map((n) => [n, `Renamed ${n}`])) } }]);
    const after = await sk.segment([rows[0]]);
    expect(store.loads).toBe(2);
    expect(after[0][0]).toBe(`Renamed ${whole[0][0]}`);
  });
});

test('CDNOW fixture matches the published P(alive)', () => {
  expect(clvPAlive(CDNOW, 2, 30.43, 38.86)).toBeCloseTo(0.7266, 4);
});
