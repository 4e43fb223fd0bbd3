import { SegmentKitError } from '../errors/SegmentKitError';
import type { RoleMap } from '../roles/Role';
import { ROLE_LABELS } from '../roles/Role';
import type { Column, Table } from '../table/Table';
import { CODE_MISSING, findColumn } from '../table/Table';
import { codesOf } from './codesOf';
import type { CustomerTable, SkippedRows } from './CustomerTable';
import { CUSTOMER_FIELDS } from './CustomerTable';
import { SkipCounter } from './SkipCounter';

export interface AggregateOptions {
  /** Sheet or file name for messages. */
  source?: string;
  /** Maps a table row to the row number a person sees (header counted), for messages. */
  sourceRowOf?: (i: number) => number;
  /** Day number to measure recency from; defaults to the latest transaction date. */
  asOf?: number;
  /**
   * Invoice ids that mark a cancellation (the UCI Online Retail convention: `C536379`).
   * Lines matching are counted as returns, never as revenue.
   */
  cancelledInvoicePattern?: RegExp;
}

/**
 * Aggregates order lines to one row per customer in a single pass over typed arrays.
 *
 * Definitions (they appear in the user guide and every output):
 * - a line with a negative quantity or amount, or a cancelled invoice id, is a return: its
 *   absolute value goes to `returns`, never into `revenue`, `orders` or the purchase dates;
 * - `orders` counts distinct order ids when an order id is mapped, else distinct purchase days;
 * - `first_purchase_value` is the value bought on the first purchase day (CLV's spend model
 *   averages repeat purchases only, so it must be taken out);
 * - `purchase_days` counts distinct days with a purchase; `items` sums quantities (1 per line
 *   when no quantity is mapped); `distinct_products` counts distinct products when mapped;
 * - amount is the mapped amount, or quantity × unit price when only those are mapped.
 * Rows without a customer id, date or value are skipped and counted with their first places.
 *
 * @example
 * const customers = aggregateTransactions(parsed.table, { customerId: 'Customer', date: 'Date', amount: 'Amount' });
 * customers.table.rowCount; // number of customers with at least one usable line
 */
