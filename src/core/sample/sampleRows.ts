import type { OrderChunk, TicketChunk } from './generateSample';
import { CHANNELS, PRODUCTS, TOPICS } from './sampleCatalog';

/** Column headers of the sample's Orders and Tickets sheets, as every writer lays them out. */
export const ORDER_HEADERS = ['invoice_id', 'customer_id', 'order_date', 'product', 'category', 'quantity', 'unit_price', 'amount'] as const;
export const TICKET_HEADERS = ['ticket_id', 'customer_id', 'created', 'channel', 'topic'] as const;

/** One order line: cancelled invoices carry a `C` prefix; the date stays a day number for the writer to format. */
export type OrderRow = [invoice: string, customer: string, day: number, product: string, category: string, quantity: number, unitPrice: number, amount: number];
export type TicketRow = [ticket: string, customer: string, day: number, channel: string, topic: string];

/**
 * Row `i` of an order chunk in sheet order, shared by the CSV / XLSX writers and the playground.
 *
 * @example
 * sample.forEachOrderChunk((c) => console.log(orderRow(c, 0, sample.customerIds)));
 */
export function orderRow(c: OrderChunk, i: number, ids: string[]): OrderRow {
  const p = PRODUCTS[c.product[i]];
  const q = c.quantity[i];
  const price = c.unitPrice[i];
  return [`${c.cancelled[i] ? 'C' : ''}${c.invoice[i]}`, ids[c.customer[i]], c.day[i], p.name, p.category, q, price, Math.round(q * price * 100) / 100];
}

/** Row `i` of a ticket chunk in sheet order. */
export function ticketRow(c: TicketChunk, i: number, ids: string[]): TicketRow {
  return [`T${c.ticket[i]}`, ids[c.customer[i]], c.day[i], CHANNELS[c.channel[i]], TOPICS[c.topic[i]]];
}
