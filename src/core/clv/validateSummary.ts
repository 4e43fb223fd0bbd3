import { SegmentKitError } from '../errors/SegmentKitError';
import type { ClvSummary } from './ClvSummary';
import { MAX_PLAUSIBLE_T } from './TimeUnit';

/** At least this many customers are needed to estimate four parameters at all. */
export const MIN_CUSTOMERS = 2;

/**
 * Checks the (x, t_x, T) part of a summary before a purchase model is fitted and returns the
 * number of included customers. Each problem is a SegmentKitError naming the first bad row
 * (1-based customer row) and what to do.
 *
 * @example
 * validateSummary(summaryFromColumns(cols)); // 2357 for CDNOW
 */
export function validateSummary(summary: ClvSummary): number {
  const { x, tx, T, included, timeUnit } = summary;
  let customers = 0;
  let repeaters = 0;
  let maxT = 0;
  for (let i = 0; i < x.length; i++) {
    if (!included[i]) continue;
    checkValue(x[i], 'frequency', i);
    checkValue(tx[i], 'recency', i);
    checkValue(T[i], 'T', i);
    if (!Number.isInteger(x[i])) {
      throw new SegmentKitError('E_CLV_FREQUENCY_NOT_INTEGER', `Frequency ${x[i]} of customer row ${i + 1} is not a whole number`, {
        location: { column: 'frequency', row: i + 1 },
        hint: 'Frequency counts repeat purchase days (distinct purchase days − 1), so it must be 0, 1, 2, …',
      });
    }
    if (T[i] < tx[i]) {
      throw new SegmentKitError('E_CLV_RECENCY_AFTER_T', `Customer row ${i + 1} has T = ${T[i]} smaller than recency t_x = ${tx[i]}`, {
        location: { column: 'T', row: i + 1 },
        hint: 'T runs from the first purchase to the calibration end, so it is at least the recency; check that both columns use the same unit and calibration end.',
      });
    }
    customers++;
    if (x[i] > 0) repeaters++;
    if (T[i] > maxT) maxT = T[i];
  }
  if (customers < MIN_CUSTOMERS) {
    throw new SegmentKitError('E_CLV_TOO_FEW_CUSTOMERS', `Only ${customers} customer(s) have a purchase in the calibration period`, {
      hint: 'A CLV model needs many customers (hundreds or more); check the calibration end date and the customer column.',
    });
  }
  if (repeaters === 0) {
    throw new SegmentKitError('E_CLV_NO_REPEAT', `All ${customers} customers bought once (frequency 0 for everyone)`, {
      hint: 'Repeat purchases are what the model learns from: use a longer calibration period, or check that the date column is mapped and that purchases are not merged per customer.',
    });
  }
  if (maxT > MAX_PLAUSIBLE_T[timeUnit]) {
    throw new SegmentKitError(
      'E_CLV_TIME_UNIT',
      `T reaches ${round(maxT)} ${timeUnit}s, more than ${MAX_PLAUSIBLE_T[timeUnit]}; the values look like they are in a smaller unit than "${timeUnit}"`,
      { location: { column: 'T' }, hint: 'Declare the unit the recency and T columns are really in (for example "day"), or convert them.' },
    );
  }
  return customers;
}

function checkValue(v: number, column: string, i: number): void {
  if (Number.isNaN(v) || v < 0 || v === Infinity) {
    throw new SegmentKitError('E_CLV_INVALID_VALUE', `Customer row ${i + 1} has ${column} = ${v}; it must be a number ≥ 0`, {
      location: { column, row: i + 1 },
      hint: 'Fix or remove that row (a customer with no purchase in the calibration period belongs outside the summary).',
    });
  }
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
