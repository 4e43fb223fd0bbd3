import fc from 'fast-check';
import { quantileSorted } from 'simple-statistics';
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

  it('fences far-out values at the sorted type-7 quartiles (selection, not a sort, finds them)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 200 }), { minLength: 20, maxLength: 300 }), fc.integer({ min: 0, max: 5 }), (ints, spread) => {
        const values = ints.map((v, i) => (i % 7 === 0 ? v * 10 ** spread : v / 4));
        const sorted = [...values].sort((a, b) => a - b);
        const q1 = quantileSorted(sorted, 0.25);
        const q3 = quantileSorted(sorted, 0.75);
        const fence = q3 + 3 * (q3 - q1);
        const t: Table = { rowCount: values.length, columns: [{ name: 'amount', type: 'number', values: Float64Array.from(values) }] };
        const outliers = dataQualityReport({ table: t, roles: { amount: 'amount' }, shape: 'transactions', today: 0 }).findings.find((f) => f.code === 'W_OUTLIER');
        expect(outliers?.count ?? 0).toBe(q3 > q1 ? values.filter((v) => v > fence).length : 0);
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });
});
