import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { appendSheets } from '../../src/io/appendSheets';
import { mergeStyles } from '../../src/io/mergeStyles';
import { UnsupportedWorkbookError } from '../../src/io/UnsupportedWorkbookError';
import { readXlsx } from '../../src/io/readXlsx';
import { streamSheets } from '../../src/io/streamSheets';
import { ZipArchive } from '../../src/io/ZipArchive';
import { ZipWriter } from '../../src/io/ZipWriter';
import { copyZipWithout } from './copyZipWithout';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sk-append-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = async (file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
};

/** A user's workbook: an old SK sheet first, two sheets of their own with formats, a formula, a merge, a print area and a comment. */
async function usersWorkbook(file: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('SK Customers').getCell('A1').value = 'stale result';
  const orders = wb.addWorksheet('Orders');
  orders.addRow(['customer_id', 'amount', 'double']);
  orders.addRow(['C1', 12.5, { formula: 'B2*2', result: 25 }]);
  orders.getCell('B2').numFmt = '0.0000';
  orders.getCell('A1').font = { italic: true, color: { argb: 'FFFF0000' } };
  orders.mergeCells('D1:E1');
  orders.getCell('A2').note = 'VIP';
  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = 'keep me';
  notes.pageSetup.printArea = 'A1:B2';
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 2, visibility: 'visible' }];
  await wb.xlsx.writeFile(file);
  return readFileSync(file);
}

async function ourSheets(file: string): Promise<Buffer> {
  await streamSheets(file, [
      { name: 'SK Customers', columns: [{ header: 'customer_id', values: ['C1', 'C2'] }, { header: 'SK · Monetary', values: Float64Array.of(12.5, 7), numberFormat: '#,##0.00' }] },
      { name: 'SK Profile', tables: [{ title: 'Segments', headers: ['segment', 'share'], rows: [['A', 0.25]], numberFormats: [undefined, '0.0%'] }] },
  ], false);
  return readFileSync(file);
}

