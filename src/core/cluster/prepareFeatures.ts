import { SegmentKitError } from '../errors/SegmentKitError';
import { columnMoments } from '../stats/columnMoments';
import { applyScaler } from './applyScaler';
import type { FeatureInput, FeatureMatrix } from './FeatureInput';
import type { FeatureSource, MissingPolicy, Scaler } from './Scaler';

export interface PrepareFeaturesOptions {
  /** `drop` leaves out rows with any missing input (counted in `dropped`); `median` fills numeric gaps with the median and category gaps with the most frequent category. Default `drop`. */
  missing?: MissingPolicy;
  /**
   * A feature with zero variance cannot be standardised. `error` (default) stops with
   * E_FEATURE_CONSTANT; `zero` keeps it with sd 1, so it is 0 for every row and adds nothing to distances.
   */
  constant?: 'error' | 'zero';
}

export interface PreparedFeatures extends FeatureMatrix {
  scaler: Scaler;
}

/**
 * Turns numeric and category columns into a standardised row-major matrix for k-means, and
 * fits the `Scaler` that transforms new rows the same way. Standardisation uses the population
 * standard deviation (as scikit-learn's StandardScaler does).
 *
 * @example
 * const prepared = prepareFeatures({
 *   numeric: [{ name: 'monetary', values: spend, log: true }, { name: 'frequency', values: orders }],
 *   categories: [{ name: 'region', codes: regionCodes, dictionary: ['DE', 'FR'] }],
 * }, { missing: 'median' });
 * prepared.data; // Float64Array n×d, prepared.scaler is JSON for the recipe
 */
export function prepareFeatures(input: FeatureInput, options: PrepareFeaturesOptions = {}): PreparedFeatures {
  const missing = options.missing ?? 'drop';
  if (missing !== 'drop' && missing !== 'median') {
    throw new SegmentKitError('E_OPTION_INVALID', `missing must be "drop" or "median", not "${String(missing)}"`, { location: { path: 'missing' }, hint: 'Choose "drop" to leave incomplete rows out or "median" to fill them in.' });
  }
  const categories = input.categories ?? [];
  if (input.numeric.length + categories.length === 0) {
    throw new SegmentKitError('E_FEATURES_EMPTY', 'No feature columns were given', { hint: 'Choose at least one numeric or category column to cluster on.' });
  }
  const seen = new Set<string>();
  for (const c of [...input.numeric, ...categories]) {
    if (seen.has(c.name)) throw new SegmentKitError('E_FEATURE_DUPLICATE', 'The column is listed twice as a feature', { location: { column: c.name }, hint: 'List each feature column once.' });
    seen.add(c.name);
  }

  const sources: FeatureSource[] = [];
  const features: string[] = [];
  const log: boolean[] = [];
  const medians: Record<string, number> = {};
  const modes: Record<string, string> = {};
  for (const c of input.numeric) {
    sources.push({ kind: 'numeric', column: c.name });
    features.push(c.name);
    log.push(c.log === true);
    medians[c.name] = medianOf(c.name, c.values);
  }
  for (const c of categories) {
    const counts = new Float64Array(c.dictionary.length);
    for (let i = 0; i < c.codes.length; i++) if (c.codes[i] >= 0) counts[c.codes[i]]++;
    let best = -1;
    for (let v = 0; v < counts.length; v++) {
      if (counts[v] === 0) continue;
      sources.push({ kind: 'category', column: c.name, category: c.dictionary[v] });
      features.push(`${c.name}=${c.dictionary[v]}`);
      log.push(false);
      if (best < 0 || counts[v] > counts[best]) best = v;
    }
    if (best < 0) throw allMissing(c.name);
    modes[c.name] = c.dictionary[best];
  }

  const d = features.length;
  const raw: Scaler = { features, sources, means: new Array(d).fill(0), sds: new Array(d).fill(1), log, missing, medians, modes };
  const matrix = applyScaler(raw, input);
  if (matrix.n < 2) {
    throw new SegmentKitError('E_FEATURES_TOO_FEW_ROWS', `Only ${matrix.n} row(s) have all feature values (${matrix.dropped} dropped for missing values)`, { hint: 'Use missing: "median" or choose columns that are filled in for most customers.' });
  }

  const { data, n } = matrix;
  const means = new Array<number>(d);
  const sds = new Array<number>(d);
  for (let j = 0; j < d; j++) {
    const { mean, variance } = columnMoments(data, n, d, j);
    const sd = Math.sqrt(variance);
    // Relative test: a column of equal large amounts leaves rounding noise, not real spread.
    const constant = sd <= 1e-12 * Math.max(1, Math.abs(mean));
    if (constant && options.constant !== 'zero') {
      throw new SegmentKitError('E_FEATURE_CONSTANT', `The feature "${features[j]}" has the same value for every row, so it cannot separate customers`, { location: { column: sources[j].column }, hint: 'Remove this feature, or pass constant: "zero" to keep it without effect.' });
    }
    means[j] = mean;
    sds[j] = constant ? 1 : sd;
  }
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) data[r * d + j] = (data[r * d + j] - means[j]) / sds[j];
  }
  return { ...matrix, scaler: { ...raw, means, sds } };
}

function medianOf(column: string, values: Float64Array): number {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present.push(values[i]);
  if (present.length === 0) throw allMissing(column);
  const sorted = Float64Array.from(present).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function allMissing(column: string): SegmentKitError {
  return new SegmentKitError('E_FEATURE_ALL_MISSING', 'Every value of the feature column is missing', { location: { column }, hint: 'Choose a column that is filled in, or map the right column to this feature.' });
}
