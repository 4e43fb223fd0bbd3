import type { FeatureInput } from './FeatureInput';
import type { KmeansModel } from './KmeansModel';
import { applyScaler } from './applyScaler';

export interface KmeansAssignment {
  /** Nearest centroid per input row; -1 where an input was missing and the model drops such rows. */
  labels: Int32Array;
  unassigned: number;
  missingByColumn: Record<string, number>;
}

/**
 * Assigns new rows to a fitted model's centroids, transforming them with the model's scaler first.
 *
 * @example
 * const { labels } = assignKmeans(model, { numeric: [{ name: 'income', values: new Float64Array([61000]) }] });
 */
export function assignKmeans(model: KmeansModel, input: FeatureInput): KmeansAssignment {
  const m = applyScaler(model.scaler, input);
  const { data, n, d } = m;
  const labels = new Int32Array(m.rowCount).fill(-1);
  const centres = Float64Array.from(model.centroids.flat());
  for (let r = 0; r < n; r++) {
    let best = Infinity;
    let bestC = -1;
    for (let c = 0; c < model.k; c++) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const e = data[r * d + t] - centres[c * d + t];
        s += e * e;
      }
      if (s < best) {
        best = s;
        bestC = c;
      }
    }
    labels[m.rowIndex[r]] = bestC;
  }
  return { labels, unassigned: m.dropped, missingByColumn: m.missingByColumn };
}
