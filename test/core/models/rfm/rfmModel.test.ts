import fc from 'fast-check';
import { rfmModel, type RfmSettings } from '../../../../src/core/models/rfm/rfmModel';
import { rfmRuleSet } from '../../../../src/core/models/rfm/rfmRuleSets';
import { validateSettings } from '../../../../src/core/recipe/validateSettings';
import { SegmentKitError } from '../../../../src/core/errors/SegmentKitError';
import { makeCustomers, testContext } from '../makeCustomers';
import { rfmFixture } from '../rfmFixture';
import type { CustomerTable } from '../../../../src/core/customers/CustomerTable';

function settings(s: Record<string, unknown> = {}): RfmSettings {
  return validateSettings(s, rfmModel.settingsSchema, 'models[0].settings') as unknown as RfmSettings;
}

function run(customers: CustomerTable, s: Record<string, unknown> = {}) {
  const st = settings(s);
  const ctx = testContext(customers.asOf);
  const fitted = rfmModel.fit(customers, st, ctx);
  return { fitted, result: rfmModel.apply(customers, st, fitted, ctx) };
}

function namesOf(r: { labels: Int32Array; segmentNames: string[] }): string[] {
  return Array.from(r.labels, (l) => (l < 0 ? '' : r.segmentNames[l]));
}

describe('rfmModel on a hand-computed fixture', () => {
  const { fitted, result } = run(rfmFixture());

  it('stores the R rfm cut points (ceil of type 7 quantiles for days and orders, plain for money)', () => {
    expect(fitted.cutpoints.recency).toEqual([3, 5, 7, 9]);
    expect(fitted.cutpoints.frequency).toEqual([1, 1, 2, 4]);
    expect(fitted.cutpoints.monetary).toEqual([28, 46, 64, 82]);
    expect(result.json.cutpoints).toEqual(fitted.cutpoints);
  });

  it('scores R (recent = high), F with ties kept together, M, and rfm_score = 100R + 10F + M', () => {
    const col = (h: string) => Array.from(result.columns.find((c) => c.header === h)!.values as Float64Array);
    expect(col('SK · R')).toEqual([5, 5, 5, 4, 4, 3, 3, 2, 2, 1]);
    expect(col('SK · F')).toEqual([5, 5, 1, 4, 1, 3, 1, 3, 1, 1]);
    expect(col('SK · M')).toEqual([5, 5, 1, 4, 1, 2, 3, 4, 2, 3]);
    expect(col('SK · RFM score')).toEqual([555, 555, 511, 444, 411, 332, 313, 234, 212, 113]);
  });

  it('names segments with the rfm 0.3.0 rules, first match wins', () => {
    expect(namesOf(result)).toEqual([
      'Champions', 'Champions', 'New Customers', 'Potential Loyalist', 'New Customers',
      'Potential Loyalist', 'Promising', 'Loyal Customers', 'About To Sleep', 'Lost',
    ]);
    const sizes = Object.fromEntries(result.profile.segments.map((s) => [s.name, s.size]));
    expect(sizes).toMatchObject({ Champions: 2, 'Potential Loyalist': 2, 'Loyal Customers': 1, 'New Customers': 2, Others: 0, "Can't Lose Them": 0 });
    expect(result.columns[0].header).toBe('SK · RFM segment');
  });

  it('applies the 10-cell R×F grid', () => {
    const { result: grid } = run(rfmFixture(), { ruleSet: 'rf-grid' });
    expect(namesOf(grid)).toEqual([
      'Champions', 'Champions', 'New Customers', 'Loyal Customers', 'Promising',
      'Need Attention', 'About To Sleep', 'At Risk', 'Hibernating', 'Hibernating',
    ]);
  });

  it('puts customers no rule matches into "Others"', () => {
    const { result: r } = run(rfmFixture(), { ruleSet: 'custom', rules: [{ name: 'Best', r: [5, 5], f: [5, 5], m: [5, 5] }] });
    expect(r.segmentNames).toEqual(['Best', 'Others']);
    expect(r.profile.segments.map((s) => s.size)).toEqual([2, 8]);
  });

  it('first match wins when rules overlap', () => {
    const { result: r } = run(rfmFixture(), { ruleSet: 'custom', rules: [{ name: 'Recent', r: [4, 5], f: [1, 5] }, { name: 'Best', r: [5, 5], f: [5, 5] }] });
    expect(r.profile.segments.map((s) => s.size)).toEqual([5, 0, 5]);
  });

  it('"net" subtracts returns and "gross" ignores them', () => {
    const c = makeCustomers({ last_purchase: { type: 'date', values: [990, 995] }, orders: [1, 1], revenue: [100, 100], returns: [80, 0] });
    const net = run(c).result.columns.find((x) => x.header === 'SK · M')!.values as Float64Array;
    const gross = run(c, { returns: 'gross' }).result.columns.find((x) => x.header === 'SK · M')!.values as Float64Array;
    expect(Array.from(net)).toEqual([1, 5]);
    expect(Array.from(gross)).toEqual([1, 1]);
  });

  it('uses fixed cut points and clamps out-of-range rows when applied', () => {
    const { fitted: f, result: r } = run(rfmFixture(), { cutpoints: { monetary: [15, 35, 55, 75] } });
    expect(f.cutpoints.monetary).toEqual([15, 35, 55, 75]);
    expect(Array.from(r.columns.find((x) => x.header === 'SK · M')!.values as Float64Array)).toEqual([5, 5, 1, 4, 2, 2, 3, 5, 3, 4]);
  });

  it('rejects fixed cut points that are not scale − 1 ascending numbers', () => {
    expect(() => run(rfmFixture(), { cutpoints: { recency: [5, 3, 1, 0] } })).toThrow(
      expect.objectContaining({ code: 'E_RECIPE_INVALID', location: { path: 'models[0].settings.cutpoints.recency' }, message: expect.stringContaining('expected 4 ascending numbers, got a list of 4') }),
    );
  });

  it('3-level scale with its own rule set; a 5-level set on 3 levels is an error', () => {
    const { fitted: f, result: r } = run(rfmFixture(), { scale: 3 });
    expect(f.cutpoints.recency).toHaveLength(2);
    expect(Math.max(...(r.columns.find((x) => x.header === 'SK · R')!.values as Float64Array))).toBe(3);
    expect(r.segmentNames[0]).toBe('Champions');
    expect(() => run(rfmFixture(), { scale: 3, ruleSet: 'rf-grid' })).toThrow(SegmentKitError);
  });

  it('leaves customers with a missing input unassigned and counts them', () => {
    const c = makeCustomers({ last_purchase: { type: 'date', values: [990, null, 995] }, orders: [1, 2, 3], revenue: [1, 2, 3] });
    const { result: r } = run(c);
    expect(r.labels[1]).toBe(-1);
    expect(r.warnings).toEqual([{ code: 'W_RFM_MISSING', message: expect.stringContaining('1 customers'), count: 1 }]);
    expect(r.profile.unassigned).toBe(1);
  });

  it('explains missing inputs in plain words', () => {
    const c = makeCustomers({ orders: [1] });
    expect(rfmModel.requires(c, settings())).toEqual([
      expect.stringContaining('RFM needs a last purchase or last activity date'),
      expect.stringContaining('RFM needs an amount or revenue column'),
    ]);
  });

  it('ships both documented rfm package rule sets', () => {
    expect(rfmRuleSet('rfm-package-0.2')[0]).toEqual({ name: 'Champions', r: [4, 5], f: [4, 5], m: [4, 5] });
    expect(rfmRuleSet('rfm-package-0.3')[0]).toEqual({ name: 'Champions', r: [5, 5], f: [5, 5], m: [5, 5] });
    expect(rfmRuleSet('rfm-package-0.3').map((r) => r.name)).toHaveLength(10);
  });
});

