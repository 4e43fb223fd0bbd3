import { spawn } from 'node:child_process';

export type OnlineValidation =
  | { status: 'valid'; output: string }
  | { status: 'invalid'; output: string }
  | { status: 'unavailable'; reason: string; output: string };

/** The phrase office-addin-manifest prints when it cannot reach Microsoft's validation service. */
const UNREACHABLE = /Unable to contact the manifest validation service|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET/;

/**
 * Runs Microsoft's `office-addin-manifest validate`, which uploads the manifest to an online
 * service. A missing network is "unavailable", not a failure: the local check is the gate.
 *
 * @example
 * const r = await validateManifestOnline('manifest.xml', 30_000);
 * if (r.status === 'invalid') console.error(r.output);
 */
export function validateManifestOnline(manifestPath: string, timeoutMs = 30_000): Promise<OnlineValidation> {
  return new Promise((done) => {
    const bin = require.resolve('office-addin-manifest/cli.js');
    const child = spawn(process.execPath, [bin, 'validate', manifestPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      done({ status: 'unavailable', reason: e.message, output });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal) done({ status: 'unavailable', reason: `no answer within ${Math.round(timeoutMs / 1000)} s`, output });
      else if (UNREACHABLE.test(output)) done({ status: 'unavailable', reason: 'no network to the validation service', output });
      else if (code === 0) done({ status: 'valid', output });
      else done({ status: 'invalid', output });
    });
  });
}
