import { version } from '../../package.json';
import { runCli } from './runCli';

describe('segmentkit --version', () => {
  it("prints package.json's version and exits 0", async () => {
    const r = await runCli('--version');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
  });
});
