import { aggregateTransactions } from '../../../src/core/customers/aggregateTransactions';
import { addTicketCounts, joinCustomerData } from '../../../src/core/customers/joinCustomerData';
import { normalizeChannel } from '../../../src/core/customers/normalizeChannel';
import type { Table } from '../../../src/core/table/Table';
import { cellValue, encodeStrings, findColumn } from '../../../src/core/table/Table';

const customers: Table = {
  rowCount: 4,
  columns: [encodeStrings('Kundennummer', ['k1', 'k2', 'k1', 'k3'], 'id'), { name: 'Alter', type: 'number', values: Float64Array.from([30, 40, 31, 50]) }],
};
const orders: Table = {
  rowCount: 3,
  columns: [
    encodeStrings('Kunde', ['k2', 'k2', 'k9'], 'id'),
    { name: 'Datum', type: 'date', values: Float64Array.from([100, 110, 120]) },
    { name: 'Umsatz', type: 'number', values: Float64Array.from([10, 20, 5]) },
  ],
};

describe('joinCustomerData', () => {
  it('keeps customer columns, joins aggregates, reports duplicates and unknown customers', () => {
    const agg = aggregateTransactions(orders, { customerId: 'Kunde', date: 'Datum', amount: 'Umsatz' });
    const c = joinCustomerData({ table: customers, roles: { customerId: 'Kundennummer', age: 'Alter' }, source: 'Kunden' }, agg);
    expect(c.table.rowCount).toBe(3);
    expect(findColumn(c.table, 'Alter')!.type).toBe('number');
    expect(cellValue(findColumn(c.table, 'revenue')!, 1)).toBe(30);
    expect(cellValue(findColumn(c.table, 'revenue')!, 0)).toBe(0);
    expect(cellValue(findColumn(c.table, 'last_purchase')!, 0)).toBeNull();
    expect(c.roles.age).toBe('Alter');
    expect(c.skipped.map((s) => [s.code, s.count])).toEqual([
      ['W_DUPLICATE_ID', 1],
      ['W_UNKNOWN_CUSTOMER', 1],
    ]);
    expect(c.skipped[0].examples).toEqual(['Kunden row 4']);
  });

  it('counts tickets per channel and names unknown channels', () => {
    const base = joinCustomerData({ table: customers, roles: { customerId: 'Kundennummer' } });
    const tickets: Table = {
      rowCount: 4,
      columns: [encodeStrings('Kunde', ['k1', 'k1', 'k3', 'k3'], 'id'), encodeStrings('Kanal', ['Telefon', 'E-Mail', 'chat', 'fax'])],
    };
    const c = addTicketCounts(base, { table: tickets, roles: { customerId: 'Kunde', channel: 'Kanal' }, source: 'Tickets' });
    expect(cellValue(findColumn(c.table, 'contacts_phone')!, 0)).toBe(1);
    expect(cellValue(findColumn(c.table, 'contacts_email')!, 0)).toBe(1);
    expect(cellValue(findColumn(c.table, 'contacts_total')!, 2)).toBe(2);
    expect(c.skipped.slice(1)).toEqual([
      {
        code: 'W_TICKET_CHANNEL',
        count: 1,
        message: 'tickets have a blank or unknown channel (use phone, email, chat, social or self-service); they count in the total only (column "Kanal")',
        examples: ['Tickets row 5'],
      },
    ]);
  });

  it('normalises channel names in English, German and Dutch', () => {
    expect(['Phone', 'Telefon', 'telefoon', 'E-mail', 'Live Chat', 'Social Media', 'self-service', 'FAQ', 'fax'].map(normalizeChannel)).toEqual([
      'phone', 'phone', 'phone', 'email', 'chat', 'social', 'self_service', 'self_service', null,
    ]);
  });
});
