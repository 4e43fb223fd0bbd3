import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeSample } from '../../src/cli/sample/writeSample';
import { aggregateTransactions } from '../../src/core/customers/aggregateTransactions';
import type { CustomerTable } from '../../src/core/customers/CustomerTable';
import { applyRecipe, runRecipe } from '../../src/core/recipe/runRecipe';
import type { Recipe } from '../../src/core/recipe/Recipe';
import { generateSample } from '../../src/core/sample/generateSample';
import type { CodedColumn } from '../../src/core/table/Table';
import { segmentWithDuckDb, type DuckDbSegmentResult } from '../../src/duckdb/segmentWithDuckDb';
import { readTableFile } from '../../src/io/readTableFile';

const roles = { customerId: 'customer_id', date: 'order_date', amount: 'amount', orderId: 'invoice_id', quantity: 'quantity', product: 'product' };
const recipe = {
  version: 1,
  name: 'parity',
  roles,
  seed: 3,
  models: [
    { id: 'rfm', kind: 'rfm', settings: {} },
    { id: 'value', kind: 'value', settings: {} },
    { id: 'lifecycle', kind: 'lifecycle', settings: {} },
    { id: 'rules', kind: 'rules', settings: { rules: [{ name: 'Big', when: 'revenue >= 1000 and orders != 3' }, { name: 'Early', when: 'first_purchase < 2024-06-01 or items is missing' }] } },
    { id: 'km', kind: 'kmeans', settings: { k: '4', nInit: 2 } },
  ],
};

let dir: string;
let orders: string;
let customers: CustomerTable;
let inProcess: Recipe;
let duck: DuckDbSegmentResult;
let rows: Map<string, Record<string, unknown>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sk-duckdb-'));
  const written = await writeSample(generateSample({ customers: 2500, seed: 11 }), join(dir, 'sample.csv'));
  orders = written.files[1];
  customers = aggregateTransactions((await readTableFile(orders)).table, roles);
  inProcess = runRecipe(customers, recipe).fitted;
  duck = await segmentWithDuckDb({ input: orders, recipe, out: join(dir, 'out.parquet'), summary: join(dir, 'summary.json') });
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  const got = (await con.runAndReadAll(`SELECT * FROM read_parquet('${join(dir, 'out.parquet')}')`)).getRowObjectsJS();
  rows = new Map(got.map((r) => [r.customer_id as string, r as Record<string, unknown>]));
  con.closeSync();
  inst.closeSync();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function idOf(i: number): string {
  const c = customers.table.columns[0] as CodedColumn;
  return c.dictionary[c.codes[i]];
}

describe('segmentWithDuckDb on the same generated data as the in-process engine', () => {
  it('detects the transaction roles from the CSV header and finds every customer', () => {
    expect(duck.roles).toEqual({ ...roles, unitPrice: 'unit_price' });
    expect(rows.size).toBe(customers.table.rowCount);
    expect(duck.recipe.asOf).toBe(inProcess.asOf);
  });

  it.each(['rfm', 'value', 'lifecycle', 'rules'])('fits %s to exactly the same parameters (cut points, tier boundaries, spend-rate cut)', (id) => {
    expect(duck.recipe.models.find((m) => m.id === id)!.fitted).toEqual(inProcess.models.find((m) => m.id === id)!.fitted);
  });

  it('gives every customer the same segment as applyRecipe with the DuckDB-fitted recipe (k-means: same centroids)', () => {
    const results = applyRecipe(customers, duck.recipe);
    for (const res of results) {
      const diffs: string[] = [];
      for (let i = 0; i < customers.table.rowCount; i++) {
        const want = res.labels[i] < 0 ? null : res.segmentNames[res.labels[i]];
        if (rows.get(idOf(i))![`${res.modelId}_segment`] !== want) diffs.push(idOf(i));
      }
      expect({ model: res.modelId, diffs }).toEqual({ model: res.modelId, diffs: [] });
      const summary = duck.summary.find((s) => s.modelId === res.modelId)!;
      expect(summary.segments.map((s) => s.size)).toEqual(res.profile.segments.map((s) => s.size));
      summary.segments.forEach((s, j) => {
        expect(s.value).toBeCloseTo(res.profile.segments[j].value, 6);
        expect(s.valueShare).toBeCloseTo(res.profile.segments[j].valueShare, 12);
      });
      expect(summary.unassigned).toBe(res.profile.unassigned);
    }
  });

  it('reproduces RFM scores and the numeric per-customer columns', () => {
    const rfm = applyRecipe(customers, duck.recipe)[0];
    const score = rfm.columns.find((c) => c.header.endsWith('RFM score'))!.values as Float64Array;
    for (let i = 0; i < customers.table.rowCount; i++) {
      const got = rows.get(idOf(i))!.rfm_score;
      expect(got === null ? NaN : got).toEqual(score[i]);
    }
  });

  it('writes the summary JSON with sizes that add up to the customers', () => {
    const json = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(json.asOf).toBe(inProcess.asOf);
    const value = json.models.find((m: { modelId: string }) => m.modelId === 'value');
    expect(value.segments.reduce((a: number, s: { size: number }) => a + s.size, 0) + value.unassigned).toBe(customers.table.rowCount);
  });
});

describe('segmentWithDuckDb input errors', () => {
  it('refuses a missing file with E_FILE_NOT_FOUND', async () => {
    await expect(segmentWithDuckDb({ input: join(dir, 'nope.csv'), out: join(dir, 'x.parquet') })).rejects.toMatchObject({ code: 'E_FILE_NOT_FOUND', detail: `the file "${join(dir, 'nope.csv')}" does not exist` });
  });
  it('refuses an output that is neither Parquet nor CSV with E_ARGUMENT', async () => {
    await expect(segmentWithDuckDb({ input: orders, out: join(dir, 'x.xlsx') })).rejects.toMatchObject({ code: 'E_ARGUMENT', detail: `--out must end in .parquet or .csv, got "${join(dir, 'x.xlsx')}"` });
  });
  it('refuses a summary path that is not JSON with E_ARGUMENT', async () => {
    await expect(segmentWithDuckDb({ input: orders, out: join(dir, 'x.csv'), summary: join(dir, 's.xlsx') })).rejects.toMatchObject({ code: 'E_ARGUMENT', detail: `the summary path must end in .json, got "${join(dir, 's.xlsx')}"` });
  });
});
