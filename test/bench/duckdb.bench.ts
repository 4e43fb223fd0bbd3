import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeSample } from '../../src/cli/sample/writeSample';
import { generateSample, MAX_SAMPLE_CUSTOMERS } from '../../src/core/sample/generateSample';
import { segmentWithDuckDb } from '../../src/duckdb/segmentWithDuckDb';
import type { BenchRow } from './BenchRow';
import { measure } from './peakMemory';

/** About 7.4 order lines per generated customer. */
const LINES_PER_CUSTOMER = 7.4;

/**
 * A CSV with about `lines` order lines: one generated sample, plus a second one (ids prefixed
 * with B) when more customers are needed than one sample may hold; trimmed to `lines` in DuckDB.
 */
async function ordersCsv(dir: string, lines: number): Promise<string> {
  const out = join(dir, `orders-${lines}.csv`);
  if (existsSync(out)) return out;
  const customers = Math.ceil(lines / LINES_PER_CUSTOMER);
  const first = Math.min(customers, MAX_SAMPLE_CUSTOMERS);
  const a = await writeSample(generateSample({ customers: first, seed: 1 }), join(dir, `a-${lines}.csv`));
  const parts = [`SELECT * FROM read_csv('${a.files[1]}')`];
  if (customers > first) {
    const b = await writeSample(generateSample({ customers: customers - first + 20_000, seed: 2 }), join(dir, `b-${lines}.csv`));
    parts.push(`SELECT * REPLACE ('B' || customer_id AS customer_id) FROM read_csv('${b.files[1]}')`);
  }
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  await con.run(`COPY (SELECT * FROM (${parts.join(' UNION ALL ')}) LIMIT ${lines}) TO '${out}' (FORMAT csv, HEADER true)`);
  con.closeSync();
  inst.closeSync();
  return out;
}

export default async function duckdbBench(): Promise<BenchRow[]> {
  const dir = process.env.SK_BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'sk-duckdb-bench-'));
  mkdirSync(dir, { recursive: true });
  const rows: BenchRow[] = [];
  try {
    for (const lines of [1_000_000, 3_000_000, 10_000_000]) {
      const csv = await ordersCsv(dir, lines);
      const recipe = {
        version: 1,
        name: 'bench',
        seed: 1,
        roles: {},
        models: [
          { id: 'rfm', kind: 'rfm', settings: {} },
          { id: 'value', kind: 'value', settings: {} },
          { id: 'lifecycle', kind: 'lifecycle', settings: {} },
          { id: 'km', kind: 'kmeans', settings: { k: '5', nInit: 3 } },
        ],
      };
      const run = await measure(() => segmentWithDuckDb({ input: csv, recipe, out: join(dir, 'segments.parquet'), summary: join(dir, 'summary.json') }));
      const t = run.value.timings;
      rows.push({
        area: 'duckdb',
        case: 'segment CSV end to end (RFM, value, lifecycle, k-means k=5) with DuckDB',
        size: `${lines.toLocaleString('en')} lines, ${run.value.customers.toLocaleString('en')} customers, ${(statSync(csv).size / 2 ** 20).toFixed(0)} MB CSV`,
        seconds: run.seconds,
        targetSeconds: lines === 10_000_000 ? 30 : undefined,
        peakMB: Math.round(run.peakMB),
        note: `aggregate ${t.aggregate.toFixed(1)} s, fit ${t.fit.toFixed(1)} s, assign ${t.assign.toFixed(1)} s, write ${t.write.toFixed(1)} s; peak RSS target 4096 MB`,
      });
    }
  } finally {
    if (!process.env.SK_BENCH_DIR) rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
