/** Mean and median of one numeric feature inside a segment, and its lift against everyone. */
export interface FeatureStats {
  mean: number | null;
  median: number | null;
  /** Segment mean ÷ overall mean; null when either is missing or the overall mean is 0. */
  lift: number | null;
  /** Rows of the segment where the feature was missing (skipped, not zero). */
  missing: number;
}

export interface CategoryShare {
  value: string;
  count: number;
  /** Share within the segment's rows that have a value. */
  share: number;
}

export interface SegmentStats {
  name: string;
  size: number;
  /** Share of the customers that got a segment. */
  share: number;
  value: number;
  /** Share of the value of the customers that got a segment (0 when that total is 0). */
  valueShare: number;
  features: Record<string, FeatureStats>;
  topCategories: Record<string, CategoryShare[]>;
}

/** Per-segment summary of one model run (plain data; see `profileSegments`). */
export interface SegmentProfile {
  customerCount: number;
  /** Customers without a segment (their inputs were missing). */
  unassigned: number;
  /** What "value" means here, e.g. `revenue` or `net value`. */
  valueLabel: string;
  featureNames: string[];
  segments: SegmentStats[];
  overall: { value: number; features: Record<string, FeatureStats> };
}
