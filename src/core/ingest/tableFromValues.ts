import type { ParsedTable, TableFromValuesOptions } from './ParsedTable';
import { rowsToColumns } from './rowsToColumns';

/**
 * Turns a 2-D block of cells, exactly as Excel's `range.values` returns it (numbers, strings,
 * booleans, '' for blank, dates as serial numbers, errors as '#N/A' strings) or as a CSV reader
 * returns records (strings), into a typed table with a report per column.
 *
 * Rules: leading blank rows are skipped; fully blank rows inside the data are skipped and counted;
 * a row shorter than the header is padded with blanks (warning W_SHORT_ROWS); a row with values
 * beyond the header's width throws E_RAGGED_ROW (those values would belong to no column);
 * duplicate headers throw E_DUPLICATE_HEADER; blank headers become "Column C"; all-blank columns
 * are dropped (W_BLANK_COLUMN). {@link rowsToColumns} does the same for rows that come a chunk at
 * a time.
 *
 * @example
 * const p = tableFromValues([['Kundennummer', 'Betrag'], ['00042', '12,50 €']], { sheet: 'Orders' });
 * p.table.columns.map((c) => c.type); // ['id', 'number']
 */
export function tableFromValues(values: unknown[][], options: TableFromValuesOptions = {}): ParsedTable {
  const block = rowsToColumns(options);
  block.add(values, options.numberFormats);
  return block.finish();
}
