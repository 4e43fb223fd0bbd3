import type { CustomerTable } from '../core/customers/CustomerTable';
import { CUSTOMER_FIELDS } from '../core/customers/CustomerTable';
import type { Column } from '../core/table/Table';
import type { SqlColumnType } from './customerAggregationSql';

/**
 * A customer table with the aggregate columns and the given rows (none by default), shaped as
 * `aggregateTransactions` returns it. Models run on it to validate settings, resolve rule sets
 * and name segments without touching the data, which lives in the SQL engine.
 */
export function standInCustomers(columns: Record<string, SqlColumnType>, asOf: number, values: Record<string, Float64Array> = {}, rowCount = 0): CustomerTable {
  const cols: Column[] = Object.entries(columns).map(([name, type]) => {
    if (type === 'id') return { name, type: 'id', codes: Int32Array.from({ length: rowCount }, (_, i) => i), dictionary: Array.from({ length: rowCount }, (_, i) => String(i)) };
    return { name, type, values: values[name] ?? new Float64Array(rowCount).fill(NaN) };
  });
  const F = CUSTOMER_FIELDS;
  return {
    table: { rowCount, columns: cols },
    roles: { customerId: F.id, date: F.lastPurchase, amount: F.revenue, signupDate: F.firstPurchase, lastActivity: F.lastPurchase },
    idColumn: F.id,
    asOf,
    skipped: [],
  };
}
