import { dayNumberFromYmd } from '../../../src/core/table/dayNumber';
import { isDateNumberFormat, parseDateCell } from '../../../src/core/ingest/parseDateCell';

describe('parseDateCell', () => {
  it.each([
    ['2024-03-04', 'dmy', [2024, 3, 4]],
    ['2024-03-04T10:30:00Z', 'dmy', [2024, 3, 4]],
    ['2024/3/4', 'mdy', [2024, 3, 4]],
    ['31.12.2023', 'mdy', [2023, 12, 31]],
    ['04-03-2024', 'dmy', [2024, 3, 4]],
    ['3/4/2024', 'mdy', [2024, 3, 4]],
    ['4/3/2024', 'dmy', [2024, 3, 4]],
    ['19970101', 'dmy', [1997, 1, 1]],
    ['29.02.2024', 'dmy', [2024, 2, 29]],
  ] as const)('%s (%s)', (text, order, [y, m, d]) => {
    expect(parseDateCell(text, order)).toBe(dayNumberFromYmd(y, m, d));
  });

  it.each(['2023-02-29', '31.04.2024', '13/13/2024', 'tomorrow', '20241301', '12.5'])('%s is not a date', (text) => {
    expect(parseDateCell(text, 'dmy')).toBeNaN();
  });

  it('recognises date number formats, not amounts', () => {
    expect(isDateNumberFormat('dd.mm.yyyy')).toBe(true);
    expect(isDateNumberFormat('m/d/yyyy')).toBe(true);
    expect(isDateNumberFormat('[$-409]mmmm d, yyyy')).toBe(true);
    expect(isDateNumberFormat('#,##0.00 "days"')).toBe(false);
    expect(isDateNumberFormat('General')).toBe(false);
    expect(isDateNumberFormat('0.0%')).toBe(false);
  });
});
