import { existsSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { cachedBundle } from '../../src/io/cachedBundle.cjs';

const CACHE = join(__dirname, '..', '..', 'node_modules', '.cache', 'segmentkit');
const ENTRY = join(__dirname, 'fixtures', 'bundleEntry.ts');
const name = `test-bundle-${process.pid}`;
const ours = () => readdirSync(CACHE).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));

afterAll(() => {
  for (const f of readdirSync(CACHE)) if (f.startsWith(name)) rmSync(join(CACHE, f), { force: true });
});

describe('cachedBundle', () => {
  it('builds once, reuses while the inputs are unchanged, rebuilds when one changes, and removes only old replaced bundles', async () => {
    const spec = { name, entry: 'test/io/fixtures/bundleEntry.ts' };
    const first = await cachedBundle(spec);
    expect(first).not.toBeNull();
    expect(((await import(first!)) as { answer: number }).answer).toBe(42);
    expect(await cachedBundle(spec)).toBe(first);

    // A changed input (here its time stamp) means a new bundle; the one just replaced may still be in use elsewhere.
    const now = Date.now() / 1000;
    utimesSync(ENTRY, now + 5, now + 5);
    const second = await cachedBundle(spec);
    expect(second).not.toBe(first);
    expect(existsSync(first!)).toBe(true);

    // Once a replaced bundle is older than ten minutes, the next rebuild removes it.
    utimesSync(first!, now - 20 * 60, now - 20 * 60);
    utimesSync(ENTRY, now + 10, now + 10);
    const third = await cachedBundle(spec);
    expect(existsSync(first!)).toBe(false);
    expect(ours().map((f) => join(CACHE, f)).sort()).toEqual([second!, third!].sort());
  }, 60_000);

  it('gives null when the cache is switched off, so callers use tsx', async () => {
    process.env.SEGMENTKIT_NO_CACHE = '1';
    try {
      expect(await cachedBundle({ name, entry: 'test/io/fixtures/bundleEntry.ts' })).toBeNull();
    } finally {
      delete process.env.SEGMENTKIT_NO_CACHE;
    }
  });
});