describe('rfmModel properties', () => {
  const customerArb = fc.array(
    fc.record({ days: fc.integer({ min: 0, max: 400 }), orders: fc.integer({ min: 1, max: 30 }), cents: fc.integer({ min: 0, max: 500_000 }) }),
    { minLength: 1, maxLength: 80 },
  );
  const build = (rows: { days: number; orders: number; cents: number }[], scale = 1) =>
    makeCustomers({ last_purchase: { type: 'date', values: rows.map((r) => 1000 - r.days) }, orders: rows.map((r) => r.orders), revenue: rows.map((r) => (r.cents / 100) * scale) });

  it('segment sizes sum to the customer count and shares to 1', () => {
    fc.assert(fc.property(customerArb, (rows) => {
      const { result: r } = run(build(rows));
      expect(r.profile.segments.reduce((a, s) => a + s.size, 0)).toBe(rows.length);
      expect(r.profile.segments.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 12);
    }));
  });

  it('multiplying all money by a constant changes no segment', () => {
    fc.assert(fc.property(customerArb, fc.constantFrom(0.5, 3, 100, 1000), (rows, k) => {
      expect(namesOf(run(build(rows, k)).result)).toEqual(namesOf(run(build(rows)).result));
    }));
  });

  it('shuffling customer rows changes no assignment', () => {
    fc.assert(fc.property(customerArb, fc.integer(), (rows, seed) => {
      const perm = rows.map((_, i) => i);
      let s = seed >>> 0;
      for (let i = perm.length - 1; i > 0; i--) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        const j = s % (i + 1);
        [perm[i], perm[j]] = [perm[j], perm[i]];
      }
      const base = namesOf(run(build(rows)).result);
      const shuffled = namesOf(run(build(perm.map((p) => rows[p]))).result);
      expect(perm.map((p) => base[p])).toEqual(shuffled);
    }));
  });
});
