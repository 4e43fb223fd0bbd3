import { ORDER_HEADERS } from '../../src/core/sample/sampleRows';
import { loadOrderLinesWorkbook } from '../../src/playground/loadOrderLinesWorkbook';

describe('loadOrderLinesWorkbook', () => {
  test('fills Orders with exactly the rows asked for: header plus generated order lines, dates and money formatted', () => {
    const wb = loadOrderLinesWorkbook({ rows: 5000, seed: 42 });
    expect(wb.sheetNames()).toEqual(['Orders']);
    expect(wb.usedAddress('Orders')).toBe('Orders!A1:H5000');
    expect(wb.values('Orders', 'A1:H1')[0]).toEqual([...ORDER_HEADERS]);
    expect(wb.cell('Orders', 'C5000').numberFormat).toBe('yyyy-mm-dd');
    expect(wb.cell('Orders', 'H2').numberFormat).toBe('#,##0.00');
    const [line] = wb.values('Orders', 'A2:H2');
    expect(line![1]).toMatch(/^C\d{7}$/);
    expect(typeof line![2]).toBe('number');
  });

  test('the same seed gives the same sheet', () => {
    const a = loadOrderLinesWorkbook({ rows: 300, seed: 7 }).values('Orders', 'A1:H300');
    const b = loadOrderLinesWorkbook({ rows: 300, seed: 7 }).values('Orders', 'A1:H300');
    expect(a).toEqual(b);
  });

  test.each([1, 2.5, 1_048_577, Number.NaN])('rows %p is refused with E_PLAYGROUND_ROWS', (rows) => {
    expect(() => loadOrderLinesWorkbook({ rows, seed: 42 })).toThrow(
      expect.objectContaining({
        code: 'E_PLAYGROUND_ROWS',
        message: `at rows: The number of sheet rows must be a whole number from 2 to 1,048,576, got ${String(rows)}. Open the playground with for example ?rows=1048576 (a full sheet) or ?rows=200000.`,
      }),
    );
  });
});
