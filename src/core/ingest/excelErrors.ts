/** The error values Excel shows in cells; `range.values` hands them over as these strings. */
export const EXCEL_ERROR_VALUES: readonly string[] = [
  '#N/A',
  '#DIV/0!',
  '#REF!',
  '#VALUE!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
];

const ERRORS = new Set(EXCEL_ERROR_VALUES.map((e) => e.toUpperCase()));

/**
 * Whether a cell holds an Excel error value; such cells count as missing, with their own count.
 *
 * @example
 * isExcelError('#N/A'); // true
 * isExcelError('N/A');  // false
 */
export function isExcelError(text: string): boolean {
  return text.length > 1 && text.charCodeAt(0) === 35 && ERRORS.has(text.trim().toUpperCase());
}
