import { Command, CommanderError } from 'commander';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import { version } from '../../package.json';
import { registerCommands } from './registerCommands';

/** Exit codes: 0 success, 2 bad input or bad arguments, 1 internal error. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/**
 * Runs the `segmentkit` command line. Returns the exit code instead of exiting so tests can
 * call it in-process.
 *
 * @example
 * await main(['node', 'segmentkit', 'inspect', 'orders.csv', '--json']);
 */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const program = new Command();
  program
    .name('segmentkit')
    .description('Customer segmentation for support and CX teams: RFM, value tiers, CLV, lifecycle, k-means, playbooks.')
    .version(version, '-V, --version', 'print the version')
    .option('--debug', 'print stack traces for errors')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  registerCommands(program);
  try {
    await program.parseAsync(argv);
    return EXIT_OK;
  } catch (e) {
    return reportError(e, debug);
  }
}

function reportError(e: unknown, debug: boolean): number {
  if (e instanceof CommanderError) {
    // Help and version exit through here with code 0; argument errors were already printed.
    return e.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
  }
  if (e instanceof SegmentKitError) {
    process.stderr.write(`segmentkit: ${e.message}\n`);
    if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
    return e.code === 'E_INTERNAL' ? EXIT_INTERNAL : EXIT_BAD_INPUT;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`segmentkit: internal error: ${message}. Please report it with the command you ran${debug ? '' : ' (add --debug for details)'}.\n`);
  if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  return EXIT_INTERNAL;
}
