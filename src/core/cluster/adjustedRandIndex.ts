import { SegmentKitError } from '../errors/SegmentKitError';

/**
 * Adjusted Rand index (Hubert & Arabie 1985) between two labelings of the same rows: 1 for the
 * same partition (whatever the label numbers), about 0 for chance agreement. Every value,
 * including -1, counts as a label, as in scikit-learn's `adjusted_rand_score`.
 *
 * @example
 * adjustedRandIndex(Int32Array.of(0, 0, 1, 1), Int32Array.of(1, 1, 0, 0)); // 1
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new SegmentKitError('E_LABELS_LENGTH', `The labelings have ${a.length} and ${b.length} rows`, { hint: 'Compare two labelings of the same rows.' });
  }
  const n = a.length;
  const ca = compress(a);
  const cb = compress(b);
  const table = new Float64Array(ca.count * cb.count);
  const rowSums = new Float64Array(ca.count);
  const colSums = new Float64Array(cb.count);
  for (let i = 0; i < n; i++) {
    table[ca.codes[i] * cb.count + cb.codes[i]]++;
    rowSums[ca.codes[i]]++;
    colSums[cb.codes[i]]++;
  }
  // One cluster each, or every row alone in both: identical partitions by definition.
  if ((ca.count === 1 && cb.count === 1) || (ca.count === n && cb.count === n) || n < 2) return 1;
  const pairs = (x: number): number => (x * (x - 1)) / 2;
  let index = 0;
  for (let i = 0; i < table.length; i++) index += pairs(table[i]);
  let sumA = 0;
  for (let i = 0; i < rowSums.length; i++) sumA += pairs(rowSums[i]);
  let sumB = 0;
  for (let i = 0; i < colSums.length; i++) sumB += pairs(colSums[i]);
  const expected = (sumA * sumB) / pairs(n);
  const max = (sumA + sumB) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

function compress(labels: ArrayLike<number>): { codes: Int32Array; count: number } {
  const map = new Map<number, number>();
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let c = map.get(labels[i]);
    if (c === undefined) {
      c = map.size;
      map.set(labels[i], c);
    }
    codes[i] = c;
  }
  return { codes, count: map.size };
}
