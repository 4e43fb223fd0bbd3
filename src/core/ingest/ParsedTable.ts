import type { ColumnType, Table } from '../table/Table';
import type { DateOrder } from './parseDateCell';

/** A problem worth telling the user that did not stop the import. `count` says how many cells/rows. */
export interface IngestWarning {
  code: string;
  message: string;
  count?: number;
}

/** What the reader found in one column. */
export interface ColumnReport {
  name: string;
  type: ColumnType;
  /** Excel column letters in the source (`D`). */
  letter: string;
  /** Blank cells plus Excel error values. */
  missing: number;
  /** Cells holding an Excel error such as `#N/A` (already included in `missing`). */
  excelErrors: number;
  /** Non-blank cells that did not fit the column's type (they are missing in the table). */
  unparsable: number;
  /** Up to five addresses such as `Orders!D17` of unparsable cells. */
  firstBadCells: string[];
  warnings: string[];
}

export interface ParsedTable {
  table: Table;
  columns: ColumnReport[];
  warnings: IngestWarning[];
  /** 1-based sheet row of the header, 0 when the data has no header row. */
  headerRow: number;
  /** 1-based sheet (or file record) row of table row `i`. */
  sourceRowOf(i: number): number;
}

export interface TableFromValuesOptions {
  sheet?: string;
  file?: string;
  /** Excel number formats aligned with `values` (`range.numberFormat`). */
  numberFormats?: string[][];
  hasHeader?: boolean | 'auto';
  dateOrder?: DateOrder | 'auto';
  /** 1-based sheet row of values[0]; default 1. */
  startRow?: number;
  /** 0-based sheet column of values[0][0]; default 0. */
  startColumn?: number;
  /** Decimal separator to assume when no value in a column decides it; default '.'. */
  decimalHint?: '.' | ',';
}
