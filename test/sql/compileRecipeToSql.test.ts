import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Parser } from 'node-sql-parser';
import { aggregateTransactions } from '../../src/core/customers/aggregateTransactions';
import { runRecipe } from '../../src/core/recipe/runRecipe';
import type { Recipe } from '../../src/core/recipe/Recipe';
import { encodeStrings, type Table } from '../../src/core/table/Table';
import { compileRecipeToSql } from '../../src/sql/compileRecipeToSql';
import { sqlDialect } from '../../src/sql/SqlDialect';

// Column names and texts an attacker might choose: quotes, backticks, backslashes, comments.
const ID = 'cust"; DROP TABLE t; --';
const DATE = "day`s 'date'";
const AMOUNT = 'amount\\';
const roles = { customerId: ID, date: DATE, amount: AMOUNT, orderId: 'order' };
const EVIL = "x' OR 1=1; --\\";

const lines: [string, number, number, string][] = [
  ['a', 19800, 10, 'o1'], ['a', 19830, 25.5, 'o2'], ['a', 19831, -5, 'C9'],
  ['b', 19700, 300, 'o3'], ['b', 19790, 120, 'o4'], ['b', 19795, 80, 'o5'],
  [EVIL, 19600, 40, 'o6'], ['d', 19835, 5, 'c7'], ['e', 19810, 60, 'o8'], ['e', 19811, 60, 'o9'],
];

function table(): Table {
  return {
    rowCount: lines.length,
    columns: [
      encodeStrings(ID, lines.map((l) => l[0]), 'id'),
      { name: DATE, type: 'date', values: Float64Array.from(lines, (l) => l[1]) },
      { name: AMOUNT, type: 'number', values: Float64Array.from(lines, (l) => l[2]) },
      encodeStrings('order', lines.map((l) => l[3]), 'id'),
    ],
  };
}

const recipe = {
  version: 1,
  name: 'sql',
  roles,
  seed: 1,
  models: [
    { id: 'rfm', kind: 'rfm', settings: { scale: 3 } },
    { id: 'value', kind: 'value', settings: {} },
    { id: 'lifecycle', kind: 'lifecycle', settings: {} },
    { id: 'rules', kind: 'rules', settings: { rules: [{ name: "O'Brien \"VIP\"", when: `customer_id = "${EVIL.replace(/\\/g, '\\\\')}" or revenue > 400` }, { name: 'Lapsed-ish', when: 'not (last_purchase >= 2024-03-01)' }] } },
    { id: 'km', kind: 'kmeans', settings: { k: '2', nInit: 2 } },
  ],
};

let fitted: Recipe;
let inst: DuckDBInstance;
let con: DuckDBConnection;
const customers = aggregateTransactions(table(), roles);

beforeAll(async () => {
  fitted = runRecipe(customers, recipe).fitted;
  inst = await DuckDBInstance.create(':memory:');
  con = await inst.connect();
  const q = sqlDialect('duckdb');
  await con.run(`CREATE TABLE ${q.ident('my orders')} (${q.ident(ID)} VARCHAR, ${q.ident(DATE)} DATE, ${q.ident(AMOUNT)} DOUBLE, "order" VARCHAR)`);
  for (const [id, day, amount, order] of lines) {
    await con.run(`INSERT INTO ${q.ident('my orders')} VALUES (${q.text(id)}, DATE '1970-01-01' + ${day}, ${amount}, ${q.text(order)})`);
  }
});

afterAll(() => {
  con.closeSync();
  inst.closeSync();
});

