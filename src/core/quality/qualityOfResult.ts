import type { CustomerTable } from '../customers/CustomerTable';
import type { ModelResult } from '../models/SegmentModel';
import type { Recipe } from '../recipe/Recipe';
import { findColumn } from '../table/Table';
import { checkSegmentQuality, type SegmentQuality } from './checkSegmentQuality';

/**
 * The segment quality check for one model's result, with the inputs every way in uses: the
 * model's numeric output columns (and profiled features) for differentiability, a preferred
 * channel or support contacts as "reachable", and the fitted recipe's playbook entries.
 *
 * @example
 * const quality = qualityOfResult(customers, results[0], fitted);
 * quality.substantial.ok; // false when a segment is under 2 % or 30 customers
 */
export function qualityOfResult(customers: CustomerTable, result: ModelResult, recipe?: Recipe): SegmentQuality {
  const features: { name: string; values: Float64Array }[] = [];
  for (const c of result.columns) if (c.values instanceof Float64Array) features.push({ name: c.header, values: c.values });
  for (const name of result.profile.featureNames) {
    const col = findColumn(customers.table, name);
    if (col && col.type === 'number' && !features.some((f) => f.name === name)) features.push({ name, values: col.values });
  }
  const n = customers.table.rowCount;
  let reachable: Uint8Array | undefined;
  const channel = customers.roles.channel ? findColumn(customers.table, customers.roles.channel) : undefined;
  const contacts = customers.roles.supportContacts ? findColumn(customers.table, customers.roles.supportContacts) : undefined;
  if (channel || contacts) {
    reachable = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const byChannel = channel && 'codes' in channel ? channel.codes[i] >= 0 : false;
      const byContact = contacts && contacts.type === 'number' ? contacts.values[i] > 0 : false;
      reachable[i] = byChannel || byContact ? 1 : 0;
    }
  }
  const silhouette = typeof result.json.silhouette === 'number' ? result.json.silhouette : undefined;
  const playbook = recipe?.playbook?.[result.modelId];
  return checkSegmentQuality({
    labels: result.labels,
    segmentNames: result.segmentNames,
    features,
    reachable,
    playbookSegments: playbook ? Object.keys(playbook) : undefined,
    silhouette,
  });
}
