import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { generateSample } from '../../src/core/sample/generateSample';
import { writeSample } from '../../src/cli/sample/writeSample';
import { readTableFile } from '../../src/io/readTableFile';
import { runCli } from './runCli';

let dir: string;
let files: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sk-segment-'));
  files = (await writeSample(generateSample({ customers: 1500, seed: 3 }), join(dir, 'shop.csv'))).files;
});

describe('segmentkit segment', () => {
  it('prints the JSON contract with segments, cut points, k-means fields and quality', async () => {
    const r = await runCli('segment', files[1], files[0], files[2], '--models', 'rfm,value,lifecycle,kmeans', '--k', 'auto', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.customers).toBe(1500);
    expect(Object.keys(json.models)).toEqual(['rfm', 'value', 'lifecycle', 'kmeans']);
    for (const m of Object.values(json.models) as { segments: { size: number; share: number; valueShare: number }[]; quality: Record<string, { ok: boolean }> }[]) {
      const assigned = m.segments.reduce((s, x) => s + x.size, 0);
      expect(assigned).toBeLessThanOrEqual(1500);
      expect(m.segments.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 5);
      expect(Object.keys(m.quality)).toEqual(['measurable', 'substantial', 'differentiable', 'accessible', 'actionable']);
    }
    expect(Object.keys(json.models.rfm.cutpoints)).toEqual(['recency', 'frequency', 'monetary']);
    expect(json.models.kmeans.k).toBeGreaterThanOrEqual(2);
    expect(json.models.kmeans.features).toEqual(['recency', 'frequency', 'monetary']);
    expect(json.models.kmeans.candidates.length).toBe(7);
    expect(typeof json.models.kmeans.inertia).toBe('number');
    expect(json.warnings.every((w: Record<string, unknown>) => typeof w.code === 'string' && typeof w.message === 'string' && typeof w.count === 'number')).toBe(true);
  });

  it('writes a per-customer CSV and a fitted recipe that re-applies to the same segments', async () => {
    const out = join(dir, 'seg.csv');
    const recipe = join(dir, 'recipe.json');
    const first = await runCli('segment', files[1], '--out', out, '--save-recipe', recipe, '--json');
    expect(first.code).toBe(0);
    const parsed = await readTableFile(out);
    expect(parsed.table.rowCount).toBe(1500);
    const headers = parsed.table.columns.map((c) => c.name);
    expect(headers[0]).toBe('customer_id');
    expect(headers).toEqual(expect.arrayContaining(['SK · RFM segment', 'SK · Value segment', 'SK · Lifecycle segment']));
    const fitted = JSON.parse(readFileSync(recipe, 'utf8'));
    expect(fitted.models.every((m: { fitted?: unknown }) => m.fitted)).toBe(true);
    const again = await runCli('segment', files[1], '--recipe', recipe, '--json');
    expect(JSON.parse(again.stdout).models).toEqual(JSON.parse(first.stdout).models);
  });

  it('is deterministic: same data and seed give byte-identical JSON', async () => {
    const a = await runCli('segment', files[1], '--models', 'kmeans', '--k', '3', '--seed', '9', '--json');
    const b = await runCli('segment', files[1], '--models', 'kmeans', '--k', '3', '--seed', '9', '--json');
    expect(a.stdout).toBe(b.stdout);
  });

  it('refuses an unknown model and a bad date with exit 2 and one line', async () => {
    const bad = await runCli('segment', files[1], '--models', 'rfm,magic');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('segmentkit: --models lists "magic", which is not a model. Use some of: rfm, value, lifecycle, behavior, rules, kmeans, demographic, technographic, clv, or all.\n');
    const date = await runCli('segment', files[1], '--as-of', '30.06.2026');
    expect(date.code).toBe(2);
    expect(date.stderr).toBe('segmentkit: --as-of must be a date as YYYY-MM-DD, got "30.06.2026". Pass for example --as-of 2026-06-30.\n');
  });

  it('never writes over an input file, however the path is spelled, and says so before any work', async () => {
    const respelled = join(dirname(files[1]), '.', basename(files[1]));
    for (const option of ['--out', '--save-recipe']) {
      const r = await runCli('segment', files[1], option, respelled);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`segmentkit: ${respelled}: ${option} names an input file. Write results to a new file; SegmentKit never overwrites your data.\n`);
    }
    const clv = await runCli('clv', files[1], '--out', respelled);
    expect(clv.code).toBe(2);
    expect(clv.stderr).toBe(`segmentkit: ${respelled}: --out names an input file. Write results to a new file; SegmentKit never overwrites your data.\n`);
  });
});

describe('segmentkit segment workbook output', () => {
  it('keeps the input sheets unchanged, adds SK sheets, and a rerun on its own output replaces them', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const dir2 = mkdtempSync(join(tmpdir(), 'sk-xlsx-'));
    const input = join(dir2, 'shop.xlsx');
    await writeSample(generateSample({ customers: 300, seed: 8 }), input);
    const first = join(dir2, 'first.xlsx');
    expect((await runCli('segment', input, '--models', 'rfm,value', '--out', first)).code).toBe(0);
    const sheetsOf = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return wb;
    };
    const a = await sheetsOf(input);
    const b = await sheetsOf(first);
    expect(b.worksheets.map((w) => w.name)).toEqual(['Customers', 'Orders', 'Tickets', 'SK Customers', 'SK rfm', 'SK value', 'SK Quality']);
    for (const name of ['Customers', 'Orders', 'Tickets']) {
      const before = a.getWorksheet(name)!.getSheetValues();
      expect(JSON.stringify(b.getWorksheet(name)!.getSheetValues())).toBe(JSON.stringify(before));
    }
    const second = join(dir2, 'second.xlsx');
    expect((await runCli('segment', first, '--models', 'rfm', '--out', second)).code).toBe(0);
    expect((await sheetsOf(second)).worksheets.map((w) => w.name)).toEqual(['Customers', 'Orders', 'Tickets', 'SK Customers', 'SK rfm', 'SK Quality']);
  }, 60_000);
});

describe('segmentkit segment --out FILE.xlsx past Excel\'s sheet size', () => {
  it('leaves a CSV longer than a sheet out of the workbook, says so, and writes the results', async () => {
    // 1,048,576 order lines: one more than a sheet holds below its header.
    const lines = ['customer_id,order_date,amount'];
    for (let i = 0; i < 1_048_576; i++) lines.push(`C${i % 500},2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${5 + (i % 40)}`);
    const csv = join(dir, 'long-orders.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const out = join(dir, 'long.xlsx');
    const r = await runCli('segment', csv, '--models', 'rfm', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`segmentkit: warning: long-orders.csv has 1,048,576 rows, more than an Excel sheet holds, so ${out} does not copy it; long-orders.csv is unchanged.\n`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['SK Customers', 'SK rfm', 'SK Quality']);
    expect(wb.getWorksheet('SK Customers')!.rowCount).toBe(501);
  }, 120_000);
});
