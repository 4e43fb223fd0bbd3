import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ZipWriter } from '../../src/io/ZipWriter';
import { createRng } from '../../src/core/random/createRng';
import { runCli } from '../cli/runCli';

/**
 * Bad inputs too big or too binary to commit, generated here at run time (seeded), and run
 * through the `segmentkit` command like the committed corpus.
 */
let dir: string;
const at = (f: string) => join(dir, f);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sk-rel-gen-'));
  const rng = createRng(20240611);
  const garbage = Buffer.alloc(64 * 1024);
  for (let i = 0; i < garbage.length; i++) garbage[i] = 1 + rng.int(255);
  writeFileSync(at('garbage.csv'), garbage);

  const good = new ExcelJS.Workbook();
  const ws = good.addWorksheet('Orders');
  ws.addRow(['customer_id', 'order_date', 'amount']);
  for (let i = 0; i < 400; i++) ws.addRow([`C${i % 90}`, new Date(Date.UTC(2024, i % 12, 1 + (i % 27))), 5 + (i % 17)]);
  const bytes = Buffer.from(await good.xlsx.writeBuffer());
  writeFileSync(at('orders.xlsx'), bytes);
  writeFileSync(at('cut.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
  writeFileSync(at('workbook-named.csv'), bytes);

  const hidden = new ExcelJS.Workbook();
  hidden.addWorksheet('Orders', { state: 'hidden' }).addRow(['customer_id', 'amount']);
  hidden.addWorksheet('Archive', { state: 'veryHidden' }).addRow(['x']);
  await hidden.xlsx.writeFile(at('hidden-only.xlsx'));

  // A valid zip that holds no workbook.
  const plain = ZipWriter.create(at('plain.xlsx'));
  await plain.addText('readme.txt', 'not a workbook');
  plain.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refused(...args: string[]): Promise<string> {
  const r = await runCli(...args);
  expect([r.code, r.stdout, r.stderr.split('\n').length]).toEqual([2, '', 2]);
  return r.stderr.trimEnd();
}

describe('generated bad inputs through the CLI', () => {
  it('64 KB of seeded random bytes → E_NOT_TEXT', async () => {
    expect(await refused('inspect', at('garbage.csv'))).toMatch(/^segmentkit: garbage\.csv: The file is not a text file \(\d+ control characters in its first 8192 bytes\)\. Export the data as CSV \(UTF-8\) or save it as \.xlsx\.$/);
  });

  it('a real workbook cut in half → E_XLSX_CORRUPT, for inspect and segment', async () => {
    const corrupt = /^segmentkit: cut\.xlsx: The workbook cannot be opened \(.+\)\. The file may be truncated or damaged: open it in Excel and save it again, or export it as CSV\.$/;
    expect(await refused('inspect', at('cut.xlsx'))).toMatch(corrupt);
    expect(await refused('segment', at('cut.xlsx'))).toMatch(corrupt);
  });

  it('a workbook with only hidden sheets → E_NO_VISIBLE_SHEET listing them', async () => {
    expect(await refused('inspect', at('hidden-only.xlsx'))).toBe(
      'segmentkit: hidden-only.xlsx: The workbook has no visible sheet. Name the sheet to read (hidden sheets: "Orders" (hidden), "Archive" (hidden)), or unhide it in Excel.',
    );
    expect(await refused('segment', at('hidden-only.xlsx'))).toMatch(/^segmentkit: hidden-only\.xlsx: The workbook has no visible sheet\./);
  });

  it('a zip that is not a workbook is refused with one line', async () => {
    expect(await refused('inspect', at('plain.xlsx'))).toBe('segmentkit: plain.xlsx: The workbook has no visible sheet. The workbook has no sheets.');
  });

  it('a workbook saved with a .csv name is read as the workbook it is', async () => {
    const r = await runCli('inspect', at('workbook-named.csv'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 400, customers: 90, kind: 'transactions' });
  });

  it('1,048,576 rows (Excel’s whole sheet: a header and 1,048,575 order lines) are read', async () => {
    const lines = 1_048_575;
    const parts: string[] = ['customer_id,order_date,amount\n'];
    for (let i = 0; i < lines; i++) parts.push(`C${i % 50_000},2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${(i % 997) / 10}\n`);
    writeFileSync(at('full-sheet.csv'), parts.join(''));
    const r = await runCli('inspect', at('full-sheet.csv'), '--json');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: lines, customers: 50_000, kind: 'transactions' });
  }, 60_000);

  it('16,384 columns (Excel’s grid width) are read; the last one is XFD', async () => {
    const width = 16_384;
    const header = ['customer_id', ...Array.from({ length: width - 1 }, (_, i) => `f${i}`)].join(',');
    const row = (id: string) => [id, ...Array.from({ length: width - 1 }, (_, i) => String(i % 10))].join(',');
    writeFileSync(at('wide.csv'), `${header}\n${row('C1')}\n${row('C2')}\n`);
    const r = await runCli('inspect', at('wide.csv'), '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.columns).toHaveLength(width);
    expect(json.columns[width - 1].name).toBe(`f${width - 2}`);
  });

  it('a 32,767-character cell (Excel’s cell limit) survives reading and comes out whole in CSV and XLSX', async () => {
    const long = 'A'.repeat(32_767);
    writeFileSync(at('long-cell.csv'), `customer_id,order_date,amount\n${long},2024-01-05,10\n${long},2024-02-05,12\nC2,2024-03-05,7\nC2,2024-03-09,1\n`);
    const csv = at('long-out.csv');
    expect((await runCli('segment', at('long-cell.csv'), '--out', csv)).code).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\n').some((l) => l.startsWith(`${long},`))).toBe(true);
    const xlsx = at('long-out.xlsx');
    expect((await runCli('segment', at('long-cell.csv'), '--out', xlsx)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const values: unknown[] = [];
    wb.eachSheet((s) => s.eachRow((row) => values.push(row.getCell(1).value)));
    expect(values).toContain(long);
  });
});
