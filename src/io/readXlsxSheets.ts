import { basename } from 'node:path';
import type { ParsedTable } from '../core/ingest/ParsedTable';
import { readFileBytes } from './readFileBytes';
import { readXlsxSheets as readSheets } from './readXlsx';

/**
 * Reads named sheets (or every visible sheet) of a workbook file in one pass.
 *
 * @example
 * const sheets = await readXlsxSheets('out/sample.xlsx', 'visible'); // Customers, Orders, Tickets
 */
export async function readXlsxSheets(path: string, sheets: string[] | 'visible'): Promise<(ParsedTable & { sheetName: string })[]> {
  return readSheets(await readFileBytes(path), basename(path), sheets);
}
