import { open, readFile } from 'node:fs/promises';
import { SegmentKitError } from '../core/errors/SegmentKitError';

/** From this size on the bytes go into shared memory, so reader threads can read them in place. */
const SHARED_MIN_BYTES = 32 * 2 ** 20;
/** readFile's own limit: bigger files keep its error. */
const MAX_READ_BYTES = 2 ** 31 - 1;

/**
 * A file's bytes, or a SegmentKitError that names the path: E_FILE_NOT_FOUND or E_FILE_READ.
 * Big files come in a SharedArrayBuffer, which worker threads read without a copy.
 *
 * @example
 * const bytes = await readFileBytes('orders.csv');
 */
export async function readFileBytes(path: string): Promise<Buffer> {
  try {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      if (size < SHARED_MIN_BYTES || size > MAX_READ_BYTES) return await readFile(file);
      const bytes = Buffer.from(new SharedArrayBuffer(size));
      let filled = 0;
      while (filled < size) {
        const { bytesRead } = await file.read(bytes, filled, size - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === size ? bytes : bytes.subarray(0, filled);
    } finally {
      await file.close();
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new SegmentKitError(code === 'ENOENT' ? 'E_FILE_NOT_FOUND' : 'E_FILE_READ', code === 'ENOENT' ? 'The file does not exist' : `The file cannot be read (${code ?? String(e)})`, {
      location: { file: path },
      hint: 'Check the path and that you may read the file.',
      cause: e,
    });
  }
}
