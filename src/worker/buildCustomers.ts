import type { CustomerTable } from '../core/customers/CustomerTable';
import { buildCustomerTable, type SheetRoles } from '../core/customers/buildCustomerTable';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { NotebookRecipe, SheetKind } from '../taskpane/services/SegmentKitServices';
import type { LoadedSheet } from './detectSheet';

const CORE_KIND: Record<SheetKind, SheetRoles['kind']> = { customers: 'customers', orders: 'transactions', tickets: 'tickets' };

/**
 * One row per customer from the sheets chosen in the Data cell, with the roles confirmed in the
 * Columns cell (the user's choice wins over detection).
 *
 * @example
 * buildCustomers(recipe, loaded).table.rowCount; // customers
 */
export function buildCustomers(recipe: NotebookRecipe, loaded: Map<string, LoadedSheet>): CustomerTable {
  const sheets: SheetRoles[] = [];
  for (const kind of ['customers', 'orders', 'tickets'] as const) {
    const name = recipe.sources[kind];
    const sheet = name ? loaded.get(name) : undefined;
    if (!sheet) continue;
    sheets.push({ name: sheet.source.sheet, parsed: sheet.parsed, guesses: sheet.guesses, roles: recipe.roles[sheet.source.sheet] ?? {}, kind: CORE_KIND[kind] });
  }
  if (sheets.length === 0) throw new SegmentKitError('E_NO_DATA', 'No customers or orders sheet has been read yet', { hint: 'Choose the sheets in step 1 and run it.' });
  return buildCustomerTable(sheets);
}
