import { tableFromValues } from '../../../src/core/ingest/tableFromValues';
import { cellValue, type Column } from '../../../src/core/table/Table';
import { dayNumberFromYmd, excelSerialFromDayNumber } from '../../../src/core/table/dayNumber';
import { SegmentKitError } from '../../../src/core/errors/SegmentKitError';

const values = (c: Column) => Array.from({ length: 'codes' in c ? c.codes.length : c.values.length }, (_, i) => cellValue(c, i));

function thrown(fn: () => unknown): SegmentKitError {
  try {
    fn();
  } catch (e) {
    return e as SegmentKitError;
  }
  throw new Error('expected an error');
}

describe('tableFromValues', () => {
  it('spells numbers out as their text in a column that turns out to be text: dates in date formats as ISO dates', () => {
    const d = excelSerialFromDayNumber(dayNumberFromYmd(2024, 3, 1));
    const p = tableFromValues(
      [['Joined', 'Tier'], [d, 1.5], ['soon', 'gold'], ['', true], [d + 1, 2]],
      { sheet: 'Customers', numberFormats: [['General', 'General'], ['yyyy-mm-dd', 'General'], ['General', 'General'], ['General', 'General'], ['General', 'General']] },
    );
    expect(values(p.table.columns[0])).toEqual(['2024-03-01', 'soon', null, String(d + 1)]);
    expect(values(p.table.columns[1])).toEqual(['1.5', 'gold', 'true', '2']);
    expect(p.columns[0]).toMatchObject({ missing: 1 });
  });

  it('reads Excel range.values: serial dates via number formats, errors as missing, booleans', () => {
    const d = excelSerialFromDayNumber(dayNumberFromYmd(2024, 3, 1));
    const p = tableFromValues(
      [
        ['Kundennummer', 'Bestelldatum', 'Umsatz', 'VIP'],
        ['00042', d, 12.5, true],
        ['00007', d + 1, '#N/A', false],
      ],
      { sheet: 'Orders', numberFormats: [['General', 'General', 'General', 'General'], ['@', 'dd.mm.yyyy', '0.00', 'General'], ['@', 'dd.mm.yyyy', '0.00', 'General']] },
    );
    expect(p.table.columns.map((c) => c.type)).toEqual(['id', 'date', 'number', 'boolean']);
    expect(values(p.table.columns[0])).toEqual(['00042', '00007']);
    expect(values(p.table.columns[1])).toEqual([dayNumberFromYmd(2024, 3, 1), dayNumberFromYmd(2024, 3, 2)]);
    expect(p.columns[2]).toMatchObject({ missing: 1, excelErrors: 1, unparsable: 0 });
    expect(p.headerRow).toBe(1);
    expect(p.sourceRowOf(1)).toBe(3);
  });

  it('recognises serial dates from a date-like header without formats', () => {
    const p = tableFromValues([['order_date'], [45352], [45353]]);
    expect(p.table.columns[0].type).toBe('date');
  });

  it('reports unparsable cells with sheet addresses, counting from startRow and startColumn', () => {
    const rows: unknown[][] = [['Amount']];
    for (let i = 0; i < 9; i++) rows.push([String(i + 1)]);
    rows.push(['lots']);
    const p = tableFromValues(rows, { sheet: 'Orders', startRow: 5, startColumn: 3 });
    expect(p.columns[0]).toMatchObject({ type: 'number', unparsable: 1, firstBadCells: ['Orders!D15'], letter: 'D' });
    expect(p.warnings.map((w) => w.code)).toEqual(['W_UNPARSABLE', 'W_ONE_COLUMN']);
  });

  it('decides the day/month order from a value that only reads one way', () => {
    const p = tableFromValues([['date'], ['03/04/2024'], ['25/04/2024']]);
    expect(values(p.table.columns[0])).toEqual([dayNumberFromYmd(2024, 4, 3), dayNumberFromYmd(2024, 4, 25)]);
    expect(p.warnings.map((w) => w.code)).toEqual(['W_ONE_COLUMN']);
  });

  it('warns instead of guessing silently when no value decides, and obeys dateOrder', () => {
    const ambiguous = [['date'], ['03/04/2024'], ['05/06/2024']];
    const auto = tableFromValues(ambiguous);
    expect(auto.warnings[0].code).toBe('W_DATE_ORDER_AMBIGUOUS');
    const dmy = tableFromValues(ambiguous, { dateOrder: 'dmy' });
    expect(dmy.warnings.filter((w) => w.code.startsWith('W_DATE'))).toEqual([]);
    expect(values(dmy.table.columns[0])[0]).toBe(dayNumberFromYmd(2024, 4, 3));
  });

  it('names blank headers after their column, drops all-blank columns and skips blank rows', () => {
    const p = tableFromValues([
      ['id', '', 'empty', 'amount'],
      ['C1', 'x', '', 1],
      ['', '', '', ''],
      ['C2', 'y', '', 2],
    ]);
    expect(p.table.columns.map((c) => c.name)).toEqual(['id', 'Column B', 'amount']);
    expect(p.warnings.map((w) => w.code)).toEqual(['W_BLANK_ROWS', 'W_BLANK_COLUMN', 'W_BLANK_HEADER']);
    expect(p.sourceRowOf(1)).toBe(4);
  });

  it('reads a header-less block and names columns by letter', () => {
    const p = tableFromValues([['00004', '0001', '19970101', '2', '29.33']]);
    expect(p.headerRow).toBe(0);
    expect(p.table.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['Column A:id', 'Column B:id', 'Column C:date', 'Column D:number', 'Column E:number']);
  });

  it.each([
    [[], 'E_EMPTY', 'There is no data: every cell is blank. Choose the sheet or range that holds the data.'],
    [[['', ''], ['', '']], 'E_EMPTY', 'There is no data: every cell is blank. Choose the sheet or range that holds the data.'],
    [[['a', 'b']], 'E_NO_ROWS', 'row 1: The data has a header row but no rows below it. Select the header together with the data rows, or check that the file is complete.'],
    [[['Amount', 'amount'], [1, 2]], 'E_DUPLICATE_HEADER', 'column "amount", row 1, cell B1: Header "amount" appears twice, in columns A and B. Rename one of them so every column has its own header; SegmentKit maps roles by header name.'],
    [[['a'], [1, 2]], 'E_RAGGED_ROW', 'row 2: Row 2 has 2 values but the header has 1 columns. Give the extra values a header, or check the delimiter and quoting of that row.'],
  ])('rejects bad input %#', (input, code, message) => {
    const e = thrown(() => tableFromValues(input as unknown[][]));
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });
});

