/** Field separators SegmentKit recognises; `whitespace` is runs of spaces/tabs (fixed-width exports such as CDNOW). */
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';

const CANDIDATES: Exclude<Delimiter, 'whitespace'>[] = [';', '\t', ',', '|'];
const SAMPLE_LINES = 50;

/**
 * Picks the delimiter that splits the first lines into the same number of fields (quotes
 * respected); German and Dutch Excel write `;`, others `,`. Falls back to runs of whitespace,
 * then to `,` (one column).
 *
 * @example
 * detectDelimiter('a;b;c\n1,5;2;3\n'); // ';'
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = sampleLines(text);
  let best: Delimiter | undefined;
  let bestFields = 1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0];
    if (first === 0) continue;
    const same = counts.filter((c) => c === first).length;
    if (same >= counts.length * 0.8 && first + 1 > bestFields) {
      best = d;
      bestFields = first + 1;
    }
  }
  if (best) return best;
  const widths = lines.map((l) => l.trim().split(/\s+/).length);
  if (widths[0] > 1 && widths.filter((w) => w === widths[0] || w === widths[0] + 1 || w === widths[0] - 1).length >= widths.length * 0.8) return 'whitespace';
  return ',';
}

function sampleLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < SAMPLE_LINES && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') lines.push(line);
    start = end + 1;
  }
  return lines.length ? lines : [''];
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === d) n++;
  }
  return n;
}
