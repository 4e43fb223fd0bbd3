import { loadCompiledCli } from '../../src/cli/compiledCli.cjs';

describe('loadCompiledCli', () => {
  it('loads the CLI from its cached bundle (a bundle that fails to load would silently fall back to tsx, seconds slower)', async () => {
    const cli = (await loadCompiledCli()) as { main?: unknown } | null;
    expect(cli).not.toBeNull();
    expect(typeof cli?.main).toBe('function');
  }, 120_000);
});
