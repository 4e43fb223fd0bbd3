import type { ParsedTable } from '../core/ingest/ParsedTable';
import type { DateOrder } from '../core/ingest/parseDateCell';
import { tableFromValues } from '../core/ingest/tableFromValues';
import type { Delimiter } from './detectDelimiter';
import { parseDelimitedRecords, type UnclosedQuote } from './parseDelimitedRecords';
import { unclosedQuoteWarning } from './unclosedQuoteWarning';

export interface ReadDelimitedTextOptions {
  file?: string;
  hasHeader?: boolean | 'auto';
  dateOrder?: DateOrder | 'auto';
}

/**
 * The general reader of delimited text: RFC 4180 records, then {@link tableFromValues}, with a
 * warning first when a quote never closes. Semicolon files default to decimal commas.
 *
 * @example
 * readDelimitedText('customer_id,amount\nC1,10\n', ',', { file: 'x.csv' }).table.rowCount; // 1
 */
export function readDelimitedText(text: string, delimiter: Delimiter, options: ReadDelimitedTextOptions = {}): ParsedTable {
  const report: { unclosedQuote?: UnclosedQuote } = {};
  const records = parseDelimitedRecords(text, delimiter, report);
  const parsed = tableFromValues(records, { file: options.file, hasHeader: options.hasHeader ?? 'auto', dateOrder: options.dateOrder ?? 'auto', decimalHint: delimiter === ';' ? ',' : '.' });
  if (report.unclosedQuote) parsed.warnings.unshift(unclosedQuoteWarning(report.unclosedQuote));
  return parsed;
}
