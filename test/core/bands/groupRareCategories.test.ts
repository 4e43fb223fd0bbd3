import { combineSegments } from '../../../src/core/bands/combineSegments';
import { groupRareCategories } from '../../../src/core/bands/groupRareCategories';

function codesOf(counts: number[]): Int32Array {
  return Int32Array.from(counts.flatMap((c, v) => Array.from({ length: c }, () => v)));
}

describe('groupRareCategories', () => {
  it('folds values under 2 % into Other and reports them', () => {
    const codes = codesOf([60, 38, 1, 1, 0]);
    const r = groupRareCategories(Int32Array.from([...codes, -1]), ['iOS', 'Android', 'KaiOS', 'Tizen', 'Symbian']);
    expect(r.labels).toEqual(['iOS', 'Android', 'Other']);
    expect(r.grouped).toEqual({ values: ['KaiOS', 'Tizen'], rows: 2 });
    expect(r.codes[98]).toBe(2);
    expect(r.codes[100]).toBe(-1);
    expect(r.missing).toBe(1);
  });

  it('rejects a bad share and a code outside the dictionary', () => {
    expect(() => groupRareCategories(Int32Array.of(0), ['a'], { minShare: 1 })).toThrow(expect.objectContaining({ code: 'E_RARE_SHARE' }));
    expect(() => groupRareCategories(Int32Array.of(0, 3), ['a'])).toThrow(expect.objectContaining({ code: 'E_CODE_RANGE', message: 'row 3: Code 3 has no entry in the dictionary of 1 values. Pass the codes together with their own dictionary.' }));
  });
});

describe('combineSegments', () => {
  it('combines parts into readable codes and groups rare combinations', () => {
    const age = { name: 'age', codes: Int32Array.of(1, 1, 0, 1, 0, -1), labels: ['18–24', '25–34'] };
    const country = { name: 'country', codes: Int32Array.of(0, 0, 1, 0, 1, 0), labels: ['DE', 'FR'] };
    const os = { name: 'os', codes: Int32Array.of(0, 0, 1, 0, 1, 1), labels: ['iOS', 'Android'] };
    const r = combineSegments([age, country, os], { minShare: 0 });
    expect(r.labels).toEqual(['18–24 · FR · Android', '25–34 · DE · iOS']);
    expect(Array.from(r.codes)).toEqual([1, 1, 0, 1, 0, -1]);
    const grouped = combineSegments([age, country], { minShare: 0.5 });
    expect(grouped.labels).toEqual(['25–34 · DE', 'Other']);
    expect(grouped.grouped).toEqual({ values: ['18–24 · FR'], rows: 2 });
  });

  it('rejects parts of different lengths', () => {
    expect(() => combineSegments([{ name: 'a', codes: Int32Array.of(0), labels: ['x'] }, { name: 'b', codes: Int32Array.of(0, 0), labels: ['y'] }])).toThrow(expect.objectContaining({ code: 'E_COMBINE_LENGTH', message: 'column "b": The column has 2 rows but "a" has 1. Combine columns of one table.' }));
    expect(() => combineSegments([])).toThrow(expect.objectContaining({ code: 'E_COMBINE_EMPTY' }));
  });
});
