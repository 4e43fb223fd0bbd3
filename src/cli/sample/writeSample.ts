import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, extname, basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { SegmentKitError } from '../../core/errors/SegmentKitError';
import type { Sample } from '../../core/sample/generateSample';
import { ORDER_HEADERS, TICKET_HEADERS, orderRow, ticketRow } from '../../core/sample/sampleRows';
import { cellValue } from '../../core/table/Table';
import { isoFromDayNumber, excelSerialFromDayNumber } from '../../core/table/dayNumber';

const EXCEL_MAX_DATA_ROWS = 1_048_575;

export interface WrittenSample {
  files: string[];
  customers: number;
  orderLines: number;
  tickets: number;
}

/**
 * Writes a sample as one workbook (sheets Customers, Orders, Tickets) or, for `.csv`, as three
 * files `<name>-customers.csv`, `<name>-orders.csv`, `<name>-tickets.csv`. Rows are streamed,
 * so a million customers and eight million order lines fit in a few hundred MB.
 */
export async function writeSample(sample: Sample, out: string): Promise<WrittenSample> {
  mkdirSync(dirname(out) || '.', { recursive: true });
  const ext = extname(out).toLowerCase();
  if (ext === '.csv') return writeCsvSample(sample, out);
  if (ext === '.xlsx') return writeXlsxSample(sample, out);
  throw new SegmentKitError('E_ARGUMENT', `--out must end in .xlsx or .csv, got "${out}"`, { hint: 'For example --out out/sample.xlsx.' });
}

async function writeCsvSample(sample: Sample, out: string): Promise<WrittenSample> {
  const stem = join(dirname(out), basename(out, extname(out)));
  const files = [`${stem}-customers.csv`, `${stem}-orders.csv`, `${stem}-tickets.csv`];
  const t = sample.customers;
  const customers = new LineFile(files[0]);
  customers.push(t.columns.map((c) => c.name).join(','));
  for (let i = 0; i < t.rowCount; i++) {
    customers.push(
      t.columns
        .map((c) => {
          const v = cellValue(c, i);
          if (v === null) return '';
          if (c.type === 'date') return isoFromDayNumber(v as number);
          return csvField(String(v));
        })
        .join(','),
    );
  }
  customers.close();
  const orders = new LineFile(files[1]);
  orders.push(ORDER_HEADERS.join(','));
  let orderLines = 0;
  const iso = isoCache();
  sample.forEachOrderChunk((c) => {
    for (let i = 0; i < c.rows; i++) {
      const r = orderRow(c, i, sample.customerIds);
      orders.push(`${r[0]},${r[1]},${iso(r[2])},${csvField(r[3])},${r[4]},${r[5]},${r[6].toFixed(2)},${r[7].toFixed(2)}`);
    }
    orderLines += c.rows;
  });
  orders.close();
  const tickets = new LineFile(files[2]);
  tickets.push(TICKET_HEADERS.join(','));
  let ticketCount = 0;
  sample.forEachTicketChunk((c) => {
    for (let i = 0; i < c.rows; i++) {
      const r = ticketRow(c, i, sample.customerIds);
      tickets.push(`${r[0]},${r[1]},${iso(r[2])},${r[3]},${r[4]}`);
    }
    ticketCount += c.rows;
  });
  tickets.close();
  return { files, customers: t.rowCount, orderLines, tickets: ticketCount };
}

/** Eight million lines share about a thousand dates: format each once. */
function isoCache(): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let s = cache.get(day);
    if (s === undefined) {
      s = isoFromDayNumber(day);
      cache.set(day, s);
    }
    return s;
  };
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Synchronous buffered lines: the generator calls back synchronously, and 1 MB writes keep memory flat. */
class LineFile {
  private readonly fd: number;
  private buffer = '';

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  push(line: string): void {
    this.buffer += line + '\n';
    if (this.buffer.length > 1 << 20) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}

async function writeXlsxSample(sample: Sample, out: string): Promise<WrittenSample> {
  let lines = 0;
  sample.forEachOrderChunk((c) => (lines += c.rows));
  if (lines > EXCEL_MAX_DATA_ROWS) {
    throw new SegmentKitError('E_TOO_MANY_ROWS', `The Orders sheet would have ${lines.toLocaleString('en')} rows, more than Excel's 1,048,576`, {
      location: { file: out },
      hint: 'Use --out FILE.csv for samples this large, or fewer --customers.',
    });
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'SegmentKit';
  const dateFmt = 'yyyy-mm-dd';
  const t = sample.customers;
  const cs = wb.addWorksheet('Customers', { views: [{ state: 'frozen', ySplit: 1 }] });
  cs.columns = t.columns.map((c) => ({ header: c.name, key: c.name, width: Math.max(12, c.name.length + 2), style: c.type === 'date' ? { numFmt: dateFmt } : {} }));
  cs.getRow(1).font = { bold: true };
  for (let i = 0; i < t.rowCount; i++) {
    cs.addRow(t.columns.map((c) => {
      const v = cellValue(c, i);
      return c.type === 'date' && v !== null ? excelDate(v as number) : v;
    })).commit();
  }
  cs.commit();
  const os = wb.addWorksheet('Orders', { views: [{ state: 'frozen', ySplit: 1 }] });
  os.columns = ORDER_HEADERS.map((h) => ({ header: h, key: h, width: h === 'product' ? 22 : 13, style: h === 'order_date' ? { numFmt: dateFmt } : h === 'unit_price' || h === 'amount' ? { numFmt: '#,##0.00' } : {} }));
  os.getRow(1).font = { bold: true };
  let orderLines = 0;
  sample.forEachOrderChunk((c) => {
    for (let i = 0; i < c.rows; i++) {
      const r = orderRow(c, i, sample.customerIds);
      os.addRow([r[0], r[1], excelDate(r[2]), r[3], r[4], r[5], r[6], r[7]]).commit();
      orderLines++;
    }
  });
  os.commit();
  const ts = wb.addWorksheet('Tickets', { views: [{ state: 'frozen', ySplit: 1 }] });
  ts.columns = TICKET_HEADERS.map((h) => ({ header: h, key: h, width: 16, style: h === 'created' ? { numFmt: dateFmt } : {} }));
  ts.getRow(1).font = { bold: true };
  let tickets = 0;
  sample.forEachTicketChunk((c) => {
    for (let i = 0; i < c.rows; i++) {
      const r = ticketRow(c, i, sample.customerIds);
      ts.addRow([r[0], r[1], excelDate(r[2]), r[3], r[4]]).commit();
      tickets++;
    }
  });
  ts.commit();
  await wb.commit();
  return { files: [out], customers: t.rowCount, orderLines, tickets };
}

/** exceljs writes JS Dates as Excel serials; build the UTC date so no time zone shifts a day. */
function excelDate(day: number): Date {
  return new Date(Math.round((excelSerialFromDayNumber(day) - 25569) * 86_400_000));
}
