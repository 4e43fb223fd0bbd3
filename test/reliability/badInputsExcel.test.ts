import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSegmentKitError, type SegmentKitError } from '../../src/core/errors/SegmentKitError';
import { cellValue } from '../../src/core/table/Table';
import { installMemoryExcel, type MemoryExcel } from '../../src/excel/memory/installMemoryExcel';
import { errorValue, MemoryWorkbook, type SeedCell } from '../../src/excel/memory/MemoryWorkbook';
import { readSheetTable } from '../../src/excel/readSheetTable';
import { createFunctions } from '../../src/functions/createFunctions';
import { FunctionError } from '../../src/functions/FunctionError';
import { MemoryRecipeStore } from '../../src/functions/MemoryRecipeStore';
import { decodeText } from '../../src/io/decodeText';
import { detectDelimiter } from '../../src/io/detectDelimiter';
import { parseDelimitedRecords } from '../../src/io/parseDelimitedRecords';
import { readTableFile } from '../../src/io/readTableFile';

/**
 * The same bad inputs through the Excel adapter (in-memory workbook → readSheetTable) and the
 * custom functions: the adapter refuses what the file reader refuses, with the same code, and
 * the functions answer with the Excel error a user would expect in the cell.
 */
const BAD = join(__dirname, '../fixtures/bad');

let excel: MemoryExcel | undefined;
afterEach(() => excel?.uninstall());

function install(wb: MemoryWorkbook): MemoryWorkbook {
  excel?.uninstall();
  excel = installMemoryExcel(wb);
  return wb;
}

async function code<T>(p: Promise<T>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(isSegmentKitError(e)).toBe(true);
    return (e as SegmentKitError).code;
  }
  return 'ok';
}

/** A CSV fixture's cells as they would sit on a sheet after pasting the file into Excel. */
function sheetRows(file: string): SeedCell[][] {
  const { text } = decodeText(readFileSync(join(BAD, file)), file);
  return parseDelimitedRecords(text, detectDelimiter(text));
}

