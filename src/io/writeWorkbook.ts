import ExcelJS from 'exceljs';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { CellValue, OutputColumn, SummaryTable } from '../core/results/Outputs';
import { guardFormula } from './guardFormula';

export interface WorkbookSheet {
  name: string;
  /** Per-customer columns, written from A1 as one filterable block. */
  columns?: OutputColumn[];
  /** Summary tables, stacked below the columns (or from A1) with a title row each. */
  tables?: SummaryTable[];
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const BAD_SHEET_NAME = /[[\]:*?/\\]/;
const MAX_WIDTH = 60;

/**
 * Writes a formatted workbook (after the sheets of `base`, an existing workbook, when given): bold, filled header rows, frozen header, number formats, column
 * widths from the content and an autofilter on the customer columns. Text is guarded against
 * formula injection (the file is for Excel).
 *
 * @example
 * await writeWorkbook('out/segments.xlsx', { sheets: [{ name: 'SK Customers', columns: [{ header: 'SK · RFM segment', values: ['Champions'] }] }] });
 */
export async function writeWorkbook(path: string, spec: { sheets: WorkbookSheet[]; base?: Buffer }): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const names = new Set<string>();
  if (spec.base) {
    // The user's workbook goes first, untouched; every sheet of a previous SegmentKit run
    // ("SK …") is replaced by this run's, never doubled or left stale.
    await workbook.xlsx.load(spec.base as unknown as ArrayBuffer);
    const ours = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
    for (const ws of [...workbook.worksheets]) {
      if (ws.name.startsWith('SK ')) workbook.removeWorksheet(ws.id);
      else if (ours.has(ws.name.toLowerCase())) {
        throw new SegmentKitError('E_SHEET_NAME', `The workbook already has a sheet "${ws.name}" of its own`, { location: { file: path, sheet: ws.name }, hint: 'Rename that sheet; SegmentKit names its sheets "SK …".' });
      }
    }
  }
  for (const s of spec.sheets) {
    if (!s.name || s.name.length > 31 || BAD_SHEET_NAME.test(s.name) || names.has(s.name.toLowerCase())) {
      throw new SegmentKitError('E_SHEET_NAME', `"${s.name}" cannot be a sheet name`, {
        location: { file: path, sheet: s.name },
        hint: 'Sheet names are 1-31 characters, unique, without [ ] : * ? / \\.',
      });
    }
    names.add(s.name.toLowerCase());
    const ws = workbook.addWorksheet(s.name);
    const widths: number[] = [];
    let row = 1;
    if (s.columns?.length) {
      row = writeColumns(ws, s.columns, widths);
      ws.views = [{ state: 'frozen', ySplit: 1 }];
      row += 1;
    }
    for (const t of s.tables ?? []) row = writeTable(ws, t, row, widths) + 1;
    widths.forEach((w, k) => (ws.getColumn(k + 1).width = Math.min(MAX_WIDTH, Math.max(8, w + 2))));
  }
  try {
    await workbook.xlsx.writeFile(path);
  } catch (e) {
    throw new SegmentKitError('E_FILE_WRITE', `The workbook cannot be written (${(e as Error).message})`, { location: { file: path }, hint: 'Close the file in Excel and check the folder exists.', cause: e });
  }
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

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => (c.fill = HEADER_FILL));
}

function writeColumns(ws: ExcelJS.Worksheet, columns: OutputColumn[], widths: number[]): number {
  const rows = Math.max(...columns.map((c) => c.values.length));
  styleHeader(ws.addRow(columns.map((c, k) => (note(widths, k, c.header), c.header))));
  for (let i = 0; i < rows; i++) {
    ws.addRow(columns.map((c, k) => {
      const v = cell(c.values[i] as CellValue);
      note(widths, k, v);
      return v;
    }));
  }
  columns.forEach((c, k) => {
    if (c.numberFormat) ws.getColumn(k + 1).numFmt = c.numberFormat;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columns.length } };
  return rows + 1;
}

function writeTable(ws: ExcelJS.Worksheet, t: SummaryTable, start: number, widths: number[]): number {
  const title = ws.getRow(start);
  title.getCell(1).value = t.title;
  title.font = { bold: true, size: 12 };
  const header = ws.getRow(start + 1);
  t.headers.forEach((h, k) => {
    header.getCell(k + 1).value = h;
    note(widths, k, h);
  });
  styleHeader(header);
  t.rows.forEach((r, i) => {
    const row = ws.getRow(start + 2 + i);
    r.forEach((v, k) => {
      const c = row.getCell(k + 1);
      c.value = cell(v);
      note(widths, k, c.value as CellValue);
      const fmt = t.numberFormats?.[k];
      if (fmt) c.numFmt = fmt;
    });
  });
  if (start === 1) ws.views = [{ state: 'frozen', ySplit: 2 }];
  return start + 2 + t.rows.length;
}
