import type { ClvSummary } from './ClvSummary';

/** Distinct (x, t_x, T) rows of a summary with how many customers share each. */
export interface CompressedSummary {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Included customers represented. */
  customers: number;
}

/**
 * Merges customers with identical (x, t_x, T): the likelihood of a row only depends on those
 * three numbers, so a million customers become a few hundred thousand weighted rows (far fewer
 * when durations are whole days or weeks). Open addressing on the bit patterns keeps it O(n).
 *
 * @example
 * compressSummary(summary).weight; // customers per distinct (x, t_x, T)
 */
export function compressSummary(summary: ClvSummary): CompressedSummary {
  const { x, tx, T, included } = summary;
  const n = x.length;
  let size = 16;
  while (size < 2 * n) size <<= 1;
  const mask = size - 1;
  const slot = new Int32Array(size).fill(-1);
  const outX = new Float64Array(n);
  const outTx = new Float64Array(n);
  const outT = new Float64Array(n);
  const weight = new Float64Array(n);
  const bits = new Float64Array(2);
  const words = new Int32Array(bits.buffer);
  let unique = 0;
  let customers = 0;
  for (let i = 0; i < n; i++) {
    if (!included[i]) continue;
    customers++;
    bits[0] = tx[i];
    bits[1] = T[i];
    let h = Math.imul(x[i] | 0, 0x9e3779b1) ^ words[0];
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ words[1];
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ words[2];
    h = Math.imul(h ^ (h >>> 16), 0x27d4eb2f) ^ words[3];
    h ^= h >>> 15;
    let s = h & mask;
    for (;;) {
      const j = slot[s];
      if (j === -1) {
        slot[s] = unique;
        outX[unique] = x[i];
        outTx[unique] = tx[i];
        outT[unique] = T[i];
        weight[unique] = 1;
        unique++;
        break;
      }
      if (outX[j] === x[i] && outTx[j] === tx[i] && outT[j] === T[i]) {
        weight[j]++;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  return {
    x: outX.slice(0, unique),
    tx: outTx.slice(0, unique),
    T: outT.slice(0, unique),
    weight: weight.slice(0, unique),
    customers,
  };
}
