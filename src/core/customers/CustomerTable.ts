import type { RoleMap } from '../roles/Role';
import type { Table } from '../table/Table';

/**
 * One row per customer: what every model consumes. It comes either straight from a customer
 * sheet or from aggregating a transaction sheet (and optionally a ticket sheet) by customer id.
 *
 * Aggregated columns use the names in `CUSTOMER_FIELDS`; a customer sheet's own columns keep
 * their names and are found through `roles`.
 */
export interface CustomerTable {
  readonly table: Table;
  /** Column name per role on *this* table (a customer sheet's roles, plus aggregates). */
  readonly roles: RoleMap;
  /** Name of the id column (type 'id'); row i is customer `dictionary[codes[i]]`. */
  readonly idColumn: string;
  /** Day number the data describes ("today" for recency); the latest transaction date by default. */
  readonly asOf: number;
  /** Rows skipped on the way, each counted and explained (DESIGN.md convention 4). */
  readonly skipped: SkippedRows[];
}

export interface SkippedRows {
  code: string;
  count: number;
  message: string;
  /** First few places it happened, e.g. `Orders!A17`. */
  examples: string[];
}

/** Names of the per-customer columns that transaction aggregation produces. */
export const CUSTOMER_FIELDS = {
  id: 'customer_id',
  firstPurchase: 'first_purchase',
  lastPurchase: 'last_purchase',
  /** Distinct orders (order id when mapped, else distinct purchase days). */
  orders: 'orders',
  purchaseDays: 'purchase_days',
  /** Gross revenue of non-returned lines. */
  revenue: 'revenue',
  /** Value bought on the first purchase day (needed to average repeat purchases only). */
  firstPurchaseValue: 'first_purchase_value',
  /** Value of returns and cancellations, as a positive number, kept apart from revenue. */
  returns: 'returns',
  items: 'items',
  distinctProducts: 'distinct_products',
  /** Support contacts in total and per channel (`contacts_phone`, ...). */
  contactsTotal: 'contacts_total',
  contactsPrefix: 'contacts_',
} as const;

/** Support channels in the order they are shown; cost-to-serve defaults are per channel. */
export const SUPPORT_CHANNELS = ['phone', 'email', 'chat', 'social', 'self_service'] as const;
export type SupportChannel = (typeof SUPPORT_CHANNELS)[number];
