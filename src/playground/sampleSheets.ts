import type { Sample } from '../core/sample/generateSample';
import { CHANNELS, PRODUCTS, TOPICS } from '../core/sample/sampleCatalog';
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

  const orderHeaders = ['invoice_id', 'customer_id', 'order_date', 'product', 'category', 'quantity', 'unit_price', 'amount'];
  const orderFormats = [GENERAL, GENERAL, DATE, GENERAL, GENERAL, GENERAL, MONEY, MONEY];
  const orders: SampleSheet = { name: 'Orders', values: [orderHeaders], numberFormats: [orderHeaders.map(() => GENERAL)] };
  sample.forEachOrderChunk((c) => {
    for (let i = 0; i < c.rows; i++) {
      const p = PRODUCTS[c.product[i]];
      const q = c.quantity[i];
      const price = c.unitPrice[i];
      orders.values.push([
        `${c.cancelled[i] ? 'C' : ''}${c.invoice[i]}`,
        sample.customerIds[c.customer[i]],
        excelSerialFromDayNumber(c.day[i]),
        p.name,
        p.category,
        q,
        price,
        Math.round(q * price * 100) / 100,
      ]);
      orders.numberFormats.push(orderFormats);
    }
  });

  const ticketHeaders = ['ticket_id', 'customer_id', 'created', 'channel', 'topic'];
  const ticketFormats = [GENERAL, GENERAL, DATE, GENERAL, GENERAL];
  const tickets: SampleSheet = { name: 'Tickets', values: [ticketHeaders], numberFormats: [ticketHeaders.map(() => GENERAL)] };
  sample.forEachTicketChunk((c) => {
    for (let i = 0; i < c.rows; i++) {
      tickets.values.push([`T${c.ticket[i]}`, sample.customerIds[c.customer[i]], excelSerialFromDayNumber(c.day[i]), CHANNELS[c.channel[i]], TOPICS[c.topic[i]]]);
      tickets.numberFormats.push(ticketFormats);
    }
  });
  return [customers, orders, tickets];
}
