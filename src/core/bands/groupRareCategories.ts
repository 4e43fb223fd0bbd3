import { SegmentKitError } from '../errors/SegmentKitError';
import type { GroupedResult } from './BandResult';

export interface RareOptions {
  /** Values with a smaller share of the non-missing rows go into the other label (default 0.02). */
  minShare?: number;
  otherLabel?: string;
}

/**
 * Groups rare values of a dictionary-encoded column into "Other" and reports which values and
 * how many rows. Kept values stay in dictionary order; "Other" comes last. Values no row uses
 * are dropped from the labels.
 *
 * @example
 * const os = groupRareCategories(codes, ['iOS', 'Android', 'KaiOS'], { minShare: 0.02 });
 * os.grouped; // { values: ['KaiOS'], rows: 12 }
 */
export function groupRareCategories(codes: Int32Array, dictionary: string[], options: RareOptions = {}): GroupedResult {
  const minShare = options.minShare ?? 0.02;
  const otherLabel = options.otherLabel ?? 'Other';
  if (!(minShare >= 0 && minShare < 1)) {
    throw new SegmentKitError('E_RARE_SHARE', `minShare must be at least 0 and below 1, not ${minShare}`, { location: { path: 'minShare' }, hint: 'Use a share such as 0.02 (2 %).' });
  }
  const counts = new Float64Array(dictionary.length);
  let missing = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0) missing++;
    else if (c >= dictionary.length) {
      throw new SegmentKitError('E_CODE_RANGE', `Code ${c} has no entry in the dictionary of ${dictionary.length} values`, { location: { row: i + 2 }, hint: 'Pass the codes together with their own dictionary.' });
    } else counts[c]++;
  }
  const present = codes.length - missing;
  const map = new Int32Array(dictionary.length).fill(-1);
  const labels: string[] = [];
  const rare: number[] = [];
  let rareRows = 0;
  for (let v = 0; v < dictionary.length; v++) {
    if (counts[v] === 0) continue;
    if (counts[v] / present < minShare) {
      rare.push(v);
      rareRows += counts[v];
    } else {
      map[v] = labels.length;
      labels.push(dictionary[v]);
    }
  }
  if (rare.length > 0) {
    const other = labels.length;
    labels.push(otherLabel);
    for (const v of rare) map[v] = other;
  }
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] < 0 ? -1 : map[codes[i]];
  rare.sort((a, b) => counts[b] - counts[a]);
  return { codes: out, labels, missing, outOfRange: 0, grouped: { values: rare.map((v) => dictionary[v]), rows: rareRows } };
}
