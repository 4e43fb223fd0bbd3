import { SegmentKitError } from '../errors/SegmentKitError';
import type { ClvSummary } from './ClvSummary';
import { DAYS_PER_UNIT, TIME_UNITS, type TimeUnit } from './TimeUnit';

export interface TransactionColumns {
  /** Customer of each row as a code 0 … customerCount − 1; −1 = missing (skipped and counted). */
  customerCodes: Int32Array;
  /** UTC day numbers; a fractional part (time of day) is ignored. NaN = missing. */
  days: Float64Array;
  /** Row value; NaN = missing. Rows on one day for one customer are summed. */
  amounts: Float64Array;
  customerCount: number;
  /** Last day of the calibration period (inclusive), as a day number. */
  calibrationEnd: number;
  /** Last day of the holdout period (inclusive); when given, holdout purchases are counted. */
  observationEnd?: number;
  timeUnit: TimeUnit;
}

/**
 * Builds the per-customer CLV summary (x, t_x, T, monetary value) from transaction rows in one
 * pass over typed arrays. See {@link ClvSummary} for the definitions: purchases on the same day
 * are merged and count once, x = distinct purchase days − 1 up to the calibration end,
 * t_x = (last − first purchase day) / unit, T = (calibration end − first purchase day) / unit,
 * monetary = mean value of the repeat purchase days (first day excluded), 0 when x = 0.
 * A week is 7 days, a month 365.25 / 12 days. Customers whose first purchase falls after the
 * calibration end get `included = 0`. Rows may come in any order: when some customer's rows
 * are not in date order, they are put in order first (a counting sort by customer).
 *
 * @example
 * const s = summaryFromTransactions({
 *   customerCodes: Int32Array.from([0, 0, 0]), days: Float64Array.from([0, 0, 14]),
 *   amounts: Float64Array.from([5, 5, 20]), customerCount: 1, calibrationEnd: 28, timeUnit: 'week',
 * });
 * [s.x[0], s.tx[0], s.T[0], s.monetary[0]]; // [1, 2, 4, 20]
 */
export function summaryFromTransactions(input: TransactionColumns): ClvSummary {
  validate(input);
  // Rows ordered by customer and day never go back in time, so the second call cannot return null.
  const state = accumulate(input, null) ?? (accumulate(input, orderByCustomerAndDay(input)) as Accumulated);
  const { customerCount, calibrationEnd, observationEnd, timeUnit } = input;
  const unit = DAYS_PER_UNIT[timeUnit];
  const x = new Float64Array(customerCount);
  const tx = new Float64Array(customerCount);
  const T = new Float64Array(customerCount);
  const monetary = new Float64Array(customerCount);
  const included = new Uint8Array(customerCount);
  for (let c = 0; c < customerCount; c++) {
    const n = state.purchaseDays[c];
    if (n === 0) {
      x[c] = tx[c] = T[c] = monetary[c] = NaN;
      continue;
    }
    included[c] = 1;
    x[c] = n - 1;
    tx[c] = (state.lastDay[c] - state.firstDay[c]) / unit;
    T[c] = (calibrationEnd - state.firstDay[c]) / unit;
    monetary[c] = n > 1 ? (state.sum[c] - state.firstDayAmount[c]) / (n - 1) : 0;
  }
  const summary: ClvSummary = { x, tx, T, monetary, included, timeUnit, calibrationEnd, skippedRows: state.skipped };
  if (observationEnd !== undefined) {
    for (let c = 0; c < customerCount; c++) if (!included[c]) state.holdout[c] = NaN;
    summary.holdoutPurchases = state.holdout;
    summary.holdoutLength = (observationEnd - calibrationEnd) / unit;
  }
  return summary;
}

interface Accumulated {
  firstDay: Float64Array;
  lastDay: Float64Array;
  purchaseDays: Float64Array;
  sum: Float64Array;
  firstDayAmount: Float64Array;
  holdout: Float64Array;
  skipped: number;
}

