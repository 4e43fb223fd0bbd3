const TRUE_WORDS = ['true', 'yes', 'y', 'ja', 'j', 'wahr', 'waar', '1'];
const FALSE_WORDS = ['false', 'no', 'n', 'nein', 'nee', 'falsch', 'onwaar', '0'];
const WORDS = new Map<string, boolean>([...TRUE_WORDS.map((w) => [w, true] as const), ...FALSE_WORDS.map((w) => [w, false] as const)]);

/**
 * Reads a yes/no cell in English, German or Dutch (true/false, yes/no, ja/nein, ja/nee, 1/0, y/n,
 * wahr/falsch, waar/onwaar), case-insensitive. Returns undefined when the text is not one of them.
 *
 * @example
 * parseBooleanCell(' Ja ');  // true
 * parseBooleanCell('onwaar'); // false
 * parseBooleanCell('maybe');  // undefined
 */
export function parseBooleanCell(text: string): boolean | undefined {
  return WORDS.get(text.trim().toLowerCase());
}
