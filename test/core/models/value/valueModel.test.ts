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
});
