import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { ParsedTable } from '../../src/core/ingest/ParsedTable';
import { tableFromValues } from '../../src/core/ingest/tableFromValues';
import type { SegmentKitError } from '../../src/core/errors/SegmentKitError';
import { readXlsx, readXlsxSheets } from '../../src/io/readXlsx';

/**
 * The reference: exceljs's full load, each cell's value as Excel's range.values shows it (the
 * reader this one replaced). The streaming reader must give the very same ParsedTable.
 */
async function oracle(bytes: Buffer, sheetName: string): Promise<ParsedTable> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const plain = (v: ExcelJS.CellValue): unknown => {
    if (v === null || v === undefined) return '';
    if (typeof v !== 'object' || v instanceof Date) return v;
    if ('error' in v) return v.error;
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return v.result === undefined ? '' : plain(v.result as ExcelJS.CellValue);
    if ('formula' in v || 'sharedFormula' in v) return '';
    if ('text' in v) return typeof v.text === 'string' ? v.text : plain(v.text as ExcelJS.CellValue);
    return String(v);
  };
  const values: unknown[][] = [];
  let header = true;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const out: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      out.push(cell.isMerged && cell.master !== cell ? '' : plain(cell.value));
    }
    if (header && out.some((v) => v !== '')) {
      header = false;
      const seen = new Map<string, number>();
      for (let c = 1; c <= out.length; c++) {
        const cell = row.getCell(c);
        const text = cell.isMerged && cell.master !== cell ? String(plain(cell.master.value)).trim() : '';
        if (text === '') continue;
        seen.set(text, (seen.get(text) ?? 1) + 1);
        out[c - 1] = `${text} ${seen.get(text)}`;
      }
    }
    values.push(out);
  }
  return tableFromValues(values, { file: 'book.xlsx', sheet: sheet.name, dateOrder: 'auto', hasHeader: 'auto' });
}

function comparable(p: ParsedTable): unknown {
  const rows = Array.from({ length: p.table.rowCount }, (_, i) => p.sourceRowOf(i));
  const typed = (v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array, (x) => (Number.isNaN(x) ? 'NaN' : x)) : v);
  return JSON.parse(JSON.stringify({ table: p.table, columns: p.columns, warnings: p.warnings.filter((w) => w.code !== 'W_MERGED_HEADER'), headerRow: p.headerRow, rows }, (_k, v) => typed(v)));
}

