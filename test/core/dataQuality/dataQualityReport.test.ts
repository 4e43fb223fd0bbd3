import { dataQualityReport } from '../../../src/core/dataQuality/dataQualityReport';
import type { Table } from '../../../src/core/table/Table';
import { encodeStrings } from '../../../src/core/table/Table';

const amounts = [10, 12, 11, 9, 10, 13, 12, 11, 10, 9, 10, 12, 11, 10, 10, 12, 11, 9, 10, -5, 0, 400];
const table: Table = {
  rowCount: amounts.length,
  columns: [
    encodeStrings('id', amounts.map((_, i) => (i === 3 ? '' : i < 2 ? 'a' : `c${i}`)), 'id'),
    { name: 'amount', type: 'number', values: Float64Array.from(amounts) },
    { name: 'date', type: 'date', values: Float64Array.from(amounts.map((_, i) => (i === 5 ? 1000 : 100))) },
  ],
};

describe('dataQualityReport', () => {
  it('finds blank and duplicate ids, negative and zero amounts, future dates and far-out values', () => {
    const r = dataQualityReport({ table, roles: { customerId: 'id', amount: 'amount', date: 'date' }, shape: 'customers', today: 500, source: 'Orders' });
    expect(r.rows).toBe(22);
    expect(r.customers).toBe(20);
    expect(r.findings.map((f) => [f.code, f.count, f.examples[0]])).toEqual([
      ['W_BLANK_ID', 1, 'Orders row 5'],
      ['W_DUPLICATE_ID', 1, 'Orders row 3'],
      ['W_NEGATIVE_AMOUNT', 1, 'Orders row 21'],
      ['W_ZERO_AMOUNT', 1, 'Orders row 22'],
      ['W_FUTURE_DATE', 1, 'Orders row 7'],
      ['W_OUTLIER', 1, 'Orders row 23'],
    ]);
    // Quartiles by linear interpolation (R type 7): Q1 = 10, Q3 = 11.75, fence = 11.75 + 3 × 1.75 = 17.
    expect(r.findings[5].message).toBe('values in column "amount" are far above the rest (over 17.00, Q3 + 3 × IQR); check them before trusting averages');
  });

  it('does not call repeated ids duplicates in a transaction table', () => {
    const r = dataQualityReport({ table, roles: { customerId: 'id' }, shape: 'transactions', today: 500 });
    expect(r.findings.map((f) => f.code)).toEqual(['W_BLANK_ID']);
  });
});
