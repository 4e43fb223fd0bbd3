/**
 * Cumulative share of value held by the top x share of customers, at `points` + 1 evenly
 * spaced customer shares. Missing and negative values count as zero value.
 *
 * @example
 * paretoPoints(Float64Array.from([10, 0, 0, 0]), 4)[1]; // { x: 0.25, y: 1 }
 */
export function paretoPoints(values: Float64Array, points = 50): { x: number; y: number }[] {
  const n = values.length;
  const sorted = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] > 0 ? values[i] : 0;
    sorted[i] = v;
    total += v;
  }
  sorted.sort().reverse();
  const out = [{ x: 0, y: 0 }];
  if (n === 0 || total === 0) return out.concat({ x: 1, y: 0 });
  let cum = 0;
  let row = 0;
  for (let p = 1; p <= points; p++) {
    const upto = Math.round((p / points) * n);
    while (row < upto) cum += sorted[row++];
    out.push({ x: p / points, y: cum / total });
  }
  return out;
}
