import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { CUSTOMER_FIELDS } from '../core/customers/CustomerTable';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import { detectRoles } from '../core/ingest/detectRoles';
import { tableFromValues } from '../core/ingest/tableFromValues';
import type { LifecycleSettings } from '../core/models/lifecycle/lifecycleModel';
import type { RfmSettings } from '../core/models/rfm/rfmModel';
import type { ValueSettings } from '../core/models/value/valueModel';
import { defaultRecipe } from '../core/recipe/defaultRecipe';
import type { ModelSpec, Recipe } from '../core/recipe/Recipe';
import { validateRecipe } from '../core/recipe/validateRecipe';
import type { RoleMap } from '../core/roles/Role';
import { dayNumberFromIso, isoFromDayNumber } from '../core/table/dayNumber';
import { compileRecipeToSql } from '../sql/compileRecipeToSql';
import { customerAggregationSql, customerSqlColumns, LAST_LINE_DAY } from '../sql/customerAggregationSql';
import { lifecycleToSql } from '../sql/lifecycleToSql';
import { modelContext } from '../sql/modelContext';
import type { ModelSql, ModelSqlContext } from '../sql/ModelSql';
import { rfmToSql } from '../sql/rfmToSql';
import { sqlDialect } from '../sql/SqlDialect';
import { sqlRegistry } from '../sql/sqlRegistry';
import { standInCustomers } from '../sql/standInCustomers';
import { valueToSql } from '../sql/valueToSql';
import { quantileCutsDuckDb } from './quantileCutsDuckDb';
import { tierThresholdsDuckDb } from './tierThresholdsDuckDb';

export interface DuckDbSegmentOptions {
  /** Order lines as .csv (any delimiter DuckDB sniffs) or .parquet. */
  input: string;
  /** A recipe (fitted or not); default: RFM, value tiers and lifecycle. Fitted parts are refitted on this data. */
  recipe?: unknown;
  /** Column roles of the input; default: the recipe's roles, then detected from headers and the first 1,000 rows. */
  roles?: RoleMap;
  /** "Today" as YYYY-MM-DD; default: the recipe's asOf, else the latest line date. */
  asOf?: string;
  seed?: number;
  /** Assignments: .parquet or .csv (one row per customer: customer_id and every model's columns). */
  out: string;
  /** Writes the per-segment summary as JSON to this .json path. */
  summary?: string;
  /** Customers sampled (seeded) for fitting k-means in TypeScript; default 50,000. */
  kmeansSample?: number;
  /** DuckDB memory limit, e.g. '3GB' (default); it spills to a temp directory beyond it. */
  memoryLimit?: string;
  threads?: number;
}

export interface DuckDbSegmentSummary {
  modelId: string;
  kind: string;
  customerCount: number;
  unassigned: number;
  segments: { name: string; size: number; share: number; value: number; valueShare: number }[];
}

export interface DuckDbSegmentResult {
  /** The recipe with every model fitted on this data and asOf fixed (store it; `compileRecipeToSql` takes it). */
  recipe: Recipe;
  roles: RoleMap;
  customers: number;
  outputs: string[];
  summary: DuckDbSegmentSummary[];
  /** Seconds per phase. */
  timings: { aggregate: number; fit: number; assign: number; write: number };
}

const TRANSACTION_ROLES = ['customerId', 'orderId', 'date', 'amount', 'quantity', 'unitPrice', 'product'] as const;
const DEFAULT_KMEANS_SAMPLE = 50_000;

function readerSql(input: string, allVarchar = false): string {
  const path = sqlDialect('duckdb').text(input);
  const ext = extname(input).toLowerCase();
  if (ext === '.parquet') return `read_parquet(${path})`;
  return `read_csv(${path}, auto_detect = true${allVarchar ? ', all_varchar = true' : ''})`;
}

async function rows(con: DuckDBConnection, sql: string): Promise<unknown[][]> {
  return (await con.runAndReadAll(sql)).getRows() as unknown[][];
}

