import { SegmentKitError } from '../errors/SegmentKitError';
import { ageFromBirthDate } from './ageFromBirthDate';
import type { BandResult } from './BandResult';
import { bandByLowerBounds } from './bandByLowerBounds';

/** The default age bands: 18–24, 25–34, 35–44, 45–54, 55–64, 65+. */
export const DEFAULT_AGE_EDGES: readonly number[] = [18, 25, 35, 45, 55, 65];

export type AgeInput = { ages: Float64Array } | { birthDays: Float64Array; asOfDay: number };

export interface AgeBandResult extends BandResult {
  /** Birth dates after the as-of date (counted in `missing` too). */
  futureBirthDates: number;
}

/**
 * Age bands from ages or from birth dates (UTC day numbers) at an as-of day. `edges` are the
 * lower bounds of the bands; the last band is open ("65+"); ages under the first edge are out of
 * range (-1, counted).
 *
 * @example
 * ageBands({ ages: Float64Array.of(23, 40, 70) }).labels; // ['18–24', '25–34', ..., '65+']
 */
export function ageBands(input: AgeInput, options: { edges?: readonly number[] } = {}): AgeBandResult {
  const edges = [...(options.edges ?? DEFAULT_AGE_EDGES)];
  if (edges.length === 0 || edges.some((e, i) => !Number.isInteger(e) || e < 0 || (i > 0 && e <= edges[i - 1]))) {
    throw new SegmentKitError('E_BAND_EDGES', `Age edges must be increasing whole numbers of years, not [${edges.join(', ')}]`, { location: { path: 'edges' }, hint: 'Use lower bounds such as 18, 25, 35, 45, 55, 65.' });
  }
  let ages: Float64Array;
  let future = 0;
  if ('ages' in input) ages = input.ages;
  else ({ ages, future } = ageFromBirthDate(input.birthDays, input.asOfDay));
  const labels = edges.map((e, i) => (i === edges.length - 1 ? `${e}+` : edges[i + 1] - 1 === e ? `${e}` : `${e}–${edges[i + 1] - 1}`));
  return { ...bandByLowerBounds(ages, edges, labels), futureBirthDates: future };
}
