import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeSample } from '../../src/cli/sample/writeSample';
import { generateSample } from '../../src/core/sample/generateSample';
import { createRng } from '../../src/core/random/createRng';
import { tableFromValues } from '../../src/core/ingest/tableFromValues';
import { readXlsxSheets } from '../../src/io/readXlsx';
import type { BenchRow } from './BenchRow';
import { measure } from './peakMemory';

const FULL_SHEET = 1_048_576;

/** A full Excel sheet of order lines (header + 1,048,575 rows), written with exceljs's streaming writer and shared strings as Excel saves them. */
async function writeOrderSheet(path: string): Promise<void> {
  const rng = createRng(7);
  const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = w.addWorksheet('Orders');
  ws.addRow(['invoice_id', 'customer_id', 'order_date', 'quantity', 'amount', 'product']).commit();
  for (let i = 1; i < FULL_SHEET; i++) {
    const q = 1 + rng.int(5);
    const row = ws.addRow([500_000 + (i >> 2), `C${10_000 + rng.int(90_000)}`, new Date(Date.UTC(2022, 0, 1 + rng.int(730))), q, Math.round(q * (1 + rng.int(4999)) * 2) / 100, `P${1 + rng.int(40)}`]);
    row.getCell(3).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  await w.commit();
}

/** The reader this one replaced: exceljs's whole-workbook load, then every cell's value. */
async function exceljsFullLoad(bytes: Buffer): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let rows = 0;
  for (const ws of wb.worksheets) {
    const values: unknown[][] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const out: unknown[] = [];
      for (let c = 1; c <= width; c++) out.push(row.getCell(c).value ?? '');
      values.push(out);
    }
    rows += tableFromValues(values).table.rowCount;
  }
  return rows;
}

/**
 * Workbook reading: the 10,000-customer sample workbook (what `npm run demo` reads) and a full
 * 1,048,576-row order sheet, with the streaming reader (readXlsxSheets) against exceljs's full
 * load (sample) and exceljs's own streaming WorkbookReader (full sheet, rows only, no table).
 * The full sheet is read first: peak RSS is a process-wide figure, and exceljs's full load
 * leaves hundreds of MB behind that later rows would count.
 */
export default async function (): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sk-bench-xlsx-'));
  try {
    const rows: BenchRow[] = [];
    const rate = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString('en')} rows/s`;
    const orders = join(dir, 'orders.xlsx');
    await writeOrderSheet(orders);
    const bytes = readFileSync(orders);
    const size = `${FULL_SHEET.toLocaleString('en')} rows × 6 columns, ${(statSync(orders).size / 2 ** 20).toFixed(1)} MB xlsx`;
    const big = await measure(() => readXlsxSheets(bytes, 'orders.xlsx', ['Orders']));
    const n = big.value[0].table.rowCount;
    rows.push({ area: 'xlsx', case: 'order sheet → ParsedTable (readXlsxSheets, streaming) ★', size, seconds: big.seconds, peakMB: big.peakMB, targetSeconds: FULL_SHEET / 100_000, note: rate(n, big.seconds) });
    const sample = join(dir, 'sample.xlsx');
    await writeSample(generateSample({ customers: 10_000, seed: 42 }), sample);
    const sampleBytes = readFileSync(sample);
    const sampleSize = `10,000-customer sample (Customers, Orders, Tickets), ${(sampleBytes.length / 2 ** 20).toFixed(1)} MB xlsx`;
    const fast = await measure(() => readXlsxSheets(sampleBytes, 'sample.xlsx', 'visible'));
    const sampleRows = fast.value.reduce((s, p) => s + p.table.rowCount, 0);
    rows.push({ area: 'xlsx', case: 'workbook → ParsedTables (readXlsxSheets, streaming) ★', size: sampleSize, seconds: fast.seconds, peakMB: fast.peakMB, targetSeconds: sampleRows / 100_000, note: `${sampleRows.toLocaleString('en')} rows, ${rate(sampleRows, fast.seconds)}` });
    const full = await measure(() => exceljsFullLoad(sampleBytes));
    rows.push({ area: 'xlsx', case: 'workbook → ParsedTables (exceljs load, the reader before)', size: sampleSize, seconds: full.seconds, peakMB: full.peakMB, note: rate(full.value, full.seconds) });

    const stream = await measure(async () => {
      let count = 0;
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(orders, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
      for await (const ws of reader) for await (const row of ws as AsyncIterable<ExcelJS.Row>) if (row.values) count++;
      return count;
    });
    rows.push({ area: 'xlsx', case: 'order sheet → rows only (exceljs stream WorkbookReader)', size, seconds: stream.seconds, peakMB: stream.peakMB, note: `${rate(stream.value, stream.seconds)}, before any typing of columns` });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
