import { readSheet } from '../../src/excel/readSheet';
import { REQUEST_BUDGET_BYTES, rowsPerRequest } from '../../src/excel/requestBudget';
import { installMemoryExcel, type MemoryExcel } from '../../src/excel/memory/installMemoryExcel';
import { errorValue, MemoryWorkbook } from '../../src/excel/memory/MemoryWorkbook';

let excel: MemoryExcel | undefined;
afterEach(() => excel?.uninstall());

function install(wb: MemoryWorkbook): MemoryWorkbook {
  excel = installMemoryExcel(wb);
  return wb;
}

function numericSheet(rows: number, cols: number): (string | number)[][] {
  const out: (string | number)[][] = [Array.from({ length: cols }, (_, j) => `c${j}`)];
  for (let i = 0; i < rows; i++) out.push(Array.from({ length: cols }, (_, j) => i * cols + j));
  return out;
}

describe('readSheet', () => {
  test('reads the used range of the active sheet with number formats and positions', async () => {
    const wb = install(new MemoryWorkbook().addSheet('Data', [[null, null], [null, 'id', 'spend'], [null, 'C1', 10.5]], [[], [], [undefined, undefined, '#,##0.00']]));
    const got = await readSheet();
    expect(got.sheetName).toBe('Data');
    expect(got.address).toBe('Data!B2:C3');
    expect(got.values).toEqual([['id', 'spend'], ['C1', 10.5]]);
    expect(got.numberFormats).toEqual([['General', 'General'], ['General', '#,##0.00']]);
    expect(got.startRow).toBe(2);
    expect(got.startColumn).toBe(1);
    expect(wb.requestCount).toBe(got.requests + 1);
  });

  test('an empty sheet gives no rows and no address', async () => {
    install(new MemoryWorkbook().addSheet('Empty'));
    const got = await readSheet({ sheet: 'Empty' });
    expect(got).toMatchObject({ sheetName: 'Empty', address: '', values: [], numberFormats: [] });
  });

  test('a region of exactly one chunk takes one data request; one row more takes two', async () => {
    const cols = 4;
    // Every cell's estimate is the same (integers < 1e9 → 11 bytes, "General" → 10), so the first measured chunk fixes the size.
    const perRow = rowsPerRequest(40 * cols, cols);
    const exact = install(new MemoryWorkbook().addSheet('S', numericSheet(perRow - 1, cols)));
    const one = await readSheet({ sheet: 'S' });
    expect(one.values).toHaveLength(perRow);
    expect(one.requests).toBe(3);
    excel!.uninstall();
    install(new MemoryWorkbook().addSheet('S', numericSheet(perRow, cols)));
    const two = await readSheet({ sheet: 'S' });
    expect(two.values).toHaveLength(perRow + 1);
    expect(two.requests).toBe(4);
    expect(two.values[perRow]).toEqual([4 * (perRow - 1), 4 * (perRow - 1) + 1, 4 * (perRow - 1) + 2, 4 * (perRow - 1) + 3]);
    expect(exact.largestResponseBytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
  });

  test('long strings shrink the chunk so no response passes the budget', async () => {
    const big = 'x'.repeat(2000);
    const rows: string[][] = [['a', 'b', 'c']];
    for (let i = 0; i < 3000; i++) rows.push([big, big, `${i}`]);
    const wb = install(new MemoryWorkbook().addSheet('Wide', rows));
    const got = await readSheet({ sheet: 'Wide' });
    expect(got.values).toHaveLength(3001);
    expect(got.values[3000]![2]).toBe('2999');
    expect(wb.largestResponseBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(got.requests).toBeGreaterThan(4);
  });

  test('halves the chunk and retries when Excel still reports a response too large', async () => {
    const wb = install(new MemoryWorkbook().addSheet('S', numericSheet(1000, 3)).setLimits({ responseBytes: 20_000 }));
    const got = await readSheet({ sheet: 'S' });
    expect(got.values).toHaveLength(1001);
    expect(wb.syncs.some((s) => s.responseBytes === 0 && s.operations === 1)).toBe(true);
  });

  test('formulas come back as their results and error values as their text', async () => {
    const wb = new MemoryWorkbook().addSheet('F', [['id', 'ratio', 'lookup'], ['A', null, null]]);
    wb.setCell('F', 'B2', { formula: '=1/0', result: errorValue('#DIV/0!') });
    wb.setCell('F', 'C2', { formula: '=VLOOKUP("z",A:A,1,FALSE)', result: errorValue('#N/A') });
    wb.setCell('F', 'A3', { formula: '=2*21', result: 42 });
    install(wb);
    const got = await readSheet({ sheet: 'F' });
    expect(got.values).toEqual([['id', 'ratio', 'lookup'], ['A', '#DIV/0!', '#N/A'], [42, '', '']]);
  });

  test('hidden rows are read like any other row', async () => {
    install(new MemoryWorkbook().addSheet('H', [['id'], ['a'], ['b'], ['c']]).hideRows('H', 3, 1));
    const got = await readSheet({ sheet: 'H' });
    expect(got.values).toEqual([['id'], ['a'], ['b'], ['c']]);
  });

  test('merged header cells read as the top-left value and blanks', async () => {
    install(new MemoryWorkbook().addSheet('M', [['Customer', 'x', 'Spend'], ['id', 'name', 'eur'], ['C1', 'Ann', 5]]).mergeCells('M', 'A1:B1'));
    const got = await readSheet({ sheet: 'M' });
    expect(got.values[0]).toEqual(['Customer', '', 'Spend']);
  });

  test('sheet names that need quoting round-trip through the address', async () => {
    install(new MemoryWorkbook().addSheet("Bob's Sheet", [['id'], [1]]).addSheet('My Sheet', [['x'], [2]]));
    expect((await readSheet({ sheet: "Bob's Sheet" })).address).toBe("'Bob''s Sheet'!A1:A2");
    const my = await readSheet({ sheet: 'my sheet' });
    expect(my.address).toBe("'My Sheet'!A1:A2");
    expect(my.values).toEqual([['x'], [2]]);
  });

  test('reads a named table and the selection', async () => {
    const wb = new MemoryWorkbook().addSheet('T', [['note'], [], ['id', 'v'], ['a', 1], ['b', 2]]).addTable('T', 'A3:B5', 'Sales');
    wb.select('T', 'A4:B5');
    install(wb);
    const t = await readSheet({ table: 'Sales' });
    expect(t).toMatchObject({ sheetName: 'T', address: 'T!A3:B5', startRow: 3, values: [['id', 'v'], ['a', 1], ['b', 2]] });
    const s = await readSheet({ useSelection: true });
    expect(s.values).toEqual([['a', 1], ['b', 2]]);
  });

  test('bad inputs and missing sheets or tables give exact errors', async () => {
    install(new MemoryWorkbook().addSheet('A', [['x']]));
    await expect(readSheet({ sheet: 'Nope' })).rejects.toMatchObject({ code: 'E_EXCEL_SHEET_NOT_FOUND', message: 'sheet "Nope": There is no sheet named "Nope". Check the spelling, or pick the sheet from the list.' });
    await expect(readSheet({ sheet: '  ' })).rejects.toMatchObject({ code: 'E_EXCEL_SHEET_NAME' });
    await expect(readSheet({ table: 'Nope' })).rejects.toMatchObject({ code: 'E_EXCEL_TABLE_NOT_FOUND' });
    await expect(readSheet({ table: 'T', useSelection: true })).rejects.toMatchObject({ code: 'E_EXCEL_READ_OPTIONS' });
  });

  test('progress is reported per chunk and an abort stops between requests', async () => {
    install(new MemoryWorkbook().addSheet('S', numericSheet(20_000, 10)));
    const seen: number[] = [];
    const controller = new AbortController();
    await expect(
      readSheet({
        sheet: 'S',
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.rowsRead);
          controller.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'E_CANCELLED' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeLessThan(20_001);
  });

  test('a failed request is reported with the rows it was reading', async () => {
    const wb = install(new MemoryWorkbook().addSheet('S', numericSheet(10, 2)));
    wb.failOnSync(3);
    await expect(readSheet({ sheet: 'S' })).rejects.toMatchObject({ code: 'E_EXCEL_READ', location: { sheet: 'S', cell: 'S!A1:B11' } });
  });
});
