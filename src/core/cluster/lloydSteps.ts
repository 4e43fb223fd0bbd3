import { columnMoments } from '../stats/columnMoments';

/**
 * The few-number steps of a Lloyd iteration, shared by the TypeScript loops in kmeansSingleInit
 * and the WebAssembly passes in lloydKernel3: they run on k centres, not on n rows.
 */

/** Mean feature variance of an n × d matrix (scales the tolerance, as scikit-learn does). */
export function meanVariance(data: Float64Array, n: number, d: number): number {
  let total = 0;
  for (let t = 0; t < d; t++) total += columnMoments(data, n, d, t).variance;
  return total / d;
}

/** Distance from row i to centre c. */
export function distanceToCentre(data: Float64Array, i: number, d: number, centres: Float64Array, c: number): number {
  let s = 0;
  const a = i * d;
  const b = c * d;
  for (let t = 0; t < d; t++) {
    const e = data[a + t] - centres[b + t];
    s += e * e;
  }
  return Math.sqrt(s);
}

/** Half the distance from each centre to its nearest other centre (Hamerly's s(c)). */
export function computeHalfGaps(centres: Float64Array, k: number, d: number, halfGap: Float64Array): void {
  for (let c = 0; c < k; c++) {
    let m = Infinity;
    for (let o = 0; o < k; o++) {
      if (o === c) continue;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const e = centres[c * d + t] - centres[o * d + t];
        s += e * e;
      }
      if (s < m) m = s;
    }
    halfGap[c] = 0.5 * Math.sqrt(m);
  }
}

/** New centres from the running sums; returns the summed squared movement and fills per-centre shifts. */
export function moveCentres(centres: Float64Array, next: Float64Array, sums: Float64Array, counts: Float64Array, k: number, d: number, shift: Float64Array): number {
  let total = 0;
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let t = 0; t < d; t++) {
      const v = sums[c * d + t] / counts[c];
      const e = v - centres[c * d + t];
      s += e * e;
      next[c * d + t] = v;
    }
    shift[c] = Math.sqrt(s);
    total += s;
  }
  centres.set(next);
  return total;
}

/**
 * How far each centre's rows' lower bounds fall: by the largest shift of any other centre, which
 * is the largest shift overall except for the centre that moved most. A table by centre keeps
 * the per-row update free of a branch the processor cannot predict.
 */
export function lowerBoundDrops(shift: Float64Array, k: number, drop: Float64Array): void {
  let maxC = 0;
  for (let c = 1; c < k; c++) if (shift[c] > shift[maxC]) maxC = c;
  let second = 0;
  for (let c = 0; c < k; c++) if (c !== maxC && shift[c] > second) second = shift[c];
  for (let c = 0; c < k; c++) drop[c] = c === maxC ? second : shift[maxC];
}

/**
 * An empty cluster takes the row farthest from its own centre (scikit-learn's recovery), so
 * k clusters always come back. That row's bounds are reset; everyone else's stay valid
 * because the centre movement is accounted for in the next bound update.
 */
export function relocateEmpty(
  data: Float64Array, n: number, d: number, k: number, centres: Float64Array, labels: Int32Array,
  sums: Float64Array, counts: Float64Array, upper: Float64Array, lower: Float64Array,
): void {
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) continue;
    let far = -1;
    let farDist = -1;
    for (let i = 0; i < n; i++) {
      if (counts[labels[i]] < 2) continue;
      const dist = distanceToCentre(data, i, d, centres, labels[i]);
      if (dist > farDist) {
        farDist = dist;
        far = i;
      }
    }
    if (far < 0) return;
    const from = labels[far];
    labels[far] = c;
    counts[from]--;
    counts[c] = 1;
    for (let t = 0; t < d; t++) {
      const x = data[far * d + t];
      sums[from * d + t] -= x;
      sums[c * d + t] = x;
    }
    upper[far] = 0;
    lower[far] = 0;
  }
}
