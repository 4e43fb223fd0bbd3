import { createWriteStream, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import ExcelJS from 'exceljs';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { CellValue, OutputColumn, SummaryTable } from '../core/results/Outputs';
import { appendSheets } from './appendSheets';
import { guardFormula } from './guardFormula';
import { UnsupportedWorkbookError } from './mergeStyles';
import { ZipArchive } from './ZipArchive';

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
 * exceljs held 944 MB of heap for a workbook whose parts inflate to 124 MB (300,000 order lines
 * and 64,000 customers' segments): about 8 bytes per byte of XML, and this run's sheets come on top.
 */
const HEAP_PER_XML_BYTE = 10;

export interface WriteWorkbookSpec {
  sheets: WorkbookSheet[];
  /** An existing workbook whose sheets go first, unchanged. */
  base?: Buffer;
  /** Heap bytes the base may take if it has to be loaded whole (default: what is left below Node's heap limit). */
  memoryBudget?: number;
}

/**
 * Writes a formatted workbook (after the sheets of `base`, an existing workbook, when given): bold,
 * filled header rows, frozen header, number formats, column widths from the content and an
 * autofilter on the customer columns. Text is guarded against formula injection (the file is for
 * Excel). The rows stream to disk as they are made, so a full sheet of order lines plus every
 * customer's segments fits in memory (as one in-memory workbook, exceljs ran out of a 4 GB heap on
 * 1,048,575 lines and 140,473 customers). A base is carried over by {@link appendSheets}: its parts
 * copied as stored, ours appended. Only a base laid out in a way that code does not read (a Strict
 * OOXML workbook, say) is loaded whole with exceljs instead, when it fits in the memory left;
 * otherwise it is left out (`baseCarried: false`) and only SegmentKit's sheets are written. The
 * file appears only when complete: it is written beside its final name and renamed, so a failed run
 * never leaves half a workbook or destroys the previous one.
 *
 * @example
 * await writeWorkbook('out/segments.xlsx', { sheets: [{ name: 'SK Customers', columns: [{ header: 'SK · RFM segment', values: ['Champions'] }] }] });
 */
export async function writeWorkbook(path: string, spec: WriteWorkbookSpec): Promise<{ baseCarried: boolean }> {
  checkSheetNames(path, spec.sheets);
  const part = join(dirname(path), `.${basename(path)}.${process.pid}.part`);
  const ours = `${part}.sk`;
  let baseCarried = false;
  try {
    if (!spec.base) await streamSheets(part, spec.sheets, true);
    else {
      // Our sheets alone first, each text in its cell so the user's shared strings stay as they are;
      // then the user's package with them appended.
      await streamSheets(ours, spec.sheets, false);
      try {
        await appendSheets(spec.base, readFileSync(ours), part, path);
        baseCarried = true;
      } catch (e) {
        if (!(e instanceof UnsupportedWorkbookError)) throw e;
        baseCarried = baseFits(spec.base, spec.memoryBudget ?? heapLeft());
        if (baseCarried) await writeOverBase(part, path, spec.sheets, spec.base);
        else renameSync(ours, part);
      }
    }
    renameSync(part, path);
  } catch (e) {
    rmSync(part, { force: true });
    if (e instanceof SegmentKitError) throw e;
    throw new SegmentKitError('E_FILE_WRITE', `The workbook cannot be written (${(e as Error).message})`, { location: { file: path }, hint: 'Close the file in Excel and check the folder exists.', cause: e });
  } finally {
    rmSync(ours, { force: true });
  }
  return { baseCarried };
}

function heapLeft(): number {
  return getHeapStatistics().heap_size_limit - process.memoryUsage().heapUsed;
}

/** Whether exceljs can load `base` in `budget` bytes, judged from its parts' inflated sizes (nothing is inflated). */
function baseFits(base: Buffer, budget: number): boolean {
  try {
    return ZipArchive.open(base).uncompressedSize() * HEAP_PER_XML_BYTE <= budget;
  } catch {
    // Not a zip: exceljs says what is wrong with it.
    return true;
  }
}

function checkSheetNames(path: string, sheets: WorkbookSheet[]): void {
  const names = new Set<string>();
  for (const s of sheets) {
    if (!s.name || s.name.length > 31 || BAD_SHEET_NAME.test(s.name) || names.has(s.name.toLowerCase())) {
      throw new SegmentKitError('E_SHEET_NAME', `"${s.name}" cannot be a sheet name`, {
        location: { file: path, sheet: s.name },
        hint: 'Sheet names are 1-31 characters, unique, without [ ] : * ? / \\.',
      });
    }
    names.add(s.name.toLowerCase());
  }
}

/**
 * SegmentKit's sheets alone, streamed to `file` as exceljs makes the XML. `sharedStrings: false`
 * writes each text in its cell, as {@link appendSheets} needs.
 *
 * @example
 * await streamSheets('sk.xlsx', [{ name: 'SK Customers', columns }], false);
 */
export async function streamSheets(file: string, sheets: WorkbookSheet[], sharedStrings: boolean): Promise<void> {
  const stream = createWriteStream(file);
  // An unopenable file reports through the stream; without a listener that would end the process.
  const failed = new Promise<never>((_, reject) => stream.on('error', reject));
  failed.catch(() => undefined);
  // Shared strings keep repeated segment names once; inline strings repeat them in every row but
  // need no merging into another workbook's.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: sharedStrings });
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name, { views: frozenView(s) });
    writeSheet(ws, s);
    ws.commit();
  }
  await Promise.race([workbook.commit(), failed]);
  if (!stream.closed) await Promise.race([new Promise<void>((resolve) => stream.on('close', () => resolve())), failed]);
}

async function writeOverBase(file: string, path: string, sheets: WorkbookSheet[], base: Buffer): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  // The user's workbook goes first, untouched; every sheet of a previous SegmentKit run
  // ("SK …") is replaced by this run's, never doubled or left stale.
  await workbook.xlsx.load(base as unknown as ArrayBuffer);
  const ours = new Set(sheets.map((s) => s.name.toLowerCase()));
  for (const ws of [...workbook.worksheets]) {
    if (ws.name.startsWith('SK ')) workbook.removeWorksheet(ws.id);
    else if (ours.has(ws.name.toLowerCase())) {
      throw new SegmentKitError('E_SHEET_NAME', `The workbook already has a sheet "${ws.name}" of its own`, { location: { file: path, sheet: ws.name }, hint: 'Rename that sheet; SegmentKit names its sheets "SK …".' });
    }
  }
  for (const s of sheets) writeSheet(workbook.addWorksheet(s.name, { views: frozenView(s) }), s);
  await workbook.xlsx.writeFile(file);
}

/** The header row stays in view: the column header, or a summary sheet's first table's title and header. */
function frozenView(s: WorkbookSheet): Partial<ExcelJS.WorksheetView>[] {
  if (s.columns?.length) return [{ state: 'frozen', ySplit: 1 }];
  return s.tables?.length ? [{ state: 'frozen', ySplit: 2 }] : [];
}

/**
 * A sheet's rows in order, each committed once written, so the same code serves the streaming
 * writer (which needs the widths, column formats and autofilter before the first row) and the
 * in-memory workbook (where committing does nothing).
 */
function writeSheet(ws: ExcelJS.Worksheet, s: WorkbookSheet): void {
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
    ws.addRow([]).commit();
  }
  for (const t of s.tables ?? []) {
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
    ws.addRow([]).commit();
  }
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
