import { extname } from 'node:path';
import { assignmentOf } from '../../core/migration/assignmentOf';
import { compareRuns, type MigrationReport } from '../../core/migration/compareRuns';
import { SK_PREFIX } from '../../core/results/Outputs';
import { cellValue, findColumn } from '../../core/table/Table';
import { readTableFile } from '../../io/readTableFile';
import type { Segmentation } from './segmentFiles';

/**
 * Migration since a previous run: reads the previous output (its SK Customers sheet or CSV),
 * and for every model whose segment column is in both, who moved from which segment to which.
 */
export async function compareWithPrevious(s: Segmentation, previous: string): Promise<Record<string, MigrationReport>> {
  const parsed = await readTableFile(previous, extname(previous).toLowerCase() === '.xlsx' ? { sheet: 'SK Customers' } : {});
  const ids = findColumn(parsed.table, 'customer_id');
  const out: Record<string, MigrationReport> = {};
  if (!ids) return out;
  const n = parsed.table.rowCount;
  const idValues = Array.from({ length: n }, (_, i) => String(cellValue(ids, i) ?? ''));
  for (const r of s.results) {
    const header = r.columns[0]?.header;
    if (!header?.startsWith(SK_PREFIX)) continue;
    const old = findColumn(parsed.table, header);
    if (!old) continue;
    const before = { ids: idValues, segments: Array.from({ length: n }, (_, i) => {
      const v = cellValue(old, i);
      return v === null ? null : String(v);
    }) };
    out[r.modelId] = compareRuns(before, assignmentOf(s.customers, r));
  }
  return out;
}
