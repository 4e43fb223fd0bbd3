/** As many lines as detectDelimiter looks at. */
const SAMPLE_LINES = 50;

/**
 * The start of a UTF-8 text, decoded, long enough that {@link detectDelimiter} decides on it
 * exactly as on the whole text: it ends after the 50th line holding a visible ASCII character
 * (so at least 50 non-blank lines), or is all of the text. The rest of a big file is never
 * decoded as one string.
 *
 * @example
 * delimiterSample(Buffer.from('a;b\n1;2\n')); // 'a;b\n1;2\n'
 */
export function delimiterSample(bytes: Buffer): string {
  let lines = 0;
  let visible = false;
  for (let p = 0; p < bytes.length; p++) {
    const b = bytes[p];
    if (b === 10) {
      if (visible && ++lines === SAMPLE_LINES) return bytes.toString('utf8', 0, p + 1);
      visible = false;
    } else if (b > 32 && b < 127) visible = true;
  }
  return bytes.toString('utf8');
}
