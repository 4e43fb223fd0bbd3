import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSample } from '../../src/core/sample/generateSample';
import { writeSample } from '../../src/cli/sample/writeSample';
import type { BenchRow } from './BenchRow';
import { measure } from './peakMemory';

/** The sample generator must scale to a full sheet of customers and ~8 million order lines. */
export default async function (): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sk-bench-sample-'));
  try {
    const rows: BenchRow[] = [];
    for (const customers of [10_000, 1_048_576]) {
      const out = join(dir, `s${customers}.csv`);
      const m = await measure(() => writeSample(generateSample({ customers, seed: 42 }), out));
      const mb = statSync(m.value.files[1]).size / 2 ** 20;
      rows.push({
        area: 'sample',
        case: 'generate + write CSV (customers, orders, tickets)',
        size: `${customers.toLocaleString('en')} customers, ${m.value.orderLines.toLocaleString('en')} order lines`,
        seconds: m.seconds,
        peakMB: m.peakMB,
        note: `orders CSV ${mb.toFixed(0)} MB`,
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
