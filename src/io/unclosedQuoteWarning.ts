import { columnLetter } from '../core/ingest/columnLetter';
import type { IngestWarning } from '../core/ingest/ParsedTable';
import type { UnclosedQuote } from './parseDelimitedRecords';

/**
 * The warning for a quote that opens a cell and never closes: every reader of delimited text
 * reads the rest of the file into that cell, so the rows after it seem to vanish (and the row
 * itself comes out short). Names the row (records counted as the file's rows) and the column.
 *
 * @example
 * unclosedQuoteWarning({ record: 1, field: 1 }).message; // 'Row 2, column B: a quote opens a cell …'
 */
export function unclosedQuoteWarning(quote: UnclosedQuote): IngestWarning {
  return {
    code: 'W_UNCLOSED_QUOTE',
    message: `Row ${quote.record + 1}, column ${columnLetter(quote.field)}: a quote opens a cell and is never closed, so everything after it to the end of the file was read into that one cell; close the quote (a quote inside a cell is written "") and read the file again`,
    count: 1,
  };
}
