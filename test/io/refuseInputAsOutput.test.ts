import { linkSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { refuseInputAsOutput } from '../../src/io/refuseInputAsOutput';

let dir: string;
let input: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sk-same-'));
  input = join(dir, 'orders.csv');
  writeFileSync(input, 'customer_id,amount\nC1,5\n');
  symlinkSync(input, join(dir, 'link.csv'));
  linkSync(input, join(dir, 'hard.csv'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('refuseInputAsOutput', () => {
  it.each([
    ['the same path', () => input],
    ['another spelling', () => join(dir, '.', 'orders.csv')],
    ['a relative path', () => relative(process.cwd(), input)],
    ['a symbolic link', () => join(dir, 'link.csv')],
    ['a hard link', () => join(dir, 'hard.csv')],
  ])('refuses %s to an input', (_, out) => {
    const error = (() => {
      try {
        refuseInputAsOutput('--out', out(), [join(dir, 'other.csv'), input]);
      } catch (e) {
        return e as Error & { code: string };
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: 'E_ARGUMENT' });
    expect(error?.message).toBe(`${out()}: --out names an input file. Write results to a new file; SegmentKit never overwrites your data.`);
  });

  it('lets a new file, another existing file and no output through', () => {
    writeFileSync(join(dir, 'previous.csv'), 'x\n');
    expect(() => refuseInputAsOutput('--out', join(dir, 'new.csv'), [input])).not.toThrow();
    expect(() => refuseInputAsOutput('--out', join(dir, 'previous.csv'), [input])).not.toThrow();
    expect(() => refuseInputAsOutput('--out', undefined, [input])).not.toThrow();
  });
});
