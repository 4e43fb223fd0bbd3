import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { ParsedTable } from '../core/ingest/ParsedTable';
import { readXlsxSheets as readSheets } from './readXlsx';

/**
 * Reads named sheets (or every visible sheet) of a workbook file in one pass.
 *
 * @example
 * const sheets = await readXlsxSheets('out/sample.xlsx', 'visible'); // Customers, Orders, Tickets
 */
export async function readXlsxSheets(path: string, sheets: string[] | 'visible'): Promise<(ParsedTable & { sheetName: string })[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new SegmentKitError(code === 'ENOENT' ? 'E_FILE_NOT_FOUND' : 'E_FILE_READ', code === 'ENOENT' ? 'The file does not exist' : `The file cannot be read (${code ?? String(e)})`, {
      location: { file: path },
      hint: 'Check the path and that you may read the file.',
      cause: e,
    });
  }
  return readSheets(bytes, basename(path), sheets);
}
