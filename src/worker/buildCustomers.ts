import { aggregateTransactions } from '../core/customers/aggregateTransactions';
import type { CustomerTable } from '../core/customers/CustomerTable';
import { addTicketCounts, joinCustomerData } from '../core/customers/joinCustomerData';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { NotebookRecipe } from '../taskpane/services/SegmentKitServices';
import type { LoadedSheet } from './detectSheet';

/**
 * One row per customer from the chosen sheets with the user's roles: orders aggregated,
 * joined onto the customers sheet when there is one, ticket counts per channel added.
 *
 * @example
 * buildCustomers(recipe, loaded).table.rowCount; // customers
 */
export function buildCustomers(recipe: NotebookRecipe, loaded: Map<string, LoadedSheet>, onStep: (step: string) => void): CustomerTable {
  const sheet = (name: string | undefined) => (name ? loaded.get(name) : undefined);
  const customersSheet = sheet(recipe.sources.customers);
  const ordersSheet = sheet(recipe.sources.orders);
  const ticketsSheet = sheet(recipe.sources.tickets);
  if (!customersSheet && !ordersSheet) {
    throw new SegmentKitError('E_NO_DATA', 'No customers or orders sheet has been read yet', { hint: 'Choose the sheets in step 1 and run it.' });
  }
  const input = (s: LoadedSheet) => ({ table: s.parsed.table, roles: recipe.roles[s.source.sheet] ?? {}, source: s.source.sheet, sourceRowOf: (i: number) => s.parsed.sourceRowOf(i) });
  let aggregated: CustomerTable | undefined;
  if (ordersSheet) {
    onStep('aggregate');
    aggregated = aggregateTransactions(ordersSheet.parsed.table, input(ordersSheet).roles, { source: ordersSheet.source.sheet, sourceRowOf: input(ordersSheet).sourceRowOf });
  }
  onStep('join');
  let customers = customersSheet ? joinCustomerData(input(customersSheet), aggregated) : aggregated!;
  if (ticketsSheet) customers = addTicketCounts(customers, input(ticketsSheet));
  return customers;
}
