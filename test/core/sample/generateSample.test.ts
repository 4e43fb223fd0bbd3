import type { NumberColumn } from '../../../src/core/table/Table';
import { aggregateTransactions } from '../../../src/core/customers/aggregateTransactions';
import { generateSample, type OrderChunk } from '../../../src/core/sample/generateSample';
import { encodeStrings, findColumn } from '../../../src/core/table/Table';

function collect(seed: number, customers: number) {
  const s = generateSample({ customers, seed });
  const lines: OrderChunk[] = [];
  s.forEachOrderChunk((c) => lines.push(c));
  let tickets = 0;
  s.forEachTicketChunk((c) => (tickets += c.rows));
  return { s, lines, tickets };
}

describe('generateSample', () => {
  it('is deterministic per seed and different across seeds', () => {
    const a = collect(7, 2000);
    const b = collect(7, 2000);
    const c = collect(8, 2000);
    expect(Array.from(a.lines[0].day.slice(0, 50))).toEqual(Array.from(b.lines[0].day.slice(0, 50)));
    expect(a.tickets).toBe(b.tickets);
    expect(Array.from(a.lines[0].day.slice(0, 50))).not.toEqual(Array.from(c.lines[0].day.slice(0, 50)));
  });

  it('gives the value models real signal: heterogeneous purchase counts and spend', () => {
    const { s, lines } = collect(42, 5000);
    const chunk = lines[0];
    const ids = Array.from(chunk.customer, (c) => s.customerIds[c]);
    const table = {
      rowCount: chunk.rows,
      columns: [
        encodeStrings('invoice', Array.from(chunk.invoice, (v, i) => `${chunk.cancelled[i] ? 'C' : ''}${v}`), 'id' as const),
        encodeStrings('customer', ids, 'id' as const),
        { name: 'date', type: 'date' as const, values: chunk.day },
        { name: 'qty', type: 'number' as const, values: chunk.quantity },
        { name: 'price', type: 'number' as const, values: chunk.unitPrice },
      ],
    };
    const agg = aggregateTransactions(table, { customerId: 'customer', date: 'date', orderId: 'invoice', quantity: 'qty', unitPrice: 'price' });
    expect(agg.table.rowCount).toBe(5000);
    const orders = (findColumn(agg.table, 'orders') as NumberColumn).values;
    const once = orders.filter((o) => o === 1).length / orders.length;
    const many = orders.filter((o) => o >= 5).length / orders.length;
    expect(once).toBeGreaterThan(0.2);
    expect(many).toBeGreaterThan(0.1);
    const returns = (findColumn(agg.table, 'returns') as NumberColumn).values;
    expect(returns.filter((r) => r > 0).length).toBeGreaterThan(50);
    expect(s.customers.columns.map((c) => c.name)).toEqual([
      'customer_id', 'age', 'gender', 'income', 'education', 'marital_status', 'country', 'city', 'company_size', 'signup_date', 'platform', 'preferred_channel', 'tech_comfort',
    ]);
  });

  it('rejects an impossible customer count with the flag to change', () => {
    expect(() => generateSample({ customers: 0, seed: 1 })).toThrow('--customers must be a whole number from 1 to 1,048,576, got 0. Pass for example --customers 10000.');
  });
});
