import { SegmentKitError } from '../errors/SegmentKitError';
import { detectRoles, type RoleGuess } from '../ingest/detectRoles';
import { detectShape } from '../ingest/detectShape';
import type { ParsedTable } from '../ingest/ParsedTable';
import type { RoleMap } from '../roles/Role';
import { aggregateTransactions } from './aggregateTransactions';
import type { CustomerTable } from './CustomerTable';
import { addTicketCounts, joinCustomerData } from './joinCustomerData';

export type SheetKind = 'customers' | 'transactions' | 'tickets';

/** One sheet or file after reading, with its roles detected (or set by the user). */
export interface SheetRoles {
  name: string;
  parsed: ParsedTable;
  guesses: RoleGuess[];
  roles: RoleMap;
  kind: SheetKind;
}

/**
 * Detects roles and what a sheet holds: tickets (customer id + channel, no amount), order
 * lines (a customer id that repeats, with a date), or one row per customer. `overrides` are the
 * user's own mappings and always win; `kind` forces the sheet's kind.
 *
 * @example
 * const orders = describeSheet('Orders', parsed);
 * orders.kind; // 'transactions'
 */
export function describeSheet(name: string, parsed: ParsedTable, overrides: RoleMap = {}, kind?: SheetKind): SheetRoles {
  const guesses = detectRoles(parsed, { overrides: pickExisting(parsed, overrides) });
  const roles: RoleMap = {};
  for (const g of guesses) roles[g.role] = g.column;
  let detected: SheetKind = detectShape(parsed, guesses);
  if (roles.customerId && roles.channel && !roles.amount && !roles.unitPrice && !roles.age && !roles.income && detected === 'transactions') detected = 'tickets';
  return { name, parsed, guesses, roles, kind: kind ?? detected };
}

/** Overrides name columns of one sheet; roles mapped to columns another sheet has are left out. */
function pickExisting(parsed: ParsedTable, overrides: RoleMap): RoleMap {
  const names = new Set(parsed.table.columns.map((c) => c.name.toLowerCase()));
  const out: RoleMap = {};
  for (const [role, column] of Object.entries(overrides)) if (column && names.has(column.toLowerCase())) (out as Record<string, string>)[role] = column;
  return out;
}

/**
 * One row per customer from whatever sheets there are: order lines aggregated, a customer
 * sheet joined on, ticket counts per channel added. The source of truth for the CLI, the
 * taskpane and the large-data engine alike.
 *
 * @example
 * const customers = buildCustomerTable([describeSheet('Customers', c), describeSheet('Orders', o)]);
 */
export function buildCustomerTable(sheets: SheetRoles[], options: { asOf?: number } = {}): CustomerTable {
  const byKind = (k: SheetKind) => sheets.filter((s) => s.kind === k);
  for (const k of ['customers', 'transactions', 'tickets'] as SheetKind[]) {
    const found = byKind(k);
    if (found.length > 1) {
      throw new SegmentKitError('E_SHEETS_AMBIGUOUS', `${found.map((s) => `"${s.name}"`).join(' and ')} all look like ${k} sheets`, {
        hint: 'Say which sheet is which (for example --sheet Customers --transactions-sheet Orders).',
      });
    }
  }
  const [customerSheet] = byKind('customers');
  const [orderSheet] = byKind('transactions');
  const [ticketSheet] = byKind('tickets');
  if (!customerSheet && !orderSheet) {
    throw new SegmentKitError('E_NO_CUSTOMERS', 'Neither a customer sheet nor an order sheet was found', {
      hint: 'Give a sheet with one row per customer, or order lines with a customer id, a date and an amount.',
    });
  }
  const aggregated = orderSheet
    ? aggregateTransactions(orderSheet.parsed.table, orderSheet.roles, { source: orderSheet.name, sourceRowOf: (i) => orderSheet.parsed.sourceRowOf(i), asOf: options.asOf })
    : undefined;
  let customers: CustomerTable;
  if (customerSheet) {
    customers = joinCustomerData({ table: customerSheet.parsed.table, roles: customerSheet.roles, source: customerSheet.name, sourceRowOf: (i) => customerSheet.parsed.sourceRowOf(i) }, aggregated);
    if (Number.isNaN(customers.asOf)) customers = { ...customers, asOf: options.asOf ?? latestDate(customers, sheets) };
  } else {
    customers = aggregated as CustomerTable;
  }
  if (ticketSheet) {
    customers = addTicketCounts(customers, { table: ticketSheet.parsed.table, roles: ticketSheet.roles, source: ticketSheet.name, sourceRowOf: (i) => ticketSheet.parsed.sourceRowOf(i) });
  }
  return customers;
}

/**
 * A customer sheet alone has no transaction dates: "today" is its latest activity or signup
 * date. When there is none because a column mixed two date forms, the error says which column.
 */
function latestDate(customers: CustomerTable, sheets: SheetRoles[]): number {
  let max = -Infinity;
  for (const c of customers.table.columns) {
    if (c.type !== 'date') continue;
    for (let i = 0; i < c.values.length; i++) if (c.values[i] > max) max = c.values[i];
  }
  if (!Number.isFinite(max)) {
    const mixed = sheets.flatMap(({ parsed }) => {
      const messages = new Set(parsed.warnings.filter((w) => w.code === 'W_MIXED_DATES').map((w) => w.message));
      return parsed.columns.filter((c) => c.warnings.some((m) => messages.has(m))).map((c) => c.name);
    });
    const hint = mixed.length
      ? `Column "${mixed[0]}" holds dates in more than one form, so it was read as text: write every date the same way (for example 2024-03-31), or pass an as-of date (for example --as-of 2026-06-30).`
      : 'Pass an as-of date (for example --as-of 2026-06-30).';
    throw new SegmentKitError('E_NO_AS_OF', 'The data has no dates, so "today" for recency and tenure is unknown', { hint });
  }
  return max;
}