async function detectInputRoles(con: DuckDBConnection, input: string, given: RoleMap): Promise<RoleMap> {
  const head = await con.runAndReadAll(`SELECT * FROM ${readerSql(input, true)} LIMIT 1000`);
  const values: unknown[][] = [head.columnNames(), ...(head.getRows() as unknown[][])];
  const guesses = detectRoles(tableFromValues(values, { sheet: input }), { overrides: given });
  const roles: RoleMap = {};
  for (const g of guesses) if ((TRANSACTION_ROLES as readonly string[]).includes(g.role)) roles[g.role] = g.column;
  return roles;
}

/** SELECT over the customer table with a model's first `upto` layers added. */
function layered(sql: ModelSql, upto: number, d = sqlDialect('duckdb')): string {
  let from = 'sk_customers';
  for (let l = 0; l < upto; l++) from = `(SELECT *, ${sql.layers[l].map((c) => `${c.expr} AS ${d.ident(c.name)}`).join(', ')} FROM ${from})`;
  return from;
}

async function fitModel(con: DuckDBConnection, recipe: Recipe, index: number, asOf: number, catalog: ReturnType<typeof customerSqlColumns>['columns'], sampleSize: number): Promise<ModelSpec> {
  const registry = sqlRegistry();
  const spec = recipe.models[index];
  const model = registry.find(spec.kind)!;
  const ctxModel = modelContext(recipe, index, asOf);
  const empty = standInCustomers(catalog, asOf);
  const missing = model.requires(empty, spec.settings as never);
  if (missing.length) throw new SegmentKitError('E_MODEL_INPUT_MISSING', missing.join('; '), { location: { path: `models[${index}]` }, hint: 'Map the missing columns to roles, or remove this model from the recipe.' });
  const d = sqlDialect('duckdb');
  const ctx: ModelSqlContext = { d, columns: catalog, asOf: d.number(asOf), out: (n) => n, tmp: (n) => `_fit_${n}`, segmentNames: [], path: `models[${index}]` };
  const q = d.ident;
  if (spec.kind === 'kmeans') {
    // k-means is fitted by the engine's own code on a seeded sample of customers pulled from DuckDB.
    const numeric = Object.keys(catalog).filter((c) => catalog[c] !== 'id');
    const picked = await rows(con, `SELECT ${numeric.map(q).join(', ')} FROM sk_customers ORDER BY hash(${q(CUSTOMER_FIELDS.id)}, ${recipe.seed}), ${q(CUSTOMER_FIELDS.id)} LIMIT ${sampleSize}`);
    const values: Record<string, Float64Array> = {};
    numeric.forEach((c, j) => (values[c] = Float64Array.from(picked, (r) => (r[j] === null ? NaN : Number(r[j])))));
    return { ...spec, fitted: model.fit(standInCustomers(catalog, asOf, values, picked.length), spec.settings as never, ctxModel) as Record<string, unknown> };
  }
  // Settings checks, rule sets and fixed parameters come from the model itself, fitted on no rows;
  // the data-dependent parameters are then computed inside DuckDB.
  const fitted = model.fit(empty, spec.settings as never, ctxModel) as Record<string, unknown>;
  if (spec.kind === 'rfm') {
    const s = spec.settings as unknown as RfmSettings;
    const sql = rfmToSql(ctx, s, fitted as never);
    const rel = layered(sql, 1);
    const given = s.cutpoints ?? {};
    const cuts = async (name: string, whole: boolean) => {
      const c = await quantileCutsDuckDb(con, rel, q(ctx.tmp(name)), s.scale);
      return whole ? c.map((x) => Math.ceil(x)) : c;
    };
    const cutpoints = fitted.cutpoints as Record<string, number[]>;
    return {
      ...spec,
      fitted: {
        ...fitted,
        cutpoints: {
          recency: given.recency ? cutpoints.recency : await cuts('recency', true),
          frequency: given.frequency ? cutpoints.frequency : await cuts('frequency', true),
          monetary: given.monetary ? cutpoints.monetary : await cuts('monetary', false),
        },
      },
    };
  }
  if (spec.kind === 'value') {
    const s = spec.settings as unknown as ValueSettings;
    const rel = layered(valueToSql(ctx, s, fitted as never), 1);
    const v = q(ctx.tmp('value'));
    return { ...spec, fitted: { ...fitted, ...(await tierThresholdsDuckDb(con, rel, v, s.tierA, s.tierB)), decileCuts: await quantileCutsDuckDb(con, rel, v, 10) } };
  }
  if (spec.kind === 'lifecycle') {
    const rel = layered(lifecycleToSql(ctx, spec.settings as unknown as LifecycleSettings, fitted as never), 2);
    const cut = await quantileCutsDuckDb(con, rel, q(ctx.tmp('spend_rate')), 4);
    return { ...spec, fitted: { ...fitted, spendRateCut: cut.length ? cut[2] : null } };
  }
  return { ...spec, fitted };
}

