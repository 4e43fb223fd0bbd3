import { behaviorModel, type BehaviorSettings } from '../../../../src/core/models/behavior/behaviorModel';
import { validateSettings } from '../../../../src/core/recipe/validateSettings';
import { makeCustomers, testContext } from '../makeCustomers';

describe('behaviorModel', () => {
  const c = makeCustomers({
    orders: [1, 2, 4, 1, 2, 10],
    contacts_total: [0, 1, 4, 3, null, 30],
    distinct_products: [1, 1, 5, 2, 3, 8],
    revenue: [900, 1000, 100, 50, 20, 5000],
  });
  const s = validateSettings({}, behaviorModel.settingsSchema, 'x') as unknown as BehaviorSettings;
  const ctx = testContext();
  const fitted = behaviorModel.fit(c, s, ctx);
  const r = behaviorModel.apply(c, s, fitted, ctx);
  const col = (h: string) => r.columns.find((x) => x.header === h)!.values;

  it('bands support intensity by contacts per order among customers who contacted support', () => {
    // contacts per order of contacting customers: 0.5, 1, 3, 3 → tertile cuts 1, 3
    expect(fitted.intensityCuts).toEqual([1, 3]);
    expect(Array.from(r.labels)).toEqual([0, 1, 1, 2, -1, 2]);
    expect(r.warnings[0]).toMatchObject({ code: 'W_BEHAVIOR_MISSING', count: 1 });
  });

  it('flags high-value customers with few products as upsell candidates', () => {
    expect(fitted.upsellValueMin).toBe(975);
    expect(col('SK · Upsell candidate')).toEqual([false, true, false, false, false, false]);
    expect(col('SK · Usage band')).toEqual(['Light', 'Light', 'Heavy', 'Regular', 'Regular', 'Heavy']);
  });
});
