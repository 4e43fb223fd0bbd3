import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { writeCsv } from '../../src/io/writeCsv';
import { guardFormula } from '../../src/io/guardFormula';
import { readDelimitedColumns } from '../../src/io/readDelimitedColumns';
import { cellValue } from '../../src/core/table/Table';
import { dayNumberFromYmd, isoFromDayNumber } from '../../src/core/table/dayNumber';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sk-csv-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeCsv', () => {
  it('round-trips numbers, dates and text with quotes, commas and line breaks', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r\n', ';', 'é', '€'), minLength: 1, maxLength: 8 }).map((s) => `t${s}.`);
    const row = fc.record({
      n: fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
      d: fc.integer({ min: dayNumberFromYmd(1990, 1, 1), max: dayNumberFromYmd(2060, 12, 31) }),
      s: text,
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
        const path = join(dir, 'p.csv');
        writeCsv(path, ['amount', 'order_date', 'note'], [rows.map((r) => r.n), rows.map((r) => isoFromDayNumber(r.d)), rows.map((r) => r.s)], { forExcel: false });
        const p = readDelimitedColumns(path);
        const [n, d, s] = p.table.columns;
        expect(p.table.rowCount).toBe(rows.length);
        rows.forEach((r, i) => {
          expect(cellValue(n, i)).toBe(r.n);
          expect(cellValue(d, i)).toBe(r.d);
          expect(cellValue(s, i)).toBe(r.s.trim());
        });
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('quotes per RFC 4180 and guards formula-like text only for Excel', () => {
    const path = join(dir, 'g.csv');
    writeCsv(path, ['note', 'n'], [['=1+1', '-x', '@a', '\tb', 'say "hi", ok', null], [-5, NaN, 1.5, 0, 2, 3]]);
    expect(readFileSync(path, 'utf8')).toBe('\ufeffnote,n\r\n\'=1+1,-5\r\n\'-x,\r\n\'@a,1.5\r\n\'\tb,0\r\n"say ""hi"", ok",2\r\n,3\r\n');
    writeCsv(path, ['note'], [['=1+1']], { forExcel: false });
    expect(readFileSync(path, 'utf8')).toBe('note\r\n=1+1\r\n');
    expect(guardFormula('+49 30 1234')).toBe("'+49 30 1234");
  });

  it('rejects columns of different lengths', () => {
    expect(() => writeCsv(join(dir, 'x.csv'), ['a', 'b'], [[1], [1, 2]])).toThrow('Column "b" has 2 values but the first column has 1');
  });
});
