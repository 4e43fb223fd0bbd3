import type { ClvModel } from '../core/clv/ClvModel';
import { CUSTOMER_FIELDS } from '../core/customers/CustomerTable';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { KmeansFitted } from '../core/models/kmeans/kmeansModel';
import type { LifecycleFitted, LifecycleSettings } from '../core/models/lifecycle/lifecycleModel';
import type { RfmFitted, RfmSettings } from '../core/models/rfm/rfmModel';
import type { ValueFitted, ValueSettings } from '../core/models/value/valueModel';
import { validateRecipe } from '../core/recipe/validateRecipe';
import type { RoleMap } from '../core/roles/Role';
import type { RulesFitted } from '../core/rules/rulesModel';
import { dayNumberFromIso } from '../core/table/dayNumber';
import { bandToSql, type SqlBand } from './bandToSql';
import { clvToSql } from './clvToSql';
import { customerAggregationSql, customerSqlColumns, LAST_LINE_DAY } from './customerAggregationSql';
import { kmeansToSql } from './kmeansToSql';
import { lifecycleToSql } from './lifecycleToSql';
import { modelContext } from './modelContext';
import type { ModelSql, ModelSqlContext, SqlColumn } from './ModelSql';
import { resolveColumn } from './ModelSql';
import { rfmToSql } from './rfmToSql';
import { rulesToSql } from './rulesToSql';
import { sqlDialect, type SqlDialectName } from './SqlDialect';
import { sqlRegistry } from './sqlRegistry';
import { standInCustomers } from './standInCustomers';
import { valueToSql } from './valueToSql';

export interface CompileSqlOptions {
  dialect: SqlDialectName;
  /** The order-line table (or view) to read; ignored when `customersTable` is given. */
  transactionsTable: string;
  /** Roles of the order-line table's columns: customerId, date, amount (or quantity and unitPrice), optional orderId, quantity, product. */
  columns: RoleMap;
  /** An already aggregated customer table with `customerSqlColumns` and `LAST_LINE_DAY` (skips the aggregation). */
  customersTable?: string;
  /** A fitted CLV model: adds `p_alive` (BG/NBD only). */
  clv?: ClvModel;
  /** Stored numeric bands over customer columns. */
  bands?: SqlBand[];
}

/** Where each model's segment and profile value land in the output. */
export interface SqlSegmentColumn {
  modelId: string;
  kind: string;
  column: string;
  valueColumn?: string;
  /** Display names in the model's label order. */
  names: string[];
}

export interface CompiledSql {
  sql: string;
  /** Output columns after `customer_id`, in order. */
  outputs: string[];
  segments: SqlSegmentColumn[];
}

const SUPPORTED = ['rfm', 'value', 'lifecycle', 'rules', 'kmeans'];

/**
 * Compiles a FITTED recipe to one SQL query: order lines → one row per customer (the
 * `aggregateTransactions` definitions) → every model's scores and segment with the recipe's
 * stored parameters (cut points, tier boundaries, thresholds, rules, scaler and centroids).
 * Nothing is refitted; the result has `customer_id` and the columns listed in `outputs`.
 * Pure string building (no Node APIs), so it runs in the taskpane as well.
 *
 * @example
 * const { sql } = compileRecipeToSql(fittedRecipe, { dialect: 'spark', transactionsTable: 'orders', columns: { customerId: 'customer_id', date: 'order_date', amount: 'amount', orderId: 'invoice_id' } });
 */
