import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import { createRng } from '../../src/core/random/createRng';
import { isoFromDayNumber, dayNumberFromYmd } from '../../src/core/table/dayNumber';
import type { ColumnCells } from '../../src/core/ingest/inferColumn';
import { tableFromColumns } from '../../src/core/ingest/tableFromColumns';
import { readDelimitedColumns } from '../../src/io/readDelimitedColumns';
import { readDelimitedText } from '../../src/io/readDelimitedText';
import { readTableFile } from '../../src/io/readTableFile';
import type { BenchRow } from './BenchRow';
import { measure } from './peakMemory';

const ROWS = 1_048_576;
const HEADERS = ['invoice_id', 'customer_id', 'order_date', 'quantity', 'amount', 'product'];
const PRODUCTS = Array.from({ length: 40 }, (_, k) => `P${k + 1}`);

/**
 * Seeded order lines (~3 lines per invoice, 90,000 customers, two years of dates), produced one
 * at a time so the generator's arrays do not sit in the heap while the readers are timed.
 */
function forEachOrderLine(rows: number, emit: (line: [number, number, string, number, number, string]) => void): void {
  const rng = createRng(42);
  const start = dayNumberFromYmd(2022, 1, 1);
  let invoice = 500_000;
  for (let i = 0; i < rows; i++) {
    if (rng.next() < 0.35) invoice++;
    const q = 1 + rng.int(5);
    emit([invoice, 10_000 + rng.int(90_000), isoFromDayNumber(start + rng.int(730)), q, Math.round(q * (1 + rng.int(4999)) * 2) / 100, PRODUCTS[rng.int(PRODUCTS.length)]]);
  }
}

/** The competitors hand their string columns to the same inference, so only the parsing differs. */
function inferStringColumns(columns: string[][]): void {
  const rows = columns[0].length - 1;
  const sources = new Int32Array(rows);
  for (let i = 0; i < rows; i++) sources[i] = i + 2;
  const cells: ColumnCells[] = columns.map((c) => ({ kind: 'cells', cells: c.slice(1) }));
  tableFromColumns(columns.map((c) => c[0]), cells, sources, 1);
}

/**
 * CSV → typed columns with each parser tried, and XLSX read, on a full sheet of order lines.
 * Winner: the byte-level reader (readDelimitedColumns): it never decodes the file into one
 * string, parses plain-number columns from the bytes and interns the other columns by their
 * bytes, so only distinct values become strings and type inference runs once per distinct
 * value; uDSV and papaparse must build seven million strings first, and the GC time that costs
 * is most of their difference.
 */
export default async function (): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sk-bench-ingest-'));
  try {
    const csvPath = join(dir, 'orders.csv');
    const text: string[] = [HEADERS.join(',')];
    forEachOrderLine(ROWS, (l) => text.push(l.join(',')));
    writeFileSync(csvPath, text.join('\n') + '\n');
    text.length = 0;
    const mb = statSync(csvPath).size / 2 ** 20;
    const size = `${ROWS.toLocaleString('en')} rows × ${HEADERS.length} columns, ${mb.toFixed(1)} MB CSV`;
    const rows: BenchRow[] = [];
    const csvCase = async (name: string, fn: () => unknown, note: string, target?: number) => {
      fn();
      const m = await measure(fn);
      rows.push({ area: 'ingest', case: `CSV → typed columns (${name})`, size, seconds: m.seconds, peakMB: m.peakMB, note, ...(target ? { targetSeconds: target } : {}) });
    };
    await csvCase('byte-level readDelimitedColumns ★ winner', () => readDelimitedColumns(csvPath), 'records cut from the Buffer a chunk at a time, number lane from bytes, ids and dates found by their digits (no hashing), other text interned by bytes (inference per distinct value); one thread here (files from 96 MB on get a second); d3-dsv is not installed, not measured', 0.8);
    await csvCase('uDSV stringCols + same inference', () => {
      const text = readFileSync(csvPath, 'utf8');
      inferStringColumns(initParser(inferSchema(text)).stringCols(text) as string[][]);
    }, 'uDSV 0.7.3');
    await csvCase('papaparse fastMode + same inference', () => {
      const text = readFileSync(csvPath, 'utf8');
      const data = Papa.parse<string[]>(text, { fastMode: true, skipEmptyLines: true }).data;
      inferStringColumns(HEADERS.map((_, c) => data.map((r) => r[c])));
    }, 'papaparse 5, row arrays transposed to columns');
    await csvCase('general path', () => readDelimitedText(readFileSync(csvPath, 'utf8'), ','), 'RFC 4180 records → tableFromValues (what files under 4 MB use)');

    const xlsxPath = join(dir, 'orders.xlsx');
    const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxPath, useSharedStrings: false, useStyles: true });
    const ws = w.addWorksheet('Orders');
    ws.addRow(HEADERS).commit();
    forEachOrderLine(ROWS, (l) => {
      const row = ws.addRow([l[0], l[1], new Date(`${l[2]}T00:00:00Z`), l[3], l[4], l[5]]);
      row.getCell(3).numFmt = 'yyyy-mm-dd';
      row.commit();
    });
    await w.commit();
    const xmb = statSync(xlsxPath).size / 2 ** 20;
    const m = await measure(() => readTableFile(xlsxPath));
    rows.push({
      area: 'ingest',
      case: 'XLSX → typed columns (zip scan + tableFromValues)',
      size: `${ROWS.toLocaleString('en')} rows, ${xmb.toFixed(1)} MB xlsx`,
      seconds: m.seconds,
      peakMB: m.peakMB,
      note: `${Math.round(ROWS / m.seconds).toLocaleString('en')} rows/s`,
    });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
