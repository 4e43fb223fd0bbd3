import { profileSegments } from '../../../src/core/profile/profileSegments';
import { profileToDataFrame } from '../../../src/core/profile/profileToDataFrame';
import { profileToSummaryTable } from '../../../src/core/profile/profileToSummaryTable';
import { makeCustomers } from '../models/makeCustomers';

describe('segment profile', () => {
  const c = makeCustomers({ revenue: [10, 30, 20, null], age: [20, 40, 30, 50], plan: { type: 'category', values: ['pro', 'free', 'pro', 'pro'] } });
  const labels = Int32Array.from([0, 1, 0, 1]);
  const profile = profileSegments(c.table, labels, ['A', 'B'], { value: Float64Array.from([10, 30, 20, NaN]), valueLabel: 'revenue' });

  it('computes size, share, value share, mean, median, lift and top categories', () => {
    const [a, b] = profile.segments;
    expect([a.size, a.share, a.value, a.valueShare]).toEqual([2, 0.5, 30, 0.5]);
    expect(b.features.age).toEqual({ mean: 45, median: 45, lift: 45 / 35, missing: 0 });
    expect(b.features.revenue).toMatchObject({ mean: 30, missing: 1 });
    expect(a.topCategories.plan).toEqual([{ value: 'pro', count: 2, share: 1 }]);
    const table = profileToSummaryTable(profile, 'p');
    expect(table.rows.at(-1)!.slice(0, 5)).toEqual(['All customers', 4, 1, 60, 1]);
  });

  it('builds a danfojs DataFrame on demand', async () => {
    const df = await profileToDataFrame(profile);
    expect(df.shape).toEqual([2, 5 + profile.featureNames.length]);
    expect(df.column('size').values).toEqual([2, 2]);
  }, 30_000);
});
