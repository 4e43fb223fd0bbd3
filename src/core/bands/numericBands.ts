import { ckmeans } from 'simple-statistics';
import { SegmentKitError } from '../errors/SegmentKitError';
import type { BandResult } from './BandResult';
import { bandByLowerBounds } from './bandByLowerBounds';

export interface NumericBandOptions {
  /**
   * `quantile`: equal-count bands; `ckmeans`: optimal 1-D breaks (Wang & Song 2011), a good
   * default for income and spend; `edges`: the cut points given in `edges`.
   */
  method: 'quantile' | 'ckmeans' | 'edges';
  /** Number of bands for `quantile` and `ckmeans` (default 4). */
  bands?: number;
  /** Cut points for `edges`, ascending: [40000, 60000] gives "< 40k", "40k–60k", "60k+". */
  edges?: number[];
  /** Formats a bound for labels, e.g. compactNumberFormat({ prefix: '€' }). */
  format?: (x: number) => string;
}

export interface NumericBandResult extends BandResult {
  /** The cut points used: a value at or above breaks[i] is in band i + 1 or higher. */
  breaks: number[];
}

/** ckmeans is O(k·n log n) in time and O(k·n) in memory, so breaks come from an evenly spaced sample of the sorted values above this size. */
const CKMEANS_MAX_VALUES = 10_000;

/**
 * Bands a numeric column into labelled ranges. Bands include their lower bound; the top band
 * includes the maximum. Breaks that coincide (many equal values) are merged, so fewer bands may
 * come back than asked for.
 *
 * @example
 * const income = numericBands(values, { method: 'ckmeans', bands: 4, format: compactNumberFormat({ prefix: '€' }) });
 * income.labels; // ['€12k–€38k', '€38k–€61k', '€61k–€95k', '€95k–€240k']
 */
export function numericBands(values: Float64Array, options: NumericBandOptions): NumericBandResult {
  const format = options.format ?? ((x: number) => String(x));
  if (options.method === 'edges') {
    const edges = options.edges ?? [];
    if (edges.length === 0 || edges.some((e, i) => !Number.isFinite(e) || (i > 0 && e <= edges[i - 1]))) {
      throw new SegmentKitError('E_BAND_EDGES', `Band edges must be increasing numbers, not [${edges.join(', ')}]`, { location: { path: 'edges' }, hint: 'Give the cut points in ascending order, e.g. 20000, 40000, 60000.' });
    }
    const labels = [`< ${format(edges[0])}`, ...edges.slice(1).map((e, i) => `${format(edges[i])}–${format(e)}`), `${format(edges[edges.length - 1])}+`];
    return { ...bandByLowerBounds(values, [-Infinity, ...edges], labels), breaks: [...edges] };
  }
  if (options.method !== 'quantile' && options.method !== 'ckmeans') {
    throw new SegmentKitError('E_BAND_METHOD', `The band method must be "quantile", "ckmeans" or "edges", not "${String(options.method)}"`, { location: { path: 'method' }, hint: 'Choose one of the three methods.' });
  }
  const bands = options.bands ?? 4;
  if (!Number.isInteger(bands) || bands < 2) {
    throw new SegmentKitError('E_BAND_COUNT', `The number of bands must be a whole number of at least 2, not ${bands}`, { location: { path: 'bands' }, hint: 'Use 3 to 5 bands.' });
  }
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present.push(values[i]);
  if (present.length === 0) {
    throw new SegmentKitError('E_BAND_NO_VALUES', 'Every value is missing, so there is nothing to band', { hint: 'Choose a column that is filled in.' });
  }
  const sorted = Float64Array.from(present).sort();
  const cuts = options.method === 'quantile' ? quantileBreaks(sorted, bands) : ckmeansBreaks(sorted, bands);
  const breaks = cuts.filter((b, i) => b > sorted[0] && (i === 0 || b > cuts[i - 1]));
  const bounds = [sorted[0], ...breaks, sorted[sorted.length - 1]];
  const labels = bounds.slice(0, -1).map((lo, i) => `${format(lo)}–${format(bounds[i + 1])}`);
  const result = bandByLowerBounds(values, [-Infinity, ...breaks], labels);
  return { ...result, breaks };
}

/** Linear-interpolation quantiles (pandas' and numpy's default) at i/bands. */
function quantileBreaks(sorted: Float64Array, bands: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < bands; i++) {
    const pos = (i / bands) * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, sorted.length - 1);
    out.push(sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo));
  }
  return out;
}

function ckmeansBreaks(sorted: Float64Array, bands: number): number[] {
  const step = Math.max(1, sorted.length / CKMEANS_MAX_VALUES);
  const sample: number[] = [];
  for (let p = 0; p < sorted.length; p += step) sample.push(sorted[Math.floor(p)]);
  let unique = 1;
  for (let i = 1; i < sample.length; i++) if (sample[i] !== sample[i - 1]) unique++;
  const clusters = ckmeans(sample, Math.min(bands, unique));
  return clusters.slice(1).map((c) => c[0]);
}
