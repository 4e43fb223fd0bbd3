import { SegmentKitError } from '../core/errors/SegmentKitError';
import { formatRect, parseCells, splitSheet } from './a1Address';
import { apiErrorCode, excelApi } from './excelHost';
import { gridBytes, rowsPerRequest } from './requestBudget';
import { throwIfCancelled } from './throwIfCancelled';

export interface ReadProgress {
  step: 'read';
  sheet: string;
  rowsRead: number;
  rowCount: number;
}

export interface ReadSheetOptions {
  /** Worksheet name; default the active sheet. */
  sheet?: string;
  /** Read this Excel table (header row included) instead of the used range. */
  table?: string;
  /** Read the current selection instead of the used range. */
  useSelection?: boolean;
  onProgress?: (p: ReadProgress) => void;
  signal?: AbortSignal;
}

/** The cells of a sheet region, ready for `tableFromValues`. */
export interface SheetData {
  sheetName: string;
  /** A1 address of the region read, e.g. `'My Sheet'!A1:D100` ('' for an empty sheet). */
  address: string;
  values: unknown[][];
  numberFormats: string[][];
  /** 1-based sheet row of values[0] (as `tableFromValues` counts). */
  startRow: number;
  /** 0-based sheet column of values[0][0]. */
  startColumn: number;
  /** Requests (syncs) the read took. */
  requests: number;
}

/** A first guess of bytes per cell (value + number format) until a chunk has been measured. */
const FIRST_GUESS_BYTES_PER_CELL = 40;

/**
 * Reads the used range (or a named table, or the selection) of a sheet in row chunks sized so
 * each request stays within SegmentKit's 4 MB / 1 million cell budget. The chunk size adapts to
 * the bytes per row measured so far, and halves when Excel still says a response was too big.
 *
 * @example
 * const data = await readSheet({ sheet: 'Customers' });
 * const parsed = tableFromValues(data.values, { sheet: data.sheetName, numberFormats: data.numberFormats, startRow: data.startRow, startColumn: data.startColumn });
 */
export async function readSheet(options: ReadSheetOptions = {}): Promise<SheetData> {
  if (options.sheet !== undefined && (typeof options.sheet !== 'string' || options.sheet.trim() === '')) {
    throw new SegmentKitError('E_EXCEL_SHEET_NAME', 'The sheet name is blank', { hint: 'Pick a sheet from the list, or leave it out to read the active sheet.' });
  }
  if (options.table !== undefined && options.useSelection) {
    throw new SegmentKitError('E_EXCEL_READ_OPTIONS', 'Choose either a table or the selection, not both', { hint: 'Pass `table` or `useSelection`.' });
  }
  throwIfCancelled(options.signal, 'read');
  return excelApi().run(async (context) => {
    let requests = 0;
    const sync = async (): Promise<void> => {
      requests++;
      await context.sync();
    };
    const wb = context.workbook;
    const sheet = options.sheet === undefined ? wb.worksheets.getActiveWorksheet() : wb.worksheets.getItemOrNullObject(options.sheet);
    sheet.load('name');
    const table = options.table === undefined ? null : (options.sheet === undefined ? wb.tables : sheet.tables).getItemOrNullObject(options.table);
    await sync();
    if (sheet.isNullObject) {
      throw new SegmentKitError('E_EXCEL_SHEET_NOT_FOUND', `There is no sheet named "${options.sheet}"`, { location: { sheet: options.sheet }, hint: 'Check the spelling, or pick the sheet from the list.' });
    }
    if (table && table.isNullObject) {
      throw new SegmentKitError('E_EXCEL_TABLE_NOT_FOUND', `There is no table named "${options.table}"`, { location: { sheet: sheet.name }, hint: 'Pick a table from Table Design › Table Name, or read the whole sheet.' });
    }
    const area = table ? table.getRange() : options.useSelection ? wb.getSelectedRange() : sheet.getUsedRangeOrNullObject(true);
    area.load('address,rowIndex,columnIndex,rowCount,columnCount');
    await sync();
    if (area.isNullObject) {
      return { sheetName: sheet.name, address: '', values: [], numberFormats: [], startRow: 1, startColumn: 0, requests };
    }
    const located = splitSheet(area.address);
    const sheetName = located.sheet ?? sheet.name;
    const source = sheetName === sheet.name ? sheet : wb.worksheets.getItem(sheetName);
    const rect = parseCells(located.cells) ?? { row: area.rowIndex, column: area.columnIndex, rowCount: area.rowCount, columnCount: area.columnCount };
    const values: unknown[][] = [];
    const numberFormats: string[][] = [];
    let chunk = rowsPerRequest(FIRST_GUESS_BYTES_PER_CELL * rect.columnCount, rect.columnCount);
    let done = 0;
    while (done < rect.rowCount) {
      throwIfCancelled(options.signal, 'read');
      const n = Math.min(chunk, rect.rowCount - done);
      const part = source.getRangeByIndexes(rect.row + done, rect.column, n, rect.columnCount);
      part.load('values,numberFormat');
      try {
        await sync();
      } catch (e) {
        const code = apiErrorCode(e);
        if ((code === 'ResponsePayloadSizeLimitExceeded' || code === 'RangeExceedsLimit') && n > 1) {
          chunk = Math.max(1, Math.floor(n / 2));
          continue;
        }
        throw new SegmentKitError('E_EXCEL_READ', `Reading rows ${rect.row + done + 1}–${rect.row + done + n} failed: ${e instanceof Error ? e.message : String(e)}`, {
          location: { sheet: sheetName, cell: formatRect({ ...rect, row: rect.row + done, rowCount: n }, sheetName) },
          hint: 'Try again; if it keeps failing, read a smaller table or selection.',
          cause: e,
        });
      }
      const v = part.values;
      const f = part.numberFormat as string[][];
      for (let i = 0; i < v.length; i++) {
        values.push(v[i]!);
        numberFormats.push(f[i]!);
      }
      const bytesPerRow = (gridBytes(v) + gridBytes(f)) / n;
      chunk = rowsPerRequest(bytesPerRow, rect.columnCount);
      done += n;
      options.onProgress?.({ step: 'read', sheet: sheetName, rowsRead: done, rowCount: rect.rowCount });
    }
    return { sheetName, address: formatRect(rect, sheetName), values, numberFormats, startRow: rect.row + 1, startColumn: rect.column, requests };
  });
}
