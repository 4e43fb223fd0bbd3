import type { CustomerTable } from '../customers/CustomerTable';
import type { Rng } from '../random/createRng';
import type { OutputColumn, OutputSheet } from '../results/Outputs';
import type { SettingsSchema } from '../recipe/SettingsSchema';
import type { SegmentProfile } from '../profile/SegmentProfile';

/** A counted, explained note a model hands back (missing inputs skipped, defaults used, ...). */
export interface ModelWarning {
  code: string;
  message: string;
  count?: number;
}

/** What every model run returns; adapters write `columns` and `sheets`, the CLI prints `json`. */
export interface ModelResult {
  modelId: string;
  kind: string;
  segmentNames: string[];
  /** Segment index per customer row, -1 = no segment (inputs missing). */
  labels: Int32Array;
  columns: OutputColumn[];
  profile: SegmentProfile;
  sheets: OutputSheet[];
  json: Record<string, unknown>;
  warnings: ModelWarning[];
}

/** Everything a model may use besides the table and its own settings. */
export interface ModelContext {
  modelId: string;
  /** Recipe path of this model's settings, e.g. `models[1].settings`, for error locations. */
  settingsPath: string;
  /** The only source of randomness (DESIGN.md convention 5). */
  rng: Rng;
  /** "Today" for recency and tenure, as a day number. */
  asOf: number;
  /** Display renames for this model's segments (original name → shown name). */
  segmentNames: Readonly<Record<string, string>>;
  /**
   * Medians over all customers of the columns profiled so far in this run, by column: every
   * model of a run profiles the same table columns, and on a million customers each median is a
   * selection over a million values.
   */
  overallMedians?: WeakMap<Float64Array, number | null>;
}

/**
 * A segmentation model: settings are validated against `settingsSchema`, `fit` learns plain
 * JSON parameters (cut points, thresholds), `apply` scores rows with them and never refits.
 */
export interface SegmentModel<Settings = Record<string, unknown>, Fitted = Record<string, unknown>> {
  kind: string;
  label: string;
  settingsSchema: SettingsSchema;
  /** Plain messages about missing inputs, e.g. "Lifecycle needs a signup or first purchase date". */
  requires(customers: CustomerTable, settings: Settings): string[];
  fit(customers: CustomerTable, settings: Settings, ctx: ModelContext): Fitted;
  apply(customers: CustomerTable, settings: Settings, fitted: Fitted, ctx: ModelContext): ModelResult;
}

/** A model whose generic parameters have been erased, as the registry stores it. */
export type AnySegmentModel = SegmentModel<never, never> | SegmentModel<Record<string, unknown>, Record<string, unknown>>;
