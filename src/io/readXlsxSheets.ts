import { basename, extname } from 'node:path';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { ParsedTable } from '../core/ingest/ParsedTable';
import { readFileBytes } from './readFileBytes';
import { readXlsxSheets as readSheets } from './readXlsx';
import { sniffFormat } from './sniffFormat';

/**
 * Reads named sheets (or every visible sheet) of a workbook file in one pass.
 *
 * @example
 * const sheets = await readXlsxSheets('out/sample.xlsx', 'visible'); // Customers, Orders, Tickets
 */
export async function readXlsxSheets(path: string, sheets: string[] | 'visible'): Promise<(ParsedTable & { sheetName: string })[]> {
  const bytes = await readFileBytes(path);
  // The same checks as readTableFile: empty, legacy .xls, or not a zip at all.
  if (bytes.length === 0) throw new SegmentKitError('E_EMPTY', 'The file is empty', { location: { file: basename(path) }, hint: 'Export the data again; the file has 0 bytes.' });
  sniffFormat(bytes, extname(path).toLowerCase(), basename(path));
  return readSheets(bytes, basename(path), sheets);
}
