import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readTableFile } from '../../src/io/readTableFile';
import { cellValue, type Column } from '../../src/core/table/Table';
import { dayNumberFromYmd } from '../../src/core/table/dayNumber';
import type { SegmentKitError } from '../../src/core/errors/SegmentKitError';

const BAD = join(__dirname, '../fixtures/bad');
const CDNOW = join(__dirname, '../../../shared/data/cdnow');
const all = (c: Column) => Array.from({ length: 'codes' in c ? c.codes.length : c.values.length }, (_, i) => cellValue(c, i));

async function failure(path: string, options = {}): Promise<SegmentKitError> {
  try {
    await readTableFile(path, options);
  } catch (e) {
    return e as SegmentKitError;
  }
  throw new Error(`expected ${path} to fail`);
}

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sk-ingest-'));
  const hidden = new ExcelJS.Workbook();
  hidden.addWorksheet('Secret', { state: 'hidden' }).addRow(['a']);
  await hidden.xlsx.writeFile(join(dir, 'no-visible-sheet.xlsx'));
  const merged = new ExcelJS.Workbook();
  merged.addWorksheet('Notes', { state: 'hidden' }).addRow(['x']);
  const ws = merged.addWorksheet('Orders');
  ws.addRow(['Kundennummer', 'Adresse', '', 'Bestelldatum', 'Umsatz']);
  ws.mergeCells('B1:C1');
  ws.addRow(['00042', 'Hauptstr. 1', 'Köln', new Date(Date.UTC(2024, 0, 31)), { formula: 'B3*2', result: 12.5 }]);
  ws.addRow(['00043', 'Ring 2', 'Bonn', new Date(Date.UTC(2024, 1, 1)), { error: '#N/A' }]);
  await merged.xlsx.writeFile(join(dir, 'merged-header.xlsx'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readTableFile on CDNOW', () => {
  it('reads CDNOW_sample.txt: 6,919 rows, ids with leading zeros, yyyymmdd dates', async () => {
    const t = await readTableFile(join(CDNOW, 'CDNOW_sample.txt'));
    expect(t.format).toBe('text');
    expect(t.table.rowCount).toBe(6919);
    expect(t.table.columns.map((c) => c.type)).toEqual(['id', 'id', 'date', 'number', 'number']);
    expect(cellValue(t.table.columns[0], 0)).toBe('00004');
    expect(cellValue(t.table.columns[1], 0)).toBe('0001');
    expect(cellValue(t.table.columns[2], 0)).toBe(dayNumberFromYmd(1997, 1, 1));
    expect(cellValue(t.table.columns[4], 0)).toBeCloseTo(29.33, 10);
    expect(t.warnings).toEqual([]);
  });

  it('reads CDNOW_master.txt with its header line', async () => {
    const t = await readTableFile(join(CDNOW, 'CDNOW_master.txt'));
    expect(t.headerRow).toBe(1);
    expect(t.table.rowCount).toBe(69659);
    expect(t.table.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['customer_id:id', 'date:date', 'number_of_cds:number', 'dollar_value:number']);
    const ids = t.table.columns[0];
    expect(ids.type === 'id' && ids.dictionary.length).toBe(23570);
  });
});

