import { findColumn } from '../table/Table';
import type { ParsedTable } from './ParsedTable';
import type { RoleGuess } from './detectRoles';

/**
 * Whether a table holds transactions (a customer id that repeats, plus a date) or one row per
 * customer.
 *
 * @example
 * detectShape(parsed, detectRoles(parsed)); // 'transactions' for an order-lines sheet
 */
export function detectShape(parsed: ParsedTable, roles: RoleGuess[]): 'transactions' | 'customers' {
  const customer = roles.find((r) => r.role === 'customerId');
  const date = roles.find((r) => r.role === 'date');
  if (!customer || !date) return 'customers';
  const column = findColumn(parsed.table, customer.column);
  if (!column) return 'customers';
  const seen = new Set<string | number>();
  for (let i = 0; i < parsed.table.rowCount; i++) {
    const key = 'codes' in column ? column.codes[i] : column.values[i];
    if (key === null || key === -1 || (typeof key === 'number' && Number.isNaN(key))) continue;
    if (seen.has(key)) return 'transactions';
    seen.add(key);
  }
  return 'customers';
}
