import { streamSheet, type ReadSheetOptions } from './streamSheet';

export type { ReadProgress, ReadSheetOptions } from './streamSheet';

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
  /** Rows of the whole region; more than `values.length` when `maxRows` stopped the read early. */
  regionRowCount: number;
}

/**
 * Reads the used range (or a named table, or the selection) of a sheet into one array, in row
 * chunks sized so each request stays within SegmentKit's 4 MB / 1 million cell budget (see
 * `streamSheet`, which hands the chunks over one by one instead).
 *
 * @example
 * const data = await readSheet({ sheet: 'Customers' });
 * const parsed = tableFromValues(data.values, { sheet: data.sheetName, numberFormats: data.numberFormats, startRow: data.startRow, startColumn: data.startColumn });
 */
export async function readSheet(options: ReadSheetOptions = {}): Promise<SheetData> {
  const values: unknown[][] = [];
  const numberFormats: string[][] = [];
  const region = await streamSheet(options, (chunk) => {
    for (let i = 0; i < chunk.values.length; i++) {
      values.push(chunk.values[i]!);
      numberFormats.push(chunk.numberFormats[i]!);
    }
  });
  return { sheetName: region.sheetName, address: region.address, values, numberFormats, startRow: region.startRow, startColumn: region.startColumn, requests: region.requests, regionRowCount: region.regionRowCount };
}
