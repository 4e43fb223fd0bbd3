import { parseBooleanCell } from '../../../src/core/ingest/parseBooleanCell';
import { isExcelError } from '../../../src/core/ingest/excelErrors';
import { cellAddress, columnLetter } from '../../../src/core/ingest/columnLetter';

describe('parseBooleanCell', () => {
  it.each(['true', 'YES', 'ja', 'Wahr', 'waar', '1', 'y'])('%s is true', (t) => expect(parseBooleanCell(t)).toBe(true));
  it.each(['false', 'No', 'nein', 'nee', 'falsch', 'onwaar', '0', 'n'])('%s is false', (t) => expect(parseBooleanCell(t)).toBe(false));
  it('leaves other words alone', () => expect(parseBooleanCell('maybe')).toBeUndefined());
});

describe('Excel errors and addresses', () => {
  it.each(['#N/A', '#DIV/0!', '#REF!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'])('%s is an Excel error', (t) => expect(isExcelError(t)).toBe(true));
  it('does not take hashtags or N/A for errors', () => {
    expect(isExcelError('#1 customer')).toBe(false);
    expect(isExcelError('N/A')).toBe(false);
  });
  it('writes Excel column letters and quoted sheet addresses', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(cellAddress('Orders', 3, 17)).toBe('Orders!D17');
    expect(cellAddress('My data', 0, 2)).toBe("'My data'!A2");
  });
});
