import { ckmeans } from 'simple-statistics';
import { compactNumberFormat } from '../../../src/core/bands/compactNumberFormat';
import { numericBands } from '../../../src/core/bands/numericBands';
import { createRng } from '../../../src/core/random/createRng';

describe('numericBands', () => {
  const euro = compactNumberFormat({ prefix: '€' });

  it('formats compact labels', () => {
    expect([euro(40000), euro(1_500_000), euro(950), euro(-1234)]).toEqual(['€40k', '€1.5M', '€950', '−€1.2k']);
  });

  it('uses fixed edges with open ends', () => {
    const r = numericBands(Float64Array.of(10000, 40000, 59999, 60000, 250000, NaN), { method: 'edges', edges: [40000, 60000], format: euro });
    expect(r.labels).toEqual(['< €40k', '€40k–€60k', '€60k+']);
    expect(Array.from(r.codes)).toEqual([0, 1, 1, 2, 2, -1]);
    expect(r.missing).toBe(1);
  });

  it('cuts quantiles with numpy/pandas linear interpolation (1..10 → quartile breaks 3.25, 5.5, 7.75)', () => {
    const r = numericBands(Float64Array.from({ length: 10 }, (_, i) => i + 1), { method: 'quantile', bands: 4 });
    expect(r.breaks).toEqual([3.25, 5.5, 7.75]);
    expect(Array.from(r.codes)).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3, 3]);
    expect(r.labels).toEqual(['1–3.25', '3.25–5.5', '5.5–7.75', '7.75–10']);
  });

  it('merges coinciding quantile breaks', () => {
    const r = numericBands(Float64Array.of(0, 0, 0, 0, 0, 0, 5, 6, 8, 9), { method: 'quantile', bands: 4 });
    expect(r.breaks).toEqual([5.75]);
    expect(r.labels.length).toBe(2);
  });

  it('finds the natural breaks of clearly grouped spend with ckmeans', () => {
    const values = Float64Array.of(1, 2, 3, 100, 101, 102, 1000, 1001);
    const r = numericBands(values, { method: 'ckmeans', bands: 3 });
    expect(r.breaks).toEqual([100, 1000]);
    expect(Array.from(r.codes)).toEqual([0, 0, 0, 1, 1, 1, 2, 2]);
  });

  it('on large columns uses breaks from an evenly spaced sample close to ckmeans on all values', () => {
    const rng = createRng(3);
    const values = Float64Array.from({ length: 40_000 }, () => Math.exp(10 + 0.6 * rng.normal()));
    const r = numericBands(values, { method: 'ckmeans', bands: 4 });
    const full = ckmeans(Array.from(values), 4).slice(1).map((c) => c[0]);
    r.breaks.forEach((b, i) => expect(Math.abs(b - full[i]) / full[i]).toBeLessThan(0.05));
  });

  it('rejects bad options with exact codes', () => {
    expect(() => numericBands(Float64Array.of(1), { method: 'edges', edges: [5, 3] })).toThrow(expect.objectContaining({ code: 'E_BAND_EDGES', message: 'at edges: Band edges must be increasing numbers, not [5, 3]. Give the cut points in ascending order, e.g. 20000, 40000, 60000.' }));
    expect(() => numericBands(Float64Array.of(1), { method: 'quantile', bands: 1 })).toThrow(expect.objectContaining({ code: 'E_BAND_COUNT' }));
    expect(() => numericBands(Float64Array.of(NaN), { method: 'quantile' })).toThrow(expect.objectContaining({ code: 'E_BAND_NO_VALUES' }));
    expect(() => numericBands(Float64Array.of(1), { method: 'jenks' as 'quantile' })).toThrow(expect.objectContaining({ code: 'E_BAND_METHOD' }));
  });
});
