import { SegmentKitError } from '../errors/SegmentKitError';

const MS_PER_DAY = 86_400_000;

/**
 * Completed years of age on `asOfDay` for birth dates given as UTC day numbers (NaN stays NaN).
 * A birth date after `asOfDay` is a data error and gives NaN, counted in `future`.
 *
 * @example
 * ageFromBirthDate(Float64Array.of(dayNumberFromYmd(1990, 6, 15)), dayNumberFromYmd(2024, 6, 14)).ages; // [33]
 */
export function ageFromBirthDate(birthDays: Float64Array, asOfDay: number): { ages: Float64Array; future: number } {
  if (!Number.isFinite(asOfDay)) {
    throw new SegmentKitError('E_AS_OF_INVALID', `The as-of date must be a day number, not ${asOfDay}`, { location: { path: 'asOfDay' }, hint: 'Pass the reference date as a UTC day number (dayNumberFromYmd).' });
  }
  const asOf = new Date(asOfDay * MS_PER_DAY);
  const y = asOf.getUTCFullYear();
  const md = asOf.getUTCMonth() * 100 + asOf.getUTCDate();
  const ages = new Float64Array(birthDays.length);
  let future = 0;
  for (let i = 0; i < birthDays.length; i++) {
    const b = birthDays[i];
    if (Number.isNaN(b)) {
      ages[i] = NaN;
    } else if (b > asOfDay) {
      ages[i] = NaN;
      future++;
    } else {
      const birth = new Date(b * MS_PER_DAY);
      const bmd = birth.getUTCMonth() * 100 + birth.getUTCDate();
      ages[i] = y - birth.getUTCFullYear() - (md < bmd ? 1 : 0);
    }
  }
  return { ages, future };
}