export function aggregateTransactions(table: Table, roles: RoleMap, options: AggregateOptions = {}): CustomerTable {
  const idCol = required(table, roles, 'customerId', options);
  const dateCol = required(table, roles, 'date', options);
  if (dateCol.type !== 'date') {
    throw new SegmentKitError('E_ROLE_TYPE', `The transaction date column "${dateCol.name}" does not hold dates`, {
      location: { sheet: options.source, column: dateCol.name },
      hint: 'Map a column with dates (for example 2024-03-31 or 31.03.2024) to the role "transaction date".',
    });
  }
  const amountCol = optionalNumber(table, roles, 'amount', options);
  const qtyCol = optionalNumber(table, roles, 'quantity', options);
  const priceCol = optionalNumber(table, roles, 'unitPrice', options);
  if (!amountCol && !(qtyCol && priceCol)) {
    throw new SegmentKitError('E_COLUMN_MISSING', 'No amount column was found, and no quantity and unit price to compute one', {
      location: { sheet: options.source },
      hint: 'Map a column to the role "amount", or map both "quantity" and "unit price".',
    });
  }
  const orderCol = roles.orderId ? findColumn(table, roles.orderId) : undefined;
  const productCol = roles.product ? findColumn(table, roles.product) : undefined;

  const n = table.rowCount;
  const { codes: idCodes, labels: idLabels } = codesOf(idCol);
  const days = dateCol.values;
  const amount = amountCol?.values;
  const qty = qtyCol?.values;
  const price = priceCol?.values;
  const order = orderCol ? codesOf(orderCol) : undefined;
  const product = productCol ? codesOf(productCol) : undefined;
  const cancelled = order ? cancelledCodes(order.labels, options.cancelledInvoicePattern ?? /^C/i) : undefined;

  const skip = new SkipCounter(idCol, options);
  const lineValue = new Float64Array(n);
  // Pass 1: validate each line once, compute its value and count lines per customer.
  const idCount = idLabels.length;
  const linesPerCustomer = new Int32Array(idCount + 1);
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const c = idCodes[i];
    if (c === CODE_MISSING) {
      skip.add('W_BLANK_ID', i, 'rows have no customer id', idCol.name);
      continue;
    }
    const d = days[i];
    if (Number.isNaN(d)) {
      skip.add('W_NO_DATE', i, 'rows have no usable transaction date', dateCol.name);
      continue;
    }
    let v: number;
    if (amount) v = amount[i];
    else v = (qty as Float64Array)[i] * (price as Float64Array)[i];
    if (Number.isNaN(v)) {
      skip.add('W_NO_AMOUNT', i, 'rows have no usable amount', amountCol ? amountCol.name : (priceCol as Column).name);
      continue;
    }
    lineValue[i] = v;
    linesPerCustomer[c + 1]++;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  const usable = n - skip.total();
  if (usable === 0) {
    throw new SegmentKitError('E_NO_USABLE_ROWS', 'No row has a customer id, a date and an amount together', {
      location: { sheet: options.source },
      hint: 'Check the column roles: customer id, transaction date and amount must point at the right columns.',
    });
  }

  // Counting sort of line indices by customer: each customer's lines become contiguous, which
  // lets distinct orders / days / products be counted exactly with stamp arrays in O(n).
  const start = linesPerCustomer;
  for (let c = 0; c < idCount; c++) start[c + 1] += start[c];
  const cursor = start.slice(0, idCount);
  const perm = new Int32Array(usable);
  for (let i = 0; i < n; i++) {
    const c = idCodes[i];
    if (c === CODE_MISSING || Number.isNaN(days[i]) || skip.isSkipped(i)) continue;
    perm[cursor[c]++] = i;
  }

  // Customers keep the order in which their id first appears, so outputs line up with the sheet.
  let customerCount = 0;
  for (let c = 0; c < idCount; c++) if (start[c + 1] > start[c]) customerCount++;
  const outIds = new Int32Array(customerCount);
  const first = new Float64Array(customerCount);
  const last = new Float64Array(customerCount);
  const orders = new Float64Array(customerCount);
  const purchaseDays = new Float64Array(customerCount);
  const revenue = new Float64Array(customerCount);
  const firstDayValue = new Float64Array(customerCount);
  const returns = new Float64Array(customerCount);
  const items = new Float64Array(customerCount);
  const distinctProducts = new Float64Array(customerCount);
  const dictionary: string[] = new Array(customerCount);

  const daySpan = Number.isFinite(minDay) ? maxDay - minDay + 1 : 1;
  const dayStamp = new Int32Array(daySpan);
  const orderStamp = order ? new Int32Array(order.labels.length) : undefined;
  const productStamp = product ? new Int32Array(product.labels.length) : undefined;

  let row = 0;
  for (let c = 0; c < idCount; c++) {
    const from = start[c];
    const to = start[c + 1];
    if (to === from) continue;
    const stamp = row + 1;
    let f = Infinity;
    let l = -Infinity;
    let nOrders = 0;
    let nDays = 0;
    let rev = 0;
    let ret = 0;
    let it = 0;
    let nProducts = 0;
    let firstValue = 0;
    for (let k = from; k < to; k++) {
      const i = perm[k];
      const v = lineValue[i];
      const q = qty ? qty[i] : 1;
      const oc = order ? order.codes[i] : CODE_MISSING;
      const isReturn = v < 0 || q < 0 || (cancelled !== undefined && oc !== CODE_MISSING && cancelled[oc] === 1);
      if (isReturn) {
        ret += Math.abs(v);
        continue;
      }
      rev += v;
      it += Number.isNaN(q) ? 1 : q;
      const d = days[i];
      if (d < f) {
        f = d;
        firstValue = v;
      } else if (d === f) firstValue += v;
      if (d > l) l = d;
      const dOff = d - minDay;
      if (dayStamp[dOff] !== stamp) {
        dayStamp[dOff] = stamp;
        nDays++;
      }
      if (orderStamp && oc !== CODE_MISSING && orderStamp[oc] !== stamp) {
        orderStamp[oc] = stamp;
        nOrders++;
      }
      if (productStamp && product) {
        const pc = product.codes[i];
        if (pc !== CODE_MISSING && productStamp[pc] !== stamp) {
          productStamp[pc] = stamp;
          nProducts++;
        }
      }
    }
    outIds[row] = row;
    dictionary[row] = idLabels[c];
    first[row] = Number.isFinite(f) ? f : NaN;
    last[row] = Number.isFinite(l) ? l : NaN;
    orders[row] = orderStamp ? nOrders : nDays;
    purchaseDays[row] = nDays;
    revenue[row] = rev;
    firstDayValue[row] = firstValue;
    returns[row] = ret;
    items[row] = it;
    distinctProducts[row] = productStamp ? nProducts : NaN;
    row++;
  }

  const F = CUSTOMER_FIELDS;
  const columns: Column[] = [
    { name: F.id, type: 'id', codes: outIds, dictionary },
    { name: F.firstPurchase, type: 'date', values: first },
    { name: F.lastPurchase, type: 'date', values: last },
    { name: F.orders, type: 'number', values: orders },
    { name: F.purchaseDays, type: 'number', values: purchaseDays },
    { name: F.revenue, type: 'number', values: revenue },
    { name: F.firstPurchaseValue, type: 'number', values: firstDayValue },
    { name: F.returns, type: 'number', values: returns },
    { name: F.items, type: 'number', values: items },
  ];
  if (productStamp) columns.push({ name: F.distinctProducts, type: 'number', values: distinctProducts });
  const skipped: SkippedRows[] = skip.report();
  return {
    table: { rowCount: customerCount, columns },
    roles: { customerId: F.id, date: F.lastPurchase, amount: F.revenue, signupDate: F.firstPurchase, lastActivity: F.lastPurchase },
    idColumn: F.id,
    asOf: options.asOf ?? maxDay,
    skipped,
  };
}