async function summarize(con: DuckDBConnection, compiled: ReturnType<typeof compileRecipeToSql>): Promise<DuckDbSegmentSummary[]> {
  const q = sqlDialect('duckdb').ident;
  const out: DuckDbSegmentSummary[] = [];
  for (const s of compiled.segments) {
    const value = s.valueColumn ? `SUM(${q(s.valueColumn)})` : '0';
    const got = await rows(con, `SELECT ${q(s.column)}, CAST(COUNT(*) AS DOUBLE), ${value} FROM sk_out GROUP BY ${q(s.column)}`);
    const by = new Map(got.map((r) => [r[0] as string | null, { size: Number(r[1]), value: r[2] === null ? 0 : Number(r[2]) }]));
    const assigned = got.filter((r) => r[0] !== null).reduce((a, r) => a + Number(r[1]), 0);
    const total = got.filter((r) => r[0] !== null).reduce((a, r) => a + (r[2] === null ? 0 : Number(r[2])), 0);
    out.push({
      modelId: s.modelId,
      kind: s.kind,
      customerCount: got.reduce((a, r) => a + Number(r[1]), 0),
      unassigned: by.get(null)?.size ?? 0,
      segments: s.names.map((name) => {
        const g = by.get(name) ?? { size: 0, value: 0 };
        return { name, size: g.size, share: assigned ? g.size / assigned : 0, value: g.value, valueShare: total !== 0 ? g.value / total : 0 };
      }),
    });
  }
  return out;
}

/**
 * Segments order lines far beyond Excel's row limit with embedded DuckDB: reads the file in
 * DuckDB, aggregates customers with the same definitions as `aggregateTransactions`, fits the
 * recipe (quantile cut points and tier boundaries inside DuckDB, identical to the in-process
 * engine; k-means in TypeScript on a seeded sample), assigns every customer in SQL and writes
 * the assignments (Parquet or CSV) plus a per-segment summary.
 *
 * @example
 * const r = await segmentWithDuckDb({ input: 'orders.csv', out: 'segments.parquet', summary: 'summary.json' });
 * r.summary[0].segments; // [{ name: 'Champions', size: 10234, share: 0.08, value: ..., valueShare: ... }, ...]
 */
