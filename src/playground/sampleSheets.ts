import type { Sample } from '../core/sample/generateSample';
import { ORDER_HEADERS, TICKET_HEADERS, orderRow, ticketRow } from '../core/sample/sampleRows';
import { cellValue } from '../core/table/Table';
import { excelSerialFromDayNumber } from '../core/table/dayNumber';

/** A sheet ready to put into a workbook: values with a header row and matching number formats. */
export interface SampleSheet {
  name: string;
  values: (string | number | boolean | null)[][];
  numberFormats: string[][];
}

const DATE = 'yyyy-mm-dd';
const MONEY = '#,##0.00';
const GENERAL = 'General';

/**
 * The sample's Customers, Orders and Tickets sheets laid out exactly as `segmentkit sample`
 * writes them to .xlsx (same headers, `C` prefix on cancelled invoices, dates as Excel serials
 * with a date format, money with two decimals), for the in-memory workbook.
 *
 * @example
 * sampleSheets(generateSample({ customers: 2000, seed: 42 })).map((s) => s.name); // ['Customers', 'Orders', 'Tickets']
 */
export function sampleSheets(sample: Sample): SampleSheet[] {
  const t = sample.customers;
  const customers: SampleSheet = {
    name: 'Customers',
    values: [t.columns.map((c) => c.name)],
    numberFormats: [t.columns.map(() => GENERAL)],
  };
  const customerFormats = t.columns.map((c) => (c.type === 'date' ? DATE : GENERAL));
  for (let i = 0; i < t.rowCount; i++) {
    customers.values.push(
      t.columns.map((c) => {
        const v = cellValue(c, i);
        return c.type === 'date' && typeof v === 'number' ? excelSerialFromDayNumber(v) : v;
      }),
    );
    customers.numberFormats.push(customerFormats);
  }

  const orderHeaders = [...ORDER_HEADERS];
  const orderFormats = [GENERAL, GENERAL, DATE, GENERAL, GENERAL, GENERAL, MONEY, MONEY];
  const orders: SampleSheet = { name: 'Orders', values: [orderHeaders], numberFormats: [orderHeaders.map(() => GENERAL)] };
  sample.forEachOrderChunk((c) => {
    for (let i = 0; i < c.rows; i++) {
      const r = orderRow(c, i, sample.customerIds);
      orders.values.push([r[0], r[1], excelSerialFromDayNumber(r[2]), r[3], r[4], r[5], r[6], r[7]]);
      orders.numberFormats.push(orderFormats);
    }
  });

  const ticketHeaders = [...TICKET_HEADERS];
  const ticketFormats = [GENERAL, GENERAL, DATE, GENERAL, GENERAL];
  const tickets: SampleSheet = { name: 'Tickets', values: [ticketHeaders], numberFormats: [ticketHeaders.map(() => GENERAL)] };
  sample.forEachTicketChunk((c) => {
    for (let i = 0; i < c.rows; i++) {
      const r = ticketRow(c, i, sample.customerIds);
      tickets.values.push([r[0], r[1], excelSerialFromDayNumber(r[2]), r[3], r[4]]);
      tickets.numberFormats.push(ticketFormats);
    }
  });
  return [customers, orders, tickets];
}
