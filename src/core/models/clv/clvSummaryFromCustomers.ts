import type { ClvSummary } from '../../clv/ClvSummary';
import { DAYS_PER_UNIT, type TimeUnit } from '../../clv/TimeUnit';
import { CUSTOMER_FIELDS, type CustomerTable } from '../../customers/CustomerTable';
import { findColumn } from '../../table/Table';
import { numericValues } from '../customerInputs';

/**
 * The BG/NBD summary (x, t_x, T, monetary) from transaction aggregates, with the same
 * definitions as summaryFromTransactions: x = purchase days − 1, t_x = last − first purchase
 * day, T = as-of − first purchase day, monetary = mean value of the repeat purchase days (the
 * first day's value taken out). Undefined when the table has no transaction aggregates.
 */
export function clvSummaryFromCustomers(customers: CustomerTable, asOf: number, timeUnit: TimeUnit): ClvSummary | undefined {
  const t = customers.table;
  const first = numericValues(findColumn(t, CUSTOMER_FIELDS.firstPurchase));
  const last = numericValues(findColumn(t, CUSTOMER_FIELDS.lastPurchase));
  const days = numericValues(findColumn(t, CUSTOMER_FIELDS.purchaseDays));
  const revenue = numericValues(findColumn(t, CUSTOMER_FIELDS.revenue));
  const firstValue = numericValues(findColumn(t, CUSTOMER_FIELDS.firstPurchaseValue));
  if (!first || !last || !days || !revenue || !firstValue) return undefined;
  const n = t.rowCount;
  const unit = DAYS_PER_UNIT[timeUnit];
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const monetary = new Float64Array(n);
  const included = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(first[i]) || first[i] > asOf || !(days[i] >= 1)) {
      x[i] = tx[i] = T[i] = monetary[i] = NaN;
      continue;
    }
    included[i] = 1;
    x[i] = days[i] - 1;
    tx[i] = (last[i] - first[i]) / unit;
    T[i] = (asOf - first[i]) / unit;
    const repeat = revenue[i] - firstValue[i];
    // Free repeat orders carry no spend information; Gamma-Gamma skips NaN as missing.
    monetary[i] = x[i] > 0 ? (repeat > 0 ? repeat / x[i] : NaN) : 0;
  }
  return { x, tx, T, monetary, included, timeUnit, calibrationEnd: asOf, skippedRows: 0 };
}
