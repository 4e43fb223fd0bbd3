import { compareRuns } from '../../../src/core/migration/compareRuns';

describe('compareRuns', () => {
  const report = compareRuns(
    { ids: ['a', 'b', 'c', 'd', 'e'], segments: ['Champions', 'At Risk', 'Champions', 'Lost', null] },
    { ids: ['b', 'a', 'c', 'f', 'e'], segments: ['Lost', 'Champions', 'At Risk', 'New Customers', 'Champions'] },
  );

  it('counts new, lost, moved and unchanged customers', () => {
    expect(report.counts).toEqual({ new: 2, lost: 1, moved: 2, unchanged: 1 });
  });

  it('builds the from × to matrix and lists the movers', () => {
    expect(report.segments).toEqual(['Champions', 'At Risk', 'Lost', 'New Customers']);
    expect(report.matrix).toEqual([
      [1, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(report.movers).toEqual([{ id: 'b', from: 'At Risk', to: 'Lost' }, { id: 'c', from: 'Champions', to: 'At Risk' }]);
    expect(report.table.rows[0]).toEqual(['Champions', 1, 1, 0, 0]);
  });
});
