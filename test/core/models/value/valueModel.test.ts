import fc from 'fast-check';
import { valueModel, type ValueSettings, concentrationCurve } from '../../../../src/core/models/value/valueModel';
import { validateSettings } from '../../../../src/core/recipe/validateSettings';
import type { CustomerTable } from '../../../../src/core/customers/CustomerTable';
import { makeCustomers, testContext } from '../makeCustomers';

function run(customers: CustomerTable, s: Record<string, unknown> = {}) {
  const st = validateSettings(s, valueModel.settingsSchema, 'models[0].settings') as unknown as ValueSettings;
  const ctx = testContext(customers.asOf);
  const fitted = valueModel.fit(customers, st, ctx);
  return { fitted, result: valueModel.apply(customers, st, fitted, ctx) };
}

const col = (r: { columns: { header: string; values: unknown }[] }, h: string) => Array.from(r.columns.find((c) => c.header === h)!.values as ArrayLike<unknown>);

describe('valueModel', () => {
  // 20 % of customers (2 of 10) hold exactly 80 % of revenue; the next 15 % of value is 3 customers.
  const revenue = [400, 400, 50, 50, 50, 10, 10, 10, 10, 10];
  const customers = makeCustomers({ revenue, returns: new Array(10).fill(0), contacts_phone: [1, 0, 0, 0, 0, 0, 0, 0, 0, 2], contacts_chat: [2, 0, 0, 0, 0, 0, 0, 0, 0, 0] });

  it('splits a known 80/20 fixture into A (top 80 %), B (next 15 %) and C', () => {
    const { fitted, result } = run(customers);
    expect(fitted.aMin).toBe(400);
    expect(fitted.bMin).toBe(50);
    expect(col(result, 'SK · Value tier')).toEqual(['A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'C']);
    expect(result.segmentNames).toEqual(['A · top 80 %', 'B · next 15 %', 'C · rest 5 %']);
    const [a, b, c] = result.profile.segments;
    expect([a.size, b.size, c.size]).toEqual([2, 3, 5]);
    expect(a.valueShare).toBeCloseTo(0.8, 12);
    expect(b.valueShare).toBeCloseTo(0.15, 12);
    expect(a.share).toBeCloseTo(0.2, 12);
  });

  it('computes cost to serve from contacts × editable cost per contact, and net value', () => {
    const { result } = run(customers);
    expect(col(result, 'SK · Cost to serve')[0]).toBeCloseTo(6 + 2 * 1.5, 12);
    expect(col(result, 'SK · Cost to serve')[9]).toBeCloseTo(12, 12);
    expect(col(result, 'SK · Net value')[9]).toBeCloseTo(-2, 12);
    const { result: cheap } = run(customers, { costPerContact: { phone: 1, chat: 0 } });
    expect(col(cheap, 'SK · Cost to serve')[0]).toBe(1);
  });

  it('keeps customers tied with the last one in A inside A', () => {
    const { result } = run(makeCustomers({ revenue: [30, 30, 30, 10] }));
    expect(col(result, 'SK · Value tier')).toEqual(['A', 'A', 'A', 'B']);
  });

  it('ranks value deciles with 10 at the top', () => {
    const { result } = run(makeCustomers({ revenue: Array.from({ length: 20 }, (_, i) => i + 1) }));
    expect(col(result, 'SK · Value decile')).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10]);
  });

  it('warns when there are no contact columns', () => {
    const { result } = run(makeCustomers({ revenue: [1, 2] }));
    expect(result.warnings.map((w) => w.code)).toEqual(['W_NO_CONTACTS']);
  });

  it('rejects tierB not above tierA with the recipe path', () => {
    expect(() => run(customers, { tierA: 0.9, tierB: 0.85 })).toThrow(expect.objectContaining({ code: 'E_RECIPE_INVALID', location: { path: 'models[0].settings.tierB' } }));
  });

  it('draws the concentration curve from (0, 0) to (1, 1)', () => {
    const curve = concentrationCurve(Float64Array.from(revenue), 10);
    expect(curve).toHaveLength(11);
    expect(curve[0]).toEqual([0, 0]);
    expect(curve[2][1]).toBeCloseTo(0.8, 12);
    expect(curve[10]).toEqual([1, 1]);
    const { result } = run(customers);
    expect(result.sheets[0].charts?.map((c) => c.kind)).toEqual(['column', 'line']);
  });

  // The sort-everything definitions the positive-only sort must reproduce bit for bit.
  function referenceCurve(basis: Float64Array, points: number): [number, number][] {
    const sorted = Float64Array.from([...basis].filter((x) => !Number.isNaN(x))).sort().reverse();
    const m = sorted.length;
    const cum = new Float64Array(m + 1);
    for (let j = 0; j < m; j++) cum[j + 1] = cum[j] + Math.max(0, sorted[j]);
    return Array.from({ length: points + 1 }, (_, q): [number, number] => [q / points, cum[m] > 0 ? cum[Math.round((q / points) * m)] / cum[m] : 0]);
  }
  function referenceTiers(basis: number[], a: number, b: number): { aMin: number; bMin: number } {
    const pos = basis.filter((x) => x > 0);
    const total = pos.reduce((t, x) => t + x, 0);
    const desc = Float64Array.from(pos).sort().reverse();
    if (desc.length === 0) return { aMin: Infinity, bMin: Infinity };
    let cum = 0;
    let aMin = NaN;
    for (const x of desc) {
      cum += x;
      if (Number.isNaN(aMin) && cum >= a * total * (1 - 1e-12)) aMin = x;
      if (cum >= b * total * (1 - 1e-12)) return { aMin, bMin: x };
    }
    return { aMin, bMin: desc[desc.length - 1] };
  }
  const amounts = fc.array(fc.oneof(fc.constantFrom(null, 0, -0, -5, 10, 10.1, 0.3), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 200 });

  it('gives the same curve and tiers as sorting every value, bit for bit', () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 10, max: 40 }), (xs, points) => {
        const basis = Float64Array.from(xs, (x) => (x === null ? NaN : x));
        expect(concentrationCurve(basis, points)).toEqual(referenceCurve(basis, points));
        const { fitted } = run(makeCustomers({ revenue: xs }), { returns: 'gross' });
        expect({ aMin: fitted.aMin, bMin: fitted.bMin }).toEqual(referenceTiers(xs.filter((x): x is number => x !== null), 0.8, 0.95));
      }),
      { numRuns: 1000 },
    );
  });
});
