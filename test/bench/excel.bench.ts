import type { OutputColumn } from '../../src/core/results/Outputs';
import { installMemoryExcel } from '../../src/excel/memory/installMemoryExcel';
import { MemoryWorkbook } from '../../src/excel/memory/MemoryWorkbook';
import { readSheet } from '../../src/excel/readSheet';
import { writeResults } from '../../src/excel/writeResults';
import type { BenchRow } from './BenchRow';
import { measure } from './peakMemory';

const ROWS = 1_048_576;
const COLUMNS = 10;
const MB = 1024 * 1024;

/** A full sheet of customers: ids, numbers, dates, a category and a name. */
function seedSheet(): MemoryWorkbook {
  const rows: (string | number)[][] = new Array(ROWS);
  rows[0] = ['customer_id', 'orders', 'revenue', 'first_order', 'last_order', 'tickets', 'region', 'plan', 'age', 'name'];
  const regions = ['North', 'South', 'East', 'West'];
  for (let i = 1; i < ROWS; i++) {
    rows[i] = [`C${100000 + i}`, i % 17, Math.round((i * 7.31) % 5000) / 100, 43000 + (i % 1500), 44500 + (i % 900), i % 5, regions[i % 4]!, i % 3 ? 'Basic' : 'Pro', 18 + (i % 60), `Customer ${i}`];
  }
  return new MemoryWorkbook().addSheet('Customers', rows);
}

/** Reads a full sheet through the adapter and writes four result columns back, against the in-memory workbook. */
export default async function (): Promise<BenchRow[]> {
  const wb = seedSheet();
  const excel = installMemoryExcel(wb);
  try {
    const cpu0 = process.cpuUsage();
    const read = await measure(() => readSheet({ sheet: 'Customers' }));
    const cpu1 = process.cpuUsage(cpu0);
    const readRequests = wb.requestCount;
    const readLargest = wb.largestResponseBytes;
    const n = read.value.values.length - 1;
    const segments = ['Champions', 'Loyal', 'At risk', 'Lost', 'New'];
    const seg = new Array<string>(n);
    const score = new Int32Array(n);
    const clv = new Float64Array(n);
    const share = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      seg[i] = segments[i % 5]!;
      score[i] = 111 + (i % 444);
      clv[i] = (i % 1000) * 1.37;
      share[i] = (i % 100) / 100;
    }
    const columns: OutputColumn[] = [
      { header: 'SK · RFM segment', values: seg },
      { header: 'SK · RFM score', values: score, numberFormat: '0' },
      { header: 'SK · CLV', values: clv, numberFormat: '#,##0.00' },
      { header: 'SK · Value share', values: share, numberFormat: '0.0%' },
    ];
    wb.resetStats();
    const cpu2 = process.cpuUsage();
    const write = await measure(() => writeResults({ sheet: 'Customers', columns }));
    const cpu3 = process.cpuUsage(cpu2);
    const cpuSeconds = (u: NodeJS.CpuUsage): string => `${((u.user + u.system) / 1e6).toFixed(2)} s CPU`;
    const writeRequests = wb.requestCount;
    const writeLargest = wb.largestRequestBytes;
    const size = `${ROWS.toLocaleString('en')} rows × ${COLUMNS} columns`;
    return [
      {
        area: 'excel',
        case: 'readSheet (chunked, in-memory workbook)',
        size,
        seconds: read.seconds,
        peakMB: read.peakMB,
        note: `${readRequests} requests, largest response ${(readLargest / MB).toFixed(2)} MB, ${cpuSeconds(cpu1)}`,
      },
      {
        area: 'excel',
        case: 'writeResults 4 columns (chunked, calc suspended)',
        size: `${n.toLocaleString('en')} rows × 4 columns`,
        seconds: write.seconds,
        peakMB: write.peakMB,
        note: `${writeRequests} requests, largest request ${(writeLargest / MB).toFixed(2)} MB, ${cpuSeconds(cpu3)}`,
      },
      {
        area: 'excel',
        case: 'read + write total',
        size,
        seconds: read.seconds + write.seconds,
        targetSeconds: 10,
        note: `largest payload ${(Math.max(readLargest, writeLargest) / MB).toFixed(2)} MB (budget 4 MB)`,
      },
    ];
  } finally {
    excel.uninstall();
  }
}
