import fc from 'fast-check';
import { ByteInterner } from '../../src/io/ByteInterner';

/** Interns every field of `fields` (joined by commas) and checks codes and strings against a Map. */
function checkAgainstMap(fields: string[]): void {
  const bytes = Buffer.from(fields.join(','));
  const interner = new ByteInterner(bytes);
  const expected = new Map<string, number>();
  const got = new Int32Array(fields.length);
  const want = new Int32Array(fields.length);
  let p = 0;
  fields.forEach((field, i) => {
    const len = Buffer.byteLength(field);
    want[i] = expected.get(field) ?? expected.size;
    expected.set(field, want[i]);
    got[i] = interner.intern(p, p + len);
    p += len + 1;
  });
  // The first disagreement, if any, as one readable value (a deep compare of 600,000 codes is slow).
  const bad = got.findIndex((code, i) => code !== want[i]);
  expect(bad < 0 ? 'all codes agree' : `field ${bad} "${fields[bad]}": ${got[bad]}, expected ${want[bad]}`).toBe('all codes agree');
  expect(interner.strings()).toEqual([...expected.keys()]);
}

describe('ByteInterner', () => {
  it('numbers distinct fields in order of first appearance', () => {
    const b = Buffer.from('C1,C2,C1');
    const ids = new ByteInterner(b);
    expect([ids.intern(0, 2), ids.intern(3, 5), ids.intern(6, 8)]).toEqual([0, 1, 0]);
    expect(ids.strings()).toEqual(['C1', 'C2']);
  });

  it('keeps ids of several shapes apart (lanes), then hashes a shape it has not seen', () => {
    checkAgainstMap(['100001', 'C100001', '100002', '2024-01-02', 'C100001', '100001', 'X-1', '2024-01-02', 'name', 'C100002', 'Y-2', 'name', '100002', 'Y-2']);
  });

  it('moves a lane whose keys spread thin to the hash table and still finds its old values', () => {
    // 70,000 apart on the first two keys: more than a lane may span for two values.
    const fields = ['C0000001', 'C0070001', 'C0000001', 'C0070001', 'C0140001', 'C0000002', 'C0000001'];
    checkAgainstMap(fields);
  });

  it('grows a lane downwards and upwards (dates in any order) and keeps every code', () => {
    const days = Array.from({ length: 3000 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % 1500) * 864e5).toISOString().slice(0, 10));
    checkAgainstMap(days);
  });

  it('keeps codes right over 350,000 distinct values (hash table and lane growth)', () => {
    const n = 300_000;
    const fields: string[] = [];
    for (let i = 0; i < n; i++) fields.push(`C${String((i * 7) % n).padStart(7, '0')}`, `item ${(i * 13) % 50_000}`);
    checkAgainstMap(fields);
  });

  it('agrees with a Map on any mix of shapes (quoted, multi-byte, digits, prefixes)', () => {
    const field = fc.oneof(
      fc.integer({ min: 0, max: 400_000 }).map(String),
      fc.integer({ min: 0, max: 99_999 }).map((i) => `C${String(i).padStart(5, '0')}`),
      fc.integer({ min: 0, max: 9_999_999_999 }).map(String),
      fc.constantFrom('2024-01-02', '2024-12-31', '1999-01-01', 'é1', 'x', '1234567890123456789', 'a1b2'),
      fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !s.includes(',') && !s.startsWith('"')),
    );
    fc.assert(fc.property(fc.array(field, { minLength: 1, maxLength: 200 }), (fields) => checkAgainstMap(fields)), { numRuns: 500 });
  });
});
