import { SegmentKitError } from '../errors/SegmentKitError';
import type { ClvSummary } from './ClvSummary';
import type { TimeUnit } from './TimeUnit';

export interface SummaryColumn {
  name: string;
  values: Float64Array;
}

/** The two namings in use: lifetimes (Python) and Fader–Hardie / BTYD (R). */
const NAMINGS = {
  x: ['frequency', 'x'],
  tx: ['recency', 't_x'],
  T: ['T'],
  monetary: ['monetary_value', 'zbar'],
} as const;

export interface SummaryFromColumnsOptions {
  /** Unit the recency and T columns are in; default week. */
  timeUnit?: TimeUnit;
  /** Day number of the calibration end, when known. */
  calibrationEnd?: number;
  /** Holdout purchases column name, if the table has one, and the holdout length in `timeUnit`. */
  holdout?: { column: string; length: number };
}

/**
 * Accepts a precomputed summary table. Columns are recognised under either naming:
 * (frequency, recency, T, monetary_value) or (x, t_x, T, zbar); names match ignoring case,
 * except `T`, which must be upper case because `t` could be anything. The monetary column is
 * optional (BG/NBD and Pareto/NBD do not need it; it is then NaN). Rows with a missing
 * frequency are left out (`included = 0`); values are checked when a model is fitted.
 *
 * @example
 * const s = summaryFromColumns([
 *   { name: 'frequency', values: Float64Array.from([2]) },
 *   { name: 'recency', values: Float64Array.from([30.43]) },
 *   { name: 'T', values: Float64Array.from([38.86]) },
 * ]);
 * s.x[0]; // 2
 */
export function summaryFromColumns(columns: SummaryColumn[], options: SummaryFromColumnsOptions = {}): ClvSummary {
  const x = find(columns, 'x', true) as Float64Array;
  const tx = find(columns, 'tx', true) as Float64Array;
  const T = find(columns, 'T', true) as Float64Array;
  const monetary = find(columns, 'monetary', false) ?? new Float64Array(x.length).fill(NaN);
  for (const [name, values] of [['recency', tx], ['T', T], ['monetary', monetary]] as const) {
    if (values.length !== x.length) {
      throw new SegmentKitError('E_CLV_LENGTH_MISMATCH', `The ${name} column has ${values.length} rows, frequency has ${x.length}`, {
        location: { column: name },
        hint: 'All summary columns must have one value per customer.',
      });
    }
  }
  const included = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) included[i] = Number.isNaN(x[i]) ? 0 : 1;
  const summary: ClvSummary = { x, tx, T, monetary, included, timeUnit: options.timeUnit ?? 'week', skippedRows: 0 };
  if (options.calibrationEnd !== undefined) summary.calibrationEnd = options.calibrationEnd;
  if (options.holdout) {
    const column = columns.find((c) => c.name === options.holdout?.column);
    if (!column) {
      throw new SegmentKitError('E_CLV_COLUMN_MISSING', `The holdout column "${options.holdout.column}" is not in the table`, {
        location: { column: options.holdout.column },
        hint: `Columns present: ${columns.map((c) => c.name).join(', ')}.`,
      });
    }
    summary.holdoutPurchases = column.values;
    summary.holdoutLength = options.holdout.length;
  }
  return summary;
}

function find(columns: SummaryColumn[], key: keyof typeof NAMINGS, required: boolean): Float64Array | undefined {
  const names: readonly string[] = NAMINGS[key];
  const hit = columns.find((c) => (key === 'T' ? c.name.trim() === 'T' : names.includes(c.name.trim().toLowerCase())));
  if (hit) return hit.values;
  if (!required) return undefined;
  throw new SegmentKitError('E_CLV_COLUMN_MISSING', `No ${names.map((n) => `"${n}"`).join(' or ')} column in the summary table`, {
    location: { column: names[0] },
    hint: `Name the columns (frequency, recency, T, monetary_value) or (x, t_x, T, zbar); columns present: ${columns.map((c) => c.name).join(', ')}.`,
  });
}