/** Rewrites one part of a package (to write what exceljs cannot: inline strings, phonetic runs, odd attributes). */
async function patch(bytes: Buffer, path: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(path, edit(await zip.file(path)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function failure(run: () => Promise<unknown>): Promise<SegmentKitError> {
  try {
    await run();
  } catch (e) {
    return e as SegmentKitError;
  }
  throw new Error('expected a failure');
}

async function tricky(date1904: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  wb.addWorksheet('Notes', { state: 'veryHidden' }).addRow(['secret']);
  const ws = wb.addWorksheet('Orders');
  ws.addRow([]);
  ws.addRow(['Kundennummer', 'Adresse', '', 'Bestelldatum', 'Umsatz', 'Aktiv', 'Notiz', 'Zeit', 'Formel-Datum']);
  ws.mergeCells('B2:C2');
  const rows: ExcelJS.CellValue[][] = [
    ['00042', 'Hauptstr. 1', 'Köln', new Date(Date.UTC(2024, 0, 31)), { formula: 'B3*2', result: 12.5 }, true, { richText: [{ text: 'fett ' }, { text: 'und', font: { bold: true } }] }, 0.25, { formula: 'D3+1', result: 45323 }],
    ['00043', 'Ring 2', 'Bonn', new Date(Date.UTC(2024, 1, 1, 13, 30)), { error: '#N/A' }, false, 'R&D <b> "quoted"', 0.5, { formula: 'D4', result: { error: '#REF!' } }],
    ['00044', 'Weg 3', 'Köln', 45000, { formula: 'SUM(1)', result: 7 }, true, 'Zeile\r\nzwei', 0.75, { formula: 'D5' } as ExcelJS.CellFormulaValue],
    [],
    ['00045', 'Platz 4', 'Aachen', new Date(Date.UTC(1999, 11, 31)), 3, false, '', 1.5, { sharedFormula: 'I3', result: 45400 } as ExcelJS.CellSharedFormulaValue],
  ];
  for (const r of rows) ws.addRow(r);
  ws.getColumn(8).numFmt = '[h]:mm';
  for (const r of [3, 4, 5, 7]) ws.getCell(`I${r}`).numFmt = 'dd.mm.yyyy';
  ws.getCell('K4').numFmt = '0.00';
  ws.getCell('E7').numFmt = '0.0 \\m';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readXlsx gives what exceljs full load gave', () => {
  it.each([false, true])('merged header, dates (1904 system: %s), times, formulas with and without results, errors, booleans, rich text, entities', async (date1904) => {
    const bytes = await tricky(date1904);
    const read = await readXlsx(bytes, 'book.xlsx');
    expect(read.sheetName).toBe('Orders');
    expect(comparable(read)).toEqual(comparable(await oracle(bytes, 'Orders')));
    expect(read.table.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      'Kundennummer:id',
      'Adresse:category',
      'Adresse 2:category',
      'Bestelldatum:category',
      'Umsatz:category',
      'Aktiv:boolean',
      'Notiz:category',
      'Zeit:date',
      'Formel-Datum:date',
    ]);
    // `0.0 \m` reads as a date format once its backslash is dropped, so E7 (3) became a date and
    // Umsatz mixes numbers with a date: text categories, exactly as before.
    const umsatz = read.table.columns[4];
    expect(umsatz.type === 'category' && umsatz.dictionary).toEqual(['12.5', '7', date1904 ? '1904-01-04' : '1900-01-02']);
    expect(read.warnings.find((w) => w.code === 'W_MERGED_HEADER')).toEqual({ code: 'W_MERGED_HEADER', message: 'Merged header cells were split into "Adresse 2"', count: 1 });
    expect(read.headerRow).toBe(2);
  });

  it('inline strings, phonetic runs, `_x000D_` escapes, string formula results, styled blanks and cells without r', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['customer_id', 'city', 'label']);
    ws.addRow(['C1', 'Köln', 'x']);
    ws.addRow(['C2', 'Bonn', 'y']);
    let bytes: Buffer = Buffer.from(await wb.xlsx.writeBuffer());
    bytes = await patch(bytes, 'xl/worksheets/sheet1.xml', (xml) =>
      xml
        .replace(/<row r="3"[^>]*>.*?<\/row>/, '<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">C2 &amp; co</t></is></c><c t="inlineStr"><is><r><t>Bo</t></r><r><rPr><b/></rPr><t>n_x000D_n</t></r></is></c><c r="C3" t="str"><f>"a"</f><v>R&amp;amp;D</v></c><c r="F3" s="1"/></row>')
        .replace('</sheetData>', '<row r="4"><c r="A4" t="s"><v>0</v></c><c r="B4" t="b"><v>1</v></c><c r="C4" t="e"><v>#DIV/0!</v></c></row></sheetData>'),
    );
    const read = await readXlsx(bytes, 'book.xlsx');
    expect(comparable(read)).toEqual(comparable(await oracle(bytes, 'Data')));
    const city = read.table.columns[1];
    expect(city.type === 'category' && city.dictionary).toEqual(['Köln', 'Bon\rn', 'true']);
  });

  it('shared strings with rich text and phonetic guides read as their plain text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kunden');
    ws.addRow(['customer_id', 'name']);
    ws.addRow(['C1', { richText: [{ text: '山田' }, { text: ' 太郎', font: { italic: true } }] }]);
    ws.addRow(['C2', 'Tanaka']);
    let bytes: Buffer = Buffer.from(await wb.xlsx.writeBuffer());
    bytes = await patch(bytes, 'xl/sharedStrings.xml', (xml) => xml.replace('<si><t>Tanaka</t></si>', '<si><t>Tanaka</t><rPh sb="0" eb="1"><t>タナカ</t></rPh><phoneticPr fontId="1"/></si>'));
    const read = await readXlsx(bytes, 'book.xlsx');
    expect(comparable(read)).toEqual(comparable(await oracle(bytes, 'Kunden')));
    const name = read.table.columns[1];
    expect(name.type === 'category' && name.dictionary).toEqual(['山田 太郎', 'Tanaka']);
  });
});