/** Returns null as soon as a customer's rows go back in time (the caller then orders them). */
function accumulate(input: TransactionColumns, order: Int32Array | null): Accumulated | null {
  const { customerCodes, days, amounts, customerCount, calibrationEnd } = input;
  const observationEnd = input.observationEnd ?? -Infinity;
  const firstDay = new Float64Array(customerCount);
  const lastDay = new Float64Array(customerCount);
  const purchaseDays = new Float64Array(customerCount);
  const sum = new Float64Array(customerCount);
  const firstDayAmount = new Float64Array(customerCount);
  const holdout = new Float64Array(customerCount);
  const previous = new Float64Array(customerCount).fill(-Infinity);
  let skipped = 0;
  const n = order ? order.length : customerCodes.length;
  for (let k = 0; k < n; k++) {
    const i = order ? order[k] : k;
    const c = customerCodes[i];
    const v = amounts[i];
    const d = Math.floor(days[i]);
    if (c < 0 || Number.isNaN(d) || Number.isNaN(v)) {
      skipped++;
      continue;
    }
    const prev = previous[c];
    if (d < prev) return null;
    previous[c] = d;
    if (d <= calibrationEnd) {
      if (purchaseDays[c] === 0) {
        firstDay[c] = lastDay[c] = d;
        purchaseDays[c] = 1;
        firstDayAmount[c] = sum[c] = v;
      } else {
        sum[c] += v;
        if (d !== prev) {
          purchaseDays[c]++;
          lastDay[c] = d;
        } else if (d === firstDay[c]) firstDayAmount[c] += v;
      }
    } else if (d <= observationEnd && purchaseDays[c] > 0 && d !== prev) holdout[c]++;
  }
  return { firstDay, lastDay, purchaseDays, sum, firstDayAmount, holdout, skipped: order ? input.customerCodes.length - order.length + skipped : skipped };
}

/** Row indices grouped by customer (counting sort), each group sorted by day; unusable rows left out. */
function orderByCustomerAndDay(input: TransactionColumns): Int32Array {
  const { customerCodes, days, amounts, customerCount } = input;
  const start = new Int32Array(customerCount + 1);
  let usable = 0;
  for (let i = 0; i < customerCodes.length; i++) {
    const c = customerCodes[i];
    if (c < 0 || Number.isNaN(days[i]) || Number.isNaN(amounts[i])) continue;
    start[c + 1]++;
    usable++;
  }
  for (let c = 0; c < customerCount; c++) start[c + 1] += start[c];
  const cursor = start.slice(0, customerCount);
  const order = new Int32Array(usable);
  for (let i = 0; i < customerCodes.length; i++) {
    const c = customerCodes[i];
    if (c < 0 || Number.isNaN(days[i]) || Number.isNaN(amounts[i])) continue;
    order[cursor[c]++] = i;
  }
  const byDay = (p: number, q: number): number => days[p] - days[q];
  for (let c = 0; c < customerCount; c++) {
    if (start[c + 1] - start[c] > 1) order.subarray(start[c], start[c + 1]).sort(byDay);
  }
  return order;
}

function validate(input: TransactionColumns): void {
  const { customerCodes, days, amounts, customerCount, calibrationEnd, observationEnd, timeUnit } = input;
  if (!TIME_UNITS.includes(timeUnit)) {
    throw new SegmentKitError('E_CLV_TIME_UNIT', `Unknown time unit "${String(timeUnit)}"`, {
      location: { path: 'timeUnit' },
      hint: 'Use "day", "week" or "month".',
    });
  }
  if (days.length !== customerCodes.length || amounts.length !== customerCodes.length) {
    throw new SegmentKitError(
      'E_CLV_LENGTH_MISMATCH',
      `The transaction columns differ in length (customers ${customerCodes.length}, days ${days.length}, amounts ${amounts.length})`,
      { hint: 'Pass one customer code, day and amount per transaction row.' },
    );
  }
  if (!Number.isInteger(customerCount) || customerCount < 1) {
    throw new SegmentKitError('E_CLV_CUSTOMER_COUNT', `customerCount must be a positive integer, got ${customerCount}`, {
      location: { path: 'customerCount' },
      hint: 'Pass the number of distinct customer codes.',
    });
  }
  if (!Number.isFinite(calibrationEnd)) {
    throw new SegmentKitError('E_CLV_CALIBRATION_END', 'The calibration end is not a date', {
      location: { path: 'calibrationEnd' },
      hint: 'Pass the last day of the calibration period as a UTC day number.',
    });
  }
  if (observationEnd !== undefined && !(observationEnd >= calibrationEnd)) {
    throw new SegmentKitError('E_CLV_OBSERVATION_END', 'The observation end is before the calibration end', {
      location: { path: 'observationEnd' },
      hint: 'The holdout period runs from the day after the calibration end to the observation end.',
    });
  }
  for (let i = 0; i < customerCodes.length; i++) {
    if (customerCodes[i] >= customerCount) {
      throw new SegmentKitError('E_CLV_CUSTOMER_CODE', `Customer code ${customerCodes[i]} is not below customerCount ${customerCount}`, {
        location: { row: i + 1 },
        hint: 'Customer codes must be 0 … customerCount − 1 (−1 for a missing customer).',
      });
    }
  }
}
