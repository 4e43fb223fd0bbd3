import { dayNumberFromExcelSerial, dayNumberFromIso, excelSerialFromDayNumber, isoFromDayNumber } from '../../../src/core/table/dayNumber';

describe('day numbers', () => {
  it('bridges ISO dates and Excel serials (Excel: 1997-09-30 is serial 35703)', () => {
    const d = dayNumberFromIso('1997-09-30');
    expect(excelSerialFromDayNumber(d)).toBe(35703);
    expect(dayNumberFromExcelSerial(35703.75)).toBe(d);
    expect(isoFromDayNumber(d)).toBe('1997-09-30');
  });
  it('rejects dates that do not exist', () => {
    expect(dayNumberFromIso('2023-02-29')).toBeNaN();
    expect(dayNumberFromIso('2024-02-29')).toBe(dayNumberFromIso('2024-03-01') - 1);
    expect(dayNumberFromIso('31.12.2024')).toBeNaN();
  });
});
