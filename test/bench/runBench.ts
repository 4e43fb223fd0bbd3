/**
 * `npm run bench`: runs every `test/bench/*.bench.ts` (or those named on the command line,
 * e.g. `npm run bench -- ingest kmeans`), prints one table and writes bench/results.json with
 * the machine description. Targets live here, never in unit tests.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import type { BenchModule, BenchRow } from './BenchRow';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const dir = __dirname;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.includes(f.replace('.bench.ts', '')))
    .sort();
  const rows: BenchRow[] = [];
  for (const f of files) {
    process.stderr.write(`bench: ${f} …\n`);
    const mod = (await import(join(dir, f))) as { default: BenchModule };
    const started = Date.now();
    const got = await mod.default();
    rows.push(...got);
    process.stderr.write(`bench: ${f} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    for (const r of got) process.stderr.write(`  ${formatRow(r)}\n`);
  }
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    platform: `${platform()} ${release()}`,
    node: process.version,
  };
  process.stdout.write(renderTable(rows) + '\n');
  const out = join(dir, '..', '..', 'bench', 'results.json');
  mkdirSync(join(dir, '..', '..', 'bench'), { recursive: true });
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine, rows: mergeRows(out, files, rows) }, null, 2) + '\n');
  process.stdout.write(`\nMachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, ${machine.platform}, Node ${machine.node}\nWritten to bench/results.json\n`);
}

/**
 * A run of some areas replaces those areas' rows and keeps the others' from the last run, so
 * `npm run bench -- kmeans` does not wipe the table; rows stay ordered by area.
 */
function mergeRows(file: string, ran: string[], rows: BenchRow[]): BenchRow[] {
  const areasRun = new Set([...ran.map((f) => f.replace('.bench.ts', '')), ...rows.map((r) => r.area)]);
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { rows: BenchRow[] }).rows.filter((r) => !areasRun.has(r.area)) : [];
  return [...kept, ...rows].sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : 0));
}

function formatRow(r: BenchRow): string {
  return `${r.area} | ${r.case} | ${r.size} | ${r.seconds.toFixed(3)} s${r.targetSeconds ? ` (target ${r.targetSeconds} s)` : ''}${r.peakMB ? ` | ${Math.round(r.peakMB)} MB` : ''}`;
}

/** A Markdown table, so the same text goes into README.md. */
export function renderTable(rows: BenchRow[]): string {
  const head = '| area | case | size | seconds | target | peak MB | note |\n|---|---|---|---:|---:|---:|---|';
  const body = rows.map((r) => {
    const over = r.targetSeconds !== undefined && r.seconds > r.targetSeconds ? ' ⚠ over target' : '';
    return `| ${r.area} | ${r.case} | ${r.size} | ${r.seconds.toFixed(3)} | ${r.targetSeconds ?? ''} | ${r.peakMB ? Math.round(r.peakMB) : ''} | ${(r.note ?? '') + over} |`;
  });
  return [head, ...body].join('\n');
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
