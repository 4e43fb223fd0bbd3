import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { IngestWarning } from '../core/ingest/ParsedTable';

export interface DecodedText {
  text: string;
  /** `mixed`: mostly UTF-8, with some bytes that are not (read as Windows-1252, see `legacy`). */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'mixed';
  /** With `mixed`: how many bytes were read as Windows-1252, and the 1-based line of the first. */
  legacy?: { bytes: number; firstLine: number };
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
    return decodeLegacy(bytes.subarray(start));
  }
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the WHATWG Encoding Standard's table; the five
 * unassigned bytes keep their code point). Node's TextDecoder reads "windows-1252" as Latin-1,
 * which turns €, curly quotes and dashes from Excel on Windows into invisible control characters.
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * The warning for a `mixed` decode, the same from every reader.
 *
 * @example
 * mixedEncodingWarning({ bytes: 1, firstLine: 3 }).code; // 'W_MIXED_ENCODING'
 */
export function mixedEncodingWarning(legacy: { bytes: number; firstLine: number }): IngestWarning {
  return {
    code: 'W_MIXED_ENCODING',
    message: `The file is UTF-8 but ${legacy.bytes} byte(s) are not (first on line ${legacy.firstLine}); they were read as Windows-1252 (for example ä, é, €). Check those characters, and save the file as "CSV UTF-8" so every character is certain`,
    count: legacy.bytes,
  };
}

/** Windows-1252 character of every byte, for bytes read one by one. */
const CP1252 = Array.from({ length: 256 }, (_, b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)));

/** A whole legacy Windows file: Latin-1 for all but 0x80–0x9F, which take Windows-1252's characters. */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** Length of the well-formed UTF-8 sequence at `p` (2–4 bytes), or 0 when there is none. */
function sequenceAt(bytes: Uint8Array, p: number): number {
  const b = bytes[p];
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
  if (need < 0 || p + need >= bytes.length) return 0;
  for (let i = 1; i <= need; i++) if ((bytes[p + i] & 0xc0) !== 0x80) return 0;
  const second = bytes[p + 1];
  // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
  if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return 0;
  return need + 1;
}

/**
 * Text that is not valid UTF-8. A file without a single UTF-8 letter is a legacy Windows file
 * and decodes as such; one with UTF-8 letters and a few other bytes was put together from two
 * sources (a pasted cell, a merged export), so each part decodes as what it is: UTF-8 sequences
 * as UTF-8 and the stray bytes as Windows-1252, instead of turning every UTF-8 letter into
 * mojibake. The caller warns about `mixed`.
 */
function decodeLegacy(bytes: Uint8Array): DecodedText {
  let utf8Letter = false;
  for (let p = 0; p < bytes.length && !utf8Letter; p++) if (bytes[p] >= 0x80 && sequenceAt(bytes, p) > 0) utf8Letter = true;
  if (!utf8Letter) return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  const utf8 = new TextDecoder('utf-8');
  const parts: string[] = [];
  let runStart = 0;
  let legacy = 0;
  let firstLine = 0;
  let line = 1;
  for (let p = 0; p < bytes.length; p++) {
    const b = bytes[p];
    if (b === 0x0a) line++;
    if (b < 0x80) continue;
    const length = sequenceAt(bytes, p);
    if (length > 0) {
      p += length - 1;
      continue;
    }
    parts.push(utf8.decode(bytes.subarray(runStart, p)), CP1252[b]);
    runStart = p + 1;
    legacy++;
    if (firstLine === 0) firstLine = line;
  }
  parts.push(utf8.decode(bytes.subarray(runStart)));
  return { text: parts.join(''), encoding: 'mixed', legacy: { bytes: legacy, firstLine } };
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
