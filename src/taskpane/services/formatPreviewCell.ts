import { dayNumberFromExcelSerial, isoFromDayNumber } from '../../core/table/dayNumber';

const DATE_FORMAT = /(^|[^"\\])[dmy]{1,4}/i;

/**
 * A cell as a short text for the preview: dates (numbers under a date format) as ISO dates,
 * everything else as it is. Locale formatting is the UI's job; this only makes values readable.
 *
 * @example
 * formatPreviewCell(46203, 'yyyy-mm-dd'); // '2026-06-30'
 */
export function formatPreviewCell(value: unknown, numberFormat: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && numberFormat && DATE_FORMAT.test(numberFormat) && !/^general$/i.test(numberFormat)) {
    return isoFromDayNumber(dayNumberFromExcelSerial(value));
  }
  return String(value);
}
