import ExcelJS from 'exceljs';
import type { CellValue, OutputColumn, SummaryTable } from '../core/results/Outputs';
import { guardFormula } from './guardFormula';

export interface WorkbookSheet {
  name: string;
  /** Per-customer columns, written from A1 as one filterable block. */
  columns?: OutputColumn[];
  /** Summary tables, stacked below the columns (or from A1) with a title row each. */
  tables?: SummaryTable[];
}

/** Excel's sheet size: rows (the header included) and columns. */
export const EXCEL_SHEET_ROWS = 1_048_576;
export const EXCEL_SHEET_COLUMNS = 16_384;

/** The rows and columns {@link writeSheet} fills: the column block with its header, then each table with a title, a header and a blank row between. */
export function sheetExtent(s: WorkbookSheet): { rows: number; columns: number } {
  const columns = s.columns ?? [];
  let rows = columns.length ? Math.max(...columns.map((c) => c.values.length)) + 1 : 0;
  let width = columns.length;
  for (const t of s.tables ?? []) {
    rows += (rows ? 1 : 0) + 2 + t.rows.length;
    width = Math.max(width, t.headers.length, ...t.rows.map((r) => r.length));
  }
  return { rows, columns: width };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const MAX_WIDTH = 60;

/** The header row stays in view: the column header, or a summary sheet's first table's title and header. */
export function frozenView(s: WorkbookSheet): Partial<ExcelJS.WorksheetView>[] {
  if (s.columns?.length) return [{ state: 'frozen', ySplit: 1 }];
  return s.tables?.length ? [{ state: 'frozen', ySplit: 2 }] : [];
}

/**
 * Writes one of SegmentKit's sheets: bold, filled header rows, frozen header (see
 * {@link frozenView}), number formats, column widths from the content and an autofilter on the
 * customer columns; text guarded against formula injection (the file is for Excel). The rows go
 * in order, each committed once written, so the same code serves the streaming
 * writer (which needs the widths, column formats and autofilter before the first row) and the
 * in-memory workbook (where committing does nothing).
 */
export function writeSheet(ws: ExcelJS.Worksheet, s: WorkbookSheet): void {
  const columns = s.columns ?? [];
  const rows = columns.length ? Math.max(...columns.map((c) => c.values.length)) : 0;
  // One style object per column, shared by its cells: exceljs looks a style up by object identity
  // first, and would otherwise serialise a fresh copy for every cell (a quarter of the time).
  const styles: Partial<ExcelJS.Style>[] = columns.map((c) => (c.numberFormat ? { numFmt: c.numberFormat } : {}));
  ws.columns = sheetWidths(s).map((w, k) => ({ width: Math.min(MAX_WIDTH, Math.max(8, w + 2)), style: styles[k] ?? {} }));
  if (columns.length) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columns.length } };
    headerRow(ws.addRow(columns.map((c) => c.header)));
    const values: CellValue[] = new Array(columns.length);
    for (let i = 0; i < rows; i++) {
      for (let k = 0; k < columns.length; k++) values[k] = cell(columns[k].values[i] as CellValue);
      const row = ws.addRow(values);
      for (let k = 0; k < columns.length; k++) row.getCell(k + 1).style = styles[k];
      row.commit();
    }
  }
  // One blank row between blocks, none after the last (a sheet filled to Excel's last row stays valid).
  (s.tables ?? []).forEach((t, i) => {
    if (i > 0 || columns.length) ws.addRow([]).commit();
    const title = ws.addRow([t.title]);
    title.font = { bold: true, size: 12 };
    title.commit();
    headerRow(ws.addRow(t.headers));
    for (const r of t.rows) {
      const row = ws.addRow(r.map(cell));
      t.numberFormats?.forEach((fmt, k) => {
        if (fmt && k < r.length) row.getCell(k + 1).numFmt = fmt;
      });
      row.commit();
    }
  });
}

/** Characters per column, from the headers and values (numbers count at most 12). */
function sheetWidths(s: WorkbookSheet): number[] {
  const widths: number[] = [];
  s.columns?.forEach((c, k) => {
    note(widths, k, c.header);
    for (let i = 0; i < c.values.length; i++) note(widths, k, cell(c.values[i] as CellValue));
  });
  for (const t of s.tables ?? []) {
    t.headers.forEach((h, k) => note(widths, k, h));
    for (const r of t.rows) r.forEach((v, k) => note(widths, k, cell(v)));
  }
  return widths;
}

function cell(v: CellValue | undefined): CellValue {
  if (typeof v === 'string') return guardFormula(v);
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v ?? null;
}

function note(widths: number[], k: number, v: CellValue): void {
  const len = v === null ? 0 : typeof v === 'number' ? Math.min(12, String(v).length) : String(v).length;
  widths[k] = Math.max(widths[k] ?? 0, len);
}

function headerRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => (c.fill = HEADER_FILL));
  row.commit();
}
