import { writeFileSync } from 'node:fs';
import { SegmentKitError } from '../core/errors/SegmentKitError';
import type { CellValue } from '../core/results/Outputs';
import { guardFormula } from './guardFormula';

export type CsvColumn = ArrayLike<CellValue> | Float64Array | Int32Array;

export interface WriteCsvOptions {
  /** Field separator; default ','. */
  delimiter?: ',' | ';' | '\t';
  /** Formula-injection guard for files opened in Excel (see guardFormula); default true. */
  forExcel?: boolean;
  /** Write a UTF-8 byte-order mark so Excel detects UTF-8; default true when forExcel. */
  bom?: boolean;
}

/**
 * Writes columns as an RFC 4180 CSV (CRLF line ends; fields with the delimiter, quotes, line
 * breaks or edge spaces are quoted, quotes doubled). NaN and null are empty cells. Text is
 * guarded against formula injection unless `forExcel: false`.
 *
 * @example
 * writeCsv('out/segments.csv', ['customer', 'segment'], [['C1', 'C2'], ['Champions', '=risk']]);
 */
export function writeCsv(path: string, headers: string[], columns: CsvColumn[], options: WriteCsvOptions = {}): void {
  if (headers.length !== columns.length) {
    throw new SegmentKitError('E_ARGUMENT', `${headers.length} headers but ${columns.length} columns`, { location: { file: path }, hint: 'Pass one header per column.' });
  }
  const rows = columns.length ? columns[0].length : 0;
  columns.forEach((c, k) => {
    if (c.length !== rows) {
      throw new SegmentKitError('E_ARGUMENT', `Column "${headers[k]}" has ${c.length} values but the first column has ${rows}`, { location: { file: path, column: headers[k] }, hint: 'All columns must have the same length.' });
    }
  });
  const delimiter = options.delimiter ?? ',';
  const forExcel = options.forExcel ?? true;
  const field = (v: CellValue): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    const text = forExcel ? guardFormula(v) : v;
    const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || /^\s|\s$/.test(text);
    return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines: string[] = [headers.map(field).join(delimiter)];
  for (let i = 0; i < rows; i++) {
    let line = '';
    for (let k = 0; k < columns.length; k++) line += (k ? delimiter : '') + field(columns[k][i] as CellValue);
    lines.push(line);
  }
  const bom = (options.bom ?? forExcel) ? '\ufeff' : '';
  writeFileSync(path, `${bom}${lines.join('\r\n')}\r\n`, 'utf8');
}
