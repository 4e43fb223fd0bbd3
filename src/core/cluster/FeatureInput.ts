/** A numeric input column (NaN = missing). `log` asks for log1p before standardising (skewed money). */
export interface NumericFeatureColumn {
  name: string;
  values: Float64Array;
  log?: boolean;
}

/** A dictionary-encoded category column (-1 = missing), one-hot encoded into one feature per category. */
export interface CategoryFeatureColumn {
  name: string;
  codes: Int32Array;
  dictionary: string[];
}

/** The columns a k-means model reads, in the shape core tables already hold them. */
export interface FeatureInput {
  numeric: NumericFeatureColumn[];
  categories?: CategoryFeatureColumn[];
}

/** A row-major n×d matrix plus which input row each matrix row came from. */
export interface FeatureMatrix {
  data: Float64Array;
  n: number;
  d: number;
  /** Input row index of each matrix row (rows with missing inputs are absent under `drop`). */
  rowIndex: Int32Array;
  /** Number of input rows. */
  rowCount: number;
  /** Rows left out because an input was missing (always 0 under `median`). */
  dropped: number;
  /** Missing values seen per input column (dropped or imputed). */
  missingByColumn: Record<string, number>;
}
