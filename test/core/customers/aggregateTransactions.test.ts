import type { NumberColumn } from '../../../src/core/table/Table';
import fc from 'fast-check';
import { aggregateTransactions } from '../../../src/core/customers/aggregateTransactions';
import { SegmentKitError } from '../../../src/core/errors/SegmentKitError';
import type { Column, Table } from '../../../src/core/table/Table';
import { cellValue, encodeStrings, findColumn } from '../../../src/core/table/Table';
import { dayNumberFromIso } from '../../../src/core/table/dayNumber';

function orders(rows: [string | null, string, string | null, number, number, string?][]): Table {
  const n = rows.length;
  const columns: Column[] = [
    encodeStrings('Invoice', rows.map((r) => r[0]), 'id'),
    encodeStrings('Customer', rows.map((r) => r[1]), 'id'),
    { name: 'Date', type: 'date', values: Float64Array.from(rows.map((r) => (r[2] === null ? NaN : dayNumberFromIso(r[2])))) },
    { name: 'Qty', type: 'number', values: Float64Array.from(rows.map((r) => r[3])) },
    { name: 'Price', type: 'number', values: Float64Array.from(rows.map((r) => r[4])) },
    encodeStrings('Product', rows.map((r) => r[5] ?? null)),
  ];
  return { rowCount: n, columns };
}

const roles = { customerId: 'Customer', date: 'Date', quantity: 'Qty', unitPrice: 'Price', orderId: 'Invoice', product: 'Product' };

function num(t: Table, name: string, row: number): number | string | boolean | null {
  return cellValue(findColumn(t, name)!, row);
}

describe('aggregateTransactions', () => {
  const table = orders([
    ['A1', 'alice', '2024-01-05', 2, 10, 'pen'],
    ['A1', 'alice', '2024-01-05', 1, 5, 'ink'],
    ['A2', 'bob', '2024-01-06', 1, 100, 'desk'],
    ['A3', 'alice', '2024-02-10', 1, 10, 'pen'],
    ['C9', 'alice', '2024-02-12', -1, 10, 'pen'],
    ['A4', 'bob', '2024-01-06', 3, 1, 'pen'],
    ['A5', '', '2024-03-01', 1, 1, 'pen'],
    ['A6', 'carol', null, 1, 1, 'pen'],
  ]);

  it('aggregates orders, days, revenue, returns, items and products per customer', () => {
    const c = aggregateTransactions(table, roles, { source: 'Orders' });
    expect(c.table.rowCount).toBe(2);
    const ids = findColumn(c.table, 'customer_id')!;
    expect(cellValue(ids, 0)).toBe('alice');
    expect(cellValue(ids, 1)).toBe('bob');
    expect(num(c.table, 'orders', 0)).toBe(2); // A1, A3 (C9 is a cancellation)
    expect(num(c.table, 'purchase_days', 0)).toBe(2);
    expect(num(c.table, 'revenue', 0)).toBe(35);
    expect(num(c.table, 'returns', 0)).toBe(10);
    expect(num(c.table, 'first_purchase_value', 0)).toBe(25);
    expect(num(c.table, 'items', 0)).toBe(4);
    expect(num(c.table, 'distinct_products', 0)).toBe(2);
    expect(num(c.table, 'first_purchase', 0)).toBe(dayNumberFromIso('2024-01-05'));
    expect(num(c.table, 'last_purchase', 0)).toBe(dayNumberFromIso('2024-02-10'));
    expect(num(c.table, 'orders', 1)).toBe(2); // A2 and A4 on the same day are two orders
    expect(num(c.table, 'purchase_days', 1)).toBe(1);
    expect(num(c.table, 'revenue', 1)).toBe(103);
    expect(c.asOf).toBe(dayNumberFromIso('2024-02-12')); // the latest usable line; the blank-id row does not count
  });

  it('counts and explains every skipped row', () => {
    const c = aggregateTransactions(table, roles, { source: 'Orders' });
    expect(c.skipped).toEqual([
      { code: 'W_BLANK_ID', count: 1, message: 'rows have no customer id (column "Customer")', examples: ['Orders row 8'] },
      { code: 'W_NO_DATE', count: 1, message: 'rows have no usable transaction date (column "Date")', examples: ['Orders row 9'] },
    ]);
  });

  it('counts distinct purchase days as orders when no order id is mapped', () => {
    const { orderId: _omit, ...noOrder } = roles;
    const c = aggregateTransactions(table, noOrder);
    expect(num(c.table, 'orders', 1)).toBe(1);
  });

  it('names the missing role and what to do', () => {
    expect(() => aggregateTransactions(table, { customerId: 'Customer', date: 'Date' }, { source: 'Orders' })).toThrow(
      new SegmentKitError('E_COLUMN_MISSING', 'No amount column was found, and no quantity and unit price to compute one', {
        location: { sheet: 'Orders' },
        hint: 'Map a column to the role "amount", or map both "quantity" and "unit price".',
      }),
    );
    expect(() => aggregateTransactions(table, { ...roles, customerId: 'Kunde' }, { source: 'Orders' })).toThrow(
      'sheet "Orders": The customer id column "Kunde" does not exist. Map a column to the role "customer id".',
    );
    expect(() => aggregateTransactions(table, { ...roles, date: 'Product' })).toThrow('The transaction date column "Product" does not hold dates');
  });

  it('property: revenue plus returns equals the sum of absolute line values of kept rows', () => {
    const row = fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 40 }), fc.integer({ min: -3, max: 5 }), fc.integer({ min: 0, max: 500 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
        const t = orders(rows.map(([id, d, q, p], i) => [`I${i}`, id, `2024-01-${String(1 + (d % 28)).padStart(2, '0')}`, q, p / 10, 'x']));
        const c = aggregateTransactions(t, roles);
        const rev = ((findColumn(c.table, 'revenue') as NumberColumn).values).reduce((s, v) => s + v, 0);
        const ret = ((findColumn(c.table, 'returns') as NumberColumn).values).reduce((s, v) => s + v, 0);
        const raw = rows.reduce((s, [, , q, p]) => s + Math.abs(q * (p / 10)), 0);
        expect(rev + ret).toBeCloseTo(raw, 6);
        expect(c.table.rowCount).toBe(new Set(rows.map((r) => r[0])).size);
      }),
      { numRuns: 300 },
    );
  });
});
