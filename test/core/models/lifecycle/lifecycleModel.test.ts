import { lifecycleModel, type LifecycleSettings } from '../../../../src/core/models/lifecycle/lifecycleModel';
import { validateSettings } from '../../../../src/core/recipe/validateSettings';
import type { CustomerTable } from '../../../../src/core/customers/CustomerTable';
import { makeCustomers, testContext } from '../makeCustomers';

const AS_OF = 10_000;

function stages(customers: CustomerTable, s: Record<string, unknown> = {}) {
  const st = validateSettings(s, lifecycleModel.settingsSchema, 'models[0].settings') as unknown as LifecycleSettings;
  const ctx = testContext(AS_OF);
  const fitted = lifecycleModel.fit(customers, st, ctx);
  const r = lifecycleModel.apply(customers, st, fitted, ctx);
  return { names: Array.from(r.labels, (l) => (l < 0 ? null : r.segmentNames[l])), result: r, fitted };
}

/** One customer per row: tenure (days since first purchase), days since last purchase, purchase days. */
function customers(rows: [number, number, number][], extra: Record<string, number[]> = {}) {
  return makeCustomers(
    {
      first_purchase: { type: 'date', values: rows.map((r) => AS_OF - r[0]) },
      last_purchase: { type: 'date', values: rows.map((r) => AS_OF - r[1]) },
      purchase_days: rows.map((r) => r[2]),
      ...extra,
    },
    { asOf: AS_OF },
  );
}

describe('lifecycleModel thresholds at their edges', () => {
  it('new below newDays, growing from newDays, established from establishedDays', () => {
    const { names } = stages(customers([[89, 0, 1], [90, 0, 1], [364, 0, 1], [365, 0, 1]]));
    expect(names).toEqual(['New', 'Growing', 'Growing', 'Established']);
  });

  it('at risk only when days since last purchase exceed 2 × own mean gap', () => {
    // 5 purchase days over 400 days: mean gap 100 days.
    const { names } = stages(customers([[600, 200, 5], [601, 201, 5]]));
    expect(names).toEqual(['Established', 'At risk']);
  });

  it('lapsed when days since exceed 4 × own mean gap, or lapsedDays', () => {
    // mean gap 50 (3 purchase days over 100 days): 200 is at risk, 201 lapsed; 365 days is not past lapsedDays, 366 is.
    const { names } = stages(customers([[300, 200, 3], [301, 201, 3], [900, 365, 2], [900, 366, 100]]));
    expect(names).toEqual(['At risk', 'Lapsed', 'Established', 'Lapsed']);
  });

  it('customers without a rhythm are at risk after atRiskDays', () => {
    const { names } = stages(customers([[120, 120, 1], [121, 121, 1]]));
    expect(names).toEqual(['Growing', 'At risk']);
  });

  it('thresholds are editable and stored in the fitted parameters', () => {
    const { names, fitted } = stages(customers([[89, 0, 1], [30, 0, 1]]), { newDays: 30 });
    expect(names).toEqual(['Growing', 'Growing']);
    expect(fitted.thresholds.newDays).toBe(30);
    expect(() => stages(customers([[1, 0, 1]]), { newDays: 400 })).toThrow(expect.objectContaining({ code: 'E_RECIPE_INVALID', location: { path: 'models[0].settings.establishedDays' } }));
  });

  it('uses a signup date role and a tenure column in months', () => {
    const bySignup = makeCustomers({ Signup: { type: 'date', values: [AS_OF - 10, AS_OF - 500] } }, { asOf: AS_OF, roles: { signupDate: 'Signup' } });
    expect(stages(bySignup).names).toEqual(['New', 'Established']);
    const byTenure = makeCustomers({ Tenure: [2, 6, 24] }, { asOf: AS_OF, roles: { tenure: 'Tenure' } });
    expect(stages(byTenure).names).toEqual(['New', 'Growing', 'Established']);
  });

  it('flags growth accounts from company size', () => {
    const c = makeCustomers({ Signup: { type: 'date', values: [AS_OF - 10, AS_OF - 10] }, Size: { type: 'category', values: ['250-999', '10-49'] } }, { asOf: AS_OF, roles: { signupDate: 'Signup', companySize: 'Size' } });
    const r = stages(c).result;
    expect(r.columns.find((x) => x.header === 'SK · Growth account')!.values).toEqual([true, false]);
  });

  it('says what is missing in plain words', () => {
    const c = makeCustomers({ revenue: [1] });
    const st = validateSettings({}, lifecycleModel.settingsSchema, 'x') as unknown as LifecycleSettings;
    expect(lifecycleModel.requires(c, st)).toEqual(['Lifecycle needs a signup or first purchase date (or a tenure column)']);
  });
});
