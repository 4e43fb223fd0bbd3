import { ApiErrorCode, OfficeApiError } from './OfficeApiError';

const FORBIDDEN = /[[\]:*?/\\]/;

/**
 * Excel's worksheet-name rules: 1–31 characters, none of `[ ] : * ? / \`, no apostrophe at
 * either end, not the reserved `History`. Uniqueness is checked by the workbook, which knows
 * the other names.
 */
export function validateSheetName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new OfficeApiError(ApiErrorCode.invalidArgument, 'The worksheet name cannot be blank.', 'Worksheet.name');
  }
  if (name.length > 31) {
    throw new OfficeApiError(ApiErrorCode.invalidArgument, `The worksheet name "${name}" is longer than 31 characters.`, 'Worksheet.name');
  }
  if (FORBIDDEN.test(name)) {
    throw new OfficeApiError(ApiErrorCode.invalidArgument, `The worksheet name "${name}" contains one of the characters [ ] : * ? / \\.`, 'Worksheet.name');
  }
  if (name.startsWith("'") || name.endsWith("'")) {
    throw new OfficeApiError(ApiErrorCode.invalidArgument, `The worksheet name "${name}" cannot begin or end with an apostrophe.`, 'Worksheet.name');
  }
  if (name.toLowerCase() === 'history') {
    throw new OfficeApiError(ApiErrorCode.invalidArgument, 'History is a reserved worksheet name.', 'Worksheet.name');
  }
  return name;
}
