import type { OutputColumn, OutputSheet } from '../../core/results/Outputs';
import type { SheetChunk } from '../../excel/streamSheet';
import type { SheetInfo, WriteReport } from './SegmentKitServices';

/** A sheet's used range as read from the workbook. */
export interface SheetRead {
  sheetName: string;
  values: unknown[][];
  numberFormats: string[][];
  /** 1-based sheet row of values[0]. */
  startRow: number;
  /** 0-based sheet column of values[0][0]. */
  startColumn: number;
  /** Rows of the whole used range (more than `values.length` when the read stopped early). */
  rowCount: number;
}

/** What to write: columns next to one sheet's rows, summary sheets, an optional PivotTable. */
export interface WriteRequest {
  sheet: string;
  columns: OutputColumn[];
  /** Data row i of `sheet` takes output row rowMap[i]; -1 leaves it blank. */
  rowMap: Int32Array;
  sheets: OutputSheet[];
  pivot?: { rows: string; measures: string[] };
  charts: boolean;
}

/**
 * The workbook as the taskpane services need it. The one implementation delegates to the
 * src/excel adapter (the only code that calls Excel.run); in the playground that adapter runs
 * on the in-memory workbook installed as the global `Excel`.
 */
export interface WorkbookPort {
  listSheets(): Promise<SheetInfo[]>;
  /** Reads a sheet's used range; `maxRows` stops after that many rows (header included). */
  readSheet(sheet: string, options?: { signal?: AbortSignal; maxRows?: number }): Promise<SheetRead>;
  /** Reads a sheet's used range chunk by chunk; the next chunk is read once `onChunk` settles. Resolves with the rows read. */
  streamSheet(sheet: string, onChunk: (chunk: SheetChunk) => Promise<void>, options?: { signal?: AbortSignal; onProgress?: (rowsRead: number, rowCount: number) => void }): Promise<number>;
  /** Selects cells such as `Orders!D17`; absent where the adapter cannot select. */
  selectCells?(address: string): Promise<void>;
  write(request: WriteRequest, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<WriteReport>;
  /** Stores a JSON object with a numeric `version` under `name` inside the workbook. */
  saveRecipe(name: string, recipe: unknown): Promise<void>;
  /** Stored objects that this SegmentKit can read, by name. */
  loadRecipes(): Promise<{ name: string; recipe: unknown }[]>;
}
