import type { Delimiter } from './detectDelimiter';

/** Where a quoted field opens and never closes: 0-based record (blank ones counted) and field. */
export interface UnclosedQuote {
  record: number;
  field: number;
}

/**
 * Splits text into records of fields per RFC 4180: quoted fields may hold the delimiter, quotes
 * (doubled) and line breaks; CRLF, LF and CR end records. `whitespace` splits each line on runs
 * of spaces/tabs after trimming (no quoting). A final line break does not make an extra record.
 * A quote that never closes takes the rest of the text into its field; `report.unclosedQuote`
 * then says where it opened.
 *
 * @example
 * parseDelimitedRecords('a,b\n"x, ""y""\nz",2\n', ','); // [['a','b'], ['x, "y"\nz', '2']]
 */
export function parseDelimitedRecords(text: string, delimiter: Delimiter, report: { unclosedQuote?: UnclosedQuote } = {}): string[][] {
  if (delimiter === 'whitespace') {
    const lines = text.split(/\r\n|\r|\n/);
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines.map((l) => (l.trim() === '' ? [''] : l.trim().split(/\s+/)));
  }
  const d = delimiter.charCodeAt(0);
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    if (i === n) {
      if (record.length > 0) records.push(record);
      break;
    }
    let field: string;
    if (text.charCodeAt(i) === 34) {
      let out = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          report.unclosedQuote = { record: records.length, field: record.length };
          out += text.slice(j);
          j = n;
          break;
        }
        out += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          out += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      let k = j;
      while (k < n && text.charCodeAt(k) !== d && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
      field = out + text.slice(j, k);
      i = k;
    } else {
      let k = i;
      while (k < n && text.charCodeAt(k) !== d && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
      field = text.slice(i, k);
      i = k;
    }
    record.push(field);
    if (i >= n) {
      records.push(record);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i === n) {
        record.push('');
        records.push(record);
        break;
      }
      continue;
    }
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    records.push(record);
    record = [];
  }
  return records;
}
