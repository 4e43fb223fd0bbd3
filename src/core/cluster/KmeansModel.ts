import type { Scaler } from './Scaler';

/** A fitted k-means model: plain JSON, stored in the recipe and used by `assignKmeans` and `=SK.SEGMENT()`. */
export interface KmeansModel {
  k: number;
  /** Feature names, in the order of each centroid's values. */
  features: string[];
  /** k centroids in the standardised space the model was fitted in. */
  centroids: number[][];
  /**
   * The same centroids in original units: numeric features un-standardised (and expm1 for log
   * features, which gives a geometric-type centre), one-hot features as the share of the category.
   */
  centroidsOriginal: number[][];
  /** Rows per cluster in the training data. */
  sizes: number[];
  scaler: Scaler;
  /** Sum of squared distances to the centroids in the standardised space. */
  inertia: number;
  iterations: number;
  converged: boolean;
  /** The seed given to the fit (the run kept used the derived seed `runSeed`). */
  seed: number;
  runSeed: number;
  nInit: number;
}
