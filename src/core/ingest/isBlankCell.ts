/**
 * Blank as Excel means it: '' (what `range.values` returns for an empty cell), whitespace only,
 * null or undefined.
 *
 * @example
 * isBlankCell('  '); // true
 * isBlankCell(0);    // false
 */
export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}
