import { SegmentKitError } from '../errors/SegmentKitError';
import type { BandResult } from './BandResult';
import { bandByLowerBounds } from './bandByLowerBounds';

export interface ScoreBand {
  label: string;
  /** Highest score in this band (inclusive). */
  upTo: number;
}

export interface ScoreBandOptions {
  /** The answer scale, inclusive (default 1–5). Scores off the scale are out of range. */
  scale?: [number, number];
  /** Bands in ascending order; the last must reach the top of the scale. Default for 1–5: low (1–2), medium (3), high (4–5). */
  bands?: ScoreBand[];
}

export const DEFAULT_SCORE_BANDS: readonly ScoreBand[] = [
  { label: 'low', upTo: 2 },
  { label: 'medium', upTo: 3 },
  { label: 'high', upTo: 5 },
];

/**
 * Survey score bands (tech comfort 1–5 → low / medium / high). Scores off the scale are out
 * of range (-1, counted), never forced into the nearest band.
 *
 * @example
 * scoreBands(Float64Array.of(1, 3, 5)).labels; // ['low', 'medium', 'high']
 */
export function scoreBands(values: Float64Array, options: ScoreBandOptions = {}): BandResult {
  const [min, max] = options.scale ?? [1, 5];
  const bands = options.bands ?? [...DEFAULT_SCORE_BANDS];
  const ordered = bands.every((b, i) => i === 0 || b.upTo > bands[i - 1].upTo);
  if (!(min < max) || bands.length === 0 || !ordered || bands[0].upTo < min || bands[bands.length - 1].upTo !== max) {
    throw new SegmentKitError('E_SCORE_BANDS', `Score bands must rise from the bottom of the scale (${min}) and the last must end at its top (${max})`, { location: { path: 'bands' }, hint: 'E.g. on 1–5: low up to 2, medium up to 3, high up to 5.' });
  }
  // Scores are often whole numbers but sliders give decimals: a band starts just above the previous upTo.
  const lower = [min, ...bands.slice(0, -1).map((b) => nextAbove(b.upTo))];
  const result = bandByLowerBounds(values, lower, bands.map((b) => b.label));
  let extra = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] > max) {
      result.codes[i] = -1;
      extra++;
    }
  }
  return { ...result, outOfRange: result.outOfRange + extra };
}

function nextAbove(x: number): number {
  const buf = new Float64Array([x]);
  const bits = new BigInt64Array(buf.buffer);
  bits[0] += x >= 0 ? 1n : -1n;
  return buf[0];
}
