/**
 * Whether exceljs (and so SegmentKit's workbook reader) takes a number format for a date or
 * time: after dropping `[...]` sections (colours, locales, elapsed-time brackets) and quoted
 * literals, any of the letters y m d h M s b remains.
 *
 * @example
 * isExcelDateFormat('yyyy-mm-dd');      // true
 * isExcelDateFormat('#,##0.00 "days"'); // false
 */
export function isExcelDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}
