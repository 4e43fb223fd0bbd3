import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeWorkbook } from '../../src/io/writeWorkbook';
import { EXCEL_SHEET_ROWS, sheetExtent, type WorkbookSheet } from '../../src/io/writeSheet';
import { ZipArchive } from '../../src/io/ZipArchive';
import { copyZipWithout } from './copyZipWithout';

let dir: string;
const read = async (file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
};
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sk-wb-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeWorkbook', () => {
  it('writes formatted column sheets and summary tables', async () => {
    const path = join(dir, 'out.xlsx');
    await writeWorkbook(path, {
      sheets: [
        {
          name: 'SK Customers',
          columns: [
            { header: 'customer_id', values: ['C1', 'C2'] },
            { header: 'SK · Monetary', values: Float64Array.of(12.5, NaN), numberFormat: '#,##0.00' },
            { header: 'SK · Note', values: ['=cmd', 'ok'] },
          ],
        },
        { name: 'SK Profile', tables: [{ title: 'Segments', headers: ['segment', 'share'], rows: [['A', 0.25], ['B', 0.75]], numberFormats: [undefined, '0.0%'] }] },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('SK Customers');
    expect(ws?.getCell('A1').font?.bold).toBe(true);
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws?.getCell('B2').value).toBe(12.5);
    expect(ws?.getCell('B2').numFmt).toBe('#,##0.00');
    expect(ws?.getCell('B3').value).toBeNull();
    expect(ws?.getCell('C2').value).toBe("'=cmd");
    expect(ws?.autoFilter).toBeTruthy();
    const p = wb.getWorksheet('SK Profile');
    expect(p?.getCell('A1').value).toBe('Segments');
    expect(p?.getCell('B3').numFmt).toBe('0.0%');
    expect(p?.getCell('B4').value).toBe(0.75);
  });

  it("refuses a sheet past Excel's grid before writing anything", async () => {
    const path = join(dir, 'huge.xlsx');
    const error = await writeWorkbook(path, { sheets: [{ name: 'SK Customers', columns: [{ header: 'x', values: new Float64Array(EXCEL_SHEET_ROWS) }] }] }).catch((e: Error & { code: string }) => e);
    expect(error).toMatchObject({ code: 'E_TOO_MANY_ROWS' });
    expect((error as Error).message).toBe(`${path}, sheet "SK Customers": Sheet "SK Customers" would have 1,048,577 rows and 1 columns, more than an Excel sheet holds (1,048,576 × 16,384). Write the results with --out FILE.csv, or segment data this large with --engine duckdb.`);
    expect(existsSync(path)).toBe(false);
  });

  it('counts the rows a sheet fills: the column block with its header, then each table with a title, a header and a blank row between', () => {
    expect(sheetExtent({ name: 'a', columns: [{ header: 'x', values: new Float64Array(EXCEL_SHEET_ROWS - 1) }] })).toEqual({ rows: EXCEL_SHEET_ROWS, columns: 1 });
    const table = { title: 'T', headers: ['a', 'b', 'c'], rows: [[1], [2, 3]] };
    expect(sheetExtent({ name: 'b', tables: [table, table] })).toEqual({ rows: 4 + 1 + 4, columns: 3 });
    expect(sheetExtent({ name: 'c', columns: [{ header: 'x', values: [1, 2] }], tables: [table] })).toEqual({ rows: 3 + 1 + 4, columns: 3 });
  });

  it('refuses sheet names Excel refuses', async () => {
    const error = await writeWorkbook(join(dir, 'x.xlsx'), { sheets: [{ name: 'a/b' }] }).catch((e: Error & { code: string }) => e);
    expect(error).toMatchObject({ code: 'E_SHEET_NAME' });
    expect((error as Error).message).toBe(`${join(dir, 'x.xlsx')}, sheet "a/b": "a/b" cannot be a sheet name. Sheet names are 1-31 characters, unique, without [ ] : * ? / \\.`);
  });

  it('fills thousands of rows in order with one style per column (the streamed path), the header and tables after them', async () => {
    const path = join(dir, 'many.xlsx');
    const n = 5000;
    const ids = Array.from({ length: n }, (_, i) => `C${i}`);
    const spend = Float64Array.from({ length: n }, (_, i) => i / 4);
    const { baseCarried } = await writeWorkbook(path, {
      sheets: [{ name: 'SK Customers', columns: [{ header: 'customer_id', values: ids }, { header: 'spend', values: spend, numberFormat: '0.00' }], tables: [{ title: 'After', headers: ['x'], rows: [[1]] }] }],
    });
    expect(baseCarried).toBe(false);
    const ws = (await read(path)).getWorksheet('SK Customers')!;
    expect(ws.getCell(`A${n + 1}`).value).toBe(`C${n - 1}`);
    expect(ws.getCell(`B${n + 1}`).value).toBe((n - 1) / 4);
    expect(ws.getCell(`B${n + 1}`).numFmt).toBe('0.00');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B1').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    // one blank row between the filterable block and the table below it
    expect(ws.getCell(`A${n + 2}`).value).toBeNull();
    expect(ws.getCell(`A${n + 3}`).value).toBe('After');
    expect(ws.getCell(`A${n + 5}`).value).toBe(1);
    expect(ws.getColumn(1).width).toBe('customer_id'.length + 2);
  });

  const userSheets = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    const own = wb.addWorksheet('Orders');
    own.getCell('A1').value = 'customer_id';
    own.getCell('A2').value = 'C1';
    own.getCell('B2').value = { formula: '1+1', result: 2 };
    wb.addWorksheet('SK Old').getCell('A1').value = 'stale';
    await wb.xlsx.writeFile(file);
    return readFileSync(file);
  };
  const ours: WorkbookSheet[] = [{ name: 'SK Customers', columns: [{ header: 'customer_id', values: ['C1'] }] }];

  it("carries the user's workbook over unchanged and replaces a previous run's SK sheets", async () => {
    const base = await userSheets(join(dir, 'user.xlsx'));
    const path = join(dir, 'carried.xlsx');
    expect(await writeWorkbook(path, { sheets: ours, base })).toEqual({ baseCarried: true });
    const wb = await read(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Orders', 'SK Customers']);
    expect(wb.getWorksheet('Orders')!.getCell('B2').formula).toBe('1+1');
  });

  it('loads a base whole when its parts cannot be appended to, and leaves it out when that would not fit in memory', async () => {
    // Without styles.xml appendSheets cannot add our formats; exceljs can still load the workbook.
    const base = copyZipWithout(await userSheets(join(dir, 'user2.xlsx')), 'xl/styles.xml', join(dir, 'nostyles.xlsx'));
    const inflated = ZipArchive.open(base).uncompressedSize();
    const path = join(dir, 'alone.xlsx');
    expect(await writeWorkbook(path, { sheets: ours, base, memoryBudget: inflated * 10 - 1 })).toEqual({ baseCarried: false });
    expect((await read(path)).worksheets.map((w) => w.name)).toEqual(['SK Customers']);
    expect(await writeWorkbook(path, { sheets: ours, base, memoryBudget: inflated * 10 })).toEqual({ baseCarried: true });
    expect((await read(path)).worksheets.map((w) => w.name)).toEqual(['Orders', 'SK Customers']);
  });

  it('leaves no half-written file behind and keeps the previous output when writing fails', async () => {
    const path = join(dir, 'keep.xlsx');
    writeFileSync(path, 'previous');
    const missing = join(dir, 'no-such-folder', 'x.xlsx');
    await expect(writeWorkbook(missing, { sheets: ours })).rejects.toMatchObject({ code: 'E_FILE_WRITE' });
    const error = await writeWorkbook(path, { sheets: ours, base: Buffer.from('not a workbook') }).catch((e: Error & { code: string }) => e);
    expect(error).toMatchObject({ code: 'E_FILE_WRITE' });
    expect(readFileSync(path, 'utf8')).toBe('previous');
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('ZipArchive.uncompressedSize', () => {
  it('is the sum of the inflated entries, read from the central directory alone', async () => {
    const path = join(dir, 'sizes.xlsx');
    await writeWorkbook(path, { sheets: [{ name: 'SK Customers', columns: [{ header: 'naïve ☃', values: Array.from({ length: 300 }, (_, i) => `é${i}`) }] }] });
    const zip = ZipArchive.open(readFileSync(path));
    const inflated = zip.names().reduce((sum, name) => sum + Buffer.byteLength(zip.readText(name)), 0);
    expect(zip.names()).toContain('xl/worksheets/sheet1.xml');
    expect(zip.uncompressedSize()).toBe(inflated);
  });
});
