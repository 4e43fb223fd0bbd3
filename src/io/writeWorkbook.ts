import { readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import ExcelJS from 'exceljs';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import { appendSheets } from './appendSheets';
import { isSegmentKitSheet, sheetNameTaken } from './segmentKitSheets';
import { streamSheets } from './streamSheets';
import { UnsupportedWorkbookError } from './UnsupportedWorkbookError';
import { EXCEL_SHEET_COLUMNS, EXCEL_SHEET_ROWS, frozenView, sheetExtent, writeSheet, type WorkbookSheet } from './writeSheet';
import { ZipArchive } from './ZipArchive';

const BAD_SHEET_NAME = /[[\]:*?/\\]/;

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
  checkSheets(path, spec.sheets);
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

function checkSheets(path: string, sheets: WorkbookSheet[]): void {
  const names = new Set<string>();
  for (const s of sheets) {
    if (!s.name || s.name.length > 31 || BAD_SHEET_NAME.test(s.name) || names.has(s.name.toLowerCase())) {
      throw new SegmentKitError('E_SHEET_NAME', `"${s.name}" cannot be a sheet name`, {
        location: { file: path, sheet: s.name },
        hint: 'Sheet names are 1-31 characters, unique, without [ ] : * ? / \\.',
      });
    }
    names.add(s.name.toLowerCase());
    // Excel refuses a sheet past its grid: say so before writing, not after minutes of XML.
    const { rows, columns } = sheetExtent(s);
    if (rows > EXCEL_SHEET_ROWS || columns > EXCEL_SHEET_COLUMNS) {
      throw new SegmentKitError('E_TOO_MANY_ROWS', `Sheet "${s.name}" would have ${rows.toLocaleString('en')} rows and ${columns.toLocaleString('en')} columns, more than an Excel sheet holds (${EXCEL_SHEET_ROWS.toLocaleString('en')} × ${EXCEL_SHEET_COLUMNS.toLocaleString('en')})`, {
        location: { file: path, sheet: s.name },
        hint: 'Write the results with --out FILE.csv, or segment data this large with --engine duckdb.',
      });
    }
  }
}

async function writeOverBase(file: string, path: string, sheets: WorkbookSheet[], base: Buffer): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  // The user's workbook goes first, untouched; every sheet of a previous SegmentKit run
  // ("SK …") is replaced by this run's, never doubled or left stale.
  await workbook.xlsx.load(base as unknown as ArrayBuffer);
  const ours = new Set(sheets.map((s) => s.name.toLowerCase()));
  for (const ws of [...workbook.worksheets]) {
    if (isSegmentKitSheet(ws.name)) workbook.removeWorksheet(ws.id);
    else if (ours.has(ws.name.toLowerCase())) throw sheetNameTaken(path, ws.name);
  }
  for (const s of sheets) writeSheet(workbook.addWorksheet(s.name, { views: frozenView(s) }), s);
  await workbook.xlsx.writeFile(file);
}
