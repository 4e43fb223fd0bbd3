import type { CustomerTable } from '../customers/CustomerTable';
import type { ModelResult } from '../models/SegmentModel';
import { findColumn } from '../table/Table';
import type { Assignment } from './compareRuns';

/**
 * A model result's assignment keyed by the customer ids of the table it ran on.
 *
 * @example
 * compareRuns(assignmentOf(lastMonth, oldResult), assignmentOf(thisMonth, newResult));
 */
export function assignmentOf(customers: CustomerTable, result: ModelResult): Assignment {
  const idColumn = findColumn(customers.table, customers.idColumn);
  const n = result.labels.length;
  const ids: string[] = new Array(n);
  const segments: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = idColumn && 'codes' in idColumn ? (idColumn.codes[i] >= 0 ? idColumn.dictionary[idColumn.codes[i]] : `row ${i + 1}`) : `row ${i + 1}`;
    segments[i] = result.labels[i] >= 0 ? result.segmentNames[result.labels[i]] : null;
  }
  return { ids, segments };
}
