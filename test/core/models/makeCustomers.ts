import type { CustomerTable } from '../../../src/core/customers/CustomerTable';
import type { RoleMap } from '../../../src/core/roles/Role';
import { createRng } from '../../../src/core/random/createRng';
import { encodeStrings, type Column } from '../../../src/core/table/Table';

/** Column spec for hand-built fixtures: numbers (null = missing), dates as day numbers, strings as categories. */
export type FixtureColumn =
  | { type: 'number'; values: (number | null)[] }
  | { type: 'date'; values: (number | null)[] }
  | { type: 'category'; values: (string | null)[] }
  | { type: 'boolean'; values: (boolean | null)[] };

/** Builds a CustomerTable by hand: ids c0, c1, … unless `ids` is given. */
export function makeCustomers(columns: Record<string, FixtureColumn | (number | null)[]>, options: { asOf?: number; roles?: RoleMap; ids?: string[] } = {}): CustomerTable {
  const entries = Object.entries(columns).map(([name, spec]) => [name, Array.isArray(spec) ? { type: 'number' as const, values: spec } : spec] as const);
  const n = entries.length ? entries[0][1].values.length : (options.ids?.length ?? 0);
  const ids = options.ids ?? Array.from({ length: n }, (_, i) => `c${i}`);
  const table: Column[] = [encodeStrings('customer_id', ids, 'id')];
  for (const [name, spec] of entries) {
    if (spec.type === 'category') table.push(encodeStrings(name, spec.values));
    else if (spec.type === 'boolean') table.push({ name, type: 'boolean', values: Uint8Array.from(spec.values, (v) => (v === null ? 255 : v ? 1 : 0)) });
    else table.push({ name, type: spec.type, values: Float64Array.from(spec.values, (v) => (v === null ? NaN : v)) });
  }
  return { table: { rowCount: n, columns: table }, roles: { customerId: 'customer_id', ...options.roles }, idColumn: 'customer_id', asOf: options.asOf ?? 1000, skipped: [] };
}

/** A small model context for calling a model directly. */
export function testContext(asOf = 1000, modelId = 'm1') {
  return { modelId, settingsPath: 'models[0].settings', rng: createRng(1), asOf, segmentNames: {} };
}