describe('readXlsxSheets', () => {
  let bytes: Buffer;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Customers').addRows([['customer_id', 'age'], ['C1', 31], ['C2', 45]]);
    wb.addWorksheet('Archive', { state: 'hidden' }).addRows([['customer_id', 'amount'], ['C1', 1]]);
    wb.addWorksheet('Orders').addRows([['customer_id', 'amount'], ['C1', 10], ['C2', 12.5], ['C1', 3]]);
    bytes = Buffer.from(await wb.xlsx.writeBuffer());
  });

  it("'visible' reads every visible sheet in tab order; names are found case-insensitively, hidden ones too", async () => {
    const visible = await readXlsxSheets(bytes, 'shop.xlsx', 'visible');
    expect(visible.map((p) => `${p.sheetName}:${p.table.rowCount}`)).toEqual(['Customers:2', 'Orders:3']);
    const named = await readXlsxSheets(bytes, 'shop.xlsx', ['orders', ' ARCHIVE ', undefined]);
    expect(named.map((p) => p.sheetName)).toEqual(['Orders', 'Archive', 'Customers']);
    for (const p of visible) expect(comparable(p)).toEqual(comparable(await oracle(bytes, p.sheetName)));
  });

  it('a missing sheet → E_SHEET_MISSING listing the sheets, hidden ones marked', async () => {
    const e = await failure(() => readXlsxSheets(bytes, 'shop.xlsx', ['Orders', 'Tickets']));
    expect(e.code).toBe('E_SHEET_MISSING');
    expect(e.message).toBe('shop.xlsx, sheet "Tickets": The workbook has no sheet named "Tickets". Available sheets: "Customers", "Archive" (hidden), "Orders".');
  });

  it('only hidden sheets → E_NO_VISIBLE_SHEET; a truncated package → E_XLSX_CORRUPT', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Secret', { state: 'hidden' }).addRow(['a']);
    const hidden = Buffer.from(await wb.xlsx.writeBuffer());
    const e = await failure(() => readXlsxSheets(hidden, 'h.xlsx', 'visible'));
    expect(e.code).toBe('E_NO_VISIBLE_SHEET');
    expect(e.message).toBe('h.xlsx: The workbook has no visible sheet. Name the sheet to read (hidden sheets: "Secret" (hidden)), or unhide it in Excel.');
    const cut = await failure(() => readXlsx(bytes.subarray(0, bytes.length - 30), 'cut.xlsx'));
    expect(cut.code).toBe('E_XLSX_CORRUPT');
    expect(cut.message).toBe("cut.xlsx: The workbook cannot be opened (Corrupted zip: can't find end of central directory). The file may be truncated or damaged: open it in Excel and save it again, or export it as CSV.");
  });

  it('a sheet whose deflated data is damaged → E_XLSX_CORRUPT naming zlib’s complaint', async () => {
    const damaged = Buffer.from(bytes);
    const at = damaged.indexOf('xl/worksheets/sheet3.xml');
    for (let i = at + 40; i < at + 80; i++) damaged[i] = 0xff;
    const e = await failure(() => readXlsx(damaged, 'bad.xlsx', { sheet: 'Orders' }));
    expect(e.code).toBe('E_XLSX_CORRUPT');
    expect(e.message).toMatch(/^bad\.xlsx: The workbook cannot be opened \(.+\)\. The file may be truncated/);
  });
});
