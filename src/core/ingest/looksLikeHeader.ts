import { dateParts } from './parseDateCell';
import { isPlainDecimal } from './parseNumberCell';

/**
 * Whether a first row is a header: none of its cells is a number, a yes/no value Excel stored as
 * boolean, a date, or a digit string (`00042`, `19970101`). A row of words is taken as a header,
 * because a data row of only words under a header of words cannot be told apart and headers are
 * by far the common case.
 *
 * @example
 * looksLikeHeader(['customer_id', 'date', 'amount']); // true
 * looksLikeHeader(['00004', '0001', '19970101']);     // false
 */
export function looksLikeHeader(row: ArrayLike<unknown>): boolean {
  let words = 0;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return false;
    if (typeof v !== 'string') continue;
    const t = v.trim();
    if (t === '') continue;
    if (isPlainDecimal(t) || /^\d+$/.test(t) || dateParts(t)) return false;
    words++;
  }
  return words > 0;
}
