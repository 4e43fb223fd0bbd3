/** Banded or grouped column: one code per row into `labels` (-1 = missing or out of range), with what was skipped counted. */
export interface BandResult {
  codes: Int32Array;
  labels: string[];
  /** Rows whose input was missing. */
  missing: number;
  /** Rows with a value outside every band (e.g. an age under the first edge, a score off the scale). */
  outOfRange: number;
}

/** What rare-value grouping folded into "Other". */
export interface RareGrouping {
  /** The values folded into the other label, most frequent first. */
  values: string[];
  /** Rows now labelled as the other label. */
  rows: number;
}

export interface GroupedResult extends BandResult {
  grouped: RareGrouping;
}
