import { readFile } from 'node:fs/promises';
import { SegmentKitError } from '../core/errors/SegmentKitError';

/**
 * A file's bytes, or a SegmentKitError that names the path: E_FILE_NOT_FOUND or E_FILE_READ.
 *
 * @example
 * const bytes = await readFileBytes('orders.csv');
 */
export async function readFileBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new SegmentKitError(code === 'ENOENT' ? 'E_FILE_NOT_FOUND' : 'E_FILE_READ', code === 'ENOENT' ? 'The file does not exist' : `The file cannot be read (${code ?? String(e)})`, {
      location: { file: path },
      hint: 'Check the path and that you may read the file.',
      cause: e,
    });
  }
}
