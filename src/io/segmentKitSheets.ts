import { SegmentKitError } from '../core/errors/SegmentKitError';
import { SK_SHEET_PREFIX } from '../excel/sheetNames';

/** SegmentKit names its sheets "SK …": a rerun replaces those and keeps every other sheet. */
export function isSegmentKitSheet(name: string): boolean {
  return name.startsWith(SK_SHEET_PREFIX);
}

/**
 * The error for a sheet of the user's that has the name of one of SegmentKit's (Excel compares
 * names without case), so it is neither overwritten nor doubled.
 *
 * @example
 * if (ours.has(name.toLowerCase())) throw sheetNameTaken('out.xlsx', name);
 */
export function sheetNameTaken(file: string, sheet: string): SegmentKitError {
  return new SegmentKitError('E_SHEET_NAME', `The workbook already has a sheet "${sheet}" of its own`, { location: { file, sheet }, hint: 'Rename that sheet; SegmentKit names its sheets "SK …".' });
}
