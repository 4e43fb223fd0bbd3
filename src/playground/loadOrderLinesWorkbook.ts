import { SegmentKitError } from '../core/errors/SegmentKitError';
import { generateSample, MAX_SAMPLE_CUSTOMERS } from '../core/sample/generateSample';
import { ORDER_HEADERS, orderRow } from '../core/sample/sampleRows';
import { excelSerialFromDayNumber } from '../core/table/dayNumber';
import { MemoryWorkbook } from '../excel/memory/MemoryWorkbook';

/** Excel's grid: a full sheet is the header row and 1,048,575 order lines. */
export const SHEET_ROWS = 1_048_576;

/** The sample averages about 7.5 order lines per customer; asking for one customer per 7 lines nearly always yields enough. */
const LINES_PER_CUSTOMER = 7;

const ORDER_FORMATS = ['General', 'General', 'yyyy-mm-dd', 'General', 'General', 'General', '#,##0.00', '#,##0.00'];

/**
 * An in-memory workbook with one sheet, Orders, holding exactly `rows` sheet rows (header
 * included) of the seeded sample's order lines, laid out as `segmentkit sample` writes them.
 * `rows: 1_048_576` fills the sheet to Excel's last row. Generated in the browser: no files,
 * no network.
 *
 * @example
 * loadOrderLinesWorkbook({ rows: 1_048_576, seed: 42 }).usedAddress('Orders'); // 'Orders!A1:H1048576'
 */
export function loadOrderLinesWorkbook(options: { rows: number; seed: number }): MemoryWorkbook {
  const { rows, seed } = options;
  if (!Number.isInteger(rows) || rows < 2 || rows > SHEET_ROWS) {
    throw new SegmentKitError('E_PLAYGROUND_ROWS', `The number of sheet rows must be a whole number from 2 to ${SHEET_ROWS.toLocaleString('en')}, got ${String(rows)}`, {
      location: { path: 'rows' },
      hint: 'Open the playground with for example ?rows=1048576 (a full sheet) or ?rows=200000.',
    });
  }
  const lines = rows - 1;
  const values: (string | number)[][] = new Array(rows);
  values[0] = [...ORDER_HEADERS];
  let customers = Math.min(MAX_SAMPLE_CUSTOMERS, Math.ceil(lines / LINES_PER_CUSTOMER));
  for (;;) {
    const sample = generateSample({ customers, seed });
    let filled = 0;
    sample.forEachOrderChunk((c) => {
      for (let i = 0; i < c.rows && filled < lines; i++) {
        const r = orderRow(c, i, sample.customerIds);
        values[++filled] = [r[0], r[1], excelSerialFromDayNumber(r[2]), r[3], r[4], r[5], r[6], r[7]];
      }
    });
    if (filled === lines || customers === MAX_SAMPLE_CUSTOMERS) break;
    customers = Math.min(MAX_SAMPLE_CUSTOMERS, Math.ceil(customers * 1.25));
  }
  // One shared format row: the workbook copies formats cell by cell, so nothing aliases.
  const formats = new Array<string[]>(rows).fill(ORDER_FORMATS);
  formats[0] = ORDER_HEADERS.map(() => 'General');
  const workbook = new MemoryWorkbook().addSheet('Orders', values, formats);
  workbook.activate('Orders');
  return workbook;
}
