import fc from 'fast-check';
import { CODE_MISSING, encodeStrings } from '../../../src/core/table/Table';

describe('encodeStrings', () => {
  it('numbers distinct strings by first appearance and decodes back to every value', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('C0001', 'C0002', 'é', '😀', 'Aa', 'BB'), fc.constant(null), fc.constant(undefined)), { maxLength: 3000 }), (values) => {
        const coded = encodeStrings('c', values);
        const firstSeen: string[] = [];
        for (const v of values) if (v && !firstSeen.includes(v)) firstSeen.push(v);
        expect(coded.dictionary).toEqual(firstSeen);
        expect(Array.from(coded.codes, (c) => (c === CODE_MISSING ? null : coded.dictionary[c]))).toEqual(values.map((v) => (v ? v : null)));
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it('keeps a million distinct ids apart', () => {
    const ids = Array.from({ length: 1_000_000 }, (_, i) => `C${String(i).padStart(7, '0')}`);
    const coded = encodeStrings('id', ids, 'id');
    expect(coded.dictionary.length).toBe(1_000_000);
    expect(coded.codes[999_999]).toBe(999_999);
    expect(coded.dictionary[coded.codes[123_456]]).toBe('C0123456');
  });
});
