import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readDelimitedColumns } from '../../src/io/readDelimitedColumns';
import { readTableFile } from '../../src/io/readTableFile';
import { cellValue } from '../../src/core/table/Table';
import type { ParsedTable } from '../../src/core/ingest/ParsedTable';

const BAD = join(__dirname, '../fixtures/bad');
const CDNOW = join(__dirname, '../../../shared/data/cdnow');

/** Everything a caller can observe, including row mapping, as plain data. */
function observable(p: ParsedTable) {
  return {
    columns: p.table.columns.map((c) => ({ name: c.name, type: c.type, values: Array.from({ length: p.table.rowCount }, (_, i) => cellValue(c, i)) })),
    reports: p.columns,
    warnings: p.warnings,
    headerRow: p.headerRow,
    rows: Array.from({ length: p.table.rowCount }, (_, i) => p.sourceRowOf(i)),
  };
}

async function outcome(read: () => ParsedTable | Promise<ParsedTable>) {
  try {
    return observable(await read());
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('readDelimitedColumns gives what readTableFile gives', () => {
  const files = [
    ...readdirSync(BAD).filter((f) => f.endsWith('.csv')).map((f) => join(BAD, f)),
    join(CDNOW, 'cdnow_customers_summary.csv'),
    join(CDNOW, 'cdnow_customers_summary_with_transactions.csv'),
    join(CDNOW, 'CDNOW_sample.txt'),
  ];
  it.each(files)('%s', async (path) => {
    const fast = await outcome(() => readDelimitedColumns(path));
    const general = await outcome(() => readTableFile(path));
    expect(fast).toEqual(general);
  });

  it('parses quoted fields with delimiters, quotes and line breaks, and types the plain columns', () => {
    const csv = 'invoice_id,customer_id,order_date,note,amount\r\n1,C1,2024-01-02,"a, ""b""\nc",10.5\r\n2,C1,2024-01-03,,"7"\r\n';
    const p = readDelimitedColumns(Buffer.from(csv), { file: 'x.csv' });
    expect(p.table.columns.map((c) => c.type)).toEqual(['id', 'id', 'date', 'category', 'number']);
    expect(cellValue(p.table.columns[3], 0)).toBe('a, "b"\nc');
    expect(p.sourceRowOf(1)).toBe(3);
  });
});