describe('dates in two forms in one column (W_MIXED_DATES)', () => {
  const sheet = (dates: string[]) => tableFromValues([['customer_id', 'order_date'], ...dates.map((d, i) => [`C${i}`, d])], { sheet: 'Orders' });

  it('a column half ISO dates and half spelled-out dates is read as text and says where the other form starts', () => {
    const p = sheet(['2024-03-01', '2024-03-02', 'March 3, 2024', '2024-03-04', 'March 5, 2024', '2024-03-06']);
    expect(p.table.columns[1].type).toBe('category');
    const w = p.warnings.find((x) => x.code === 'W_MIXED_DATES');
    expect(w).toEqual({
      code: 'W_MIXED_DATES',
      message: 'Column "order_date" holds 4 date(s) (67 % of its values) but 2 value(s) in another form (first: Orders!B4 "March 3, 2024"), so it is read as category and its dates are not used; write every date the same way (for example 2024-03-31) or format the column as Date in Excel, then read it again',
      count: 2,
    });
  });

  it('stays quiet for a clean date column, for a date column with a few bad cells, and for eight-digit ids', () => {
    expect(sheet(['2024-03-01', '01.03.2024', '2024-03-02']).warnings.map((w) => w.code)).not.toContain('W_MIXED_DATES');
    const fewBad = sheet(['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04', '2024-03-05', 'n/a']);
    expect(fewBad.table.columns[1].type).toBe('date');
    expect(fewBad.warnings.map((w) => w.code)).toEqual(['W_UNPARSABLE']);
    const ids = tableFromValues([['ref'], ['20240301'], ['ABC-1'], ['20240302'], ['XYZ-2'], ['XYZ-3']]);
    expect(ids.warnings.map((w) => w.code)).not.toContain('W_MIXED_DATES');
  });
});
