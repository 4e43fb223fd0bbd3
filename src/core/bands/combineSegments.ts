import { SegmentKitError } from '../errors/SegmentKitError';
import type { GroupedResult } from './BandResult';
import { groupRareCategories } from './groupRareCategories';

export interface SegmentPart {
  name: string;
  codes: Int32Array;
  labels: string[];
}

export interface CombineOptions {
  separator?: string;
  /** Combinations with a smaller share go into the other label (default 0.02; 0 keeps all). */
  minShare?: number;
  otherLabel?: string;
}

/**
 * Combines banded or categorical columns into one segment code ("25–34 · DE · iOS"), then
 * groups rare combinations into "Other". A row missing any part is missing in the result.
 * Labels come in the order of the parts' own labels (first part slowest).
 *
 * @example
 * const seg = combineSegments([age, country, os]);
 * seg.labels[seg.codes[0]]; // '25–34 · DE · iOS'
 */
export function combineSegments(parts: SegmentPart[], options: CombineOptions = {}): GroupedResult {
  if (parts.length === 0) {
    throw new SegmentKitError('E_COMBINE_EMPTY', 'No columns were given to combine', { hint: 'Pass at least one banded or category column.' });
  }
  const n = parts[0].codes.length;
  let radix = 1;
  for (const p of parts) {
    if (p.codes.length !== n) {
      throw new SegmentKitError('E_COMBINE_LENGTH', `The column has ${p.codes.length} rows but "${parts[0].name}" has ${n}`, { location: { column: p.name }, hint: 'Combine columns of one table.' });
    }
    radix *= Math.max(1, p.labels.length);
  }
  if (radix > Number.MAX_SAFE_INTEGER) {
    throw new SegmentKitError('E_COMBINE_TOO_MANY', 'The columns have too many possible combinations to combine', { hint: 'Group rare values first or combine fewer columns.' });
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (const p of parts) {
      const c = p.codes[i];
      if (c < 0) {
        key = -1;
        break;
      }
      key = key * p.labels.length + c;
    }
    keys[i] = key;
  }
  const distinct = [...new Set(keys)].filter((k) => k >= 0).sort((a, b) => a - b);
  const index = new Map(distinct.map((k, i) => [k, i]));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = keys[i] < 0 ? -1 : (index.get(keys[i]) as number);
  const separator = options.separator ?? ' · ';
  const dictionary = distinct.map((key) => {
    const words: string[] = [];
    let rest = key;
    for (let j = parts.length - 1; j >= 0; j--) {
      const size = parts[j].labels.length;
      words.unshift(parts[j].labels[rest % size]);
      rest = Math.floor(rest / size);
    }
    return words.join(separator);
  });
  return groupRareCategories(codes, dictionary, { minShare: options.minShare, otherLabel: options.otherLabel });
}
