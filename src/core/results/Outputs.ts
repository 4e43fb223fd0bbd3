/**
 * What models hand to adapters for writing: plain data, no Excel, no files. The Excel adapter
 * writes these as columns / sheets; the CLI writes them to CSV / XLSX; the taskpane shows them.
 */
export type CellValue = string | number | boolean | null;

/** A per-customer output column, aligned with the CustomerTable rows. */
export interface OutputColumn {
  /** Header as written, e.g. `SK · RFM segment` (the `SK · ` prefix marks SegmentKit's own columns). */
  header: string;
  values: CellValue[] | Float64Array | Int32Array;
  /** Excel number format, e.g. `0`, `0.00`, `#,##0.00`, `0.0%`, `yyyy-mm-dd`. */
  numberFormat?: string;
}

/** A small table for a summary sheet (profiles, playbooks, candidates for k, ...). */
export interface SummaryTable {
  /** Title shown above the table and used to name the Excel table. */
  title: string;
  headers: string[];
  rows: CellValue[][];
  /** One number format per column ('' or undefined = General). */
  numberFormats?: (string | undefined)[];
}

/** A chart request; adapters that cannot draw it skip it and say so. */
export interface ChartSpec {
  title: string;
  kind: 'column' | 'bar' | 'line' | 'scatter' | 'pie';
  /** Which SummaryTable on the same sheet holds the data, and which of its columns. */
  table: string;
  categoryColumn: string;
  valueColumns: string[];
}

export interface OutputSheet {
  /** Sheet name (≤ 31 characters, no []:*?/\), e.g. `SK RFM`. */
  name: string;
  tables: SummaryTable[];
  charts?: ChartSpec[];
}

export const SK_PREFIX = 'SK · ';