function required(table: Table, roles: RoleMap, role: 'customerId' | 'date', options: AggregateOptions): Column {
  const name = roles[role];
  const col = name ? findColumn(table, name) : undefined;
  if (!col) {
    throw new SegmentKitError('E_COLUMN_MISSING', name ? `The ${ROLE_LABELS[role]} column "${name}" does not exist` : `No ${ROLE_LABELS[role]} column was found`, {
      location: { sheet: options.source },
      hint: `Map a column to the role "${ROLE_LABELS[role]}".`,
    });
  }
  return col;
}

function optionalNumber(table: Table, roles: RoleMap, role: 'amount' | 'quantity' | 'unitPrice', options: AggregateOptions) {
  const name = roles[role];
  if (!name) return undefined;
  const col = findColumn(table, name);
  if (!col) {
    throw new SegmentKitError('E_COLUMN_MISSING', `The ${ROLE_LABELS[role]} column "${name}" does not exist`, {
      location: { sheet: options.source },
      hint: `Pick an existing column for the role "${ROLE_LABELS[role]}".`,
    });
  }
  if (col.type !== 'number') {
    throw new SegmentKitError('E_ROLE_TYPE', `The ${ROLE_LABELS[role]} column "${col.name}" does not hold numbers`, {
      location: { sheet: options.source, column: col.name },
      hint: `Map a numeric column to the role "${ROLE_LABELS[role]}".`,
    });
  }
  return col;
}

function cancelledCodes(labels: string[], pattern: RegExp): Uint8Array {
  const out = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) if (pattern.test(labels[i])) out[i] = 1;
  return out;
}
