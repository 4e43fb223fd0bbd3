import { CUSTOMER_FIELDS } from '../core/customers/CustomerTable';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import { ROLE_LABELS, type RoleMap } from '../core/roles/Role';
import type { SqlDialect } from './SqlDialect';

/**
 * Extra column of `sk_customers`: the customer's latest usable line, returns included, whose
 * maximum is the default "today" (`aggregateTransactions` takes the latest date of any line).
 */
export const LAST_LINE_DAY = '_sk_last_line_day';

/** Types of the per-customer columns the aggregation produces (dates are day numbers in SQL). */
export type SqlColumnType = 'number' | 'date' | 'id';

export interface CustomerSqlColumns {
  /** Column name → type, in output order. */
  columns: Record<string, SqlColumnType>;
}

/** The per-customer columns for a role map: the same names and set as `aggregateTransactions`. */
export function customerSqlColumns(roles: RoleMap): CustomerSqlColumns {
  const F = CUSTOMER_FIELDS;
  const columns: Record<string, SqlColumnType> = {
    [F.id]: 'id',
    [F.firstPurchase]: 'date',
    [F.lastPurchase]: 'date',
    [F.orders]: 'number',
    [F.purchaseDays]: 'number',
    [F.revenue]: 'number',
    [F.firstPurchaseValue]: 'number',
    [F.returns]: 'number',
    [F.items]: 'number',
  };
  if (roles.product) columns[F.distinctProducts] = 'number';
  return { columns };
}

function role(roles: RoleMap, name: 'customerId' | 'date'): string {
  const column = roles[name];
  if (!column) {
    throw new SegmentKitError('E_COLUMN_MISSING', `No ${ROLE_LABELS[name]} column was given`, { location: { path: `columns.${name}` }, hint: `Map a column to the role "${ROLE_LABELS[name]}".` });
  }
  return column;
}

/**
 * CTEs (without the leading WITH) that turn an order-line table into one row per customer,
 * ending in a CTE named `sk_customers` whose columns are `customerSqlColumns(roles)`.
 * The definitions are those of `aggregateTransactions`, line for line:
 * - lines without a customer id (NULL or empty), date or value are left out;
 * - value is the amount, else quantity × unit price;
 * - a return is a line with a negative value or quantity, or an order id starting with C or c;
 *   its absolute value goes to `returns` and nowhere else;
 * - orders = distinct order ids of purchases when an order id is mapped, else distinct purchase days;
 * - items sums quantities (1 per line without a quantity); first_purchase_value is the value
 *   bought on the first purchase day.
 * Every numeric aggregate is a double and dates are day numbers since 1970-01-01; the extra
 * column `LAST_LINE_DAY` gives the default "today". With `flaggedTable`, the lines come from a
 * table already holding the `sk_flagged` CTE's rows (k, d, v, q, o, p, r), so an engine that
 * would otherwise parse the file twice (the first-day join reads the lines again) reads it once.
 *
 * @example
 * const ctes = customerAggregationSql(sqlDialect('duckdb'), 'orders', { customerId: 'Customer', date: 'Date', amount: 'Amount' });
 * const sql = `WITH ${ctes} SELECT * FROM sk_customers`;
 */
export function customerAggregationSql(d: SqlDialect, table: string, roles: RoleMap, options: { flaggedTable?: string } = {}): string {
  const id = d.ident(role(roles, 'customerId'));
  const date = d.ident(role(roles, 'date'));
  if (!roles.amount && !(roles.quantity && roles.unitPrice)) {
    throw new SegmentKitError('E_COLUMN_MISSING', 'No amount column was given, and no quantity and unit price to compute one', {
      location: { path: 'columns.amount' },
      hint: 'Map a column to the role "amount", or map both "quantity" and "unit price".',
    });
  }
  const dbl = (e: string) => `CAST(${e} AS ${d.doubleType})`;
  const txt = (e: string) => `CAST(${e} AS ${d.textType})`;
  const value = roles.amount ? dbl(d.ident(roles.amount)) : `${dbl(d.ident(roles.quantity!))} * ${dbl(d.ident(roles.unitPrice!))}`;
  const qty = roles.quantity ? dbl(d.ident(roles.quantity)) : 'NULL';
  const order = roles.orderId ? `NULLIF(${txt(d.ident(roles.orderId))}, '')` : 'NULL';
  const product = roles.product ? `NULLIF(${txt(d.ident(roles.product))}, '')` : 'NULL';
  const F = CUSTOMER_FIELDS;
  const q = (n: string) => d.ident(n);
  const items = roles.quantity ? 'COALESCE(q, 1)' : '1';
  const flagged = options.flaggedTable
    ? [`sk_flagged AS (SELECT * FROM ${d.ident(options.flaggedTable)})`]
    : [
    `sk_lines AS (
  SELECT ${txt(id)} AS k, ${d.dayNumber(date)} AS d, ${value} AS v, ${roles.quantity ? qty : `CAST(NULL AS ${d.doubleType})`} AS q, ${order} AS o, ${product} AS p
  FROM ${d.ident(table)}
  WHERE ${id} IS NOT NULL AND ${txt(id)} <> '' AND ${date} IS NOT NULL AND ${value} IS NOT NULL
)`,
    `sk_flagged AS (
  SELECT k, d, v, q, o, p, (v < 0 OR COALESCE(q < 0, FALSE) OR COALESCE(UPPER(${d.firstChar('o')}) = 'C', FALSE)) AS r
  FROM sk_lines
)`,
    ];
  return [
    ...flagged,
    `sk_base AS (
  SELECT k,
    ${dbl('MIN(CASE WHEN r THEN NULL ELSE d END)')} AS fd,
    ${dbl('MAX(CASE WHEN r THEN NULL ELSE d END)')} AS ld,
    ${dbl(`COUNT(DISTINCT CASE WHEN r THEN NULL ELSE ${roles.orderId ? 'o' : 'd'} END)`)} AS n_orders,
    ${dbl('COUNT(DISTINCT CASE WHEN r THEN NULL ELSE d END)')} AS n_days,
    SUM(CASE WHEN r THEN 0 ELSE v END) AS rev,
    SUM(CASE WHEN r THEN ABS(v) ELSE 0 END) AS ret,
    ${dbl(`SUM(CASE WHEN r THEN 0 ELSE ${items} END)`)} AS n_items,
    ${dbl('MAX(d)')} AS last_line${roles.product ? `,\n    ${dbl('COUNT(DISTINCT CASE WHEN r THEN NULL ELSE p END)')} AS n_products` : ''}
  FROM sk_flagged
  GROUP BY k
)`,
    `sk_first_day AS (
  SELECT f.k, SUM(f.v) AS v
  FROM sk_flagged f JOIN sk_base b ON f.k = b.k AND f.d = b.fd
  WHERE NOT f.r
  GROUP BY f.k
)`,
    `sk_customers AS (
  SELECT b.k AS ${q(F.id)}, b.fd AS ${q(F.firstPurchase)}, b.ld AS ${q(F.lastPurchase)}, b.n_orders AS ${q(F.orders)}, b.n_days AS ${q(F.purchaseDays)},
    b.rev AS ${q(F.revenue)}, COALESCE(fv.v, 0) AS ${q(F.firstPurchaseValue)}, b.ret AS ${q(F.returns)}, b.n_items AS ${q(F.items)}${roles.product ? `, b.n_products AS ${q(F.distinctProducts)}` : ''},
    b.last_line AS ${q(LAST_LINE_DAY)}
  FROM sk_base b LEFT JOIN sk_first_day fv ON b.k = fv.k
)`,
  ].join(',\n');
}
