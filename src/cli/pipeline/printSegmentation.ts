import type { MigrationReport } from '../../core/migration/compareRuns';
import type { Segmentation } from './segmentFiles';

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/** The human summary: per model its segments (size, share, value share) and quality verdicts. */
export function printSegmentation(s: Segmentation, migration: Record<string, MigrationReport> | undefined, write: (t: string) => void): void {
  write(`${s.customers.table.rowCount.toLocaleString('en')} customers from ${s.rows.toLocaleString('en')} rows (${s.sheetNames.join(', ')}), as of ${s.recipe.asOf}\n`);
  for (const w of s.customers.skipped) write(`  note: ${w.count} ${w.message}${w.examples.length ? ` (e.g. ${w.examples.slice(0, 3).join(', ')})` : ''}\n`);
  for (const m of s.skippedModels) write(`  note: ${m.kind} not run: ${m.why}\n`);
  s.results.forEach((r, i) => {
    write(`\n${r.modelId} (${r.kind})\n`);
    const width = Math.max(8, ...r.profile.segments.map((x) => x.name.length));
    write(`  ${'segment'.padEnd(width)}  ${'customers'.padStart(9)}  ${'share'.padStart(7)}  ${'value share'.padStart(11)}\n`);
    for (const seg of r.profile.segments) {
      write(`  ${seg.name.padEnd(width)}  ${seg.size.toLocaleString('en').padStart(9)}  ${pct(seg.share).padStart(7)}  ${pct(seg.valueShare).padStart(11)}\n`);
    }
    if (r.profile.unassigned) write(`  (${r.profile.unassigned} customers without a segment)\n`);
    const q = s.quality[i];
    write(`  quality: ${(['measurable', 'substantial', 'differentiable', 'accessible', 'actionable'] as const).map((k) => `${q[k].ok ? '✓' : '✗'} ${k}`).join('  ')}\n`);
    for (const w of r.warnings) write(`  note: ${w.message}\n`);
    const mig = migration?.[r.modelId];
    if (mig) write(`  since the previous run: ${mig.counts.moved} moved, ${mig.counts.unchanged} unchanged, ${mig.counts.new} new, ${mig.counts.lost} lost\n`);
  });
}
