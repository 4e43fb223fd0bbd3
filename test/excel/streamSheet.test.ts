import { installMemoryExcel } from '../../src/excel/memory/installMemoryExcel';
import { MemoryWorkbook } from '../../src/excel/memory/MemoryWorkbook';
import { streamSheet, type SheetChunk } from '../../src/excel/streamSheet';

const ROWS = 60_000;

function orders(): MemoryWorkbook {
  const values: (string | number)[][] = [['invoice', 'customer', 'date', 'amount']];
  const formats: string[][] = [['General', 'General', 'General', 'General']];
  for (let i = 1; i < ROWS; i++) {
    values.push([`INV${i}`, `C${i % 977}`, 45000 + (i % 700), (i % 1000) / 10]);
    formats.push(['General', 'General', 'yyyy-mm-dd', '#,##0.00']);
  }
  return new MemoryWorkbook().addSheet('Orders', values, formats);
}

describe('streamSheet', () => {
  let wb: MemoryWorkbook;
  let excel: ReturnType<typeof installMemoryExcel>;
  beforeAll(() => {
    wb = orders();
    excel = installMemoryExcel(wb);
  });
  afterAll(() => excel.uninstall());

  test('hands over every row once, in order, in several chunks each within the response limit', async () => {
    wb.resetStats();
    const chunks: SheetChunk[] = [];
    const region = await streamSheet({ sheet: 'Orders' }, (c) => {
      chunks.push(c);
    });
    expect(chunks.length).toBeGreaterThan(1);
    expect(region).toMatchObject({ sheetName: 'Orders', address: 'Orders!A1:D60000', rowCount: ROWS, regionRowCount: ROWS, startRow: 1, startColumn: 0 });
    let next = 1;
    for (const c of chunks) {
      expect(c.startRow).toBe(next);
      next += c.values.length;
    }
    expect(next - 1).toBe(ROWS);
    expect(chunks[chunks.length - 1]!.values.at(-1)).toEqual([`INV${ROWS - 1}`, `C${(ROWS - 1) % 977}`, 45000 + ((ROWS - 1) % 700), ((ROWS - 1) % 1000) / 10]);
    expect(wb.largestResponseBytes).toBeLessThan(5 * 1024 * 1024);
  });

  test('rows with the same number formats share one array', async () => {
    const chunks: SheetChunk[] = [];
    await streamSheet({ sheet: 'Orders' }, (c) => {
      chunks.push(c);
    });
    const f = chunks[0]!.numberFormats;
    expect(f[0]).toEqual(['General', 'General', 'General', 'General']);
    expect(f[1]).toEqual(['General', 'General', 'yyyy-mm-dd', '#,##0.00']);
    expect(f[2]).toBe(f[1]);
    expect(f[1]).not.toBe(f[0]);
  });

  test('waits for each chunk to be taken before requesting the next', async () => {
    const events: string[] = [];
    await streamSheet({ sheet: 'Orders' }, async (c) => {
      events.push(`start ${c.startRow}`);
      await new Promise((r) => setTimeout(r, 5));
      events.push(`end ${c.startRow}`);
    });
    for (let i = 0; i < events.length; i += 2) {
      expect(events[i]!.replace('start', 'end')).toBe(events[i + 1]);
    }
  });

  test('maxRows stops after the first rows and still reports the whole region', async () => {
    wb.resetStats();
    const chunks: SheetChunk[] = [];
    const region = await streamSheet({ sheet: 'Orders', maxRows: 6 }, (c) => {
      chunks.push(c);
    });
    expect(chunks.map((c) => c.values.length)).toEqual([6]);
    expect(region).toMatchObject({ address: 'Orders!A1:D6', rowCount: 6, regionRowCount: ROWS });
    expect(wb.largestResponseBytes).toBeLessThan(2000);
  });

  test.each([0, -1, 2.5])('maxRows %p is refused with E_EXCEL_READ_OPTIONS', async (maxRows) => {
    await expect(streamSheet({ sheet: 'Orders', maxRows }, () => undefined)).rejects.toMatchObject({
      code: 'E_EXCEL_READ_OPTIONS',
      message: `maxRows must be a whole number of at least 1, got ${maxRows}. Leave maxRows out to read every row.`,
    });
  });

  test('a cancelled signal stops between chunks with E_CANCELLED', async () => {
    const abort = new AbortController();
    let seen = 0;
    await expect(
      streamSheet({ sheet: 'Orders', signal: abort.signal }, () => {
        seen++;
        abort.abort();
      }),
    ).rejects.toMatchObject({ code: 'E_CANCELLED', message: 'Cancelled during step "read". Run again when you are ready; SegmentKit replaces any partial output.' });
    expect(seen).toBe(1);
  });
});
