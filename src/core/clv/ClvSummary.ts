import type { TimeUnit } from './TimeUnit';

/**
 * One row per customer, the input of every CLV model (Fader–Hardie–Lee notation).
 *
 * - `x`: frequency, the number of repeat purchase days in the calibration period (distinct
 *   purchase days − 1; several purchases on one day count once);
 * - `tx`: recency, time from the first to the last purchase day in the calibration period;
 * - `T`: age, time from the first purchase day to the end of the calibration period;
 * - `monetary`: mean value of the repeat purchase days (amounts on one day summed, the first
 *   purchase day excluded), 0 when x = 0.
 * Durations are in `timeUnit`. Customers with `included[i] = 0` have no purchase in the
 * calibration period; their numbers are NaN and every model skips them.
 */
export interface ClvSummary {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
  /** Distinct purchase days after the calibration end, up to the observation end. */
  holdoutPurchases?: Float64Array;
  /** Length of the holdout period in `timeUnit` (observation end − calibration end). */
  holdoutLength?: number;
  included: Uint8Array;
  timeUnit: TimeUnit;
  /** Calibration end as a UTC day number, when known. */
  calibrationEnd?: number;
  /** Transaction rows skipped because their customer, day or amount was missing. */
  skippedRows: number;
}
