import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SegmentKitError } from '../../src/core/errors/SegmentKitError';
import { readFileBytes } from '../../src/io/readFileBytes';

describe('readFileBytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sk-bytes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a small file into an ordinary buffer', async () => {
    writeFileSync(join(dir, 'small.csv'), 'a,b\n1,2\n');
    const bytes = await readFileBytes(join(dir, 'small.csv'));
    expect(bytes.toString()).toBe('a,b\n1,2\n');
    expect(bytes.buffer instanceof SharedArrayBuffer).toBe(false);
  });

  it('reads a big file (32 MB and more) whole into shared memory, for reader threads', async () => {
    const big = Buffer.alloc(32 * 2 ** 20 + 3, 'x');
    big.write('first', 0);
    big.write('last', big.length - 4);
    writeFileSync(join(dir, 'big.csv'), big);
    const bytes = await readFileBytes(join(dir, 'big.csv'));
    expect(bytes.buffer instanceof SharedArrayBuffer).toBe(true);
    expect(bytes.length).toBe(big.length);
    expect(bytes.equals(big)).toBe(true);
  });

  it('names a missing file and a directory with their own codes and messages', async () => {
    const failure = (path: string) => readFileBytes(path).then(() => null, (e: SegmentKitError) => ({ code: e.code, message: e.message }));
    expect(await failure(join(dir, 'nope.csv'))).toEqual({ code: 'E_FILE_NOT_FOUND', message: `${join(dir, 'nope.csv')}: The file does not exist. Check the path and that you may read the file.` });
    expect(await failure(dir)).toEqual({ code: 'E_FILE_READ', message: `${dir}: The file cannot be read (EISDIR). Check the path and that you may read the file.` });
  });
});
