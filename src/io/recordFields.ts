import { isBlankField } from './fieldString';
import type { FieldBounds } from './scanRecord';

/**
 * The index of the record's last non-blank field, -1 when every field is blank.
 *
 * @example
 * const f = createFieldBounds();
 * scanRecord(Buffer.from('a, ,\n'), 0, 44, f);
 * lastFilled(Buffer.from('a, ,\n'), f); // 0
 */
export function lastFilled(body: Buffer, f: FieldBounds): number {
  for (let k = f.count - 1; k >= 0; k--) if (!isBlankField(body, f.start[k], f.end[k])) return k;
  return -1;
}

/**
 * Whether a record holds data: some field is not blank. Blank records are skipped and counted.
 *
 * @example
 * const f = createFieldBounds();
 * scanRecord(Buffer.from(' , \n'), 0, 44, f);
 * isDataRecord(Buffer.from(' , \n'), f); // false
 */
export function isDataRecord(body: Buffer, f: FieldBounds): boolean {
  const s = f.start[0];
  const b = body[s];
  // A visible ASCII first byte settles it; only records that start blank or quoted are checked whole.
  if (f.end[0] > s && b > 32 && b !== 34 && b < 0x80) return true;
  return lastFilled(body, f) >= 0;
}