describe('readTableFile on the bad-input corpus', () => {
  it.each([
    ['empty.csv', 'E_EMPTY', 'empty.csv: The file is empty. Export the data again; the file has 0 bytes.'],
    ['header-only.csv', 'E_NO_ROWS', 'header-only.csv, row 1: The data has a header row but no rows below it. Select the header together with the data rows, or check that the file is complete.'],
    ['header-then-blank.csv', 'E_NO_ROWS', 'header-then-blank.csv, row 1: The data has a header row but no rows below it. Select the header together with the data rows, or check that the file is complete.'],
    ['duplicate-headers.csv', 'E_DUPLICATE_HEADER', 'duplicate-headers.csv, column "Amount", row 1, cell C1: Header "Amount" appears twice, in columns B and C. Rename one of them so every column has its own header; SegmentKit maps roles by header name.'],
    ['ragged-long.csv', 'E_RAGGED_ROW', 'ragged-long.csv, row 3: Row 3 has 4 values but the header has 3 columns. Give the extra values a header, or check the delimiter and quoting of that row.'],
    ['binary.csv', 'E_NOT_TEXT', 'binary.csv: The file is not a text file (it contains NUL bytes at byte 321). Export the data as CSV (UTF-8) or save it as .xlsx; a UTF-16 file needs its byte-order mark.'],
    ['truncated.xlsx', 'E_XLSX_CORRUPT', "truncated.xlsx: The workbook cannot be opened (Corrupted zip: can't find end of central directory). The file may be truncated or damaged: open it in Excel and save it again, or export it as CSV."],
  ])('%s → %s', async (file, code, message) => {
    const e = await failure(join(BAD, file));
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });

  it('an .xlsx without a visible sheet → E_NO_VISIBLE_SHEET; a missing sheet lists the others', async () => {
    const e = await failure(join(dir, 'no-visible-sheet.xlsx'));
    expect(e.code).toBe('E_NO_VISIBLE_SHEET');
    expect(e.message).toBe('no-visible-sheet.xlsx: The workbook has no visible sheet. Name the sheet to read (hidden sheets: "Secret" (hidden)), or unhide it in Excel.');
    const m = await failure(join(dir, 'merged-header.xlsx'), { sheet: 'Kunden' });
    expect(m.code).toBe('E_SHEET_MISSING');
    expect(m.message).toBe('merged-header.xlsx, sheet "Kunden": The workbook has no sheet named "Kunden". Available sheets: "Notes" (hidden), "Orders".');
  });

  it('merged header cells in an xlsx are split and reported; formulas give results, errors are missing', async () => {
    const t = await readTableFile(join(dir, 'merged-header.xlsx'));
    expect(t.format).toBe('xlsx');
    expect(t.sheetName).toBe('Orders');
    expect(t.table.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['Kundennummer:id', 'Adresse:category', 'Adresse 2:category', 'Bestelldatum:date', 'Umsatz:number']);
    expect(all(t.table.columns[3])).toEqual([dayNumberFromYmd(2024, 1, 31), dayNumberFromYmd(2024, 2, 1)]);
    expect(all(t.table.columns[4])).toEqual([12.5, null]);
    expect(t.warnings.map((w) => w.code)).toEqual(['W_EXCEL_ERRORS', 'W_MERGED_HEADER']);
  });

  it('pads short rows with a warning and drops an all-blank column', async () => {
    const short = await readTableFile(join(BAD, 'ragged-short.csv'));
    expect(short.warnings).toEqual([{ code: 'W_SHORT_ROWS', message: '1 row(s) have fewer values than the header (first: row 3); the missing cells are blank', count: 1 }]);
    const blank = await readTableFile(join(BAD, 'blank-column.csv'));
    expect(blank.table.columns.map((c) => c.name)).toEqual(['customer_id', 'amount']);
    expect(blank.warnings).toEqual([{ code: 'W_BLANK_COLUMN', message: 'Dropped 1 column(s) without any value: "notes" (B)', count: 1 }]);
  });

  it('reads UTF-16 and semicolon CSVs with decimal commas, currency and percentages', async () => {
    const u = await readTableFile(join(BAD, 'utf16.csv'));
    expect(u.encoding).toBe('utf-16le');
    expect(all(u.table.columns[1])).toEqual(['Köln', 'Düsseldorf']);
    expect(all(u.table.columns[2])).toEqual([12.5, 7.25]);
    const s = await readTableFile(join(BAD, 'semicolon-decimal-comma.csv'));
    expect(s.delimiter).toBe(';');
    expect(all(s.table.columns[0])).toEqual(['00042', '00043', '00042']);
    expect(all(s.table.columns[1])).toEqual([dayNumberFromYmd(2023, 12, 31), dayNumberFromYmd(2024, 2, 1), dayNumberFromYmd(2024, 2, 15)]);
    expect(all(s.table.columns[2])).toEqual([1234.56, -12, 99.9]);
    expect(all(s.table.columns[3])).toEqual([0.125, 0.07, 1]);
  });

  it('a UTF-8 file with a stray Windows-1252 byte reads both right and says where (W_MIXED_ENCODING)', async () => {
    const m = await readTableFile(join(BAD, 'mixed-encoding.csv'));
    expect(m.encoding).toBe('mixed');
    expect(all(m.table.columns[1])).toEqual(['Köln', 'München']);
    expect(m.warnings).toEqual([
      {
        code: 'W_MIXED_ENCODING',
        message: 'The file is UTF-8 but 1 byte(s) are not (first on line 3); they were read as Windows-1252 (for example ä, é, €). Check those characters, and save the file as "CSV UTF-8" so every character is certain',
        count: 1,
      },
    ]);
    const legacy = await readTableFile(join(BAD, 'windows-1252.csv'));
    expect(legacy.encoding).toBe('windows-1252');
    expect(legacy.warnings.map((w) => w.code)).not.toContain('W_MIXED_ENCODING');
  });

  it('dates in two orders: the majority wins, the rest is unparsable with addresses', async () => {
    const t = await readTableFile(join(BAD, 'dates-two-orders.csv'));
    expect(t.columns[1]).toMatchObject({ type: 'date', unparsable: 1, firstBadCells: ['B4'] });
    expect(t.warnings.map((w) => w.code)).toEqual(['W_DATE_ORDER_MIXED', 'W_UNPARSABLE']);
    const amb = await readTableFile(join(BAD, 'dates-ambiguous.csv'));
    expect(amb.warnings.map((w) => w.code)).toEqual(['W_DATE_ORDER_AMBIGUOUS']);
    const dmy = await readTableFile(join(BAD, 'dates-ambiguous.csv'), { dateOrder: 'dmy' });
    expect(dmy.warnings).toEqual([]);
    expect(cellValue(dmy.table.columns[1], 0)).toBe(dayNumberFromYmd(2024, 4, 3));
  });

  it('keeps leading-zero ids, counts Excel errors, reads formula-like text as text and one column with a note', async () => {
    const z = await readTableFile(join(BAD, 'leading-zero-ids.csv'));
    expect(all(z.table.columns[0])).toEqual(['00042', '00007', '00042']);
    const e = await readTableFile(join(BAD, 'excel-errors.csv'));
    expect(e.columns[1]).toMatchObject({ type: 'number', missing: 2, excelErrors: 2, unparsable: 1, firstBadCells: ['B6'] });
    const f = await readTableFile(join(BAD, 'formula-injection.csv'));
    expect(all(f.table.columns[1])).toEqual(['=HYPERLINK("http://x","click")', '+1', '-2', '@SUM(A1)', 'plain']);
    const one = await readTableFile(join(BAD, 'one-column.csv'));
    expect(one.warnings.map((w) => w.code)).toEqual(['W_ONE_COLUMN']);
  });

  it('refuses a missing file and a legacy .xls', async () => {
    expect((await failure(join(dir, 'nope.csv'))).code).toBe('E_FILE_NOT_FOUND');
    const xls = join(dir, 'old.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const e = await failure(xls);
    expect(e.code).toBe('E_UNSUPPORTED_FORMAT');
    expect(e.message).toBe('old.xls: This is a legacy Excel 97-2003 file (.xls), which SegmentKit does not read. Open it in Excel and save it as .xlsx or CSV UTF-8.');
  });
});
