import { CUSTOMER_FIELDS } from '../core/customers/CustomerTable';
import type { SqlColumnType } from './customerAggregationSql';
import type { SqlDialect } from './SqlDialect';

/** One computed column: a name (quoted by the compiler) and its SQL expression. */
export interface SqlColumn {
  name: string;
  expr: string;
}

/**
 * A model as SQL: columns computed in layers (each layer may use the columns of earlier ones),
 * which of them are outputs, and which hold the segment name and the profile value.
 */
export interface ModelSql {
  layers: SqlColumn[][];
  outputs: string[];
  segment: string;
  value?: string;
}

/** What model compilers get: the dialect, the customer columns, "today" and a name maker. */
export interface ModelSqlContext {
  d: SqlDialect;
  columns: Record<string, SqlColumnType>;
  /** "Today" as a SQL expression of a day number. */
  asOf: string;
  /** Output column name for this model, e.g. `rfm_segment`. */
  out(name: string): string;
  /** Internal column name for this model, e.g. `_sk0_recency`. */
  tmp(name: string): string;
  /** Display names of the model's segments (renames applied), in label order. */
  segmentNames: string[];
  path: string;
}

/** Finds a customer column like `findColumn`: exact, else case- and space-insensitive. */
export function resolveColumn(columns: Record<string, SqlColumnType>, name: string): string | undefined {
  if (name in columns) return name;
  const key = name.trim().toLowerCase();
  return Object.keys(columns).find((c) => c.trim().toLowerCase() === key);
}

/** Numeric values of a column (dates as day numbers), or undefined for ids. */
export function numericColumn(ctx: ModelSqlContext, name: string | undefined): { expr: string; type: SqlColumnType } | undefined {
  const c = name ? resolveColumn(ctx.columns, name) : undefined;
  if (!c || ctx.columns[c] === 'id') return undefined;
  return { expr: ctx.d.ident(c), type: ctx.columns[c] };
}

/** `customerValue` in SQL: the explicit or revenue column, minus returns when `net` and it is revenue. */
export function customerValueSql(ctx: ModelSqlContext, mode: 'net' | 'gross', explicit?: string): string | undefined {
  const c = numericColumn(ctx, explicit ?? CUSTOMER_FIELDS.revenue);
  if (!c) return undefined;
  const isRevenue = resolveColumn(ctx.columns, explicit ?? CUSTOMER_FIELDS.revenue) === CUSTOMER_FIELDS.revenue;
  return mode === 'net' && isRevenue ? `(${c.expr} - ${ctx.d.ident(CUSTOMER_FIELDS.returns)})` : c.expr;
}

/** Days from a date column to "today", or the value itself for a number column. */
export function daysBeforeSql(ctx: ModelSqlContext, c: { expr: string; type: SqlColumnType }): string {
  return c.type === 'date' ? `(${ctx.asOf} - ${c.expr})` : c.expr;
}

/** `bandOf` in SQL: 1 + the number of cut points strictly below x; NULL for a missing x. */
export function bandSql(d: SqlDialect, x: string, cuts: readonly number[]): string {
  const terms = cuts.map((c) => `CASE WHEN ${x} > ${d.number(c)} THEN 1 ELSE 0 END`);
  return `CASE WHEN ${x} IS NULL THEN NULL ELSE ${['1', ...terms].join(' + ')} END`;
}

/** A CASE that maps 0-based label expressions to the display names (NULL stays NULL). */
export function namesSql(d: SqlDialect, label: string, names: readonly string[]): string {
  return `CASE ${label} ${names.map((n, i) => `WHEN ${i} THEN ${d.text(n)}`).join(' ')} ELSE NULL END`;
}
