import { scoreBands } from '../../../src/core/bands/scoreBands';

describe('scoreBands', () => {
  it('maps tech comfort 1–5 to low / medium / high and counts off-scale answers', () => {
    const r = scoreBands(Float64Array.of(1, 2, 2.5, 3, 4, 5, 0, 6, NaN));
    expect(r.labels).toEqual(['low', 'medium', 'high']);
    expect(Array.from(r.codes)).toEqual([0, 0, 1, 1, 2, 2, -1, -1, -1]);
    expect(r.outOfRange).toBe(2);
    expect(r.missing).toBe(1);
  });

  it('accepts custom bands on another scale and rejects bands that do not cover it', () => {
    const r = scoreBands(Float64Array.of(0, 6, 7, 9, 10), { scale: [0, 10], bands: [{ label: 'detractor', upTo: 6 }, { label: 'passive', upTo: 8 }, { label: 'promoter', upTo: 10 }] });
    expect(Array.from(r.codes)).toEqual([0, 0, 1, 2, 2]);
    expect(() => scoreBands(Float64Array.of(1), { bands: [{ label: 'low', upTo: 3 }] })).toThrow(expect.objectContaining({ code: 'E_SCORE_BANDS', message: 'at bands: Score bands must rise from the bottom of the scale (1) and the last must end at its top (5). E.g. on 1–5: low up to 2, medium up to 3, high up to 5.' }));
  });
});
