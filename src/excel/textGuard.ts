/**
 * Number format SegmentKit writes with each output cell. Every string goes out as Text (`@`):
 * Excel reads a value assigned through the API like typed input, so `=HYPERLINK(...)`,
 * `+cmd|...`, `-1+2` and `@SUM(...)` would become formulas, and `1`, `TRUE`, `50%` or `Jan 5`
 * would silently become numbers and dates. A Text-formatted cell keeps the string exactly, and
 * reads back unchanged (a leading apostrophe would also work but is dropped on read-back).
 */
export const TEXT_FORMAT = '@';

/** Characters that make a spreadsheet treat a cell as a formula (OWASP's CSV-injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a string would be a formula if written without the Text format. */
export function looksLikeFormula(s: string): boolean {
  return FORMULA_START.test(s);
}

/** The number format for one output cell. */
export function formatFor(value: string | number | boolean, columnFormat: string | undefined): string {
  if (typeof value === 'string' && value !== '') return TEXT_FORMAT;
  return columnFormat ?? 'General';
}
