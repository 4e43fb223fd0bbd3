import { SegmentKitError } from '../errors/SegmentKitError';
import type { ColumnCells } from './inferColumn';
import { isBlankCell } from './isBlankCell';
import { looksLikeHeader } from './looksLikeHeader';
import type { IngestWarning, ParsedTable, TableFromValuesOptions } from './ParsedTable';
import { tableFromColumns } from './tableFromColumns';

/**
 * Turns a 2-D block of cells, exactly as Excel's `range.values` returns it (numbers, strings,
 * booleans, '' for blank, dates as serial numbers, errors as '#N/A' strings) or as a CSV reader
 * returns records (strings), into a typed table with a report per column.
 *
 * Rules: leading blank rows are skipped; fully blank rows inside the data are skipped and counted;
 * a row shorter than the header is padded with blanks (warning W_SHORT_ROWS); a row with values
 * beyond the header's width throws E_RAGGED_ROW (those values would belong to no column);
 * duplicate headers throw E_DUPLICATE_HEADER; blank headers become "Column C"; all-blank columns
 * are dropped (W_BLANK_COLUMN).
 *
 * @example
 * const p = tableFromValues([['Kundennummer', 'Betrag'], ['00042', '12,50 €']], { sheet: 'Orders' });
 * p.table.columns.map((c) => c.type); // ['id', 'number']
 */
export function tableFromValues(values: unknown[][], options: TableFromValuesOptions = {}): ParsedTable {
  const { sheet, file } = options;
  const startRow = options.startRow ?? 1;
  if (!Array.isArray(values) || values.some((r) => !Array.isArray(r))) {
    throw new SegmentKitError('E_ARGUMENT', 'values must be an array of rows (arrays of cells)', { location: { file, sheet }, hint: 'Pass range.values as it is.' });
  }
  let first = 0;
  while (first < values.length && values[first].every(isBlankCell)) first++;
  if (first === values.length) {
    throw new SegmentKitError('E_EMPTY', 'There is no data: every cell is blank', { location: { file, sheet }, hint: 'Choose the sheet or range that holds the data.' });
  }
  const hasHeader = options.hasHeader === undefined || options.hasHeader === 'auto' ? looksLikeHeader(values[first]) : options.hasHeader;
  const headerIndex = hasHeader ? first : -1;
  const dataStart = hasHeader ? first + 1 : first;
  let width = hasHeader ? values[first].length : 0;
  if (!hasHeader) for (let r = dataStart; r < values.length; r++) width = Math.max(width, lastFilled(values[r]) + 1);

  const warnings: IngestWarning[] = [];
  const rows: number[] = [];
  const shortRows: number[] = [];
  let blankRows = 0;
  for (let r = dataStart; r < values.length; r++) {
    const row = values[r];
    const filled = lastFilled(row);
    if (filled < 0) {
      blankRows++;
      continue;
    }
    if (filled >= width) {
      throw new SegmentKitError('E_RAGGED_ROW', `Row ${startRow + r} has ${filled + 1} values but the header has ${width} columns`, {
        location: { file, sheet, row: startRow + r },
        hint: 'Give the extra values a header, or check the delimiter and quoting of that row.',
      });
    }
    if (filled < width - 1 && row.length < width) shortRows.push(startRow + r);
    rows.push(r);
  }
  const blankRowsInside = countInside(values, rows, blankRows);
  if (blankRowsInside > 0) warnings.push({ code: 'W_BLANK_ROWS', message: `Skipped ${blankRowsInside} blank row(s) inside the data`, count: blankRowsInside });
  if (shortRows.length > 0) {
    warnings.push({
      code: 'W_SHORT_ROWS',
      message: `${shortRows.length} row(s) have fewer values than the header (first: row ${shortRows.slice(0, 5).join(', ')}); the missing cells are blank`,
      count: shortRows.length,
    });
  }
  const rowSources = Int32Array.from(rows, (r) => startRow + r);
  const columns: ColumnCells[] = [];
  for (let c = 0; c < width; c++) {
    const cells: unknown[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) cells[i] = values[rows[i]][c];
    const formats = options.numberFormats ? rows.map((r) => options.numberFormats?.[r]?.[c]) : undefined;
    columns.push({ kind: 'cells', cells, formats });
  }
  const parsed = tableFromColumns(hasHeader ? values[headerIndex] : null, columns, rowSources, hasHeader ? startRow + headerIndex : 0, options);
  parsed.warnings.unshift(...warnings);
  return parsed;
}

function lastFilled(row: unknown[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (!isBlankCell(row[c])) return c;
  return -1;
}

/** Blank rows after the last data row are the end of the range, not a gap worth reporting. */
function countInside(values: unknown[][], rows: number[], blankRows: number): number {
  if (rows.length === 0) return 0;
  const trailing = values.length - 1 - rows[rows.length - 1];
  return blankRows - trailing;
}
