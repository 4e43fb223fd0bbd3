import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateSample } from '../../src/core/sample/generateSample';
import { writeSample } from '../../src/cli/sample/writeSample';
import { runCli } from './runCli';

describe('segmentkit sql and --engine duckdb', () => {
  let dir: string;
  let orders: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sk-sql-'));
    orders = (await writeSample(generateSample({ customers: 800, seed: 5 }), join(dir, 'shop.csv'))).files[1];
  });

  it('prints SQL for a fitted recipe that DuckDB runs to the CLI engine\'s RFM segments', async () => {
    const recipe = join(dir, 'recipe.json');
    const seg = await runCli('segment', orders, '--models', 'rfm', '--save-recipe', recipe, '--json');
    expect(seg.code).toBe(0);
    const sizes = JSON.parse(seg.stdout).models.rfm.segments.filter((s: { size: number }) => s.size > 0).map((s: { name: string; size: number }) => [s.name, s.size]);
    const r = await runCli('sql', '--recipe', recipe, '--dialect', 'duckdb', '--table', 'orders');
    expect(r.code).toBe(0);
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    await con.run(`CREATE TABLE orders AS SELECT * FROM read_csv_auto('${orders}')`);
    const rows = (await (await con.runAndReadAll(`SELECT rfm_segment, COUNT(*)::INTEGER FROM (${r.stdout.trim().replace(/;\s*$/, '')}) GROUP BY 1`)).getRows()) as [string, number][];
    expect(new Map(rows)).toEqual(new Map(sizes));
  });

  it('segments with --engine duckdb and writes the summary workbook', async () => {
    const out = join(dir, 'seg.csv');
    const r = await runCli('segment', orders, '--engine', 'duckdb', '--out', out, '--summary', join(dir, 'summary.xlsx'), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.engine).toBe('duckdb');
    expect(j.customers).toBe(readFileSync(out, 'utf8').trim().split('\n').length - 1);
    expect(Object.keys(j.models)).toEqual(['rfm', 'value', 'lifecycle']);
  });

  it('names a wrong dialect and a missing --out', async () => {
    const bad = await runCli('sql', '--recipe', 'x.json', '--dialect', 'oracle');
    expect(bad.stderr).toBe('segmentkit: --dialect must be one of duckdb, spark, bigquery, ansi, got "oracle".\n');
    const noOut = await runCli('segment', orders, '--engine', 'duckdb');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toBe('segmentkit: --engine duckdb needs --out FILE.parquet or FILE.csv for the assignments. For example --out out/segments.parquet.\n');
  });
});