export function compileRecipeToSql(recipeInput: unknown, options: CompileSqlOptions): CompiledSql {
  const d = sqlDialect(options.dialect);
  const registry = sqlRegistry();
  const recipe = validateRecipe(recipeInput, registry);
  const catalog = customerSqlColumns(options.columns).columns;
  const aggregation = options.customersTable ? `sk_customers AS (SELECT * FROM ${d.ident(options.customersTable)})` : customerAggregationSql(d, options.transactionsTable, options.columns);
  let asOfDay = NaN;
  let asOf: string;
  if (recipe.asOf) {
    asOfDay = dayNumberFromIso(recipe.asOf);
    asOf = d.number(asOfDay);
  } else asOf = `(SELECT MAX(${d.ident(LAST_LINE_DAY)}) FROM sk_customers)`;

  const standIn = standInCustomers(catalog, Number.isNaN(asOfDay) ? 0 : asOfDay);
  const models: { sql: ModelSql; spec: SqlSegmentColumn }[] = recipe.models.map((spec, i) => {
    const path = `models[${i}]`;
    if (!SUPPORTED.includes(spec.kind)) {
      throw new SegmentKitError('E_SQL_UNSUPPORTED', `model "${spec.id}" of kind "${spec.kind}" has no SQL export`, { location: { path: `${path}.kind` }, hint: `SQL export covers ${SUPPORTED.join(', ')}; run the others in SegmentKit itself.` });
    }
    if (!spec.fitted) throw new SegmentKitError('E_RECIPE_NOT_FITTED', `model "${spec.id}" has no fitted parameters`, { location: { path: `${path}.fitted` }, hint: 'Run the recipe once on your data (runRecipe) and export the fitted recipe it returns.' });
    const mctx = modelContext(recipe, i, standIn.asOf);
    const names = registry.find(spec.kind)!.apply(standIn, spec.settings as never, spec.fitted as never, mctx).segmentNames;
    const ctx: ModelSqlContext = { d, columns: catalog, asOf, out: (n) => `${spec.id}_${n}`, tmp: (n) => `_sk${i}_${n}`, segmentNames: names, path };
    const settings = spec.settings as never;
    const sql =
      spec.kind === 'rfm' ? rfmToSql(ctx, settings as RfmSettings, spec.fitted as unknown as RfmFitted)
      : spec.kind === 'value' ? valueToSql(ctx, settings as ValueSettings, spec.fitted as unknown as ValueFitted)
      : spec.kind === 'lifecycle' ? lifecycleToSql(ctx, settings as LifecycleSettings, spec.fitted as unknown as LifecycleFitted)
      : spec.kind === 'rules' ? rulesToSql(ctx, spec.fitted as unknown as RulesFitted)
      : kmeansToSql(ctx, spec.fitted as unknown as KmeansFitted);
    return { sql, spec: { modelId: spec.id, kind: spec.kind, column: sql.segment, valueColumn: sql.value, names } };
  });

  const extras: SqlColumn[] = [];
  if (options.clv) extras.push(clvToSql(d, options.clv, asOf, 'p_alive'));
  (options.bands ?? []).forEach((band, j) => {
    if (!resolveColumn(catalog, band.column) || catalog[resolveColumn(catalog, band.column)!] === 'id') {
      throw new SegmentKitError('E_SQL_INPUT', `band "${band.name}" needs a numeric customer column, not "${band.column}"`, { location: { path: `bands[${j}].column` }, hint: `Use one of ${Object.keys(catalog).filter((c) => catalog[c] !== 'id').join(', ')}.` });
    }
    if (band.labels.length !== band.lowerBounds.length) throw new SegmentKitError('E_SQL_INPUT', `band "${band.name}" has ${band.lowerBounds.length} lower bounds but ${band.labels.length} labels`, { location: { path: `bands[${j}].labels` }, hint: 'Give one label per lower bound.' });
    extras.push({ name: band.name, expr: bandToSql(d, { ...band, column: resolveColumn(catalog, band.column)! }) });
  });

  const outputs = [...models.flatMap((m) => m.sql.outputs), ...extras.map((e) => e.name)];
  const seen = new Set<string>([CUSTOMER_FIELDS.id]);
  for (const o of outputs) {
    if (seen.has(o)) throw new SegmentKitError('E_SQL_NAME', `two outputs would both be named "${o}"`, { location: { path: 'models' }, hint: 'Rename a model id so that output names (id_segment, ...) differ.' });
    seen.add(o);
  }

  const depth = Math.max(...models.map((m) => m.sql.layers.length));
  const stages: string[] = [];
  let from = 'sk_customers';
  for (let level = 0; level < depth; level++) {
    const cols = models.flatMap((m) => m.sql.layers[level] ?? []);
    if (level === 0) cols.push(...extras);
    const name = `sk_stage${level}`;
    stages.push(`${name} AS (\n  SELECT *,\n    ${cols.map((c) => `${c.expr} AS ${d.ident(c.name)}`).join(',\n    ')}\n  FROM ${from}\n)`);
    from = name;
  }
  const select = [CUSTOMER_FIELDS.id, ...outputs].map((o) => d.ident(o)).join(', ');
  const sql = `WITH ${aggregation},\n${stages.join(',\n')}\nSELECT ${select}\nFROM ${from}`;
  return { sql, outputs, segments: models.map((m) => m.spec) };
}
