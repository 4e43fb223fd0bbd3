import { SegmentKitError } from '../core/errors/SegmentKitError';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

const SNIFF_BYTES = 8192;

/**
 * Decodes a text file the way Excel writes them: UTF-8 with or without BOM, UTF-16 with BOM
 * ("Unicode text"), or the legacy Windows code page when the bytes are not valid UTF-8.
 * Bytes that are no text at all (NUL bytes, control characters) throw E_NOT_TEXT rather than
 * becoming a table of garbage.
 *
 * @example
 * decodeText(Buffer.from('\ufeffa;b\n1;2', 'utf8'), 'x.csv').text; // 'a;b\n1;2'
 */
export function decodeText(bytes: Buffer, file: string): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.toString('utf16le', 2), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return { text: swapped.toString('utf16le'), encoding: 'utf-16be' };
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  assertText(bytes, start, file);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes.subarray(start)), encoding: 'windows-1252' };
  }
}

function assertText(bytes: Buffer, start: number, file: string): void {
  const end = Math.min(bytes.length, start + SNIFF_BYTES);
  let control = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === 0) {
      throw new SegmentKitError('E_NOT_TEXT', `The file is not a text file (it contains NUL bytes at byte ${i})`, {
        location: { file },
        hint: 'Export the data as CSV (UTF-8) or save it as .xlsx; a UTF-16 file needs its byte-order mark.',
      });
    }
    if (b < 9 || (b > 13 && b < 32) || b === 127) control++;
  }
  if (control > Math.max(2, (end - start) * 0.01)) {
    throw new SegmentKitError('E_NOT_TEXT', `The file is not a text file (${control} control characters in its first ${end - start} bytes)`, {
      location: { file },
      hint: 'Export the data as CSV (UTF-8) or save it as .xlsx.',
    });
  }
}
