import { dayNumberFromYmd } from '../table/dayNumber';

/** Day-month order for dates like 03/04/2024: `dmy` (Europe) or `mdy` (United States). */
export type DateOrder = 'dmy' | 'mdy';

/**
 * The shapes a date string can take. `iso` and `compact` (yyyymmdd) are unambiguous;
 * `dotted` (dd.mm.yyyy) is always day first; `dashed` and `slashed` depend on the column's order.
 */
export type DateShape = 'iso' | 'compact' | 'dotted' | 'dashed' | 'slashed';

export interface DateParts {
  shape: DateShape;
  /** First and second number of a d/m or m/d date; year and month/day for the rest. */
  a: number;
  b: number;
  year: number;
}

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Splits a date string into its numbers and shape without deciding the day/month order yet
 * (the column decides it). Returns undefined for text that is no date shape at all.
 *
 * @example
 * dateParts('03/04/2024'); // { shape: 'slashed', a: 3, b: 4, year: 2024 }
 */
export function dateParts(text: string): DateParts | undefined {
  const s = text.trim();
  let m = ISO.exec(s);
  if (m) return { shape: 'iso', a: +m[2], b: +m[3], year: +m[1] };
  m = DMY.exec(s);
  if (m) return { shape: m[2] === '.' ? 'dotted' : m[2] === '-' ? 'dashed' : 'slashed', a: +m[1], b: +m[3], year: +m[4] };
  m = COMPACT.exec(s);
  if (m) return { shape: 'compact', a: +m[2], b: +m[3], year: +m[1] };
  return undefined;
}

/** Whether the parts can only be read one way: `dmy`, `mdy`, or undefined when both work or neither does. */
export function orderEvidence(p: DateParts): DateOrder | undefined {
  if (p.shape !== 'dashed' && p.shape !== 'slashed') return undefined;
  if (p.a > 12 && p.b <= 12) return 'dmy';
  if (p.b > 12 && p.a <= 12) return 'mdy';
  return undefined;
}

/** Whether the parts would give different dates in the two orders. */
export function isOrderAmbiguous(p: DateParts): boolean {
  return (p.shape === 'dashed' || p.shape === 'slashed') && p.a <= 12 && p.b <= 12 && p.a !== p.b;
}

/** Day number of the parts in the given order, NaN when that is not a calendar date. */
export function dayFromParts(p: DateParts, order: DateOrder): number {
  let month: number;
  let day: number;
  if (p.shape === 'iso' || p.shape === 'compact') {
    month = p.a;
    day = p.b;
  } else if (p.shape === 'dotted' || order === 'dmy') {
    day = p.a;
    month = p.b;
  } else {
    month = p.a;
    day = p.b;
  }
  if (p.year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(p.year, month)) return NaN;
  return dayNumberFromYmd(p.year, month, day);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/**
 * Parses one date cell (ISO yyyy-mm-dd with optional time, dd.mm.yyyy, dd-mm-yyyy, m/d/yyyy or
 * d/m/yyyy, yyyymmdd) to a UTC day number; NaN when it is not a date. Column readers decide the
 * order from all values first; this single-cell form is for callers that already know it.
 *
 * @example
 * parseDateCell('31.12.2023');          // 19722
 * parseDateCell('04/03/2024', 'mdy');   // day number of 2024-04-03
 * parseDateCell('19970101');            // 9862
 */
export function parseDateCell(text: string, order: DateOrder = 'dmy'): number {
  const p = dateParts(text);
  return p ? dayFromParts(p, order) : NaN;
}

/**
 * Whether an Excel number format shows a date (it has day or year codes outside quotes and
 * brackets), which is how serial numbers from `range.values` are told apart from amounts.
 *
 * @example
 * isDateNumberFormat('dd.mm.yyyy'); // true
 * isDateNumberFormat('#,##0.00');   // false
 */
export function isDateNumberFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dy]/i.test(bare) && !/^general$/i.test(bare.trim());
}
