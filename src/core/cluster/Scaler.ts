/** Where one standardised feature comes from. */
export type FeatureSource =
  | { kind: 'numeric'; column: string }
  | { kind: 'category'; column: string; category: string };

/** How rows with a missing input are treated: left out (and counted), or filled in. */
export type MissingPolicy = 'drop' | 'median';

/**
 * The fitted feature transformation, as plain JSON so it can be stored in a recipe and applied to
 * new rows exactly as it was to the training rows: optional log1p, imputation, then
 * `(x - mean) / sd` with the population standard deviation.
 */
export interface Scaler {
  /** Output feature names, one per standardised dimension (`income`, `region=DE`). */
  features: string[];
  sources: FeatureSource[];
  means: number[];
  /** Population standard deviations; 1 for a constant feature kept under `constant: 'zero'`. */
  sds: number[];
  /** Whether log1p was applied before standardising (numeric features only). */
  log: boolean[];
  missing: MissingPolicy;
  /** Per numeric column: the median of the non-missing raw values (used when `missing` is `median`). */
  medians: Record<string, number>;
  /** Per category column: the most frequent category (used when `missing` is `median`). */
  modes: Record<string, string>;
}
