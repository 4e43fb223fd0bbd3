import { SegmentKitError } from '../core/errors/SegmentKitError';

/** SegmentKit's own sheets start with this; reruns replace sheets by name. */
export const SK_SHEET_PREFIX = 'SK ';
/** Sheets being built; a run that failed part-way leaves one, and the next run deletes it. */
export const STAGING_PREFIX = 'SK ~';
/** Header suffix while a column is being written; the last request removes it. */
export const INCOMPLETE_SUFFIX = ' (incomplete)';

const FORBIDDEN = /[[\]:*?/\\]/;

/** Checks an output sheet name against Excel's rules and SegmentKit's prefix. */
export function checkOutputSheetName(name: string): void {
  const fail = (detail: string): never => {
    throw new SegmentKitError('E_EXCEL_SHEET_NAME', detail, { location: { sheet: name }, hint: 'Use a name such as "SK RFM": at most 31 characters, none of [ ] : * ? / \\.' });
  };
  if (typeof name !== 'string' || name.trim() === '') fail('An output sheet name is blank');
  if (!name.startsWith(SK_SHEET_PREFIX) || name.startsWith(STAGING_PREFIX)) fail(`Output sheet names must start with "${SK_SHEET_PREFIX}" (and not "${STAGING_PREFIX}")`);
  if (name.length > 31) fail(`The sheet name is ${name.length} characters long; Excel allows 31`);
  if (FORBIDDEN.test(name)) fail('The sheet name contains one of [ ] : * ? / \\');
  if (name.endsWith("'")) fail('The sheet name ends with an apostrophe');
}

/** A valid, recognisable Excel table / PivotTable name from free text. */
export function objectName(...parts: string[]): string {
  const slug = parts.map((p) => p.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '')).filter((p) => p !== '').join('_');
  return `SK_${slug}`.slice(0, 250);
}
