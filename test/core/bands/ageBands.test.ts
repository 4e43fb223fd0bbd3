import { ageBands } from '../../../src/core/bands/ageBands';
import { ageFromBirthDate } from '../../../src/core/bands/ageFromBirthDate';
import { dayNumberFromYmd } from '../../../src/core/table/dayNumber';

describe('ageBands', () => {
  it('bands ages with the default edges and counts missing and under-age rows', () => {
    const r = ageBands({ ages: Float64Array.of(17, 18, 24, 25, 44.5, 64, 65, 90, NaN) });
    expect(r.labels).toEqual(['18–24', '25–34', '35–44', '45–54', '55–64', '65+']);
    expect(Array.from(r.codes)).toEqual([-1, 0, 0, 1, 2, 4, 5, 5, -1]);
    expect(r.missing).toBe(1);
    expect(r.outOfRange).toBe(1);
  });

  it('computes completed years from birth dates at an as-of day', () => {
    const asOf = dayNumberFromYmd(2024, 6, 14);
    const births = Float64Array.of(dayNumberFromYmd(1990, 6, 15), dayNumberFromYmd(1990, 6, 14), dayNumberFromYmd(2000, 2, 29), dayNumberFromYmd(2030, 1, 1));
    expect(Array.from(ageFromBirthDate(births, asOf).ages)).toEqual([33, 34, 24, NaN]);
    const r = ageBands({ birthDays: births, asOfDay: asOf }, { edges: [18, 30, 34] });
    expect(r.labels).toEqual(['18–29', '30–33', '34+']);
    expect(Array.from(r.codes)).toEqual([1, 2, 0, -1]);
    expect(r.futureBirthDates).toBe(1);
  });

  it('rejects edges that do not increase', () => {
    expect(() => ageBands({ ages: Float64Array.of(30) }, { edges: [18, 18, 40] })).toThrow(expect.objectContaining({ code: 'E_BAND_EDGES', message: 'at edges: Age edges must be increasing whole numbers of years, not [18, 18, 40]. Use lower bounds such as 18, 25, 35, 45, 55, 65.' }));
    expect(() => ageFromBirthDate(Float64Array.of(1), NaN)).toThrow(expect.objectContaining({ code: 'E_AS_OF_INVALID' }));
  });
});
