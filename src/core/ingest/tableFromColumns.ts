import { SegmentKitError } from '../errors/SegmentKitError';
import type { Column } from '../table/Table';
import { cellAddress, columnLetter } from './columnLetter';
import { inferColumn, type ColumnCells } from './inferColumn';
import { isBlankCell } from './isBlankCell';
import type { ColumnReport, IngestWarning, ParsedTable, TableFromValuesOptions } from './ParsedTable';

/**
 * Builds a ParsedTable from columns that readers have already cut into rows: names the columns,
 * drops all-blank ones, rejects duplicate headers and infers every column's type. Both
 * {@link tableFromValues} and the fast CSV reader end here, so one set of rules serves all readers.
 *
 * `headers` is the header row's cells (null when the data has none); `rowSources` holds the
 * 1-based source row of every data row; `headerRow` is the header's row (0 when none).
 *
 * @example
 * const p = tableFromColumns(['amount'], [{ kind: 'numbers', values: new Float64Array([1, 2]) }], Int32Array.of(2, 3), 1);
 * p.table.columns[0].type; // 'number'
 */
export function tableFromColumns(
  headers: ArrayLike<unknown> | null,
  columns: ColumnCells[],
  rowSources: Int32Array,
  headerRow: number,
  options: TableFromValuesOptions = {},
): ParsedTable {
  const { sheet, file } = options;
  const startColumn = options.startColumn ?? 0;
  const warnings: IngestWarning[] = [];
  if (rowSources.length === 0) {
    throw new SegmentKitError('E_NO_ROWS', 'The data has a header row but no rows below it', {
      location: { file, sheet, row: headerRow || undefined },
      hint: 'Select the header together with the data rows, or check that the file is complete.',
    });
  }
  const kept: { index: number; name: string; cells: ColumnCells; blankHeader: boolean }[] = [];
  const dropped: string[] = [];
  for (let c = 0; c < columns.length; c++) {
    const index = startColumn + c;
    const raw = headers ? headers[c] : undefined;
    const text = raw === null || raw === undefined ? '' : raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim();
    const letter = columnLetter(index);
    if (isAllBlank(columns[c])) {
      dropped.push(text ? `"${text}" (${letter})` : letter);
      continue;
    }
    const name = headers ? text || `Column ${letter}` : `Column ${letter}`;
    kept.push({ index, name, cells: columns[c], blankHeader: headers !== null && text === '' });
  }
  if (kept.length === 0) {
    throw new SegmentKitError('E_EMPTY', 'Every data cell is blank', { location: { file, sheet }, hint: 'Choose the sheet or range that holds the data.' });
  }
  if (dropped.length > 0) {
    warnings.push({ code: 'W_BLANK_COLUMN', message: `Dropped ${dropped.length} column(s) without any value: ${dropped.join(', ')}`, count: dropped.length });
  }
  const blankHeaders = kept.filter((k) => k.blankHeader);
  if (blankHeaders.length > 0) {
    warnings.push({
      code: 'W_BLANK_HEADER',
      message: `${blankHeaders.length} column(s) have no header and were named ${blankHeaders.map((k) => `"${k.name}"`).join(', ')} (merged header cells arrive this way too)`,
      count: blankHeaders.length,
    });
  }
  const seen = new Map<string, number>();
  for (const k of kept) {
    const key = k.name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw new SegmentKitError('E_DUPLICATE_HEADER', `Header "${k.name}" appears twice, in columns ${columnLetter(first)} and ${columnLetter(k.index)}`, {
        location: { file, sheet, column: k.name, row: headerRow || undefined, cell: cellAddress(sheet, k.index, headerRow) },
        hint: 'Rename one of them so every column has its own header; SegmentKit maps roles by header name.',
      });
    }
    seen.set(key, k.index);
  }
  const rowOf = (i: number): number => rowSources[i];
  const reports: ColumnReport[] = [];
  const out: Column[] = [];
  for (const k of kept) {
    const inferred = inferColumn(k.cells, {
      name: k.name,
      index: k.index,
      sheet,
      rowOf,
      dateOrder: options.dateOrder ?? 'auto',
      decimalHint: options.decimalHint ?? '.',
    });
    out.push(inferred.column);
    reports.push(inferred.report);
    warnings.push(...inferred.warnings);
  }
  if (out.length === 1) {
    warnings.push({ code: 'W_ONE_COLUMN', message: `Only one column ("${out[0].name}") was found: enough to inspect, not to segment. If the file uses another delimiter, check it` });
  }
  return { table: { rowCount: rowSources.length, columns: out }, columns: reports, warnings, headerRow, sourceRowOf: rowOf };
}

function isAllBlank(c: ColumnCells): boolean {
  if (c.kind === 'coded') return c.values.every((v) => v.trim() === '');
  if (c.kind === 'numbers') {
    for (let i = 0; i < c.values.length; i++) if (c.values[i] === c.values[i]) return false;
    return true;
  }
  for (let i = 0; i < c.cells.length; i++) if (!isBlankCell(c.cells[i])) return false;
  return true;
}

