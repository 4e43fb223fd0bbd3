import { CUSTOMER_FIELDS, SUPPORT_CHANNELS, type CustomerTable } from '../customers/CustomerTable';
import type { Role } from '../roles/Role';
import { findColumn, type Column } from '../table/Table';

/**
 * Finding model inputs on a CustomerTable: an explicit column name from the settings first,
 * then the role the user mapped, then the standard aggregate column.
 */
export function inputColumn(customers: CustomerTable, explicit: string | undefined, role: Role | undefined, field: string | undefined): Column | undefined {
  if (explicit) return findColumn(customers.table, explicit);
  if (role) {
    const name = customers.roles[role];
    const c = name ? findColumn(customers.table, name) : undefined;
    if (c) return c;
  }
  return field ? findColumn(customers.table, field) : undefined;
}

/** Number and date columns as Float64Array (NaN missing); booleans as 0/1; others undefined. */
export function numericValues(column: Column | undefined): Float64Array | undefined {
  if (!column) return undefined;
  if (column.type === 'number' || column.type === 'date') return column.values;
  if (column.type === 'boolean') {
    const out = new Float64Array(column.values.length);
    for (let i = 0; i < out.length; i++) out[i] = column.values[i] === 255 ? NaN : column.values[i];
    return out;
  }
  return undefined;
}

/** Days from a date column to `asOf` (recency, tenure); NaN where the date is missing. */
export function daysBefore(dates: Float64Array, asOf: number): Float64Array {
  const out = new Float64Array(dates.length);
  for (let i = 0; i < dates.length; i++) out[i] = asOf - dates[i];
  return out;
}

/**
 * Customer value: a role-mapped amount, else aggregated revenue, minus returns when `net`.
 * Returns undefined when no value column exists.
 */
export function customerValue(customers: CustomerTable, returnsMode: 'net' | 'gross', explicit?: string): { values: Float64Array; source: string } | undefined {
  const column = inputColumn(customers, explicit, 'amount', CUSTOMER_FIELDS.revenue);
  const base = numericValues(column);
  if (!base || !column) return undefined;
  const returns = numericValues(findColumn(customers.table, CUSTOMER_FIELDS.returns));
  if (returnsMode === 'gross' || !returns || column.name !== CUSTOMER_FIELDS.revenue) return { values: base, source: column.name };
  const out = new Float64Array(base.length);
  for (let i = 0; i < out.length; i++) {
    const r = returns[i];
    out[i] = base[i] - (Number.isNaN(r) ? 0 : r);
  }
  return { values: out, source: `${column.name} − ${CUSTOMER_FIELDS.returns}` };
}

/** Per-channel contact counts present on the table (`contacts_phone`, ...). */
export function contactColumns(customers: CustomerTable): { channel: string; values: Float64Array }[] {
  const out: { channel: string; values: Float64Array }[] = [];
  for (const channel of SUPPORT_CHANNELS) {
    const v = numericValues(findColumn(customers.table, `${CUSTOMER_FIELDS.contactsPrefix}${channel}`));
    if (v) out.push({ channel, values: v });
  }
  return out;
}

/** Shown segment name after the recipe's renames. */
export function displayName(name: string, renames: Readonly<Record<string, string>>): string {
  return Object.prototype.hasOwnProperty.call(renames, name) ? renames[name] : name;
}
