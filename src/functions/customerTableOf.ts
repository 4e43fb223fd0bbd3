import type { CustomerTable } from '../core/customers/CustomerTable';
import type { RoleMap } from '../core/roles/Role';
import type { Column } from '../core/table/Table';

/** A CustomerTable over columns built from cells, for running an engine model on them. */
export function customerTableOf(columns: Column[], rowCount: number, asOf = 0, roles: RoleMap = {}): CustomerTable {
  return { table: { rowCount, columns }, roles, idColumn: '', asOf, skipped: [] };
}
