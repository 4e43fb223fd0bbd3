import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';

const CDNOW = join(__dirname, '..', '..', '..', 'shared', 'data', 'cdnow', 'CDNOW_sample.txt');

describe('segmentkit inspect', () => {
  it('reads the headerless CDNOW sample: 6,919 rows, 2,357 customers, id/date/quantity/amount roles', async () => {
    const r = await runCli('inspect', CDNOW, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.rows).toBe(6919);
    expect(json.customers).toBe(2357);
    const roles = Object.fromEntries(json.columns.filter((c: { role: string | null }) => c.role).map((c: { role: string; name: string }) => [c.role, c.name]));
    expect(roles).toEqual({ customerId: 'Column A', date: 'Column C', quantity: 'Column D', amount: 'Column E' });
    for (const c of json.columns) expect(Object.keys(c).slice(0, 5)).toEqual(['name', 'type', 'role', 'confidence', 'missing']);
    expect(json.warnings.map((w: { code: string }) => w.code)).toContain('W_ZERO_AMOUNT');
  });

  it('exits 2 with one line naming the file for a missing file and for an empty one', async () => {
    const missing = await runCli('inspect', 'no/such/file.csv');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('segmentkit: no/such/file.csv: The file does not exist. Check the path and that you may read the file.\n');
    const dir = mkdtempSync(join(tmpdir(), 'sk-inspect-'));
    writeFileSync(join(dir, 'empty.csv'), '');
    const empty = await runCli('inspect', join(dir, 'empty.csv'));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('segmentkit: empty.csv: The file is empty. Export the data again; the file has 0 bytes.\n');
  });

  it('exits 2 on unknown options and names them', async () => {
    const r = await runCli('inspect', CDNOW, '--colour');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--colour'");
  });
});
