import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SegmentKitError } from '../core/errors/SegmentKitError';

/**
 * Refuses an output path that names one of the input files, however it is spelled: another
 * relative form, a symbolic or hard link, another letter case where the file system ignores case.
 * Files are compared by device and inode when the output exists, by resolved path otherwise.
 * SegmentKit never writes over the user's data.
 *
 * @example
 * refuseInputAsOutput('--out', flags.out, files); // throws E_ARGUMENT for `--out ./orders.csv`
 */
export function refuseInputAsOutput(option: string, out: string | undefined, inputs: string[]): void {
  if (!out) return;
  const target = identity(out);
  for (const input of inputs) {
    if (identity(input) !== target) continue;
    throw new SegmentKitError('E_ARGUMENT', `${option} names an input file`, { location: { file: out }, hint: 'Write results to a new file; SegmentKit never overwrites your data.' });
  }
}

function identity(file: string): string {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    return resolve(file);
  }
}