describe('the Excel adapter refuses what the file reader refuses, with the same code', () => {
  it.each([
    ['header-only.csv', 'E_NO_ROWS'],
    ['header-then-blank.csv', 'E_NO_ROWS'],
    ['header-then-empty-cells.csv', 'E_NO_ROWS'],
    ['json-array.csv', 'E_NO_ROWS'],
    ['duplicate-headers.csv', 'E_DUPLICATE_HEADER'],
  ])('%s → %s', async (file, expected) => {
    expect(await code(readTableFile(join(BAD, file)))).toBe(expected);
    install(new MemoryWorkbook().addSheet('Data', sheetRows(file)));
    expect(await code(readSheetTable({ sheet: 'Data' }))).toBe(expected);
  });

  it('a ragged CSV pasted into a sheet is no longer ragged: the extra value gets a "Column D" header', async () => {
    expect(await code(readTableFile(join(BAD, 'ragged-long.csv')))).toBe('E_RAGGED_ROW');
    install(new MemoryWorkbook().addSheet('Data', sheetRows('ragged-long.csv')));
    const { parsed } = await readSheetTable({ sheet: 'Data' });
    expect(parsed.table.columns.map((c) => c.name)).toEqual(['customer_id', 'date', 'amount', 'Column D']);
    expect(parsed.warnings.map((w) => w.code)).toEqual(['W_BLANK_HEADER']);
  });

  it('an empty sheet → E_EMPTY naming the sheet', async () => {
    install(new MemoryWorkbook().addSheet('Leer'));
    await expect(readSheetTable({ sheet: 'Leer' })).rejects.toMatchObject({ code: 'E_EMPTY', message: 'sheet "Leer": There is no data: every cell is blank. Choose the sheet or range that holds the data.' });
  });

  it('a header with only the id column names it; reads with W_ONE_COLUMN', async () => {
    install(new MemoryWorkbook().addSheet('Data', sheetRows('one-column.csv')));
    const { parsed } = await readSheetTable({ sheet: 'Data' });
    expect(parsed.warnings.map((w) => w.code)).toEqual(['W_ONE_COLUMN']);
  });

  it('a merged header cell arrives as its top-left value plus a blank header (W_BLANK_HEADER)', async () => {
    install(new MemoryWorkbook().addSheet('Data', [['id', 'Adresse', '', 'amount'], ['a', 'Ring 1', 'Bonn', 1], ['b', 'Weg 2', 'Köln', 2]]).mergeCells('Data', 'B1:C1'));
    const { parsed } = await readSheetTable({ sheet: 'Data' });
    expect(parsed.table.columns.map((c) => c.name)).toEqual(['id', 'Adresse', 'Column C', 'amount']);
    expect(parsed.warnings.map((w) => w.code)).toEqual(['W_BLANK_HEADER']);
  });

  it('#N/A, #DIV/0! and #REF! in a numeric column are missing cells, counted (W_EXCEL_ERRORS)', async () => {
    const rows: SeedCell[][] = [['id', 'amount'], ['a', errorValue('#N/A')], ['b', errorValue('#DIV/0!')], ['c', errorValue('#REF!')], ['d', 3], ['e', 4], ['f', 5]];
    install(new MemoryWorkbook().addSheet('Data', rows));
    const { parsed } = await readSheetTable({ sheet: 'Data' });
    expect(parsed.columns[1]).toMatchObject({ type: 'number', missing: 3, excelErrors: 3 });
    expect(parsed.warnings.map((w) => w.code)).toEqual(['W_EXCEL_ERRORS']);
  });

  it('numbers stored as text are numbers; ids with leading zeros in Text cells stay text', async () => {
    install(new MemoryWorkbook().addSheet('Data', [['id', 'amount'], ['00042', '12.5'], ['00007', '3']], [[], ['@', '@'], ['@', '@']]));
    const { parsed } = await readSheetTable({ sheet: 'Data' });
    expect(parsed.table.columns.map((c) => c.type)).toEqual(['id', 'number']);
    expect([cellValue(parsed.table.columns[0], 0), cellValue(parsed.table.columns[0], 1)]).toEqual(['00042', '00007']);
    expect(cellValue(parsed.table.columns[1], 0)).toBe(12.5);
  });

  it('formula-like text in Text cells is read back as that exact text', async () => {
    const risky = ['=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", '@SUM(A1:A9)'];
    install(new MemoryWorkbook().addSheet('Data', [['id', 'note'], ...risky.map((r, i) => [`C${i}`, r])], [[], ...risky.map(() => ['@', '@'])]));
    const { parsed } = await readSheetTable({ sheet: 'Data' });
    expect(risky.map((_, i) => cellValue(parsed.table.columns[1], i))).toEqual(risky);
  });

  it('16,384 columns (the whole grid width) and a 32,767-character cell are read', async () => {
    const width = 16_384;
    install(new MemoryWorkbook().addSheet('Wide', [Array.from({ length: width }, (_, i) => `c${i}`), Array.from({ length: width }, (_, i) => i)]));
    const wide = await readSheetTable({ sheet: 'Wide' });
    expect(wide.parsed.table.columns).toHaveLength(width);
    expect(wide.parsed.columns[width - 1]).toMatchObject({ name: `c${width - 1}`, letter: 'XFD' });
    const long = 'x'.repeat(32_767);
    install(new MemoryWorkbook().addSheet('Long', [['id', 'note'], ['a', long], ['b', 'short']]));
    const { parsed } = await readSheetTable({ sheet: 'Long' });
    expect(cellValue(parsed.table.columns[1], 0)).toBe(long);
  });
});

describe('custom functions answer bad cells with the matching Excel error', () => {
  const sk = createFunctions(new MemoryRecipeStore([]));
  const BGNBD = [[0.2426, 4.4135, 0.7929, 2.4258]];
  const cell = (m: unknown[][], r = 0) => m[r][0] as FunctionError;

  it('error text, NaN and Infinity are #VALUE! per cell; valid rows in the same range still compute', async () => {
    const out = await sk.pAlive([['#N/A'], [NaN], [Infinity], [2]], [[1], [1], [1], [1]], [[4], [4], [4], [4]], BGNBD);
    for (const r of [0, 1, 2]) expect(cell(out, r)).toEqual(new FunctionError('#VALUE!', 'frequency must be a whole number of repeat purchases ≥ 0'));
    expect(out[3][0]).toBeGreaterThan(0);
    expect(out[3][0]).toBeLessThanOrEqual(1);
  });

  it('formula-injection text is a #VALUE! value, never evaluated; an unknown channel is named', async () => {
    const tiers = await sk.valueTier([['=HYPERLINK("x")'], [5], ['#DIV/0!']], [[1], [5], [9]]);
    expect(cell(tiers, 0)).toEqual(new FunctionError('#VALUE!', 'value must be a number (the customer’s value)'));
    expect(cell(tiers, 2)).toEqual(new FunctionError('#VALUE!', 'value must be a number (the customer’s value)'));
    const cost = await sk.costToServe([[1, 1]], [['phone', '=cmd|x']]);
    expect(cell(cost)).toEqual(new FunctionError('#VALUE!', 'unknown channel "=cmd|x"; use phone, email, chat, social, self_service'));
  });

  it('dates beyond Excel’s last day and negative numbers get #NUM!', async () => {
    expect(cell(await sk.lifecycle([[45000]], [[2_958_466]], 45_500))).toEqual(new FunctionError('#NUM!', 'asOf must be on or after every last date'));
    expect(cell(await sk.rfmScore(-3, 2, 100, [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]]))).toEqual(new FunctionError('#NUM!', 'recency must be a number of days ≥ 0'));
  });

  it('no recipe in the workbook → #N/A with what to do', async () => {
    expect(cell(await sk.segment([['recency', 'frequency', 'monetary'], [1, 2, 3]]))).toMatchObject({ code: '#N/A' });
  });
});
