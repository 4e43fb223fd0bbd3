import { parseDelimitedRecords, type UnclosedQuote } from '../../src/io/parseDelimitedRecords';
import { createFieldBounds, scanRecord } from '../../src/io/scanRecord';

describe('parseDelimitedRecords', () => {
  it('splits quoted fields with delimiters, doubled quotes and line breaks', () => {
    expect(parseDelimitedRecords('a,b\n"x, ""y""\nz",2\n', ',')).toEqual([
      ['a', 'b'],
      ['x, "y"\nz', '2'],
    ]);
  });

  it('says where a quote that never closes opened (blank records counted), and reads the rest into that field', () => {
    const report: { unclosedQuote?: UnclosedQuote } = {};
    expect(parseDelimitedRecords('a,b\n\nc,"d\ne,f\n', ',', report)).toEqual([['a', 'b'], [''], ['c', 'd\ne,f\n']]);
    expect(report.unclosedQuote).toEqual({ record: 2, field: 1 });
    const closed: { unclosedQuote?: UnclosedQuote } = {};
    parseDelimitedRecords('a,"b"\n', ',', closed);
    expect(closed.unclosedQuote).toBeUndefined();
  });

  it('agrees with the byte-level scanner on which field never closes', () => {
    const bytes = Buffer.from('c,"d\ne,f\n');
    const f = createFieldBounds();
    expect(scanRecord(bytes, 0, 44, f)).toBe(bytes.length);
    expect([f.count, f.unclosed]).toEqual([2, 1]);
    scanRecord(Buffer.from('a,"b"\n'), 0, 44, f);
    expect(f.unclosed).toBe(-1);
  });
});
