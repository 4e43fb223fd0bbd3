import fc from 'fast-check';
import { detectDecimalSeparator, isPlainDecimal, parseNumberCell, plainDecimalValue } from '../../../src/core/ingest/parseNumberCell';

describe('parseNumberCell', () => {
  it.each([
    ['1234', undefined, 1234],
    ['  42 ', undefined, 42],
    ['1,234.56', undefined, 1234.56],
    ['1.234,56', undefined, 1234.56],
    ['1.234,56 €', ',', 1234.56],
    ['€ 1.234,56', ',', 1234.56],
    ['$1,200', '.', 1200],
    ['£-3.50', '.', -3.5],
    ['-£3.50', '.', -3.5],
    ['(1,200.50)', '.', -1200.5],
    ['(12,00)', ',', -12],
    ['12,5 %', ',', 0.125],
    ['12.5%', '.', 0.125],
    ['12,5', undefined, 12.5],
    ['1,234', '.', 1234],
    ['1.234', ',', 1234],
    ['1.234', '.', 1.234],
    ['1 234,5', ',', 1234.5],
    ['1,234,567', '.', 1234567],
    ['0,5', '.', 0.5],
    ['EUR 10', '.', 10],
  ] as const)('%s (decimal %s) → %d', (text, decimal, expected) => {
    expect(parseNumberCell(text, decimal)).toBeCloseTo(expected, 12);
  });

  it.each(['', 'abc', '12a', '1,2,3', '1.234.5,6.7', '--1', '#N/A'])('%s is not a number', (text) => {
    expect(parseNumberCell(text)).toBeNaN();
  });

  it('treats leading-zero digit strings as not plain, so ids keep their zeros', () => {
    expect(isPlainDecimal('00042')).toBe(false);
    expect(isPlainDecimal('0.5')).toBe(true);
    expect(isPlainDecimal('-12')).toBe(true);
  });

  it('accepts exactly what the plain-number pattern accepts (and finite), on number-like strings', () => {
    const PLAIN = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;
    const text = fc.oneof(
      fc.array(fc.constantFrom('-', '+', '0', '1', '9', '.', 'e', 'E', ',', ' ', 'x'), { maxLength: 8 }).map((cs) => cs.join('')),
      fc.double().map(String),
      fc.constantFrom('', '-', '0', '00', '-0', '0.', '.5', '1e', '1e+', '1e-7', '1E5', '1e999', '-1.5e+10', '12 ', ' 12', '٣'),
    );
    fc.assert(
      fc.property(text, (t) => {
        const plain = PLAIN.test(t) && Number.isFinite(+t);
        expect(isPlainDecimal(t)).toBe(plain);
        expect(plainDecimalValue(t)).toBe(plain ? +t : NaN);
      }),
      { numRuns: 5000, seed: 3 },
    );
  });

  it('decides the decimal separator from values that only read one way', () => {
    expect(detectDecimalSeparator(['12,5', '7'], '.')).toBe(',');
    expect(detectDecimalSeparator(['1,234.5'], ',')).toBe('.');
    expect(detectDecimalSeparator(['1,234'], ',')).toBe(',');
    expect(detectDecimalSeparator(['1,234'], '.')).toBe('.');
  });
});
