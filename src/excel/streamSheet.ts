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
  /** Read only the first this many rows of the region (header included), e.g. for a preview. */
  maxRows?: number;
  onProgress?: (p: ReadProgress) => void;
  signal?: AbortSignal;
}

/** One request's worth of rows, in sheet order. */
export interface SheetChunk {
  sheetName: string;
  /** 1-based sheet row of values[0]. */
  startRow: number;
  /** 0-based sheet column of values[0][0]. */
  startColumn: number;
  values: unknown[][];
  /** Consecutive rows with the same formats share one array (cheaper to keep and to post to a worker). */
  numberFormats: string[][];
}

/** Where the rows came from, once all chunks have been handed over. */
export interface SheetRegion {
  sheetName: string;
  /** A1 address of the region read, e.g. `'My Sheet'!A1:D100` ('' for an empty sheet). */
  address: string;
  /** Rows read (at most `maxRows`). */
  rowCount: number;
  /** Rows of the whole region, read or not. */
  regionRowCount: number;
  /** 1-based sheet row of the first row read (as `tableFromValues` counts). */
  startRow: number;
  /** 0-based sheet column of the first column read. */
  startColumn: number;
  /** Requests (syncs) the read took. */
  requests: number;
}

/** A first guess of bytes per cell (value + number format) until a chunk has been measured. */
const FIRST_GUESS_BYTES_PER_CELL = 40;

/**
 * Reads the used range (or a named table, or the selection) of a sheet in row chunks and hands
 * each chunk to `onChunk` as it arrives, so a million rows never have to sit in one array. Each
 * request stays within SegmentKit's 4 MB / 1 million cell budget: the chunk size adapts to the
 * bytes per row measured so far, and halves when Excel still says a response was too big. The
 * next chunk is requested only after `onChunk`'s promise settles.
 *
 * @example
 * const region = await streamSheet({ sheet: 'Orders' }, (chunk) => engine.receiveRows(chunk));
 * region.rowCount; // rows including the header
 */
export async function streamSheet(options: ReadSheetOptions, onChunk: (chunk: SheetChunk) => void | Promise<void>): Promise<SheetRegion> {
  if (options.sheet !== undefined && (typeof options.sheet !== 'string' || options.sheet.trim() === '')) {
    throw new SegmentKitError('E_EXCEL_SHEET_NAME', 'The sheet name is blank', { hint: 'Pick a sheet from the list, or leave it out to read the active sheet.' });
  }
  if (options.table !== undefined && options.useSelection) {
    throw new SegmentKitError('E_EXCEL_READ_OPTIONS', 'Choose either a table or the selection, not both', { hint: 'Pass `table` or `useSelection`.' });
  }
  if (options.maxRows !== undefined && (!Number.isInteger(options.maxRows) || options.maxRows < 1)) {
    throw new SegmentKitError('E_EXCEL_READ_OPTIONS', `maxRows must be a whole number of at least 1, got ${String(options.maxRows)}`, { hint: 'Leave maxRows out to read every row.' });
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
    if (area.isNullObject) return { sheetName: sheet.name, address: '', rowCount: 0, regionRowCount: 0, startRow: 1, startColumn: 0, requests };
    const located = splitSheet(area.address);
    const sheetName = located.sheet ?? sheet.name;
    const source = sheetName === sheet.name ? sheet : wb.worksheets.getItem(sheetName);
    const full = parseCells(located.cells) ?? { row: area.rowIndex, column: area.columnIndex, rowCount: area.rowCount, columnCount: area.columnCount };
    const rect = { ...full, rowCount: Math.min(full.rowCount, options.maxRows ?? full.rowCount) };
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
      const values = part.values;
      const numberFormats = shareRepeatedRows(part.numberFormat as string[][]);
      chunk = rowsPerRequest((gridBytes(values) + gridBytes(numberFormats)) / n, rect.columnCount);
      await onChunk({ sheetName, startRow: rect.row + done + 1, startColumn: rect.column, values, numberFormats });
      done += n;
      options.onProgress?.({ step: 'read', sheet: sheetName, rowsRead: done, rowCount: rect.rowCount });
    }
    return { sheetName, address: formatRect(rect, sheetName), rowCount: rect.rowCount, regionRowCount: full.rowCount, startRow: rect.row + 1, startColumn: rect.column, requests };
  });
}

/** A column of orders has the same formats on every row: one array instead of a million equal ones. */
function shareRepeatedRows(rows: string[][]): string[][] {
  for (let i = 1; i < rows.length; i++) {
    const above = rows[i - 1]!;
    const row = rows[i]!;
    let same = row.length === above.length;
    for (let j = 0; same && j < row.length; j++) same = row[j] === above[j];
    if (same) rows[i] = above;
  }
  return rows;
}
