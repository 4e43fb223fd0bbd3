import type { BenchRow } from './BenchRow';
import { CUSTOMER_FIELDS, type CustomerTable } from '../../src/core/customers/CustomerTable';
import { createRng } from '../../src/core/random/createRng';
import { runRecipe } from '../../src/core/recipe/runRecipe';
import { defaultRecipe } from '../../src/core/recipe/defaultRecipe';
import type { Column } from '../../src/core/table/Table';

/** Seeded synthetic customers built straight into typed arrays (no transactions). */
export function syntheticCustomers(n: number, seed: number): CustomerTable {
  const rng = createRng(seed);
  const asOf = 20_000;
  const first = new Float64Array(n);
  const last = new Float64Array(n);
  const orders = new Float64Array(n);
  const days = new Float64Array(n);
  const revenue = new Float64Array(n);
  const returns = new Float64Array(n);
  const phone = new Float64Array(n);
  const email = new Float64Array(n);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    codes[i] = i;
    first[i] = asOf - 1 - rng.int(1500);
    last[i] = first[i] + rng.int(asOf - first[i]);
    orders[i] = 1 + Math.floor(-Math.log(1 - rng.next()) * 4);
    days[i] = Math.max(1, orders[i] - rng.int(2));
    revenue[i] = Math.round(orders[i] * Math.exp(3 + rng.normal()) * 100) / 100;
    returns[i] = rng.next() < 0.1 ? Math.round(revenue[i] * 0.2 * 100) / 100 : 0;
    phone[i] = rng.int(3);
    email[i] = rng.int(4);
  }
  const dictionary = Array.from({ length: n }, (_, i) => `C${i}`);
  const columns: Column[] = [
    { name: CUSTOMER_FIELDS.id, type: 'id', codes, dictionary },
    { name: CUSTOMER_FIELDS.firstPurchase, type: 'date', values: first },
    { name: CUSTOMER_FIELDS.lastPurchase, type: 'date', values: last },
    { name: CUSTOMER_FIELDS.orders, type: 'number', values: orders },
    { name: CUSTOMER_FIELDS.purchaseDays, type: 'number', values: days },
    { name: CUSTOMER_FIELDS.revenue, type: 'number', values: revenue },
    { name: CUSTOMER_FIELDS.returns, type: 'number', values: returns },
    { name: 'contacts_phone', type: 'number', values: phone },
    { name: 'contacts_email', type: 'number', values: email },
  ];
  return { table: { rowCount: n, columns }, roles: { customerId: CUSTOMER_FIELDS.id }, idColumn: CUSTOMER_FIELDS.id, asOf, skipped: [] };
}

/** RFM + value + lifecycle (fit, apply, profiles, playbooks) on 110,000 and 1,048,576 customers. */
export default async function engineBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of [110_000, 1_048_576]) {
    const customers = syntheticCustomers(n, 42);
    const size = `${n.toLocaleString('en-US')} customers`;
    for (const kind of ['rfm', 'value', 'lifecycle']) {
      const t0 = performance.now();
      runRecipe(customers, defaultRecipe(customers.roles, [kind]));
      rows.push({ area: 'engine', case: `${kind}: fit + apply + profile`, size, seconds: (performance.now() - t0) / 1000 });
    }
    const t0 = performance.now();
    runRecipe(customers, defaultRecipe(customers.roles, ['rfm', 'value', 'lifecycle']));
    rows.push({ area: 'engine', case: 'recipe: rfm + value + lifecycle', size, seconds: (performance.now() - t0) / 1000, targetSeconds: n > 200_000 ? 10 : 1.5 });
  }
  return rows;
}