export async function segmentWithDuckDb(options: DuckDbSegmentOptions): Promise<DuckDbSegmentResult> {
  if (!existsSync(options.input)) throw new SegmentKitError('E_FILE_NOT_FOUND', `the file "${options.input}" does not exist`, { location: { file: options.input }, hint: 'Check the path of the order-line file.' });
  const outExt = extname(options.out).toLowerCase();
  if (outExt !== '.parquet' && outExt !== '.csv') throw new SegmentKitError('E_ARGUMENT', `--out must end in .parquet or .csv, got "${options.out}"`, { location: { file: options.out }, hint: 'For example --out segments.parquet.' });
  if (options.summary !== undefined && extname(options.summary).toLowerCase() !== '.json') throw new SegmentKitError('E_ARGUMENT', `the summary path must end in .json, got "${options.summary}"`, { location: { file: options.summary }, hint: 'Write the summary as JSON; the CLI turns it into a workbook.' });
  const registry = sqlRegistry();
  const inst = await DuckDBInstance.create(':memory:', { memory_limit: options.memoryLimit ?? '3GB', ...(options.threads ? { threads: String(options.threads) } : {}), preserve_insertion_order: 'false' });
  const con = await inst.connect();
  try {
    const given = { ...((options.recipe as { roles?: RoleMap } | undefined)?.roles ?? {}), ...(options.roles ?? {}) };
    const roles = await detectInputRoles(con, options.input, given);
    const base = options.recipe === undefined ? defaultRecipe(roles, ['rfm', 'value', 'lifecycle'], { registry }) : validateRecipe(options.recipe, registry);
    const d = sqlDialect('duckdb');
    const t0 = performance.now();
    await con.run(`CREATE VIEW sk_input AS SELECT * FROM ${readerSql(options.input)}`);
    // The file is parsed once into flagged lines; the aggregation then reads them twice from memory.
    await con.run(`CREATE TEMP TABLE sk_flagged_lines AS WITH ${customerAggregationSql(d, 'sk_input', roles)} SELECT * FROM sk_flagged`);
    await con.run(`CREATE TEMP TABLE sk_customers AS WITH ${customerAggregationSql(d, 'sk_input', roles, { flaggedTable: 'sk_flagged_lines' })} SELECT * FROM sk_customers`);
    await con.run('DROP TABLE sk_flagged_lines');
    const t1 = performance.now();
    const asOfIso = options.asOf ?? base.asOf;
    const asOf = asOfIso ? dayNumberFromIso(asOfIso) : Number((await rows(con, `SELECT MAX(${d.ident(LAST_LINE_DAY)}) FROM sk_customers`))[0][0]);
    if (Number.isNaN(asOf)) throw new SegmentKitError('E_ARGUMENT', `asOf must be a date as YYYY-MM-DD, got "${asOfIso}"`, { location: { path: 'asOf' }, hint: 'For example --as-of 2026-06-30.' });
    const recipe: Recipe = { ...base, roles, asOf: isoFromDayNumber(asOf), seed: options.seed ?? base.seed };
    const catalog = customerSqlColumns(roles).columns;
    const models: ModelSpec[] = [];
    for (let i = 0; i < recipe.models.length; i++) models.push(await fitModel(con, recipe, i, asOf, catalog, options.kmeansSample ?? DEFAULT_KMEANS_SAMPLE));
    const fitted: Recipe = { ...recipe, models };
    const t2 = performance.now();
    const compiled = compileRecipeToSql(fitted, { dialect: 'duckdb', transactionsTable: 'sk_input', columns: roles, customersTable: 'sk_customers' });
    await con.run(`CREATE TEMP TABLE sk_out AS ${compiled.sql}`);
    const summary = await summarize(con, compiled);
    const t3 = performance.now();
    mkdirSync(dirname(options.out) || '.', { recursive: true });
    await con.run(`COPY sk_out TO ${d.text(options.out)} (${outExt === '.parquet' ? 'FORMAT parquet' : 'FORMAT csv, HEADER true'})`);
    if (options.summary) {
      mkdirSync(dirname(options.summary) || '.', { recursive: true });
      writeFileSync(options.summary, JSON.stringify({ recipe: fitted.name, asOf: fitted.asOf, models: summary }, null, 2));
    }
    const t4 = performance.now();
    return {
      recipe: fitted,
      roles,
      customers: summary[0]?.customerCount ?? 0,
      outputs: compiled.outputs,
      summary,
      timings: { aggregate: (t1 - t0) / 1000, fit: (t2 - t1) / 1000, assign: (t3 - t2) / 1000, write: (t4 - t3) / 1000 },
    };
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}
