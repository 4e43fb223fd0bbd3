import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/**
 * Builds the playground with webpack in production mode into a fresh temp folder; set
 * SK_PLAYGROUND_DIR to an existing build to skip the (1–2 minute) build while iterating.
 */
export function buildPlayground(): string {
  const given = process.env.SK_PLAYGROUND_DIR;
  if (given && existsSync(join(given, 'playground.html'))) return resolve(given);
  const out = mkdtempSync(join(tmpdir(), 'sk-playground-'));
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'playground', '--output-path', out], { cwd: ROOT, stdio: 'pipe' });
  return out;
}