describe('compileRecipeToSql', () => {
  it('runs on DuckDB and gives each customer the in-process segments, with hostile names quoted', async () => {
    const { sql, segments } = compileRecipeToSql(fitted, { dialect: 'duckdb', transactionsTable: 'my orders', columns: roles });
    const got = (await con.runAndReadAll(sql)).getRowObjectsJS();
    const results = runRecipe(customers, recipe).results;
    const ids = customers.table.columns[0] as { codes: Int32Array; dictionary: string[] };
    expect(got).toHaveLength(5);
    for (const s of segments) {
      const res = results.find((r) => r.modelId === s.modelId)!;
      const want = Object.fromEntries(Array.from(res.labels, (l, i) => [ids.dictionary[ids.codes[i]], l < 0 ? null : res.segmentNames[l]]));
      expect(Object.fromEntries(got.map((r) => [r.customer_id, r[s.column]]))).toEqual(want);
    }
    const evil = got.find((r) => r.customer_id === EVIL)!;
    expect(evil.rules_segment).toBe("O'Brien \"VIP\"");
    // The table still exists: nothing in a name or literal was executed.
    expect((await con.runAndReadAll('SELECT COUNT(*) FROM "my orders"')).getRows()[0][0]).toBe(BigInt(lines.length));
  });

  it('counts C/c-prefixed orders and negative amounts as returns, never as orders', async () => {
    const { sql } = compileRecipeToSql(fitted, { dialect: 'duckdb', transactionsTable: 'my orders', columns: roles });
    const agg = (await con.runAndReadAll(sql.replace(/SELECT "customer_id", [^\n]*\nFROM sk_stage\d+$/, 'SELECT * FROM sk_customers ORDER BY customer_id'))).getRowObjectsJS();
    const a = agg.find((r) => r.customer_id === 'a')!;
    expect([a.orders, a.revenue, a.returns, a.first_purchase_value]).toEqual([2, 35.5, 5, 10]);
    const d = agg.find((r) => r.customer_id === 'd')!;
    expect([d.orders, d.revenue, d.returns, d.first_purchase]).toEqual([0, 0, 5, null]);
  });

  it('writes Spark SQL that the SparkSQL grammar accepts', () => {
    const statements = [compileRecipeToSql(fitted, { dialect: 'spark', transactionsTable: 'my orders', columns: roles }).sql];
    const out = execFileSync(join(__dirname, '../../node_modules/.bin/tsx'), [join(__dirname, 'sparkSyntaxErrors.ts')], { input: JSON.stringify(statements) }).toString();
    expect(JSON.parse(out)).toEqual([[]]);
  });

  it('writes BigQuery SQL that node-sql-parser accepts, with backtick names and escaped texts', () => {
    const bqRoles = { ...roles, date: "day's date", amount: 'amount €' };
    const { sql } = compileRecipeToSql({ ...fitted, roles: bqRoles }, { dialect: 'bigquery', transactionsTable: 'my orders', columns: bqRoles });
    expect(() => new Parser().astify(sql, { database: 'bigquery' })).not.toThrow();
    expect(sql).toContain('`cust"; DROP TABLE t; --`');
    expect(sql).toContain("'O\\'Brien \"VIP\"'");
  });

  it('refuses a name BigQuery cannot hold with E_SQL_NAME', () => {
    expect(() => compileRecipeToSql(fitted, { dialect: 'bigquery', transactionsTable: 'my orders', columns: roles })).toThrow(expect.objectContaining({ code: 'E_SQL_NAME', detail: `the name "${DATE}" cannot be a BigQuery column or table name` }));
  });

  it('quotes identifiers and texts per dialect', () => {
    expect(sqlDialect('duckdb').ident('a"b')).toBe('"a""b"');
    expect(sqlDialect('spark').ident('a`b')).toBe('`a``b`');
    expect(sqlDialect('bigquery').ident('a "b"')).toBe('`a "b"`');
    expect(sqlDialect('ansi').text("it's")).toBe("'it''s'");
    expect(sqlDialect('spark').text("it's \\")).toBe("'it\\'s \\\\'");
    expect(sqlDialect('duckdb').number(0.1)).toBe('1e-1');
    expect(sqlDialect('duckdb').number(-2.5)).toBe('(-2.5e+0)');
  });

  it.each([
    ['an unknown dialect', () => compileRecipeToSql(fitted, { dialect: 'oracle' as never, transactionsTable: 't', columns: roles }), 'E_SQL_DIALECT', 'there is no SQL dialect "oracle"'],
    ['an unfitted recipe', () => compileRecipeToSql(recipe, { dialect: 'duckdb', transactionsTable: 't', columns: roles }), 'E_RECIPE_NOT_FITTED', 'model "rfm" has no fitted parameters'],
    ['a model without SQL export', () => compileRecipeToSql({ ...fitted, playbook: {}, models: [{ id: 'b', kind: 'behavior', settings: {}, fitted: {} }] }, { dialect: 'duckdb', transactionsTable: 't', columns: roles }), 'E_SQL_UNSUPPORTED', 'model "b" of kind "behavior" has no SQL export'],
    ['no amount role', () => compileRecipeToSql(fitted, { dialect: 'duckdb', transactionsTable: 't', columns: { customerId: ID, date: DATE } }), 'E_COLUMN_MISSING', 'No amount column was given, and no quantity and unit price to compute one'],
    ['a rule on an unknown column', () => compileRecipeToSql({ ...fitted, playbook: {}, models: [{ id: 'r', kind: 'rules', settings: { rules: [{ name: 'x', when: 'revenu > 1' }] }, fitted: { rules: [{ name: 'x', when: 'revenu > 1' }] } }] }, { dialect: 'duckdb', transactionsTable: 't', columns: roles }), 'E_RULE_UNKNOWN_COLUMN', 'there is no column "revenu"'],
    ['Pareto/NBD P(alive)', () => compileRecipeToSql(fitted, { dialect: 'duckdb', transactionsTable: 't', columns: roles, clv: { model: 'paretonbd', params: { r: 1, alpha: 1, s: 1, beta: 1 }, version: 1, timeUnit: 'week', logLikelihood: 0, converged: true, iterations: 1, gradientNorm: 0 } }), 'E_SQL_UNSUPPORTED', 'Pareto/NBD P(alive) needs the hypergeometric function 2F1, which SQL engines do not have'],
  ])('refuses %s', (_, run, code, detail) => {
    expect(run).toThrow(expect.objectContaining({ code, detail }));
  });
});