describe('appendSheets', () => {
  it("copies the user's parts as stored, replaces the old SK sheet and appends ours with their formats", async () => {
    const base = await usersWorkbook(join(dir, 'user.xlsx'));
    const ours = await ourSheets(join(dir, 'ours.xlsx'));
    const out = join(dir, 'out.xlsx');
    await appendSheets(base, ours, out, out);

    const before = ZipArchive.open(base);
    const after = ZipArchive.open(readFileSync(out));
    const rewritten = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'];
    const oldSheet = 'xl/worksheets/sheet1.xml';
    for (const name of before.names()) {
      if (rewritten.includes(name)) continue;
      if (name === oldSheet || name === 'xl/worksheets/_rels/sheet1.xml.rels') expect(after.has(name)).toBe(false);
      else expect(after.raw(name).data.equals(before.raw(name).data)).toBe(true);
    }

    const wb = await read(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Orders', 'Notes', 'SK Customers', 'SK Profile']);
    const orders = wb.getWorksheet('Orders')!;
    expect(orders.getCell('C2').formula).toBe('B2*2');
    expect(orders.getCell('B2').numFmt).toBe('0.0000');
    expect(orders.getCell('A1').font).toMatchObject({ italic: true, color: { argb: 'FFFF0000' } });
    expect(orders.getCell('E1').isMerged).toBe(true);
    expect(wb.getWorksheet('Notes')!.pageSetup.printArea).toBe('A1:B2');
    expect(wb.views[0].activeTab).toBe(1);

    const customers = wb.getWorksheet('SK Customers')!;
    expect(customers.getCell('A1').value).toBe('customer_id');
    expect(customers.getCell('A1').font?.bold).toBe(true);
    expect(customers.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(customers.getCell('B2').value).toBe(12.5);
    expect(customers.getCell('B2').numFmt).toBe('#,##0.00');
    expect(customers.getColumn(2).numFmt).toBe('#,##0.00');
    expect(customers.getCell('A3').value).toBe('C2');
    expect(wb.getWorksheet('SK Profile')!.getCell('B3').numFmt).toBe('0.0%');
    expect(wb.getWorksheet('SK Profile')!.getCell('A1').font).toMatchObject({ bold: true, size: 12 });

    // SegmentKit's own reader finds the sheets too.
    const parsed = await readXlsx(readFileSync(out), out, { sheet: 'SK Customers' });
    expect(parsed.table.columns.map((c) => c.name)).toEqual(['customer_id', 'SK · Monetary']);
    expect(parsed.table.rowCount).toBe(2);
  });

  it('replaces its own sheets on a rerun instead of piling up copies', async () => {
    const base = await usersWorkbook(join(dir, 'user-rerun.xlsx'));
    const ours = await ourSheets(join(dir, 'ours-rerun.xlsx'));
    const first = join(dir, 'first.xlsx');
    const second = join(dir, 'second.xlsx');
    await appendSheets(base, ours, first, first);
    await appendSheets(readFileSync(first), ours, second, second);
    const wb = await read(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Orders', 'Notes', 'SK Customers', 'SK Profile']);
    const types = ZipArchive.open(readFileSync(second)).readText('[Content_Types].xml');
    expect(types.match(/worksheet\+xml/g)).toHaveLength(4);
  });

  /** `base` with an Excel calculation chain added (exceljs writes none). */
  async function withCalcChain(base: Buffer, file: string, absolute = false): Promise<Buffer> {
    const zip = ZipArchive.open(base);
    const out = ZipWriter.create(file);
    // Some writers (openpyxl among them) give absolute targets: "/xl/worksheets/sheet1.xml".
    const target = (t: string) => (absolute ? `/xl/${t}` : t);
    for (const name of zip.names()) {
      if (name === 'xl/_rels/workbook.xml.rels') {
        const rels = zip.readText(name).replace(/Target="([^"]+)"/g, (_, t: string) => `Target="${target(t)}"`);
        await out.addText(name, rels.replace('</Relationships>', `<Relationship Id="rIdCC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="${target('calcChain.xml')}"/></Relationships>`));
      }
      else if (name === '[Content_Types].xml') await out.addText(name, zip.readText(name).replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
      else out.addRaw(name, zip.raw(name));
    }
    await out.addText('xl/calcChain.xml', '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C2" i="2"/></calcChain>');
    out.close();
    return readFileSync(file);
  }

  it.each([false, true])("drops Excel's calculation chain when sheets are dropped (Excel rebuilds it), and keeps it otherwise (absolute targets: %s)", async (absolute) => {
    const ours = await ourSheets(join(dir, 'ours-chain.xlsx'));
    const out = join(dir, 'chain-out.xlsx');
    await appendSheets(await withCalcChain(await usersWorkbook(join(dir, 'user-chain.xlsx')), join(dir, 'chain.xlsx'), absolute), ours, out, out);
    const after = ZipArchive.open(readFileSync(out));
    expect(after.has('xl/calcChain.xml')).toBe(false);
    expect(after.has('xl/worksheets/sheet1.xml')).toBe(false);
    expect((await read(out)).worksheets.map((w) => w.name)).toEqual(['Orders', 'Notes', 'SK Customers', 'SK Profile']);
    expect(after.readText('xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(after.readText('[Content_Types].xml')).not.toContain('calcChain');

    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Orders').getCell('A1').value = { formula: '1+1', result: 2 };
    await plain.xlsx.writeFile(join(dir, 'plain.xlsx'));
    const kept = join(dir, 'chain-kept.xlsx');
    await appendSheets(await withCalcChain(readFileSync(join(dir, 'plain.xlsx')), join(dir, 'plain-chain.xlsx'), absolute), ours, kept, kept);
    const still = ZipArchive.open(readFileSync(kept));
    expect(still.readText('xl/calcChain.xml')).toContain('<c r="C2" i="2"/>');
    expect(still.readText('xl/_rels/workbook.xml.rels')).toContain(absolute ? 'Target="/xl/calcChain.xml"' : 'Target="calcChain.xml"');
  });

  it('declares the relationships namespace on our sheets when the workbook declares it only on its own (as openpyxl writes)', async () => {
    const base = ZipArchive.open(await usersWorkbook(join(dir, 'user-ns.xlsx')));
    const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const file = join(dir, 'per-sheet-ns.xlsx');
    const zip = ZipWriter.create(file);
    for (const name of base.names()) {
      if (name !== 'xl/workbook.xml') zip.addRaw(name, base.raw(name));
      else await zip.addText(name, base.readText(name).replace(` xmlns:r="${ns}"`, '').replace(/<sheet /g, `<sheet xmlns:r="${ns}" `));
    }
    zip.close();
    const out = join(dir, 'per-sheet-ns-out.xlsx');
    await appendSheets(readFileSync(file), await ourSheets(join(dir, 'ours-ns.xlsx')), out, out);
    const xml = ZipArchive.open(readFileSync(out)).readText('xl/workbook.xml');
    const sheets = xml.match(/<sheet\b[^>]*\/>/g) ?? [];
    expect(sheets).toHaveLength(4);
    for (const sheet of sheets) expect(sheet).toContain(`xmlns:r="${ns}"`);
    expect(sheets[2]).toBe(`<sheet name="SK Customers" sheetId="4" xmlns:r="${ns}" r:id="rIdSK1"/>`);
  });

  it("refuses when one of the user's own sheets has one of our names (Excel compares names without case)", async () => {
    const clash = new ExcelJS.Workbook();
    clash.addWorksheet('Orders');
    clash.addWorksheet('sk profile');
    const file = join(dir, 'clash.xlsx');
    await clash.xlsx.writeFile(file);
    const ours = await ourSheets(join(dir, 'ours-clash.xlsx'));
    const error = await appendSheets(readFileSync(file), ours, join(dir, 'y.xlsx'), 'y.xlsx').catch((e: Error & { code: string }) => e);
    expect(error).toMatchObject({ code: 'E_SHEET_NAME' });
    expect((error as Error).message).toBe('y.xlsx, sheet "sk profile": The workbook already has a sheet "sk profile" of its own. Rename that sheet; SegmentKit names its sheets "SK …".');
  });

  it('says a workbook without the parts it edits is unsupported (the caller then loads it whole)', async () => {
    const base = copyZipWithout(await usersWorkbook(join(dir, 'user-nostyles.xlsx')), 'xl/styles.xml', join(dir, 'nostyles.xlsx'));
    const ours = await ourSheets(join(dir, 'ours-nostyles.xlsx'));
    await expect(appendSheets(base, ours, join(dir, 'z.xlsx'), 'z.xlsx')).rejects.toThrow(new UnsupportedWorkbookError('the workbook has no xl/styles.xml'));
  });
});

describe('mergeStyles', () => {
  const ours = '<styleSheet xmlns="m"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts><fonts count="2"><font><sz val="11"/></font><font><b/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

  it('appends after the user\'s entries, shifting indexes and reusing an existing format code', () => {
    const users = '<styleSheet xmlns="m"><numFmts count="1"><numFmt numFmtId="170" formatCode="#,##0.00"/></numFmts><fonts count="1"><font><sz val="10"/></font></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="170" fontId="0"/></cellXfs></styleSheet>';
    const merged = mergeStyles(users, ours);
    expect(merged.xfOffset).toBe(2);
    expect(merged.xml).toBe('<styleSheet xmlns="m"><numFmts count="2"><numFmt numFmtId="170" formatCode="#,##0.00"/><numFmt numFmtId="171" formatCode="0.0%"/></numFmts><fonts count="3"><font><sz val="10"/></font><font><sz val="11"/></font><font><b/></font></fonts><fills count="3"><fill/><fill/><fill><patternFill patternType="none"/></fill></fills><borders count="2"><border/><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0"/><xf numFmtId="170" fontId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0"/><xf numFmtId="170" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1"/><xf numFmtId="171" fontId="1" fillId="2" borderId="1" xfId="0"/></cellXfs></styleSheet>');
  });

  it('adds a numFmts section first when the user has none', () => {
    const users = '<styleSheet xmlns="m"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf/></cellXfs></styleSheet>';
    const merged = mergeStyles(users, ours);
    expect(merged.xml.startsWith('<styleSheet xmlns="m"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts><fonts count="3">')).toBe(true);
    expect(merged.xfOffset).toBe(1);
  });

  it('refuses a styles.xml it cannot read', () => {
    expect(() => mergeStyles('<x:styleSheet xmlns:x="m"><x:fonts/></x:styleSheet>', ours)).toThrow(new UnsupportedWorkbookError('styles.xml has no fonts'));
  });
});
