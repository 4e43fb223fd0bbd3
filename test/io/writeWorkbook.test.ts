import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeWorkbook } from '../../src/io/writeWorkbook';

let dir: string;
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

  it('refuses sheet names Excel refuses', async () => {
    const error = await writeWorkbook(join(dir, 'x.xlsx'), { sheets: [{ name: 'a/b' }] }).catch((e: Error & { code: string }) => e);
    expect(error).toMatchObject({ code: 'E_SHEET_NAME' });
    expect((error as Error).message).toBe(`${join(dir, 'x.xlsx')}, sheet "a/b": "a/b" cannot be a sheet name. Sheet names are 1-31 characters, unique, without [ ] : * ? / \\.`);
  });
});
